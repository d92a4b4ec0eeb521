"""``onceonly import`` and ``onceonly versions`` through typer's runner."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

import engine.importer
from engine.cli.importing import register
from .store_helpers import stub_list, stub_parse, write


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: stub_parse)
    monkeypatch.setattr(engine.importer, "default_lister", stub_list)
    cli = typer.Typer()
    register(cli)
    return cli


@pytest.fixture
def runner():
    return CliRunner()


def test_import_json_then_versions(app, runner, tmp_path, store_url):
    write(tmp_path / "in", "bo-tu-phap", "1.000001.json", {"ma_thu_tuc": "1.000001", "entries": ["Tờ khai"]})
    write(tmp_path / "in", "bo-tu-phap", "bad.json", "{")
    result = runner.invoke(app, ["import", str(tmp_path / "in"), "--into", store_url, "--report", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["version"] == 1 and data["skipped"] == 1
    assert data["problems"][0]["file"] == "bo-tu-phap/bad.json"
    assert data["report"]["parsed"] == 1
    write(tmp_path / "in", "bo-tu-phap", "1.000001.json", {"ma_thu_tuc": "1.000001", "entries": ["Đơn"]})
    assert runner.invoke(app, ["import", str(tmp_path / "in"), "--into", store_url]).exit_code == 0
    versions = json.loads(runner.invoke(app, ["versions", "--into", store_url, "--format", "json"]).stdout)
    assert [v["id"] for v in versions] == [1, 2]
    assert versions[1]["changes"][0]["requirements_added"] == ["Đơn"]
    assert versions[1]["changes"][0]["requirements_removed"] == ["Tờ khai"]
    table = runner.invoke(app, ["versions", "--into", store_url])
    assert table.exit_code == 0 and "+ Đơn" in table.stdout and "- Tờ khai" in table.stdout


def test_import_table_default_store(app, runner, tmp_path, monkeypatch):
    monkeypatch.delenv("ONCEONLY_DATABASE_URL", raising=False)
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path / "home"))
    write(tmp_path / "in", "bo-tu-phap", "1.000001.json", {"ma_thu_tuc": "1.000001", "entries": ["Tờ khai"]})
    result = runner.invoke(app, ["import", str(tmp_path / "in"), "--report", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "catalogue version" in result.stdout and "Per ministry" in result.stdout
    assert (tmp_path / "home" / "onceonly.db").is_file()


def test_import_nothing_exits_one(app, runner, tmp_path):
    write(tmp_path / "in", "bo-tu-phap", "bad.json", "{")
    result = runner.invoke(app, ["import", str(tmp_path / "in"), "--into", str(tmp_path / "s.db"), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["parsed"] == 0


def test_unreachable_database_is_reported_without_password(app, runner, tmp_path):
    url = "postgresql+psycopg://someone:s3cret@127.0.0.1:1/nowhere"
    result = runner.invoke(app, ["versions", "--into", url])
    assert result.exit_code == 2
    assert "s3cret" not in result.output and "cannot open the store" in result.stderr
