"""CSV and Excel output: sheets, headers, counts, frozen headers and filters."""

from __future__ import annotations

import csv
import io

import openpyxl

from .hand_catalogue import DAY, VN

from engine.reports import Filters, burden_report, to_csv, to_xlsx, unnecessary_report
from engine.reports.labels import BURDEN_COLUMNS, GAP_COLUMNS, ROW_COLUMNS


def build(hand, kind=unnecessary_report, applicant=VN):
    cat, engine = hand
    return kind(engine.evaluate_all(DAY, applicant), cat, DAY, Filters()), cat


def test_xlsx_sheets_headers_counts(hand, tmp_path):
    rep, cat = build(hand)
    path = to_xlsx(rep, tmp_path / "r.xlsx", cat)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Cơ quan A", "Cơ quan B", "Chưa tái cấu trúc (Đ.3.2)"]
    a = wb["Cơ quan A"]
    assert [c.value for c in a[1]] == [v[0] for v in ROW_COLUMNS.values()]
    assert a.max_row == 1 + 3 and wb["Cơ quan B"].max_row == 1 + 1
    assert a.freeze_panes == "A2" and a.auto_filter.ref == f"A1:{a.cell(1, a.max_column).column_letter}4"
    widths = [a.column_dimensions[c.column_letter].width for c in a[1]]
    assert all(6 <= w <= 62 for w in widths)
    gaps = wb["Chưa tái cấu trúc (Đ.3.2)"]
    assert [c.value for c in gaps[1]] == [v[0] for v in GAP_COLUMNS.values()] and gaps.max_row == 1 + 3
    summary = wb["Tổng hợp"]
    values = [[c.value for c in row] for row in summary.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "Tổng hợp theo")
    assert summary.freeze_panes == f"A{header + 2}"
    total = values[header + 1]
    assert total[0] == "Tổng cộng" and total[3:5] == [4, 6]  # requirements, copies
    by_ministry = {row[1]: row for row in values[header + 2:] if row[0] == "Theo bộ, ngành"}
    assert by_ministry["Cơ quan A"][3:5] == [3, 5]


def test_xlsx_english_and_burden_parameters(hand, tmp_path):
    rep, cat = build(hand, burden_report)
    wb = openpyxl.load_workbook(to_xlsx(rep, tmp_path / "b.xlsx", cat, lang="en"))
    assert wb.sheetnames == ["Summary", "Agency A", "Agency B", "Art. 3.2 gaps", "Cost parameters"]
    headers = [c.value for c in wb["Agency A"][1]]
    assert headers == [v[1] for v in ROW_COLUMNS.values()] + [v[1] for v in BURDEN_COLUMNS.values()]
    est = headers.index("Volume estimated") + 1
    assert [wb["Agency A"].cell(r, est).value for r in (2, 3, 4)] == ["cited", "estimated", "estimated"]
    params = wb["Cost parameters"]
    assert params.max_row == 1 + 4 and all(params.cell(r, 4).value == "yes" for r in range(2, 6))
    notes = [row[0].value for row in wb["Summary"].iter_rows() if row[0].value]
    assert any("estimates" in n for n in notes)


def test_csv_rows(hand):
    rep, _ = build(hand, applicant={})
    rows = list(csv.reader(io.StringIO(to_csv(rep, "en"))))
    assert rows[0][0] == "Procedure code" and len(rows) == 1 + 4
    cond = rows[0].index("Conditional")
    assert {r[cond] for r in rows[1:]} == {"yes"}
