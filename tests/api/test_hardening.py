"""Hardening of the HTTP API (issue 12): one test per item.

1. ``/ready`` says ready or not; details only for an admin key.
2. Security headers (CSP, X-Frame-Options, nosniff, Referrer-Policy) on every answer.
3. ``/docs`` and ``/redoc`` load Swagger UI and ReDoc from our own vendored files.
4. No 500 for bad input (year 9999, NUL bytes, long text, numbers as days), on SQLite and PostgreSQL.
5. A keep-alive connection survives a 500 (real uvicorn, both HTTP parsers).
6. ``Retry-After`` on 429 and 503 is whole seconds, at least 1, not huge.
7. Log masking covers dashed IDs and 10- and 13-digit numbers too.

PostgreSQL comes from ``ONCEONLY_TEST_PG_URL`` (``.ci/postgres.sh``) or a
throwaway server (``tests/store/conftest.py``); its cases skip with the reason
when neither is possible. The dashboard and the docs pages under the CSP, in a
real browser: ``tests/ui/test_dashboard.py::test_pages_and_docs_keep_to_the_content_security_policy``.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import socket
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.middleware import MAX_RETRY_AFTER, _retry_after
from engine.store import api_repo, open_store
from tests.store.conftest import pg_database, pg_url  # noqa: F401  (fixtures)

from .conftest import BOOTSTRAP, EVAL, REPO, auth, make_settings

VENDOR = REPO / "api" / "static" / "vendor"
SCENARIO = "population-outage"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """An empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'api.db'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture()
def any_store(catalogue_dir, store_url):
    """(client, tokens, url) of an app on SQLite or PostgreSQL."""
    store = open_store(store_url)
    try:
        tokens = {r: api_repo.create_key(store.engine, f"test {r}", r, rate_limit=10_000)[1] for r in ("portal", "officer", "admin")}
    finally:
        store.close()
    with TestClient(create_app(make_settings(catalogue_dir, store_url)), raise_server_exceptions=False) as client:
        yield client, tokens, store_url


