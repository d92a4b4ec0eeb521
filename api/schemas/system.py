"""Health, readiness and the loaded catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: Literal["ok"]
    engine_version: str


class CataloguePublic(BaseModel):
    description: str
    catalogue_version: str
    rules_version: str
    source_state_version: str
    procedures: int
    documents: int
    sources: int
    rules: int
    data_errors: int
    loaded_at: dt.datetime
    #: Rule files generated from published data (Res. 66.7's appendices): file, sha256, rows, rows encoded.
    built_from: dict[str, dict[str, str | int]] = Field(default_factory=dict)


class Ready(BaseModel):
    """Ready; the engine and the catalogue only for an admin key (they name folders and hosts)."""

    status: Literal["ready"]
    engine_version: str | None = Field(None, description="Admin key only.")
    catalogue: CataloguePublic | None = Field(None, description="Admin key only.")
