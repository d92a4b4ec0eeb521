"""The :class:`Store`: import, read and version procedures in a database."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, Field
from sqlalchemy import Text, bindparam, cast, create_engine, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from engine.errors import OnceOnlyError
from engine.models import DATE_MIN, Procedure
from engine.store.config import CONNECT_TIMEOUT, display_url, resolve_url
from engine.store.diff import content_hash, diff_payloads
from engine.store.schema import catalogue_versions, procedure_history, procedures

#: The payload as JSON text: decoding it with orjson ourselves is several times
#: faster than SQLAlchemy's JSON result processing (0.02 s vs 0.14 s for 2,117).
_PAYLOAD_TEXT = cast(procedures.c.payload, Text)

#: Rows per ``IN (...)`` list: well under SQLite's and PostgreSQL's bind limits.
_CHUNK = 500


class ImportSummary(BaseModel):
    """What one :meth:`Store.import_procedures` call did."""

    #: The catalogue version created, or None when nothing changed.
    version: int | None
    source_folder: str
    #: Valid records offered (after dropping in-batch duplicates of a code).
    records: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Records older (``Procedure.updated``) than the stored one: kept the stored one.
    stale: int = 0
    #: Records dropped because a later record of the same code was in the same batch.
    duplicates: int = 0
    #: Bad records the importer could not parse (reported by the caller).
    skipped: int = 0
    added_codes: list[str] = Field(default_factory=list)
    updated_codes: list[str] = Field(default_factory=list)

    @property
    def changed(self) -> int:
        """Number of procedures whose stored content changed."""
        return self.added + self.updated


class CatalogueVersion(BaseModel):
    """One row of ``catalogue_versions``."""

    id: int
    created_at: dt.datetime
    source_folder: str
    records: int
    added: int
    updated: int
    unchanged: int
    skipped: int
    counts: dict[str, Any] = Field(default_factory=dict)


class HistoryEntry(BaseModel):
    """One procedure's change in one catalogue version."""

    version: int
    code: str
    kind: Literal["added", "updated", "removed"]
    requirements_added: list[str]
    requirements_removed: list[str]
    fields_changed: list[str]


def _json_dumps(obj: Any) -> str:
    # orjson is several times faster than json for the 2,000-payload bulk insert.
    return orjson.dumps(obj).decode()


class StoreNotFound(OnceOnlyError, LookupError):
    """A store that must already exist does not (a read never creates one)."""

    def __init__(self, url: str, reason: str) -> None:
        self.url, self.reason = display_url(url), reason
        super().__init__(f"{self.url}: {reason}")


def make_engine(url: str, *, create: bool = True) -> Engine:
    """Create an SQLAlchemy engine for ``url`` with the store's settings.

    SQLite files get their folder created (only when ``create``: otherwise
    the file must exist, see :class:`StoreNotFound`) and foreign keys switched
    on; an in-memory SQLite database is pinned to one connection so it
    outlives the migration step. PostgreSQL connections give up after
    :data:`~engine.store.config.CONNECT_TIMEOUT` seconds unless the URL sets
    ``connect_timeout``.
    """
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps, "json_deserializer": orjson.loads}
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:"):
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        elif database.startswith("file:"):
            pass  # a SQLite URI (``?uri=true``): its own mode= says whether it may create
        elif create:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        elif not Path(database).expanduser().is_file():
            # sqlite3 would create an empty file: a typo must not become a new store.
            where = Path(database).expanduser()
            missing = f"no such folder {where.parent}" if not where.parent.is_dir() else f"no such database file {where}"
            raise StoreNotFound(url, f"{missing} (nothing was created; `onceonly import DIR --into URL` creates a store)")
    elif backend == "postgresql" and "connect_timeout" not in parsed.query and parsed.get_driver_name() in ("psycopg", "psycopg2"):
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    engine = create_engine(url, **kwargs)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_store(url: str | None = None, *, create: bool = True) -> "Store":
    """Open (and create or upgrade to the newest schema) the store at ``url``.

    Parameters
    ----------
    url : str, optional
        SQLAlchemy URL or SQLite file path; default from :func:`resolve_url`
        (``ONCEONLY_DATABASE_URL``, else ``$ONCEONLY_HOME/onceonly.db``).
    create : bool
        False for readers: the database must exist and hold a onceonly store
        (a SQLite file is never created, an empty database never gets tables);
        otherwise :class:`StoreNotFound`. An existing store is still upgraded.

    Returns
    -------
    Store
    """
    from engine.store import migrate  # late: `python -m engine.store.migrate` imports this package first

    resolved = resolve_url(url)
    engine = make_engine(resolved, create=create)
    try:
        if not create and migrate.current(engine) is None:
            raise StoreNotFound(resolved, "not a onceonly store (no tables): `onceonly import DIR --into URL` creates one")
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _as_utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes: they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


