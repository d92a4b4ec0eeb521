"""Rate limits (in memory, shared through Redis), one auth path, revocation across workers.

Two "workers" are two apps (two ``Runtime``s, two TestClients) on one SQLite
store file, as two ``onceonly serve`` processes would be. The Redis tests need
``ONCEONLY_TEST_REDIS_URL`` (``.ci/run`` starts a server and sets it) and skip
without it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.main import create_app
from api.security import RateLimiter, credentials
from api.settings import Settings
from engine.evaluator import Engine
from engine.store import api_repo, open_store

from .conftest import BOOTSTRAP, EVAL, auth, make_settings


def _redis_url() -> str:
    url = os.environ.get("ONCEONLY_TEST_REDIS_URL")
    if not url:
        pytest.skip("no Redis: ONCEONLY_TEST_REDIS_URL is not set (.ci/run starts one with .ci/redis.sh)")
    import redis

    try:
        redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except Exception as exc:
        pytest.skip(f"no Redis: {url} does not answer ({type(exc).__name__})")
    return url


@pytest.fixture()
def redis_url() -> str:
    return _redis_url()


def _key(db_url: str, rate: float, role: str = "portal") -> tuple[int, str]:
    store = open_store(db_url)
    try:
        record, token = api_repo.create_key(store.engine, f"limited {role} {rate}", role, rate_limit=rate)
        return record.id, token
    finally:
        store.close()


@contextlib.contextmanager
def _clients(catalogue_dir, db_url, n: int = 1, **overrides):
    """``n`` apps on one store: the workers (or nodes) of one deployment."""
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(TestClient(create_app(make_settings(catalogue_dir, db_url, **overrides)), raise_server_exceptions=False))
            for _ in range(n)
        ]


def _shape(r, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert error["status"] == status and error["code"] == code


def _evaluate(client, token: str, day: int = 1):
    return client.post("/api/v1/evaluations", json={**EVAL, "as_of": f"2026-06-{day:02d}"}, headers=auth(token))


# --------------------------------------------------------------------------- one process


@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "route"])
def test_quota_then_429_with_retry_after(catalogue_dir, db_url, fast_path):
    _, token = _key(db_url, rate=3)
    _, warm = _key(db_url, rate=1000)
    with _clients(catalogue_dir, db_url, rate_burst=1, fast_path=fast_path) as (client,):
        # The first evaluation compiles (slow on a loaded machine): done with
        # another key, so the limited key's window is not spent waiting.
        assert _evaluate(client, warm).status_code == 200
        # The limiter counts in windows of a whole second: a burst that straddles
        # two of them on a slow machine gets a fourth request through. Start just
        # after a boundary, so the six land in one window.
        time.sleep(1.02 - time.time() % 1)
        statuses = [_evaluate(client, token).status_code for _ in range(6)]
        assert statuses == [200, 200, 200, 429, 429, 429]
        r = _evaluate(client, token)
        _shape(r, 429, "rate_limited")
        assert "3 requests/s" in r.json()["error"]["message"]
        assert r.headers["Retry-After"].isdigit() and 1 <= int(r.headers["Retry-After"]) <= 1
        # Every route counts against the same key, not only evaluations.
        _shape(client.get("/api/v1/procedures", headers=auth(token)), 429, "rate_limited")
        time.sleep(1.05)  # the window slides: the key may go on
        assert _evaluate(client, token).status_code == 200


def test_retry_after_is_whole_seconds_within_the_window(catalogue_dir, db_url):
    _, token = _key(db_url, rate=1)
    _, warm = _key(db_url, rate=1000)
    with _clients(catalogue_dir, db_url, rate_burst=3) as (client,):
        assert _evaluate(client, warm).status_code == 200
        statuses = [_evaluate(client, token).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        retry = _evaluate(client, token).headers["Retry-After"]
        assert retry.isdigit() and 1 <= int(retry) <= 3


def test_slow_rates_still_get_one_request_per_window():
    limiter = RateLimiter(1.0)
    assert (limiter.item(0.25).amount, limiter.item(0.25).get_expiry()) == (1, 4)
    assert (limiter.item(2.5).amount, limiter.item(2.5).get_expiry()) == (2, 1)
    assert (limiter.item(200).amount, limiter.item(200).get_expiry()) == (200, 1)
    assert (RateLimiter(2.0).item(1).amount, RateLimiter(2.0).item(1).get_expiry()) == (2, 2)


@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "route"])
def test_refused_request_costs_no_evaluation_and_no_parsing(catalogue_dir, db_url, monkeypatch, fast_path):
    calls = []
    real = Engine.evaluate

    def counting(self, *args, **kwargs):
        calls.append(args[0] if args else kwargs.get("procedure"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "evaluate", counting)
    # Two requests per 20 s window: a slow first evaluation (compiling on a
    # loaded machine) cannot let the window slide and admit a third.
    _, token = _key(db_url, rate=0.1)
    with _clients(catalogue_dir, db_url, rate_burst=20, fast_path=fast_path) as (client,):
        assert [_evaluate(client, token, day).status_code for day in (1, 2)] == [200, 200]
        assert len(calls) == 2  # distinct days: two real evaluations
        # Over the quota: new days (each would need an evaluation), and a body
        # that is not even JSON: the answer is 429, not 422, and nothing ran.
        for day in (3, 4, 5):
            _shape(_evaluate(client, token, day), 429, "rate_limited")
        garbage = {**auth(token), "content-type": "application/json"}
        _shape(client.post("/api/v1/evaluations", content=b"{not json", headers=garbage), 429, "rate_limited")
        assert len(calls) == 2


def test_in_memory_limit_is_per_process(catalogue_dir, db_url):
    _, token = _key(db_url, rate=2)
    with _clients(catalogue_dir, db_url, n=2, rate_burst=10) as clients:
        ok = [0, 0]
        for i in range(60):
            ok[i % 2] += _evaluate(clients[i % 2], token).status_code == 200
        # 20 requests per 10 s window each (one more if a window boundary
        # fell inside the burst): each process counts alone.
        assert all(20 <= n <= 21 for n in ok), ok


# --------------------------------------------------------------------------- Redis


def test_redis_limit_is_shared_by_two_instances(catalogue_dir, db_url, redis_url):
    _, token = _key(db_url, rate=2)
    with _clients(catalogue_dir, db_url, n=2, rate_burst=10, rate_limit_url=redis_url) as clients:
        for c in clients:
            assert c.app.state.runtime.limiter.status() == "redis"
        ok = [0, 0]
        statuses = []
        for i in range(60):
            r = _evaluate(clients[i % 2], token)
            statuses.append(r.status_code)
            ok[i % 2] += r.status_code == 200
        assert sum(ok) == 20, ok  # one count for both: 2/s × 10 s, not twice that
        assert ok[0] > 0 and ok[1] > 0
        r = _evaluate(clients[1], token)
        _shape(r, 429, "rate_limited")
        assert 1 <= int(r.headers["Retry-After"]) <= 10


def test_redis_limit_rate_over_time(catalogue_dir, db_url, redis_url):
    """Hammer one key at N = 20/s from two instances for ~3 s: at most ~1.1×N/s get through."""
    rate = 20
    _, token = _key(db_url, rate=rate)
    with _clients(catalogue_dir, db_url, n=2, rate_burst=1, rate_limit_url=redis_url) as clients:
        ok, i = 0, 0
        started = time.monotonic()
        while (elapsed := time.monotonic() - started) < 3.0:
            ok += _evaluate(clients[i % 2], token).status_code == 200
            i += 1
        assert i > 3 * rate * 2  # we did offer far more than the limit
        assert rate * 2 <= ok <= 1.1 * rate * elapsed + rate, (ok, elapsed)


def test_unreachable_redis_falls_back_to_memory_and_says_so(catalogue_dir, db_url, caplog):
    _, token = _key(db_url, rate=2)
    with caplog.at_level(logging.INFO, logger="onceonly"):
        # Port 1 on the loopback: nothing listens, the connection is refused at once.
        with _clients(catalogue_dir, db_url, rate_burst=1, rate_limit_url="redis://:hunter2@127.0.0.1:1/0") as (client,):
            assert client.app.state.runtime.limiter.status() == "memory (redis unreachable)"
            statuses = [_evaluate(client, token).status_code for _ in range(4)]
            assert statuses == [200, 200, 429, 429]  # still limited: per process
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and "unreachable" in r.getMessage()]
    assert len(errors) == 1, errors  # loud, once
    assert "127.0.0.1:1" in errors[0] and "hunter2" not in caplog.text


def test_redis_outage_mid_flight_falls_back_then_recovers(redis_url, monkeypatch, caplog):
    from api.security import Principal

    limiter = RateLimiter(1.0, redis_url)
    monkeypatch.setattr(RateLimiter, "RETRY_SECONDS", 0.1)
    who = Principal(1, "k", "portal", 1000.0, f"outage-{time.time_ns()}")
    assert limiter.take(who) == 0.0 and limiter.shared

    def broken(*args, **kwargs):
        import redis

        raise redis.ConnectionError("gone")

    monkeypatch.setattr(limiter._shared, "hit", broken)
    monkeypatch.setattr(limiter._redis.get_connection(), "ping", broken)
    with caplog.at_level(logging.INFO, logger="onceonly"):
        assert limiter.take(who) == 0.0  # served, from memory
        assert not limiter.shared and limiter.status() == "memory (redis unreachable)"
        assert limiter.take(who) == 0.0
        monkeypatch.undo()  # Redis is back
        monkeypatch.setattr(RateLimiter, "RETRY_SECONDS", 0.1)
        deadline = time.monotonic() + 3
        while not limiter.shared and time.monotonic() < deadline:
            time.sleep(0.05)
        assert limiter.shared
    assert sum("unreachable" in r.getMessage() for r in caplog.records) == 1
    assert any("answers again" in r.getMessage() for r in caplog.records)


def test_settings_refuse_a_mistyped_limit_url():
    assert Settings(rate_limit_url="").rate_limit_url is None
    assert Settings(rate_limit_url="redis://127.0.0.1:6379/0").rate_limit_url == "redis://127.0.0.1:6379/0"
    with pytest.raises(ValidationError) as refused:
        Settings(rate_limit_url="rdis://:secret@127.0.0.1:6379/0")
    assert "secret" not in str(refused.value)
    with pytest.raises(ValidationError):
        Settings(sync_interval=5)  # revocations must reach every worker within 1 s


# --------------------------------------------------------------------------- one auth path


def test_credentials_precedence():
    assert credentials([(b"x-api-key", b"a"), (b"authorization", b"Bearer a")]) == "a"
    assert credentials([(b"authorization", b"bearer a")]) == "a"
    assert credentials([(b"x-api-key", b"a"), (b"authorization", b"Basic eDp5")]) == "a"
    for headers in (
        [(b"x-api-key", b"a"), (b"authorization", b"Bearer b")],
        [(b"x-api-key", b"a"), (b"x-api-key", b"b")],
        [(b"authorization", b"Basic eDp5")],
        [(b"x-api-key", b"x" * 300)],
        [],
    ):
        with pytest.raises(Exception) as refused:
            credentials(headers)
        assert refused.value.status == 401


def test_bearer_with_revoked_api_key_same_answer_everywhere(catalogue_dir, db_url, tokens):
    revoked_id, revoked = _key(db_url, rate=1000)
    store = open_store(db_url)
    api_repo.revoke_key(store.engine, revoked_id)
    store.close()
    valid = tokens["portal"]
    cases = {
        "bearer valid + revoked x-api-key": ({"Authorization": f"Bearer {valid}", "X-API-Key": revoked}, 401),
        "bearer revoked + valid x-api-key": ({"Authorization": f"Bearer {revoked}", "X-API-Key": valid}, 401),
        "bearer valid + another valid x-api-key": ({"Authorization": f"Bearer {valid}", "X-API-Key": tokens["admin"]}, 401),
        "bearer valid + same x-api-key": ({"Authorization": f"Bearer {valid}", "X-API-Key": valid}, 200),
        "bearer valid alone": ({"Authorization": f"Bearer {valid}"}, 200),
        "basic + valid x-api-key": ({"Authorization": "Basic eDp5", "X-API-Key": valid}, 200),
        "revoked alone": ({"X-API-Key": revoked}, 401),
    }
    with _clients(catalogue_dir, db_url, fast_path=True) as (fast,), _clients(catalogue_dir, db_url, fast_path=False) as (slow,):
        for name, (headers, expected) in cases.items():
            answers = {
                "fast path": fast.post("/api/v1/evaluations", json=EVAL, headers=headers).status_code,
                "evaluation route": slow.post("/api/v1/evaluations", json=EVAL, headers=headers).status_code,
                "other route": fast.get("/api/v1/procedures", headers=headers).status_code,
            }
            assert set(answers.values()) == {expected}, (name, answers)
        r = fast.post("/api/v1/evaluations", json=EVAL, headers=cases["bearer valid + revoked x-api-key"][0])
        _shape(r, 401, "unauthorized")
        assert r.headers["WWW-Authenticate"] == "Bearer"


def test_public_probes_ignore_a_refused_key(client):
    assert client.get("/api/v1/health", headers=auth("oo_not-a-key")).status_code == 200


# --------------------------------------------------------------------------- revocation across workers


def _until_refused(client, token: str, limit: float = 3.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if _evaluate(client, token).status_code == 401:
            return time.monotonic() - started
        time.sleep(0.02)
    return float("inf")


@pytest.mark.parametrize("how", ["api", "cli"])
def test_revocation_reaches_the_other_instance_within_1s(catalogue_dir, db_url, how):
    key_id, token = _key(db_url, rate=1000)
    # Real settings: a 0.5 s sync and a 5 s key cache (revocation must not wait for it).
    with _clients(catalogue_dir, db_url, n=2, sync_interval=0.5, key_cache_seconds=5.0) as (a, b):
        assert _evaluate(a, token).status_code == 200
        assert _evaluate(b, token).status_code == 200  # b has the key cached
        if how == "api":
            assert a.delete(f"/api/v1/keys/{key_id}", headers=auth(BOOTSTRAP)).status_code == 200
            assert _evaluate(a, token).status_code == 401  # at once on the revoking worker
        else:  # `onceonly keys revoke`: the store only, no version bump
            store = open_store(db_url)
            api_repo.revoke_key(store.engine, key_id)
            store.close()
        took = _until_refused(b, token)
        assert took < 1.0, took
        assert b.get("/api/v1/procedures", headers=auth(token)).status_code == 401
