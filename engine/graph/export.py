"""Export the graph: GraphML, node-link JSON, and a readable picture of one ministry.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="requires", relation="requires", requirements=["r1"])
>>> node_link(g)["edges"][0]["requirements"]
['r1']
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import orjson

from .dependencies import agency_dependencies, dependency_graph
from .errors import ExportError, NothingToDraw

PICTURE_FORMATS = (".svg", ".png")


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose list and dict attributes are JSON strings (GraphML holds scalars only).

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("a", tags=["x"])
    >>> graphml_ready(g).nodes["a"]["tags"]
    '["x"]'
    """
    out = nx.MultiDiGraph()
    out.graph.update({k: _scalar(v) for k, v in graph.graph.items()})
    for n, data in graph.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _scalar(x) for k, x in data.items()})
    return out


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write GraphML to ``path`` and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graphml_ready(graph), path)
    return path


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link JSON data (``nodes``, ``edges``; edge ``key`` = relation)."""
    return nx.node_link_data(graph, edges="edges")


def write_node_link(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(orjson.dumps(node_link(graph), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
    return path


def export(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` in the format its suffix names (``.graphml`` or ``.json``).

    Raises
    ------
    ExportError
        Another suffix.

    Examples
    --------
    >>> export(nx.MultiDiGraph(), "graph.txt")
    Traceback (most recent call last):
    ...
    engine.graph.errors.ExportError: unsupported export format '.txt' (use .graphml or .json)
    """
    path = Path(path)
    if path.suffix == ".graphml":
        return write_graphml(graph, path)
    if path.suffix == ".json":
        return write_node_link(graph, path)
    raise ExportError(f"unsupported export format {path.suffix!r} (use .graphml or .json)")


def _wrap(text: str, width: int = 18) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def draw_ministry(graph: nx.MultiDiGraph, ministry: str, path: str | Path, lang: str = "vi") -> Path:
    """Draw one ministry's dependencies (both directions) to an SVG or PNG file.

    The ministry sits in the middle, the agencies it depends on or that depend
    on it around it; arrow width grows with the number of requirements and each
    arrow is labelled "N req. · V dossiers/yr" (V marked ~ when estimated).

    Raises
    ------
    ExportError
        The suffix is neither .svg nor .png.
    UnknownNode
        ``ministry`` is not an agency of the graph.
    NothingToDraw
        The ministry has no dependency.
    """
    path = Path(path)
    if path.suffix not in PICTURE_FORMATS:
        raise ExportError(f"unsupported picture format {path.suffix!r} (use .svg or .png)")
    rows = agency_dependencies(graph, ministry=ministry)
    if not rows:
        raise NothingToDraw(ministry)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dg = dependency_graph(rows)
    others = sorted(n for n in dg if n != ministry)
    pos = {ministry: (0.0, 0.0)}
    for i, n in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) + math.pi / 2
        pos[n] = (math.cos(angle), math.sin(angle))
    key = "label_en" if lang == "en" else "label"
    names = {}
    for n in dg:
        node = f"agency:{n}"
        names[n] = _wrap(graph.nodes[node].get(key) or graph.nodes[node].get("label", n)) if node in graph else n
    top = max(d["requirements"] for _, _, d in dg.edges(data=True))
    fig, ax = plt.subplots(figsize=(12, 10))
    nx.draw_networkx_nodes(dg, pos, ax=ax, node_size=[5200 if n == ministry else 3600 for n in dg],
                           node_color=["#f4a261" if n == ministry else "#a8dadc" for n in dg], edgecolors="#333333")
    nx.draw_networkx_labels(dg, pos, labels=names, ax=ax, font_size=8)
    widths = [1 + 7 * d["requirements"] / top for _, _, d in dg.edges(data=True)]
    nx.draw_networkx_edges(dg, pos, ax=ax, width=widths, arrowsize=18, node_size=5000, connectionstyle="arc3,rad=0.12",
                           edge_color="#457b9d", alpha=0.8)
    labels = {
        (u, v): f"{d['requirements']} req. · {'~' if d['volume_estimated'] else ''}{d['volume_per_year']:,} /yr"
        for u, v, d in dg.edges(data=True)
    }
    nx.draw_networkx_edge_labels(dg, pos, edge_labels=labels, ax=ax, font_size=7, label_pos=0.3, rotate=False,
                                 connectionstyle="arc3,rad=0.12", bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#cccccc", "alpha": 0.9})
    title = names[ministry].replace("\n", " ")
    ax.set_title(f"{title}: dependencies (arrow: needs documents or data of)\n~ = yearly volume partly estimated", fontsize=11)
    ax.axis("off")
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.3, 1.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)
    return path
