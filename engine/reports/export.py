"""Report output: CSV text and Excel workbooks made for reform officers.

The workbook has a summary sheet (date, filters, totals by ministry, field,
level and source), one sheet per ministry with its rows, a sheet for the
Art. 3.2 gap list, and for the burden report a sheet of cost-model parameters
with their provenance. Every sheet has a frozen header row, an auto-filter and
column widths fitted to the content. Headers are Vietnamese unless
``lang="en"``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .labels import BURDEN_COLUMNS, CAPTIONS, GAP_COLUMNS, GROUP_TITLES, ROW_COLUMNS, TOTAL_COLUMNS, label
from .rows import Row
from .unnecessary import UnnecessaryReport

MAX_WIDTH = 60
MIN_WIDTH = 6
_SHEET_BAD = re.compile(r"[\[\]\:\*\?\/\\]")


def is_burden(report: UnnecessaryReport) -> bool:
    return report.meta.get("report") == "burden"


def row_keys(report: UnnecessaryReport) -> list[str]:
    """Column keys of the report's rows, in output order."""
    keys = list(ROW_COLUMNS)
    if is_burden(report):
        keys += list(BURDEN_COLUMNS)
    return keys


def total_keys(report: UnnecessaryReport) -> list[str]:
    keys = ["key", "procedures", "requirements", "copies", "conditional_requirements", "conditional_copies"]
    if is_burden(report):
        keys += ["copies_per_year", "hours", "vnd", "conditional_copies_per_year", "conditional_hours", "conditional_vnd"]
    return keys


def _yes_no(value: bool, lang: str) -> str:
    return label(CAPTIONS, "yes" if value else "no", lang)


def cell(row: Row, key: str, lang: str) -> Any:
    """One row value, flattened for CSV and Excel."""
    if key in row.extra:
        value = row.extra[key]
        if key == "volume_estimated":
            return label(CAPTIONS, "estimated" if value else "cited", lang)
        if key in ("hours", "vnd"):
            return round(value, 1)
        return value
    value = getattr(row, key, "")
    if key == "document_types":
        return ", ".join(value)
    if key == "conditional":
        return _yes_no(value, lang)
    if key == "struck_if":
        return "; ".join(f"{k}={'/'.join(v)}" for k, v in value.items()) if value else ""
    return "" if value is None else value


def gap_cell(gap, key: str) -> Any:
    value = getattr(gap, key)
    if key == "ministry":
        return value
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def to_csv(report: UnnecessaryReport, lang: str = "vi") -> str:
    """The rows as CSV (one header line in ``lang``, then one line per row)."""
    keys = row_keys(report)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    headers = {**ROW_COLUMNS, **BURDEN_COLUMNS}
    writer.writerow([label(headers, k, lang) for k in keys])
    for row in report.rows:
        writer.writerow([cell(row, k, lang) for k in keys])
    return buf.getvalue()


# --------------------------------------------------------------------------- xlsx


def sheet_title(name: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet title (<= 31 characters, no []:*?/\\).

    Examples
    --------
    >>> sheet_title("Ministry of Agriculture and Environment", set())
    'Ministry of Agriculture and Env'
    >>> sheet_title("a/b", set())
    'a b'
    >>> sheet_title("A", {"A"})
    'A (2)'
    """
    base = _SHEET_BAD.sub(" ", name).strip()[:31].strip() or "Sheet"
    title, n = base, 2
    while title in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)].strip() + suffix
        n += 1
    taken.add(title)
    return title


def _fit(ws, widths: dict[int, int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))


def _safe(value: Any) -> Any:
    """Excel refuses control characters; portal text and filters may carry them."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _table(ws, start_row: int, headers: list[str], rows: list[list[Any]], widths: dict[int, int], bold) -> int:
    """Write a header and rows from ``start_row``; return the next free row."""
    for c, text in enumerate(headers, 1):
        ws.cell(start_row, c, text).font = bold
        widths[c] = max(widths.get(c, 0), len(str(text)))
    for r, values in enumerate(rows, start_row + 1):
        for c, value in enumerate(values, 1):
            ws.cell(r, c, _safe(value))
            widths[c] = max(widths.get(c, 0), len(str(value)) if value is not None else 0)
    return start_row + len(rows) + 1


def _data_sheet(wb, title: str, headers: list[str], rows: list[list[Any]], wrap_cols: tuple[int, ...] = ()):
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title)
    widths: dict[int, int] = {}
    _table(ws, 1, headers, rows, widths, Font(bold=True))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    _fit(ws, widths)
    if wrap_cols:
        wrap = Alignment(wrap_text=True, vertical="top")
        for col in ws.iter_cols(min_row=2, min_col=min(wrap_cols), max_col=max(wrap_cols)):
            for c in col:
                if c.column in wrap_cols:
                    c.alignment = wrap
    return ws


