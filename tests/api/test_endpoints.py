"""Each endpoint answers with its documented shape."""

from __future__ import annotations

from engine.evaluator import ENGINE_VERSION

from .conftest import EVAL, auth, decisions


def test_evaluation_decides_and_names_versions(client, tokens):
    r = client.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["procedure"] == "1.001193"
    assert body["applicant"] == {"nationality": "vn"}
    identity = decisions(body)["identity"]
    assert identity["status"] == "struck" and identity["source"] == "population"
    assert set(identity) >= {
        "procedure", "requirement", "document_types", "status", "source", "rule", "legal_basis",
        "copies_avoided", "fallback", "explanation", "struck_if", "trace",
    }
    assert body["summary"]["copies_after"] <= body["summary"]["copies_before"]
    assert r.headers["X-Onceonly-Catalogue"] == body["catalogue_version"]
    assert r.headers["X-Onceonly-Rules"] == body["rules_version"]
    assert r.headers["X-Onceonly-Source-State"] == body["source_state_version"]
    assert r.headers["X-Onceonly-Engine"] == ENGINE_VERSION


def test_evaluation_names_missing_attributes(client, tokens):
    r = client.post("/api/v1/evaluations", json={"procedure": "1.001193", "as_of": "2026-06-01"}, headers=auth(tokens["portal"]))
    body = r.json()
    assert "nationality" in body["missing_attributes"]
    identity = decisions(body)["identity"]
    assert identity["status"] == "required" and identity["struck_if"] == {"nationality": ["vn"]}


def test_cached_evaluation_echoes_the_callers_own_applicant(client, tokens):
    # Same decision key (vneid is not tested by 1.001193's rules? either way the echo must be ours).
    first = client.post("/api/v1/evaluations", json={**EVAL, "applicant": {"nationality": "vn", "by-proxy": "no"}}, headers=auth(tokens["portal"]))
    second = client.post("/api/v1/evaluations", json={**EVAL, "applicant": {"nationality": "vn", "by-proxy": "yes"}}, headers=auth(tokens["portal"]))
    assert first.json()["applicant"]["by-proxy"] == "no"
    assert second.json()["applicant"]["by-proxy"] == "yes"


def test_evaluation_overrides_and_channel(client, tokens):
    body = {**EVAL, "channel": "online", "source_status": {"population": "offline"}}
    r = client.post("/api/v1/evaluations", json=body, headers=auth(tokens["portal"]))
    identity = decisions(r.json())["identity"]
    assert identity["status"] == "required"
    assert "8 working hours" in identity["fallback"] and "1 working day" not in identity["fallback"]


def test_procedures_search_filter_page(client, tokens):
    h = auth(tokens["portal"])
    r = client.get("/api/v1/procedures", params={"q": "khai sinh"}, headers=h)
    assert r.status_code == 200
    codes = [p["code"] for p in r.json()["items"]]
    assert "1.001193" in codes
    r = client.get("/api/v1/procedures", params={"q": "dang ky khai sinh"}, headers=h)  # no diacritics
    assert "1.001193" in [p["code"] for p in r.json()["items"]]
    r = client.get("/api/v1/procedures", params={"ministry": "bo-tu-phap", "limit": 2, "offset": 1}, headers=h)
    page = r.json()
    assert page["limit"] == 2 and page["offset"] == 1 and len(page["items"]) == 2 and page["total"] > 2
    assert all(p["ministry"] == "bo-tu-phap" for p in page["items"])
    r = client.get("/api/v1/procedures", params={"level": "commune"}, headers=h)
    assert all("commune" in p["level"] for p in r.json()["items"])
    assert client.get("/api/v1/procedures", params={"q": "1.001193"}, headers=h).json()["items"][0]["code"] == "1.001193"


