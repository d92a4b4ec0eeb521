"""Shared databases and their live status."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class Names(BaseModel):
    vi: str
    en: str


class Coverage(BaseModel):
    attribute: str
    values: list[str] | None
    reference: dict[str, Any]


class SourcePublic(BaseModel):
    id: str
    name: Names
    owner: str
    clause: str | None
    replaces: list[str]
    #: Papers whose data the database holds beyond its clause's list: only a
    #: dossier's own waiver naming the database strikes them.
    holds: list[str] = []
    announced: str | None
    announcement_reference: dict[str, Any]
    coverage: list[Coverage]
    quality: str | None
    status: Literal["online", "degraded", "offline"]
    legal_basis: dict[str, Any]
    proposed: bool


class SourceList(BaseModel):
    as_of: dt.date
    source_state_version: str
    items: list[SourcePublic]


class SourceStatusUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["online", "degraded", "offline"]


class SourceStatusPublic(BaseModel):
    id: str
    status: Literal["online", "degraded", "offline"]
    source_state_version: str
