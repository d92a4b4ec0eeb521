"""All settings of the HTTP API in one typed object (environment ``ONCEONLY_*``).

``onceonly serve`` turns its options into these variables before starting the
workers, so every worker of a multi-process server reads the same settings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from engine.law.guard import DEFAULT_MAX_PROCEDURE_SHARE


class Settings(BaseSettings):
    # hide_input_in_errors: a refused setting is named with its reason, never
    # echoed (a Redis URL or a key may carry a password).
    model_config = SettingsConfigDict(env_prefix="ONCEONLY_", extra="ignore", hide_input_in_errors=True)

    #: ``--catalogue``: a procedures/ folder or a database URL (DESIGN.md selection);
    #: None = the shipped procedures/ plus the default store.
    catalogue: str | None = None
    #: The store for keys, source status and KPIs (None: ``ONCEONLY_DATABASE_URL``
    #: is read by the store itself, else ``$ONCEONLY_HOME/onceonly.db``).
    database_url: str | None = None
    #: A token accepted as an admin key: stored (hashed) at start-up, so a fresh
    #: installation can create the real keys through ``/api/v1/keys``.
    admin_key: SecretStr | None = None

    #: Requests per second per key, by role; a key's own ``rate_limit`` wins.
    #: Counted over a sliding window of ``rate_burst`` seconds (rounded up to
    #: whole seconds): a key may send ``rate × rate_burst`` requests at once,
    #: and its rate on average (api/security.py).
    rate_portal: float = Field(default=200.0, gt=0)
    rate_officer: float = Field(default=50.0, gt=0)
    rate_admin: float = Field(default=20.0, gt=0)
    rate_burst: float = Field(default=1.0, gt=0, le=3600)
    #: Where rate limits are counted: None = in this process's memory (each
    #: worker counts alone: N workers let a key through N times its rate);
    #: ``redis://[:password@]host:port/db`` (or ``rediss://``, ``redis+unix://``)
    #: = one count per key for every worker of every node. If Redis stops
    #: answering, workers fall back to their own memory (logged) until it is back.
    rate_limit_url: str | None = None

    #: Largest request body accepted (bytes); larger ones get 413.
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    #: How often a worker at most checks the store for source-status or catalogue
    #: changes made through another worker (seconds; 0 = on every request).
    #: At most 1 s: key revocations and source status reach every worker within it.
    sync_interval: float = Field(default=0.5, ge=0, le=1.0)
    #: A reload that removes more than this share of the procedures (or any rule
    #: in force, or any source) needs an admin's confirmation (engine.law.guard).
    max_procedure_share: float = Field(default=DEFAULT_MAX_PROCEDURE_SHARE, ge=0, le=1.0)
    #: How long a worker trusts a looked-up key (seconds). Revocations do not
    #: wait for it: they reach every worker at its next sync (``sync_interval``).
    key_cache_seconds: float = Field(default=5.0, ge=0)
    #: KPI counters are written in batches at most this often (seconds).
    kpi_flush_seconds: float = Field(default=2.0, gt=0)
    #: Decisions cached per worker (bounded memory: RSS stays flat under load).
    cache_size: int = Field(default=4096, gt=0)
    #: Requirement decisions each engine keeps (the portals' and the analysis
    #: engine), ~10 kB each with their texts. Default: the catalogue's dossier
    #: entries + 3,000, i.e. every decision that does not depend on the day and
    #: some that do. The engine's own default (100,000) let decisions dated on
    #: many different days grow a worker by over 1 GB before it was full.
    decision_memo: int | None = Field(default=None, ge=1000)
    #: Compile every procedure's rulesets at start-up (first requests stay fast).
    warm: bool = True
    #: ``gc.collect(); gc.freeze()`` at start-up and after every KPI flush:
    #: full collections only ever scan young objects (lower p99). Off by default
    #: on an analysis node (``role=analysis``): no portal p99 to protect there, and
    #: a frozen object that later becomes cyclic garbage is never collected.
    gc_freeze: bool = True
    #: Answer valid evaluations in plain ASGI before FastAPI (api/fastpath.py).
    fast_path: bool = True
    #: One masked access-log line per request (method, path, status, ms, key name).
    access_log: bool = True

    #: What this node serves (``onceonly serve --role``): ``all``; ``portal``
    #: (evaluations and the rest, no reports, graph or simulations: 503
    #: ``analysis_elsewhere``, and no analysis engine is built); ``analysis``
    #: (reports, graph, simulations and the rest, no evaluations: 503
    #: ``portal_elsewhere``). A load balancer routes ``/api/v1/reports``,
    #: ``/api/v1/graph``, ``/api/v1/simulations`` and ``/api/v1/analysis`` to
    #: analysis nodes, everything else to portal nodes.
    role: Literal["all", "portal", "analysis"] = "all"
    #: Analysis answers kept in the store for every worker and node (rows, and
    #: compressed bytes); the least recently used go first.
    analysis_store_rows: int = Field(default=256, ge=1)
    analysis_store_bytes: int = Field(default=256 * 1024 * 1024, ge=1024)
    #: An answer larger than this (compressed bytes) is served but not stored.
    analysis_max_answer_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    #: How often a request waiting for an answer another worker computes reads the store (seconds).
    analysis_poll_seconds: float = Field(default=0.25, gt=0, le=5.0)

    @model_validator(mode="after")
    def _no_freeze_for_analysis(self) -> "Settings":
        if self.role == "analysis" and "gc_freeze" not in self.model_fields_set:
            self.gc_freeze = False
        return self

    @field_validator("rate_limit_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        """An empty value means in memory; anything else must be a Redis URL
        (a typo fails at start-up, loudly, instead of silently counting per worker)."""
        if value is None or not value.strip() or value.strip() == "memory://":
            return None
        value = value.strip()
        scheme = value.partition("://")[0].lower()
        if "://" not in value or scheme not in ("redis", "rediss", "redis+unix"):
            raise ValueError("rate_limit_url must be a redis://, rediss:// or redis+unix:// URL (or empty: in memory)")
        return value
