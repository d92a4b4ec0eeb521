"""API keys (admin)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class KeyBase(BaseModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    role: Literal["portal", "officer", "admin"]
    rate_limit: float | None = Field(None, gt=0, le=1_000_000, description="Requests/s (default: the role's).")


class KeyCreate(KeyBase):
    model_config = ConfigDict(extra="forbid")


class KeyPublic(KeyBase):
    id: int
    prefix: str = Field(description="First characters of the token, to recognise it.")
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class KeyCreated(KeyPublic):
    token: str = Field(description="The secret; shown only in this answer, stored only as a SHA-256 hash.")
