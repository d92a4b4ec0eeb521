"""``POST /evaluations``: a procedure, an applicant, a day -> decisions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import re

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from engine.models import Evaluation

_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SourceStatusValue = Literal["online", "degraded", "offline"]
AttributeId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)]
AttributeValue = Annotated[str, StringConstraints(max_length=80)]


class EvaluationBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    procedure: Annotated[str, StringConstraints(pattern=r"^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]+)*$", max_length=64)] = Field(
        description="Procedure code (mã thủ tục), e.g. 1.001193.", examples=["1.001193"]
    )
    applicant: dict[AttributeId, AttributeValue | None] = Field(
        default_factory=dict,
        max_length=32,
        description="Applicant attributes from the registry (GET /documents lists document types; "
        "attributes are e.g. nationality=vn, vneid=level2). Never personal identifiers.",
        examples=[{"nationality": "vn", "vneid": "level2"}],
    )
    channel: Literal["online", "in_person", "post"] | None = None
    as_of: dt.date | None = Field(None, description="Evaluation day, YYYY-MM-DD (default: today).")

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_day_only(cls, value):
        # pydantic would also take 0 or "1700000000" as Unix times: a portal bug, not a day.
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DAY.match(value):
            return value
        raise ValueError("must be a day written YYYY-MM-DD")


class EvaluationCreate(EvaluationBase):
    source_status: dict[Annotated[str, StringConstraints(min_length=1, max_length=80)], SourceStatusValue] | None = Field(
        None, max_length=32, description="What-if overrides of live source status for this call only."
    )


class EvaluationPublic(Evaluation):
    """The decision contract of DESIGN.md per requirement, the summary, the trace
    (per decision) and ``missing_attributes``: what the portal may ask the applicant."""
