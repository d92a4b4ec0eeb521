"""Officers' analysis answers shared by every worker and node (reports, graph, simulations).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Frozen copy of engine/store/api_tables.py's analysis_results at this revision.
    op.create_table(
        "analysis_results",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("catalogue_version", sa.String(32), nullable=False),
        sa.Column("state_version", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float, nullable=True),
        sa.Column("http_status", sa.Integer, nullable=True),
        sa.Column("media_type", sa.String(120), nullable=True),
        sa.Column("headers", sa.Text, nullable=True),
        sa.Column("size", sa.Integer, nullable=True),
        sa.Column("body", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_analysis_results_used_at", "analysis_results", ["used_at"])


def downgrade() -> None:
    op.drop_index("ix_analysis_results_used_at", table_name="analysis_results")
    op.drop_table("analysis_results")
