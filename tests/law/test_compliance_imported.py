"""The appendices on the national catalogue (the portal fixture in ../shared).

The issue's measure: of the Appendix I rows whose procedure is in the fixture
and whose dossier still names the listed paper, how many the engine strikes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from engine.evaluator import Engine
from engine.importer import parse_folder
from engine.loading import load_catalogue
from engine.reports.compliance import compliance_report

DAY = dt.date(2026, 6, 1)
#: A Vietnamese citizen acting for an enterprise: every Art. 4 database holds them.
COVERED = {"nationality": "vn", "entity-kind": "enterprise"}


@pytest.fixture(scope="module")
def national(portal_data):
    procs, _, _, _ = parse_folder(portal_data)
    cat = load_catalogue().catalogue.copy_on_write("national")
    cat.procedures = {p.code: p for p, _ in procs}
    return cat


def test_appendix_i_rows_still_named_are_struck(national):
    rep = compliance_report(Engine(national).evaluate_all(DAY, COVERED), national, DAY)
    named = [r for r in rep.rows if r.appendix == "I" and r.asked]
    struck = [r for r in named if r.state == "struck"]
    print(f"\nAppendix I rows in the fixture whose dossier names the paper: {len(named)}; struck for a covered applicant: {len(struck)}")
    for r in named:
        if r.state != "struck":
            print(f"  kept: I.{r.item} {r.code} {r.document[:60]!r}: {r.reason}")
    assert len(named) >= 50
    assert len(struck) >= 0.95 * len(named)
    # Every row that stays names why (surrendered, foreign, an unannounced database...).
    assert all(r.reason for r in named if r.state == "required")
