"""A tiny hand-built catalogue whose scenario diffs are known by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.catalogue import Catalogue
from engine.models import (
    Agency, Announcement, Attribute, CoverageCondition, DocumentType, Fallback, LegalBasis, Procedure,
    Reference, Requirement, Rule, Source, Volume,
)

REF = Reference(source="test")
LB = LegalBasis(act="Test act", article="1")
D0 = dt.date(2026, 1, 1)


class FakeCosts:
    """burden: 2 hours per document; 100 VND an hour plus 10 VND a copy."""

    def volume(self, proc):
        return (proc.volume.per_year if proc.volume else 0), False

    def burden(self, copies_per_year, documents_per_year):
        assert copies_per_year >= 0 and documents_per_year >= 0
        hours = documents_per_year * 2.0
        return hours, hours * 100.0 + copies_per_year * 10.0


def _rule(rid, source, docs=()):
    return Rule(
        id=rid, description=rid, effect="strike", document_types=list(docs), source=source,
        valid_from=D0, valid_to=dt.date(2027, 2, 28), legal_basis=LB, fallback="fb",
        explanation={"vi": "{document_vi}", "en": "{document_en}"},
    )


def tiny_catalogue() -> Catalogue:
    cat = Catalogue(label="tiny")
    cat.agencies = {a: Agency(id=a, name={"vi": a, "en": a}) for a in ("m1", "m2", "owner")}
    cat.attributes = {
        "nationality": Attribute(id="nationality", description={"vi": "n", "en": "n"}, values=["vn", "foreign"]),
        "land-use": Attribute(id="land-use", description={"vi": "l", "en": "l"}, values=["residential", "agricultural"]),
    }
    cat.documents = {
        d: DocumentType(id=d, name={"vi": d, "en": d}, strikeable=(d != "form"))
        for d in ("id-card", "land-cert", "diploma", "form")
    }
    cat.fallbacks = {"fb": Fallback(id="fb", legal_basis=LB, deadlines={"online": {"vi": "8h", "en": "8h"}}, text={"vi": "x", "en": "x"})}
    cat.sources = {
        "ids": Source(
            id="ids", name={"vi": "ids", "en": "ids"}, owner="owner", replaces=["id-card"],
            announcement=Announcement(date=D0, reference=REF), quality={D0: "sufficient"},
            coverage=[CoverageCondition(attribute="nationality", values={D0: ["vn"]}, reference=REF)], legal_basis=LB,
        ),
        "lands": Source(
            id="lands", name={"vi": "lands", "en": "lands"}, owner="owner", replaces=["land-cert"],
            announcement=Announcement(date=D0, reference=REF), quality={D0: "sufficient"},
            coverage=[CoverageCondition(attribute="land-use", values={D0: ["residential"]}, reference=REF)], legal_basis=LB,
        ),
    }
    cat.rules = {"r-ids": _rule("r-ids", "ids"), "r-lands": _rule("r-lands", "lands")}
    cat.procedures = {
        "1.000001": Procedure(
            code="1.000001", name={"vi": "P1", "en": "P1"}, ministry="m1",
            volume=Volume(per_year=1000, reference=REF),
            requirements=[
                Requirement(id="id", text="ID card", document_types=["id-card"], originals=1, copies=1),
                Requirement(id="form", text="Form", document_types=["form"], originals=1),
            ],
        ),
        "1.000002": Procedure(
            code="1.000002", name={"vi": "P2", "en": "P2"}, ministry="m2",
            volume=Volume(per_year=500, reference=REF),
            requirements=[
                Requirement(id="land", text="Land certificate", document_types=["land-cert"], originals=0, copies=2),
                Requirement(id="diploma", text="Diploma", document_types=["diploma"], originals=1),
            ],
        ),
    }
    return cat


@pytest.fixture
def tiny() -> Catalogue:
    return tiny_catalogue()
