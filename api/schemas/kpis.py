"""KPIs: documents and copies not requested (aggregates only, no personal data)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class KpiCount(BaseModel):
    day: dt.date | None = None
    ministry: str | None = None
    procedure: str | None = None
    source: str | None = None
    documents: int = Field(description="Documents not requested (struck or replaced).")
    copies: int = Field(description="Originals and copies not requested.")


class KpiEvaluations(BaseModel):
    day: dt.date | None = None
    ministry: str | None = None
    procedure: str | None = None
    evaluations: int
    copies_before: int
    copies_after: int


class KpiTotals(BaseModel):
    documents: int
    copies: int
    evaluations: int
    copies_before: int
    copies_after: int


class KpiPublic(BaseModel):
    group_by: list[str]
    totals: KpiTotals
    counts: list[KpiCount]
    evaluations: list[KpiEvaluations]
