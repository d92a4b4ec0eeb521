"""Law versions: every catalogue a reload accepted (with its content) or refused (with its errors).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Frozen copy of engine/store/api_tables.py's law_versions at this revision.
    op.create_table(
        "law_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("catalogue_version", sa.String(32), nullable=True),
        sa.Column("rules_version", sa.String(32), nullable=True),
        sa.Column("description", sa.String(400), nullable=False),
        sa.Column("by", sa.String(120), nullable=True),
        sa.Column("errors", sa.Text, nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("law_versions")
