"""Unit tests of the dossier splitter on texts written for the tests."""

from __future__ import annotations

import pytest

from engine.portal.dossier import TABLE_HEADER as H
from engine.portal.dossier import DossierError, parse_dossier


def docs(entries):
    return [e for e in entries if e.kind == "document"]


def test_rows_end_in_quantity_cells():
    text = f"--{H}Tờ khai đăng ký1 bản chínhBản sao giấy khai sinh0 bản chính,1 bản saoẢnh 4x62 bản chính,2 bản sao"
    entries = parse_dossier(text)
    assert [(e.text, e.originals, e.copies) for e in entries] == [
        ("Tờ khai đăng ký", 1, 0),
        ("Bản sao giấy khai sinh", 0, 1),
        ("Ảnh 4x6", 2, 2),
    ]
    assert all(e.kind == "document" and e.mode == "submit" for e in entries)


def test_copy_only_and_certified_cells():
    text = f"--{H}Giấy xác nhận của cơ sở2 bản saoVăn bằng1 bản sao có chứng thựcĐơn1 bản chính,1 bản sao có chứng thực"
    entries = parse_dossier(text)
    assert [(e.text, e.originals, e.copies, e.certified) for e in entries] == [
        ("Giấy xác nhận của cơ sở", 0, 2, False),
        ("Văn bằng", 0, 1, True),
        ("Đơn", 1, 1, True),
    ]


def test_certified_read_from_the_row_text():
    (entry,) = parse_dossier(f"--{H}Bản sao có chứng thực hợp đồng thuê nhà0 bản chính,1 bản sao")
    assert entry.certified


def test_year_glued_to_the_count_is_not_the_count():
    (entry,) = parse_dossier(f"--{H}Đơn theo Mẫu số 01 ban hành ngày 01/01/20261 bản chính,1 bản sao")
    assert (entry.originals, entry.copies) == (1, 1)
    assert entry.text.endswith("01/01/2026")


def test_quantity_written_in_the_prose_is_not_a_cell():
    (entry,) = parse_dossier(f"--{H}Văn bản đề nghị (01 bản chính) và 02 bản chính tờ khai hàng hóa1 bản chính")
    assert entry.text == "Văn bản đề nghị (01 bản chính) và 02 bản chính tờ khai hàng hóa"
    assert entry.originals == 1


def test_section_headers_set_the_mode_and_notes():
    text = (
        f"* Giấy tờ phải nộp:{H}- Tờ khai theo mẫu1 bản chính"
        f"* Giấy tờ phải xuất trình:{H}- Thẻ căn cước của người đi đăng ký1 bản chính"
        f"* Lưu ý:{H}- Giấy tờ nước ngoài cấp phải được hợp pháp hóa lãnh sự.1 bản chính"
    )
    entries = parse_dossier(text)
    assert [(e.kind, e.mode) for e in entries] == [("document", "submit"), ("document", "show"), ("note", "show")]
    assert entries[0].text == "Tờ khai theo mẫu"  # the "- " marker is gone
    assert entries[1].section == "* Giấy tờ phải xuất trình:"


def test_repeated_table_header_and_case_sections():
    text = (
        f"a) Trường hợp cấp mới:{H}Đơn đề nghị cấp mới1 bản chính"
        f"b) Trường hợp cấp lại:{H}Đơn đề nghị cấp lại1 bản chính"
    )
    first, second = parse_dossier(text)
    assert first.condition == "a) Trường hợp cấp mới"
    assert second.condition == "b) Trường hợp cấp lại"


def test_form_file_names_are_split_off():
    text = (
        f"--{H}Đơn xin nhập học theo mẫu tại Phụ lục I;5.nxinnhaphoc.doc1 bản chính"
        f"Tờ khai theo Mẫu số 02 Nghị định 10/2026/NĐ-CPMẫu số 02.docx1 bản chính"
    )
    first, second = parse_dossier(text)
    assert first.text == "Đơn xin nhập học theo mẫu tại Phụ lục I;"
    assert first.forms == ["5.nxinnhaphoc.doc"]
    assert second.text == "Tờ khai theo Mẫu số 02 Nghị định 10/2026/NĐ-CP"
    assert second.forms == ["Mẫu số 02.docx"]


def test_a_row_that_is_only_a_file_name_keeps_its_text():
    (entry,) = parse_dossier(f"--{H}Đơn đề nghị theo mẫu.docx1 bản chính")
    assert entry.text == "Đơn đề nghị theo mẫu.docx"


