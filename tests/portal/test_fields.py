"""Side fields of a portal record: level, channels, legal basis, result."""

from __future__ import annotations

from engine.portal.fields import parse_channels, parse_legal_refs, parse_levels, parse_result
from engine.portal.folding import fold, fold_keep

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def test_levels():
    assert parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác") == (["ministry", "province", "commune", "other"], [])
    assert parse_levels("Cấp huyện")[1] == ["unknown level 'Cấp huyện'"]


def test_channels_units_and_fees():
    text = (HEAD + "Trực tuyến3 GiờMiễn phí"
            "Trực tiếp2 Tháng1,200,000 Việt Nam Đồng(Mức thu 1.200.000 đồng)"
            "Dịch vụ bưu chính1150 VNĐ(150.000 đồng/lần)")
    channels, warnings = parse_channels(text)
    assert [(c.kind, c.days, c.fee_vnd) for c in channels] == [
        ("online", 3 / 8, 0.0), ("in_person", 60.0, 1_200_000.0), ("post", 1.0, 150_000.0)]
    assert warnings == []


def test_kind_word_in_a_description_is_not_a_channel():
    channels, _ = parse_channels(HEAD + "Trực tuyến5 NgàyMiễn phíTrực tuyến: nộp qua Cổng dịch vụ công")
    assert len(channels) == 1 and channels[0].description.startswith("Trực tuyến: nộp")


def test_usd_fee_is_not_converted():
    channels, warnings = parse_channels(HEAD + "Trực tuyến5 Ngày làm việc145 USD(Thẻ tạm trú)")
    assert channels[0].fee_vnd is None and warnings == ["fee in USD: 145 USD"]


def test_legal_refs_glued_to_titles():
    text = ("Luật Hộ tịch60/2014/QH1360/2014/QH13Nghị định 123/2015/NĐ-CPThông tư04/2020/TT-BTPNghị định"
            "Quyết định 19/2018/QĐ-TTgNghị quyết 66.7/2025/NQ-CP")
    assert parse_legal_refs(text) == ["60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP", "19/2018/QĐ-TTg", "66.7/2025/NQ-CP"]


def test_result_text():
    assert parse_result("Giấy phép lái xeMã: KQ.G01.000001Từ khóa") == "Giấy phép lái xe"
    assert parse_result("") is None


def test_fold_keep_marks_separators_and_sentences():
    assert fold_keep("Hộ chiếu/Thẻ căn cước (CMND), v.v. Hết.") == "ho chieu / the can cuoc ( cmnd ) , v v . het ."
    assert fold("Thẻ Căn cước công dân") == "the can cuoc cong dan"
