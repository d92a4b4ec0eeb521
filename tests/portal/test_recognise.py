"""Recogniser rules on texts written for the tests, against the shipped registry."""

from __future__ import annotations

import time

import pytest

from engine.models import DocumentType, Text
from engine.portal import Recogniser


@pytest.mark.parametrize(
    "text, types",
    [
        ("Bản sao giấy khai sinh", ["birth-certificate"]),
        ("Giấy khai sinh của người con", ["birth-certificate"]),
        ("Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", ["business-registration-certificate"]),
        ("Sổ hộ khẩu của cha, mẹ (bản chính)", ["household-book"]),
        ("Phiếu lý lịch tư pháp số 1", ["criminal-record-certificate"]),
        ("Xuất trình thẻ căn cước để cơ quan kiểm tra", ["the-can-cuoc"]),
        # Longest synonym first: a citizen ID card, not the generic "thẻ căn cước".
        ("Thẻ căn cước công dân", ["cccd"]),
        # References, not requests.
        ("Xác nhận của UBND cấp xã nơi đăng ký hộ khẩu thường trú", ["commune-confirmation"]),
        ("Đơn đề nghị cấp giấy phép lái xe", ["application-form"]),
        ("Tờ khai đăng ký kết hôn", ["application-form"]),
        ("Danh sách thành viên ghi rõ họ tên, số chứng minh nhân dân hoặc căn cước công dân", ["list-or-register"]),
        ("Phiếu thu nhận thông tin căn cước", []),
        ("Thông báo thay đổi nội dung đăng ký doanh nghiệp", []),
        # Negation, lookup waiver, example, paper issued abroad.
        ("Báo cáo tài chính; trường hợp khai thác được thông tin thì không phải nộp bản sao Giấy chứng nhận đăng ký doanh nghiệp",
         ["financial-statement"]),
        ("Giấy tờ chứng minh quan hệ nhân thân. Ví dụ: giấy khai sinh, giấy chứng nhận kết hôn", ["relationship-proof"]),
        ("Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của nước ngoài cấp", []),
        # Too short to trust: "Anh hùng" is not a photo.
        ("Giấy chứng nhận con Anh hùng lực lượng vũ trang", []),
    ],
)
def test_types(recogniser, text, types):
    assert recogniser.recognise(text).types == types


def test_slash_list_is_alternatives(recogniser):
    rec = recogniser.recognise("Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Giấy chứng nhận căn cước")
    assert rec.types == ["passport", "cccd", "the-can-cuoc", "giay-chung-nhan-can-cuoc"]
    assert rec.match == "any_of"


def test_hoac_is_alternatives(recogniser):
    rec = recogniser.recognise("Bản sao chứng minh nhân dân hoặc căn cước công dân hoặc hộ chiếu")
    assert rec.types == ["cmnd", "cccd", "passport"] and rec.match == "any_of"


def test_va_is_all_of(recogniser):
    rec = recogniser.recognise("Sơ yếu lý lịch và Phiếu lý lịch tư pháp")
    assert rec.types == ["cv", "criminal-record-certificate"] and rec.match == "all_of"


def test_diacritics_free_text_is_recognised(recogniser):
    assert recogniser.recognise("Ban sao giay khai sinh").types == ["birth-certificate"]


def test_rejected_hits_are_kept_for_reports(recogniser):
    rec = recogniser.recognise("Xác nhận của UBND nơi đăng ký hộ khẩu")
    assert [h.type_id for h in rec.rejected] == ["household-book"]


def test_synonyms_that_fold_alike_are_told_apart_by_their_diacritics():
    r = Recogniser([
        DocumentType(id="land", name=Text(vi="Sổ đỏ")),
        DocumentType(id="drawing", name=Text(vi="Sơ đồ")),
    ])
    assert r.conflicts == [("so do", "land", "drawing")]
    assert r.recognise("Sơ đồ vị trí khu đất").types == ["drawing"]
    assert r.recognise("Bản sao SỔ ĐỎ của hộ gia đình").types == ["land"]
    # Written without diacritics, the words could be either: neither is read.
    assert r.recognise("So do vi tri khu dat").types == []
    # Words before the phrase (separators, numbers, "_") do not shift which words are compared.
    assert r.recognise("1. Mẫu_01, kèm bản sao (hoặc bản chụp) sổ đỏ").types == ["land"]


def test_a_certificate_is_named_by_the_initials_of_its_words():
    r = Recogniser([
        DocumentType(id="company", name=Text(vi="Giấy chứng nhận đăng ký công ty"), synonyms=["giấy chứng nhận đăng ký hợp tác"]),
        DocumentType(id="register", name=Text(vi="Giấy chứng nhận đăng ký hộ tịch")),
        DocumentType(id="fishing", name=Text(vi="Giấy chứng nhận khai thác thủy sản")),
        DocumentType(id="plot", name=Text(vi="Giấy chứng nhận quyền sử dụng đất")),
        DocumentType(id="marriage", name=Text(vi="Giấy chứng nhận kết hôn")),
    ])
    assert r.recognise("Bản sao GCNĐKCT của đơn vị").types == ["company"]
    assert r.recognise("GCN QSDĐ (bản sao)").types == ["plot"]
    assert r.spelled_out["gcnqsdd"] == "giay chung nhan quyen su dung dat"
    # Two words give two letters, and other words share them ("GCN KH" may be anything).
    assert r.recognise("Bản sao GCNKH").types == []
    # "ĐKHT" would be either "đăng ký hợp tác" or "đăng ký hộ tịch": neither.
    assert r.recognise("Bản sao GCNĐKHT").types == [] and r.recognise("Bản sao GCNKTTS").types == ["fishing"]
    # ... while their names shortened word by word still are ("GCN ĐK", "CNĐK").
    assert r.recognise("Bản sao GCN ĐK hộ tịch").types == ["register"]
    assert r.recognise("Bản sao CNĐK hợp tác").types == ["company"]
    # "Giấy CNQSDĐ": the opening words half shortened, the initials glued to them.
    assert r.recognise("Bản sao Giấy CNQSDĐ").types == ["plot"]
    assert r.recognise("Giấy CN QSDĐ của hộ gia đình").types == ["plot"]


