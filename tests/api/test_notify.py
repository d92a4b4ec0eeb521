"""On PostgreSQL a change on one node reaches the others through LISTEN/NOTIFY,
without waiting for a request to poll the store."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from engine.store import api_repo, open_store
from tests.store.conftest import pg_database, pg_url  # noqa: F401  (fixtures)

from .conftest import auth, make_settings

pytestmark = pytest.mark.postgres


def test_a_source_status_set_on_one_node_reaches_the_other_without_a_request(catalogue_dir, pg_database):
    store = open_store(pg_database)
    try:
        admin = api_repo.create_key(store.engine, "test admin", "admin", rate_limit=10_000)[1]
    finally:
        store.close()
    # Polling as slowly as the settings allow: only the notification can be this fast.
    slow = dict(sync_interval=1.0)
    with TestClient(create_app(make_settings(catalogue_dir, pg_database, **slow)), raise_server_exceptions=False) as a, \
         TestClient(create_app(make_settings(catalogue_dir, pg_database, **slow)), raise_server_exceptions=False) as b:
        other = b.app.state.runtime
        time.sleep(0.5)  # both listening
        assert other.current.engine.state.status("population") == "online"
        started = time.monotonic()
        r = a.put("/api/v1/sources/population/status", json={"status": "offline"}, headers=auth(admin))
        assert r.status_code == 200, r.text
        while other.current.engine.state.status("population") != "offline" and time.monotonic() - started < 2:
            time.sleep(0.02)
        took = time.monotonic() - started
        assert other.current.engine.state.status("population") == "offline"
        assert took < 1.0, took
