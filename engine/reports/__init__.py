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


from importlib import import_module

#: Where each name lives. Imported on first use (PEP 562): reading
#: ``engine.reports.labels`` must not load openpyxl (command-line start-up).
_HOME = {
    "burden_report": "burden",
    "to_csv": "export",
    "to_xlsx": "export",
    "Filters": "rows",
    "Row": "rows",
    "build_rows": "rows",
    "classify": "rows",
    "Gap": "unnecessary",
    "UnnecessaryReport": "unnecessary",
    "art4_document_types": "unnecessary",
    "gap_list": "unnecessary",
    "totals": "unnecessary",
    "unnecessary_report": "unnecessary",
}


def __getattr__(name: str):
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_HOME))

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
