"""The data model: law and catalogue as typed records.

Everything the engine knows about the law arrives through these models, loaded
from ``procedures/`` (YAML) or from imported portal records. Python code never
holds legal facts; it holds these shapes and the mechanisms that read them.

The YAML schema of each folder of ``procedures/`` is the model of the same name
here (``sources/`` -> :class:`Source`, ``documents/`` -> :class:`DocumentType`,
``rules/`` -> :class:`Rule`, ``catalogue/`` -> :class:`Procedure`).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=80)]
Code = Annotated[str, StringConstraints(pattern=r"^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]+)*$")]

#: The first and last day the engine reasons about ("forever" for open-ended rules).
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(9999, 12, 31)


class Strict(BaseModel):
    """Base for data files: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Text(Strict):
    """A short text in Vietnamese and English."""

    vi: str
    en: str = ""


class LegalBasis(Strict):
    act: str
    article: str = ""
    url: str | None = None


class Reference(Strict):
    """Where a figure or a date comes from; ``estimate`` marks our own assumption."""

    source: str
    url: str | None = None
    estimate: bool = False
    note: str | None = None


# --------------------------------------------------------------------------- registry


class Agency(Strict):
    id: Slug
    name: Text
    kind: Literal["ministry", "court", "bank", "province", "commune", "other"] = "ministry"


class Attribute(Strict):
    """An applicant attribute the rules may test (coverage, applicability)."""

    id: Slug
    description: Text
    values: list[str]


class DocumentType(Strict):
    id: Slug
    name: Text
    synonyms: list[str] = Field(default_factory=list)
    category: str = "other"
    #: False for documents no database can stand in for (forms, photos, contracts...).
    strikeable: bool = True
    issuer: Slug | None = None
    #: Procedure codes whose result is this document (the "issues" edges of the graph).
    result_of: list[str] = Field(default_factory=list)
    #: Shown in the VNeID app (Art. 4 note of LAW.md "VNeID-integrated documents").
    vneid: bool = False
    reference: Reference | None = None


# --------------------------------------------------------------------------- sources


class CoverageCondition(Strict):
    """Who or what a source covers: ``attribute`` must take one of ``values``.

    ``values`` is dated like an OpenFisca parameter: the key is the first day the
    list applies; the last key stays in force until a later key replaces it.
    """

    attribute: Slug
    values: dict[dt.date, list[str]]
    reference: Reference

    def values_on(self, day: dt.date) -> list[str] | None:
        chosen = None
        for start in sorted(self.values):
            if start <= day:
                chosen = self.values[start]
        return chosen


class Announcement(Strict):
    date: dt.date | None
    reference: Reference


class Source(Strict):
    id: Slug
    name: Text
    owner: Slug
    clause: str | None = None
    replaces: list[Slug]
    announcement: Announcement
    #: Data-quality level by date: insufficient < partial < sufficient.
    quality: dict[dt.date, Literal["insufficient", "partial", "sufficient"]] = Field(default_factory=dict)
    coverage: list[CoverageCondition] = Field(default_factory=list)
    status: Literal["online", "degraded", "offline"] = "online"
    legal_basis: LegalBasis
    proposed: bool = False
    description: str | None = None

    def quality_on(self, day: dt.date) -> str | None:
        chosen = None
        for start in sorted(self.quality):
            if start <= day:
                chosen = self.quality[start]
        return chosen


# --------------------------------------------------------------------------- rules


class Effect(str, Enum):
    strike = "strike"  # data fetched from a database: the document is not asked for
    replace = "replace"  # shown in VNeID instead of on paper
    cut = "cut"  # abolished outright (Res. 66.7 Appendix II)


class Fallback(Strict):
    """What the agency does when a lookup fails (Res. 66.7 Art. 8, Art. 2.2)."""

    id: Slug
    legal_basis: LegalBasis
    deadlines: dict[Literal["online", "in_person", "post"], Text]
    text: Text


class Rule(Strict):
    id: Slug
    description: str
    effect: Effect
    #: Document types the rule applies to; empty means "every type the source replaces".
    document_types: list[Slug] = Field(default_factory=list)
    source: Slug | None = None
    valid_from: dt.date
    valid_to: dt.date | None = None
    status: Literal["in_force", "proposed"] = "in_force"
    legal_basis: LegalBasis
    #: Minimum data quality of the source for the rule to apply.
    min_quality: Literal["insufficient", "partial", "sufficient"] = "sufficient"
    #: Extra applicant conditions beyond the source's coverage (attribute -> values).
    requires: dict[Slug, list[str]] = Field(default_factory=dict)
    fallback: Slug | None = None
    explanation: Text
    references: list[Reference] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Rule":
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


