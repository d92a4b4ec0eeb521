"""The store as the single source of truth for the law.

Every catalogue a reload accepts is stored whole (the law and the curated
procedures, as validated; imported procedures already live in the store), and
every refused reload is recorded with its errors. A worker, or a node, starts
from the last accepted version and never from files that failed validation:
the files on one machine's disk are an input to a reload, not what is served.

Examples
--------
>>> from engine.loading import load_catalogue
>>> cat = load_catalogue().catalogue
>>> again = restore(snapshot(cat))
>>> again.version == cat.version and again.rules_version == cat.rules_version
True
"""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

import orjson
from sqlalchemy import Engine, insert, select

from ..catalogue import Catalogue
from ..models import Agency, Attribute, DocumentType, Fallback, Procedure, Rule, Source
from .api_tables import law_versions

_KINDS = {
    "documents": (DocumentType, "id"),
    "sources": (Source, "id"),
    "rules": (Rule, "id"),
    "fallbacks": (Fallback, "id"),
    "agencies": (Agency, "id"),
    "attributes": (Attribute, "id"),
}


def _curated(cat: Catalogue) -> list[Procedure]:
    """Procedures read from files (imported ones come from the store's own tables)."""
    return [p for code, p in sorted(cat.procedures.items()) if "://" not in cat.origins.get(code, "")]


def snapshot(cat: Catalogue) -> bytes:
    """The law and the curated procedures of ``cat``, as compressed JSON."""
    data: dict[str, Any] = {kind: [m.model_dump(mode="json") for m in getattr(cat, kind).values()] for kind in _KINDS}
    curated = _curated(cat)
    data["procedures"] = [p.model_dump(mode="json", exclude_none=False) for p in curated]
    data["origins"] = {p.code: cat.origins.get(p.code, "") for p in curated}
    data["parameters"] = cat.parameters
    data["scenarios"] = cat.scenarios
    data["built_from"] = cat.built_from
    data["root"] = str(cat.root) if cat.root else None
    return zlib.compress(orjson.dumps(data, default=str, option=orjson.OPT_NON_STR_KEYS), 6)


def restore(payload: bytes) -> Catalogue:
    """The catalogue a :func:`snapshot` holds."""
    from pathlib import Path

    data = orjson.loads(zlib.decompress(payload))
    cat = Catalogue()
    for kind, (model, key) in _KINDS.items():
        target = getattr(cat, kind)
        for item in data.get(kind) or []:
            obj = model.model_validate(item)
            target[getattr(obj, key)] = obj
    for item in data.get("procedures") or []:
        proc = Procedure.model_validate(item)
        cat.procedures[proc.code] = proc
    cat.origins = dict(data.get("origins") or {})
    cat.parameters = _dates(data.get("parameters") or {})
    cat.scenarios = _dates(data.get("scenarios") or {})
    cat.built_from = data.get("built_from") or {}
    cat.root = Path(data["root"]) if data.get("root") else None
    return cat


def _dates(value: Any) -> Any:
    """Raw parameter files carry YAML dates; JSON brought them back as strings."""
    if isinstance(value, dict):
        return {k: _dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def record(
    engine: Engine,
    status: str,
    description: str,
    cat: Catalogue | None = None,
    errors: list[dict[str, Any]] | None = None,
    by: str | None = None,
) -> int:
    """Store an accepted catalogue (``cat``) or a refusal (``errors``); return its id."""
    row = {
        "created_at": dt.datetime.now(dt.timezone.utc),
        "status": status,
        "catalogue_version": cat.version if cat is not None else None,
        "rules_version": cat.rules_version if cat is not None else None,
        "description": description[:400],
        "by": (by or "")[:120] or None,
        "errors": orjson.dumps(errors).decode() if errors else None,
        "payload": snapshot(cat) if cat is not None and status == "accepted" else None,
    }
    with engine.begin() as conn:
        return int(conn.execute(insert(law_versions).values(**row)).inserted_primary_key[0])


def last_accepted(engine: Engine) -> tuple[int, str, Catalogue] | None:
    """The id, description and catalogue of the last accepted version, if any."""
    with engine.connect() as conn:
        row = conn.execute(
            select(law_versions.c.id, law_versions.c.description, law_versions.c.payload)
            .where(law_versions.c.status == "accepted")
            .order_by(law_versions.c.id.desc())
            .limit(1)
        ).first()
    if row is None or row.payload is None:
        return None
    return int(row.id), row.description, restore(row.payload)


def history(engine: Engine, limit: int = 20) -> list[dict[str, Any]]:
    """The latest accepted and refused versions, newest first (no payloads)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                law_versions.c.id, law_versions.c.created_at, law_versions.c.status, law_versions.c.catalogue_version,
                law_versions.c.rules_version, law_versions.c.description, law_versions.c.by, law_versions.c.errors,
            ).order_by(law_versions.c.id.desc()).limit(limit)
        ).all()
    return [
        {**row._asdict(), "errors": orjson.loads(row.errors) if row.errors else []}
        for row in rows
    ]
