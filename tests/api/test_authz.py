"""The authorisation matrix: every role against every endpoint.

portal: evaluate and read the catalogue; officer: also KPIs (and reports,
graph, simulations when they land); admin: also source status, reload, keys.
Without a key every endpoint but the probes answers 401.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import EVAL, auth

#: (method, concrete path, json body, least role; None = open to all)
ENDPOINTS = [
    ("POST", "/api/v1/evaluations", EVAL, "portal"),
    ("GET", "/api/v1/procedures", None, "portal"),
    ("GET", "/api/v1/procedures/1.001193", None, "portal"),
    ("GET", "/api/v1/sources", None, "portal"),
    ("GET", "/api/v1/documents", None, "portal"),
    ("GET", "/api/v1/attributes", None, "portal"),
    ("GET", "/api/v1/catalogue", None, "portal"),
    ("GET", "/api/v1/kpis", None, "officer"),
    ("PUT", "/api/v1/sources/population/status", {"status": "online"}, "admin"),
    ("POST", "/api/v1/catalogue/reload", None, "admin"),
    ("GET", "/api/v1/keys", None, "admin"),
    ("POST", "/api/v1/keys", {"name": "k", "role": "portal"}, "admin"),
    ("DELETE", "/api/v1/keys/999", None, "admin"),
    ("GET", "/api/v1/health", None, None),
    ("GET", "/api/v1/ready", None, None),
]
#: Officer routes of the reports, graph and simulation modules (mounted when they exist).
OPTIONAL = [
    ("GET", "/api/v1/reports/unnecessary?as_of=2026-06-01", None, "officer", "engine.reports"),
    ("GET", "/api/v1/reports/burden?as_of=2026-06-01&ministry=bo-tu-phap", None, "officer", "engine.reports"),
    ("GET", "/api/v1/reports/compliance?as_of=2026-06-01", None, "officer", "engine.reports.compliance"),
    ("GET", "/api/v1/graph/dependencies?as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/graph/sources/population/impact?as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/graph/prerequisites?code=1.001193&as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/graph/rank-sources?as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/graph/dependents?source=population&as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/graph/dependents/choices?as_of=2026-06-01", None, "officer", "engine.graph"),
    ("GET", "/api/v1/simulations/scenarios", None, "officer", "engine.simulation"),
    ("POST", "/api/v1/simulations", {"scenario": "population-outage"}, "officer", "engine.simulation"),
    ("GET", "/api/v1/analysis/" + "0" * 64, None, "officer", "engine.reports"),  # answers asked without waiting
]


def _present(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


ENDPOINTS += [e[:4] for e in OPTIONAL if _present(e[4])]
RANK = {None: -1, "portal": 0, "officer": 1, "admin": 2}


@pytest.fixture(scope="module")
def matrix_client(tmp_path_factory):
    import shutil

    from api.main import create_app
    from engine.store import api_repo, open_store

    from .conftest import REPO, make_settings

    tmp = tmp_path_factory.mktemp("authz")
    shutil.copytree(REPO / "procedures", tmp / "procedures")
    url = f"sqlite:///{tmp / 'api.db'}"
    store = open_store(url)
    tokens = {r: api_repo.create_key(store.engine, r, r, rate_limit=10_000)[1] for r in ("portal", "officer", "admin")}
    store.close()
    with TestClient(create_app(make_settings(tmp / "procedures", url)), raise_server_exceptions=False) as c:
        yield c, tokens


def test_every_route_is_in_the_matrix(matrix_client):
    from api.errors import documented_methods

    client, _ = matrix_client
    spec = client.get("/api/v1/openapi.json").json()
    documented = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    covered = set()
    for method, concrete, _, _ in ENDPOINTS:
        path = concrete.split("?")[0]
        for template in spec["paths"]:
            if method in documented_methods(client.app, path) and template.count("/") == path.count("/"):
                parts = zip(template.split("/"), path.split("/"))
                if all(t == c or t.startswith("{") for t, c in parts):
                    covered.add((method, template))
    assert documented <= covered, documented - covered


def test_405_lists_every_method(matrix_client):
    client, tokens = matrix_client
    r = client.put("/api/v1/keys", headers=auth(tokens["admin"]))
    assert r.status_code == 405 and r.headers["Allow"] == "GET, POST"


@pytest.mark.parametrize("role", [None, "portal", "officer", "admin"])
@pytest.mark.parametrize("method,path,body,least", ENDPOINTS, ids=[f"{m} {p}" for m, p, _, _ in ENDPOINTS])
def test_matrix(matrix_client, role, method, path, body, least):
    client, tokens = matrix_client
    r = client.request(method, path, json=body, headers=auth(tokens[role] if role else None))
    if least is None:
        assert r.status_code == 200
    elif role is None:
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    elif RANK[role] < RANK[least]:
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    else:
        assert r.status_code not in (401, 403), r.text
        assert r.status_code < 500


def test_officer_routes_of_landed_modules(matrix_client):
    """Reports, graph and simulation routes (when mounted) refuse portal keys."""
    client, tokens = matrix_client
    spec = client.get("/api/v1/openapi.json").json()
    for path, ops in spec["paths"].items():
        if path.split("/")[3] not in ("reports", "graph", "simulations") or "{" in path:
            continue
        for method in ops:
            assert client.request(method.upper(), path, headers=auth(tokens["portal"])).status_code == 403, path
            assert client.request(method.upper(), path).status_code == 401, path