def test_a_confirmation_is_named_by_the_initials_of_its_words():
    r = Recogniser([
        DocumentType(id="marital", name=Text(vi="Giấy xác nhận tình trạng hôn nhân")),
        DocumentType(id="stay", name=Text(vi="Giấy xác nhận thường trú")),
    ])
    assert r.recognise("Giấy XNTTHN của người đề nghị").types == ["marital"]
    assert r.recognise("Bản chính GXNTTHN").types == ["marital"]
    # Two words give two letters: "GXNTT" is no name.
    assert r.recognise("Bản sao GXNTT").types == []


def test_empty_registry_and_text():
    assert Recogniser([]).recognise("Bản sao giấy khai sinh").types == []


def test_fast_enough(recogniser):
    text = "Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương; " * 3
    start = time.perf_counter()
    for _ in range(2000):
        recogniser.recognise(text)
    assert time.perf_counter() - start < 3.0


def test_the_names_after_such_as_are_examples_asked(recogniser):
    text = "Bản sao giấy tờ tùy thân của người đó như thẻ căn cước công dân, thẻ căn cước hoặc căn cước điện tử"
    assert {"cccd", "the-can-cuoc", "electronic-id"} <= set(recogniser.types_of(text))
    # "như" after a photo is a model, not a paper asked for.
    assert "the-can-cuoc" not in recogniser.types_of("02 ảnh chụp như ảnh thẻ căn cước")


def test_a_foreign_issuer_is_read_within_the_names_own_alternative():
    from engine.portal.recognise import _foreign

    # A cue at the very start of the text counts (the alternative's bound does not cut it).
    text = "nuoc ngoai cap giay khai sinh"
    assert _foreign(text, text.index("giay"), len(text))
    # The next alternative's foreign issuer is not this name's.
    text = "giay chung nhan ket hon do co quan viet nam cap hoac giay to do co quan nuoc ngoai cap"
    assert not _foreign(text, 0, len("giay chung nhan ket hon"))


def test_carrying_out_a_procedure_is_no_procedure_title(recogniser):
    # "ủy quyền cho ... thực hiện thủ tục và bản sao Căn cước": the card is one more paper.
    rec = recogniser.recognise("Giấy ủy quyền cho người khác thực hiện thủ tục và bản sao Căn cước của người được ủy quyền")
    assert "the-can-cuoc" in rec.types
    # Inside a procedure's title the name is not asked ("thủ tục đăng ký khai sinh").
    assert "birth-certificate" not in recogniser.recognise("Tờ khai theo mẫu của thủ tục cấp lại giấy khai sinh").types


def test_clerks_shorthand_for_the_words_of_a_name():
    r = Recogniser([
        DocumentType(id="marital", name=Text(vi="Giấy xác nhận tình trạng hôn nhân")),
        DocumentType(id="coop", name=Text(vi="Giấy chứng nhận đăng ký hợp tác xã")),
        DocumentType(id="stay", name=Text(vi="Giấy xác nhận thường trú"), synonyms=["giấy xác nhận tạm trú"]),
        DocumentType(id="visit", name=Text(vi="Giấy xác nhận thăm viếng")),
    ])
    assert r.recognise("Giấy XN tình trạng hôn nhân của bên bán").types == ["marital"]
    assert r.recognise("Giấy XN TTHN").types == ["marital"]
    assert r.recognise("Bản sao GCN ĐK HTX").types == ["coop"]
    assert r.recognise("giấy XN tạm trú của người thuê").types == ["stay"]
    assert r.spelled_out["giay xn thuong tru"] == "giay xac nhan thuong tru"
    # Shorthand that leaves one word says too little ("XN" alone is any confirmation).
    assert r.recognise("XN của trưởng thôn").types == []


def test_an_activitys_words_before_a_name_govern_nothing(recogniser):
    # "dự án" after "đăng ký đầu tư" is set aside (an activity's words), not a reference like "số".
    text = "Bản sao GCN đăng ký đầu tư dự án và Giấy chứng nhận đăng ký doanh nghiệp (nếu có)"
    assert recogniser.recognise(text).types == ["investment-certificate", "business-registration-certificate"]
    assert recogniser.recognise("Số CMND hoặc CCCD của người đề nghị").types == []


def test_the_dossiers_papers_said_to_apply_to_someone_are_not_asked_again(recogniser):
    text = ("Trường hợp có nhiều người đại diện thì Bản khai lý lịch, Phiếu lý lịch tư pháp hoặc Bản khai "
            "nhân sự trong hồ sơ áp dụng đối với người đứng tên trong giấy chứng nhận")
    assert recogniser.recognise(text).types == []
