"""Who depends on one database or one agency: the ministries and procedures, with counts, copies and hours.

The question an officer asks ("which agencies depend on the population
database?") answered as two tables, from what the engine already decided:

- a **database** (source) S: the procedures with a paper the engine strikes or
  replaces with S's data, or would for some applicants (``conditional``): the
  rows of the burden report whose source is S (:mod:`engine.reports.burden`);
- an **agency** B: the procedures that list a paper B issues (the graph's
  document dependencies, :func:`~engine.graph.dependencies.document_issuers`),
  and those with a paper the data of a database B owns removes (the burden
  rows of B's sources).

Copies, hours and VND are the burden report's own figures (copies a year x the
Standard Cost Model of :mod:`engine.costs`), summed with
:func:`engine.reports.unnecessary.totals`; nothing is priced twice. Definite
and conditional figures stay apart (``conditional_*``): with no applicant, a
paper struck only for citizens is conditional.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> engine = Engine(load_catalogue().catalogue)
>>> day = dt.date(2026, 6, 1)
>>> base = dependency_base(engine, day)
>>> out = dependents(base, "source", "population")
>>> out["total"]["procedures"] == len(out["procedures"]) > 0
True
>>> "bo-tu-phap" in {m["ministry"] for m in out["ministries"]}
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..costs import CostModel, load_cost_model
from ..errors import UnknownSource
from ..reports.burden import MEASURES, burden_report
from ..reports.rows import Row
from ..reports.unnecessary import totals
from .build import build_graph, edges_of, node_id, split_id
from .dependencies import document_issuers
from .errors import UnknownNode

KINDS = ("source", "agency")
#: Figures summed from the burden rows (definite, and ``conditional_*`` twins).
MONEY = ("copies", *MEASURES)


@dataclass(frozen=True)
class DependencyBase:
    """What every dependents question on one day reads: the graph and the priced rows.

    Build it once per day (:func:`dependency_base`); :func:`dependents` and
    :func:`targets` are then cheap.
    """

    catalogue: Any
    graph: nx.MultiDiGraph
    rows: list[Row]
    model: CostModel
    as_of: dt.date


def dependency_base(
    engine,
    as_of: dt.date,
    graph: nx.MultiDiGraph | None = None,
    evaluations: list | None = None,
    model: CostModel | None = None,
) -> DependencyBase:
    """Evaluate every procedure on ``as_of`` (no applicant), build the graph (unless
    given) and the burden report's priced rows."""
    cat = engine.catalogue
    evaluations = (
        evaluations if evaluations is not None else engine.evaluate_all(as_of, {})
    )
    model = model or load_cost_model(cat, as_of)
    graph = graph if graph is not None else build_graph(cat, evaluations, as_of, model)
    report = burden_report(evaluations, cat, as_of, model=model)
    return DependencyBase(cat, graph, report.rows, model, as_of)


def document_links(
    graph: nx.MultiDiGraph, agency: str | None = None
) -> Iterable[tuple[str, str, str]]:
    """``(procedure, requirement, issuer)`` for every requirement naming a lasting paper an agency issues
    (only ``agency``'s when given); the document edges of :func:`~engine.graph.dependencies.agency_dependencies`."""
    cache: dict[str, set[str]] = {}
    for pnode, dnode, data in edges_of(graph, "requires"):
        issuers = cache.get(dnode)
        if issuers is None:
            issuers = cache[dnode] = document_issuers(graph, dnode)
        for b in issuers:
            if agency is not None and b != agency:
                continue
            for req in data.get("requirements", []):
                yield split_id(pnode)[1], req, b


def _sources_of(catalogue, agency: str) -> list[str]:
    return sorted(s.id for s in catalogue.sources.values() if s.owner == agency)


