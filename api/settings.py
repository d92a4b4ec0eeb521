"""All settings of the HTTP API in one typed object (environment ``ONCEONLY_*``).

``onceonly serve`` turns its options into these variables before starting the
workers, so every worker of a multi-process server reads the same settings.
"""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ONCEONLY_", extra="ignore")

    #: ``--catalogue``: a procedures/ folder or a database URL (DESIGN.md selection);
    #: None = the shipped procedures/ plus the default store.
    catalogue: str | None = None
    #: The store for keys, source status and KPIs (None: ``ONCEONLY_DATABASE_URL``
    #: is read by the store itself, else ``$ONCEONLY_HOME/onceonly.db``).
    database_url: str | None = None
    #: A token accepted as an admin key: stored (hashed) at start-up, so a fresh
    #: installation can create the real keys through ``/api/v1/keys``.
    admin_key: SecretStr | None = None

    #: Requests per second per key (token bucket, per worker process), by role;
    #: a key's own ``rate_limit`` wins. Burst = ``rate_burst`` seconds of traffic.
    rate_portal: float = Field(default=200.0, gt=0)
    rate_officer: float = Field(default=50.0, gt=0)
    rate_admin: float = Field(default=20.0, gt=0)
    rate_burst: float = Field(default=2.0, gt=0)

    #: Largest request body accepted (bytes); larger ones get 413.
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    #: How often a worker at most checks the store for source-status or catalogue
    #: changes made through another worker (seconds; 0 = on every request).
    sync_interval: float = Field(default=0.5, ge=0)
    #: How long a worker trusts a looked-up key (seconds): revocations take this long.
    key_cache_seconds: float = Field(default=5.0, ge=0)
    #: KPI counters are written in batches at most this often (seconds).
    kpi_flush_seconds: float = Field(default=2.0, gt=0)
    #: Decisions cached per worker (bounded memory: RSS stays flat under load).
    cache_size: int = Field(default=4096, gt=0)
    #: Compile every procedure's rulesets at start-up (first requests stay fast).
    warm: bool = True
    #: ``gc.collect(); gc.freeze()`` at start-up and after every KPI flush:
    #: full collections only ever scan young objects (lower p99).
    gc_freeze: bool = True
    #: Answer valid evaluations in plain ASGI before FastAPI (api/fastpath.py).
    fast_path: bool = True
    #: One masked access-log line per request (method, path, status, ms, key name).
    access_log: bool = True
