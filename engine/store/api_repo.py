"""Read and write the API's tables (:mod:`engine.store.api_tables`).

Plain functions over an SQLAlchemy :class:`~sqlalchemy.engine.Engine` (a
:class:`~engine.store.Store` has one as ``store.engine``), shared by the HTTP
API and ``onceonly keys``. Upserts use ``INSERT ... ON CONFLICT`` on SQLite and
PostgreSQL, so several API workers can write the same counters at once.

Examples
--------
>>> from engine.store import open_store
>>> store = open_store("sqlite:///:memory:")
>>> key, token = create_key(store.engine, "portal of Hanoi", "portal")
>>> key_by_hash(store.engine, hash_token(token)).role
'portal'
>>> set_source_status(store.engine, "population", "offline")
1
>>> read_source_statuses(store.engine)
{'population': 'offline'}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import func, insert, select, update, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from engine.store.api_tables import api_keys, api_state, kpi_counts, kpi_evaluations, source_status

#: Roles in increasing power: each one may do everything the ones before it may.
ROLES = ("portal", "officer", "admin")
TOKEN_PREFIX = "oo_"


def new_token() -> str:
    """A fresh random API token (256 bits), shown once to its owner."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The stored form of a token: sha256 hex (tokens are random, so no salt is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class KeyRecord:
    id: int
    name: str
    role: str
    prefix: str
    rate_limit: float | None
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def check_text(value: str, field: str, max_length: int) -> str:
    """``value`` if it fits a text column: PostgreSQL refuses a NUL byte (an error, not a
    row), and its VARCHAR(n) refuses longer text; SQLite would take both silently."""
    if "\x00" in value:
        raise ValueError(f"{field} must not contain NUL bytes")
    if len(value) > max_length:
        raise ValueError(f"{field} is longer than {max_length} characters")
    return value


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes: they were written in UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def _record(row: Any) -> KeyRecord:
    return KeyRecord(
        id=row.id,
        name=row.name,
        role=row.role,
        prefix=row.prefix,
        rate_limit=row.rate_limit,
        created_at=_utc(row.created_at),
        revoked_at=_utc(row.revoked_at),
    )


# --------------------------------------------------------------------------- keys


def create_key(
    engine: Engine, name: str, role: str, rate_limit: float | None = None, token: str | None = None
) -> tuple[KeyRecord, str]:
    """Create a key; return it and its token (the only time the token is seen)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if rate_limit is not None and rate_limit <= 0:
        raise ValueError("rate limit must be positive")
    check_text(name, "name", api_keys.c.name.type.length)
    token = token or new_token()
    row = {
        "name": name,
        "role": role,
        "key_hash": hash_token(token),
        "prefix": token[:10],
        "rate_limit": rate_limit,
        "created_at": _now(),
        "revoked_at": None,
    }
    with engine.begin() as conn:
        key_id = conn.execute(insert(api_keys).values(**row)).inserted_primary_key[0]
    return KeyRecord(id=key_id, **{k: v for k, v in row.items() if k != "key_hash"}), token


def ensure_key(engine: Engine, token: str, name: str, role: str) -> KeyRecord:
    """Create the key for ``token`` unless it exists (bootstrap admin key).

    A bootstrap key an admin revoked stays revoked: the store decides.
    """
    def existing():
        with engine.connect() as conn:
            return conn.execute(select(api_keys).where(api_keys.c.key_hash == hash_token(token))).first()

    row = existing()
    if row is not None:
        return _record(row)
    try:
        return create_key(engine, name, role, token=token)[0]
    except IntegrityError:
        # Workers and nodes starting together on a new store all try to create
        # it; one insert wins, the others read what it wrote.
        row = existing()
        if row is None:
            raise
        return _record(row)


def list_keys(engine: Engine, include_revoked: bool = True) -> list[KeyRecord]:
    stmt = select(api_keys).order_by(api_keys.c.id)
    if not include_revoked:
        stmt = stmt.where(api_keys.c.revoked_at.is_(None))
    with engine.connect() as conn:
        return [_record(r) for r in conn.execute(stmt)]


def revoke_key(engine: Engine, key_id: int) -> KeyRecord | None:
    """Revoke key ``key_id``; None if there is no such key. Revoking twice is harmless."""
    with engine.begin() as conn:
        conn.execute(
            update(api_keys).where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None)).values(revoked_at=_now())
        )
        row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
    return None if row is None else _record(row)


def key_by_hash(engine: Engine, key_hash: str) -> KeyRecord | None:
    """The active key with this hash, or None (unknown or revoked)."""
    stmt = select(api_keys).where(api_keys.c.key_hash == key_hash, api_keys.c.revoked_at.is_(None))
    with engine.connect() as conn:
        row = conn.execute(stmt).first()
    return None if row is None else _record(row)


# --------------------------------------------------------------------------- upserts


def _upsert(conn: Connection, table, rows: list[dict], keys: list[str], add: list[str] | None, set_: list[str] | None) -> None:
    """Insert ``rows``; on a key conflict add the ``add`` columns or overwrite ``set_``."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        stmt = dialect_insert(table)
        values = {c: table.c[c] + stmt.excluded[c] for c in add or []}
        values.update({c: stmt.excluded[c] for c in set_ or []})
        conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=values), rows)
        return
    for row in rows:  # other back ends: read-modify-write, still inside one transaction
        where = [table.c[k] == row[k] for k in keys]
        current = conn.execute(select(table).where(*where)).first()
        if current is None:
            conn.execute(insert(table).values(**row))
        else:
            changes = {c: getattr(current, c) + row[c] for c in add or []}
            changes.update({c: row[c] for c in set_ or []})
            conn.execute(update(table).where(*where).values(**changes))


