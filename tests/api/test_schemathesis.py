"""Property-based conformance: schemathesis against the app's own OpenAPI.

Run alone with ``pytest -m schemathesis tests/api``. Every operation gets up to
``EXAMPLES`` generated requests (valid and invalid data, with an admin key):
no 5xx, every status documented, every body conforms to its schema, headers
too. A final test checks that at least 1,000 requests were sent.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from api.main import create_app
from engine.store import api_repo, open_store

from .conftest import REPO, make_settings

pytestmark = pytest.mark.schemathesis

EXAMPLES = 110
CALLS = {"n": 0}

_tmp = Path(__import__("tempfile").mkdtemp(prefix="onceonly-schemathesis-"))
shutil.copytree(REPO / "procedures", _tmp / "procedures")
_URL = f"sqlite:///{_tmp / 'api.db'}"
APP = create_app(make_settings(_tmp / "procedures", _URL, rate_admin=1e6, warm=False))
_STORE = open_store(_URL)
_ADMIN = {"token": None}


def admin_token() -> str:
    """An active admin key: generated DELETE /keys/{id} calls may revoke the last one."""
    token = _ADMIN["token"]
    if token is None or api_repo.key_by_hash(_STORE.engine, api_repo.hash_token(token)) is None:
        _ADMIN["token"] = api_repo.create_key(_STORE.engine, "schemathesis admin", "admin", rate_limit=1e6)[1]
    return _ADMIN["token"]


@pytest.fixture(scope="module", autouse=True)
def running_app():
    # The lifespan (store, catalogue) runs once; schemathesis' own clients reuse the app.
    with TestClient(APP):
        yield


# The registry (attribute names and values, procedure codes, source ids) is data,
# not schema: a well-formed request naming an unknown one is answered 422 (or
# 404 for an unknown procedure), which counts as accepting valid input.
CONFIG = schemathesis.Config.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "409", "422", "429"]}}}
)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP, config=CONFIG)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms(case):
    CALLS["n"] += 1
    # A query string cannot tell a string from a list or a null: "null became
    # array" mutations of string filters arrive as plain strings, rightly accepted.
    excluded = [negative_data_rejection] if case.method == "GET" else None
    case.call_and_validate(headers={"X-API-Key": admin_token()}, excluded_checks=excluded)


def test_enough_requests():
    print(f"schemathesis sent {CALLS['n']} generated requests")
    assert CALLS["n"] >= 1000, CALLS["n"]
