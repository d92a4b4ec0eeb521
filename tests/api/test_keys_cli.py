"""``onceonly keys``: reading commands never create a store; a mistyped URL is one
``error:`` line and exit 2, with nothing written."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from engine.cli import app


@pytest.fixture()
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ONCEONLY_DATABASE_URL", raising=False)
    return CliRunner()


@pytest.mark.parametrize("argv", [["list"], ["revoke", "1"]], ids=["list", "revoke"])
@pytest.mark.parametrize("where", ["typo.db", "no-such-folder/onceonly.db"])
def test_reading_commands_never_create_a_sqlite_file(runner, tmp_path, argv, where):
    target = tmp_path / where
    r = runner.invoke(app, ["keys", *argv, "--database", f"sqlite:///{target}"])
    assert r.exit_code == 2, r.output
    assert r.output.count("error:") == 1 and "nothing was created" in r.output
    assert "Traceback" not in r.output
    assert not target.exists() and not target.parent.joinpath("onceonly.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # not even the home or a folder


def test_create_makes_the_store_and_the_readers_then_find_it(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'keys.db'}"
    created = runner.invoke(app, ["keys", "create", "portal", "--database", db, "--format", "json"])
    assert created.exit_code == 0, created.output
    key_id = json.loads(created.stdout)["id"]
    listed = runner.invoke(app, ["keys", "list", "--database", db, "--format", "json"])
    assert [k["id"] for k in json.loads(listed.stdout)] == [key_id]
    assert runner.invoke(app, ["keys", "revoke", str(key_id), "--database", db]).exit_code == 0


def test_an_unreachable_postgresql_is_one_line_without_the_password(runner):
    r = runner.invoke(app, ["keys", "list", "--database", "postgresql+psycopg://u:hunter2@127.0.0.1:1/x"])
    assert r.exit_code == 2
    assert r.output.startswith("error: cannot open the store at postgresql+psycopg://u:***@127.0.0.1:1/x")
    assert "hunter2" not in r.output and "Traceback" not in r.output
