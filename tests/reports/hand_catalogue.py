"""A catalogue built in code where every figure of the reports and the graph is known.

Agencies ``agency-a`` and ``agency-b``. Source ``db`` (owner b, Art. clause "4.1",
announced 2026-01-01, covers nationality vn) replaces ``id-card`` and ``cert-x``
under rule ``strike-db`` (in force 2026-01-01..2027-02-28). Source ``db2``
(owner a, proposed, unannounced) replaces ``licence-y`` under a proposed rule.

Procedures (volumes: 1.000001 cites 1,000 a year; the others use the default):

- 1.000001 (a, commune, F1): id-card 1 original + 1 copy (struck, 2), a form;
  its result is cert-x.
- 1.000002 (a, province, F2): cert-x 1 original (struck, 1), id-card 2 certified
  copies (struck, 2), an optional photo.
- 2.000003 (b, ministry, F1): cert-x 1 original (struck, 1), a form, licence-y
  1 copy (required; struck once db2 is announced).

For a Vietnamese applicant on 2026-06-01: 4 rows, 6 copies per dossier
(a: 3 rows 5 copies; b: 1 row 1 copy); without an applicant the same 4 rows are
conditional (struck_if nationality=vn).
"""

from __future__ import annotations

import datetime as dt

from engine.catalogue import Catalogue
from engine.models import Agency, Attribute, DocumentType, Procedure, Rule, Source

DAY = dt.date(2026, 6, 1)
VN = {"nationality": "vn"}


def build() -> Catalogue:
    cat = Catalogue(label="hand")
    for ident, vi, en in (("agency-a", "Cơ quan A", "Agency A"), ("agency-b", "Cơ quan B", "Agency B")):
        cat.agencies[ident] = Agency(id=ident, name={"vi": vi, "en": en})
    cat.attributes["nationality"] = Attribute(id="nationality", description={"vi": "Quốc tịch", "en": "Nationality"}, values=["vn", "foreign"])
    docs = [
        DocumentType(id="id-card", name={"vi": "Thẻ căn cước", "en": "ID card"}, category="identity", issuer="agency-b"),
        DocumentType(id="cert-x", name={"vi": "Giấy X", "en": "Certificate X"}, category="civil-status", result_of=["1.000001"]),
        DocumentType(id="licence-y", name={"vi": "Giấy phép Y", "en": "Licence Y"}, category="business", issuer="agency-a"),
        DocumentType(id="form", name={"vi": "Tờ khai", "en": "Form"}, category="form", strikeable=False),
        DocumentType(id="photo", name={"vi": "Ảnh", "en": "Photo"}, category="photo", strikeable=False),
    ]
    cat.documents = {d.id: d for d in docs}
    ref = {"source": "test"}
    cat.sources["db"] = Source(
        id="db",
        name={"vi": "CSDL thử", "en": "Test database"},
        owner="agency-b",
        clause="4.1",
        replaces=["id-card", "cert-x"],
        announcement={"date": dt.date(2026, 1, 1), "reference": ref},
        quality={dt.date(2026, 1, 1): "sufficient"},
        coverage=[{"attribute": "nationality", "values": {dt.date(2026, 1, 1): ["vn"]}, "reference": ref}],
        legal_basis={"act": "Test Act", "article": "Art. 4.1"},
    )
    cat.sources["db2"] = Source(
        id="db2",
        name={"vi": "CSDL đề xuất", "en": "Proposed database"},
        owner="agency-a",
        replaces=["licence-y"],
        announcement={"date": None, "reference": ref},
        quality={dt.date(2026, 1, 1): "sufficient"},
        legal_basis={"act": "Test Act", "article": "Art. 9"},
        proposed=True,
    )
    explanation = {"vi": "Không yêu cầu {document_vi} ({source_vi}).", "en": "{document_en} is not asked for ({source_en})."}
    cat.rules["strike-db"] = Rule(
        id="strike-db",
        description="test",
        effect="strike",
        source="db",
        valid_from=dt.date(2026, 1, 1),
        valid_to=dt.date(2027, 2, 28),
        legal_basis={"act": "Test Act", "article": "Art. 4.1"},
        explanation=explanation,
    )
    cat.rules["strike-db2"] = Rule(
        id="strike-db2",
        description="test",
        effect="strike",
        source="db2",
        valid_from=dt.date(2026, 1, 1),
        status="proposed",
        legal_basis={"act": "Test Act", "article": "Art. 9"},
        explanation=explanation,
    )

    def proc(code, ministry, level, field, reqs, volume=None, results=()):
        data = {
            "code": code,
            "name": {"vi": f"Thủ tục {code}", "en": f"Procedure {code}"},
            "ministry": ministry,
            "level": [level],
            "field": field,
            "results": list(results),
            "requirements": reqs,
        }
        if volume is not None:
            data["volume"] = {"per_year": volume, "year": 2024, "reference": ref}
        return Procedure.model_validate(data)

    procs = [
        proc(
            "1.000001", "agency-a", "commune", "F1",
            [
                {"id": "id", "text": "Thẻ căn cước", "document_types": ["id-card"], "originals": 1, "copies": 1},
                {"id": "form", "text": "Tờ khai", "document_types": ["form"]},
            ],
            volume=1000,
            results=["cert-x"],
        ),
        proc(
            "1.000002", "agency-a", "province", "F2",
            [
                {"id": "cert", "text": "Giấy X", "document_types": ["cert-x"]},
                {"id": "id", "text": "Bản sao thẻ căn cước", "document_types": ["id-card"], "originals": 0, "copies": 2, "certified": True},
                {"id": "photo", "text": "Ảnh", "document_types": ["photo"], "condition": "if asked"},
            ],
        ),
        proc(
            "2.000003", "agency-b", "ministry", "F1",
            [
                {"id": "cert", "text": "Giấy X", "document_types": ["cert-x"]},
                {"id": "form", "text": "Tờ khai", "document_types": ["form"]},
                {"id": "licence", "text": "Giấy phép Y", "document_types": ["licence-y"], "originals": 0, "copies": 1},
            ],
        ),
    ]
    cat.procedures = {p.code: p for p in procs}
    return cat