# --------------------------------------------------------------------------- catalogue


class Requirement(Strict):
    """One dossier entry (thành phần hồ sơ)."""

    id: str
    text: str
    #: Recognised document types; empty when nothing was recognised (stays required).
    document_types: list[Slug] = Field(default_factory=list)
    #: ``any_of``: the applicant hands in one of the types (a "/"-list of alternatives);
    #: ``all_of``: the entry names several documents that are all needed.
    match: Literal["any_of", "all_of"] = "any_of"
    originals: int = Field(default=1, ge=0)
    copies: int = Field(default=0, ge=0)
    certified: bool = False
    mode: Literal["submit", "show"] = "submit"
    #: The case in which the entry applies, in our words ("if filed by a proxy").
    condition: str | None = None
    #: Machine-readable applicability: the entry applies only when every attribute
    #: takes one of the listed values. Unknown attributes leave it applicable.
    applies_if: dict[Slug, list[str]] = Field(default_factory=dict)
    #: The dossier text itself says the paper is not needed when the data is in a DB.
    waived_by_text: bool = False
    #: The paper itself is handed in to be endorsed, replaced or revoked (a land
    #: certificate to be re-issued, an old registration to be cancelled): no
    #: database can stand in for the object, so it is never struck.
    surrendered: bool = False
    note: str | None = None


class Channel(Strict):
    kind: Literal["online", "in_person", "post"]
    days: float | None = None
    fee_vnd: float | None = None
    description: str | None = None


class Volume(Strict):
    per_year: int = Field(ge=0)
    year: int | None = None
    reference: Reference


class Procedure(Strict):
    code: Code
    name: Text
    ministry: Slug
    agency: str | None = None
    level: list[Literal["ministry", "province", "commune", "other"]] = Field(default_factory=list)
    field: str | None = None
    applicants: str | None = None
    url: str | None = None
    results: list[Slug] = Field(default_factory=list)
    result_text: str | None = None
    channels: list[Channel] = Field(default_factory=list)
    legal_refs: list[str] = Field(default_factory=list)
    volume: Volume | None = None
    requirements: list[Requirement]
    #: ``curated`` (procedures/catalogue) or ``imported`` (portal records).
    origin: Literal["curated", "imported"] = "curated"
    #: Last-change date of the underlying record, when known.
    updated: dt.date | None = None

    @model_validator(mode="after")
    def _unique_requirement_ids(self) -> "Procedure":
        seen: set[str] = set()
        for req in self.requirements:
            if req.id in seen:
                raise ValueError(f"duplicate requirement id {req.id!r}")
            seen.add(req.id)
        return self


# --------------------------------------------------------------------------- decisions


class Status(str, Enum):
    required = "required"
    struck = "struck"
    replaced = "replaced"
    not_applicable = "not_applicable"


class RequirementRef(BaseModel):
    id: str
    text: str


class Explanation(BaseModel):
    vi: str
    en: str


class TraceStep(BaseModel):
    """One rule activation that durable-rules fired for a requirement."""

    document_type: str
    rule: str
    outcome: str
    detail: str | None = None


class Decision(BaseModel):
    """The decision contract of DESIGN.md, one per requirement."""

    procedure: str
    requirement: RequirementRef
    document_types: list[str]
    status: Status
    source: str | None
    rule: str
    legal_basis: str | None
    copies_avoided: int
    fallback: str | None
    fallback_vi: str | None = None
    explanation: Explanation
    struck_if: dict[str, list[str]] | None = None
    trace: list[TraceStep] = Field(default_factory=list)


class Summary(BaseModel):
    requirements: int
    required: int
    struck: int
    replaced: int
    not_applicable: int
    conditional: int
    copies_before: int
    copies_after: int


class Evaluation(BaseModel):
    procedure: str
    procedure_name: str
    as_of: dt.date
    applicant: dict[str, Any]
    channel: str | None = None
    decisions: list[Decision]
    summary: Summary
    #: Attributes the caller did not give that would change a decision.
    missing_attributes: list[str] = Field(default_factory=list)
    catalogue_version: str
    rules_version: str
    source_state_version: str
    engine_version: str
