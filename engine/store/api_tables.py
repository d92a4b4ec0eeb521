"""Tables of the HTTP API: API keys, live source status, KPI counters.

Kept apart from :mod:`engine.store.schema` (the catalogue's tables, owned by the
import work) on their own :class:`MetaData`; migration ``0002_api`` creates
them. Like ``schema.py`` this describes the head: a later change means a new
migration *and* an edit here.

Nothing here holds personal data: keys are stored as SHA-256 digests of random
tokens, KPIs are aggregate counters per day, ministry, procedure and source.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Float, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

#: One row per API key. ``key_hash`` is sha256(token) in hex; the token itself is
#: shown once at creation and never stored. ``prefix`` (the first characters of
#: the token) lets an operator recognise a key in lists and logs.
api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False),
    Column("role", String(16), nullable=False),  # portal | officer | admin
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("rate_limit", Float, nullable=True),  # requests/s; None = the role's default
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

#: Live status of a source, set by an admin (``PUT /sources/{id}/status``).
source_status = Table(
    "source_status",
    metadata,
    Column("source", String(80), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(120), nullable=True),  # key name, never a person's data
)

#: Counters every API worker polls cheaply (one tiny SELECT): ``source_status``
#: bumps on every status change, ``catalogue`` on every successful reload.
api_state = Table(
    "api_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
)

#: Documents and copies not requested, per day, ministry, procedure and source.
kpi_counts = Table(
    "kpi_counts",
    metadata,
    Column("day", Date, primary_key=True),
    Column("ministry", String(80), primary_key=True),
    Column("procedure", String(64), primary_key=True),
    Column("source", String(80), primary_key=True),
    Column("documents", Integer, nullable=False),
    Column("copies", Integer, nullable=False),
)

#: Evaluations and copies before/after, per day, ministry and procedure.
kpi_evaluations = Table(
    "kpi_evaluations",
    metadata,
    Column("day", Date, primary_key=True),
    Column("ministry", String(80), primary_key=True),
    Column("procedure", String(64), primary_key=True),
    Column("evaluations", Integer, nullable=False),
    Column("copies_before", Integer, nullable=False),
    Column("copies_after", Integer, nullable=False),
)



#: Every catalogue a reload accepted (``payload``: the law and the curated
#: procedures as validated, compressed JSON) or refused (``errors``). Workers
#: start from the last accepted row, never from files that failed validation
#: (migration ``0003_law_versions``).
law_versions = Table(
    "law_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),  # accepted | refused
    Column("catalogue_version", String(32), nullable=True),
    Column("rules_version", String(32), nullable=True),
    Column("description", String(400), nullable=False),
    Column("by", String(120), nullable=True),
    Column("errors", Text, nullable=True),
    Column("payload", LargeBinary, nullable=True),
)


#: Officers' analysis answers (reports, graph, simulations), computed once by
#: one worker of one node and served by every other (migration
#: ``0005_analysis_results``). ``id`` is a digest of the question and of the
#: catalogue and source state it was answered for, so an answer of another
#: catalogue or source state is never looked up (engine.store.analysis_results).
analysis_results = Table(
    "analysis_results",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(40), nullable=False),  # report, graph, simulation...
    Column("catalogue_version", String(32), nullable=False),
    Column("state_version", String(64), nullable=False),  # digest of the source statuses
    Column("status", String(16), nullable=False),  # running | done | failed
    Column("owner", String(120), nullable=False),  # host:pid of the worker computing it
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("heartbeat_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("used_at", DateTime(timezone=True), nullable=False),
    Column("seconds", Float, nullable=True),  # computing time
    Column("http_status", Integer, nullable=True),  # 200, or the error's status
    Column("media_type", String(120), nullable=True),
    Column("headers", Text, nullable=True),  # JSON object (Content-Disposition...)
    Column("size", Integer, nullable=True),  # bytes stored (compressed)
    Column("body", LargeBinary, nullable=True),  # zlib-compressed answer
    Index("ix_analysis_results_used_at", "used_at"),
)
