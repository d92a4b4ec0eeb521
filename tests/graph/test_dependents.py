"""Who depends on a database or an agency, on the hand-built catalogue: every figure known
(see tests/reports/hand_catalogue.py)."""

from __future__ import annotations

import pytest

from engine.costs import load_cost_model
from engine.errors import UnknownSource
from engine.graph import UnknownNode, dependency_base, dependents, targets

from ..reports.hand_catalogue import DAY, VN


@pytest.fixture(scope="module")
def base(hand):
    _, engine = hand
    return dependency_base(engine, DAY, evaluations=engine.evaluate_all(DAY, VN))


@pytest.fixture(scope="module")
def model(hand):
    return load_cost_model(hand[0], DAY)


def test_a_database_its_ministries_and_procedures(base, model):
    d = model.default_volume_per_year
    hpd = model.hours_per_document
    out = dependents(base, "source", "db")
    assert (out["kind"], out["name"], out["owner"], out["owner_name"]) == ("source", "CSDL thử", "agency-b", "Cơ quan B")
    mins = {m["ministry"]: m for m in out["ministries"]}
    a, b = mins["agency-a"], mins["agency-b"]
    # a: 1.000001 (id, 2 copies, 1,000 a year), 1.000002 (cert 1 copy + id 2 copies, default volume).
    assert (a["procedures"], a["requirements"], a["data_requirements"], a["document_requirements"]) == (2, 3, 3, 0)
    assert a["copies"] == 5 and a["copies_per_year"] == 2 * 1000 + 3 * d
    assert a["hours"] == pytest.approx((1000 + 2 * d) * hpd) and a["conditional_copies_per_year"] == 0
    assert not a["own"] and b["own"] and (b["procedures"], b["copies_per_year"]) == (1, d)
    assert [m["ministry"] for m in out["ministries"]] == ["agency-a", "agency-b"]  # most procedures first
    assert out["total"]["procedures"] == 3 and out["total"]["copies_per_year"] == a["copies_per_year"] + b["copies_per_year"]
    procs = {p["code"]: p for p in out["procedures"]}
    assert procs["1.000001"]["copies_per_year"] == 2000 and procs["1.000001"]["volume_estimated"] is False
    assert procs["1.000002"]["requirements"] == 2 and procs["1.000002"]["volume_estimated"] is True
    assert all(p["sources"] == ["db"] for p in out["procedures"])
    assert dependents(base, "source", "db", lang="en")["ministries"][0]["name"] == "Agency A"


def test_an_agency_its_papers_and_its_databases(base):
    out = dependents(base, "agency", "agency-b")
    assert [s["id"] for s in out["sources"]] == ["db"]
    mins = {m["ministry"]: m for m in out["ministries"]}
    # a needs b's id card twice (a paper b issues), and b's database removes three of its papers.
    assert (mins["agency-a"]["document_requirements"], mins["agency-a"]["data_requirements"], mins["agency-a"]["requirements"]) == (2, 3, 3)
    assert (mins["agency-b"]["document_requirements"], mins["agency-b"]["data_requirements"], mins["agency-b"]["own"]) == (0, 1, True)
    assert out["total"]["copies_per_year"] == dependents(base, "source", "db")["total"]["copies_per_year"]
    # a issues licence-y and cert-x (a result of its 1.000001); its proposed db2 removes nothing yet.
    out = dependents(base, "agency", "agency-a")
    mins = {m["ministry"]: m for m in out["ministries"]}
    assert (mins["agency-b"]["document_requirements"], mins["agency-b"]["procedures"]) == (2, 1)
    assert (mins["agency-a"]["document_requirements"], mins["agency-a"]["own"]) == (1, True)
    assert out["total"]["copies_per_year"] == 0 and out["total"]["data_requirements"] == 0


def test_targets_name_what_can_be_asked(base):
    t = targets(base)
    sources = {s["id"]: s for s in t["sources"]}
    assert (sources["db"]["procedures"], sources["db"]["ministries"]) == (3, 2)
    assert (sources["db2"]["procedures"], sources["db2"]["proposed"]) == (0, True)
    agencies = {a["id"]: a for a in t["agencies"]}
    assert (agencies["agency-b"]["procedures"], agencies["agency-b"]["sources"]) == (3, ["db"])
    assert (agencies["agency-a"]["procedures"], agencies["agency-a"]["ministries"]) == (2, 2)
    assert [a["name"] for a in t["agencies"]] == ["Cơ quan A", "Cơ quan B"]


def test_unknown_targets(base):
    with pytest.raises(UnknownSource):
        dependents(base, "source", "atlantis")
    with pytest.raises(UnknownNode):
        dependents(base, "agency", "nobody")
    with pytest.raises(ValueError):
        dependents(base, "ministry", "agency-a")
