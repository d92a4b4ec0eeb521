"""Officers' analysis answers shared through the store (table ``analysis_results``).

A report, a graph question or a simulation is computed once, by one worker
of one node, and every other worker of every node serves the stored answer.
A row's ``id`` is a digest of the question (its kind and every argument), the
catalogue version and the digest of the source statuses it was answered for:
a worker looks up the id of *its* catalogue and source state, so an answer of
an older catalogue or another source state is never served.

A row is ``running`` while its owner (``host:pid``) computes it, and the
owner's heartbeat (every few seconds) says it is still alive; a row whose
heartbeat stopped (the worker died) may be claimed by anyone who asks the
question again. ``done`` rows hold the answer's bytes (zlib-compressed), media
type and headers; ``failed`` rows hold an error in the API's one shape, and
the ones with a 5xx status are claimed again by the next request.

The table is bounded: :func:`prune` keeps the most recently used rows within
a row count and a byte budget, and drops answers of other catalogue versions.

Examples
--------
>>> from engine.store import open_store
>>> store = open_store("sqlite:///:memory:")
>>> rid = question_id("report", ("burden", "2026-06-01"), "c1", "s1")
>>> claim(store.engine, rid, "report", "c1", "s1", "node-a:1")
True
>>> claim(store.engine, rid, "report", "c1", "s1", "node-b:2")   # running elsewhere
False
>>> finish(store.engine, rid, 200, "application/json", {}, b'{"rows": []}', 0.5)
>>> get(store.engine, rid).body
b'{"rows": []}'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .api_tables import analysis_results as table

#: A running row whose heartbeat is older than this (seconds) belongs to a dead worker.
DEAD_AFTER = 20.0
#: Running rows older than this (seconds) without a heartbeat are removed by :func:`prune`.
ORPHAN_AFTER = 3600.0
#: Answers of another catalogue version are kept this long (seconds) after they were
#: finished, for nodes that have not adopted the new version yet.
OTHER_CATALOGUE_GRACE = 60.0


@dataclass(frozen=True)
class Stored:
    id: str
    kind: str
    catalogue_version: str
    state_version: str
    status: str  # running | done | failed
    owner: str
    started_at: dt.datetime
    heartbeat_at: dt.datetime
    finished_at: dt.datetime | None
    used_at: dt.datetime
    seconds: float | None
    http_status: int | None
    media_type: str | None
    headers: dict[str, str]
    body: bytes | None

    def alive(self, now: dt.datetime | None = None, dead_after: float = DEAD_AFTER) -> bool:
        """A running row whose owner still beats."""
        now = now or _now()
        return self.status == "running" and (now - self.heartbeat_at).total_seconds() < dead_after

    @property
    def reusable(self) -> bool:
        """An answer to serve as is: a result, or an error the same question will always get."""
        return self.status == "done" or (self.status == "failed" and (self.http_status or 500) < 500)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes: they were written in UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def question_id(kind: str, args: Any, catalogue_version: str, state_version: str) -> str:
    """The row id of ``kind(args)`` answered for this catalogue and source state (sha256 hex).

    ``args`` is anything orjson writes (dates, tuples, dicts; other objects by ``str``),
    in a stable order.
    """
    text = orjson.dumps(
        [kind, args, catalogue_version, state_version], default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
    )
    return hashlib.sha256(text).hexdigest()


def _stored(row: Any, with_body: bool) -> Stored:
    packed = getattr(row, "body", None) if with_body else None
    body = zlib.decompress(packed) if packed is not None else None
    return Stored(
        id=row.id,
        kind=row.kind,
        catalogue_version=row.catalogue_version,
        state_version=row.state_version,
        status=row.status,
        owner=row.owner,
        started_at=_utc(row.started_at),
        heartbeat_at=_utc(row.heartbeat_at),
        finished_at=_utc(row.finished_at),
        used_at=_utc(row.used_at),
        seconds=row.seconds,
        http_status=row.http_status,
        media_type=row.media_type,
        headers=orjson.loads(row.headers) if row.headers else {},
        body=body,
    )


_HEAD = [c for c in table.c if c.name != "body"]


def get(engine: Engine, rid: str, with_body: bool = True) -> Stored | None:
    """The row ``rid`` (its answer decompressed when ``with_body``), or None."""
    if len(rid) > 64:
        return None
    cols = list(table.c) if with_body else _HEAD
    with engine.connect() as conn:
        row = conn.execute(select(*cols).where(table.c.id == rid)).first()
    return None if row is None else _stored(row, with_body)


def claim(engine: Engine, rid: str, kind: str, catalogue_version: str, state_version: str, owner: str,
          dead_after: float = DEAD_AFTER) -> bool:
    """Mark ``rid`` running for ``owner``; False when someone else computes it or it is answered.

    A row may be claimed when it does not exist, when its owner's heartbeat stopped
    ``dead_after`` seconds ago, or when it failed with a 5xx (worth trying again).
    """
    now = _now()
    row = {
        "id": rid, "kind": kind[:40], "catalogue_version": catalogue_version, "state_version": state_version,
        "status": "running", "owner": owner[:120], "started_at": now, "heartbeat_at": now, "finished_at": None,
        "used_at": now, "seconds": None, "http_status": None, "media_type": None, "headers": None, "size": None,
        "body": None,
    }
    if _insert_new(engine, row):
        return True
    takeover = (
        update(table)
        .where(
            table.c.id == rid,
            ((table.c.status == "running") & (table.c.heartbeat_at < now - dt.timedelta(seconds=dead_after)))
            | ((table.c.status == "failed") & (table.c.http_status >= 500)),
        )
        .values({k: v for k, v in row.items() if k != "id"})
    )
    with engine.begin() as conn:
        return conn.execute(takeover).rowcount == 1


def _insert_new(engine: Engine, row: dict) -> bool:
    dialect = engine.dialect.name
    if dialect in ("sqlite", "postgresql"):
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        # RETURNING, not rowcount: psycopg reports no rowcount for an INSERT that skipped its row.
        stmt = dialect_insert(table).values(**row).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
        with engine.begin() as conn:
            return conn.execute(stmt).first() is not None
    try:
        with engine.begin() as conn:
            conn.execute(insert(table).values(**row))
        return True
    except IntegrityError:
        return False


def heartbeat(engine: Engine, rids: list[str], owner: str) -> None:
    """``owner`` is still computing ``rids``."""
    if not rids:
        return
    with engine.begin() as conn:
        conn.execute(
            update(table)
            .where(table.c.id.in_(rids), table.c.owner == owner[:120], table.c.status == "running")
            .values(heartbeat_at=_now())
        )


def finish(engine: Engine, rid: str, http_status: int, media_type: str, headers: dict[str, str], body: bytes,
           seconds: float) -> None:
    """Store the answer of ``rid``: done for a 2xx, failed (an error body) otherwise."""
    packed = zlib.compress(body, 6)
    now = _now()
    with engine.begin() as conn:
        conn.execute(
            update(table)
            .where(table.c.id == rid)
            .values(
                status="done" if http_status < 300 else "failed",
                finished_at=now,
                heartbeat_at=now,
                used_at=now,
                seconds=round(seconds, 3),
                http_status=http_status,
                media_type=media_type[:120],
                headers=orjson.dumps(headers).decode() if headers else None,
                size=len(packed),
                body=packed,
            )
        )


def forget(engine: Engine, rid: str, owner: str | None = None) -> None:
    """Remove ``rid`` (only while ``owner`` holds it, when given)."""
    stmt = delete(table).where(table.c.id == rid)
    if owner is not None:
        stmt = stmt.where(table.c.owner == owner[:120], table.c.status == "running")
    with engine.begin() as conn:
        conn.execute(stmt)


def touch(engine: Engine, rid: str) -> None:
    """Mark ``rid`` used now (pruning keeps the most recently used answers)."""
    with engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == rid).values(used_at=_now()))


def prune(engine: Engine, keep_rows: int, keep_bytes: int, catalogue_version: str | None = None) -> int:
    """Bound the table; return how many rows went.

    Drops answers of a catalogue other than ``catalogue_version`` finished more
    than :data:`OTHER_CATALOGUE_GRACE` seconds ago, running rows without a
    heartbeat for :data:`ORPHAN_AFTER` seconds, then the least recently used
    finished answers beyond ``keep_rows`` rows or ``keep_bytes`` stored bytes.
    """
    now = _now()
    removed = 0
    with engine.begin() as conn:
        if catalogue_version is not None:
            removed += conn.execute(
                delete(table).where(
                    table.c.catalogue_version != catalogue_version,
                    table.c.status != "running",
                    table.c.finished_at < now - dt.timedelta(seconds=OTHER_CATALOGUE_GRACE),
                )
            ).rowcount
        removed += conn.execute(
            delete(table).where(
                table.c.status == "running", table.c.heartbeat_at < now - dt.timedelta(seconds=ORPHAN_AFTER)
            )
        ).rowcount
        count, total = conn.execute(
            select(func.count(), func.coalesce(func.sum(table.c.size), 0)).where(table.c.status != "running")
        ).one()
        if count <= keep_rows and total <= keep_bytes:
            return removed
        rows = conn.execute(
            select(table.c.id, table.c.size).where(table.c.status != "running").order_by(table.c.used_at.desc())
        ).all()
        kept, spent, doomed = 0, 0, []
        for row in rows:
            size = row.size or 0
            if kept < keep_rows and spent + size <= keep_bytes:
                kept, spent = kept + 1, spent + size
            else:
                doomed.append(row.id)
        for start in range(0, len(doomed), 500):
            removed += conn.execute(delete(table).where(table.c.id.in_(doomed[start : start + 500]))).rowcount
    return removed


def stats(engine: Engine) -> dict[str, int]:
    """Rows by status and the bytes stored (for tests and operators)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.status, func.count(), func.coalesce(func.sum(table.c.size), 0)).group_by(table.c.status)
        ).all()
    out = {"running": 0, "done": 0, "failed": 0, "bytes": 0}
    for status, count, size in rows:
        out[status] = int(count)
        out["bytes"] += int(size)
    return out
