"""Population shares from equivalence classes equal those from every applicant one by one."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from engine.evaluator import Engine
from engine.loading import DEFAULT_ROOT, load_catalogue
from engine.models import Status
from engine.simulation import Population, Simulator, load_parameters, load_scenario
from engine.simulation.population import parse_parameters
from engine.simulation.scenario import ScenarioError

from .conftest import FakeCosts
from .helpers import params, scenario

N = 2_000


def _per_applicant(engine: Engine, cat, code: str, members, day) -> dict[str, int]:
    """The oracle: evaluate every applicant, no classes, no cache."""
    counts = {r.id: 0 for r in cat.procedures[code].requirements}
    known = cat.attributes
    for m in members:
        ev = engine.evaluate(code, {k: v for k, v in m.items() if k in known}, day, use_cache=False)
        for d in ev.decisions:
            if d.status in (Status.struck, Status.replaced):
                counts[d.requirement.id] += 1
    return counts


def _class_counts(result: dict, code: str, side: str, n: int) -> dict[str, int]:
    proc = next((p for p in result["procedures"] if p["code"] == code), None)
    rows = {r["id"]: r for r in proc["requirements"]} if proc else {}
    return {rid: round(r[side]["removed"] * n) for rid, r in rows.items()}


@pytest.mark.parametrize("seed", [1, 2])
def test_class_shares_equal_one_by_one_tiny(tiny, seed):
    pop = Population.materialise(params(nationality={"vn": 0.7, "foreign": 0.3}, land={"residential": 0.4, "agricultural": 0.6}), N, seed)
    sc = scenario([{"op": "coverage", "source": "lands", "attribute": "land-use", "add": ["agricultural"], "from": "2026-07-01"},
                   {"op": "coverage", "source": "ids", "attribute": "nationality", "add": ["foreign"], "from": "2026-07-01"}])
    day = dt.date(2026, 9, 1)
    sim = Simulator(tiny, FakeCosts())
    after = sim.scenario_side(sc)
    result = sim.compare(sim.base, after, day, (), pop)
    for code in tiny.procedures:
        for side, cat in (("before", tiny), ("after", after.catalogue)):
            oracle = _per_applicant(Engine(cat), cat, code, pop.members, day)
            classes = _class_counts(result, code, side, N)
            for rid, count in classes.items():
                assert count == oracle[rid], (code, side, rid)


def test_class_shares_equal_one_by_one_real_catalogue():
    """The same on shipped procedures and the population-foreigners scenario."""
    cat = load_catalogue().catalogue
    sc = load_scenario(DEFAULT_ROOT / "scenarios" / "population-foreigners.yaml")
    pop = Population.materialise(load_parameters(DEFAULT_ROOT / "parameters" / "population.yaml"), N, 7)
    # Enough foreigners to matter in a small sample.
    day = dt.date(2026, 9, 1)
    sim = Simulator(cat, None)
    after = sim.scenario_side(sc)
    result = sim.compare(sim.base, after, day, (), pop)
    codes = [p["code"] for p in result["procedures"]][:3]
    assert codes
    for code in codes:
        for side, c in (("before", cat), ("after", after.catalogue)):
            oracle = _per_applicant(Engine(c), c, code, pop.members, day)
            for rid, count in _class_counts(result, code, side, N).items():
                assert count == oracle[rid], (code, side, rid)


def test_multinomial_counts_are_a_population_of_n():
    p = load_parameters(DEFAULT_ROOT / "parameters" / "population.yaml")
    pop = Population.generate(p, 1_000_000, 3)
    assert int(pop.weights.sum()) == 1_000_000
    classes = pop.classes(("nationality", "vneid"))
    assert sum(w for _, w in classes) == 1_000_000
    share_vn = pop.marginal("nationality")["vn"]
    assert abs(share_vn - 0.995) < 0.001
    # Grouped classes: vneid level2 vs the rest.
    grouped = pop.classes(("vneid",), {"vneid": [frozenset({"level2"})]})
    assert len(grouped) == 2 and sum(w for _, w in grouped) == 1_000_000
    assert {m["vneid"] in ("none", "level1") for m, _ in grouped} == {True, False}


def test_conditional_shares_follow_their_parent():
    p = load_parameters(DEFAULT_ROOT / "parameters" / "population.yaml")
    pop = Population.expected(p)
    names = pop.attributes
    w = pop.weights.sum(axis=tuple(i for i in range(len(names)) if names[i] not in ("nationality", "vneid")))
    ni, vi = names.index("nationality"), names.index("vneid")
    table = w if ni < vi else w.T
    nat = pop.values[ni]
    row = table[nat.index("stateless")]
    assert row[pop.values[vi].index("level2")] == 0
    assert np.isclose(table.sum(), 1.0)


def test_population_parameters_errors_name_the_field():
    with pytest.raises(ScenarioError) as exc:
        parse_parameters({"label": "x", "description": "x", "synthetic": True,
                          "attributes": {"nationality": {"shares": {"vn": 0.5}, "reference": {"source": "t"}}}}, file="pop.yaml")
    assert "pop.yaml" in str(exc.value) and "attributes.nationality" in str(exc.value) and "add up" in str(exc.value)
    with pytest.raises(ScenarioError) as exc:
        parse_parameters({"label": "x", "description": "x", "synthetic": False, "attributes": {}}, file="pop.yaml")
    assert "synthetic" in str(exc.value)
