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


# ------------------------------------------------------------------ aliases (procedures/agency-aliases.yaml)


def test_shipped_aliases_place_provincial_and_subordinate_agencies():
    from engine.imports.agencies import shipped_names

    m = AgencyMatcher(shipped_names())
    assert m.match("Công an cấp xã") == "bo-cong-an"
    assert m.match("Phòng quản lý xuất nhập cảnh") == "bo-cong-an"
    assert m.match("Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố") == "bo-tai-chinh"  # two names, one ministry
    assert m.match("Ủy ban nhân dân cấp tỉnh, Sở Tư pháp") == "bo-tu-phap"
    assert m.match("Cục Trồng trọt và Bảo vệ thực vật - Bộ NN và MT") == "bo-nong-nghiep-mt"
    assert m.match("Ủy ban nhân dân cấp tỉnh") is None  # runs every ministry's procedures
    assert m.match("Công an tỉnh, Sở Tư pháp") is None  # two ministries: not guessed


def _aliases(tmp_path, text: str):
    from engine.imports.agencies import load_aliases

    path = tmp_path / "agency-aliases.yaml"
    path.write_text(text, encoding="utf-8")
    return load_aliases(path, known={"bo-tu-phap", "bo-cong-an"})


def test_alias_file_is_validated_with_file_line_and_field(tmp_path):
    import pytest

    from engine.errors import DataError

    assert _aliases(tmp_path, "- agency: bo-tu-phap\n  names: [Sở Tư pháp]\n") == {"bo-tu-phap": ["Sở Tư pháp"]}
    cases = [
        ("- agency: bo-tu-phap\n  names: [Sở Tư pháp]\n- agency: bo-cong-an\n  names:\n    - SỞ TƯ PHÁP\n",
         5, "[1].names[0]", "'SỞ TƯ PHÁP' is also a name of bo-tu-phap (line 2)"),
        ("- agency: bo-nope\n  names: [x]\n", 1, "[0].agency", "unknown agency 'bo-nope'"),
        ("- agency: bo-tu-phap\n  names: ['  ']\n", 2, "[0].names[0]", "empty name"),
        ("- agency: bo-tu-phap\n  alias: [x]\n", 1, "[0]", "unknown key(s) ['alias']"),
    ]
    for text, line_no, field, message in cases:
        with pytest.raises(DataError) as caught:
            _aliases(tmp_path, text)
        assert (caught.value.line, caught.value.field) == (line_no, field) and message in caught.value.message


def test_fixture_agencies_found_with_the_aliases(portal_data):
    """How many fixture records the agency field alone places in their own ministry folder (BENCHMARKS.md)."""
    import orjson

    from engine.imports.agencies import load_agency_names
    from engine.portal import iter_records

    names_only, with_aliases = MinistryResolver(AgencyMatcher(load_agency_names())), MinistryResolver()
    counts = {"records": 0, "names": 0, "aliases": 0, "other": 0}
    for path, folder in iter_records(portal_data):
        data = orjson.loads(path.read_bytes())
        counts["records"] += 1
        counts["names"] += names_only.from_agency(data) == folder
        found = with_aliases.from_agency(data)
        counts["aliases"] += found == folder
        counts["other"] += found is not None and found != folder
    assert counts["records"] == 2117
    assert counts["names"] == 617 and counts["aliases"] >= 1600, counts
    assert counts["other"] <= 25, counts  # the agency field names another ministry than the crawl's folder
