"""Table definitions (SQLAlchemy Core) the store reads and writes.

This module describes the schema at the migration head; the migrations in
``migrations/versions/`` create it and stay frozen, so a later change means a
new migration *and* an edit here, never an edit of an old migration.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

#: JSON everywhere, JSONB on PostgreSQL (indexable, compact).
Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

catalogue_versions = Table(
    "catalogue_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("source_folder", Text, nullable=False),
    Column("records", Integer, nullable=False),  # valid records offered to the import
    Column("added", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),  # bad records the importer skipped
    Column("counts", Json, nullable=False),  # anything else (per ministry, stale, ...)
)

procedures = Table(
    "procedures",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("ministry", String(80), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("payload", Json, nullable=False),  # Procedure.model_dump(mode="json")
    Column("content_hash", String(64), nullable=False),
    Column("record_date", Date, nullable=True),  # Procedure.updated, to refuse stale records
    Column("first_version", Integer, ForeignKey("catalogue_versions.id"), nullable=False),
    Column("last_version", Integer, ForeignKey("catalogue_versions.id"), nullable=False),
)

procedure_history = Table(
    "procedure_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", Integer, ForeignKey("catalogue_versions.id"), nullable=False, index=True),
    Column("code", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # added | updated | removed
    Column("requirements_added", Json, nullable=False),  # list of requirement texts
    Column("requirements_removed", Json, nullable=False),
    Column("fields_changed", Json, nullable=False),  # top-level Procedure keys that differ
    UniqueConstraint("version", "code", name="uq_history_version_code"),
)
