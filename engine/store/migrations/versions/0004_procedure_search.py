"""Full-text search of stored procedures: an FTS5 table on SQLite, a tsvector
column with a GIN index on PostgreSQL, over the folded code, names and field.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from engine.store import search

    connection = op.get_bind()
    search.create(connection)
    # Procedures imported before this revision: index them with today's folding.
    search.reindex(connection)


def downgrade() -> None:
    from engine.store import search

    search.drop(op.get_bind())
