"""The import pipeline: bad records skipped and reported, the rest imported.

The parser and lister are stand-ins (the real ones live in ``engine.portal``):
what is tested here is the pipeline around them. A last test runs the real
parser on a record we wrote ourselves when ``engine.portal`` is available.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.importer import import_folder
from .store_helpers import stub_list, stub_parse, write


def run(root, store, **kwargs):
    return import_folder(root, store, parse=stub_parse, list_records=stub_list, **kwargs)


@pytest.fixture
def portal(tmp_path) -> Path:
    root = tmp_path / "portal"
    write(root, "bo-tu-phap", "1.000001.json", {"ma_thu_tuc": "1.000001", "entries": ["Tờ khai", "Giấy khai sinh"]})
    write(root, "bo-tu-phap", "1.000002.json", {"ma_thu_tuc": "1.000002", "entries": ["Giấy khai sinh"], "warnings": 2})
    write(root, "bo-cong-an", "2.000001.json", {"ma_thu_tuc": "2.000001", "entries": ["Đơn", "Tờ khai", "Ảnh"]})
    return root


def test_good_records_import_as_one_version(portal, store):
    result = run(portal, store)
    assert (result.records, result.parsed, result.problems, result.warnings) == (3, 3, [], 2)
    assert result.exit_code == 0 and result.summary.version == 1 and result.summary.added == 3
    assert store.versions()[0].counts["ministries"] == {"bo-cong-an": 1, "bo-tu-phap": 2}
    again = run(portal, store)
    assert again.summary.version is None and again.summary.unchanged == 3 and again.exit_code == 0


def test_bad_records_are_reported_and_skipped(portal, store):
    write(portal, "bo-tu-phap", "broken.json", '{"ma_thu_tuc": "1.0')
    write(portal, "bo-tu-phap", "list.json", "[1, 2]")
    write(portal, "bo-tu-phap", "nocode.json", {"entries": ["x"]})
    write(portal, "bo-cong-an", "crash.json", {"boom": True})
    result = run(portal, store)
    assert result.parsed == 3 and result.exit_code == 0 and result.summary.skipped == 4
    problems = {p.file: (p.field, p.reason) for p in result.problems}
    assert problems["bo-tu-phap/broken.json"][1].startswith("unreadable JSON")
    assert problems["bo-tu-phap/list.json"][1] == "expected a JSON object, got list"
    assert problems["bo-tu-phap/nocode.json"] == ("ma_thu_tuc", "missing procedure code")
    assert problems["bo-cong-an/crash.json"][1] == "parser failed: RuntimeError"
    # Exception messages may quote record text: they never reach the report.
    assert "Nguyễn" not in json.dumps(result.to_json(), ensure_ascii=False)
    assert store.versions()[0].skipped == 4
    assert {p.code for p in store.procedures()} == {"1.000001", "1.000002", "2.000001"}


def test_nothing_importable_exits_non_zero(tmp_path, store):
    write(tmp_path, "bo-tu-phap", "a.json", "not json")
    write(tmp_path, "bo-tu-phap", "b.json", {"entries": []})
    result = run(tmp_path, store)
    assert result.parsed == 0 and result.exit_code == 1
    assert result.summary.version is None and store.versions() == []
    assert run(tmp_path / "bo-tu-phap" / "missing", store).exit_code == 1


def test_report_figures(portal, store):
    write(portal, "bo-cong-an", "bad.json", "{")
    result = run(portal, store, report=True)
    report = result.report
    json.dumps(report)  # serialisable
    assert (report["records"], report["parsed"], report["skipped"]) == (4, 3, 1)
    assert report["entries"] == 6
    assert report["entries_per_procedure"] == {"mean": 2.0, "median": 2, "max": 3}
    assert report["recognised_share"] == round(2 / 6, 4)
    assert report["unrecognised_phrases"][0] == {"phrase": "Tờ khai", "count": 2}
    assert report["ministries"]["bo-cong-an"]["skipped"] == 1
    assert report["ministries"]["bo-cong-an"]["recognised_share"] == 0.0
    assert report["ministries"]["bo-tu-phap"]["recognised_entries"] == 2


def test_progress_is_called_per_record(portal, store):
    calls = []
    run(portal, store, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


PORTAL_RECORD = {
    "ma_thu_tuc": "1.999001",
    "detail_url": "https://example.invalid/thu-tuc/1",
    "ten_thu_tuc": "Thủ tục thử nghiệm đăng ký",
    "cap_thuc_hien": "Cấp xã",
    "linh_vuc": "Hộ tịch",
    "doi_tuong_thuc_hien": "Công dân Việt Nam",
    "co_quan_thuc_hien": "Ủy ban nhân dân cấp xã",
    "co_quan_co_tham_quyen": "",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcLệ phí : 0 Đồng",
    "thanh_phan_ho_so": "* Giấy tờ phải nộp:--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký theo mẫu1 bản chính0 bản sao* Giấy tờ phải xuất trình:--Tên giấy tờMẫu đơn, tờ khaiSố lượngHộ chiếu hoặc thẻ căn cước1 bản chính0 bản sao",
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13",
    "ket_qua_xu_ly": "Giấy khai sinh",
}


def test_real_portal_parser_when_available(tmp_path, store):
    portal = pytest.importorskip("engine.portal")
    if not hasattr(portal, "parse_record"):
        pytest.skip("engine.portal.parse_record has not landed yet")
    write(tmp_path, "bo-tu-phap", "1.999001.json", PORTAL_RECORD)
    result = import_folder(tmp_path, store)
    assert result.exit_code == 0, result.problems
    [proc] = store.procedures()
    assert proc.code == "1.999001" and proc.ministry == "bo-tu-phap" and proc.requirements
