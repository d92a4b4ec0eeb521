"""``onceonly report`` through typer's CliRunner, on the shipped catalogue."""

from __future__ import annotations

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.loading import DEFAULT_ROOT

runner = CliRunner()
BASE = ["--as-of", "2026-06-01", "--catalogue", str(DEFAULT_ROOT)]


@pytest.fixture
def vn(tmp_path):
    path = tmp_path / "vn.json"
    path.write_text('{"nationality": "vn"}')
    return str(path)


def test_unnecessary_json_only_json(vn):
    result = runner.invoke(app, ["report", "unnecessary", *BASE, "--applicant", vn, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["report"] == "unnecessary" and data["as_of"] == "2026-06-01"
    assert data["total"]["requirements"] == len([r for r in data["rows"] if not r["conditional"]])
    assert {"ministry", "field", "level", "source"} <= set(data["totals"])
    assert data["gaps"]


def test_filters_and_unknown_values(vn):
    result = runner.invoke(app, ["report", "unnecessary", *BASE, "--applicant", vn, "--ministry", "bo-tu-phap", "--source", "civil-status", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["rows"] and {(r["ministry"], r["source"]) for r in data["rows"]} == {("bo-tu-phap", "civil-status")}
    bad = runner.invoke(app, ["report", "unnecessary", *BASE, "--source", "nowhere"])
    assert bad.exit_code == 2 and "unknown source 'nowhere'" in bad.stderr


def test_xlsx_written_and_path_printed(vn, tmp_path):
    out = tmp_path / "u.xlsx"
    result = runner.invoke(app, ["report", "unnecessary", *BASE, "--applicant", vn, "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Tổng hợp" and "Bộ Tư pháp" in wb.sheetnames


def test_csv_and_table(vn):
    csv_out = runner.invoke(app, ["report", "unnecessary", *BASE, "--applicant", vn, "--format", "csv", "--lang", "en"])
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("Procedure code,")
    table = runner.invoke(app, ["report", "unnecessary", *BASE, "--applicant", vn])
    assert table.exit_code == 0 and "Tổng cộng" in table.stdout


def test_burden_json_labels_estimates(vn):
    result = runner.invoke(app, ["report", "burden", *BASE, "--applicant", vn, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["report"] == "burden" and data["estimate"] is True
    assert data["total"]["hours"] > 0 and data["total"]["vnd"] > 0
    assert any(r["volume_estimated"] for r in data["rows"]) and any(not r["volume_estimated"] for r in data["rows"])
    assert data["cost_model"]["parameters"]["hourly_tariff_vnd"]["estimate"] is True
