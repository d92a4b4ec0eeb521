"""Full-text search of procedures with the database's own engine.

SQLite uses an FTS5 table, PostgreSQL a ``tsvector`` column with a GIN index
(configuration ``simple``: PostgreSQL has no Vietnamese dictionary). Both index
the *folded* text (:func:`engine.text.fold`: lower case, no diacritics, no
punctuation), and queries are folded the same way in Python, so "khai sinh",
"Khai Sinh" and "khai sinh" find the same rows on both back ends.

Three kinds of index answer :func:`match`:

- the store's own index (table ``procedure_search``, migration 0004), kept up
  to date by :meth:`engine.store.Store.import_procedures`, for the procedures a
  catalogue read from a store;
- an in-memory SQLite FTS5 index over every other procedure of the catalogue
  (the curated YAML, or a whole ``--catalogue FOLDER``), built once per
  catalogue and reused while its procedures are the same objects;
- nothing else: a store that cannot answer (dropped, an in-memory database
  already closed) falls back to the in-memory index for its procedures.

A query is a list of folded words: every word must be a whole word of the code,
the name or the field, the last one may be a prefix (typing in progress).
Matches come back with the database's own score (FTS5 ``bm25``, PostgreSQL
``ts_rank``), lower is better.

Examples
--------
>>> from engine.loading import load_catalogue
>>> cat = load_catalogue().catalogue
>>> hits = match(cat, ["khai", "sinh"])
>>> "1.001193" in hits and "1.001695" not in hits
True
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from engine.text import fold

#: The table both back ends use (an FTS5 virtual table on SQLite).
TABLE = "procedure_search"
#: Column weights: the code and the name count more than the field.
_BM25 = "bm25(procedure_search, 0.0, 10.0, 10.0, 2.0)"
_WORD = re.compile(r"^\w+$", re.UNICODE)


# --------------------------------------------------------------------------- what is indexed


def row_of(proc) -> dict[str, str]:
    """The folded text of one procedure, as indexed: code, names (vi and en), field."""
    return {
        "code": proc.code,
        "code_text": fold(proc.code),
        "name_text": fold(f"{proc.name.vi} {proc.name.en or ''}"),
        "field_text": fold(proc.field or ""),
    }


def query_words(query: str | None) -> list[str]:
    """The folded words of a query (empty for none)."""
    return fold(query).split() if query else []


def fts5_query(words: Sequence[str]) -> str:
    """An FTS5 MATCH expression: every word, whole, the last one as a prefix.

    >>> fts5_query(["khai", "sinh"])
    '"khai" AND "sinh"*'
    """
    _check(words)
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def tsquery(words: Sequence[str]) -> str:
    """A PostgreSQL ``to_tsquery('simple', ...)`` text: every word, the last one as a prefix.

    >>> tsquery(["khai", "sinh"])
    "'khai' & 'sinh':*"
    """
    _check(words)
    quoted = [f"'{w}'" for w in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def _check(words: Sequence[str]) -> None:
    # Folded words are \w+ only: nothing can reach the query syntax.
    if not words or not all(_WORD.match(w) for w in words):
        raise ValueError(f"not folded query words: {list(words)!r}")


# --------------------------------------------------------------------------- the store's index


def include_name(name, type_, parent_names) -> bool:
    """Alembic name filter: the search index is not described by SQLAlchemy
    metadata (an FTS5 virtual table and its shadow tables on SQLite, a generated
    ``tsvector`` column on PostgreSQL); :func:`create` and migration 0004 own it."""
    return not (type_ in ("table", "index") and name is not None and (name == TABLE or name.startswith(f"{TABLE}_") or name == f"ix_{TABLE}_document"))


def create(connection) -> None:
    """Create the index structures on ``connection`` (SQLAlchemy) for its dialect."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "code UNINDEXED, code_text, name_text, field_text, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        connection.exec_driver_sql(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            "code VARCHAR(64) PRIMARY KEY REFERENCES procedures (code) ON DELETE CASCADE, "
            "code_text TEXT NOT NULL, name_text TEXT NOT NULL, field_text TEXT NOT NULL, "
            "document tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple', code_text), 'A') || "
            "setweight(to_tsvector('simple', name_text), 'A') || "
            "setweight(to_tsvector('simple', field_text), 'C')) STORED)"
        )
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_document ON {TABLE} USING gin (document)")


