"""``onceonly graph`` through typer's CliRunner, on the shipped catalogue."""

from __future__ import annotations

import json

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


def run_json(*args):
    result = runner.invoke(app, ["graph", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_dependencies(vn):
    data = run_json("dependencies", *BASE, "--applicant", vn, "--ministry", "bo-tu-phap")
    assert data["dependencies"] and all("bo-tu-phap" in (d["from"], d["to"]) for d in data["dependencies"])


def test_impact_and_rank(vn):
    imp = run_json("impact", "population", *BASE, "--applicant", vn)
    assert imp["source"] == "population" and imp["change"] == "offline" and imp["copies_per_year"] > 0 and imp["flips"]
    ranked = run_json("rank-sources", *BASE, "--applicant", vn)
    assert ranked["sources"][0]["rank"] == 1 and ranked["estimate"] is True
    bad = runner.invoke(app, ["graph", "impact", "nowhere", *BASE])
    assert bad.exit_code == 2 and "unknown source 'nowhere'" in bad.stderr


def test_prerequisites():
    one = run_json("prerequisites", "1.000894", *BASE)
    assert one["procedure"] == "1.000894" and one["longest_chain"][-1] == "1.000894"
    overall = run_json("prerequisites", *BASE, "--limit", "3")
    assert len(overall["longest_chains"]) <= 3
    bad = runner.invoke(app, ["graph", "prerequisites", "9.999999", *BASE])
    assert bad.exit_code == 2 and "unknown procedure '9.999999'" in bad.stderr


def test_export_and_draw(tmp_path, vn):
    data = run_json("export", str(tmp_path / "g.graphml"), *BASE)
    assert data["nodes"] > 0 and (tmp_path / "g.graphml").exists()
    pic = run_json("draw", "bo-tu-phap", "--output", str(tmp_path / "btp.svg"), *BASE, "--applicant", vn)
    assert pic["path"].endswith("btp.svg") and (tmp_path / "btp.svg").stat().st_size > 1000
