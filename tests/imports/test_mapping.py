"""Mappings: other field names, a dossier as a list of objects or of strings, synthetic codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.errors import DataError
from engine.importer import import_path
from engine.imports import (
    Mapping,
    MappingError,
    detect_mapping,
    find_mapping,
    shipped_mappings,
    synthetic_code,
)
from engine.imports.mapping import SYNTHETIC_PREFIX, read_quantity, render_rows

from .conftest import line, record, write_json

runner = CliRunner()


def other_crawl(code: str | None, name: str = "Cấp giấy phép thử nghiệm", *, agency: str = "Sở Tư pháp", dossier=None) -> dict:
    """A record of a crawler that is not ours: plain keys, the dossier a list of papers."""
    data = {
        "name": name, "agency": agency, "level": "Cấp tỉnh", "field": "Thử nghiệm",
        "dossier": dossier if dossier is not None else [
            {"name": "Đơn đề nghị cấp giấy phép", "originals": 1, "copies": 0, "form": "Mẫu số 01.docx"},
            {"tên giấy tờ": "Bản sao giấy khai sinh", "số lượng": "0 bản chính, 12 bản sao có chứng thực"},
            {"name": "Hộ chiếu hoặc thẻ căn cước", "quantity": 1},
        ],
        "channels": ["Trực tuyến", "Trực tiếp"],
        "legal_basis": ["Luật Thử nghiệm 01/2099/QH99"],
        "result": "Giấy phép thử nghiệm",
    }
    if code is not None:
        data["code"] = code
    return data


def test_the_shipped_mappings_load_and_the_default_is_ours():
    shipped = shipped_mappings()
    assert list(shipped)[:1] == ["portal-crawl"] and "dossier-objects" in shipped
    assert detect_mapping(record("1.990700")).name == "portal-crawl"
    assert detect_mapping(other_crawl("1.990700")).name == "dossier-objects"
    assert detect_mapping({"something": 1}).name == "portal-crawl"  # as before: our crawl's shape


def test_list_of_objects_keeps_each_papers_quantities_and_form(tmp_path, store, parse):
    path = write_json(tmp_path / "other.json", [other_crawl("1.990701")])
    result = import_path(path, store, parse=parse)
    assert (result.mapping, result.parsed, result.problems) == ("dossier-objects", 1, [])
    proc = store.get("1.990701")
    got = [(r.text, r.originals, r.copies, r.certified, r.note) for r in proc.requirements]
    assert got == [
        ("Đơn đề nghị cấp giấy phép", 1, 0, False, "Mẫu: Mẫu số 01.docx"),
        ("Bản sao giấy khai sinh", 0, 12, True, None),  # 12: more than the portal's one digit
        ("Hộ chiếu hoặc thẻ căn cước", 1, 0, False, None),
    ]
    assert proc.requirements[1].document_types == ["birth-certificate"]
    assert proc.ministry == "bo-tu-phap" and proc.level == ["province"]
    assert [c.kind for c in proc.channels] == ["online", "in_person"] and proc.legal_refs == ["01/2099/QH99"]


def test_list_of_strings_has_no_quantities(tmp_path, store, parse):
    path = write_json(tmp_path / "other.jsonl", line(other_crawl("1.990702", dossier=["Tờ khai", "Giấy khai sinh"])) + "\n")
    import_path(path, store, parse=parse)
    assert [(r.text, r.originals, r.copies) for r in store.get("1.990702").requirements] == [
        ("Tờ khai", 0, 0), ("Giấy khai sinh", 0, 0)]


def test_list_problems_are_named_by_the_records_own_fields(tmp_path, store, parse):
    records = [
        other_crawl("1.990703", dossier=[{"form": "Mẫu 02"}, 7]),  # no paper named
        other_crawl("1.990704", dossier={"name": "Đơn"}),
        other_crawl("1.990705", dossier=[{"name": "Đơn", "originals": "hai"}, "Tờ khai"]),
    ]
    result = import_path(write_json(tmp_path / "other.json", records), store, parse=parse)
    assert [(p.file, p.field, p.reason) for p in result.problems] == [
        ("other.json#1", "dossier", "a list with no paper named in it"),
        ("other.json#2", "dossier", "expected text or a list of papers, got an object"),
    ]
    assert [(r.text, r.originals) for r in store.get("1.990705").requirements] == [("Đơn", 0), ("Tờ khai", 0)]
    assert result.warnings >= 1  # "originals: not a number"


def test_records_without_a_code_get_a_stable_marked_one(tmp_path, store, parse):
    path = write_json(tmp_path / "other.json", [other_crawl(None), other_crawl(None, "Thủ tục khác", agency="Công an tỉnh")])
    first = import_path(path, store, parse=parse)
    assert first.synthetic_codes == 2 and first.summary.added == 2
    codes = sorted(p.code for p in store.procedures())
    assert codes == sorted([synthetic_code("Sở Tư pháp", "Cấp giấy phép thử nghiệm"),
                            synthetic_code("Công an tỉnh", "Thủ tục khác")])
    assert all(c.startswith(SYNTHETIC_PREFIX) and len(c) == len(SYNTHETIC_PREFIX) + 16 for c in codes)
    # The same records again: the same codes, nothing changes.
    second = import_path(path, store, parse=parse)
    assert second.summary.unchanged == 2 and second.summary.version is None
    # Spelled otherwise (case, spaces): still the same procedure, updated rather than added.
    again = [other_crawl(None, "CẤP GIẤY PHÉP  THỬ NGHIỆM", agency=" sở tư pháp ")]
    third = import_path(write_json(tmp_path / "again.json", again), store, parse=parse)
    assert (third.summary.added, third.summary.updated) == (0, 1)


def test_a_record_with_neither_code_nor_name_is_rejected(tmp_path, store, parse):
    data = other_crawl(None)
    del data["name"]
    result = import_path(write_json(tmp_path / "other.json", [data, other_crawl("1.990706")]), store, parse=parse,
                         mapping="dossier-objects")
    assert [(p.field, p.reason) for p in result.problems] == [
        ("code", "missing procedure code"), ("name", "missing procedure name")]
    assert result.rejected == 1 and result.summary.skipped == 1 and result.parsed == 1


def test_spreadsheet_codes_are_mended():
    m = shipped_mappings()["portal-crawl"]
    assert m.apply({"ma_thu_tuc": "1,010826", "ten_thu_tuc": "x"}).code == "1.010826"
    assert m.apply({"ma_thu_tuc": 1.01385, "ten_thu_tuc": "x"}).code == "1.013850"
    assert m.apply({"ma_thu_tuc": " 2.002093 ", "ten_thu_tuc": "x"}).code == "2.002093"


def test_quantities_and_rows():
    assert read_quantity("02 bản sao") == (None, 2, False)
    assert read_quantity("Bản chính: 1; bản sao: 3 (công chứng)") == (1, 3, True)
    assert read_quantity("không rõ") == (None, None, False)
    from engine.imports.mapping import Row

    text = render_rows([Row("Mẫu số 0"), Row("Giấy tờ", 12, 3)])
    from engine.portal import parse_dossier

    assert [(e.text, e.originals, e.copies) for e in parse_dossier(text)] == [("Mẫu số 0", 1, 0), ("Giấy tờ", 9, 3)]


# ------------------------------------------------------------------ mapping files


MAPPING = """\
name: their-crawl
description: a test
fields:
  code: id
  name: [title, tên]
  agency: agency
  dossier: documents
