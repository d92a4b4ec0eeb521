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

from .common import (
    CatalogueOpt,
    LangOpt,
    day_text,
    emit_json,
    err,
    fail,
    guarded,
    load,
    more,
    number_text,
    out,
    say,
)

POPULATION_FILE = "procedures/parameters/population.yaml"

DateOpt = lambda flag, text: typer.Option(flag, formats=["%Y-%m-%d"], help=text)


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


def _num(v, lang: str) -> str:
    return number_text(v, lang)


COLUMNS = (
    ("procedures", "sim_procs"),
    ("requirements_removed", "sim_reqs_removed"),
    ("requirements_added", "sim_reqs_added"),
    ("copies_removed", "sim_copies_removed"),
    ("copies_added", "sim_copies_added"),
    ("copies_removed_per_year", "sim_copies_removed_y"),
    ("copies_added_per_year", "sim_copies_added_y"),
    ("hours_saved_per_year", "sim_hours"),
    ("vnd_saved_per_year", "sim_vnd"),
    ("conditional_removed", "sim_cond_removed"),
    ("conditional_added", "sim_cond_added"),
)


def _metrics_table(title: str, rows: list[tuple[str, dict]], key_name: str, lang: str):
    from rich.table import Table

    table = Table(title=title)
    table.add_column(key_name, overflow="fold")
    for _, head in COLUMNS:
        table.add_column(say(head, lang), justify="right")
    for key, m in rows:
        table.add_row(key, *[_num(m.get(k), lang) for k, _ in COLUMNS])
    return table


def _iso_text(value: str, lang: str) -> str:
    try:
        return day_text(dt.date.fromisoformat(value), lang)
    except (TypeError, ValueError):
        return str(value)


