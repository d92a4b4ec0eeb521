"""HTTP API tables: API keys, live source status, version counters, KPI counters.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Frozen copies of engine/store/api_tables.py at this revision.
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("rate_limit", sa.Float, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "source_status",
        sa.Column("source", sa.String(80), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=True),
    )
    op.create_table(
        "api_state",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "kpi_counts",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("ministry", sa.String(80), primary_key=True),
        sa.Column("procedure", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(80), primary_key=True),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("copies", sa.Integer, nullable=False),
    )
    op.create_table(
        "kpi_evaluations",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("ministry", sa.String(80), primary_key=True),
        sa.Column("procedure", sa.String(64), primary_key=True),
        sa.Column("evaluations", sa.Integer, nullable=False),
        sa.Column("copies_before", sa.Integer, nullable=False),
        sa.Column("copies_after", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("kpi_evaluations", "kpi_counts", "api_state", "source_status", "api_keys"):
        op.drop_table(table)
