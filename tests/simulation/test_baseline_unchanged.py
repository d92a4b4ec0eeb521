"""Applying any shipped scenario leaves the baseline deciding exactly as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from engine.evaluator import Engine
from engine.loading import DEFAULT_ROOT, load_catalogue
from engine.simulation import apply, load_scenario, simulate

APPLICANTS = [{}, {"nationality": "vn", "vneid": "level2", "land-use": "residential"}, {"nationality": "foreign", "land-use": "agricultural"}]
DATES = [dt.date(2025, 6, 1), dt.date(2026, 6, 1), dt.date(2026, 10, 1)]


def _decisions(cat):
    engine = Engine(cat)
    out = []
    for code in sorted(cat.procedures):
        for applicant in APPLICANTS:
            for day in DATES:
                ev = engine.evaluate(code, applicant, day, use_cache=False)
                out.append(orjson.dumps([d.model_dump(mode="json", exclude={"trace"}) for d in ev.decisions]))
    return out


def test_baseline_decisions_unchanged_after_every_scenario():
    cat = load_catalogue().catalogue
    before = _decisions(cat)
    version = cat.version
    for path in sorted((DEFAULT_ROOT / "scenarios").glob("*.yaml")):
        if path.name == "roadmap-candidates.yaml":
            continue
        sc = load_scenario(path)
        twin = apply(cat, sc)
        assert twin is not cat
        simulate(cat, sc, cost_model=None)
    assert cat.version == version
    cat.invalidate()
    assert cat.version == version  # recomputed from the records themselves
    assert _decisions(cat) == before


def test_shipped_scenarios_are_valid():
    cat = load_catalogue().catalogue
    for path in sorted(Path(DEFAULT_ROOT / "scenarios").glob("*.yaml")):
        if path.name == "roadmap-candidates.yaml":
            continue
        sc = load_scenario(path)
        assert sc.head.references, path
        if sc.head.estimate:
            assert sc.head.assumptions and all(a.reference for a in sc.head.assumptions)
        apply(cat, sc)
        for op in sc.operations:
            if op.op == "add_source":
                assert op.source.proposed
