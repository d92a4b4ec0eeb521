"""Prerequisite chains: which procedures an applicant must have done first.

Procedure P needs procedure Q first when P requires a document that is a
result of Q (``requires`` then reversed ``issues`` edges of the graph). The
paper may be struck today (the data is fetched), but the applicant still had
to go through Q: the edge stays, with ``paper_needed`` telling whether some
requirement still asks for the paper. An edge is ``optional`` when every
requirement behind it offers alternatives or only applies in some cases.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.graph.build import build_graph
>>> cat = load_catalogue().catalogue
>>> pg = prerequisite_graph(build_graph(cat, as_of=dt.date(2026, 6, 1)), cat)
>>> pg.has_edge("1.000894", "1.001193") or pg.number_of_edges() >= 0
True
"""

from __future__ import annotations

import networkx as nx

from ..catalogue import Catalogue
from .build import edges_of, lasting, split_id
from .errors import UnknownNode


def prerequisite_graph(graph: nx.MultiDiGraph, catalogue: Catalogue | None = None, exclude: tuple[str, ...] = ()) -> nx.DiGraph:
    """Procedure -> prerequisite procedure :class:`networkx.DiGraph` (codes as nodes).

    Only lasting documents link procedures (:func:`~engine.graph.build.lasting`);
    ``exclude`` names further document ids to ignore (too generic to link).

    Edge attributes: ``documents`` (document ids linking them),
    ``requirements`` (ids), ``paper_needed`` (bool), ``optional`` (bool; needs
    ``catalogue`` to tell, else False).
    """
    producers: dict[str, list[str]] = {}
    for u, v, _ in edges_of(graph, "issues"):
        kind, code = split_id(u)
        if kind == "procedure" and lasting(graph, v) and split_id(v)[1] not in exclude:
            producers.setdefault(v, []).append(code)
    pg = nx.DiGraph()
    for node, kind in graph.nodes(data="kind"):
        if kind == "procedure":
            pg.add_node(split_id(node)[1], label=graph.nodes[node].get("label", ""), ministry=graph.nodes[node].get("ministry", ""))
    for pnode, dnode, data in edges_of(graph, "requires"):
        code = split_id(pnode)[1]
        proc = catalogue.procedures.get(code) if catalogue is not None else None
        reqs = {r.id: r for r in proc.requirements} if proc is not None else {}
        for producer in producers.get(dnode, []):
            if producer == code:
                continue
            decisions = data.get("decisions", {})
            paper = any(decisions.get(r, {}).get("kind", "required") == "required" for r in data["requirements"])
            optional = bool(reqs) and all(
                bool(reqs[r].condition or reqs[r].applies_if or (reqs[r].match == "any_of" and len(reqs[r].document_types) > 1))
                for r in data["requirements"]
                if r in reqs
            )
            if pg.has_edge(code, producer):
                e = pg[code][producer]
                e["documents"] = sorted(set(e["documents"]) | {split_id(dnode)[1]})
                e["requirements"] = sorted(set(e["requirements"]) | set(data["requirements"]))
                e["paper_needed"] = e["paper_needed"] or paper
                e["optional"] = e["optional"] and optional
            else:
                pg.add_edge(code, producer, documents=[split_id(dnode)[1]], requirements=sorted(data["requirements"]), paper_needed=paper, optional=optional)
    return pg


def _longest_from(pg: nx.DiGraph) -> tuple[nx.DiGraph, dict[int, list[int]]]:
    """Condensation of ``pg`` and, per component, its longest chain of components."""
    cond = nx.condensation(pg)
    best: dict[int, list[int]] = {}
    for comp in reversed(list(nx.topological_sort(cond))):
        chain = [comp]
        for succ in cond.successors(comp):
            if len(best[succ]) + 1 > len(chain):
                chain = [comp] + best[succ]
        best[comp] = chain
    return cond, best


def _members(cond: nx.DiGraph, comp: int) -> list[str]:
    return sorted(cond.nodes[comp]["members"])


def prerequisites(pg: nx.DiGraph, code: str) -> dict:
    """What an applicant must have done before procedure ``code``.

    Returns
    -------
    dict
        ``procedure``; ``direct``: list of ``{"procedure", "documents",
        "paper_needed", "optional"}``; ``all``: every procedure reachable
        (transitively), sorted; ``longest_chain``: codes in the order an
        applicant does them, ``code`` last (a cycle appears once, as its
        smallest code); ``cycles``: prerequisite cycles through ``code``.

    Raises
    ------
    UnknownNode
        ``code`` is not a procedure of the graph.

    Examples
    --------
    >>> pg = nx.DiGraph([("c", "b"), ("b", "a")])
    >>> prerequisites(pg, "c")["longest_chain"]
    ['a', 'b', 'c']
    """
    if code not in pg:
        raise UnknownNode("procedure", code)
    direct = [
        {"procedure": q, "documents": pg[code][q].get("documents", []), "paper_needed": pg[code][q].get("paper_needed", True), "optional": pg[code][q].get("optional", False)}
        for q in sorted(pg.successors(code))
    ]
    cond, best = _longest_from(pg)
    comp = cond.graph["mapping"][code]
    chain = [code] + [_members(cond, c)[0] for c in best[comp][1:]]
    cycles = [c for c in bounded_cycles(pg.subgraph(nx.node_connected_component(pg.to_undirected(as_view=True), code))) if code in c]
    return {"procedure": code, "direct": direct, "all": sorted(nx.descendants(pg, code)), "longest_chain": list(reversed(chain)), "cycles": cycles}


def longest_chains(pg: nx.DiGraph, limit: int = 10, min_length: int = 2) -> list[list[str]]:
    """The longest prerequisite chains of the catalogue, longest first.

    Each chain is in doing order (first procedure first); chains that are a
    suffix of a longer listed chain are left out.

    Examples
    --------
    >>> longest_chains(nx.DiGraph([("c", "b"), ("b", "a"), ("d", "a")]))
    [['a', 'b', 'c'], ['a', 'd']]
    """
    cond, best = _longest_from(pg)
    starts = [c for c in cond if cond.in_degree(c) == 0]
    chains = []
    for comp in starts:
        chain = [_members(cond, c)[0] for c in best[comp]]
        if len(chain) >= min_length:
            chains.append(list(reversed(chain)))
    chains.sort(key=lambda c: (-len(c), c))
    return chains[:limit]


def bounded_cycles(pg: nx.DiGraph, limit: int = 50, length_bound: int = 8) -> list[list[str]]:
    """Prerequisite cycles (each as a list of codes starting at its smallest), at most ``limit``.

    Examples
    --------
    >>> bounded_cycles(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")]))
    [['a', 'b']]
    """
    out = []
    for cycle in nx.simple_cycles(pg, length_bound=length_bound):
        i = cycle.index(min(cycle))
        out.append(cycle[i:] + cycle[:i])
        if len(out) >= limit:
            break
    return sorted(out)
