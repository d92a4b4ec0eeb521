"""Build the cross-agency graph from a catalogue and (optionally) evaluations.

Nodes (id ``"<kind>:<ident>"``, attribute ``kind``):

- ``agency:<id>``: ministries and other agencies;
- ``procedure:<code>``: procedures (``ministry``, ``field``, ``level``, ``volume``,
  ``volume_estimated``);
- ``document:<id>``: document types;
- ``source:<id>``: shared databases.

Edges of a :class:`networkx.MultiDiGraph`, keyed by their ``relation``:

- ``runs``: agency -> procedure (the procedure's ministry);
- ``requires``: procedure -> document (``requirements``: requirement ids;
  ``decisions``: requirement id -> ``definite`` | ``conditional`` | ``required`` |
  ``not_applicable`` with the deciding ``source``, when evaluations are given);
- ``issues``: procedure -> document (the procedure's ``results`` and the
  document type's ``result_of``) and agency -> document (its ``issuer``);
- ``replaced_by``: document -> source, for every rule in force on the date;
- ``owns``: agency -> source.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> g = build_graph(load_catalogue().catalogue, as_of=dt.date(2026, 6, 1))
>>> g.has_edge("document:birth-certificate", "source:civil-status", key="replaced_by")
True
>>> g.has_edge("procedure:1.001193", "document:birth-certificate", key="issues")
True
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import networkx as nx

from ..catalogue import Catalogue
from ..costs import CostModel, load_cost_model
from ..models import Evaluation, Status
from ..reports.rows import classify
from .errors import UnknownNode

KINDS = ("agency", "procedure", "document", "source")
RELATIONS = ("runs", "requires", "issues", "replaced_by", "owns")


def node_id(kind: str, ident: str) -> str:
    """The graph id of a node.

    Examples
    --------
    >>> node_id("procedure", "1.001193")
    'procedure:1.001193'
    """
    return f"{kind}:{ident}"


def split_id(node: str) -> tuple[str, str]:
    """``(kind, ident)`` of a node id.

    Examples
    --------
    >>> split_id("source:population")
    ('source', 'population')
    """
    kind, _, ident = node.partition(":")
    return kind, ident


def require_node(graph: nx.MultiDiGraph, kind: str, ident: str) -> str:
    """The id of an existing node.

    Raises
    ------
    UnknownNode
        No such node.

    Examples
    --------
    >>> require_node(nx.MultiDiGraph(), "procedure", "9.999999")
    Traceback (most recent call last):
    ...
    engine.graph.errors.UnknownNode: unknown procedure '9.999999'
    """
    node = node_id(kind, ident)
    if node not in graph:
        raise UnknownNode(kind, ident)
    return node


def rules_in_force(catalogue: Catalogue, as_of: dt.date, include_proposed: bool = False):
    """Rules whose status is ``in_force`` (or ``proposed`` when asked) and whose dates cover ``as_of``."""
    for rule in catalogue.rules.values():
        if rule.status != "in_force" and not include_proposed:
            continue
        if rule.valid_from <= as_of and (rule.valid_to is None or as_of <= rule.valid_to):
            yield rule


def _decision_kind(d) -> str:
    kind = classify(d)
    if kind is not None:
        return kind
    return "not_applicable" if d.status is Status.not_applicable else "required"


def build_graph(
    catalogue: Catalogue,
    evaluations: Iterable[Evaluation] | None = None,
    as_of: dt.date | None = None,
    model: CostModel | None = None,
    include_proposed: bool = False,
) -> nx.MultiDiGraph:
    """The graph of agencies, procedures, document types and sources.

    Parameters
    ----------
    catalogue : Catalogue
        Procedures, documents, sources, rules and agencies.
    evaluations : iterable of Evaluation, optional
        Decisions to attach to the ``requires`` edges (one per procedure).
    as_of : datetime.date, optional
        Date of the ``replaced_by`` edges (default: the evaluations' date, else today).
    model : CostModel, optional
        For procedure volumes (default: :func:`engine.costs.load_cost_model`).
    include_proposed : bool
        Also draw ``replaced_by`` edges for proposed rules (``status: proposed``).

    Returns
    -------
    networkx.MultiDiGraph
        ``graph.graph`` holds ``as_of`` and the catalogue version.
    """
    evaluations = list(evaluations or [])
    as_of = as_of or (evaluations[0].as_of if evaluations else dt.date.today())
    model = model or load_cost_model(catalogue, as_of)
    g = nx.MultiDiGraph(as_of=as_of.isoformat(), catalogue_version=catalogue.version)

    def agency(ident: str) -> str:
        node = node_id("agency", ident)
        if node not in g:
            a = catalogue.agencies.get(ident)
            g.add_node(node, kind="agency", ident=ident, label=a.name.vi if a else ident, label_en=(a.name.en if a else "") or ident)
        return node

    for ident in catalogue.agencies:
        agency(ident)
    for doc in catalogue.documents.values():
        g.add_node(node_id("document", doc.id), kind="document", ident=doc.id, label=doc.name.vi, label_en=doc.name.en or doc.name.vi, issuer=doc.issuer or "", strikeable=doc.strikeable)
        if doc.issuer:
            g.add_edge(agency(doc.issuer), node_id("document", doc.id), key="issues", relation="issues")
    for src in catalogue.sources.values():
        node = node_id("source", src.id)
        g.add_node(node, kind="source", ident=src.id, label=src.name.vi, label_en=src.name.en or src.name.vi, owner=src.owner, proposed=src.proposed)
        g.add_edge(agency(src.owner), node, key="owns", relation="owns")

    decided = {ev.procedure: {d.requirement.id: d for d in ev.decisions} for ev in evaluations}
    for proc in catalogue.procedures.values():
        pnode = node_id("procedure", proc.code)
        volume, estimated = model.volume(proc)
        g.add_node(
            pnode,
            kind="procedure",
            ident=proc.code,
            label=proc.name.vi,
            label_en=proc.name.en or proc.name.vi,
            ministry=proc.ministry,
            field=proc.field or "",
            level="+".join(proc.level),
            volume=volume,
            volume_estimated=estimated,
        )
        g.add_edge(agency(proc.ministry), pnode, key="runs", relation="runs")
        decisions = decided.get(proc.code, {})
        for req in proc.requirements:
            d = decisions.get(req.id)
            for doc in req.document_types:
                dnode = node_id("document", doc)
                if dnode not in g:
                    g.add_node(dnode, kind="document", ident=doc, label=doc, label_en=doc, issuer="", strikeable=False)
                data = g.get_edge_data(pnode, dnode, key="requires")
                if data is None:
                    g.add_edge(pnode, dnode, key="requires", relation="requires", requirements=[], copies=0, decisions={})
                    data = g.get_edge_data(pnode, dnode, key="requires")
                data["requirements"].append(req.id)
                data["copies"] += req.originals + req.copies
                if d is not None:
                    data["decisions"][req.id] = {"kind": _decision_kind(d), "source": d.source}
        for doc in proc.results:
            if node_id("document", doc) in g:
                g.add_edge(pnode, node_id("document", doc), key="issues", relation="issues")
    for doc in catalogue.documents.values():
        for code in doc.result_of:
            pnode = node_id("procedure", code)
            if pnode in g:
                g.add_edge(pnode, node_id("document", doc.id), key="issues", relation="issues")
    for rule in rules_in_force(catalogue, as_of, include_proposed):
        if rule.source is None or rule.source not in catalogue.sources:
            continue
        snode = node_id("source", rule.source)
        for doc in catalogue.rule_document_types(rule):
            dnode = node_id("document", doc)
            if dnode not in g:
                continue
            data = g.get_edge_data(dnode, snode, key="replaced_by")
            if data is None:
                g.add_edge(dnode, snode, key="replaced_by", relation="replaced_by", rules=[rule.id], effect=rule.effect.value, status=rule.status)
            else:
                data["rules"].append(rule.id)
    return g


def lasting(graph: nx.MultiDiGraph, document: str) -> bool:
    """True for a document type that outlives its dossier (``strikeable`` in the registry).

    Forms, declarations, minutes and photos (``strikeable: false``) are made
    afresh for each dossier: a procedure "issuing" one links nothing, so the
    dependency and prerequisite questions ignore them.
    """
    return bool(graph.nodes[document].get("strikeable", False))


def nodes_of(graph: nx.MultiDiGraph, kind: str) -> list[str]:
    """Node ids of one kind, sorted.

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("source:a", kind="source"); g.add_node("agency:b", kind="agency")
    >>> nodes_of(g, "source")
    ['source:a']
    """
    return sorted(n for n, k in graph.nodes(data="kind") if k == kind)


def edges_of(graph: nx.MultiDiGraph, relation: str):
    """``(u, v, data)`` of every edge with that relation."""
    for u, v, key, data in graph.edges(keys=True, data=True):
        if key == relation:
            yield u, v, data
