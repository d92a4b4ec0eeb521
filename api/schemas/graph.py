"""Who depends on one database or one agency (``GET /graph/dependents``) and what can be asked
about (``GET /graph/dependents/choices``).

The shape is :func:`engine.graph.dependents.dependents`'s. Copies, hours and VND are the
burden report's figures (:mod:`engine.reports.burden`, Standard Cost Model): estimates.
Definite and ``conditional_*`` figures stay apart: evaluated for an applicant who says
nothing, a paper removed only for some applicants (citizens, say) is conditional.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class DependentFigures(BaseModel):
    requirements: int = Field(
        description="Dossier entries that depend (documents or data)."
    )
    document_requirements: int = Field(
        description="Entries that name a paper the agency issues (0 for a database)."
    )
    data_requirements: int = Field(
        description="Entries with a paper the data removes, or would for some applicants."
    )
    conditional_requirements: int = Field(
        description="Of the data entries, those removed only for some applicants."
    )
    copies: int = Field(description="Copies a dossier no longer needs (definite).")
    conditional_copies: int
    copies_per_year: float = Field(
        description="Copies a year no longer needed (definite): copies x dossiers a year."
    )
    conditional_copies_per_year: float
    documents_per_year: float
    conditional_documents_per_year: float
    hours: float = Field(
        description="Applicant hours a year saved (definite; an estimate of the cost model)."
    )
    conditional_hours: float
    vnd: float = Field(description="VND a year saved (definite; an estimate).")
    conditional_vnd: float
    volume_per_year: int = Field(
        description="Dossiers a year of the procedures counted."
    )
    volume_estimated: bool = Field(
        description="Some volume is the cost model's default."
    )


class DependentMinistry(DependentFigures):
    ministry: str = Field(description="Agency id.")
    name: str
    own: bool = Field(
        description="The ministry is the database's owner (or the agency asked about) itself."
    )
    procedures: int


class DependentProcedure(DependentFigures):
    code: str
    name: str
    name_en: str | None = None
    ministry: str
    ministry_name: str
    sources: list[str] = Field(
        description="Databases whose data removes a paper of this procedure."
    )


class DependentsTotal(DependentFigures):
    ministries: int
    procedures: int


class NamedSource(BaseModel):
    id: str
    name: str


class DependentsPublic(BaseModel):
    """The ministries and procedures that depend on one database or one agency."""

    as_of: dt.date
    kind: Literal["source", "agency"]
    id: str
    name: str
    owner: str = Field(
        description="The database's owner (the agency itself for an agency)."
    )
    owner_name: str
    sources: list[NamedSource] = Field(
        description="The databases counted: the one asked about, or the agency's."
    )
    estimate: bool = Field(
        description="Hours and VND are estimates (the cost model's values are)."
    )
    hours_per_document: float = Field(
        description="Cost model: applicant hours to obtain one document."
    )
    total: DependentsTotal
    ministries: list[DependentMinistry] = Field(description="Most procedures first.")
    procedures: list[DependentProcedure] = Field(
        description="Most copies a year first."
    )


class TargetSource(BaseModel):
    id: str
    name: str
    owner: str
    owner_name: str
    proposed: bool
    procedures: int = Field(description="Procedures that depend on it.")
    ministries: int = Field(description="Ministries whose procedures depend on it.")


class TargetAgency(BaseModel):
    id: str
    name: str
    sources: list[str] = Field(description="Databases it owns.")
    procedures: int
    ministries: int


class DependentChoicesPublic(BaseModel):
    """Every database, and every agency something depends on, by name."""

    as_of: dt.date
    sources: list[TargetSource]
    agencies: list[TargetAgency]
