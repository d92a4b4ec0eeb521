"""Every error has one shape; none carries a traceback; logs carry no ID numbers."""

from __future__ import annotations

import logging

from fastapi.testclient import TestClient

from api.deps import get_engine

from .conftest import EVAL, auth, make_settings


def shape(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message", "path", "errors"}
    assert err["status"] == status
    if code:
        assert err["code"] == code
    assert "Traceback" not in r.text
    return err


def test_404_405(client, tokens):
    shape(client.get("/api/v1/nothing-here"), 404, "not_found")
    shape(client.delete("/api/v1/evaluations", headers=auth(tokens["admin"])), 405, "method_not_allowed")


def test_422_paths(client, tokens):
    h = auth(tokens["portal"])
    err = shape(client.post("/api/v1/evaluations", json={**EVAL, "applicant": {"nationality": "martian"}}, headers=h), 422, "invalid_applicant")
    assert err["path"] == "body.applicant.nationality"
    err = shape(client.post("/api/v1/evaluations", json={**EVAL, "applicant": {"shoe-size": "42"}}, headers=h), 422)
    assert err["path"] == "body.applicant.shoe-size"
    err = shape(client.post("/api/v1/evaluations", json={**EVAL, "channel": "pigeon"}, headers=h), 422, "invalid_request")
    assert err["path"] == "body.channel" and err["errors"][0]["path"] == "body.channel"
    err = shape(client.post("/api/v1/evaluations", json={"applicant": {}}, headers=h), 422)
    assert err["path"] == "body.procedure"
    err = shape(client.post("/api/v1/evaluations", json={**EVAL, "source_status": {"atlantis": "offline"}}, headers=h), 422, "unknown_source")
    assert err["path"] == "body.source_status.atlantis"
    err = shape(client.post("/api/v1/evaluations", content=b"{not json", headers={**h, "content-type": "application/json"}), 422)
    err = shape(client.get("/api/v1/procedures", params={"limit": 0}, headers=h), 422)
    assert err["path"] == "query.limit"
    # The caller's input is never echoed back (it may be personal).
    r = client.post("/api/v1/evaluations", json={**EVAL, "applicant": {"nationality": 123456789012}}, headers=h)
    assert "123456789012" not in r.text


def test_404_unknown_procedure_and_source(client, tokens):
    err = shape(client.post("/api/v1/evaluations", json={**EVAL, "procedure": "9.999999"}, headers=auth(tokens["portal"])), 404, "unknown_procedure")
    assert err["path"] == "body.procedure"
    err = shape(client.put("/api/v1/sources/atlantis/status", json={"status": "offline"}, headers=auth(tokens["admin"])), 404, "unknown_source")


def test_401_403(client, tokens):
    shape(client.post("/api/v1/evaluations", json=EVAL), 401, "unauthorized")
    shape(client.post("/api/v1/evaluations", json=EVAL, headers=auth("oo_wrong")), 401, "unauthorized")
    shape(client.post("/api/v1/evaluations", json=EVAL, headers={"Authorization": "Basic eDp5"}), 401)
    shape(client.get("/api/v1/kpis", headers=auth(tokens["portal"])), 403, "forbidden")


def test_413_declared_and_chunked(client, tokens):
    big = b'{"procedure": "1.001193", "applicant": {}, "pad": "' + b"x" * 70_000 + b'"}'
    h = {**auth(tokens["portal"]), "content-type": "application/json"}
    shape(client.post("/api/v1/evaluations", content=big, headers=h), 413, "payload_too_large")

    def chunks():
        for i in range(0, len(big), 8192):
            yield big[i : i + 8192]

    shape(client.post("/api/v1/evaluations", content=chunks(), headers=h), 413, "payload_too_large")


def test_429_with_retry_after(catalogue_dir, db_url):
    from api.main import create_app
    from engine.store import api_repo, open_store

    store = open_store(db_url)
    _, token = api_repo.create_key(store.engine, "slow portal", "portal", rate_limit=1)
    store.close()
    app = create_app(make_settings(catalogue_dir, db_url, rate_burst=2))
    with TestClient(app) as client:
        statuses = [client.post("/api/v1/evaluations", json=EVAL, headers=auth(token)).status_code for _ in range(4)]
        assert statuses[:2] == [200, 200] and 429 in statuses
        r = client.post("/api/v1/evaluations", json=EVAL, headers=auth(token))
        shape(r, 429, "rate_limited")
        assert int(r.headers["Retry-After"]) >= 1


def test_500_is_opaque_and_logged_masked(app, tokens, caplog):
    async def broken():
        raise RuntimeError("database exploded while reading citizen 001203004567")

    app.dependency_overrides[get_engine] = broken
    with caplog.at_level(logging.INFO), TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"]))
        shape(r, 500, "internal_error")
        assert "exploded" not in r.text
        client.get("/api/v1/procedures/001203004567", headers=auth(tokens["portal"]))
    logged = "\n".join(rec.getMessage() for rec in caplog.records if rec.name.startswith("onceonly"))
    assert "RuntimeError" in logged
    assert "001203004567" not in logged and "GET /api/v1/procedures/*** 500" in logged


def test_engine_stamp_on_every_answer(client):
    assert client.get("/api/v1/nothing").headers["X-Onceonly-Engine"]
    assert client.get("/api/v1/health").headers["X-Onceonly-Engine"]