def test_zero_quantity_rows_are_notes_or_leads():
    text = (
        f"--{H}Trường hợp nộp qua bưu chính thì gửi kèm bản sao có chứng thực.0 bản chính"
        f"- Trường hợp ủy quyền, nộp thêm:0 bản chính"
        f"+ Văn bản ủy quyền1 bản chính"
        f"+ Giấy tờ tùy thân của người được ủy quyền0 bản chính,1 bản sao"
        f"- Tờ khai1 bản chính"
    )
    entries = parse_dossier(text)
    assert [e.kind for e in entries] == ["note", "lead", "document", "document", "document"]
    assert entries[2].condition == entries[3].condition == "Trường hợp ủy quyền, nộp thêm"
    assert entries[4].condition is None  # a "-" row ends the "+" rows of the lead


def test_inline_conditions():
    text = (
        f"--{H}Trường hợp người yêu cầu là người nước ngoài thì nộp bản sao hộ chiếu0 bản chính,1 bản sao"
        f"Giấy tờ chứng minh thu nhập (nếu có)1 bản chính"
        f"Văn bản ủy quyền (trường hợp nộp thay)1 bản chính"
    )
    a, b, c = parse_dossier(text)
    assert a.kind == "document" and a.condition == "Trường hợp người yêu cầu là người nước ngoài"
    assert b.condition == "nếu có"
    assert c.condition == "trường hợp nộp thay"


def test_waiver_in_the_entry_itself():
    (entry,) = parse_dossier(
        f"--{H}Bản sao giấy khai sinh; trường hợp thông tin đã có trong Cơ sở dữ liệu hộ tịch điện tử "
        f"thì không phải nộp0 bản chính,1 bản sao"
    )
    assert entry.waived_by_text


def test_waiver_note_at_the_head_of_a_section_covers_it():
    text = (
        f"* Giấy tờ phải nộp:{H}Tờ khai1 bản chính"
        f"* Giấy tờ phải xuất trình:{H}Trường hợp thông tin trong các giấy tờ này đã có trong Cơ sở dữ liệu "
        f"quốc gia về dân cư thì không phải xuất trình0 bản chính"
        f"Thẻ căn cước1 bản chínhGiấy tờ chứng minh nơi cư trú1 bản chính"
    )
    entries = parse_dossier(text)
    assert [e.waived_by_text for e in docs(entries)] == [False, True, True]


def test_plain_entry_is_not_waived():
    (entry,) = parse_dossier(f"--{H}Bản sao sổ hộ khẩu0 bản chính,1 bản sao")
    assert not entry.waived_by_text


def test_text_after_the_last_cell_is_kept_as_a_note():
    entries = parse_dossier(f"--{H}Tờ khai1 bản chính* Lưu ý: giấy tờ nước ngoài phải được hợp pháp")
    assert entries[-1].kind == "note" and not entries[-1].quantity_found


@pytest.mark.parametrize(
    "raw, reason",
    [
        (None, "expected text"),
        (42, "expected text"),
        ("", "empty"),
        ("--", "empty"),
        ("Người nộp hồ sơ mang theo các giấy tờ cần thiết.", "no quantity cell"),
        (f"--{H}Tờ khai một bản chính", "no quantity cell"),
    ],
)
def test_unreadable_dossiers_raise(raw, reason):
    with pytest.raises(DossierError, match=reason):
        parse_dossier(raw)


@pytest.mark.parametrize(
    "text, surrendered",
    [
        ("- Bản gốc Giấy chứng nhận quyền sử dụng đất đã cấp1 bản chính", True),
        ("- Giấy chứng nhận (bản gốc) của tài sản bảo đảm1 bản chính", True),
        ("- Nộp lại giấy phép lái xe bị hỏng1 bản chính", True),
        ("- Chứng nhận đăng ký xe, biển số xe của xe xin thu hồi1 bản chính", True),
        ("- Bản sao Giấy chứng nhận quyền sử dụng đất1 bản sao", False),
        ("- Giấy khai thu hồi đăng ký xe theo mẫu1 bản chính", False),
    ],
)
def test_surrendered_originals_are_noticed(text, surrendered):
    (entry,) = [e for e in parse_dossier("* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng" + text) if e.kind == "document"]
    assert entry.surrendered is surrendered