def _check(base: DependencyBase, kind: str, ident: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if kind == "source" and ident not in base.catalogue.sources:
        raise UnknownSource(ident)
    if kind == "agency" and node_id("agency", ident) not in base.graph:
        raise UnknownNode("agency", ident)


def _measures(rows: list[Row], key) -> dict[str, dict[str, Any]]:
    return totals(rows, key, extra=MEASURES)


def _figures(group: dict[str, Any] | None) -> dict[str, Any]:
    g = group or {}
    out = {}
    for name in MONEY:
        out[name] = g.get(name, 0) or 0
        out[f"conditional_{name}"] = g.get(f"conditional_{name}", 0) or 0
    return out


def dependents(
    base: DependencyBase, kind: str, ident: str, lang: str = "vi"
) -> dict[str, Any]:
    """The ministries and procedures that depend on one database or one agency.

    Parameters
    ----------
    base : DependencyBase
        From :func:`dependency_base`.
    kind : {"source", "agency"}
        What ``ident`` names.
    ident : str
        A source id (``population``) or an agency id (``bo-cong-an``).
    lang : {"vi", "en"}
        Language of the names.

    Returns
    -------
    dict
        ``kind``, ``id``, ``name``, ``owner`` and ``owner_name`` (a source's;
        an agency's own id), ``sources`` (the databases counted: the source, or
        those the agency owns), ``as_of``, ``estimate`` (hours and VND are the
        cost model's estimates), ``total``, ``ministries`` and ``procedures``.
        Each ministry and procedure has ``requirements`` (dossier entries that
        depend), ``document_requirements`` (name a paper the agency issues;
        always 0 for a database), ``data_requirements`` (a paper the data
        removes), ``conditional_requirements`` (of those, removed only for some
        applicants), ``copies``, ``copies_per_year``, ``documents_per_year``,
        ``hours``, ``vnd`` and their ``conditional_*`` twins, ``volume_per_year``
        and ``volume_estimated``; a ministry also ``procedures`` and ``own``
        (it is the owner itself). Ministries: most procedures first; procedures:
        most copies a year first.

    Raises
    ------
    UnknownSource
        No such database.
    UnknownNode
        No such agency.
    """
    _check(base, kind, ident)
    cat, g = base.catalogue, base.graph
    if kind == "source":
        src = cat.sources[ident]
        owner, wanted, name = (
            src.owner,
            {ident},
            (src.name.en if lang == "en" and src.name.en else src.name.vi),
        )
    else:
        owner, wanted, name = (
            ident,
            set(_sources_of(cat, ident)),
            cat.agency_name(ident, lang),
        )
    rows = [r for r in base.rows if r.source in wanted]
    documents: dict[str, set[str]] = {}
    if kind == "agency":
        for code, req, _ in document_links(g, ident):
            documents.setdefault(code, set()).add(req)
    data: dict[str, set[str]] = {}
    conditional: dict[str, set[str]] = {}
    for r in rows:
        data.setdefault(r.procedure, set()).add(r.requirement)
        if r.conditional:
            conditional.setdefault(r.procedure, set()).add(r.requirement)
    # A requirement with one paper gone for good and one only for some applicants is not conditional.
    for r in rows:
        if not r.conditional and r.requirement in conditional.get(r.procedure, ()):
            conditional[r.procedure].discard(r.requirement)

    by_proc = _measures(rows, lambda r: r.procedure)
    procedures = []
    for code in set(documents) | set(data):
        proc = cat.procedures.get(code)
        if proc is None:
            continue
        volume, estimated = base.model.volume(proc)
        reqs = documents.get(code, set()) | data.get(code, set())
        procedures.append(
            {
                "code": code,
                "name": proc.name.vi,
                "name_en": proc.name.en or None,
                "ministry": proc.ministry,
                "ministry_name": cat.agency_name(proc.ministry, lang),
                "requirements": len(reqs),
                "document_requirements": len(documents.get(code, ())),
                "data_requirements": len(data.get(code, ())),
                "conditional_requirements": len(conditional.get(code, ())),
                **_figures(by_proc.get(code)),
                "volume_per_year": volume,
                "volume_estimated": estimated,
                "sources": sorted(
                    {r.source for r in rows if r.procedure == code and r.source}
                ),
            }
        )
    procedures.sort(
        key=lambda p: (
            -(p["copies_per_year"] + p["conditional_copies_per_year"]),
            -p["requirements"],
            p["code"],
        )
    )

    ministries: dict[str, dict[str, Any]] = {}
    by_min = _measures(rows, lambda r: r.ministry)
    count = (
        "requirements",
        "document_requirements",
        "data_requirements",
        "conditional_requirements",
        "volume_per_year",
    )
    for p in procedures:
        m = ministries.get(p["ministry"])
        if m is None:
            m = ministries[p["ministry"]] = {
                "ministry": p["ministry"],
                "name": p["ministry_name"],
                "own": p["ministry"] == owner,
                "procedures": 0,
                **{k: 0 for k in count},
                **_figures(by_min.get(p["ministry"])),
                "volume_estimated": False,
            }
        m["procedures"] += 1
        for k in count:
            m[k] += p[k]
        m["volume_estimated"] = m["volume_estimated"] or p["volume_estimated"]
    ministry_rows = sorted(
        ministries.values(),
        key=lambda m: (
            -m["procedures"],
            -(m["copies_per_year"] + m["conditional_copies_per_year"]),
            m["name"],
        ),
    )
    total = {
        "ministries": len(ministry_rows),
        "procedures": len(procedures),
        **{k: sum(p[k] for p in procedures) for k in count},
        **_figures(_measures(rows, None).get("all")),
        "volume_estimated": any(p["volume_estimated"] for p in procedures),
    }
    sources = sorted(wanted)
    return {
        "kind": kind,
        "id": ident,
        "name": name,
        "owner": owner,
        "owner_name": cat.agency_name(owner, lang),
        "sources": [{"id": s, "name": _source_name(cat, s, lang)} for s in sources],
        "as_of": base.as_of.isoformat(),
        "estimate": True,
        "total": total,
        "ministries": ministry_rows,
        "procedures": procedures,
    }


def _source_name(cat, sid: str, lang: str) -> str:
    src = cat.sources[sid]
    return src.name.en if lang == "en" and src.name.en else src.name.vi


def targets(base: DependencyBase, lang: str = "vi") -> dict[str, list[dict[str, Any]]]:
    """What can be asked about, by name: every database, and every agency that owns a
    database or issues a paper another procedure lists, each with how many ministries
    and procedures depend on it (sorted by name)."""
    cat = base.catalogue
    src_procs: dict[str, set[str]] = {}
    for r in base.rows:
        if r.source:
            src_procs.setdefault(r.source, set()).add(r.procedure)
    agency_procs: dict[str, set[str]] = {}
    for code, _, b in document_links(base.graph):
        agency_procs.setdefault(b, set()).add(code)
    for s in cat.sources.values():
        agency_procs.setdefault(s.owner, set()).update(src_procs.get(s.id, ()))

    def ministries(codes: set[str]) -> int:
        return len({cat.procedures[c].ministry for c in codes if c in cat.procedures})

    sources = [
        {
            "id": s.id,
            "name": _source_name(cat, s.id, lang),
            "owner": s.owner,
            "owner_name": cat.agency_name(s.owner, lang),
            "proposed": bool(s.proposed),
            "procedures": len(src_procs.get(s.id, ())),
            "ministries": ministries(src_procs.get(s.id, set())),
        }
        for s in cat.sources.values()
    ]
    agencies = [
        {
            "id": a,
            "name": cat.agency_name(a, lang),
            "sources": _sources_of(cat, a),
            "procedures": len(codes),
            "ministries": ministries(codes),
        }
        for a, codes in agency_procs.items()
        if node_id("agency", a) in base.graph
    ]

    def key(x: dict) -> tuple:
        return x["name"].casefold(), x["id"]

    return {"sources": sorted(sources, key=key), "agencies": sorted(agencies, key=key)}
