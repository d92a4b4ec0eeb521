"""`onceonly import` reads a JSON array and JSON Lines as well as today's folder tree."""

from __future__ import annotations

import tracemalloc

import pytest

from engine.importer import import_path
from engine.imports import ImportFormatError, detect_format, read_path

from .conftest import line, record, write_json


def test_json_array_of_two_records_imports_both(tmp_path, store, parse):
    path = write_json(tmp_path / "records.json", [
        record("1.990001", agency="Bộ Tư pháp"),
        record("1.990002", agency="Ngân hàng Nhà nước Việt Nam", name="Cấp giấy phép thử"),
    ])
    result = import_path(path, store, parse=parse)
    assert result.format == "json" and (result.records, result.parsed, result.problems) == (2, 2, [])
    assert result.exit_code == 0 and result.summary.added == 2
    stored = {p.code: p for p in store.procedures()}
    assert {c: p.ministry for c, p in stored.items()} == {"1.990001": "bo-tu-phap", "1.990002": "ngan-hang-nha-nuoc"}
    assert [r.text for r in stored["1.990001"].requirements] == ["Tờ khai theo mẫu", "Giấy chứng nhận kết hôn"]
    assert result.ministry_from == {"agency": 2} and result.unknown_ministry == []
    # Re-importing the same array changes nothing.
    again = import_path(path, store, parse=parse)
    assert again.summary.version is None and again.summary.unchanged == 2


def test_json_array_record_problems_name_the_record_number(tmp_path, store, parse):
    broken = record("1.990004", agency="Bộ Tư pháp")
    del broken["thanh_phan_ho_so"]
    path = write_json(tmp_path / "records.json", [record("1.990003", agency="Bộ Tư pháp"), broken, "not a record"])
    result = import_path(path, store, parse=parse)
    assert result.parsed == 1 and result.records == 3
    found = {(p.file, p.field, p.reason) for p in result.problems}
    assert found == {
        ("records.json#2", "thanh_phan_ho_so", "missing dossier"),
        ("records.json#3", "", "expected a JSON object, got str"),
    }


def test_a_cut_json_array_imports_its_whole_records_and_reports_the_cut_one(tmp_path, store, parse):
    text = "[\n" + line(record("1.990005")) + ",\n" + line(record("1.990006"))[:-40]  # cut, no closing ]
    path = write_json(tmp_path / "cut.json", text)
    result = import_path(path, store, parse=parse)
    assert result.parsed == 1 and [p.code for p in store.procedures()] == ["1.990005"]
    [problem] = result.problems
    assert problem.file == "cut.json#2" and problem.field == "can_cu_phap_ly"  # the last field it reached
    assert problem.reason == "truncated record: the file ends inside it (it starts at line 3)"


def test_a_bad_record_in_a_json_array_is_reported_and_the_next_one_read(tmp_path, store, parse):
    good, bad = line(record("1.990007")), line(record("1.990008")).replace('"cap_thuc_hien"', "cap_thuc_hien", 1)
    path = write_json(tmp_path / "bad.json", f"[{bad},\n{good}]\n")
    result = import_path(path, store, parse=parse)
    assert [p.code for p in store.procedures()] == ["1.990007"]
    [problem] = result.problems
    assert problem.file == "bad.json#1" and problem.field == "(record)"
    assert problem.reason.startswith("invalid JSON at line 1 column ")


def test_json_array_whole_file_problems(tmp_path, store, parse):
    unclosed = write_json(tmp_path / "open.json", "[" + line(record("1.990009")))
    result = import_path(unclosed, store, parse=parse)
    assert result.parsed == 1
    assert [(p.file, p.field) for p in result.problems] == [("open.json", "(file)")]
    assert "without closing the array" in result.problems[0].reason
    after = write_json(tmp_path / "after.json", "[" + line(record("1.990010")) + "]\n]")
    result = import_path(after, store, parse=parse)
    assert result.problems[0].reason == "text after the end of the array at line 2 column 1"


