"""Agency dependencies: whose documents or data each agency's procedures need.

An agency A depends on agency B when a procedure A runs

- requires a document that B issues (the document type's ``issuer``, or the
  ministry of a procedure whose result it is; per-dossier papers such as forms
  and declarations, ``strikeable: false``, do not count): kind ``document``; or
- has a requirement the engine strikes or replaces (or would, conditionally)
  with data from a source B owns: kind ``data``.

Weights: requirements (each counted once per pair and kind) and yearly volume
(the procedure's dossiers a year, once per requirement).

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> cat = load_catalogue().catalogue
>>> day = dt.date(2026, 6, 1)
>>> from engine.graph.build import build_graph
>>> g = build_graph(cat, Engine(cat).evaluate_all(day, {"nationality": "vn"}), day)
>>> deps = agency_dependencies(g)
>>> any(d["from"] == "bo-tu-phap" and d["to"] == "bo-cong-an" and d["data_requirements"] > 0 for d in deps)
True
"""

from __future__ import annotations

import networkx as nx

from .build import edges_of, lasting, node_id, nodes_of, require_node, split_id


def document_issuers(graph: nx.MultiDiGraph, document: str) -> set[str]:
    """Agency ids that issue ``document`` (a node id): its issuer and the ministries
    of procedures producing it; none for a per-dossier paper (see :func:`~engine.graph.build.lasting`)."""
    out: set[str] = set()
    if not lasting(graph, document):
        return out
    for pred in graph.predecessors(document):
        if not graph.has_edge(pred, document, key="issues"):
            continue
        kind, ident = split_id(pred)
        if kind == "agency":
            out.add(ident)
        elif kind == "procedure":
            ministry = graph.nodes[pred].get("ministry")
            if ministry:
                out.add(ministry)
    return out


def source_owner(graph: nx.MultiDiGraph, source: str) -> str | None:
    node = node_id("source", source)
    return graph.nodes[node].get("owner") if node in graph else None


def agency_dependencies(graph: nx.MultiDiGraph, ministry: str | None = None, include_self: bool = False) -> list[dict]:
    """Weighted agency -> agency dependencies.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        From :func:`~engine.graph.build.build_graph` (with evaluations for ``data`` edges).
    ministry : str, optional
        Only dependencies from or to this agency.
    include_self : bool
        Keep an agency's dependencies on itself.

    Returns
    -------
    list of dict
        ``from``, ``to`` (agency ids), ``from_name``, ``to_name``,
        ``requirements``, ``document_requirements``, ``data_requirements``,
        ``volume_per_year``, ``volume_estimated`` (some volume is the cost
        model's default), ``procedures``; heaviest first.

    Raises
    ------
    UnknownNode
        ``ministry`` is not an agency of the graph.
    """
    if ministry is not None:
        require_node(graph, "agency", ministry)
    issuers_cache: dict[str, set[str]] = {}
    acc: dict[tuple[str, str], dict] = {}
    seen: set[tuple] = set()

    def add(a: str, b: str, kind: str, proc: str, req: str, volume: int, estimated: bool) -> None:
        if a == b and not include_self:
            return
        if ministry is not None and ministry not in (a, b):
            return
        key = (a, b, kind, proc, req)
        if key in seen:
            return
        seen.add(key)
        entry = acc.setdefault(
            (a, b),
            {"requirements": set(), "document_requirements": 0, "data_requirements": 0, "volume_per_year": 0, "volume_estimated": False, "procedures": set()},
        )
        entry[f"{kind}_requirements"] += 1
        if (proc, req) not in entry["requirements"]:
            entry["requirements"].add((proc, req))
            entry["volume_per_year"] += volume
            entry["volume_estimated"] = entry["volume_estimated"] or estimated
        entry["procedures"].add(proc)

    for pnode, dnode, data in edges_of(graph, "requires"):
        attrs = graph.nodes[pnode]
        a = attrs.get("ministry")
        proc = attrs.get("ident")
        volume, estimated = attrs.get("volume", 0), bool(attrs.get("volume_estimated"))
        issuers = issuers_cache.get(dnode)
        if issuers is None:
            issuers = issuers_cache[dnode] = document_issuers(graph, dnode)
        for req in data.get("requirements", []):
            for b in issuers:
                add(a, b, "document", proc, req, volume, estimated)
        for req, decision in data.get("decisions", {}).items():
            if decision["kind"] in ("definite", "conditional") and decision.get("source"):
                owner = source_owner(graph, decision["source"])
                if owner:
                    add(a, owner, "data", proc, req, volume, estimated)

    def name(ident: str) -> str:
        node = node_id("agency", ident)
        return graph.nodes[node].get("label", ident) if node in graph else ident

    rows = [
        {
            "from": a,
            "from_name": name(a),
            "to": b,
            "to_name": name(b),
            "requirements": len(e["requirements"]),
            "document_requirements": e["document_requirements"],
            "data_requirements": e["data_requirements"],
            "volume_per_year": e["volume_per_year"],
            "volume_estimated": e["volume_estimated"],
            "procedures": len(e["procedures"]),
        }
        for (a, b), e in acc.items()
    ]
    rows.sort(key=lambda r: (-r["requirements"], -r["volume_per_year"], r["from"], r["to"]))
    return rows


def dependency_graph(rows: list[dict]) -> nx.DiGraph:
    """An agency -> agency :class:`networkx.DiGraph` of :func:`agency_dependencies` rows.

    Examples
    --------
    >>> dg = dependency_graph([{"from": "a", "to": "b", "from_name": "A", "to_name": "B", "requirements": 2,
    ...     "document_requirements": 2, "data_requirements": 0, "volume_per_year": 10, "volume_estimated": False, "procedures": 1}])
    >>> dg["a"]["b"]["requirements"]
    2
    """
    dg = nx.DiGraph()
    for r in rows:
        dg.add_node(r["from"], label=r["from_name"])
        dg.add_node(r["to"], label=r["to_name"])
        dg.add_edge(r["from"], r["to"], **{k: v for k, v in r.items() if k not in ("from", "to", "from_name", "to_name")})
    return dg


def agencies(graph: nx.MultiDiGraph) -> list[str]:
    """Agency ids of the graph."""
    return [split_id(n)[1] for n in nodes_of(graph, "agency")]