def test_a_row_of_no_copies_that_names_a_paper_to_show_is_a_document():
    from engine.portal.dossier import parse_dossier
    entries = parse_dossier(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"
        "Thẻ Căn cước (xuất trình khi nộp hồ sơ trực tiếp)0 bản chính"
        "Xuất trình bản chính hộ chiếu còn giá trị0 bản chính"
        "Người nộp hồ sơ chịu trách nhiệm về tính chính xác0 bản chính"
    )
    assert [e.kind for e in entries] == ["document", "document", "document", "note"]


def test_a_form_word_that_opens_the_row_is_the_papers_name_not_its_file():
    from engine.portal.dossier import parse_dossier
    entries = parse_dossier(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng-Đơn xin nhận con nuôi (song ngữ Việt-Anh);5.DonxinCN.doc1 bản chính"
        "Giấy khai sinh1 bản chính1 bản chính"
    )
    assert entries[0].text.startswith("Đơn xin nhận con nuôi") and entries[0].kind == "document"
    # A count cell the portal repeated is a row of its own that asks for nothing.
    assert [e.kind for e in entries[1:]] == ["document", "note"]


def test_a_zero_count_row_naming_a_paper_it_waives_is_a_document():
    # The row names a paper, then waives it: a document its own waiver decides
    # (listed as a paper that goes), not a note.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượng"
           "CCCD của chủ hộ - chỉ cần cung cấp số định danh cá nhân, cán bộ tiếp nhận tra cứu trên CSDL dân cư0 bản chính"
           "Giấy khai sinh của người được xác định mức độ khuyết tật - cơ quan tiếp nhận tự khai thác thông tin trên "
           "Cơ sở dữ liệu quốc gia về dân cư, người đề nghị không phải nộp0 bản chính"
           "Hồ sơ được xác định là hợp lệ khi có đủ giấy tờ0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document", "note"]


def test_a_zero_count_row_shown_only_when_the_lookup_fails_is_a_document():
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượng"
           "Giấy tờ chứng minh nơi cư trú của cha, mẹ (chỉ xuất trình khi cơ quan đăng ký không khai thác được "
           "thông tin cư trú từ CSDL quốc gia về dân cư)0 bản chính"
           "Hồ sơ được xác định là hợp lệ khi có đủ giấy tờ0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "note"]


def test_a_zero_count_row_where_someone_shows_an_abbreviated_card_is_a_document():
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"
           "Người lao động xuất trình CCCD/thẻ căn cước hoặc đăng nhập VNeID để xác thực0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document"]


def test_a_row_without_count_ending_on_a_paper_shown_is_a_document():
    entries = parse_dossier(
        f"--{H}Trường hợp người nộp đơn đến trực tiếp: xuất trình CMND hoặc CCCD để cán bộ đối chiếu0 bản chính"
        f"Nếu người để lại di chúc không ký được thì cần người làm chứng; người làm chứng xuất trình thẻ căn cước0 bản chính"
        f"Trường hợp nộp trực tuyến: cán bộ tiếp nhận có trách nhiệm xuất trình giấy biên nhận0 bản chính"
        f"Khi đến nộp trực tiếp, người khai xuất trình thẻ căn cước để đối chiếu; nộp trực tuyến thì không phải xuất trình0 bản chính"
        f"Xuất trình CMND; chưa có thì xuất trình giấy tờ tùy thân khác có dán ảnh0 bản chính"
        f"Nộp qua cổng dịch vụ công thì không phải xuất trình giấy tờ0 bản chính"
    )
    assert [e.kind for e in entries] == ["document", "document", "note", "document", "document", "note"]


def test_a_shown_paper_whose_row_waives_it_and_a_long_named_person_showing_one():
    # The waiver's own words ("nếu cơ quan đăng ký khai thác được ...") do not make the row a
    # note; a person named at length ("người đứng ra tổ chức mai táng") still shows a paper.
    entries = parse_dossier(
        f"--{H}- Chủ phương tiện là cá nhân: xuất trình thẻ Căn cước hoặc CCCD; không phải xuất trình nếu cơ quan "
        f"đăng ký khai thác được thông tin trên CSDL quốc gia về dân cư0 bản chính"
        f"Người đứng ra tổ chức mai táng xuất trình một trong các giấy tờ: CCCD, thẻ Căn cước hoặc hộ chiếu0 bản chính"
        f"Cơ quan đăng ký có trách nhiệm xuất trình giấy biên nhận khi trả kết quả0 bản chính"
    )
    assert [e.kind for e in entries] == ["document", "document", "note"]