def drop(connection) -> None:
    if connection.dialect.name != "sqlite":
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{TABLE}_document")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def index_procedures(connection, procs: Iterable[Any], indexed: Iterable[str] | None = None) -> int:
    """(Re)index ``procs`` in the store behind ``connection``, in its transaction.

    ``indexed``: the codes among them that may be in the index already (their
    rows are replaced); default: any of them.
    """
    from sqlalchemy import text

    rows = [row_of(p) for p in procs]
    if not rows:
        return 0
    codes = [r["code"] for r in rows] if indexed is None else list(indexed)
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        marks = ", ".join(f":c{i}" for i in range(len(chunk)))
        connection.execute(text(f"DELETE FROM {TABLE} WHERE code IN ({marks})"), {f"c{i}": c for i, c in enumerate(chunk)})
    connection.execute(
        text(f"INSERT INTO {TABLE} (code, code_text, name_text, field_text) VALUES (:code, :code_text, :name_text, :field_text)"),
        rows,
    )
    return len(rows)


def reindex(connection) -> int:
    """Index every stored procedure again (the migration that creates the index calls this)."""
    import orjson
    from sqlalchemy import text

    from engine.models import Procedure

    connection.execute(text(f"DELETE FROM {TABLE}"))
    payloads = connection.execute(text("SELECT payload FROM procedures")).scalars().all()
    procs = [Procedure.model_validate(orjson.loads(p) if isinstance(p, (str, bytes)) else p) for p in payloads]
    return index_procedures(connection, procs)


def store_match(engine, words: Sequence[str]) -> dict[str, float]:
    """Codes in the store behind ``engine`` (SQLAlchemy) matching ``words``, with their score (lower is better)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(
                text(f"SELECT code, {_BM25} FROM {TABLE} WHERE {TABLE} MATCH :q"), {"q": fts5_query(words)}
            ).all()
            return {code: float(score) for code, score in rows}
        rows = conn.execute(
            text(
                f"SELECT code, ts_rank(document, to_tsquery('simple', :q)) FROM {TABLE} "
                "WHERE document @@ to_tsquery('simple', :q)"
            ),
            {"q": tsquery(words)},
        ).all()
        return {code: -float(score) for code, score in rows}


# --------------------------------------------------------------------------- stores a catalogue came from

_STORES: dict[str, Any] = {}
_LOCK = threading.Lock()


def remember_store(engine) -> None:
    """Note that procedures were read from the store behind ``engine``: a catalogue
    that labels them with that store (``Catalogue.origins`` holds the URL with its
    password masked) searches them in the store's own index."""
    from engine.selection import _mask

    origin = _mask(engine.url.render_as_string(hide_password=False))
    with _LOCK:
        _STORES[origin] = engine


# --------------------------------------------------------------------------- the in-memory index


class MemoryIndex:
    """An in-memory SQLite FTS5 index of some procedures (those no store indexes)."""

    def __init__(self, procs: list[Any]):
        self.procs = procs
        self._lock = threading.Lock()
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(code UNINDEXED, code_text, name_text, field_text, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self.db.executemany(
            f"INSERT INTO {TABLE} VALUES (:code, :code_text, :name_text, :field_text)", [row_of(p) for p in procs]
        )

    def same(self, procs: list[Any]) -> bool:
        return len(procs) == len(self.procs) and all(a is b for a, b in zip(procs, self.procs))

    def match(self, words: Sequence[str]) -> dict[str, float]:
        with self._lock:
            rows = self.db.execute(f"SELECT code, {_BM25} FROM {TABLE} WHERE {TABLE} MATCH ?", (fts5_query(words),)).fetchall()
        return {code: float(score) for code, score in rows}


#: One in-memory index per catalogue (by id), checked against its procedures before use.
_MEMORY: dict[int, MemoryIndex] = {}
_MEMORY_MAX = 8


def _memory_index(cat, procs: list[Any]) -> MemoryIndex:
    key = id(cat)
    with _LOCK:
        found = _MEMORY.get(key)
    if found is not None and found.same(procs):
        return found
    index = MemoryIndex(procs)
    with _LOCK:
        if len(_MEMORY) >= _MEMORY_MAX:
            _MEMORY.pop(next(iter(_MEMORY)))
        _MEMORY[key] = index
    return index


# --------------------------------------------------------------------------- the question


def match(cat, words: Sequence[str]) -> dict[str, float]:
    """Codes of ``cat`` whose code, name or field hold every word of ``words``
    (whole words, the last one may be a prefix), with the score the database
    gave them (lower is better; scores of different indexes are not compared).
    """
    if not words:
        return {}
    by_store: dict[str, set[str]] = {}
    rest: list[Any] = []
    with _LOCK:
        stores = dict(_STORES)
    for code, proc in cat.procedures.items():
        origin = cat.origins.get(code)
        if origin in stores:
            by_store.setdefault(origin, set()).add(code)
        else:
            rest.append(proc)
    found: dict[str, float] = {}
    for origin, codes in by_store.items():
        try:
            hits = store_match(stores[origin], words)
        except Exception:
            rest.extend(cat.procedures[c] for c in codes)
            continue
        found.update((code, score) for code, score in hits.items() if code in codes)
    if rest:
        found.update(_memory_index(cat, rest).match(words))
    return found
