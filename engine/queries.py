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

import re

from .text import fold


def _relevance(proc, words: list[str], phrase: str) -> int | None:
    """How well ``proc`` answers the query words, lower is better; None: no match.

    Whole words only ("khai sinh" does not find "khai thác" or "sinh hoạt"),
    the last word may be a prefix (typing in progress). The code, then the
    phrase in the name, then every word in the name, then in the field.
    """
    if phrase == proc.code:
        return 0
    name = fold(f"{proc.name.vi} {proc.name.en}")
    hay = f"{proc.code} {name} {fold(proc.field or '')}"
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in words)
    if re.search(pattern + r"\b", name):
        return 1
    def has(text: str, i: int, w: str) -> bool:
        tail = "" if i == len(words) - 1 else r"\b"
        return re.search(r"\b" + re.escape(w) + tail, text) is not None
    if all(has(name, i, w) for i, w in enumerate(words)):
        return 2
    if all(has(hay, i, w) for i, w in enumerate(words)):
        return 3
    return None


def search(cat, query, ministry=None, field=None, level=None, origin=None) -> list[dict]:
    """Procedures matching every given filter, as plain rows (shared with the API),
    the best answers to the query first.

    The words are looked up in the database's own full-text index
    (:mod:`engine.store.search`: the store's SQLite FTS5 table or PostgreSQL
    ``tsvector`` for imported procedures, an in-memory FTS5 index for the
    others); the matches are then ranked by :func:`_relevance`, shorter names
    first within a rank, then by the database's score. Without a query, every
    procedure that passes the filters, by code.

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> [r["code"] for r in search(load_catalogue().catalogue, "khai sinh")][:1]
    ['1.001193']
    """
    from .store.search import match, query_words

    words = query_words(query)
    phrase = " ".join(words)
    exact = (query or "").strip()
    hits = match(cat, words) if words else {}
    if exact in cat.procedures:
        hits.setdefault(exact, float("-inf"))  # a code, typed whole, is found whatever the index says
    found = []
    for code in (hits if words else cat.procedures):
        proc = cat.procedures.get(code)
        if proc is None:
            continue
        if ministry and proc.ministry != ministry:
            continue
        if field and fold(proc.field or "") != fold(field):
            continue
        if level and level not in proc.level:
            continue
        if origin and proc.origin != origin:
            continue
        if words:
            rank = 0 if code == exact else _relevance(proc, words, phrase)
            if rank is None:
                continue
            # Among equal matches the shorter name is the closer one ("đăng ký khai sinh"
            # before "đăng ký khai sinh có yếu tố nước ngoài ..."), then the database's score.
            found.append((rank, len(proc.name.vi), hits[code], code, proc))
        else:
            found.append((0, 0, 0.0, code, proc))
    found.sort(key=lambda t: t[:4])
    return [
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
        for *_, proc in found
    ]


def source_row(cat, src, day) -> dict:
    return {
        "id": src.id,
        "name": {"vi": src.name.vi, "en": src.name.en},
        "owner": src.owner,
        "clause": src.clause,
        "replaces": list(src.replaces),
        "holds": list(src.holds),
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