def _render(result: dict, limit: int, lang: str, cat) -> None:
    from rich.table import Table

    sc = result["scenario"]
    name = sc["name"]["vi"] if lang == "vi" else (sc["name"].get("en") or sc["name"]["vi"])
    out.print(f"[bold]{say('sim_title', lang, name=name, id=sc['id'], day=_iso_text(result['as_of'], lang))}[/bold]", highlight=False)
    if sc["estimate"]:
        out.print(f"[yellow]{say('sim_estimate', lang)}[/yellow]", highlight=False)
        for a in sc["assumptions"]:
            out.print(f"  - {a['statement']}", highlight=False, markup=False)
    pop = result["population"]
    if pop:
        if pop["exact_expectation"]:
            out.print(say("sim_pop_exact", lang, file=POPULATION_FILE), highlight=False)
        else:
            out.print(say("sim_pop_synthetic", lang, size=number_text(pop['size'], lang), seed=pop["seed"]), highlight=False)
    else:
        out.print(say("sim_no_pop", lang), highlight=False)
    if result.get("cost_note"):
        out.print(f"[yellow]{result['cost_note']}[/yellow]", highlight=False, markup=False)
    out.print(say("sim_affected", lang, n=result["affected"]["procedures"], total=result["baseline"]["procedures"]), highlight=False)
    out.print(_metrics_table(say("sim_total", lang), [(say("sim_all", lang), result["totals"])], say("sim_scope", lang), lang))
    ministries = [(cat.agency_name(k, lang), m) for k, m in result["by_ministry"].items()]
    out.print(_metrics_table(say("sim_by_ministry", lang), ministries, say("pr_ministry", lang), lang))
    sources = [
        ((cat.sources[k].name.vi if lang == "vi" else (cat.sources[k].name.en or cat.sources[k].name.vi)) if k in cat.sources else k, m)
        for k, m in result["by_source"].items()
    ]
    out.print(_metrics_table(say("sim_by_source", lang), sources, say("gr_source", lang), lang))
    procs = result["procedures"][:limit]
    if procs:
        out.print(_metrics_table(say("sim_by_procedure", lang), [(p["code"], p) for p in procs], say("gr_procedure", lang), lang))
        more(len(procs), len(result["procedures"]), lang, "procedures_word")
    if result.get("documents"):
        table = Table(title=say("sim_documents", lang))
        for key in ("sim_document_type", "gr_requirements", "sim_baseline", "sim_scenario"):
            table.add_column(say(key, lang), justify="left" if key == "sim_document_type" else "right")
        for d in result["documents"]:
            doc = d["document_type"]
            doc = cat.documents[doc].name.vi if lang == "vi" and doc in cat.documents else doc
            table.add_row(doc, str(d["requirements"]), _pct(d["before_share_struck"]), _pct(d["after_share_struck"]))
        out.print(table)
    timeline = result["timeline"]
    if timeline:
        figures = {(t["before"]["copies_avoided_per_year"], t["after"]["copies_avoided_per_year"], t["copies_removed_per_year"],
                    t["copies_added_per_year"], t["hours_saved_per_year"]) for t in timeline}
        if len(figures) == 1:
            # A flat line says nothing a sentence cannot.
            out.print(say("sim_timeline_flat", lang, first=_iso_text(timeline[0]["date"], lang), last=_iso_text(timeline[-1]["date"], lang),
                          value=_num(timeline[0]["before"]["copies_avoided_per_year"], lang)), highlight=False)
        else:
            table = Table(title=say("sim_timeline", lang))
            for key in ("sim_date", "sim_base_avoided", "sim_scen_avoided", "sim_copies_removed_y", "sim_copies_added_y", "sim_hours"):
                table.add_column(say(key, lang), justify="right")
            for t in timeline:
                table.add_row(_iso_text(t["date"], lang), _num(t["before"]["copies_avoided_per_year"], lang), _num(t["after"]["copies_avoided_per_year"], lang),
                              _num(t["copies_removed_per_year"], lang), _num(t["copies_added_per_year"], lang), _num(t["hours_saved_per_year"], lang))
            out.print(table)
    for o in result["outages"]:
        from ..reports.labels import SOURCE_STATUS, label

        out.print(
            say("sim_outage", lang, source=o["source"], start=_iso_text(o["from"], lang), end=_iso_text(o["to"], lang), days=o["days"],
                status=label(SOURCE_STATUS, o["status"], lang), copies=_num(o["copies_added_over_window"], lang), hours=_num(o["hours_lost_over_window"], lang)),
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
        population: Annotated[int | None, typer.Option("--population", help="Simulate N synthetic applicants (default: the exact expected shares of procedures/parameters/population.yaml).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Random seed of the population.")] = 0,
        chart: Annotated[Path | None, typer.Option("--chart", help="Write the timeline and per-ministry bars to FILE.png or FILE.html.")] = None,
        limit: Annotated[int, typer.Option("--limit", help="Procedures listed in table mode (the total is always said).")] = 20,
        lang: LangOpt = "vi",
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
        pop = _population(cat, population, seed, exact_default=True)
        result = run(cat, sc, as_of=_day(as_of), start=start, end=end, population=pop)
        if chart is not None:
            write_chart(result, chart)
            err.print(say("sim_chart", lang, path=chart), highlight=False)
        if result.get("cost_note") and format is not SimFormat.table:
            err.print(f"warning: {result['cost_note']}", highlight=False)
        if format is SimFormat.json:
            emit_json(result)
        elif format is SimFormat.csv:
            from ..simulation.export import to_csv

            sys.stdout.write(to_csv(result))
        else:
            _render(result, limit, lang, cat)

    @app.command()
    @guarded
    def roadmap(
        candidates: Annotated[Path, typer.Argument(help="YAML list of candidate scenarios or inline sources.")],
        budget: Annotated[int | None, typer.Option("--budget", help="Choose at most K candidates.")] = None,
        as_of: Annotated[dt.datetime | None, DateOpt("--as-of", "Date of the comparison (default: the file's as_of).")] = None,
        population: Annotated[int | None, typer.Option("--population", help="N synthetic applicants (default: the exact expected shares).")] = None,
        seed: Annotated[int, typer.Option("--seed", help="Random seed of the population.")] = 0,
        lang: LangOpt = "vi",
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
        from rich.table import Table

        metric = result["metric"]
        metric_words = say(f"rm_metric_{metric}", lang) if f"rm_metric_{metric}" in _cli_keys() else metric.replace("_", " ")
        table = Table(title=say("rm_title", lang, day=_iso_text(str(result["as_of"]), lang), metric=metric_words))
        for key in ("rm_step", "rm_candidate", "sim_hours", "sim_vnd", "sim_copies_removed_y", "rm_cum_hours", "rm_cum_vnd", "sim_procs"):
            table.add_column(say(key, lang), justify="left" if key == "rm_candidate" else "right")
        for s in result["steps"]:
            m, c = s["marginal"], s["cumulative"]
            table.add_row(str(s["step"]), s["candidate"] + (" *" if s["estimate"] else ""), _num(m["hours_saved_per_year"], lang), _num(m["vnd_saved_per_year"], lang),
                          _num(m["copies_removed_per_year"], lang), _num(c["hours_saved_per_year"], lang), _num(c["vnd_saved_per_year"], lang), _num(m["procedures"], lang))
        out.print(table)
        pop_d = result["population"]
        if pop_d and pop_d["exact_expectation"]:
            pop_words = say("rm_pop_exact", lang)
        elif pop_d:
            pop_words = say("rm_pop_synthetic", lang, size=number_text(pop_d['size'], lang))
        else:
            pop_words = "—"
        out.print(say("rm_note", lang, pop=pop_words), highlight=False)
        if result["not_chosen"]:
            out.print(say("rm_not_chosen", lang, names=", ".join(result["not_chosen"])), highlight=False)
        if result.get("cost_note"):
            out.print(f"[yellow]{result['cost_note']}[/yellow]", highlight=False, markup=False)


def _cli_keys():
    from ..reports.labels import CLI

    return CLI
