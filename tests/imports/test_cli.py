"""`onceonly import PATH --format auto|folder|json|jsonl|csv|xlsx` (``--input-format`` its old name; ``--output-format`` table|json)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from engine.cli import app

from .conftest import line, record, write_json

runner = CliRunner()


@pytest.fixture
def files(tmp_path):
    recs = [record("1.990201", agency="Bộ Tư pháp"), record("1.990202", agency="Ủy ban nhân dân cấp xã")]
    return {
        "array": write_json(tmp_path / "in" / "records.json", recs),
        "lines": write_json(tmp_path / "in" / "records.jsonl", "\n".join(line(r) for r in recs) + "\n"),
        "folder": write_json(tmp_path / "tree" / "bo-tu-phap" / "1.990201.json", recs[0]).parent.parent,
        "odd": write_json(tmp_path / "in" / "records.txt", "\n".join(line(r) for r in recs) + "\n"),
    }


def _import(*args):
    return runner.invoke(app, ["import", *map(str, args)])


@pytest.mark.parametrize(("which", "choice", "fmt", "parsed"), [
    ("array", "auto", "json", 2), ("array", "json", "json", 2),
    ("lines", "auto", "jsonl", 2), ("lines", "jsonl", "jsonl", 2),
    ("folder", "auto", "folder", 1), ("folder", "folder", "folder", 1),
    ("odd", "jsonl", "jsonl", 2),  # a name auto cannot read, told explicitly
])
def test_input_format_choices(files, tmp_path, which, choice, fmt, parsed):
    result = _import(files[which], "--into", tmp_path / "s.db", "--format", choice, "--output-format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["format"], out["parsed"], out["skipped"]) == (fmt, parsed, 0)


def test_unknown_ministry_is_in_the_summary(files, tmp_path):
    result = _import(files["lines"], "--into", tmp_path / "s.db", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "ministry from agency field" in result.stdout and "ministry unknown" in result.stdout
    assert "records.jsonl:2" in result.stderr and "ministry unknown" in result.stderr


@pytest.mark.parametrize(("which", "choice", "message"), [
    ("odd", "auto", "cannot tell its format"),
    ("folder", "jsonl", "a folder, not a jsonl file"),
    ("folder", "json", "a folder, not a json file"),
])
def test_a_path_that_cannot_be_read_so_stops_before_the_store(files, tmp_path, which, choice, message):
    db = tmp_path / "never.db"
    result = _import(files[which], "--into", db, "--input-format", choice, "--lang", "en")
    assert result.exit_code == 2 and message in result.stderr
    assert not db.exists()


def test_choices_are_checked(files, tmp_path):
    result = _import(files["array"], "--into", tmp_path / "s.db", "--format", "yaml")
    assert result.exit_code == 2 and "yaml" in result.output
    assert not (tmp_path / "s.db").exists()


def test_input_format_is_the_old_name_of_format(files, tmp_path):
    result = _import(files["lines"], "--into", tmp_path / "s.db", "--input-format", "jsonl", "--output-format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["format"] == "jsonl"
    clash = _import(files["lines"], "--into", tmp_path / "s.db", "--input-format", "jsonl", "--format", "csv", "--lang", "en")
    assert clash.exit_code == 2 and "disagree" in clash.stderr


def test_format_json_with_a_folder_still_means_json_output(files, tmp_path):
    # Before --format named the input, `import DIR --format json` asked for JSON on stdout.
    result = _import(files["folder"], "--into", tmp_path / "s.db", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["format"] == "folder"
    assert "--output-format json" in result.stderr
    table = _import(files["folder"], "--into", tmp_path / "s.db", "--format", "table", "--lang", "en")
    assert table.exit_code == 0 and "catalogue version" in table.stdout


def test_cut_json_lines_from_the_cli(files, tmp_path):
    path = files["lines"]
    path.write_text(path.read_text(encoding="utf-8")[:-30], encoding="utf-8")
    result = _import(path, "--into", tmp_path / "s.db", "--lang", "en")
    assert result.exit_code == 0
    assert "records.jsonl:2: " in result.stderr and "truncated record" in result.stderr
