"""Where the store lives, and that URLs never show passwords."""

from __future__ import annotations

from pathlib import Path

from engine.store import display_url, resolve_url
from engine.store import migrate


def test_default_is_sqlite_under_onceonly_home(monkeypatch, tmp_path):
    monkeypatch.delenv("ONCEONLY_DATABASE_URL", raising=False)
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path))
    assert resolve_url() == f"sqlite:///{tmp_path / 'onceonly.db'}"
    monkeypatch.delenv("ONCEONLY_HOME")
    assert resolve_url() == f"sqlite:///{Path('~/.local/share/onceonly/onceonly.db').expanduser()}"


def test_explicit_url_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ONCEONLY_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


def test_display_masks_password():
    shown = display_url("postgresql+psycopg://user:s3cret@db.example/onceonly")
    assert "s3cret" not in shown and "user" in shown


def test_migrations_form_one_linear_chain():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [rev.revision for rev in scripts.walk_revisions()]  # head first
    assert chain[0] == migrate.head() and chain[-1] == "0001"
    # Each revision revises the one before it: no branches, no merges.
    for newer, older in zip(chain, chain[1:]):
        assert scripts.get_revision(newer).down_revision == older


def test_open_creates_the_sqlite_folder(tmp_path):
    from engine.store import open_store

    target = tmp_path / "deep" / "er" / "store.db"
    with open_store(str(target)) as store:
        assert store.count() == 0
    assert target.is_file()