def test_procedure_detail(client, tokens):
    r = client.get("/api/v1/procedures/1.001193", headers=auth(tokens["portal"]))
    assert r.status_code == 200
    assert {q["id"] for q in r.json()["requirements"]} >= {"identity"}
    r = client.get("/api/v1/procedures/9.999999", headers=auth(tokens["portal"]))
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_procedure"


def test_sources_and_documents(client, tokens):
    h = auth(tokens["portal"])
    sources = client.get("/api/v1/sources", headers=h).json()
    ids = {s["id"] for s in sources["items"]}
    assert {"population", "civil-status", "insurance"} <= ids
    assert all(s["status"] == "online" for s in sources["items"] if s["id"] == "population")
    docs = client.get("/api/v1/documents", headers=h).json()
    assert docs["total"] > 10
    by_source = client.get("/api/v1/documents", params={"source": "population"}, headers=h).json()
    assert by_source["items"] and all("population" in d["sources"] for d in by_source["items"])


def test_kpis_count_documents_not_requested(client, tokens):
    for _ in range(3):
        client.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"]))
    r = client.get("/api/v1/kpis", params={"group_by": ["procedure", "source"]}, headers=auth(tokens["officer"]))
    assert r.status_code == 200, r.text
    body = r.json()
    rows = {(c["procedure"], c["source"]): c for c in body["counts"]}
    assert rows[("1.001193", "population")]["documents"] >= 3
    assert body["totals"]["evaluations"] == 3
    assert body["totals"]["copies_before"] > body["totals"]["copies_after"]
    assert all(c["day"] is None for c in body["counts"])  # summed over days


def test_kpis_are_persisted_by_the_background_flush(app, tokens, db_url):
    import time

    from fastapi.testclient import TestClient

    from engine.store import api_repo, open_store

    with TestClient(app) as c:
        c.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"]))
        time.sleep(0.5)
        store = open_store(db_url)
        counts, evals = api_repo.read_kpis(store.engine, ["procedure"])
        store.close()
    assert evals and evals[0]["evaluations"] == 1


def test_catalogue_info_and_reload(client, tokens):
    info = client.get("/api/v1/catalogue", headers=auth(tokens["portal"])).json()
    assert info["procedures"] > 10 and info["data_errors"] == 0
    r = client.post("/api/v1/catalogue/reload", headers=auth(tokens["admin"]))
    assert r.status_code == 200, r.text
    assert r.json()["catalogue_version"] == info["catalogue_version"]


def test_keys_create_list_revoke(client, tokens):
    h = auth(tokens["admin"])
    r = client.post("/api/v1/keys", json={"name": "Hanoi portal", "role": "portal"}, headers=h)
    assert r.status_code == 201
    created = r.json()
    token = created["token"]
    assert token.startswith("oo_") and created["prefix"] == token[:10]
    listed = client.get("/api/v1/keys", headers=h).json()
    assert any(k["id"] == created["id"] and "token" not in k for k in listed)
    assert client.post("/api/v1/evaluations", json=EVAL, headers=auth(token)).status_code == 200
    assert client.delete(f"/api/v1/keys/{created['id']}", headers=h).json()["revoked_at"]
    assert client.post("/api/v1/evaluations", json=EVAL, headers=auth(token)).status_code == 401
    assert client.delete("/api/v1/keys/99999", headers=h).status_code == 404


def test_bearer_and_bootstrap_admin(client):
    from .conftest import BOOTSTRAP

    r = client.get("/api/v1/keys", headers={"Authorization": f"Bearer {BOOTSTRAP}"})
    assert r.status_code == 200


def test_health_and_ready(client):
    for path in ("/api/v1/health", "/health"):
        assert client.get(path).json()["status"] == "ok"
    for path in ("/api/v1/ready", "/ready"):
        r = client.get(path)
        assert r.status_code == 200 and r.json()["status"] == "ready"


def test_openapi_documents_every_route(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert "200" in op["responses"] or "201" in op["responses"], (method, path)
            assert "500" in op["responses"], (method, path)
    assert client.get("/docs").status_code == 200