def test_json_array_is_streamed(tmp_path):
    """Reading a JSON array holds one record (and one chunk of the file) at a time."""
    text = "[\n" + ",\n".join(line(record(f"1.{980000 + i:06d}")) for i in range(8000)) + "\n]\n"
    path = write_json(tmp_path / "big.json", text)
    batch = read_path(path)
    assert batch.format == "json" and batch.total is None
    tracemalloc.start()
    try:
        codes = sum(item.data["ma_thu_tuc"].startswith("1.98") for item in batch.records)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert codes == 8000 and batch.position == path.stat().st_size
    assert len(text.encode()) > 5_000_000 and peak < 1_500_000, peak


def test_truncated_json_lines_reports_file_line_and_field_and_imports_the_rest(tmp_path, store, parse):
    good = [record("1.990011", agency="Bộ Tư pháp"), record("1.990012", agency="Bộ Tài chính")]
    nodossier = record("1.990013", agency="Bộ Tư pháp")
    del nodossier["thanh_phan_ho_so"]
    cut = line(record("1.990014", agency="Bộ Tư pháp"))
    cut = cut[: cut.index("Giấy chứng nhận")]  # the download stopped inside the dossier
    text = "\n".join([line(good[0]), "", "{not json}", line(nodossier), line(good[1]), cut])
    path = write_json(tmp_path / "records.jsonl", text)
    result = import_path(path, store, parse=parse)
    assert result.format == "jsonl" and result.parsed == 2 and result.exit_code == 0
    assert {p.code for p in store.procedures()} == {"1.990011", "1.990012"}
    problems = {p.file: (p.field, p.reason) for p in result.problems}
    assert set(problems) == {"records.jsonl:3", "records.jsonl:4", "records.jsonl:6"}  # line 2 is blank
    assert problems["records.jsonl:3"] == ("(line)", "invalid JSON at column 2: unexpected character")
    assert problems["records.jsonl:4"] == ("thanh_phan_ho_so", "missing dossier")
    field, reason = problems["records.jsonl:6"]
    assert field == "thanh_phan_ho_so" and reason.startswith("truncated record: the file ends inside it")
    # Reasons name positions, never the record's text.
    assert "Tờ khai" not in str(result.to_json())
    assert result.summary.skipped == 3


def test_json_lines_is_read_line_by_line(tmp_path):
    """Reading a JSON Lines file holds one line at a time: memory does not grow with the file."""
    text = "\n".join(line(record(f"1.{990000 + i:06d}")) for i in range(4000)) + "\n"
    path = write_json(tmp_path / "r.ndjson", text)
    batch = read_path(path)
    assert batch.format == "jsonl" and batch.total == 4000
    tracemalloc.start()
    try:
        codes = 0
        for item in batch.records:
            codes += item.data["ma_thu_tuc"].startswith("1.99")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert codes == 4000
    assert len(text.encode()) > 2_500_000 and peak < 200_000, peak


def test_auto_detection(tmp_path):
    assert detect_format(tmp_path) == "folder"
    assert detect_format(write_json(tmp_path / "a.json", "  \n [ ]")) == "json"
    assert detect_format(write_json(tmp_path / "b.json", record("1.990030"))) == "folder"  # one record, as today
    assert detect_format(write_json(tmp_path / "c.jsonl", "")) == "jsonl"
    assert detect_format(write_json(tmp_path / "d.NDJSON", "")) == "jsonl"
    with pytest.raises(ImportFormatError, match="cannot tell its format"):
        detect_format(write_json(tmp_path / "e.txt", "[]"))
    with pytest.raises(ImportFormatError, match="neither a JSON array nor a JSON object"):
        detect_format(write_json(tmp_path / "f.json", "nope"))
    with pytest.raises(ImportFormatError, match="a folder, not a jsonl file"):
        read_path(tmp_path, "jsonl")
