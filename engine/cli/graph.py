"""``onceonly graph ...``: the cross-agency dependency graph and its questions."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..evaluator import Engine
from ..graph import (
    agency_dependencies,
    bounded_cycles,
    build_graph,
    draw_ministry,
    export,
    longest_chains,
    prerequisite_graph,
    prerequisites,
    rank_sources,
    source_impact,
)
from .common import AsOfOpt, CatalogueOpt, Format, FormatOpt, as_date, emit_json, guarded, load, out
from .evaluate import read_applicant

ApplicantOpt = Annotated[Path | None, typer.Option("--applicant", help="JSON file of applicant attributes (default: none given).")]


class Change(str, Enum):
    offline = "offline"
    announce = "announce"


def _context(catalogue, as_of, applicant, quiet: bool, with_graph: bool = True):
    attrs, _ = read_applicant(applicant)
    cat = load(catalogue, quiet=quiet).catalogue
    day = as_date(as_of)
    engine = Engine(cat)
    graph = None
    if with_graph:
        graph = build_graph(cat, engine.evaluate_all(day, attrs), day)
    return cat, engine, attrs, day, graph


def _n(value) -> str:
    return f"{value:,.0f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


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
        limit: Annotated[int, typer.Option("--limit", help="Table: at most this many rows.")] = 50,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Which agency's procedures need documents issued, or data held, by which other agency."""
        _, _, _, day, g = _context(catalogue, as_of, applicant, format is Format.json)
        rows = agency_dependencies(g, ministry=ministry, include_self=include_self)
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), "ministry": ministry, "dependencies": rows})
            return
        t = Table(title=f"Agency dependencies, {day.isoformat()} (A needs documents or data of B)")
        for col in ("A", "B", "requirements", "document", "data", "dossiers/yr", "procedures"):
            t.add_column(col, overflow="fold")
        for r in rows[:limit]:
            vol = _n(r["volume_per_year"]) + (" (partly est.)" if r["volume_estimated"] else "")
            t.add_row(r["from_name"], r["to_name"], _n(r["requirements"]), _n(r["document_requirements"]), _n(r["data_requirements"]), vol, _n(r["procedures"]))
        out.print(t)
        if len(rows) > limit:
            out.print(f"{limit} of {len(rows)} rows shown (--limit N for more, --format json for all)", highlight=False)

    @graph_app.command("impact")
    @guarded
    def impact(
        source: Annotated[str, typer.Argument(help="Source id, e.g. population.")],
        change: Annotated[Change | None, typer.Option("--change", help="offline | announce (default: offline for a working source, else announce).")] = None,
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        limit: Annotated[int, typer.Option("--limit", help="Table: at most this many flips.")] = 50,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """If SOURCE goes offline (or is announced): which requirements flip, and the copies, hours and VND a year at stake."""
        _, engine, attrs, day, _ = _context(catalogue, as_of, applicant, format is Format.json, with_graph=False)
        result = source_impact(engine, source, day, change.value if change else None, attrs)
        if format is Format.json:
            emit_json(result)
            return
        t = Table(title=f"{source} {result['change']}, {day.isoformat()}: {result['requirements_flipped']} requirement(s) in {result['procedures_affected']} procedure(s) flip")
        for col in ("procedure", "requirement", "before", "after", "copies", "dossiers/yr"):
            t.add_column(col, overflow="fold")
        for f in result["flips"][:limit]:
            t.add_row(f["procedure"], f["requirement"], f["before"], f["after"], str(f["copies"]), _n(f["volume_per_year"]) + (" (est.)" if f["volume_estimated"] else ""))
        out.print(t)
        if len(result["flips"]) > limit:
            out.print(f"{limit} of {len(result['flips'])} rows shown (--limit N for more, --format json for all)", highlight=False)
        out.print(
            f"The source removes {_n(result['copies_per_year'])} copies a year ({_n(result['hours'])} hours, {_n(result['vnd'])} VND, estimates); "
            f"conditionally {_n(result['conditional_copies_per_year'])} more.",
            highlight=False,
        )

    @graph_app.command("prerequisites")
    @guarded
    def prereqs(
        code: Annotated[str | None, typer.Argument(help="Procedure code (omit for the longest chains and cycles of the catalogue).")] = None,
        exclude: Annotated[list[str] | None, typer.Option("--exclude-document", help="Document id too generic to link procedures (repeatable).")] = None,
        limit: Annotated[int, typer.Option("--limit", help="At most this many chains and cycles.")] = 10,
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """To do procedure CODE, which procedures must an applicant have done first; longest chains; cycles."""
        cat, _, _, day, g = _context(catalogue, as_of, applicant, format is Format.json)
        pg = prerequisite_graph(g, cat, tuple(exclude or ()))
        if code is not None:
            result = prerequisites(pg, code)
            result["cycles"] = result["cycles"][:limit]
        else:
            result = {"edges": pg.number_of_edges(), "longest_chains": longest_chains(pg, limit), "cycles": bounded_cycles(pg, limit)}
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), **result})
            return
        if code is not None:
            t = Table(title=f"Done before {code}")
            for col in ("procedure", "name", "documents", "paper still asked", "optional"):
                t.add_column(col, overflow="fold")
            for d in result["direct"]:
                t.add_row(d["procedure"], cat.procedures[d["procedure"]].name.vi, ", ".join(d["documents"]), "yes" if d["paper_needed"] else "no", "yes" if d["optional"] else "no")
            out.print(t)
            out.print(f"All prerequisites: {len(result['all'])}; longest chain: {' -> '.join(result['longest_chain'])}", highlight=False)
        else:
            out.print(f"{result['edges']} prerequisite link(s). Longest chains (first done first):", highlight=False)
            for chain in result["longest_chains"]:
                out.print("  " + " -> ".join(chain), highlight=False)
        for cycle in result["cycles"]:
            out.print("cycle: " + " -> ".join(cycle + cycle[:1]), highlight=False)

    @graph_app.command("rank-sources")
    @guarded
    def rank(
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Sources (existing and proposed) ranked by the copies and hours they remove a year."""
        _, engine, attrs, day, _ = _context(catalogue, as_of, applicant, format is Format.json, with_graph=False)
        rows = rank_sources(engine, day, attrs)
        if format is Format.json:
            emit_json({"as_of": day.isoformat(), "applicant": attrs, "estimate": True, "sources": rows})
            return
        t = Table(title=f"Sources by copies removed a year, {day.isoformat()} (hours and VND: estimates)")
        for col in ("#", "source", "measured by", "procedures", "requirements", "copies/yr", "conditional copies/yr", "hours/yr", "VND/yr"):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(
                str(r["rank"]), r["source"], r["change"], _n(r["procedures_affected"]), _n(r["requirements_flipped"]),
                _n(r["copies_per_year"]), _n(r["conditional_copies_per_year"]), _n(r["hours"]), _n(r["vnd"]),
            )
        out.print(t)

    @graph_app.command("export")
    @guarded
    def export_cmd(
        output: Annotated[Path, typer.Argument(help="File to write: .graphml (GraphML) or .json (node-link).")],
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """Write the whole graph as GraphML or node-link JSON."""
        _, _, _, _, g = _context(catalogue, as_of, applicant, format is Format.json)
        path = export(g, output)
        if format is Format.json:
            emit_json({"path": str(path), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()})
        else:
            out.print(f"{path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", highlight=False)

    @graph_app.command("draw")
    @guarded
    def draw(
        ministry: Annotated[str, typer.Argument(help="Agency id, e.g. bo-tu-phap.")],
        output: Annotated[Path | None, typer.Option("--output", "-o", help=".svg or .png (default: <ministry>-dependencies.svg).")] = None,
        lang: Annotated[str, typer.Option("--lang", help="vi | en")] = "vi",
        as_of: AsOfOpt = None,
        applicant: ApplicantOpt = None,
        catalogue: CatalogueOpt = None,
        format: FormatOpt = Format.table,
    ) -> None:
        """A picture of one ministry's dependencies on other agencies (and theirs on it)."""
        _, _, _, _, g = _context(catalogue, as_of, applicant, format is Format.json)
        path = draw_ministry(g, ministry, output or Path(f"{ministry}-dependencies.svg"), lang)
        if format is Format.json:
            emit_json({"path": str(path)})
        else:
            out.print(str(path), highlight=False)
