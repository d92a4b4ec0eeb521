"""Reports for reform officers, built from the engine's decisions.

Pure functions over a list of :class:`~engine.models.Evaluation` (from
:meth:`Engine.evaluate_all`) and the :class:`~engine.catalogue.Catalogue`:
no report re-implements rule logic.

- :func:`unnecessary_report`: every requirement the rules strike or replace
  (conditional rows when the decision hangs on an applicant attribute), totals
  by ministry, field, level and source, and the Art. 3.2 gap list.
- :func:`burden_report`: the same priced in hours and VND by the Standard Cost
  Model (:mod:`engine.costs`).
- :func:`to_csv`, :func:`to_xlsx`: output for officers.
"""

from .burden import burden_report
from .export import to_csv, to_xlsx
from .rows import Filters, Row, build_rows, classify
from .unnecessary import Gap, UnnecessaryReport, art4_document_types, gap_list, totals, unnecessary_report

__all__ = [
    "Filters",
    "Gap",
    "Row",
    "UnnecessaryReport",
    "art4_document_types",
    "build_rows",
    "burden_report",
    "classify",
    "gap_list",
    "to_csv",
    "to_xlsx",
    "totals",
    "unnecessary_report",
]
