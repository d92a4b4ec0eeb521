"""A record's ministry: its folder when that is an agency id, else its own agency field."""

from __future__ import annotations

from engine.importer import import_path
from engine.imports import AgencyMatcher, MinistryResolver

from .conftest import line, record, write_json

NAMES = {"bo-tu-phap": "Bộ Tư pháp", "bo-cong-an": "Bộ Công an", "bo-cong-thuong": "Bộ Công Thương"}


def test_matcher_folds_and_needs_whole_names():
    m = AgencyMatcher(NAMES)
    assert m.match("Cục Hộ tịch, quốc tịch, chứng thực - BỘ TƯ PHÁP") == "bo-tu-phap"
    assert m.match("bo cong thuong") == "bo-cong-thuong"  # without diacritics
    assert m.match("Sở Tư pháp") is None  # a department is not the ministry
    assert m.match("Bộ Công an, Bộ Công Thương") is None  # two agencies: ambiguous, not guessed


def test_resolver_order():
    r = MinistryResolver(AgencyMatcher(NAMES))
    # A folder that is an agency id wins over the record's agency.
    assert r.resolve("bo-cong-an", {"co_quan_thuc_hien": "Bộ Tư pháp"}) == ("bo-cong-an", "folder")
    # co_quan_thuc_hien first; co_quan_co_tham_quyen when the first names no agency.
    assert r.resolve(None, {"co_quan_thuc_hien": "Thanh tra Bộ", "co_quan_co_tham_quyen": "Bộ Công an"}) == ("bo-cong-an", "agency")
    # A folder that is not an agency id still names the ministry when the agency does not (today's behaviour).
    assert r.resolve("ban-thu", {"co_quan_thuc_hien": "Không có thông tin"}) == ("ban-thu", "folder")
    assert r.resolve("ban-thu", {"co_quan_thuc_hien": "Bộ Tư pháp"}) == ("bo-tu-phap", "agency")
    assert r.resolve(None, {}) == ("unknown", "unknown")


def test_records_without_a_ministry_folder_get_it_from_their_agency(tmp_path, store, parse):
    # A folder tree whose folders are not ministry ids, a file at its root, and one record no agency places.
    root = tmp_path / "from-a-province"
    write_json(root / "dot-1" / "1.990101.json", record("1.990101", agency="Bộ Tư pháp"))
    write_json(root / "1.990102.json", record("1.990102", agency="Thanh tra Bộ", competent="Bộ Công an"))
    write_json(root / "1.990103.json", record("1.990103", agency="Ủy ban nhân dân cấp xã"))
    result = import_path(root, store, parse=parse)
    assert result.format == "folder" and result.parsed == 3, result.problems
    assert {p.code: p.ministry for p in store.procedures()} == {
        "1.990101": "bo-tu-phap", "1.990102": "bo-cong-an", "1.990103": "unknown",
    }
    assert result.ministry_from == {"agency": 2, "unknown": 1}
    assert result.unknown_ministry == ["1.990103.json"]
    assert store.versions()[-1].counts["ministries"] == {"bo-cong-an": 1, "bo-tu-phap": 1, "unknown": 1}


def test_a_ministry_folder_given_directly_is_that_ministry(tmp_path, store, parse):
    # Issue 14: `onceonly import portal/bo-tu-phap` used to import under "unknown".
    folder = tmp_path / "bo-tu-phap"
    write_json(folder / "1.990111.json", record("1.990111", agency="Sở Tư pháp"))
    result = import_path(folder, store, parse=parse)
    assert [p.ministry for p in store.procedures()] == ["bo-tu-phap"]
    assert result.ministry_from == {"folder": 1}


def test_json_lines_records_get_their_ministry_from_their_agency(tmp_path, store, parse):
    path = write_json(tmp_path / "x.jsonl", line(record("1.990121", competent="Bộ Công an")) + "\n")
    result = import_path(path, store, parse=parse)
    assert [p.ministry for p in store.procedures()] == ["bo-cong-an"] and result.ministry_from == {"agency": 1}
