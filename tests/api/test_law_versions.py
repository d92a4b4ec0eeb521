"""The store is the single source of truth for the law: every accepted catalogue
is a stored version, a refused reload is recorded, a restarted worker serves the
last accepted version, and a reload that removes law needs a confirmation."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from engine.store import law_versions, open_store

from .conftest import EVAL, auth, decisions, make_settings


def _history(db_url):
    store = open_store(db_url)
    try:
        return law_versions.history(store.engine)
    finally:
        store.close()


def test_an_emptied_rules_file_is_refused_with_its_diff_and_needs_a_confirmation(client, tokens, catalogue_dir, db_url):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    version = client.get("/api/v1/catalogue", headers=portal).json()["catalogue_version"]
    (catalogue_dir / "rules" / "res-66-7-art4.yaml").write_text("rules: []\n", encoding="utf-8")

    r = client.post("/api/v1/catalogue/reload", headers=admin)
    assert r.status_code == 409, r.text
    err = r.json()["error"]
    assert err["code"] == "law_removed"
    rules = next(e for e in err["errors"] if e["field"] == "rules")
    assert "res-66-7-art4-1-population" in rules["removed"]
    # Still serving the old law.
    after = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    assert after.headers["X-Onceonly-Catalogue"] == version
    assert _history(db_url)[0]["status"] == "refused"

    r = client.post("/api/v1/catalogue/reload", headers=admin, json={"confirm": True})
    assert r.status_code == 200, r.text
    assert r.json()["catalogue_version"] != version
    assert _history(db_url)[0]["status"] == "accepted"


def test_a_restarted_worker_serves_the_last_accepted_version_not_broken_files(client, tokens, catalogue_dir, db_url):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    version = client.get("/api/v1/catalogue", headers=portal).json()["catalogue_version"]
    source = catalogue_dir / "sources" / "population.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("replaces:", "replaces_typo:", 1), encoding="utf-8")
    assert client.post("/api/v1/catalogue/reload", headers=admin).status_code == 422
    refused = _history(db_url)[0]
    assert refused["status"] == "refused" and any("population.yaml" in (e.get("file") or "") for e in refused["errors"])

    # A new worker on the same store, the same (broken) files: it serves the last accepted version.
    with TestClient(create_app(make_settings(catalogue_dir, db_url)), raise_server_exceptions=False) as other:
        r = other.post("/api/v1/evaluations", json=EVAL, headers=portal)
        assert r.status_code == 200
        assert r.headers["X-Onceonly-Catalogue"] == version
        assert decisions(r.json())["identity"]["status"] == "struck"


def test_a_sibling_worker_follows_an_accepted_reload_from_the_store(client, tokens, catalogue_dir, db_url):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    with TestClient(create_app(make_settings(catalogue_dir, db_url)), raise_server_exceptions=False) as sibling:
        proc = catalogue_dir / "catalogue" / "bo-tu-phap"
        target = next(proc.rglob("*.yaml"))
        target.write_text(target.read_text(encoding="utf-8").replace("vi: ", "vi: (2026) ", 1), encoding="utf-8")
        r = client.post("/api/v1/catalogue/reload", headers=admin)
        assert r.status_code == 200, r.text
        accepted = r.json()["catalogue_version"]
        # Break this machine's files afterwards: the sibling must load what was accepted, from the store.
        target.write_text("not: [valid\n", encoding="utf-8")
        import time

        deadline = time.monotonic() + 5
        seen = None
        while time.monotonic() < deadline:
            seen = sibling.post("/api/v1/evaluations", json=EVAL, headers=portal).headers["X-Onceonly-Catalogue"]
            if seen == accepted:
                break
            time.sleep(0.1)
        assert seen == accepted
