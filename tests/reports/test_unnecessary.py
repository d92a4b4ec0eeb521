"""The unnecessary-copies and burden reports on the hand-built and the curated catalogue."""

from __future__ import annotations

import datetime as dt

import pytest

from .hand_catalogue import DAY, VN

from engine.costs import load_cost_model
from engine.reports import Filters, burden_report, unnecessary_report
from engine.reports.burden import MEASURES
from engine.reports.unnecessary import GROUPS


def report(hand, applicant=VN, **filters):
    cat, engine = hand
    return unnecessary_report(engine.evaluate_all(DAY, applicant), cat, DAY, Filters(**filters))


def test_rows_and_totals_known(hand):
    rep = report(hand)
    assert [(r.procedure, r.requirement, r.copies, r.source, r.rule) for r in rep.rows] == [
        ("1.000001", "id", 2, "db", "strike-db"),
        ("1.000002", "cert", 1, "db", "strike-db"),
        ("1.000002", "id", 2, "db", "strike-db"),
        ("2.000003", "cert", 1, "db", "strike-db"),
    ]
    assert rep.total == {"requirements": 4, "copies": 6, "conditional_requirements": 0, "conditional_copies": 0, "procedures": 3}
    assert rep.by["ministry"]["agency-a"]["requirements"] == 3 and rep.by["ministry"]["agency-a"]["copies"] == 5
    assert rep.by["ministry"]["agency-b"]["copies"] == 1
    assert rep.by["field"]["F1"]["copies"] == 3 and rep.by["field"]["F2"]["copies"] == 3
    assert rep.by["level"]["province"]["requirements"] == 2
    assert all(r.legal_basis and "Test Act" in r.legal_basis for r in rep.rows)


def test_without_applicant_rows_are_conditional(hand):
    rep = report(hand, applicant={})
    assert len(rep.rows) == 4 and all(r.conditional and r.struck_if == {"nationality": ["vn"]} for r in rep.rows)
    assert rep.total["requirements"] == 0 and rep.total["conditional_copies"] == 6


def test_gap_list(hand):
    rep = report(hand)
    assert {g.procedure: g.requirements for g in rep.gaps} == {"1.000001": ["id"], "1.000002": ["cert", "id"], "2.000003": ["cert"]}
    assert all(g.sources == ["db"] for g in rep.gaps)
    assert rep.gaps[1].statuses == {"cert": "struck", "id": "struck"}


@pytest.mark.parametrize(
    "filters, codes",
    [
        ({"ministry": "agency-b"}, {"2.000003"}),
        ({"field": "f1"}, {"1.000001", "2.000003"}),
        ({"level": "province"}, {"1.000002"}),
        ({"source": "db2"}, set()),
    ],
)
def test_filters(hand, filters, codes):
    rep = report(hand, **filters)
    assert {r.procedure for r in rep.rows} == codes


def assert_totals_sum_rows(rep, measures=()):
    for kind in ("", "conditional_"):
        rows = [r for r in rep.rows if r.conditional == (kind == "conditional_")]
        assert rep.total.get(kind + "requirements", 0) == len(rows)
        assert rep.total.get(kind + "copies", 0) == sum(r.copies for r in rows)
        for m in measures:
            assert rep.total[kind + m] == pytest.approx(sum(r.extra[m] for r in rows))
        for group in GROUPS:
            groups = rep.by[group].values()
            assert sum(g[kind + "requirements"] for g in groups) == len(rows)
            assert sum(g[kind + "copies"] for g in groups) == sum(r.copies for r in rows)
            for m in measures:
                assert sum(g[kind + m] for g in groups) == pytest.approx(sum(r.extra[m] for r in rows))


def test_totals_equal_sum_of_rows_hand(hand):
    assert_totals_sum_rows(report(hand))
    assert_totals_sum_rows(report(hand, applicant={}))


@pytest.mark.parametrize("applicant", [{}, {"nationality": "vn"}, {"nationality": "vn", "vneid": "level2", "land-use": "residential"}])
def test_totals_equal_sum_of_rows_curated(engine, catalogue, applicant):
    rep = unnecessary_report(engine.evaluate_all(DAY, applicant), catalogue, DAY)
    assert rep.rows
    assert_totals_sum_rows(rep)
    bur = burden_report(engine.evaluate_all(DAY, applicant), catalogue, DAY)
    assert_totals_sum_rows(bur, MEASURES)


def test_curated_birth_registration_identity_struck(engine, catalogue):
    rep = unnecessary_report(engine.evaluate_all(DAY, VN), catalogue, DAY, Filters(ministry="bo-tu-phap"))
    rows = {(r.procedure, r.requirement): r for r in rep.rows}
    assert rows[("1.001193", "identity")].source == "population"
    assert all(r.ministry == "bo-tu-phap" for r in rep.rows)


def test_curated_household_book_struck_after_2023_only(engine, catalogue):
    """Decree 104/2022: the household book is struck from 2023, kept before."""
    after = unnecessary_report(engine.evaluate_all(dt.date(2023, 6, 1), VN), catalogue)
    before = unnecessary_report(engine.evaluate_all(dt.date(2022, 6, 1), VN), catalogue)
    book = lambda rep: [r for r in rep.rows if "household-book" in r.document_types]
    if not any("household-book" in req.document_types for p in catalogue.procedures.values() for req in p.requirements):
        pytest.skip("no curated procedure lists a household book")
    assert book(after) and not book(before)


def test_burden_known_figures(hand):
    cat, engine = hand
    model = load_cost_model(cat, DAY)
    rep = burden_report(engine.evaluate_all(DAY, VN), cat, DAY)
    first = rep.rows[0]  # 1.000001 id: 2 copies, 1,000 dossiers a year (cited)
    assert first.extra["volume_per_year"] == 1000 and first.extra["volume_estimated"] is False
    assert first.extra["copies_per_year"] == 2000
    assert first.extra["hours"] == pytest.approx(1000 * model.hours_per_document)
    assert first.extra["vnd"] == pytest.approx(1000 * model.hours_per_document * model.hourly_tariff_vnd + 2000 * model.vnd_per_copy)
    default = model.default_volume_per_year
    assert rep.total["copies_per_year"] == 2000 + 4 * default
    assert rep.meta["estimated_volume_procedures"] == 2 and rep.meta["estimate"] is True
    assert rep.meta["cost_model"]["parameters"]["hours_per_document"]["estimate"] is True
    assert_totals_sum_rows(rep, MEASURES)
