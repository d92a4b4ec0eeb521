"""Alembic environment for the onceonly catalogue store.

Run programmatically by :func:`engine.store.migrate.upgrade`, which hands over an
open connection in ``config.attributes["connection"]``. New revisions are
written with ``python -m engine.store.migrate revision "what changes"`` (see
``README.md`` here).

SQLite cannot ALTER most things, so migrations run in batch mode there:
``op.batch_alter_table`` then copies the table, and later migrations by other
developers work on both back ends.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from engine.store import schema

#: Every MetaData whose tables the migrations own, so that autogenerate neither
#: misses nor proposes to drop another module's tables.
TARGETS = [schema.metadata]
try:
    from engine.store import api_tables  # the HTTP API's tables (revision 0002)

    TARGETS.append(api_tables.metadata)
except ImportError:
    pass


def _run(connection) -> None:
    from engine.store.search import include_name

    context.configure(
        connection=connection,
        target_metadata=TARGETS,
        include_name=include_name,  # the full-text index (migration 0004) is not in the metadata
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main(config) -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Stand-alone use (autogenerate a new revision): the URL comes from -x url=...
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)


# Only inside an Alembic run: importing this file elsewhere (doctest collection) is a no-op.
_config = getattr(context, "config", None)
if _config is not None:
    _main(_config)
