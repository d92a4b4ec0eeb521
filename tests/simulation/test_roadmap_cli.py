"""The roadmap's greedy order, and the CLI commands end to end."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.loading import DEFAULT_ROOT
from engine.simulation import Population, Simulator
from engine.simulation.roadmap import load_candidates, roadmap

from .conftest import FakeCosts
from .helpers import DIPLOMA_SOURCE, params, scenario

SEP = dt.date(2026, 9, 1)


def test_greedy_order_and_cumulative(tiny):
    land = scenario([{"op": "coverage", "source": "lands", "attribute": "land-use", "add": ["agricultural"], "from": "2026-07-01"}], id="land")
    dips = scenario([DIPLOMA_SOURCE], id="dips")
    same_land = scenario([{"op": "coverage", "source": "lands", "attribute": "land-use", "add": ["agricultural"], "from": "2026-08-01"}], id="land-again")
    pop = Population.expected(params(land={"residential": 0.5, "agricultural": 0.5}))
    sim = Simulator(tiny, FakeCosts())
    r = roadmap(tiny, [land, dips, same_land], SEP, population=pop, simulator=sim)
    # diploma: 500 docs a year x 2 h = 1000 h; land: 0.5 x 500 x 2 = 500 h; land again: nothing left.
    assert [s["candidate"] for s in r["steps"]] == ["dips", "land", "land-again"]
    assert [s["marginal"]["hours_saved_per_year"] for s in r["steps"]] == pytest.approx([1000, 500, 0])
    assert [s["cumulative"]["hours_saved_per_year"] for s in r["steps"]] == pytest.approx([1000, 1500, 1500])
    r = roadmap(tiny, [land, dips, same_land], SEP, budget=1, population=pop, simulator=sim)
    assert [s["candidate"] for s in r["steps"]] == ["dips"] and r["not_chosen"] == ["land", "land-again"]


def test_shipped_candidates_load():
    header, cands = load_candidates(DEFAULT_ROOT / "scenarios" / "roadmap-candidates.yaml")
    assert len(cands) == 10 and header["as_of"]
    assert all(c.head.estimate for c in cands)


runner = CliRunner()


def test_cli_simulate_json_csv_and_charts(tmp_path):
    res = runner.invoke(app, ["simulate", "religion-database-2025", "--catalogue", str(DEFAULT_ROOT), "--format", "json", "--population", "1000"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["scenario"]["id"] == "religion-database-2025"
    assert data["totals"]["requirements_removed"] > 0 and data["timeline"]
    res = runner.invoke(app, ["simulate", str(DEFAULT_ROOT / "scenarios" / "land-phase-2.yaml"), "--catalogue", str(DEFAULT_ROOT), "--format", "csv",
                              "--from", "2026-05-01", "--to", "2026-08-01"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].startswith("scenario,as_of,level,key")
    assert sum(1 for line in res.stdout.splitlines() if ",month," in line) == 4
    for name in ("c.png", "c.html"):
        res = runner.invoke(app, ["simulate", "population-outage", "--catalogue", str(DEFAULT_ROOT), "--population", "2000", "--chart", str(tmp_path / name)])
        assert res.exit_code == 0, res.output
        assert (tmp_path / name).stat().st_size > 1000
    page = (tmp_path / "c.html").read_text()
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_cli_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: {vi: x, en: x}\ndescription: x\noperations:\n  - op: nope\n")
    res = runner.invoke(app, ["simulate", str(bad), "--catalogue", str(DEFAULT_ROOT)])
    assert res.exit_code == 2
    text = " ".join(res.output.split())
    assert "bad.yaml:5:" in text and "operations[0].op" in text and "unknown operation" in text


def test_cli_roadmap(tmp_path):
    res = runner.invoke(app, ["roadmap", str(DEFAULT_ROOT / "scenarios" / "roadmap-candidates.yaml"), "--catalogue", str(DEFAULT_ROOT), "--budget", "3", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data["steps"]) == 3
    marg = [s["marginal"]["hours_saved_per_year"] for s in data["steps"]]
    assert marg == sorted(marg, reverse=True)
    assert data["steps"][-1]["cumulative"]["hours_saved_per_year"] == pytest.approx(sum(marg))
