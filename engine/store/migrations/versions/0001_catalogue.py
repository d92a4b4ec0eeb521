"""Catalogue versions, procedures and their change history.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy of the type: a migration must not change when schema.py does.
Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "catalogue_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_folder", sa.Text, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("counts", Json, nullable=False),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("ministry", sa.String(80), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("payload", Json, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("record_date", sa.Date, nullable=True),
        sa.Column("first_version", sa.Integer, sa.ForeignKey("catalogue_versions.id"), nullable=False),
        sa.Column("last_version", sa.Integer, sa.ForeignKey("catalogue_versions.id"), nullable=False),
    )
    op.create_index("ix_procedures_ministry", "procedures", ["ministry"])
    op.create_table(
        "procedure_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("version", sa.Integer, sa.ForeignKey("catalogue_versions.id"), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("requirements_added", Json, nullable=False),
        sa.Column("requirements_removed", Json, nullable=False),
        sa.Column("fields_changed", Json, nullable=False),
        sa.UniqueConstraint("version", "code", name="uq_history_version_code"),
    )
    op.create_index("ix_procedure_history_version", "procedure_history", ["version"])
    op.create_index("ix_procedure_history_code", "procedure_history", ["code"])


def downgrade() -> None:
    op.drop_table("procedure_history")
    op.drop_table("procedures")
    op.drop_table("catalogue_versions")
