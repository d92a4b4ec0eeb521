"""API keys, the one authentication path, and per-key rate limits.

**One auth path.** :func:`admit` decides every request that presents a key,
for the fast path (:mod:`api.fastpath`) and the FastAPI routes
(:func:`api.deps.current_key`) alike. The key is read by :func:`credentials`:
``X-API-Key`` and ``Authorization: Bearer`` are both accepted, but a request
that presents two *different* keys (the headers disagree, or one is repeated
with different values) is refused with 401: a proxy or client that adds its
own key must never let the other one decide. A non-Bearer ``Authorization``
(e.g. Basic) is not a key and is ignored.

**Keys** are looked up by the SHA-256 of the token; the answer (found or not)
is cached per worker for ``key_cache_seconds``, so the hot path does no
database query. A revocation reaches every worker within ``sync_interval``
(at most 1 s): the revoking worker bumps the store's ``keys`` version
(:meth:`KeyCache.clear`), and every worker's :meth:`api.runtime.Runtime.sync`
(run before every key lookup, at most every ``sync_interval``) drops its cache
when that version, or the number of revoked keys (a revocation made by
``onceonly keys revoke``, which bumps nothing), changes.

**Rate limits** use the `limits` library's sliding window counter, per key:
``rate × window`` requests per ``window`` seconds (window = ``rate_burst``
seconds, rounded up to whole seconds), kept in this process's memory, or in
Redis when ``rate_limit_url`` names one, so that all workers of all nodes
share one count per key. If Redis stops answering, the limiter falls back to
per-process memory (logged once, as an error), probes Redis in the background,
and goes back to it once it answers (logged again): a Redis outage weakens the
limit to per worker, it does not take every portal down.
"""

from __future__ import annotations

import logging
import math
import threading
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlsplit

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from sqlalchemy import func, select

from engine.store import api_repo
from engine.store.api_repo import ROLES, KeyRecord, hash_token, key_by_hash
from engine.store.api_tables import api_keys

from .errors import ApiError

if TYPE_CHECKING:  # pragma: no cover
    from .runtime import Runtime

log = logging.getLogger("onceonly.api")

RANK = {role: i for i, role in enumerate(ROLES)}
#: Longest token looked up (real ones are ~46 characters).
MAX_TOKEN = 256
#: URL schemes accepted for ``ONCEONLY_RATE_LIMIT_URL``.
REDIS_SCHEMES = ("redis", "rediss", "redis+unix")
#: The store counter bumped on every revocation through the API.
KEYS_VERSION = "keys"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, name and role (never the token)."""

    id: int
    name: str
    role: str
    rate: float
    #: The rate-limit bucket: a prefix of the token's hash, unique across
    #: stores (two deployments sharing one Redis never share a count).
    bucket: str = ""

    def may(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


# --------------------------------------------------------------------------- the one auth path


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def presents_key(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    """Whether a request carries an ``X-API-Key`` or ``Authorization`` header (cheap pre-check)."""
    return any(name == b"x-api-key" or name == b"authorization" for name, _ in headers)


def credentials(headers: Iterable[tuple[bytes, bytes]]) -> str:
    """The one API key a request presents (raw ASGI headers); :class:`ApiError` 401 otherwise.

    Examples
    --------
    >>> credentials([(b"x-api-key", b"k1"), (b"authorization", b"Bearer k1")])
    'k1'
    >>> credentials([(b"x-api-key", b"k1"), (b"authorization", b"Basic eDp5")])
    'k1'
    >>> credentials([(b"x-api-key", b"k1"), (b"authorization", b"Bearer k2")])
    Traceback (most recent call last):
    ...
    api.errors.ApiError: two different API keys in one request (X-API-Key and Authorization: Bearer)
    """
    tokens: set[str] = set()
    for name, value in headers:
        if name == b"x-api-key":
            token = value.decode("latin-1").strip()
        elif name == b"authorization":
            scheme, _, rest = value.decode("latin-1").strip().partition(" ")
            token = rest.strip() if scheme.lower() == "bearer" else ""
        else:
            continue
        if token:
            tokens.add(token)
    if not tokens:
        raise _unauthorized("an API key is required (X-API-Key or Authorization: Bearer)")
    if len(tokens) > 1:
        raise _unauthorized("two different API keys in one request (X-API-Key and Authorization: Bearer)")
    token = tokens.pop()
    if len(token) > MAX_TOKEN:
        raise _unauthorized("unknown or revoked API key")
    return token


def admit(runtime: "Runtime", headers: Iterable[tuple[bytes, bytes]]) -> Principal:
    """The caller's key (401 without exactly one valid key), charged against its rate limit (429).

    The same function for the fast path and the routes, called before the
    request body is read: a refused request costs no parsing and no evaluation.
    """
    token = credentials(headers)
    runtime.sync()  # revocations made on other workers (at most every sync_interval)
    principal = runtime.keys.lookup(token)
    if principal is None:
        raise _unauthorized("unknown or revoked API key")
    wait = runtime.limiter.take(principal)
    if wait:
        raise ApiError(**too_many(principal, wait))
    return principal


def too_many(principal: Principal, wait: float) -> dict:
    """The 429 answer's fields: ``Retry-After`` is whole seconds, at least 1."""
    return {
        "status": 429,
        "code": "rate_limited",
        "message": f"rate limit of {principal.rate:g} requests/s exceeded",
        "headers": {"Retry-After": str(max(1, math.ceil(wait - 1e-6)))},
    }