# --------------------------------------------------------------------------- versions and source status


def read_versions(engine: Engine) -> dict[str, int]:
    """The counters workers poll: ``{"source_status": n, "catalogue": m}`` (missing = 0)."""
    with engine.connect() as conn:
        return {name: version for name, version in conn.execute(select(api_state.c.name, api_state.c.version))}


#: PostgreSQL channel on which every version bump is announced (LISTEN/NOTIFY):
#: workers and nodes learn of a change at once instead of at their next poll.
CHANNEL = "onceonly_state"


def bump_version(conn: Connection, name: str) -> int:
    _upsert(conn, api_state, [{"name": name, "version": 1}], ["name"], add=["version"], set_=None)
    if conn.dialect.name == "postgresql":
        # Delivered when the transaction commits, never for one rolled back.
        conn.execute(text("SELECT pg_notify(:channel, :name)"), {"channel": CHANNEL, "name": name})
    return conn.execute(select(api_state.c.version).where(api_state.c.name == name)).scalar_one()


def bump(engine: Engine, name: str) -> int:
    with engine.begin() as conn:
        return bump_version(conn, name)


def read_source_statuses(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {s: st for s, st in conn.execute(select(source_status.c.source, source_status.c.status))}


def set_source_status(engine: Engine, source: str, status: str, by: str | None = None) -> int:
    """Persist ``source``'s status and bump the shared version; return the new version."""
    check_text(source, "source", source_status.c.source.type.length)
    if by is not None:  # a key's name, for the record: cleaned, never refused
        by = by.replace("\x00", "")[: source_status.c.updated_by.type.length]
    row = {"source": source, "status": status, "updated_at": _now(), "updated_by": by}
    with engine.begin() as conn:
        _upsert(conn, source_status, [row], ["source"], add=None, set_=["status", "updated_at", "updated_by"])
        return bump_version(conn, "source_status")


# --------------------------------------------------------------------------- KPIs


def add_kpis(
    engine: Engine,
    counts: dict[tuple[dt.date, str, str, str], list[int]],
    evaluations: dict[tuple[dt.date, str, str], list[int]],
) -> None:
    """Add aggregated counters in one transaction.

    ``counts``: (day, ministry, procedure, source) -> [documents, copies];
    ``evaluations``: (day, ministry, procedure) -> [evaluations, copies_before, copies_after].
    """
    with engine.begin() as conn:
        if conn.dialect.name in ("sqlite", "postgresql"):
            _add_kpis_raw(conn, counts, evaluations)
            return
    count_rows = [
        {"day": d, "ministry": m, "procedure": p, "source": s, "documents": v[0], "copies": v[1]}
        for (d, m, p, s), v in counts.items()
    ]
    eval_rows = [
        {"day": d, "ministry": m, "procedure": p, "evaluations": v[0], "copies_before": v[1], "copies_after": v[2]}
        for (d, m, p), v in evaluations.items()
    ]
    with engine.begin() as conn:
        _upsert(conn, kpi_counts, count_rows, ["day", "ministry", "procedure", "source"], add=["documents", "copies"], set_=None)
        _upsert(
            conn,
            kpi_evaluations,
            eval_rows,
            ["day", "ministry", "procedure"],
            add=["evaluations", "copies_before", "copies_after"],
            set_=None,
        )


_KPI_COUNTS_SQL = (
    'INSERT INTO kpi_counts (day, ministry, "procedure", source, documents, copies) VALUES ({p}) '
    'ON CONFLICT (day, ministry, "procedure", source) DO UPDATE SET '
    "documents = kpi_counts.documents + excluded.documents, copies = kpi_counts.copies + excluded.copies"
)
_KPI_EVALS_SQL = (
    'INSERT INTO kpi_evaluations (day, ministry, "procedure", evaluations, copies_before, copies_after) VALUES ({p}) '
    'ON CONFLICT (day, ministry, "procedure") DO UPDATE SET '
    "evaluations = kpi_evaluations.evaluations + excluded.evaluations, "
    "copies_before = kpi_evaluations.copies_before + excluded.copies_before, "
    "copies_after = kpi_evaluations.copies_after + excluded.copies_after"
)


def _add_kpis_raw(conn: Connection, counts: dict, evaluations: dict) -> None:
    """The same upserts as plain driver ``executemany``: ~10x cheaper than Core's
    per-row parameter processing, which matters because an API worker runs this
    while serving (a long GIL-holding flush shows up as latency spikes)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    # SQLite stores SQLAlchemy Dates as ISO text; PostgreSQL takes date objects.
    day = (lambda d: d.isoformat()) if conn.dialect.name == "sqlite" else (lambda d: d)
    if counts:
        conn.exec_driver_sql(
            _KPI_COUNTS_SQL.format(p=", ".join([mark] * 6)),
            [(day(d), m, p, s, v[0], v[1]) for (d, m, p, s), v in counts.items()],
        )
    if evaluations:
        conn.exec_driver_sql(
            _KPI_EVALS_SQL.format(p=", ".join([mark] * 6)),
            [(day(d), m, p, v[0], v[1], v[2]) for (d, m, p), v in evaluations.items()],
        )


def read_kpis(
    engine: Engine,
    group_by: Iterable[str],
    day_from: dt.date | None = None,
    day_to: dt.date | None = None,
    ministry: str | None = None,
    procedure: str | None = None,
    source: str | None = None,
) -> tuple[list[dict], list[dict]]:
    """Counters summed over the dimensions not in ``group_by``.

    Returns the documents/copies rows (dimensions day, ministry, procedure,
    source) and the evaluation rows (day, ministry, procedure).
    """
    group = [g for g in ("day", "ministry", "procedure", "source") if g in set(group_by)]
    if any(v is not None and "\x00" in v for v in (ministry, procedure, source)):
        return [], []  # no stored row holds a NUL byte (and PostgreSQL would refuse to compare one)

    def query(table, measures: list[str], dims: list[str]) -> list[dict]:
        cols = [table.c[d] for d in dims]
        stmt = select(*cols, *[func.sum(table.c[m]).label(m) for m in measures])
        if day_from is not None:
            stmt = stmt.where(table.c.day >= day_from)
        if day_to is not None:
            stmt = stmt.where(table.c.day <= day_to)
        if ministry is not None:
            stmt = stmt.where(table.c.ministry == ministry)
        if procedure is not None:
            stmt = stmt.where(table.c.procedure == procedure)
        if source is not None and "source" in table.c:
            stmt = stmt.where(table.c.source == source)
        if cols:
            stmt = stmt.group_by(*cols).order_by(*cols)
        with engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
        for r in rows:
            for m in measures:
                r[m] = int(r[m] or 0)
        return [r for r in rows if any(r[m] for m in measures)]

    counts = query(kpi_counts, ["documents", "copies"], group)
    evaluations = [] if source is not None else query(
        kpi_evaluations, ["evaluations", "copies_before", "copies_after"], [g for g in group if g != "source"]
    )
    return counts, evaluations