"""


def test_a_mapping_file_reads_another_shape(tmp_path, store, parse):
    mapping = tmp_path / "theirs.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    data = {"id": "1.990710", "tên": "Thủ tục của họ", "agency": "Kho bạc Nhà nước",
            "documents": [{"name": "Đơn"}, {"name": "Tờ khai"}]}
    path = write_json(tmp_path / "theirs.jsonl", line(data) + "\n")
    result = runner.invoke(app, ["import", str(path), "--into", str(tmp_path / "s.db"), "--mapping", str(mapping),
                                 "--output-format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["mapping"], out["parsed"], out["ministry_from"]) == ("their-crawl", 1, {"agency": 1})
    # A problem names the record's own field.
    second = {**data, "id": "1.990711"}
    del second["documents"]
    result = import_path(write_json(tmp_path / "b.jsonl", line(data) + "\n" + line(second) + "\n"), store,
                         parse=parse, mapping=Mapping.load(mapping))
    assert [(p.field, p.reason) for p in result.problems] == [("documents", "missing dossier")]


@pytest.mark.parametrize(("text", "line_no", "field", "message"), [
    (MAPPING.replace("  dossier: documents\n", ""), 3, "fields", "fields.dossier is required"),
    (MAPPING.replace("  agency: agency", "  agnecy: agency"), 6, "fields.agnecy", "unknown field (one of code, name,"),
    (MAPPING.replace("  code: id", "  code: [id, 3]"), 4, "fields.code", "expected a field name or a list"),
    (MAPPING + "dossier:\n  title: x\n", 9, "dossier.title", "unknown key (one of name, originals"),
    (MAPPING + "full_text:\n  heading: x\n", 8, "full_text", "a full_text section needs fields.full_text"),
    (MAPPING.replace("name: their-crawl", "nmae: their-crawl"), 1, "nmae", "unknown key"),
    ("fields: [\n", 2, None, "malformed YAML"),
])
def test_a_bad_mapping_is_refused_with_file_line_and_field(tmp_path, text, line_no, field, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        find_mapping(str(path))
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line_no, field)
    assert message in error.message
    # From the command line: one error line, exit 2, no store created.
    records = write_json(tmp_path / "r.jsonl", line(record("1.990720")) + "\n")
    result = runner.invoke(app, ["import", str(records), "--into", str(tmp_path / "never.db"), "--mapping", str(path)])
    assert result.exit_code == 2 and f"{path}:{line_no}" in result.stderr and not (tmp_path / "never.db").exists()


def test_a_mapping_naming_a_missing_field_is_refused_before_anything_is_written(tmp_path):
    mapping = tmp_path / "theirs.yaml"
    mapping.write_text(MAPPING.replace("  agency: agency", "  agency: co_quan"), encoding="utf-8")
    data = {"id": "1.990730", "title": "Thủ tục", "agency": "Sở Tư pháp", "documents": ["Đơn"]}
    path = write_json(tmp_path / "theirs.jsonl", line(data) + "\n")
    db = tmp_path / "never.db"
    result = runner.invoke(app, ["import", str(path), "--into", str(db), "--mapping", str(mapping), "--lang", "en"])
    assert result.exit_code == 2 and not db.exists()
    assert (f"{mapping}:6: fields.agency: no field 'co_quan' in the first 1 record(s) of theirs.jsonl "
            "(it has: 'id', 'title', 'agency', 'documents')") in result.stderr
    with pytest.raises(MappingError) as caught:
        from engine.store import open_store

        with open_store(str(tmp_path / "other.db")) as store:
            import_path(path, store, mapping=str(mapping))
    assert [e.field for e in caught.value.errors] == ["fields.agency"]


def test_a_shipped_mapping_by_name_and_an_unknown_one():
    assert find_mapping("dossier-objects").name == "dossier-objects"
    with pytest.raises(DataError, match="no such mapping file, and no shipped mapping of that name"):
        find_mapping("nope")
