"""Fixtures for the HTTP API: an app on a copy of the shipped catalogue and a
temporary SQLite store, with one key per role."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from engine.store import api_repo, open_store

REPO = Path(__file__).resolve().parents[2]
ROLES = ("portal", "officer", "admin")
BOOTSTRAP = "oo_bootstrap-admin-token-for-tests"


def pytest_configure(config):
    config.addinivalue_line("markers", "schemathesis: property-based API conformance run (schemathesis, ~1 min)")


@pytest.fixture()
def catalogue_dir(tmp_path: Path) -> Path:
    """A private copy of procedures/: reload tests may break it."""
    target = tmp_path / "procedures"
    shutil.copytree(REPO / "procedures", target)
    return target


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'api.db'}"


@pytest.fixture()
def tokens(db_url: str) -> dict[str, str]:
    store = open_store(db_url)
    try:
        return {role: api_repo.create_key(store.engine, f"test {role}", role, rate_limit=10_000)[1] for role in ROLES}
    finally:
        store.close()


def make_settings(catalogue_dir: Path, db_url: str, **overrides) -> Settings:
    values = dict(
        catalogue=str(catalogue_dir),
        database_url=db_url,
        admin_key=BOOTSTRAP,
        sync_interval=0.0,  # tests see other "workers" at once
        key_cache_seconds=0.0,
        kpi_flush_seconds=0.2,
        warm=False,
        access_log=True,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture()
def settings(catalogue_dir: Path, db_url: str) -> Settings:
    return make_settings(catalogue_dir, db_url)


@pytest.fixture()
def app(settings: Settings, tokens):
    return create_app(settings)


@pytest.fixture()
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def auth(token: str | None) -> dict[str, str]:
    return {"X-API-Key": token} if token else {}


EVAL = {"procedure": "1.001193", "applicant": {"nationality": "vn"}, "as_of": "2026-06-01"}


def decisions(body: dict) -> dict[str, dict]:
    return {d["requirement"]["id"]: d for d in body["decisions"]}
