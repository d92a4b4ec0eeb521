"""parse_record on small records written for the tests."""

from __future__ import annotations

import json

import pytest

from engine.portal import iter_records, parse_record
from engine.portal.dossier import TABLE_HEADER as H

CHANNELS = (
    "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việcMiễn phí"
    "Trực tiếp5 Ngày làm việc50,000 Việt Nam Đồng(Lệ phí cấp giấy)Dịch vụ bưu chínhKhông có thông tinKhông có thông tin"
)


def record(**over):
    data = {
        "ma_thu_tuc": "1.000001",
        "ten_thu_tuc": "Thủ tục cấp giấy thử nghiệm",
        "cap_thuc_hien": "Cấp tỉnh, Cấp xã",
        "linh_vuc": "Hộ tịch",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "co_quan_thuc_hien": "Ủy ban nhân dân\xa0cấp xã",
        "detail_url": "https://example.invalid/tthc/1",
        "thanh_phan_ho_so": f"* Giấy tờ phải nộp:{H}Tờ khai theo mẫu1 bản chính"
        f"Bản sao giấy khai sinh0 bản chính,1 bản sao"
        f"* Giấy tờ phải xuất trình:{H}Hộ chiếu/Thẻ căn cước công dân1 bản chính",
        "cach_thuc_thuc_hien": CHANNELS,
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định hướng dẫn123/2015/NĐ-CPNghị",
        "ket_qua_xu_ly": "Giấy khai sinhMã: KQ.G15.000001Từ khóaKhông có thông tin",
    }
    data.update(over)
    return data


def test_full_record(recogniser):
    result = parse_record(record(), "bo-tu-phap/1.000001.json", "bo-tu-phap", recogniser)
    assert result.errors == []
    p = result.procedure
    assert (p.code, p.ministry, p.origin) == ("1.000001", "bo-tu-phap", "imported")
    assert p.level == ["province", "commune"]
    assert p.field == "Hộ tịch" and p.agency == "Ủy ban nhân dân cấp xã"
    assert p.applicants == "Công dân Việt Nam"
    assert [r.id for r in p.requirements] == ["e1", "e2", "e3"]
    e1, e2, e3 = p.requirements
    assert e1.document_types == ["application-form"]
    assert (e2.document_types, e2.originals, e2.copies) == (["birth-certificate"], 0, 1)
    assert (e3.document_types, e3.match, e3.mode) == (["passport", "cccd"], "any_of", "show")
    assert [(c.kind, c.days, c.fee_vnd) for c in p.channels] == [
        ("online", 5.0, 0.0), ("in_person", 5.0, 50000.0), ("post", None, None)]
    assert p.channels[1].description == "(Lệ phí cấp giấy)"
    assert p.legal_refs == ["60/2014/QH13", "123/2015/NĐ-CP"]
    assert (p.result_text, p.results) == ("Giấy khai sinh", ["birth-certificate"])


def test_notes_are_not_requirements_but_stay_attached(recogniser):
    dossier = f"--{H}Tờ khai1 bản chínhGiấy tờ nước ngoài phải được hợp pháp hóa lãnh sự.0 bản chính"
    result = parse_record(record(thanh_phan_ho_so=dossier), "x.json", "bo-tu-phap", recogniser)
    (req,) = result.procedure.requirements
    assert "hợp pháp hóa" in req.note
    assert len(result.entries) == 2


@pytest.mark.parametrize(
    "over, field, reason",
    [
        ({"ma_thu_tuc": None}, "ma_thu_tuc", "missing"),
        ({"ma_thu_tuc": ""}, "ma_thu_tuc", "missing"),
        ({"ma_thu_tuc": "TTHC-12"}, "ma_thu_tuc", "malformed"),
        ({"ten_thu_tuc": ""}, "ten_thu_tuc", "missing"),
        ({"thanh_phan_ho_so": None}, "thanh_phan_ho_so", "missing"),
        ({"thanh_phan_ho_so": ["Tờ khai", 1]}, "thanh_phan_ho_so", "expected text"),
        ({"thanh_phan_ho_so": ""}, "thanh_phan_ho_so", "empty"),
        ({"thanh_phan_ho_so": f"--{H}Tờ khai: một bản chính, hai bản sao"}, "thanh_phan_ho_so", "no quantity cell"),
    ],
)
def test_malformed_records_are_errors_not_exceptions(recogniser, over, field, reason):
    data = record(**over)
    if over.get("ma_thu_tuc") is None and "ma_thu_tuc" in over:
        del data["ma_thu_tuc"]
    if over.get("thanh_phan_ho_so") is None and "thanh_phan_ho_so" in over:
        del data["thanh_phan_ho_so"]
    result = parse_record(data, "bad.json", "bo-tu-phap", recogniser)
    assert result.procedure is None
    assert any(e.field == field and reason in e.reason and e.file == "bad.json" for e in result.errors), result.errors


def test_not_a_dict(recogniser):
    result = parse_record(["not", "a", "record"], "list.json", "bo-tu-phap", recogniser)
    assert result.procedure is None and result.errors[0].field == "(record)"


def test_messy_side_fields_only_warn(recogniser):
    result = parse_record(
        record(cap_thuc_hien="Cấp huyện", cach_thuc_thuc_hien="Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyếnvài ngàyMiễn phí",
               can_cu_phap_ly=None, ket_qua_xu_ly=""),
        "x.json", "bo-tu-phap", recogniser)
    assert result.procedure is not None
    assert result.procedure.level == [] and result.procedure.legal_refs == [] and result.procedure.results == []
    assert {w.field for w in result.warnings} >= {"cap_thuc_hien"}


def test_iter_records(tmp_path):
    (tmp_path / "bo-tu-phap" / "sub").mkdir(parents=True)
    (tmp_path / "bo-tu-phap" / "sub" / "1.000001.json").write_text(json.dumps(record()), encoding="utf-8")
    (tmp_path / "1.000002.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    found = [(p.name, m) for p, m in iter_records(tmp_path)]
    assert found == [("1.000002.json", "unknown"), ("1.000001.json", "bo-tu-phap")]


def test_a_repeated_entry_is_read_once_and_each_procedure_owns_its_tree(recogniser, monkeypatch):
    import engine.portal.record as rec_module

    calls = []
    real = rec_module.read_papers

    def counting(*args, **kw):
        calls.append(args[0])
        return real(*args, **kw)

    monkeypatch.setattr(rec_module, "read_papers", counting)
    rec_module._MEMOS.pop(recogniser, None)  # other tests read this record already
    first = parse_record(record(), "a/1.000001.json", "bo-tu-phap", recogniser).procedure
    n = len(calls)
    second = parse_record(record(ma_thu_tuc="1.000001.k2"), "b/1.000001.json", "bo-tu-phap", recogniser).procedure
    assert n > 0 and len(calls) == n  # the same entries: none read again
    assert [r.model_dump() for r in first.requirements] == [r.model_dump() for r in second.requirements]
    assert first.requirements[0].components is not second.requirements[0].components
    # Another applicants line is another reading (foreign applicants' papers differ).
    parse_record(record(ma_thu_tuc="1.000002", doi_tuong_thuc_hien="Người nước ngoài"), "c.json", "bo-tu-phap", recogniser)
    assert len(calls) > n
