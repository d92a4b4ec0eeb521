"""Run the shipped Alembic migrations programmatically.

No ``alembic.ini`` is needed: the configuration is built here, pointing at the
``migrations/`` folder inside the package, so an installed wheel migrates its
own databases.

Usage for developers::

    python -m engine.store.migrate heads
    python -m engine.store.migrate revision "add api keys"
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Return an Alembic configuration for the shipped migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    """Return the head revision id (the chain is linear: exactly one head)."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"store migrations must form one chain, found heads {heads}")
    return heads[0]


def current(engine: Engine) -> str | None:
    """Return the revision the database at ``engine`` is at (None if empty)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


#: PostgreSQL advisory lock held while migrating (any constant: one per database).
_LOCK = 0x6F6E63656F6E6C79  # "onceonly"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` in one transaction.

    Skips Alembic's script machinery when the database is already at head,
    which keeps opening the store cheap. Several processes may open a new
    store at once (the workers of ``onceonly serve``, several nodes): on
    PostgreSQL they take turns (an advisory lock; the later ones then find the
    database at head), on a SQLite file likewise (a lock file beside it), and
    on any back end a process whose migration failed
    because another one migrated meanwhile goes on with the migrated store.
    """
    if revision == "head" and current(engine) == head():
        return
    with _file_lock(engine):
        _upgrade(engine, revision)


@contextlib.contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """Hold an exclusive lock beside a SQLite file while migrating.

    SQLite runs DDL outside the migration's transaction, so a second process
    would see a half-built schema (``table alembic_version already exists``);
    a lock file makes them take turns. PostgreSQL has its advisory lock, and
    an in-memory database belongs to one process.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: the retry in _upgrade is all we have
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upgrade(engine: Engine, revision: str) -> None:
    if revision == "head" and current(engine) == head():
        return  # another process migrated it while we waited for the lock
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except Exception:
        if revision == "head" and current(engine) == head():
            return  # another process migrated it while we tried
        raise


def _next_rev_id() -> str:
    revisions = ScriptDirectory.from_config(alembic_config()).walk_revisions()
    numbers = [int(r.revision) for r in revisions if r.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def main(argv: list[str]) -> int:
    """Tiny developer CLI: ``heads`` or ``revision MESSAGE``."""
    if argv[:1] == ["heads"]:
        print(head())
        return 0
    if argv[:1] == ["revision"] and len(argv) == 2:
        rev = _next_rev_id()
        slug = "_".join(argv[1].lower().split())[:40]
        cfg = alembic_config()
        cfg.set_main_option("file_template", f"{rev}_{slug}")
        command.revision(cfg, message=argv[1], rev_id=rev)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
