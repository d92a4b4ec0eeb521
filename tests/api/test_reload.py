"""Reload without downtime: a broken catalogue is refused, the old one keeps serving."""

from __future__ import annotations

from .conftest import EVAL, auth, decisions


def test_broken_catalogue_is_refused_and_old_one_serves(client, tokens, catalogue_dir):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    before = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    version = before.headers["X-Onceonly-Catalogue"]

    source = catalogue_dir / "sources" / "population.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("replaces:", "replaces_typo:", 1), encoding="utf-8")
    (catalogue_dir / "rules" / "zz-broken.yaml").write_text("rules: [ {id: x, valid_from: not-a-date\n", encoding="utf-8")

    r = client.post("/api/v1/catalogue/reload", headers=admin)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "catalogue_invalid" and err["status"] == 422
    files = {e["file"] for e in err["errors"]}
    assert any("population.yaml" in f for f in files) and any("zz-broken.yaml" in f for f in files)
    assert all(e["message"] for e in err["errors"])

    after = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    assert after.status_code == 200
    assert after.headers["X-Onceonly-Catalogue"] == version
    assert decisions(after.json())["identity"]["status"] == "struck"


def test_good_change_is_swapped_in(client, tokens, catalogue_dir):
    portal, admin = auth(tokens["portal"]), auth(tokens["admin"])
    version = client.get("/api/v1/catalogue", headers=portal).json()["catalogue_version"]
    proc = next((catalogue_dir / "catalogue").rglob("*.yaml"))
    proc.write_text(proc.read_text(encoding="utf-8") + "\n# reviewed again\n", encoding="utf-8")
    # A comment changes nothing: same version; now change a name for real.
    text = proc.read_text(encoding="utf-8")
    proc.write_text(text.replace("vi: ", "vi: (2026) ", 1), encoding="utf-8")
    r = client.post("/api/v1/catalogue/reload", headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["catalogue_version"] != version
    r = client.post("/api/v1/evaluations", json=EVAL, headers=portal)
    assert r.headers["X-Onceonly-Catalogue"] != version