def test_a_note_that_opens_on_someone_showing_a_card_is_a_document():
    # "Lưu ý: Người nộp hồ sơ xuất trình thẻ căn cước ...": the note asks for a card shown;
    # a note that only says a paper is not asked stays a note.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"
           "Lưu ý: Người nộp hồ sơ xuất trình thẻ căn cước hoặc CCCD khi nộp tại bộ phận một cửa0 bản chính"
           "Lưu ý: Không yêu cầu xuất trình sổ hộ khẩu; trường hợp cần thì xuất trình giấy xác nhận cư trú0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document", "note"]


def test_a_row_that_shows_one_more_card_in_a_case_is_a_document():
    # "...; học sinh đã có thẻ căn cước thì xuất trình thêm thẻ của mình" on a zero-count row:
    # a paper shown, one more in that case.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"
           "CCCD của cha hoặc mẹ (xuất trình bản chính); học sinh đã có thẻ căn cước thì xuất trình thêm "
           "thẻ căn cước của học sinh.0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document"]


def test_a_row_where_a_named_person_shows_a_card_is_a_document():
    # "Thân nhân xuất trình thẻ Căn cước khi nhận ..." on a zero-count row: the relative shows a card.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"
           "Thân nhân xuất trình thẻ Căn cước khi nhận tiền lần đầu.0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document"]


def test_a_card_whose_row_waives_it_with_a_then_clause_and_a_lead_of_one_of_are_documents():
    # "Thẻ căn cước ... (xuất trình); nếu ... đã khai thác được từ CSDL ... thì không phải xuất
    # trình": the "thì" is the waiver's own. "Một trong các giấy tờ tùy thân sau ...: A, B" on a
    # zero-count row: a choice of papers shown. A rule with a "thì" of its own stays a note.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"
           "Thẻ căn cước của người nộp (xuất trình); nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia "
           "về dân cư thì không phải xuất trình.0 bản chính"
           "Một trong các giấy tờ tùy thân sau của người nhận: thẻ căn cước, hộ chiếu (xuất trình khi nhận tiền).0 bản chính"
           "Giấy tờ nêu trên nếu bằng tiếng nước ngoài thì phải dịch sang tiếng Việt.0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document", "document", "note"]


def test_a_zero_count_row_whose_case_then_gives_a_paper_is_a_document():
    # "Thẻ căn cước ...; trường hợp chưa được cấp thì nộp giấy xác nhận thông tin về cư trú": in that
    # case a paper is given, so the row asks for papers.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"
           "Thẻ căn cước của người khai; trường hợp chưa có thẻ thì nộp giấy xác nhận thông tin về cư trú.0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document"]


def test_a_card_shown_on_the_app_is_no_rule_with_a_then():
    # "(... hiển thị trên ứng dụng VNeID)": "hiển thị" (shown) folds like "thì" (then), but a
    # zero-count row naming a card and how it is shown asks for the card.
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"
           "Thẻ căn cước của chủ cơ sở (chấp nhận bản điện tử hiển thị trên ứng dụng VNeID).0 bản chính")
    assert [e.kind for e in parse_dossier(raw)] == ["document", "document"]


def test_a_zero_count_row_showing_a_card_with_a_lookup_first_rule_is_a_document():
    # "...; giấy tờ về cư trú chỉ phải nộp khi ... không khai thác được ...": only when the lookup fails.
    (entry,) = parse_dossier(
        f"--{H}Người đề nghị là công dân Việt Nam xuất trình thẻ căn cước; giấy tờ về cư trú chỉ phải nộp khi "
        f"cơ quan đăng ký không khai thác được thông tin trong Cơ sở dữ liệu quốc gia về dân cư0 bản chính"
    )
    assert entry.kind == "document" and entry.waived_by_text


def test_a_zero_count_row_where_the_one_sent_to_file_shows_a_card_is_a_document():
    # The person is named in many words before "xuất trình thẻ Căn cước".
    (entry,) = parse_dossier(
        f"--{H}Người được doanh nghiệp cử đến nộp hồ sơ trực tiếp xuất trình thẻ Căn cước để "
        f"đối chiếu0 bản chính"
    )
    assert entry.kind == "document"


def test_zero_count_rows_giving_a_paper_after_when_or_then_are_documents():
    # "Khi nhận tiền ..., xuất trình một trong các giấy tờ sau: ...", "...; đối với ... thì kèm theo
    # giấy tờ ...": a paper shown when, and one more given in a case.
    a, b = parse_dossier(
        f"--{H}Khi nhận tiền trợ cấp, xuất trình một trong các giấy tờ sau: thẻ Căn cước, hộ chiếu0 bản chính"
        f"Căn cước của người yêu cầu; đối với người đại diện không phải là cha, mẹ thì kèm theo giấy tờ chứng "
        f"minh tư cách đại diện0 bản chính"
    )
    assert (a.kind, b.kind) == ("document", "document")


