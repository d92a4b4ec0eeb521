"""The catalogue store: imported procedures in a real database.

SQLite by default (``$ONCEONLY_HOME/onceonly.db``, ``ONCEONLY_HOME`` defaulting
to ``~/.local/share/onceonly``); PostgreSQL (or any SQLAlchemy URL) when
``--into URL`` or ``ONCEONLY_DATABASE_URL`` names one. The schema is managed by
the Alembic migrations shipped in ``engine/store/migrations/``;
:func:`open_store` upgrades the database to the newest one.

Versioning semantics
--------------------
Every import that changes something creates one *catalogue version* (time,
source folder, counts). An import that changes nothing (the same records again)
creates **no** version and writes no row: the store is untouched, and the
returned :class:`ImportSummary` has ``version=None``. A record whose content
differs from the stored one supersedes it; ``procedure_history`` records what
changed (requirements added and removed, by text, and the top-level fields that
differ). Imports are additive: a code missing from an import is not removed,
because one import may cover a single ministry's folder.

Examples
--------
>>> from engine.store import open_store
>>> store = open_store("sqlite:///:memory:")
>>> store.procedures()
[]
"""

from engine.store.config import default_url, display_url, resolve_url


def __getattr__(name: str):
    # SQLAlchemy loads on first use of the store itself (PEP 562), not when a
    # command only asks where the default store would be (start-up time).
    if name in ("CatalogueVersion", "HistoryEntry", "ImportSummary", "Store", "open_store"):
        from engine.store import store

        value = getattr(store, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CatalogueVersion",
    "HistoryEntry",
    "ImportSummary",
    "Store",
    "default_url",
    "display_url",
    "open_store",
    "resolve_url",
]
