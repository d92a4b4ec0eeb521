"""API keys (admin)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat

from .common import text

KeyName = text(120, min_length=1)


class KeyBase(BaseModel):
    name: str
    role: Literal["portal", "officer", "admin"]
    rate_limit: float | None = Field(None, gt=0, le=1_000_000, description="Requests/s (default: the role's).")


class KeyCreate(KeyBase):
    model_config = ConfigDict(extra="forbid")

    #: 1-120 characters, no control characters: PostgreSQL refuses a NUL byte in text (it was a 500).
    name: KeyName
    #: A JSON number (``true`` is not 1 request/s).
    rate_limit: StrictFloat | None = Field(None, gt=0, le=1_000_000, description="Requests/s (default: the role's).")


class KeyPublic(KeyBase):
    id: int
    prefix: str = Field(description="First characters of the token, to recognise it.")
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class KeyCreated(KeyPublic):
    token: str = Field(description="The secret; shown only in this answer, stored only as a SHA-256 hash.")
