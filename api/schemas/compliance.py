"""The compliance report: Res. 66.7's Appendix rows against the catalogue.

The shape is :meth:`engine.reports.compliance.ComplianceReport.as_dict` (what
``onceonly report compliance --format json`` prints), plus the names and state
labels the dashboard shows in the requested language. Counts keyed by a state
keep the engine's hyphenated names (``not-asked``, ``not-in-catalogue``,
``not-encoded``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

State = Literal["required", "conditional", "struck", "not-asked", "not-in-catalogue", "not-encoded"]


class AppendixBuildPublic(BaseModel):
    """Which appendix file the rules were built from."""

    file: str | None = None
    sha256: str | None = None
    rows: int | None = Field(None, description="Rows of the appendix file.")
    encoded: int | None = Field(None, description="Rows encoded as rules.")


class ComplianceCountsBase(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    rows: int
    asked: int = Field(description="Rows whose procedure's portal dossier still names the listed paper.")
    overdue: int = Field(description="Of those, rows past the re-engineering period (Res. 66.7 Art. 7).")
    required: int
    conditional: int
    struck: int
    not_asked: int = Field(alias="not-asked")
    not_in_catalogue: int = Field(alias="not-in-catalogue")
    not_encoded: int = Field(alias="not-encoded")


class ComplianceMinistryPublic(ComplianceCountsBase):
    name: str


class ComplianceTotalsPublic(ComplianceCountsBase):
    candidates: int = Field(description="Papers the general rules strike that no appendix row lists.")


class ComplianceEntryPublic(BaseModel):
    """A dossier entry that still names the listed paper."""

    requirement: str
    requirement_text: str
    paper: str
    status: str
    rule: str
    struck_if: dict[str, list[str]] | None = None


class ComplianceRowPublic(BaseModel):
    """One appendix row: what became of it in the catalogue."""

    appendix: str
    item: int
    rule: str | None
    ministry: str
    ministry_name: str
    code: str
    procedure_name: str
    document: str = Field(description="The paper as the appendix lists it.")
    database: str | None
    sources: list[str]
    document_types: list[str]
    state: State
    reason: str | None = None
    in_catalogue: bool
    effective: dt.date | None = None
    days_in_effect: int | None = None
    asked: bool
    overdue: bool
    entries: list[ComplianceEntryPublic]


class ComplianceCandidatePublic(BaseModel):
    """A paper the general rules strike that no appendix row lists (for the next list)."""

    procedure: str
    procedure_name: str
    ministry: str
    requirement: str
    paper: str
    document_type: str
    source: str | None
    rule: str


class ComplianceReportPublic(BaseModel):
    """The compliance report as ``onceonly report compliance --format json`` prints it, with names."""

    report: Literal["compliance"]
    as_of: dt.date
    reengineer_days: int | None = Field(description="Days a ministry has to re-engineer a procedure (Art. 7).")
    catalogue_version: str
    rules_version: str
    procedures_evaluated: int
    built_from: dict[str, AppendixBuildPublic]
    total: ComplianceTotalsPublic
    by_ministry: dict[str, ComplianceMinistryPublic] = Field(description="Totals by agency id, most rows still named first.")
    rows: list[ComplianceRowPublic]
    candidates: list[ComplianceCandidatePublic]
    ministry_names: dict[str, str] = Field(description="Agency names in the requested language.")
    state_labels: dict[str, str] = Field(description="Each state's label in the requested language.")