def test_a_zero_count_row_that_waives_a_show_asks_for_nothing():
    # "... thì cơ quan tiếp nhận không yêu cầu người đề nghị xuất trình giấy tờ ...": no paper asked.
    _, note = parse_dossier(
        f"--{H}Tờ khai1 bản chínhTrường hợp tra cứu được thông tin trên Cơ sở dữ liệu quốc gia về dân cư thì "
        f"cơ quan tiếp nhận không yêu cầu người đề nghị xuất trình giấy tờ chứng minh nhân thân, nơi cư trú.0 bản chính"
    )
    assert note.kind == "note"


def test_a_zero_count_row_naming_the_paper_a_case_asks_for_is_a_document():
    # "Trường hợp ...: <paper> (không phải nộp nếu khai thác được ...)", "Đối với ...: A và B".
    a, b = parse_dossier(
        f"--{H}Trường hợp con đang ở nhờ nhà người quen: giấy xác nhận thông tin về cư trú của con (không phải "
        f"nộp nếu khai thác được trên Cơ sở dữ liệu quốc gia về dân cư).0 bản chính"
        f"Đối với hàng mang theo bằng xe máy: Giấy đăng ký xe và giấy phép lái xe của người lái.0 bản chính"
    )
    assert (a.kind, b.kind) == ("document", "document") and a.condition


def test_zero_count_rows_saying_how_a_case_gives_the_dossier_stay_notes():
    # How the papers are given in a case ("tài liệu được quét ...", "hồ sơ chỉ gồm ..."), or a
    # paper the case says is not given, asks for no paper of its own.
    rows = parse_dossier(
        f"--{H}Tờ khai1 bản chínhTrường hợp nộp trực tuyến: tài liệu được quét từ bản chính, định dạng PDF.0 bản chính"
        f"Trường hợp chỉ đổi tên: hồ sơ chỉ gồm đơn và bản sao giấy phép đã cấp.0 bản chính"
        f"Trường hợp đã có thông tin trên CSDL: giấy xác nhận cư trú không phải nộp.0 bản chính"
        f"Trường hợp nộp bản chụp thì mang theo bản chính; hồ sơ điện tử nộp dạng bản sao điện tử0 bản chính"
    )
    assert [e.kind for e in rows[1:]] == ["note"] * 4


def test_zero_count_rows_where_both_parties_show_or_the_app_shows_ask_for_papers():
    # "Hai bên nam, nữ xuất trình thẻ căn cước ...", "...: xuất trình trên ứng dụng VNeID hoặc nộp
    # Giấy xác nhận thông tin về cư trú": papers shown.
    a, b = parse_dossier(
        f"--{H}Hai bên nam, nữ xuất trình thẻ căn cước hoặc hộ chiếu khi đến ký giấy tờ.0 bản chính"
        f"Thông tin về nơi cư trú: xuất trình trên ứng dụng VNeID hoặc nộp Giấy xác nhận thông tin về cư trú.0 bản chính"
    )
    assert (a.kind, b.kind) == ("document", "document")


def test_a_zero_count_sentence_on_how_long_a_paper_lasts_is_a_note():
    # "Giấy xác nhận tình trạng hôn nhân có giá trị 06 tháng kể từ ngày cấp; ...": the result's validity.
    _, note = parse_dossier(
        f"--{H}Tờ khai1 bản chínhGiấy xác nhận tình trạng hôn nhân có giá trị 06 tháng kể từ ngày cấp; người "
        f"yêu cầu ghi rõ mục đích sử dụng.0 bản chính"
    )
    assert note.kind == "note"


def test_a_then_inside_a_papers_parenthesis_makes_no_rule_of_the_row():
    # "Giấy tờ tùy thân ...: hộ chiếu, Căn cước công dân (xuất trình bản chính; nộp trực tuyến thì tải
    # bản chụp)": the "thì" says how the paper is given; the row asks for it.
    (entry,) = parse_dossier(
        f"--{H}Giấy tờ tùy thân của người yêu cầu: hộ chiếu, Căn cước công dân, thẻ Căn cước (xuất trình bản "
        f"chính; nộp trực tuyến thì tải bản chụp).0 bản chính"
    )
    assert entry.kind == "document"
