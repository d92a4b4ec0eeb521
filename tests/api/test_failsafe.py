"""An offline source keeps its documents required with the Art. 8 fallback, at
once, and every worker (here: a second app on the same store) follows."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app

from .conftest import EVAL, auth, decisions


def test_put_offline_then_next_evaluation_falls_back(client, tokens, settings):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    before = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    assert decisions(before.json())["identity"]["status"] == "struck"

    r = client.put("/api/v1/sources/population/status", json={"status": "offline"}, headers=admin)
    assert r.status_code == 200 and r.json()["status"] == "offline"
    assert r.json()["source_state_version"] != before.json()["source_state_version"]

    after = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    identity = decisions(after.json())["identity"]
    assert identity["status"] == "required" and identity["source"] == "population"
    assert "Art. 8" in identity["fallback"] and "8 working hours" in identity["fallback"]
    assert after.headers["X-Onceonly-Source-State"] != before.headers["X-Onceonly-Source-State"]
    listed = {s["id"]: s["status"] for s in client.get("/api/v1/sources", headers=portal).json()["items"]}
    assert listed["population"] == "offline"

    # A second worker on the same store sees the change on its next request,
    # and a restart keeps it (the status is persisted).
    with TestClient(create_app(settings)) as other:
        seen = other.post("/api/v1/evaluations", json=EVAL, headers=portal)
        assert decisions(seen.json())["identity"]["status"] == "required"
        client.put("/api/v1/sources/population/status", json={"status": "online"}, headers=admin)
        again = other.post("/api/v1/evaluations", json=EVAL, headers=portal)
        assert decisions(again.json())["identity"]["status"] == "struck"


def test_degraded_is_not_trusted(client, tokens):
    client.put("/api/v1/sources/population/status", json={"status": "degraded"}, headers=auth(tokens["admin"]))
    body = client.post("/api/v1/evaluations", json=EVAL, headers=auth(tokens["portal"])).json()
    assert decisions(body)["identity"]["status"] == "required"
