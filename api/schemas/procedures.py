"""The catalogue's procedures."""

from __future__ import annotations

from pydantic import BaseModel

from engine.models import Procedure

from .common import Page


class ProcedureSummary(BaseModel):
    """One search row (shared with ``onceonly procedures``)."""

    code: str
    name: str
    name_en: str
    ministry: str
    level: list[str]
    field: str | None
    requirements: int
    origin: str


class ProcedurePage(Page[ProcedureSummary]):
    pass


class ProcedurePublic(Procedure):
    """A procedure as the engine knows it: requirements, channels, volume, origin."""
