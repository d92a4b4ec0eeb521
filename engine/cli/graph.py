"""``onceonly graph ...``: the cross-agency dependency graph and its questions."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOpt,
    CatalogueOpt,
    Format,
    FormatOpt,
    LangOpt,
    as_date,
    day_text,
    emit_json,
    guarded,
    load,
    more,
    number_text,
    out,
    say,
)
from .evaluate import read_applicant, short

ApplicantOpt = Annotated[
    Path | None,
    typer.Option(
        "--applicant",
        help="JSON file of applicant attributes (default: none given, so what depends on the applicant counts as conditional; "
        "rank-sources: the most common value of each attribute in procedures/parameters/population.yaml).",
    ),
]
POPULATION_FILE = "procedures/parameters/population.yaml"


class Change(str, Enum):
    offline = "offline"
    announce = "announce"


def typical_applicant(cat) -> dict[str, str]:
    """The most common value of every applicant attribute in the synthetic population
    parameters (``procedures/parameters/population.yaml``); a ``given`` attribute takes
    the most common value under the value already chosen for the one it depends on."""
    attributes = (cat.parameters.get("population") or {}).get("attributes") or {}
    chosen: dict[str, str] = {}
    for name, spec in attributes.items():
        if name not in cat.attributes or not isinstance(spec, dict):
            continue
        shares = spec.get("shares") or {}
        given = spec.get("given")
        if given:
            shares = shares.get(chosen.get(given)) or {}
        if shares:
            chosen[name] = max(shares.items(), key=lambda kv: (kv[1], kv[0] == "no"))[0]
    return chosen


def _context(catalogue, as_of, applicant, quiet: bool, with_graph: bool = True, typical: bool = False):
    """Catalogue, engine, applicant, day, graph; ``typical``: no --applicant means the typical applicant."""
    from ..evaluator import Engine

    attrs, _ = read_applicant(applicant)
    cat = load(catalogue, quiet=quiet).catalogue
    defaulted = typical and applicant is None
    if defaulted:
        attrs = typical_applicant(cat)
    day = as_date(as_of)
    engine = Engine(cat)
    graph = None
    if with_graph:
        from ..graph import build_graph

        graph = build_graph(cat, engine.evaluate_all(day, attrs), day)
    return cat, engine, attrs, day, graph, defaulted


def _who(attrs: dict, defaulted: bool, lang: str) -> str:
    from ..reports.labels import applicant_words

    if not attrs:
        return say("gr_applicant_unknown", lang)
    who = applicant_words(attrs, lang)
    return say("gr_applicant_default", lang, who=who, file=POPULATION_FILE) if defaulted else say("gr_applicant", lang, who=who)


def _n(value, lang: str) -> str:
    return number_text(value, lang, 0)


def _vol(value, estimated: bool, lang: str, key: str = "estimated") -> str:
    return _n(value, lang) + (f" ({say(key, lang)})" if estimated else "")


def _requirement_text(cat, code: str, requirement: str) -> str:
    """A dossier entry in its own words (imported entries have ids like ``e3``)."""
    proc = cat.procedures.get(code)
    for req in proc.requirements if proc is not None else ():
        if req.id == requirement:
            return short(req.text, 70)
    return requirement


def register(app: typer.Typer) -> None:
    graph_app = typer.Typer(name="graph", help="Cross-agency graph: dependencies, source impact, prerequisites, ranking, export.", no_args_is_help=True)
    app.add_typer(graph_app, name="graph")

    @graph_app.command("dependencies")
    @guarded
    def dependencies(
        ministry: Annotated[str | None, typer.Option("--ministry", help="Only dependencies from or to this agency id.")] = None,
        include_self: Annotated[bool, typer.Option("--include-self", help="Keep an agency's dependencies on itself.")] = False,
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        limit: Annotated[int, typer.Option("--limit", help="Table: at most this many rows (the total is always said).")] = 50,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Which agency's procedures need documents issued, or data held, by which other agency."""
        from rich.table import Table

        from ..graph import agency_dependencies

        _, _, _, day, g, _ = _context(catalogue, as_of, applicant, format is Format.json)
        rows = agency_dependencies(g, ministry=ministry, include_self=include_self)
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), "ministry": ministry, "dependencies": rows})
            return
        t = Table(title=say("gr_dep_title", lang, day=day_text(day, lang)))
        for key in ("gr_a", "gr_b", "gr_requirements", "gr_document", "gr_data", "gr_volume", "gr_procedures"):
            t.add_column(say(key, lang), overflow="fold")
        for r in rows[:limit]:
            t.add_row(
                r["from_name"], r["to_name"], _n(r["requirements"], lang), _n(r["document_requirements"], lang), _n(r["data_requirements"], lang),
                _vol(r["volume_per_year"], r["volume_estimated"], lang, "partly_estimated"), _n(r["procedures"], lang),
            )
        out.print(t)
        more(min(limit, len(rows)), len(rows), lang, json_hint=True)

    @graph_app.command("impact")
    @guarded
    def impact(
        source: Annotated[str, typer.Argument(help="Source id, e.g. population.")],
        change: Annotated[Change | None, typer.Option("--change", help="offline | announce (default: offline for a working source, else announce).")] = None,
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        limit: Annotated[int, typer.Option("--limit", help="Table: at most this many flips (the total is always said).")] = 50,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """If SOURCE goes offline (or is announced): which requirements flip, and the copies, hours and VND a year at stake."""
        from rich.table import Table

        from ..graph import source_impact
        from ..reports.labels import STATUS, label

        cat, engine, attrs, day, _, defaulted = _context(catalogue, as_of, applicant, format is Format.json, with_graph=False)
        result = source_impact(engine, source, day, change.value if change else None, attrs)
        if format is Format.json:
            emit_json({**result, "applicant_default": defaulted})
            return
        name = cat.sources[source].name.vi if lang == "vi" else (cat.sources[source].name.en or cat.sources[source].name.vi)
        out.print(_who(attrs, defaulted, lang), highlight=False)
        t = Table(title=say(
            "gr_impact_title", lang, source=name, change=say(f"gr_change_{result['change']}", lang), day=day_text(day, lang),
            flipped=result["requirements_flipped"], procedures=result["procedures_affected"],
        ))
        for key in ("gr_procedure", "gr_requirement", "gr_before", "gr_after", "gr_copies", "gr_volume"):
            t.add_column(say(key, lang), overflow="fold")
        for f in result["flips"][:limit]:
            t.add_row(
                f["procedure"], _requirement_text(cat, f["procedure"], f["requirement"]), label(STATUS, f["before"], lang),
                label(STATUS, "definite_other" if f["after"] == f["before"] == "definite" else f["after"], lang), str(f["copies"]), _vol(f["volume_per_year"], f["volume_estimated"], lang),
            )
        out.print(t)
        more(min(limit, len(result["flips"])), len(result["flips"]), lang, json_hint=True)
        out.print(
            say(f"gr_impact_sum_{result['change']}", lang, copies=_n(result["copies_per_year"], lang), hours=_n(result["hours"], lang),
                vnd=_n(result["vnd"], lang), cond=_n(result["conditional_copies_per_year"], lang)),
            highlight=False,
        )

    @graph_app.command("prerequisites")
    @guarded
    def prereqs(
        code: Annotated[str | None, typer.Argument(help="Procedure code (omit for the longest chains and cycles of the catalogue).")] = None,
        exclude: Annotated[list[str] | None, typer.Option("--exclude-document", help="Document id too generic to link procedures (repeatable).")] = None,
        limit: Annotated[int, typer.Option("--limit", help="At most this many chains and cycles (a cut list says so).")] = 10,
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """To do procedure CODE, which procedures must an applicant have done first; longest chains; cycles."""
        from rich.table import Table

        from ..graph import (
            bounded_cycles,
            longest_chains,
            prerequisite_graph,
            prerequisites,
        )

        cat, _, _, day, g, _ = _context(catalogue, as_of, applicant, format is Format.json)
        pg = prerequisite_graph(g, cat, tuple(exclude or ()))
        chains_total = None
        if code is not None:
            result = prerequisites(pg, code)
            cycles = result["cycles"]
        else:
            chains = longest_chains(pg, len(pg) + 1)
            chains_total = len(chains)
            cycles = bounded_cycles(pg, limit + 1)
            result = {"edges": pg.number_of_edges(), "longest_chains": chains[:limit]}
        cycles_more = len(cycles) > limit
        result["cycles"] = cycles[:limit]
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), **result})
            return
        if code is not None:
            t = Table(title=say("gr_before_title", lang, code=code))
            for key in ("gr_procedure", "pr_name", "gr_documents", "gr_paper_asked", "gr_optional"):
                t.add_column(say(key, lang), overflow="fold")
            yes, no = say("yes", lang), say("no", lang)
            for d in result["direct"]:
                proc = cat.procedures[d["procedure"]]
                docs = ", ".join(cat.documents[x].name.vi if lang == "vi" and x in cat.documents else x for x in d["documents"])
                t.add_row(d["procedure"], proc.name.vi if lang == "vi" else (proc.name.en or proc.name.vi), docs,
                          yes if d["paper_needed"] else no, yes if d["optional"] else no)
            out.print(t)
            out.print(say("gr_all_prereqs", lang, n=len(result["all"]), chain=" → ".join(result["longest_chain"])), highlight=False)
        else:
            out.print(say("gr_links", lang, n=result["edges"]), highlight=False)
            for chain in result["longest_chains"]:
                out.print("  " + " → ".join(chain), highlight=False)
            more(len(result["longest_chains"]), chains_total, lang, "gr_chains", json_hint=False)
        for cycle in result["cycles"]:
            out.print(say("gr_cycle", lang, cycle=" → ".join(cycle + cycle[:1])), highlight=False)
        if cycles_more:
            out.print(say("more_open", lang, shown=limit, what=say("gr_cycles", lang)), highlight=False)

    @graph_app.command("rank-sources")
    @guarded
    def rank(
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Sources (existing and proposed) ranked by the copies and hours they remove a year,
        for the typical applicant unless --applicant says another."""
        from rich.table import Table

        from ..graph import rank_sources

        cat, engine, attrs, day, _, defaulted = _context(catalogue, as_of, applicant, format is Format.json, with_graph=False, typical=True)
        rows = rank_sources(engine, day, attrs)
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), "applicant": attrs, "applicant_default": defaulted, "estimate": True, "sources": rows})
            return
        out.print(_who(attrs, defaulted, lang), highlight=False)
        t = Table(title=say("gr_rank_title", lang, day=day_text(day, lang)))
        for key in ("gr_rank", "gr_source", "gr_measured", "gr_procedures", "gr_requirements", "gr_copies_year", "gr_cond_copies_year", "gr_hours_year", "gr_vnd_year"):
            t.add_column(say(key, lang), overflow="fold")
        for r in rows:
            src = cat.sources[r["source"]].name
            t.add_row(
                str(r["rank"]), src.vi if lang == "vi" else (src.en or src.vi), say(f"gr_measured_{r['change']}", lang),
                _n(r["procedures_affected"], lang), _n(r["requirements_flipped"], lang), _n(r["copies_per_year"], lang),
                _n(r["conditional_copies_per_year"], lang), _n(r["hours"], lang), _n(r["vnd"], lang),
            )
        out.print(t)

    @graph_app.command("export")
    @guarded
    def export_cmd(
        output: Annotated[Path, typer.Argument(help="File to write: .graphml (GraphML) or .json (node-link).")],
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        lang: LangOpt = "vi",
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Write the whole graph as GraphML or node-link JSON."""
        from ..graph import export

        _, _, _, _, g, _ = _context(catalogue, as_of, applicant, format is Format.json)
        path = export(g, output)
        if format is Format.json:
            emit_json({"path": str(path), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()})
        else:
            out.print(say("gr_written", lang, path=path, nodes=g.number_of_nodes(), edges=g.number_of_edges()), highlight=False)

    @graph_app.command("draw")
    @guarded
    def draw(
        ministry: Annotated[str, typer.Argument(help="Agency id, e.g. bo-tu-phap.")],
        output: Annotated[Path | None, typer.Option("--output", "-o", help=".svg or .png (default: <ministry>-dependencies.svg).")] = None,
        lang: LangOpt = "vi",
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """A picture of one ministry's dependencies on other agencies (and theirs on it)."""
        from ..graph import draw_ministry

        _, _, _, _, g, _ = _context(catalogue, as_of, applicant, format is Format.json)
        path = draw_ministry(g, ministry, output or Path(f"{ministry}-dependencies.svg"), lang)
        if format is Format.json:
            emit_json({"path": str(path)})
        else:
            out.print(str(path), highlight=False)
