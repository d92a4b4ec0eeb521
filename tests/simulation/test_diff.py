"""Scenario diffs known by hand on the tiny catalogue of conftest.py."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.simulation import Population, apply, simulate

from .conftest import FakeCosts
from .helpers import DIPLOMA_SOURCE, params, scenario

SEP = dt.date(2026, 9, 1)


def test_new_source_strikes_the_diploma_for_everyone(tiny):
    sc = scenario([DIPLOMA_SOURCE])
    r = simulate(tiny, sc, as_of=SEP, start=dt.date(2026, 5, 1), end=dt.date(2026, 8, 1), cost_model=FakeCosts())
    t = r["totals"]
    # P2's diploma: 1 original, 500 dossiers a year, 2 hours a document.
    assert t["procedures"] == 1
    assert t["requirements_removed"] == 1 and t["requirements_added"] == 0
    assert t["copies_removed"] == 1 and t["copies_removed_per_year"] == 500
    assert t["hours_saved_per_year"] == 1000
    assert t["vnd_saved_per_year"] == 1000 * 100 + 500 * 10
    assert list(r["by_ministry"]) == ["m2"]
    assert list(r["by_source"]) == ["dips"]
    assert [p["code"] for p in r["procedures"]] == ["1.000002"]
    assert [q["id"] for q in r["procedures"][0]["requirements"]] == ["diploma"]
    # Month by month: nothing before the announcement on 1 Jul.
    assert [(m["date"], m["copies_removed_per_year"]) for m in r["timeline"]] == [
        ("2026-05-01", 0), ("2026-06-01", 0), ("2026-07-01", 500), ("2026-08-01", 500),
    ]


def test_coverage_extension_with_a_population(tiny):
    sc = scenario([{"op": "coverage", "source": "lands", "attribute": "land-use", "add": ["agricultural"], "from": "2026-07-01"}])
    pop = Population.expected(params(land={"residential": 0.25, "agricultural": 0.75}))
    r = simulate(tiny, sc, as_of=SEP, start=dt.date(2026, 6, 1), end=dt.date(2026, 7, 1), population=pop, cost_model=FakeCosts())
    t = r["totals"]
    # Land certificate (2 copies) now struck for the 75% on agricultural land too.
    assert t["requirements_removed"] == pytest.approx(0.75)
    assert t["copies_removed"] == pytest.approx(1.5)
    assert t["copies_removed_per_year"] == pytest.approx(750)
    assert t["hours_saved_per_year"] == pytest.approx(0.75 * 500 * 2)
    docs = {d["document_type"]: d for d in r["documents"]}
    assert docs["land-cert"]["before_share_struck"] == pytest.approx(0.25)
    assert docs["land-cert"]["after_share_struck"] == pytest.approx(1.0)
    assert [m["copies_removed_per_year"] for m in r["timeline"]] == pytest.approx([0, 750])
    # Without a population the change is only conditional (struck for some applicants).
    r0 = simulate(tiny, sc, as_of=SEP, cost_model=FakeCosts())
    assert r0["totals"]["requirements_removed"] == 0
    assert r0["totals"]["conditional_removed"] == 0  # conditional before and after: the values changed


def test_outage_adds_the_documents_back_on_its_day_only(tiny):
    sc = scenario([{"op": "outage", "source": "ids", "from": "2026-06-01", "to": "2026-06-01"}])
    pop = Population.expected(params(nationality={"vn": 1.0}))
    r = simulate(tiny, sc, as_of=dt.date(2026, 6, 1), start=dt.date(2026, 5, 1), end=dt.date(2026, 7, 1), population=pop, cost_model=FakeCosts())
    t = r["totals"]
    assert t["requirements_added"] == 1 and t["copies_added"] == 2
    assert t["copies_added_per_year"] == 2000
    assert t["hours_saved_per_year"] == -2000
    assert list(r["by_source"]) == ["ids"]
    assert [m["copies_added_per_year"] for m in r["timeline"]] == [0, 2000, 0]
    (o,) = r["outages"]
    assert o["days"] == 1 and o["copies_added_over_window"] == pytest.approx(2000 / 365, abs=1e-3)


def test_withdraw_and_repeal(tiny):
    pop = Population.expected(params())
    sc = scenario([{"op": "withdraw", "source": "ids", "date": "2026-08-01"}])
    r = simulate(tiny, sc, as_of=SEP, start=dt.date(2026, 7, 1), end=dt.date(2026, 8, 1), population=pop, cost_model=FakeCosts())
    assert r["totals"]["requirements_added"] == 1 and r["totals"]["copies_added_per_year"] == 2000
    assert [m["copies_added_per_year"] for m in r["timeline"]] == [0, 2000]
    sc = scenario([{"op": "repeal_rule", "rule": "r-lands"}])
    r = simulate(tiny, sc, as_of=SEP, population=pop, cost_model=FakeCosts())
    assert r["totals"]["copies_added"] == pytest.approx(1.0)  # 2 copies for the 50% on residential land


def test_requirement_and_volume_changes(tiny):
    sc = scenario([
        {"op": "change_requirements", "procedure": "1.000001", "remove": ["form"],
         "add": [{"id": "photo", "text": "Photo", "document_types": ["form"], "originals": 2}]},
        {"op": "volume", "procedure": "1.000002", "per_year": 1000, "reference": {"source": "t", "estimate": True}},
    ])
    r = simulate(tiny, sc, as_of=SEP, cost_model=FakeCosts())
    p1 = next(p for p in r["procedures"] if p["code"] == "1.000001")
    assert p1["requirements_removed"] == 1 and p1["requirements_added"] == 1
    assert p1["copies_removed"] == 1 and p1["copies_added"] == 2
    p2 = next(p for p in r["procedures"] if p["code"] == "1.000002")
    # Twice the dossiers: the still-asked land certificate (2 copies; struck only for
    # some applicants) and diploma (1) cost 500 x 3 more copies a year.
    assert p2["copies_added_per_year"] == 1500


def test_apply_never_touches_the_baseline(tiny):
    before = {k: v.model_dump() for k, v in tiny.sources.items()}
    version = tiny.version
    twin = apply(tiny, scenario([DIPLOMA_SOURCE, {"op": "coverage", "source": "ids", "attribute": "nationality", "add": ["foreign"], "from": "2026-07-01"}]))
    assert "dips" in twin.sources and "dips" not in tiny.sources
    assert {k: v.model_dump() for k, v in tiny.sources.items()} == before
    assert tiny.version == version and twin.version != version