def to_xlsx(report: UnnecessaryReport, path: str | Path, catalogue=None, lang: str = "vi") -> Path:
    """Write the report as an Excel workbook at ``path`` and return the path.

    Sheets: the summary, one per ministry (rows of that ministry), the gap list
    and, for the burden report, the cost parameters.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    bold = Font(bold=True)
    wb = Workbook()
    summary = wb.active
    taken: set[str] = set()
    summary.title = sheet_title(label(CAPTIONS, "summary", lang), taken)

    # ---- summary
    title_key = "title_burden" if is_burden(report) else "title_unnecessary"
    summary.cell(1, 1, label(CAPTIONS, title_key, lang)).font = Font(bold=True, size=14)
    meta = [
        (label(CAPTIONS, "as_of", lang), report.as_of.isoformat()),
        (label(CAPTIONS, "filters", lang), "; ".join(f"{k}={v}" for k, v in report.filters.as_dict().items()) or "-"),
        (label(CAPTIONS, "applicant", lang), "; ".join(f"{k}={v}" for k, v in report.applicant.items()) or "-"),
        (label(CAPTIONS, "procedures_evaluated", lang), report.procedures_evaluated),
    ]
    widths: dict[int, int] = {}
    for i, (k, v) in enumerate(meta, 2):
        summary.cell(i, 1, k).font = bold
        summary.cell(i, 2, _safe(v))
    r = len(meta) + 2
    summary.cell(r, 1, label(CAPTIONS, "conditional_note", lang))
    r += 1
    if is_burden(report):
        summary.cell(r, 1, label(CAPTIONS, "estimate_note", lang))
        r += 1
    r += 1
    # One flat table (group kind, group, totals...) under the notes: a single
    # frozen header row and one auto-filter cover every total.
    tkeys = total_keys(report)
    theaders = [label(CAPTIONS, "group_kind", lang)] + [label(TOTAL_COLUMNS, k, lang) for k in tkeys]
    trows = [[label(CAPTIONS, "total", lang), label(CAPTIONS, "total", lang)] + [_num(report.total.get(k, 0)) for k in tkeys[1:]]]
    for group, values in report.by.items():
        kind = label(GROUP_TITLES, group, lang)
        for key, tot in values.items():
            shown = catalogue.agency_name(key, lang) if (group == "ministry" and catalogue is not None) else key
            trows.append([kind, shown] + [_num(tot.get(k, 0)) for k in tkeys[1:]])
    header_row = r
    widths = {1: 14, 2: 14}
    _table(summary, header_row, theaders, trows, widths, bold)
    summary.freeze_panes = summary.cell(header_row + 1, 1)
    summary.auto_filter.ref = f"A{header_row}:{_col(len(theaders))}{header_row + len(trows)}"
    _fit(summary, widths)

    # ---- one sheet per ministry
    keys = row_keys(report)
    headers_map = {**ROW_COLUMNS, **BURDEN_COLUMNS}
    headers = [label(headers_map, k, lang) for k in keys]
    wrap = tuple(i + 1 for i, k in enumerate(keys) if k in ("procedure_name", "requirement_text", "legal_basis"))
    by_ministry: dict[str, list[Row]] = {}
    for row in report.rows:
        by_ministry.setdefault(row.ministry, []).append(row)
    for ministry in sorted(by_ministry, key=lambda m: -len(by_ministry[m])):
        rows = by_ministry[ministry]
        name = catalogue.agency_name(ministry, lang) if catalogue is not None else rows[0].ministry_name
        _data_sheet(wb, sheet_title(name, taken), headers, [[cell(x, k, lang) for k in keys] for x in rows], wrap)

    # ---- gaps
    gkeys = list(GAP_COLUMNS)
    gap_rows = []
    for g in report.gaps:
        values = [gap_cell(g, k) for k in gkeys]
        if catalogue is not None:
            values[gkeys.index("ministry")] = catalogue.agency_name(g.ministry, lang)
        gap_rows.append(values)
    _data_sheet(wb, sheet_title(label(CAPTIONS, "gaps", lang), taken), [label(GAP_COLUMNS, k, lang) for k in gkeys], gap_rows)

    # ---- cost parameters
    if is_burden(report):
        pkeys = ["parameter", "value", "unit", "is_estimate", "derivation", "reference", "description"]
        prows = []
        for name, p in report.meta["cost_model"]["parameters"].items():
            refs = " | ".join(x.get("source", "") for x in p["references"])
            prows.append([name, p["value"], p["unit"], _yes_no(p["estimate"], lang), p["derivation"] or "", refs, p["description"]])
        _data_sheet(wb, sheet_title(label(CAPTIONS, "parameters", lang), taken), [label(CAPTIONS, k, lang) for k in pkeys], prows, (5, 6, 7))

    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _num(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)
