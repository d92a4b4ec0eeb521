"""``POST /evaluations``: a procedure, an applicant, a day -> decisions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from engine.models import Evaluation

from .common import Day, text

SourceStatusValue = Literal["online", "degraded", "offline"]
AttributeId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)]
AttributeValue = text(80)
SourceId = text(80, min_length=1)


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
    #: YYYY-MM-DD only: pydantic alone would take 0 or "1700000000" as Unix times.
    as_of: Day | None = Field(None, description="Evaluation day, YYYY-MM-DD (default: today).")


class EvaluationCreate(EvaluationBase):
    source_status: dict[SourceId, SourceStatusValue] | None = Field(
        None, max_length=32, description="What-if overrides of live source status for this call only."
    )


class EvaluationPublic(Evaluation):
    """The decision contract of DESIGN.md per requirement, the summary, the trace
    (per decision) and ``missing_attributes``: what the portal may ask the applicant."""
