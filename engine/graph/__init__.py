"""The cross-agency graph (networkx) and the questions it answers.

- :mod:`.build`: agencies, procedures, document types and sources, with
  ``runs``, ``requires``, ``issues``, ``replaced_by`` and ``owns`` edges;
- :mod:`.dependencies`: which agency needs documents or data of which other;
- :mod:`.dependents`: the ministries and procedures that depend on one database
  or one agency, with copies and hours (the burden report's figures);
- :mod:`.impact`: what flips if a source goes offline or is announced, and the
  ranking of sources (re-evaluated by the Engine, never re-implemented);
- :mod:`.chains`: prerequisite procedures, longest chains, cycles;
- :mod:`.export`: GraphML, node-link JSON, a picture of one ministry.
"""

from .build import build_graph, node_id, nodes_of, split_id
from .chains import bounded_cycles, longest_chains, prerequisite_graph, prerequisites
from .dependencies import agency_dependencies, dependency_graph
from .dependents import DependencyBase, dependency_base, dependents, targets
from .errors import ExportError, GraphError, NothingToDraw, UnknownChange, UnknownNode
from .export import draw_ministry, export, node_link, write_graphml, write_node_link
from .impact import rank_sources, source_impact

__all__ = [
    "DependencyBase",
    "ExportError",
    "GraphError",
    "NothingToDraw",
    "UnknownChange",
    "UnknownNode",
    "agency_dependencies",
    "bounded_cycles",
    "build_graph",
    "dependency_base",
    "dependency_graph",
    "dependents",
    "draw_ministry",
    "export",
    "longest_chains",
    "node_id",
    "node_link",
    "nodes_of",
    "prerequisite_graph",
    "prerequisites",
    "rank_sources",
    "source_impact",
    "split_id",
    "targets",
    "write_graphml",
    "write_node_link",
]
