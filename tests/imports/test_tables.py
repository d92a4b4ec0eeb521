"""CSV and Excel exports: a header row, one record a row, located as file.csv:LINE and book.xlsx#Sheet:ROW."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.importer import import_path
from engine.imports import ImportFormatError, read_path

from .conftest import record, write_json

#: Our crawl's keys as a person would head the columns of a spreadsheet.
HEADINGS = {"ma_thu_tuc": "Mã thủ tục", "ten_thu_tuc": "Tên thủ tục", "co_quan_thuc_hien": "Cơ quan thực hiện",
            "cap_thuc_hien": "Cấp thực hiện", "thanh_phan_ho_so": "Thành phần hồ sơ", "can_cu_phap_ly": "Căn cứ pháp lý"}


def rows(*codes: str, agency: str = "Sở Tư pháp") -> list[list[str]]:
    out = [list(HEADINGS.values())]
    for code in codes:
        data = record(code, agency=agency)
        out.append([data[key] for key in HEADINGS])
    return out


def write_csv(path, table, *, delimiter=",", encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(table)
    return path


def write_xlsx(path, sheets: dict[str, list[list]]):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, table in sheets.items():
        sheet = book.create_sheet(title)
        for row in table:
            sheet.append(row)
    book.save(path)
    return path


# ------------------------------------------------------------------ CSV


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_vietnamese_headings_imports_with_the_portal_mapping(tmp_path, store, parse, delimiter):
    path = write_csv(tmp_path / "danh-muc.csv", rows("1.990501", "1.990502"), delimiter=delimiter)
    result = import_path(path, store, parse=parse)
    assert (result.format, result.mapping, result.parsed, result.problems) == ("csv", "portal-crawl", 2, [])
    stored = store.get("1.990501")
    assert stored.ministry == "bo-tu-phap" and [r.text for r in stored.requirements] == ["Tờ khai theo mẫu", "Giấy chứng nhận kết hôn"]
    assert stored.level == ["commune"] and stored.legal_refs == ["60/2014/QH13"]


def test_a_bad_row_in_a_csv_is_reported_by_line_and_the_rest_imports(tmp_path, store, parse):
    table = rows("1.990511", "1.990512")
    table.insert(2, ["1.990513", "Thiếu ô"])  # 2 cells where the header has 6
    path = write_csv(tmp_path / "t.csv", table)
    with open(path, "a", encoding="utf-8") as fh:  # a cell whose quote is never closed, at the end
        fh.write('1.990514,"Đăng ký thử,Sở Tư pháp,Cấp xã,x,y\n')
    result = import_path(path, store, parse=parse)
    assert {p.code for p in store.procedures()} == {"1.990511", "1.990512"}
    assert [(p.file, p.field, p.reason) for p in result.problems] == [
        ("t.csv:3", "(row)", "the row has 2 cells, the header 6"),
        ("t.csv:5", "(row)", "not readable as CSV: unexpected end of data"),
    ]


def test_csv_rows_are_located_by_the_line_they_start_on(tmp_path, store, parse):
    table = rows("1.990521", "1.990522")
    table[1][1] = "Đăng ký\nthử nghiệm\nnhiều dòng"  # a cell over three lines
    table[2][4] = ""  # no dossier
    path = write_csv(tmp_path / "t.csv", table)
    result = import_path(path, store, parse=parse)
    assert store.get("1.990521").name.vi == "Đăng ký thử nghiệm nhiều dòng"
    assert [(p.file, p.field, p.reason) for p in result.problems] == [("t.csv:5", "thanh_phan_ho_so", "missing dossier")]


def test_csv_cell_that_is_not_utf8_is_reported(tmp_path, store, parse):
    path = write_csv(tmp_path / "t.csv", rows("1.990531", "1.990532"))
    data = path.read_bytes().replace("Đăng ký thử nghiệm".encode(), "Đăng ký thử nghiệm".encode("cp1258", "replace"), 1)
    path.write_bytes(data)
    result = import_path(path, store, parse=parse)
    assert [p.code for p in store.procedures()] == ["1.990532"]
    assert [(p.file, p.field) for p in result.problems] == [("t.csv:2", "Tên thủ tục")]
    assert "not UTF-8" in result.problems[0].reason


def test_csv_utf16_from_excel_and_a_bom(tmp_path, store, parse):
    path = write_csv(tmp_path / "t.csv", rows("1.990541"), delimiter="\t", encoding="utf-16")
    assert import_path(path, store, parse=parse).parsed == 1
    path = write_csv(tmp_path / "u.csv", rows("1.990542"), encoding="utf-8-sig")
    assert import_path(path, store, parse=parse).parsed == 1


def test_csv_dossier_cell_holding_a_json_list(tmp_path, store, parse):
    table = rows("1.990551", "1.990552")
    table[1][4] = json.dumps([{"tên giấy tờ": "Tờ khai theo mẫu", "số lượng": "1 bản chính"},
                              {"tên giấy tờ": "Giấy chứng nhận kết hôn", "số lượng": "0 bản chính, 2 bản sao"}],
                             ensure_ascii=False)
    table[2][4] = '[{"tên giấy tờ": "Tờ khai"'  # cut
    result = import_path(write_csv(tmp_path / "t.csv", table), store, parse=parse)
    stored = store.get("1.990551")
    assert [(r.text, r.originals, r.copies) for r in stored.requirements] == [
        ("Tờ khai theo mẫu", 1, 0), ("Giấy chứng nhận kết hôn", 0, 2)]
    [problem] = result.problems
    assert (problem.file, problem.field) == ("t.csv:3", "Thành phần hồ sơ")
    assert problem.reason.startswith("a JSON list that does not parse")


def test_csv_that_cannot_be_read_at_all(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="empty, or its first line"):
        read_path(empty)
    twice = write_csv(tmp_path / "twice.csv", [["Mã thủ tục", "Tên thủ tục", "Mã thủ tục"]])
    with pytest.raises(ImportFormatError, match=r"twice.csv:1: two columns are headed 'Mã thủ tục' \(columns 1 and 3\)"):
        read_path(twice)


def test_csv_without_the_columns_the_mapping_needs_stops_before_the_store(tmp_path):
    path = write_csv(tmp_path / "t.csv", [["Mã", "Tên"], ["1.990561", "Thủ tục"]])
    db = tmp_path / "never.db"
    result = CliRunner().invoke(app, ["import", str(path), "--into", str(db), "--lang", "en"])
    assert result.exit_code == 2 and not db.exists()
    assert "procedures/imports/portal-crawl.yaml:" in result.stderr
    assert "fields.name: no field 'ten_thu_tuc' in the header of t.csv (it has: 'Mã', 'Tên')" in result.stderr


# ------------------------------------------------------------------ Excel


def test_xlsx_sheets_rows_and_a_numeric_code(tmp_path, store, parse):
    table = rows("1.990601", "1.990602")
    table[2][0] = 1.9906  # Excel made the code a number and dropped its zeros
    notes = [["Ghi chú"], ["Bảng này không phải danh mục"]]
    path = write_xlsx(tmp_path / "book.xlsx", {"Notes": notes, "Danh mục": [[], *table, [], [None] * 6]})
    result = import_path(path, store, parse=parse)
    assert result.format == "xlsx" and result.problems == []
    assert {p.code for p in store.procedures()} == {"1.990601", "1.990600"}
    assert result.notices == ["book.xlsx#Notes: left out, its header lacks columns mapping 'portal-crawl' needs"]


def test_xlsx_bad_rows_are_located_by_sheet_and_row(tmp_path, store, parse):
    table = rows("1.990611", "1.990612")
    table[2][4] = None
    table.append(["1.990613", "Thủ tục", "Sở Tư pháp", "Cấp xã", "x", "y", "một ô thừa"])
    path = write_xlsx(tmp_path / "book.xlsx", {"DM": table})
    result = import_path(path, store, parse=parse)
    assert [p.code for p in store.procedures()] == ["1.990611"]
    assert [(p.file, p.field, p.reason) for p in result.problems] == [
        ("book.xlsx#DM:3", "thanh_phan_ho_so", "missing dossier"),
        ("book.xlsx#DM:4", "(row)", "the row has cells beyond the header's 6 columns"),
    ]


@pytest.mark.parametrize("damage", ["not a zip", "cut"])
def test_a_bad_xlsx_stops_before_the_store(tmp_path, damage):
    path = tmp_path / "book.xlsx"
    if damage == "cut":
        whole = write_xlsx(tmp_path / "whole.xlsx", {"DM": rows("1.990621")}).read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
    else:
        path.write_text("Mã thủ tục,Tên thủ tục\n", encoding="utf-8")
    db = tmp_path / "never.db"
    result = CliRunner().invoke(app, ["import", str(path), "--into", str(db), "--lang", "en"])
    assert result.exit_code == 2 and not db.exists()
    assert "book.xlsx: not an Excel workbook (.xlsx), or a damaged one (BadZipFile)" in result.stderr


def test_xlsx_whose_sheets_all_lack_the_columns(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", {"A": [["x", "y"], [1, 2]]})
    result = CliRunner().invoke(app, ["import", str(path), "--into", str(tmp_path / "never.db"), "--lang", "en"])
    assert result.exit_code == 2 and "in the header of book.xlsx#A (it has: 'x', 'y')" in result.stderr


# ------------------------------------------------------------------ every format, both dossier shapes


PAPERS = [{"tên giấy tờ": "Tờ khai theo mẫu", "số lượng": "1 bản chính"},
          {"tên giấy tờ": "Giấy chứng nhận kết hôn", "số lượng": "0 bản chính, 1 bản sao"}]


@pytest.mark.parametrize("shape", ["text", "papers"])
@pytest.mark.parametrize("fmt", ["folder", "json", "jsonl", "csv", "xlsx"])
def test_every_format_reads_both_dossier_shapes(tmp_path, store, parse, fmt, shape):
    data = record("1.990901", agency="Sở Tư pháp")
    if shape == "papers":
        data["thanh_phan_ho_so"] = PAPERS
    cells = {HEADINGS[k]: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v)
             for k, v in data.items() if k in HEADINGS}
    if fmt == "folder":
        path = write_json(tmp_path / "tree" / "bo-tu-phap" / "1.990901.json", json.dumps(data, ensure_ascii=False)).parent.parent
    elif fmt == "json":
        path = write_json(tmp_path / "r.json", json.dumps([data], ensure_ascii=False))
    elif fmt == "jsonl":
        path = write_json(tmp_path / "r.jsonl", json.dumps(data, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        path = write_csv(tmp_path / "r.csv", [list(cells), list(cells.values())])
    else:
        path = write_xlsx(tmp_path / "r.xlsx", {"DM": [list(cells), list(cells.values())]})
    result = import_path(path, store, parse=parse)
    assert (result.format, result.parsed, result.problems) == (fmt, 1, [])
    proc = store.get("1.990901")
    assert [(r.text, r.originals, r.copies) for r in proc.requirements] == [
        ("Tờ khai theo mẫu", 1, 0), ("Giấy chứng nhận kết hôn", 0, 1)]
    assert proc.ministry == "bo-tu-phap"