# --------------------------------------------------------------------------- keys


def _revoked_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(api_keys).where(api_keys.c.revoked_at.is_not(None))).scalar_one()


class KeyCache:
    """Token -> Principal, with a short time-to-live and a bounded size."""

    def __init__(self, engine, ttl: float, rates: dict[str, float], max_entries: int = 10_000):
        self.engine, self.ttl, self.rates, self.max_entries = engine, ttl, rates, max_entries
        self._entries: dict[str, tuple[Principal | None, float]] = {}
        self._revoked: int | None = None

    def lookup(self, token: str) -> Principal | None:
        digest = hash_token(token)
        now = time.monotonic()
        entry = self._entries.get(digest)
        if entry is not None and entry[1] > now:
            return entry[0]
        record: KeyRecord | None = key_by_hash(self.engine, digest)
        principal = None
        if record is not None:
            rate = record.rate_limit or self.rates[record.role]
            principal = Principal(record.id, record.name, record.role, rate, digest[:16])
        if len(self._entries) >= self.max_entries:
            self._entries.clear()  # bounded; random unknown tokens cannot grow memory
        self._entries[digest] = (principal, now + self.ttl)
        return principal

    def clear(self) -> None:
        """A key was revoked through this worker: forget every key here, and
        bump the store's ``keys`` version so that every other worker does too."""
        self._entries.clear()
        api_repo.bump(self.engine, KEYS_VERSION)

    def forget(self) -> None:
        """Drop every cached answer (another worker revoked a key)."""
        self._entries.clear()

    def sync(self, version_changed: bool) -> None:
        """Called by :meth:`Runtime.sync`: forget the cache when the ``keys``
        version moved or a key was revoked outside the API (CLI)."""
        revoked = _revoked_count(self.engine)
        if version_changed or (self._revoked is not None and revoked != self._revoked):
            self.forget()
        self._revoked = revoked


# --------------------------------------------------------------------------- rate limits


def _probe(ref: "weakref.ref[RateLimiter]") -> None:
    """Ping an unreachable Redis until it answers (or its limiter is gone)."""
    while (limiter := ref()) is not None:
        pause = limiter.RETRY_SECONDS
        del limiter  # hold no reference while sleeping
        time.sleep(pause)
        if (limiter := ref()) is None:
            return
        try:
            limiter._redis.get_connection().ping()
        except Exception:
            continue
        down = time.monotonic() - (limiter._down_since or time.monotonic())
        limiter._down_since = None
        log.warning("rate-limit store %s answers again after %.0f s: limits are shared again", redis_label(limiter.url or ""), down)
        return


