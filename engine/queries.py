"""Plain-row questions over a catalogue, shared by the CLI and the API.

Examples
--------
>>> from engine.loading import load_catalogue
>>> cat = load_catalogue().catalogue
>>> [r["code"] for r in search(cat, "dang ky khai sinh luu dong")]
['1.003583']
>>> source_row(cat, cat.sources["land"], __import__("datetime").date(2026, 6, 1))["coverage"][0]["values"]
['residential']
"""

from __future__ import annotations

from .text import fold


def search(cat, query, ministry=None, field=None, level=None, origin=None) -> list[dict]:
    """Procedures matching every given filter, as plain rows (shared with the API)."""
    words = fold(query).split() if query else []
    rows = []
    for proc in sorted(cat.procedures.values(), key=lambda p: p.code):
        if ministry and proc.ministry != ministry:
            continue
        if field and fold(proc.field or "") != fold(field):
            continue
        if level and level not in proc.level:
            continue
        if origin and proc.origin != origin:
            continue
        if words:
            hay = fold(f"{proc.code} {proc.name.vi} {proc.name.en} {proc.field or ''}")
            if not all(w in hay for w in words):
                continue
        rows.append(
            {
                "code": proc.code,
                "name": proc.name.vi,
                "name_en": proc.name.en,
                "ministry": proc.ministry,
                "level": list(proc.level),
                "field": proc.field,
                "requirements": len(proc.requirements),
                "origin": proc.origin,
            }
        )
    return rows


def source_row(cat, src, day) -> dict:
    return {
        "id": src.id,
        "name": {"vi": src.name.vi, "en": src.name.en},
        "owner": src.owner,
        "clause": src.clause,
        "replaces": list(src.replaces),
        "announced": src.announcement.date.isoformat() if src.announcement.date else None,
        "announcement_reference": src.announcement.reference.model_dump(mode="json"),
        "coverage": [
            {"attribute": c.attribute, "values": c.values_on(day), "reference": c.reference.model_dump(mode="json")}
            for c in src.coverage
        ],
        "quality": src.quality_on(day),
        "status": src.status,
        "legal_basis": src.legal_basis.model_dump(mode="json"),
        "proposed": src.proposed,
    }
