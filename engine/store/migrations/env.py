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

from engine.store.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # Stand-alone use (autogenerate a new revision): the URL comes from -x url=...
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