def redis_label(url: str) -> str:
    """``host:port/db`` of a Redis URL, never its password (for logs).

    >>> redis_label("redis://:secret@cache.internal:6380/2")
    'redis://cache.internal:6380/2'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


class RateLimiter:
    """Per-key sliding-window limits (`limits`), in memory or shared through Redis.

    ``take`` answers 0.0 when the request may go on, else the seconds to wait.
    A key of rate ``r`` gets ``floor(r × w)`` requests per window of ``w``
    whole seconds (``w`` = ``burst_seconds`` rounded up, and long enough
    that the window holds one request for rates below 1/s): at most its rate
    on average, and a burst of ``w`` seconds' worth.
    """

    #: Seconds between probes of an unreachable Redis.
    RETRY_SECONDS = 2.0
    #: Socket timeouts: a Redis slower than this counts as down (it is on the request path).
    TIMEOUT_SECONDS = 0.1

    def __init__(self, burst_seconds: float, url: str | None = None):
        self.burst_seconds = burst_seconds
        self.url = url or None
        self._items: dict[float, RateLimitItemPerSecond] = {}
        self._memory = SlidingWindowCounterRateLimiter(MemoryStorage())
        self._blocked: dict[str, float] = {}  # bucket -> monotonic time it may try again
        self._shared: SlidingWindowCounterRateLimiter | None = None
        self._redis = None
        self._down_since: float | None = None
        self._lock = threading.Lock()
        if self.url:
            self._connect()

    # ------------------------------------------------------------ set-up and health

    def _connect(self) -> None:
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        storage = storage_from_string(
            self.url,
            key_prefix="onceonly",
            socket_timeout=self.TIMEOUT_SECONDS,
            socket_connect_timeout=self.TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 0),  # a failed call falls back at once, no sleeping retries
        )
        self._redis = storage
        self._shared = SlidingWindowCounterRateLimiter(storage)
        try:
            storage.get_connection().ping()
        except Exception as exc:
            self._went_down(exc)
        else:
            log.info("rate limits shared through %s", redis_label(self.url))

    @property
    def shared(self) -> bool:
        """True while limits are counted in Redis (False: per process)."""
        return self._shared is not None and self._down_since is None

    def status(self) -> str:
        if self._shared is None:
            return "memory"
        return "redis" if self._down_since is None else "memory (redis unreachable)"

    def _went_down(self, exc: Exception) -> None:
        with self._lock:
            if self._down_since is not None:
                return
            self._down_since = time.monotonic()
        log.error(
            "rate-limit store %s unreachable (%s): limits are per worker process until it answers again",
            redis_label(self.url or ""),
            type(exc).__name__,
        )
        threading.Thread(target=_probe, args=(weakref.ref(self),), name="onceonly-ratelimit-probe", daemon=True).start()

    # ------------------------------------------------------------ the check

    def item(self, rate: float) -> RateLimitItemPerSecond:
        found = self._items.get(rate)
        if found is None:
            window = max(1, math.ceil(self.burst_seconds - 1e-9), math.ceil(1.0 / rate - 1e-9))
            amount = max(1, math.floor(rate * window + 1e-9))
            found = self._items[rate] = RateLimitItemPerSecond(amount, window, namespace="key")
        return found

    def take(self, principal: Principal) -> float:
        """0.0 when the request may go on, else the seconds to wait before retrying.

        A refusal is remembered here until the window would let the key
        through again: a client hammering past its limit costs no Redis round
        trip (it can only under-count, never let more through).
        """
        bucket = principal.bucket or str(principal.id)
        now = time.monotonic()
        blocked = self._blocked.get(bucket)
        if blocked is not None:
            if blocked > now:
                return blocked - now
            self._blocked.pop(bucket, None)
        item = self.item(principal.rate)
        limiter = self._shared if self._shared is not None and self._down_since is None else self._memory
        try:
            if limiter.hit(item, bucket):
                return 0.0
            reset, _ = limiter.get_window_stats(item, bucket)
        except Exception as exc:
            if limiter is self._memory:
                raise
            self._went_down(exc)
            return self.take(principal)
        wait = min(float(item.get_expiry()), max(0.001, reset - time.time()))
        self._blocked[bucket] = now + wait
        return wait
