"""The burden report: unnecessary copies x yearly volumes -> hours and VND.

The unnecessary-copies report's rows, each priced with the Standard Cost Model
(:mod:`engine.costs`): a row removes one document per dossier, in ``copies``
copies, ``volume`` dossiers a year. Rows whose volume is the model's default
(or a cited volume marked as an estimate) carry ``volume_estimated: true``;
every hour and VND figure is an estimate because the model's values are.

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> cat = load_catalogue().catalogue
>>> day = dt.date(2026, 6, 1)
>>> rep = burden_report(Engine(cat).evaluate_all(day, {"nationality": "vn"}), cat, day)
>>> round(rep.total["hours"]) == round(sum(r.extra["hours"] for r in rep.rows if not r.conditional))
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..catalogue import Catalogue
from ..costs import CostModel, load_cost_model
from ..models import Evaluation
from .rows import Filters
from .unnecessary import GROUPS, UnnecessaryReport, empty_totals, group_key, totals, unnecessary_report

#: Numeric row fields summed in the totals of the burden report.
MEASURES = ("copies_per_year", "documents_per_year", "hours", "vnd")


def price_rows(report: UnnecessaryReport, catalogue: Catalogue, model: CostModel) -> None:
    """Add volume, copies per year, hours and VND to every row's ``extra`` (in place)."""
    for row in report.rows:
        per_year, estimated = model.volume(catalogue.procedures[row.procedure])
        copies_per_year = row.copies * per_year
        hours, vnd = model.burden(copies_per_year, per_year)
        row.extra.update(
            volume_per_year=per_year,
            volume_estimated=estimated,
            copies_per_year=copies_per_year,
            documents_per_year=per_year,
            hours=hours,
            vnd=vnd,
        )


def burden_report(
    evaluations: list[Evaluation],
    catalogue: Catalogue,
    as_of: dt.date | None = None,
    filters: Filters | None = None,
    model: CostModel | None = None,
    lang: str = "vi",
) -> UnnecessaryReport:
    """The unnecessary-copies report priced by the cost model.

    Parameters
    ----------
    evaluations, catalogue, as_of, filters, lang
        As for :func:`~engine.reports.unnecessary.unnecessary_report`.
    model : CostModel, optional
        Default: :func:`engine.costs.load_cost_model` on the report date.

    Returns
    -------
    UnnecessaryReport
        ``meta["report"] == "burden"``; ``total`` and ``by`` also sum
        ``copies_per_year``, ``documents_per_year``, ``hours`` and ``vnd``
        (definite, and ``conditional_*`` for conditional rows);
        ``meta["estimated_volume_rows"]`` counts rows on an estimated volume;
        ``meta["cost_model"]`` gives every value used with its provenance.

    Raises
    ------
    CostModelError
        The cost-model parameters are missing or malformed.
    """
    report = unnecessary_report(evaluations, catalogue, as_of, filters, lang)
    model = model or load_cost_model(catalogue, report.as_of)
    price_rows(report, catalogue, model)
    report.total = totals(report.rows, extra=MEASURES).get("all", empty_totals() | _zeros())
    report.by = {name: totals(report.rows, group_key(name), extra=MEASURES) for name in GROUPS}
    estimated = [r for r in report.rows if r.extra.get("volume_estimated")]
    report.meta = {
        "report": "burden",
        "estimate": True,
        "estimated_volume_rows": len(estimated),
        "estimated_volume_procedures": len({r.procedure for r in estimated}),
        "cost_model": model.as_dict(),
    }
    return report


def _zeros() -> dict[str, Any]:
    return {name: 0 for name in MEASURES} | {f"conditional_{name}": 0 for name in MEASURES}
