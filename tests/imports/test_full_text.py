"""A dossier field holding crawl debris falls back to the dossier table of the record's full text."""

from __future__ import annotations

from engine.importer import import_path
from engine.imports.mapping import FullText

from .conftest import record, write_json

TABLE = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"


def page(dossier_section: str) -> str:
    """A page's full text in the portal's layout (headings glued to their text), written for the test."""
    return (
        "Đăng ký thử nghiệmTên thủ tụcĐăng ký thử nghiệmMã thủ tục1.990801Cấp thực hiệnCấp xã"
        "Trình Tự Thực HiệnBước 1. Người đề nghị chuẩn bị hồ sơ theo mục 3 (Thành phần hồ sơ) và nộp.\n"
        "Bước 2. Cơ quan tiếp nhận kiểm tra hồ sơ.\n"
        "Cách Thức Thực HiệnHình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí"
        f"Thành phần hồ sơ{dossier_section}"
        "Căn cứ pháp lýTên văn bản pháp lýMã văn bảnLuật Thử nghiệm01/2099/QH99"
        "Cơ quan thực hiệnSở Tư phápYêu cầu, điều kiện thực hiệnKhông có thông tinKết quả xử lýGiấy xác nhận"
    )


SECTION = f"--{TABLE}Tờ khai đăng ký thử nghiệm1 bản chínhBản sao giấy chứng nhận kết hôn0 bản chính,1 bản sao"
#: What the crawler kept when it cut at the words "Thành phần hồ sơ" inside the steps.
DEBRIS = ") và nộp.\nBước 2. Cơ quan tiếp nhận kiểm tra hồ sơ."


def test_debris_in_the_dossier_field_reads_the_full_text(tmp_path, store, parse):
    records = [
        record("1.990801", thanh_phan_ho_so=DEBRIS, raw_text=page(SECTION)),
        record("1.990802", thanh_phan_ho_so="", raw_text=page(SECTION)),  # an empty field, a table in the page
        record("1.990803", thanh_phan_ho_so="--", raw_text=page("--")),  # the page has no table either
        record("1.990804", thanh_phan_ho_so=DEBRIS),  # no full text at all
    ]
    result = import_path(write_json(tmp_path / "r.json", records), store, parse=parse)
    assert result.from_full_text == 2 and {p.code for p in store.procedures()} == {"1.990801", "1.990802"}
    assert [(r.text, r.originals, r.copies) for r in store.get("1.990801").requirements] == [
        ("Tờ khai đăng ký thử nghiệm", 1, 0), ("Bản sao giấy chứng nhận kết hôn", 0, 1)]
    assert sorted((p.file, p.reason) for p in result.problems) == [
        ("r.json#3", "empty dossier"), ("r.json#4", "no quantity cell ('N bản chính') found")]


def test_a_good_dossier_field_is_kept_even_when_the_page_differs(tmp_path, store, parse):
    own = record("1.990811", raw_text=page(f"--{TABLE}Một giấy tờ khác1 bản chính"))
    import_path(write_json(tmp_path / "r.json", [own]), store, parse=parse)
    assert [r.text for r in store.get("1.990811").requirements] == ["Tờ khai theo mẫu", "Giấy chứng nhận kết hôn"]


def test_the_section_is_found_after_the_channels_and_ends_at_the_next_heading():
    spec = FullText()
    assert spec.section(page(SECTION), TABLE) == SECTION
    # No channel heading: the heading nearest before the first table.
    assert spec.section("Thành phần hồ sơ x" + "Thành phần hồ sơ" + SECTION + "Kết quả xử lýGiấy", TABLE) == SECTION
    assert spec.section(page("--"), TABLE) is None
    assert spec.section("no headings at all", TABLE) is None
