"""API keys and per-key rate limits.

A key is looked up by the SHA-256 of the presented token; the answer (found or
not) is cached per worker for ``key_cache_seconds``, so the hot path does no
database query, and a revocation takes effect within that time.

Rate limits are token buckets kept in memory per worker process: with N
workers a key may reach N times its rate in the worst case (documented; a
shared limiter would cost a store round trip per request).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from engine.store.api_repo import ROLES, KeyRecord, hash_token, key_by_hash

RANK = {role: i for i, role in enumerate(ROLES)}


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, name and role (never the token)."""

    id: int
    name: str
    role: str
    rate: float

    def may(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


class KeyCache:
    """Token -> Principal, with a short time-to-live and a bounded size."""

    def __init__(self, engine, ttl: float, rates: dict[str, float], max_entries: int = 10_000):
        self.engine, self.ttl, self.rates, self.max_entries = engine, ttl, rates, max_entries
        self._entries: dict[str, tuple[Principal | None, float]] = {}

    def lookup(self, token: str) -> Principal | None:
        digest = hash_token(token)
        now = time.monotonic()
        entry = self._entries.get(digest)
        if entry is not None and entry[1] > now:
            return entry[0]
        record: KeyRecord | None = key_by_hash(self.engine, digest)
        principal = None
        if record is not None:
            principal = Principal(record.id, record.name, record.role, record.rate_limit or self.rates[record.role])
        if len(self._entries) >= self.max_entries:
            self._entries.clear()  # bounded; random unknown tokens cannot grow memory
        self._entries[digest] = (principal, now + self.ttl)
        return principal

    def clear(self) -> None:
        self._entries.clear()


class RateLimiter:
    """Token bucket per key: ``rate`` tokens a second, ``burst`` seconds' worth at most."""

    def __init__(self, burst_seconds: float):
        self.burst_seconds = burst_seconds
        self._buckets: dict[int, list[float]] = {}
        self._lock = threading.Lock()  # routes in the thread pool share the buckets

    def take(self, principal: Principal) -> float:
        """0.0 when the request may go on, else the seconds to wait before retrying."""
        now = time.monotonic()
        capacity = max(1.0, principal.rate * self.burst_seconds)
        with self._lock:
            bucket = self._buckets.get(principal.id)
            if bucket is None:
                bucket = self._buckets[principal.id] = [capacity, now]
            tokens = min(capacity, bucket[0] + (now - bucket[1]) * principal.rate)
            bucket[1] = now
            if tokens >= 1.0:
                bucket[0] = tokens - 1.0
                return 0.0
            bucket[0] = tokens
            return (1.0 - tokens) / principal.rate