def error_of(r, status: int, path: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["status"] == status
    if path is not None:
        assert body["path"] == path, body
    return body


# --------------------------------------------------------------------------- 1. /ready


def test_ready_says_only_ready_without_an_admin_key(any_store, catalogue_dir):
    client, tokens, url = any_store
    secrets = [str(catalogue_dir), catalogue_dir.name, "folder", "store"]
    if url.startswith("postgresql"):
        from sqlalchemy.engine import make_url

        u = make_url(url)
        secrets += [u.host, str(u.port), u.username, u.database]
    for path in ("/ready", "/api/v1/ready"):
        for headers in ({}, auth(tokens["portal"]), auth(tokens["officer"])):
            r = client.get(path, headers=headers)
            assert r.status_code == 200 and r.json() == {"status": "ready"}, r.text
            for secret in secrets:
                assert secret not in r.text
        for path_health in ("/health", "/api/v1/health"):
            text = client.get(path_health).text
            assert all(s not in text for s in secrets), text
        # An admin key (X-API-Key or Bearer) gets what is loaded.
        for headers in (auth(tokens["admin"]), {"Authorization": f"Bearer {BOOTSTRAP}"}):
            body = client.get(path, headers=headers).json()
            assert body["status"] == "ready" and body["catalogue"]["procedures"] > 0 and body["engine_version"]
    # A key that is presented must be valid (the same check as every route).
    error_of(client.get("/ready", headers=auth("oo_not-a-key")), 401)

    # Not ready: a reason code, no detail (admins get the detail).
    client.app.state.runtime.current.warmed.clear()
    try:
        body = error_of(client.get("/ready"), 503)
        assert body["code"] == "warming" and ":" not in body["message"]
        assert ":" in error_of(client.get("/ready", headers=auth(tokens["admin"])), 503)["message"]
    finally:
        client.app.state.runtime.current.warmed.set()


# --------------------------------------------------------------------------- 2. headers


def _csp(value: str) -> dict[str, list[str]]:
    out = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_security_headers_on_every_answer(client, tokens, app, monkeypatch):
    import api.routers.kpis as kpis_router

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    answers = {
        "dashboard": client.get("/"),
        "asset": client.get("/ui/js/app.js"),
        "api": client.get("/api/v1/procedures", headers=auth(tokens["portal"])),
        "fast path": client.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"])),
        "401": client.get("/api/v1/procedures"),
        "404": client.get("/api/v1/nothing"),
        "422": client.get("/api/v1/kpis?day_from=1", headers=auth(tokens["officer"])),
        "openapi": client.get("/api/v1/openapi.json"),
        "docs": client.get("/docs"),
        "redoc": client.get("/redoc"),
    }
    monkeypatch.setattr(kpis_router, "read_kpis", broken)
    answers["500"] = client.get("/api/v1/kpis", headers=auth(tokens["officer"]))
    assert answers["500"].status_code == 500 and answers["fast path"].status_code == 200
    for what, r in answers.items():
        h = r.headers
        assert h["X-Frame-Options"] == "DENY", what
        assert h["X-Content-Type-Options"] == "nosniff", what
        assert h["Referrer-Policy"] == "no-referrer", what
        csp = _csp(h["Content-Security-Policy"])
        assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"], what
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"], what
        assert not any(s.startswith(("http", "*")) for v in csp.values() for s in v), (what, csp)
        assert h["X-Onceonly-Engine"], what
        assert r.headers.get_list("Content-Security-Policy") == [h["Content-Security-Policy"]], what

    # The dashboard satisfies its policy: no inline script, no inline handler, no foreign host.
    page = answers["dashboard"].text
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", page)
    assert "http://" not in page and "https://" not in page


# --------------------------------------------------------------------------- 3. docs


def test_docs_and_redoc_load_vendored_assets(client):
    pinned = dict(line.split()[::-1] for line in (REPO / "ui" / "vendor.sha256").read_text().splitlines() if line.strip())
    for page, expected in (("/docs", ("swagger-ui-", ".bundle.js", ".css")), ("/redoc", ("redoc-", ".standalone.js"))):
        r = client.get(page)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        assert "http://" not in r.text and "https://" not in r.text and "cdn" not in r.text.lower(), r.text
        assert "/api/v1/openapi.json" in r.text
        urls = re.findall(r'(?:src|href)="(/ui/vendor/[^"]+)"', r.text)
        assert urls and all(any(e in u for e in expected) for u in urls), urls
        for url in urls:
            name = url.rsplit("/", 1)[1]
            asset = client.get(url)
            assert asset.status_code == 200, url
            # Served byte for byte as pinned in ui/vendor.sha256 (ui/vendor.sh fetches them).
            assert hashlib.sha256(asset.content).hexdigest() == pinned[name], name
            assert (VENDOR / name).is_file()
        # Each inline script is allowed by its hash only.
        csp = _csp(r.headers["Content-Security-Policy"])
        for body in re.findall(r"<script>(.*?)</script>", r.text, flags=re.S):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in csp["script-src"]
    for licence in ("swagger-ui-5.35.0.LICENSE", "redoc-2.5.4.LICENSE"):
        assert (VENDOR / licence).is_file()
    assert client.get("/docs/oauth2-redirect").status_code == 404


# --------------------------------------------------------------------------- 4. bad input


def test_bad_input_is_a_422_naming_the_field(any_store):
    client, tokens, url = any_store
    officer, admin = auth(tokens["officer"]), auth(tokens["admin"])

    # Year 9999 (the timeline's "next month" overflowed: a 500), and other days out of range.
    for field, day in (("to", "9999-12-31"), ("from", "0001-01-01"), ("as_of", "9999-12-31")):
        r = client.post("/api/v1/simulations", json={"scenario": SCENARIO, field: day}, headers=officer)
        assert "between" in error_of(r, 422, f"body.{field}")["message"]
    r = client.post("/api/v1/simulations", json={"scenario": SCENARIO, "from": "2026-01-01", "to": "2199-12-01"}, headers=officer)
    assert "months" in error_of(r, 422, "body.to")["message"]
    r = client.post("/api/v1/simulations", json={"scenario": SCENARIO, "from": "2026-06-01", "to": "2026-01-01"}, headers=officer)
    error_of(r, 422, "body.to")
    # An edited scenario whose own period runs to 9999 is refused where it says so.
    scenarios = client.get("/api/v1/simulations/scenarios", headers=officer).json()["items"]
    document = next(s["document"] for s in scenarios if s["id"] == SCENARIO)
    edited = {**document, "period": {"from": "2026-01-01", "to": "9999-12-31"}}
    body = error_of(client.post("/api/v1/simulations", json={"scenario": edited}, headers=officer), 422, "body.scenario")
    assert any("period.to" in (e.get("field") or "") for e in body["errors"]), body
    edited = {**document, "period": {"from": "2026-01-01", "to": "2199-01-01"}}
    error_of(client.post("/api/v1/simulations", json={"scenario": edited}, headers=officer), 422, "body.scenario.period.to")
    # In range, it still runs.
    r = client.post("/api/v1/simulations", json={"scenario": SCENARIO, "from": "2026-01-01", "to": "2026-06-01"}, headers=officer)
    assert r.status_code == 200, r.text
    # An integer beyond 64 bits anywhere in an edited scenario (JSON allows it): never a 500.
    for odd in ({"x": 8275541101331363135488}, {**document, "note": 2**70}):
        r = client.post("/api/v1/simulations", json={"scenario": odd}, headers=officer)
        assert r.status_code in (200, 202, 422), r.text

    # NUL bytes in the KPI filters and in a key's name (PostgreSQL refused them: a 500).
    for name in ("ministry", "procedure", "source"):
        error_of(client.get("/api/v1/kpis", params={name: "bo-tu-phap\x00"}, headers=officer), 422, f"query.{name}")
        error_of(client.get("/api/v1/kpis", params={name: "x" * 200}, headers=officer), 422, f"query.{name}")
    error_of(client.get("/api/v1/procedures", params={"q": "khai\x00sinh"}, headers=officer), 422, "query.q")
    error_of(client.post("/api/v1/keys", json={"name": "a\x00b", "role": "portal"}, headers=admin), 422, "body.name")
    error_of(client.post("/api/v1/keys", json={"name": "x" * 121, "role": "portal"}, headers=admin), 422, "body.name")
    error_of(client.post("/api/v1/keys", json={"name": "line\nbreak", "role": "portal"}, headers=admin), 422, "body.name")
    bad_eval = {**EVAL, "applicant": {"nationality": "v\x00n"}}
    error_of(client.post("/api/v1/evaluations", json=bad_eval, headers=auth(tokens["portal"])), 422, "body.applicant.nationality")
    bad_eval = {**EVAL, "source_status": {"population\x00": "offline"}}
    error_of(client.post("/api/v1/evaluations", json=bad_eval, headers=auth(tokens["portal"])), 422)
    error_of(client.put("/api/v1/sources/population%00/status", json={"status": "offline"}, headers=admin), 422, "path")

    # Query-string days: YYYY-MM-DD only, never a number (a Unix time to pydantic).
    for path, name in (("/api/v1/kpis", "day_from"), ("/api/v1/kpis", "day_to"), ("/api/v1/sources", "as_of")):
        for value in ("20260601", "86400", "0", "2026-6-1", "2026-06-01T00:00", "9999-12-31"):
            error_of(client.get(path, params={name: value}, headers=officer), 422, f"query.{name}")
        assert client.get(path, params={name: "2026-06-01"}, headers=officer).status_code == 200
    for value in ("20260601", 86400, 0):
        error_of(client.post("/api/v1/evaluations", json={**EVAL, "as_of": value}, headers=auth(tokens["portal"])), 422, "body.as_of")
        r = client.post("/api/v1/simulations", json={"scenario": SCENARIO, "to": value}, headers=officer)
        error_of(r, 422, "body.to")

    # The store itself refuses what it cannot keep, on both stores.
    store = open_store(url)
    try:
        with pytest.raises(ValueError, match="NUL"):
            api_repo.create_key(store.engine, "a\x00b", "portal")
        with pytest.raises(ValueError, match="longer"):
            api_repo.create_key(store.engine, "x" * 121, "portal")
        assert api_repo.read_kpis(store.engine, ["day"], ministry="a\x00b") == ([], [])
    finally:
        store.close()


# --------------------------------------------------------------------------- 5. keep-alive


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("http", ["httptools", "h11"])
def test_connection_survives_a_500(app, tokens, monkeypatch, http, caplog):
    import uvicorn

    import api.routers.kpis as kpis_router

    pytest.importorskip(http)

    def broken(*_a, **_k):
        raise RuntimeError("the store exploded reading 001-203-004-567")

    monkeypatch.setattr(kpis_router, "read_kpis", broken)
    port = _free_port()
    # log_config=None: uvicorn's own loggers reach caplog (its "Exception in ASGI application").
    config = uvicorn.Config(app, host="127.0.0.1", port=port, http=http, log_config=None, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        officer = auth(tokens["officer"])
        with caplog.at_level(logging.ERROR), httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            answers = [
                c.get("/api/v1/kpis", headers=officer),
                c.get("/api/v1/health"),
                c.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"])),
                c.get("/api/v1/kpis", headers=officer),
                c.get("/ready"),
            ]
            assert [r.status_code for r in answers] == [500, 200, 200, 500, 200]
            assert answers[0].json()["error"]["code"] == "internal_error" and "exploded" not in answers[0].text
            # Every answer came over the one connection: the same local port.
            ports = {r.extensions["network_stream"].get_extra_info("client_addr")[1] for r in answers}
            assert len(ports) == 1, ports
            assert all(r.headers.get("connection", "keep-alive").lower() != "close" for r in answers)
        logged = "\n".join(rec.getMessage() for rec in caplog.records)
        assert "RuntimeError" in logged and "001-203-004-567" not in logged
        assert "Exception in ASGI application" not in logged  # uvicorn never saw it (it would close)
    finally:
        server.should_exit = True
        thread.join(30)


# --------------------------------------------------------------------------- 6. Retry-After


def test_retry_after_is_whole_seconds(db_url, client, tokens):
    def seconds(r) -> int:
        value = r.headers["Retry-After"]
        assert re.fullmatch(r"[0-9]+", value), value
        assert 1 <= int(value) <= MAX_RETRY_AFTER, value
        return int(value)

    # 429, on the fast path and on a FastAPI route, for a key limited to 1 request/s
    # and for one limited to one request in almost 3 hours.
    store = open_store(db_url)
    _, slow = api_repo.create_key(store.engine, "slow", "officer", rate_limit=1)
    _, crawl = api_repo.create_key(store.engine, "crawl", "officer", rate_limit=0.0001)
    store.close()
    for key, path, method in ((slow, "/api/v1/evaluations", "POST"), (slow, "/api/v1/procedures", "GET"), (crawl, "/api/v1/procedures", "GET")):
        statuses = []
        for _ in range(6):
            r = client.request(method, path, json=EVAL if method == "POST" else None, headers=auth(key))
            statuses.append(r.status_code)
            if r.status_code == 429:
                seconds(r)
                break
        assert 429 in statuses, statuses
    # 503 (not ready) says when to ask again.
    client.app.state.runtime.current.warmed.clear()
    try:
        assert seconds(client.get("/ready")) == 1
    finally:
        client.app.state.runtime.current.warmed.set()
    # Whatever a layer below sets, what leaves the server is sane.
    for given, sent in ((b"2.5", b"3"), (b"0", b"1"), (b"0.001", b"1"), (b"1e9", b"3600"), (b"nan", b"1"), (b"soon", b"1"), (None, b"1")):
        headers = [(b"content-type", b"application/json")] + ([(b"retry-after", given)] if given is not None else [])
        out = _retry_after(headers)
        assert [v for k, v in out if k == b"retry-after"] == [sent], given


# --------------------------------------------------------------------------- 7. log masking


def test_log_masking_covers_dashed_and_tax_ids(caplog):
    from api.logs import install_masking, mask

    personal = {
        "001-203-004-567": "CCCD in dashed groups",
        "001203004567": "CCCD",
        "123456789": "CMND",
        "123-456-789": "CMND in dashed groups",
        "0312345678": "tax code (MST)",
        "0312345678-001": "branch tax code",
        "0312345678001": "branch tax code, undashed",
        "0912-345-678": "phone-like dashed 10 digits",
    }
    for value, what in personal.items():
        for text in (value, f"/citizens/{value}/x", f"id={value}&", f"x-{value}-y"):
            assert value not in mask(text), (what, text, mask(text))
    kept = ["2026-06-01", "1.001193", "2.001263", "12.5ms", "127.0.0.1:8000", "1234-5678", "12345678901", "2026-06-01-2026-07-01", "v-0.1.0"]
    for text in kept:
        assert mask(text) == text, text

    install_masking()
    with caplog.at_level(logging.INFO, logger="onceonly.api"):
        logging.getLogger("onceonly.api").info("citizen %s, tax %s, branch %s", "001-203-004-567", "0312345678", "0312345678-001")
    logged = caplog.records[-1].getMessage()
    assert logged == "citizen ***, tax ***, branch ***", logged
