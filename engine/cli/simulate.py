"""``onceonly simulate`` and ``onceonly roadmap``: what-if scenarios against the baseline.

With ``--format json`` (or ``csv``) only the result goes to stdout; warnings go to stderr.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..simulation.export import to_csv as _csv
from .common import CatalogueOpt, emit_json, err, fail, guarded, load, out

DateOpt = lambda flag, text: typer.Option(flag, formats=["%Y-%m-%d"], help=text)  # noqa: E731


class SimFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _population(cat, size: int | None, seed: int, exact_default: bool = False):
    from ..simulation.population import Population, load_parameters, parameters_path

    if size is None and not exact_default:
        return None
    path = parameters_path(cat.root) or parameters_path(Path(__file__).resolve().parents[2] / "procedures")
    if path is None:
        fail("no population parameters (procedures/parameters/population.yaml)")
    params = load_parameters(path)
    if size is None:
        return Population.expected(params)
    if size <= 0:
        fail("--population must be a positive number of applicants")
    return Population.generate(params, size, seed)


def _num(v, digits: int = 0) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and digits:
        return f"{v:,.{digits}f}"
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2f}"


COLUMNS = (
    ("procedures", "procs"),
    ("requirements_removed", "reqs −"),
    ("requirements_added", "reqs +"),
    ("copies_removed", "copies −"),
    ("copies_added", "copies +"),
    ("copies_removed_per_year", "copies −/yr"),
    ("copies_added_per_year", "copies +/yr"),
    ("hours_saved_per_year", "hours saved/yr"),
    ("vnd_saved_per_year", "VND saved/yr"),
    ("conditional_removed", "cond −"),
    ("conditional_added", "cond +"),
)


def _metrics_table(title: str, rows: list[tuple[str, dict]], key_name: str) -> Table:
    table = Table(title=title)
    table.add_column(key_name, overflow="fold")
    for _, head in COLUMNS:
        table.add_column(head, justify="right")
    for key, m in rows:
        table.add_row(key, *[_num(m.get(k)) for k, _ in COLUMNS])
    return table


def _render(result: dict, limit: int) -> None:
    sc = result["scenario"]
    out.print(f"[bold]{sc['name'].get('en') or sc['name']['vi']}[/bold] ({sc['id']}) — diff on {result['as_of']}", highlight=False)
    if sc["estimate"]:
        out.print("[yellow]estimate[/yellow]: rests on the assumptions below", highlight=False)
        for a in sc["assumptions"]:
            out.print(f"  - {a['statement']}", highlight=False, markup=False)
    pop = result["population"]
    if pop:
        size = "exact expectation" if pop["exact_expectation"] else f"{pop['size']:,} synthetic applicants (seed {pop['seed']})"
        out.print(f"Population: {size}; shares are of applicants, not of procedures.", highlight=False)
    else:
        out.print("No population: 'cond' = struck only for some applicants (see --population N).", highlight=False)
    if result.get("cost_note"):
        out.print(f"[yellow]{result['cost_note']}[/yellow]", highlight=False)
    out.print(f"Procedures the scenario can change: {result['affected']['procedures']} of {result['baseline']['procedures']}", highlight=False)
    out.print(_metrics_table("Total", [("all", result["totals"])], "scope"))
    out.print(_metrics_table("By ministry", list(result["by_ministry"].items()), "ministry"))
    out.print(_metrics_table("By source", list(result["by_source"].items()), "source"))
    procs = result["procedures"][:limit]
    if procs:
        out.print(_metrics_table(f"By procedure (top {len(procs)} of {len(result['procedures'])})", [(p["code"], p) for p in procs], "procedure"))
    if result.get("documents"):
        table = Table(title="Share of applicants for whom the document is struck")
        for col in ("document type", "requirements", "baseline", "scenario"):
            table.add_column(col, justify="right" if col != "document type" else "left")
        for d in result["documents"]:
            table.add_row(d["document_type"], str(d["requirements"]), _pct(d["before_share_struck"]), _pct(d["after_share_struck"]))
        out.print(table)
    if result["timeline"]:
        table = Table(title="Month by month (first day of each month)")
        for col in ("date", "baseline copies avoided/yr", "scenario copies avoided/yr", "copies −/yr", "copies +/yr", "hours saved/yr"):
            table.add_column(col, justify="right")
        for t in result["timeline"]:
            table.add_row(t["date"], _num(t["before"]["copies_avoided_per_year"]), _num(t["after"]["copies_avoided_per_year"]),
                          _num(t["copies_removed_per_year"]), _num(t["copies_added_per_year"]), _num(t["hours_saved_per_year"]))
        out.print(table)
    for o in result["outages"]:
        out.print(
            f"Outage of {o['source']} {o['from']}..{o['to']} ({o['days']} day(s), {o['status']}): "
            f"{_num(o['copies_added_over_window'])} copies and {_num(o['hours_lost_over_window'])} hours over the window",
            highlight=False,
        )


def _pct(v) -> str:
    return "—" if v is None else f"{v:.1%}"


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def simulate(
        scenario: Annotated[str, typer.Argument(help="Scenario file, or a name in procedures/scenarios/.")],
        date_from: Annotated[dt.datetime | None, DateOpt("--from", "First day of the timeline (default: the scenario's period).")] = None,
        date_to: Annotated[dt.datetime | None, DateOpt("--to", "Last day of the timeline (default: the scenario's period).")] = None,
        as_of: Annotated[dt.datetime | None, DateOpt("--as-of", "Date of the diff (default: the scenario's as_of).")] = None,
        population: Annotated[int | None, typer.Option("--population", help="Simulate N synthetic applicants (procedures/parameters/population.yaml).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Random seed of the population.")] = 0,
        chart: Annotated[Path | None, typer.Option("--chart", help="Write the timeline and per-ministry bars to FILE.png or FILE.html.")] = None,
        limit: Annotated[int, typer.Option("--limit", help="Procedures listed in table mode.")] = 20,
        catalogue: CatalogueOpt = None,
        format: Annotated[SimFormat, typer.Option("--format", "-f", help="table | json | csv")] = SimFormat.table,
    ) -> None:
        """What if SCENARIO happened: documents, copies, hours and VND removed or added,
        by ministry, source and procedure, and month by month."""
        from ..simulation import load_scenario
        from ..simulation import simulate as run
        from ..simulation.chart import write_chart
        from ..simulation.scenario import find_scenario

        selected = load(catalogue, quiet=format is not SimFormat.table)
        cat = selected.catalogue
        sc = load_scenario(find_scenario(scenario, cat.root))
        start, end = _day(date_from), _day(date_to)
        if start and end and end < start:
            fail("--to is before --from")
        pop = _population(cat, population, seed)
        result = run(cat, sc, as_of=_day(as_of), start=start, end=end, population=pop)
        if chart is not None:
            write_chart(result, chart)
            err.print(f"chart written to {chart}", highlight=False)
        if result.get("cost_note") and format is not SimFormat.table:
            err.print(f"warning: {result['cost_note']}", highlight=False)
        if format is SimFormat.json:
            emit_json(result)
        elif format is SimFormat.csv:
            sys.stdout.write(_csv(result))
        else:
            _render(result, limit)

    @app.command()
    @guarded
    def roadmap(
        candidates: Annotated[Path, typer.Argument(help="YAML list of candidate scenarios or inline sources.")],
        budget: Annotated[int | None, typer.Option("--budget", help="Choose at most K candidates.")] = None,
        as_of: Annotated[dt.datetime | None, DateOpt("--as-of", "Date of the comparison (default: the file's as_of).")] = None,
        population: Annotated[int | None, typer.Option("--population", help="N synthetic applicants (default: the exact expected shares).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Random seed of the population.")] = 0,
        catalogue: CatalogueOpt = None,
        format: Annotated[SimFormat, typer.Option("--format", "-f", help="table | json | csv")] = SimFormat.table,
    ) -> None:
        """Order candidate databases greedily by the hours a year each saves on top of
        the ones chosen before it, with cumulative figures."""
        from ..simulation.roadmap import load_candidates
        from ..simulation.roadmap import roadmap as run

        if budget is not None and budget <= 0:
            fail("--budget must be a positive number")
        selected = load(catalogue, quiet=format is not SimFormat.table)
        cat = selected.catalogue
        header, scenarios = load_candidates(candidates)
        day = _day(as_of) or header.get("as_of") or dt.date.today()
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        pop = _population(cat, population, seed, exact_default=True)
        result = run(cat, scenarios, day, budget=budget, population=pop)
        if result.get("cost_note") and format is not SimFormat.table:
            err.print(f"warning: {result['cost_note']}", highlight=False)
        if format is SimFormat.json:
            emit_json(result)
            return
        if format is SimFormat.csv:
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(["step", "candidate", "marginal_hours_saved_per_year", "marginal_vnd_saved_per_year", "marginal_copies_removed_per_year",
                        "cumulative_hours_saved_per_year", "cumulative_vnd_saved_per_year", "cumulative_copies_removed_per_year"])
            for s in result["steps"]:
                m, c = s["marginal"], s["cumulative"]
                w.writerow([s["step"], s["candidate"], m["hours_saved_per_year"], m["vnd_saved_per_year"], m["copies_removed_per_year"],
                            c["hours_saved_per_year"], c["vnd_saved_per_year"], c["copies_removed_per_year"]])
            sys.stdout.write(buf.getvalue())
            return
        table = Table(title=f"Roadmap on {result['as_of']} (greedy by marginal {result['metric'].replace('_', ' ')})")
        for col in ("step", "candidate", "hours saved/yr", "VND saved/yr", "copies −/yr", "cum. hours/yr", "cum. VND/yr", "procs"):
            table.add_column(col, justify="right" if col not in ("candidate",) else "left")
        for s in result["steps"]:
            m, c = s["marginal"], s["cumulative"]
            table.add_row(str(s["step"]), s["candidate"] + (" *" if s["estimate"] else ""), _num(m["hours_saved_per_year"]), _num(m["vnd_saved_per_year"]),
                          _num(m["copies_removed_per_year"]), _num(c["hours_saved_per_year"]), _num(c["vnd_saved_per_year"]), _num(m["procedures"]))
        out.print(table)
        pop_d = result["population"]
        out.print("* rests on assumptions stated in its file. Population: "
                  + ("exact expected shares" if pop_d and pop_d["exact_expectation"] else f"{pop_d['size']:,} synthetic applicants" if pop_d else "none"), highlight=False)
        if result["not_chosen"]:
            out.print(f"Not chosen (budget): {', '.join(result['not_chosen'])}", highlight=False)
        if result.get("cost_note"):
            out.print(f"[yellow]{result['cost_note']}[/yellow]", highlight=False)
