"""Errors of the graph questions. Messages are short and exact.

Examples
--------
>>> str(UnknownNode("procedure", "9.999999"))
"unknown procedure '9.999999'"
>>> isinstance(UnknownNode("agency", "x"), LookupError)
True
"""

from __future__ import annotations

from ..errors import OnceOnlyError


class GraphError(OnceOnlyError):
    """Base class of every graph error."""


class UnknownNode(GraphError, LookupError):
    """A procedure, agency, document type or source is not in the graph."""

    def __init__(self, kind: str, ident: str):
        self.kind, self.ident = kind, ident
        super().__init__(f"unknown {kind} {ident!r}")


class UnknownChange(GraphError, ValueError):
    """A source-impact change is neither ``offline`` nor ``announce``."""

    def __init__(self, change: str):
        self.change = change
        super().__init__(f"change must be offline or announce, got {change!r}")


class NothingToDraw(GraphError):
    """A picture was asked for a ministry that has no dependency."""

    def __init__(self, ministry: str):
        self.ministry = ministry
        super().__init__(f"no dependency to draw for {ministry!r}")


class ExportError(GraphError, ValueError):
    """An export format or file name is not supported."""

    def __init__(self, message: str):
        super().__init__(message)