class Store:
    """Procedures in a database, versioned per import.

    Use :func:`open_store` to get one; close it (or use ``with``) when done.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------------ life cycle

    @property
    def url(self) -> str:
        """The database URL with the password masked (safe to print)."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def import_procedures(
        self,
        procs: Iterable[Procedure],
        source_folder: str | Path,
        *,
        skipped: int = 0,
        counts: dict[str, Any] | None = None,
    ) -> ImportSummary:
        """Import ``procs`` as one catalogue version, in one transaction.

        Parameters
        ----------
        procs : iterable of Procedure
            Parsed records. Within the batch, a later record of a code wins over
            an earlier one unless its ``updated`` date is older.
        source_folder : str or Path
            Where the records came from (kept in the version row).
        skipped : int
            Bad records the caller skipped, recorded in the version row.
        counts : dict, optional
            Extra JSON-serialisable figures for the version's ``counts`` column.

        Returns
        -------
        ImportSummary
            ``version`` is None when nothing changed: then nothing was written.
        """
        batch, duplicates = _dedupe(procs)
        payloads = {code: proc.model_dump(mode="json") for code, proc in batch.items()}
        hashes = {code: content_hash(p) for code, p in payloads.items()}
        summary = ImportSummary(
            version=None, source_folder=str(source_folder), records=len(batch),
            duplicates=duplicates, skipped=skipped,
        )
        with self.engine.begin() as conn:
            stored = self._stored_hashes(conn, list(batch))
            new, changed = [], []
            for code, proc in batch.items():
                if code not in stored:
                    new.append(code)
                    continue
                old_hash, old_date = stored[code]
                if old_hash == hashes[code]:
                    summary.unchanged += 1
                elif old_date and proc.updated and proc.updated < old_date:
                    summary.stale += 1
                else:
                    changed.append(code)
            summary.added, summary.updated = len(new), len(changed)
            summary.added_codes, summary.updated_codes = sorted(new), sorted(changed)
            if not new and not changed:
                return summary  # idempotent: the same records again write nothing
            old_payloads = self._payloads(conn, changed)
            extra = {"stale": summary.stale, "duplicates": duplicates, **(counts or {})}
            version = conn.execute(
                insert(catalogue_versions).returning(catalogue_versions.c.id),
                {
                    "created_at": dt.datetime.now(dt.timezone.utc),
                    "source_folder": str(source_folder),
                    "records": len(batch),
                    "added": len(new),
                    "updated": len(changed),
                    "unchanged": summary.unchanged,
                    "skipped": skipped,
                    "counts": extra,
                },
            ).scalar_one()
            summary.version = version

            def row(code: str) -> dict[str, Any]:
                proc = batch[code]
                return {
                    "code": code, "ministry": proc.ministry, "name": proc.name.vi,
                    "payload": payloads[code], "content_hash": hashes[code],
                    "record_date": proc.updated, "last_version": version,
                }

            if new:
                conn.execute(insert(procedures), [{**row(c), "first_version": version} for c in new])
            if changed:
                # Bound names must differ from column names in an executemany UPDATE.
                stmt = (
                    update(procedures)
                    .where(procedures.c.code == bindparam("b_code"))
                    .values(
                        ministry=bindparam("b_ministry"), name=bindparam("b_name"),
                        payload=bindparam("b_payload"), content_hash=bindparam("b_hash"),
                        record_date=bindparam("b_date"), last_version=bindparam("b_version"),
                    )
                )
                conn.execute(stmt, [
                    {"b_code": c, "b_ministry": r["ministry"], "b_name": r["name"],
                     "b_payload": r["payload"], "b_hash": r["content_hash"],
                     "b_date": r["record_date"], "b_version": version}
                    for c, r in ((c, row(c)) for c in changed)
                ])
            history = []
            for code in new + changed:
                change = diff_payloads(old_payloads.get(code), payloads[code])
                history.append({
                    "version": version, "code": code,
                    "kind": "updated" if code in old_payloads else "added",
                    "requirements_added": change.requirements_added,
                    "requirements_removed": change.requirements_removed,
                    "fields_changed": change.fields_changed,
                })
            conn.execute(insert(procedure_history), history)
            # The full-text index (migration 0004) in the same transaction.
            from engine.store import search

            search.index_procedures(conn, [batch[code] for code in new + changed], indexed=changed)
        return summary

    @staticmethod
    def _stored_hashes(conn: Connection, codes: list[str]) -> dict[str, tuple[str, dt.date | None]]:
        c = procedures.c
        out: dict[str, tuple[str, dt.date | None]] = {}
        for chunk in _chunks(codes):
            for code, digest, date in conn.execute(
                select(c.code, c.content_hash, c.record_date).where(c.code.in_(chunk))
            ):
                out[code] = (digest, date)
        return out

    @staticmethod
    def _payloads(conn: Connection, codes: list[str]) -> dict[str, dict[str, Any]]:
        c = procedures.c
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(codes):
            out.update((code, payload) for code, payload in conn.execute(
                select(c.code, c.payload).where(c.code.in_(chunk))
            ))
        return out

    # ------------------------------------------------------------------ reading

    def procedures(self, ministry: str | None = None) -> list[Procedure]:
        """Return every stored procedure (current version), ordered by code.

        Parameters
        ----------
        ministry : str, optional
            Only this ministry's procedures.
        """
        stmt = select(_PAYLOAD_TEXT).order_by(procedures.c.code)
        if ministry is not None:
            stmt = stmt.where(procedures.c.ministry == ministry)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).scalars().all()
        from engine.store import search

        # A catalogue built from these searches them in this store's own full-text index.
        search.remember_store(self.engine)
        return [Procedure.model_validate(orjson.loads(text)) for text in rows]

    def get(self, code: str) -> Procedure | None:
        """Return the current version of procedure ``code``, or None."""
        with self.engine.connect() as conn:
            text = conn.execute(select(_PAYLOAD_TEXT).where(procedures.c.code == code)).scalar_one_or_none()
        return None if text is None else Procedure.model_validate(orjson.loads(text))

    def count(self) -> int:
        """Return the number of stored procedures."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(procedures)).scalar_one()

    def versions(self) -> list[CatalogueVersion]:
        """Return the catalogue versions, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(catalogue_versions).order_by(catalogue_versions.c.id)).mappings().all()
        return [
            CatalogueVersion.model_validate({**row, "created_at": _as_utc(row["created_at"])})
            for row in rows
        ]

    def history(self, code: str | None = None, version: int | None = None) -> list[HistoryEntry]:
        """Return procedure changes, by version then code.

        Parameters
        ----------
        code : str, optional
            Only this procedure's changes.
        version : int, optional
            Only this catalogue version's changes.
        """
        h = procedure_history.c
        stmt = select(
            h.version, h.code, h.kind, h.requirements_added, h.requirements_removed, h.fields_changed
        ).order_by(h.version, h.code)
        if code is not None:
            stmt = stmt.where(h.code == code)
        if version is not None:
            stmt = stmt.where(h.version == version)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [HistoryEntry.model_validate(dict(row)) for row in rows]


def _dedupe(procs: Iterable[Procedure]) -> tuple[dict[str, Procedure], int]:
    """Keep one record per code: the newest ``updated`` date, else the last seen."""
    batch: dict[str, Procedure] = {}
    seen: Counter[str] = Counter()
    for proc in procs:
        seen[proc.code] += 1
        kept = batch.get(proc.code)
        if kept is None or (proc.updated or DATE_MIN) >= (kept.updated or DATE_MIN):
            batch[proc.code] = proc
    return batch, sum(n - 1 for n in seen.values())
