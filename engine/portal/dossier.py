"""Split the portal's flattened ``thanh_phan_ho_so`` into dossier entries.

The portal renders the dossier as HTML tables (name, form file, quantity) and
the crawl flattened them to one string. What survives of the structure:

* a table header ``Tên giấy tờMẫu đơn, tờ khaiSố lượng`` before every table;
* the text between the end of one table and the next header: a section title
  (``* Giấy tờ phải nộp:``, ``* Giấy tờ phải xuất trình:``, ``* Lưu ý:``,
  ``(1) Thành phần hồ sơ cấp ...:``, ``Trường hợp ủy quyền ...:`` or ``--``);
* every row ends in a quantity cell ``N bản chính`` or ``N bản chính,M bản sao``
  glued to the row text and to the form file name (``...Mẫu số 01.docx1 bản chính``).

Examples
--------
>>> entries = parse_dossier("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"
...                         "Bản sao giấy khai sinh0 bản chính,1 bản sao")
>>> [(e.text, e.originals, e.copies) for e in entries]
[('Đơn đề nghị', 1, 0), ('Bản sao giấy khai sinh', 0, 1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .folding import fold
from .folding import tidy as clean

TABLE_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

Kind = Literal["document", "note", "lead"]
Mode = Literal["submit", "show"]

# The quantity cell. The count is glued to the row text, so a year or a form
# number may precede it ("ngày 01/01/20261 bản chính"): we read the whole digit
# run and keep its last digit (counts above 9 do not occur in the portal).
_CELL = re.compile(
    r"(?P<orig_run>\d+) ?bản chính(?:,\s*(?P<copies>\d{1,2}) ?bản sao(?P<cert1> có chứng thực)?)?"
    r"|(?P<copy_run>\d+) ?bản sao(?P<cert2> có chứng thực)?"
)
_FORM_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|odt|rar|zip)\s*$", re.IGNORECASE)
# A file name in the form column usually starts with one of these words; used to
# find where the row text ends and the glued file name begins.
_FORM_START = re.compile(
    r"(?:M[ẫa]u|Mus|M\d|Ph[ụu] ?l[ụu]c|Phuluc|Phlc|PL\s?\d|Don |Đơn |To khai|BM|TK\d|\d+[-.]\s?M)", re.IGNORECASE
)
_MARKER = re.compile(r"^(?:[-+*•–]+\s*|\(?[0-9ivx]{1,4}[.)]\s*|\(?[a-zđ][.)]\s+|\(?[a-zđ]\)\s*)+", re.IGNORECASE)
_SECTION_SUBMIT = re.compile(r"giay to phai nop|giay to nop")
_SECTION_SHOW = re.compile(r"giay to phai xuat trinh|giay to xuat trinh")
_SECTION_NOTE = re.compile(r"^\W*luu y\b")
# Words that open a case ("in the case where ..."). Folded text.
_CASE = re.compile(r"^(?:\W*(?:[a-z0-9]{1,3}[.)]?\s+)?)(?:trong )?(?:truong hop|doi voi|neu|khi|rieng)\b")
_INLINE_CASE = re.compile(
    r"\((?P<paren>(?:trong |doi voi )?(?:truong hop|neu|doi voi|khi|ap dung)[^()]{0,200})\)"
    r"|(?P<tail>(?:trong|doi voi|doi voi cac) truong hop\b.{3,200})$"
)
_LEAD_END = re.compile(r"(?::|\bgom|\bsau day|\bbao gom|\bcu the)\s*$")
_NOTE_VERBS = re.compile(
    r"\b(?:co trach nhiem|khong duoc yeu cau|phai duoc|duoc xac dinh|tu choi|"
    r"nguoi tiep nhan|co quan dang ky|co the nop|so luong ho so)\b"
)
# Showing a paper: "xuất trình (bản chính) thẻ căn cước / CCCD / giấy ...".
# ("... thì xuất trình thêm thẻ căn cước của trẻ": one more paper shown.)
# ("xuất trình trên ứng dụng VNeID hoặc nộp giấy xác nhận ...": the card's app, then a paper.)
_SHOWS = (r"xuat trinh (?:them )?(?:ban chinh |ban goc )?(?:(?:tren|qua) (?:ung dung )?vneid hoac (?:nop )?)?"
          r"(?:giay|the|so|can cuoc|ho chieu|mot trong|cccd|cmnd)")
_DOC_HEAD = re.compile(
    r"^(?:ban sao|ban chinh|ban chup|giay|van ban|don|to khai|to trinh|phieu|hop dong|quyet dinh|"
    r"bao cao|danh sach|chung tu|hoa don|so |the |bien ban|tai lieu|ban ke|bang ke|ho so|"
    r"chung chi|chung nhan|xac nhan|anh|thong bao|ke hoach|phuong an|de an|du an|ban ve|ban do|"
    # A paper to show: "Căn cước công dân hoặc thẻ Căn cước (xuất trình ...)", "Xuất trình bản chính ...".
    r"can cuoc|chung minh nhan dan|ho chieu|xuat trinh (?:ban chinh|ban goc|giay|the|can cuoc|ho chieu)|"
    # The clerks' abbreviations of those papers: "CCCD của chủ hộ - chỉ cần cung cấp số định danh ...".
    r"(?:cccd|cmnd|gcn|gplx|gks)\b|"
    # "Một trong các giấy tờ tùy thân sau của người nhận tiền: Căn cước công dân, ...": a choice of papers.
    r"mot trong (?:cac |nhung )?(?:loai )?(?:giay to|van ban|tai lieu)\b|"
    # "Người lao động xuất trình sổ bảo hiểm xã hội hoặc thẻ bảo hiểm y tế ...": someone shows a paper.
    r"(?:nguoi|cong dan|ca nhan)(?: \w+){0,4} " + _SHOWS + ")"
)
# Someone shows a paper: "xuất trình CCCD ...", "người làm chứng xuất trình thẻ căn cước".
# ("Khi nộp trực tiếp, người đề nghị xuất trình thẻ căn cước ...", "chưa có thẻ thì xuất trình giấy ...";
# not "không phải xuất trình ...", a waiver.)
# ("Thân nhân xuất trình thẻ Căn cước khi nhận ...": a person named in a word or two, then the paper shown.)
# ("Người được cơ sở cử đến nộp hồ sơ trực tiếp xuất trình thẻ Căn cước ...": who, in up to ten words.)
# ("Khi nhận tiền hỗ trợ, xuất trình một trong các giấy tờ sau: ...": when, then the paper shown.)
_SHOWN = re.compile(r"(?:^|^(?:\w+ ){1,2}|^(?:khi|truong hop|neu)(?: \w+){1,8} |\b(?:thi|nguoi|cong dan|ca nhan|(?:hai |cac )?ben)(?: \w+){0,10} )(?:phai )?(?<!khong phai )(?<!khong can )(?<!khong )"
                    + _SHOWS + r"\b")
# The paper a case's colon asks for, by its own name (not "hồ sơ chỉ gồm ...", "tài liệu được
# quét ...", "bản sao được chứng thực điện tử ...": how the dossier is given).
_CASE_PAPER = re.compile(r"^(?:(?:ban sao|ban chinh|ban chup)(?: co chung thuc)? |xuat trinh |nop )?"
                         r"(?:giay|the |so |can cuoc|cccd|cmnd|ho chieu|phieu|trich luc|van ban|quyet dinh|hop dong|"
                         r"chung chi|chung nhan|xac nhan|bien lai|gplx)")
# "<paper> có giá trị 06 tháng kể từ ngày cấp": a sentence on a paper's validity.
_VALID_FOR = re.compile(r"^[^;:()]{3,120}? co gia tri (?:su dung )?(?:trong (?:vong |thoi han )?)?\d+ (?:thang|ngay|nam) ke tu ngay cap\b")
# "... không yêu cầu người đề nghị xuất trình ...": a show the row denies.
_SHOW_DENIED = re.compile(r"\bkhong (?:yeu cau|phai|can|bat buoc)\b")
# "thì" (then) of a rule; not "hiển thị" (shown), "thi hành", "thị xã", "thị trấn".
_THEN_WORD = re.compile(r"(?<!hien )\bthi\b(?! (?:hanh|xa|tran|truong|sinh|thuc|cong|tuyen)\b)")
# "...; trường hợp chưa được cấp thì nộp giấy xác nhận thông tin về cư trú": in that case a paper is given.
# ("... thì kèm theo giấy tờ chứng minh tư cách đại diện": one more paper given.)
_THEN_GIVES = re.compile(r"\bthi (?:phai )?(?:(?:nop|xuat trinh|cung cap) (?:them |kem )?|kem theo |kem )(?:ban sao |ban chinh |ban chup )?"
                         r"(?:giay|the |so |can cuoc|ho chieu|phieu|trich luc|van ban|cccd|cmnd)")
# "Lưu ý: Người đăng ký xuất trình CCCD ...": a note that opens on someone showing a paper.
_NOTE_SHOWS = re.compile(r"^luu y (?:nguoi|cong dan|ca nhan)(?: \w+){0,6} (?:phai )?" + _SHOWS + r"\b")
# "... đã có trong Cơ sở dữ liệu ... thì không phải nộp / xuất trình / tải lên".
_WAIVER = re.compile(
    r"(?:co so du lieu|csdl|khai thac|tich hop|vneid|dinh danh dien tu)"
    r".{0,260}?\b(?:khong phai|khong yeu cau|khong can|khong bat buoc|khong phai nop|chi nop trong truong hop|"
    r"chi xuat trinh trong truong hop|chi can cung cap thong tin)"
    # ("giấy tờ về cư trú chỉ phải nộp khi ... không khai thác được ...": only when the lookup fails.)
    r"|\b(?:khong phai|chi(?: phai| can)?)\s(?:nop|xuat trinh|tai len).{0,80}(?:truong hop|neu|khi).{0,120}"
    r"(?:khong khai thac|co so du lieu|csdl)"
)


@dataclass
class Entry:
    """One row of the dossier table, classified.

    Attributes
    ----------
    index : int
        Position among all entries of the dossier (0-based), notes included.
    text : str
        Display text: markers, quantity and form file names removed.
    kind : {"document", "note", "lead"}
        ``document`` asks for a paper; ``note`` explains; ``lead`` introduces
        the rows after it ("Trường hợp ủy quyền:", "... gồm:").
    condition : str or None
        The case in which the entry applies, from its own text or a lead/section.
    forms : list of str
        Form file names that were glued to the row.
    """

    index: int
    text: str
    kind: Kind
    originals: int = 0
    copies: int = 0
    certified: bool = False
    mode: Mode = "submit"
    section: str | None = None
    condition: str | None = None
    waived_by_text: bool = False
    surrendered: bool = False
    forms: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quantity_found: bool = True

    @property
    def folded(self) -> str:
        return fold(self.text)


class DossierError(ValueError):
    """The dossier text has no table structure we can read."""


@dataclass
class _Row:
    text: str
    originals: int
    copies: int
    certified: bool
    section: str | None
    found: bool = True


def _count(run: str) -> int:
    # Keep the last digit: the rest belongs to the glued row text.
    return int(run[-1])


def _is_cell(text: str, m: re.Match) -> bool:
    """Tell a quantity cell from a quantity written inside the row text."""
    run = m.group("orig_run") or m.group("copy_run")
    # The portal never zero-pads counts; "01 bản chính" is the row's own prose.
    if len(run) == 2 and run[0] == "0":
        return False
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if before in "(":
        return False
    if before == " " and after != "" and after in " ,.;)":
        # "nộp 1 bản chính; ...", "1 bản chính)": prose, not a cell.
        return False
    if after == " " and text[m.end() : m.end() + 3].strip()[:1].islower():
        return False
    if m.group("copy_run") is not None:
        # A lone "N bản sao" cell must be glued to the row (no space before).
        return before not in (" ", "")
    return True


def _split_rows(body: str, section: str | None) -> tuple[list[_Row], str]:
    """Split one table body into rows; return the rows and the trailing text."""
    rows: list[_Row] = []
    start = 0
    for m in _CELL.finditer(body):
        if not _is_cell(body, m):
            continue
        if m.group("orig_run") is not None:
            run = m.group("orig_run")
            originals = _count(run)
            copies = int(m.group("copies")) if m.group("copies") else 0
            certified = bool(m.group("cert1"))
        else:
            run = m.group("copy_run")
            originals, copies, certified = 0, _count(run), bool(m.group("cert2"))
        # Digits before the count's own digit are the end of the row text.
        rows.append(_Row(body[start : m.start() + len(run) - 1], originals, copies, certified, section))
        start = m.end()
    return rows, body[start:]


_WORD = re.compile(r"\w")


def _strip_forms(text: str) -> tuple[str, list[str]]:
    """Remove the form file names glued at the end of a row.

    The file name has no delimiter of its own, so its start is guessed, in this
    order: a typical form-name word glued to the text ("...Chính phủMẫu số
    09.docx"); a ";", "." or ")" glued to a letter ("...Bộ Công an.NA15.pdf");
    a lower-case letter glued to a capital ("...nguồn genBao cao.docx"). When
    none is found the row text is kept whole: losing text is worse than
    keeping a file name in it.
    """
    forms: list[str] = []
    while True:
        m = _FORM_EXT.search(text)
        if not m:
            break
        head = text[: m.start()]
        cut = None
        for g in _FORM_START.finditer(head):
            i = g.start()
            # "-Đơn xin ...": a form word that opens the row (after a list mark) names the paper itself.
            if i > 0 and head[i - 1] not in " (" and m.start() - i <= 160 and _WORD.search(head[:i]):
                cut = i
        if cut is None:
            semicolon = [i for i in range(1, len(head)) if head[i - 1] == ";" and head[i].isalnum()]
            glue = [i for i in range(1, len(head)) if head[i - 1] in ".)" and head[i].isalpha()]
            camel = [i for i in range(1, len(head)) if head[i - 1].islower() and head[i].isupper()]
            for options in (semicolon, glue, camel):
                options = [i for i in options if m.start() - i <= 160 and _WORD.search(head[:i])]
                if options:
                    cut = options[-1]
                    break
        if cut is None or not clean(text[:cut]):
            break
        forms.append(clean(text[cut:]))
        text = text[:cut]
    return text, forms[::-1]


def _condition_of(folded: str, text: str) -> str | None:
    """The case clause of an entry's own text, if any (display text, not folded)."""
    if _CASE.match(folded):
        m = re.search(r"\bthì\b|:|,", text)
        if m and m.start() > 8:
            return clean(_MARKER.sub("", text[: m.start()]))
        return clean(_MARKER.sub("", text))
    low = text.lower()
    if "(nếu có)" in low:
        return "nếu có"
    m = re.search(r"\(((?:trong |đối với )?(?:trường hợp|nếu|đối với|khi)[^()]{0,200})\)", text, re.IGNORECASE)
    if m:
        return clean(m.group(1))
    m = re.search(r"\b((?:trong|đối với) trường hợp\b.{3,200})$", text, re.IGNORECASE)
    if m:
        return clean(m.group(1).rstrip(".;"))
    return None


def _section_mode(section: str | None, current: Mode) -> tuple[Mode, bool]:
    """Mode of a section title, and whether it is a notes section."""
    if not section:
        return current, False
    f = fold(section)
    if _SECTION_SHOW.search(f):
        return "show", False
    if _SECTION_SUBMIT.search(f):
        return "submit", False
    if _SECTION_NOTE.match(f):
        return current, True
    return current, False


def _is_waiver(folded: str) -> bool:
    return bool(_WAIVER.search(folded))


# The paper itself is handed in (an original to be endorsed or replaced, a paper
# handed back, a registration surrendered with its plates): no database can
# stand in. A false match only keeps a document required, the safe side.
_SURRENDER = re.compile(
    r"^(?:ban goc|nop lai)\b|\bban goc (?:giay chung nhan|giay phep|chung nhan)"
    r"|\b(?:giay chung nhan|giay phep|chung nhan) ban goc\b"
    r"|^(?:giay )?chung nhan dang ky xe\b.{0,40}\bbien so"
)


def _is_surrendered(folded: str) -> bool:
    return bool(_SURRENDER.search(folded))


def parse_dossier(raw: str) -> list[Entry]:
    """Parse ``thanh_phan_ho_so`` into classified entries.

    Parameters
    ----------
    raw : str
        The field as crawled.

    Returns
    -------
    list of Entry
        Every row, notes and leads included, in order.

    Raises
    ------
    DossierError
        When the text is not a string, is empty, or has no quantity cell at all.
    """
    if not isinstance(raw, str):
        raise DossierError(f"expected text, got {type(raw).__name__}")
    text = raw.replace("\u200e", "").replace("\u200b", "").replace("\xa0", " ")
    if not clean(text).strip("- "):
        raise DossierError("empty dossier")
    chunks = text.split(TABLE_HEADER)
    rows: list[_Row] = []
    section: str | None = None
    trailing = ""
    for i, chunk in enumerate(chunks):
        if i == 0:
            # Before the first table: a section title only (or a header-less table).
            if len(chunks) > 1:
                section = clean(chunk).strip("- ") or None
                continue
        found, tail = _split_rows(chunk, section)
        rows.extend(found)
        if i + 1 < len(chunks):
            # Text after the last cell and before the next header is the next title.
            section = clean(tail).strip("- ") or None
        else:
            trailing = tail
    if clean(trailing).strip("- "):
        rows.append(_Row(trailing, 0, 0, False, section, found=False))
    if not any(r.found for r in rows):
        raise DossierError("no quantity cell ('N bản chính') found")
    return _classify(rows)


def _classify(rows: list[_Row]) -> list[Entry]:
    entries: list[Entry] = []
    mode: Mode = "submit"
    last_section: str | None = object()  # type: ignore[assignment]
    notes_section = False
    section_condition: str | None = None
    lead: Entry | None = None
    lead_marker = ""
    for row in rows:
        if row.section is not last_section:
            last_section = row.section
            mode, notes_section = _section_mode(row.section, mode)
            sf = fold(row.section or "")
            section_condition = clean(row.section).rstrip(":") if row.section and _CASE.match(sf) else None
            lead = None
        body, forms = _strip_forms(row.text)
        body = clean(body)
        marker_m = _MARKER.match(body)
        marker = marker_m.group(0).strip() if marker_m else ""
        display = body[marker_m.end() :].strip() if marker_m else body
        f = fold(display)
        empty = row.originals == 0 and row.copies == 0
        # ("Lưu ý: Người đăng ký xuất trình CCCD/thẻ căn cước khi nộp trực tiếp": someone shows a paper.)
        if notes_section or f.startswith("luu y") and empty and not _NOTE_SHOWS.match(f) or not _WORD.search(display):
            # A bare count cell the portal repeated ("1 bản chính1 bản chính") asks for nothing.
            kind: Kind = "note"
        elif empty and (_LEAD_END.search(f) or (_CASE.match(f) and display.rstrip().endswith(":"))):
            kind = "lead"
        elif empty and _VALID_FOR.match(f):
            # "Giấy xác nhận tình trạng hôn nhân có giá trị 06 tháng kể từ ngày cấp; ...": how long
            # a paper lasts, said with no count, asks for none.
            kind = "note"
        elif empty:
            # A paper named first and then waived by the row's own words ("Giấy khai sinh ... của
            # người được xác định ... - cơ quan tự khai thác ..., người đề nghị không phải nộp")
            # is a document the waiver decides, whatever other verbs the row uses.
            parts = [fold(part) for part in re.split(r"[:;]", display)]
            # ("Căn cước ... (xuất trình); trường hợp ... đã được khai thác từ CSDL ... thì không phải
            # xuất trình": the "thì" of the row's own waiver makes no rule of it.)
            # ("(xuất trình bản chính; nộp trực tuyến thì tải bản chụp)": a "thì" inside the paper's
            # parenthesis says how it is given, not a rule of the row.)
            bare_parts = [fold(part) for part in re.split(r"[:;]", re.sub(r"\([^()]*\)", " ", display))]
            looks_doc = (_DOC_HEAD.match(f) and (_is_waiver(f) or not _NOTE_VERBS.search(f))
                         and not _CASE.match(f) and not any(_THEN_WORD.search(part) for part in bare_parts if not _is_waiver(part)))
            # (A waiver's own words, "không phải xuất trình nếu cơ quan đăng ký khai thác được
            # ...", say nothing of what the row is.)
            if not looks_doc and not any(_NOTE_VERBS.search(part) for part in parts if not _is_waiver(part)):
                # "Trường hợp người yêu cầu trực tiếp nộp đơn: xuất trình CCCD ...", "...; người
                # làm chứng xuất trình CCCD hoặc thẻ căn cước": the row ends on a paper shown.
                # ("... thì cơ quan tiếp nhận không yêu cầu người đề nghị xuất trình giấy tờ ...": the
                # row waives what it names; it asks for nothing.)
                looks_doc = any(any(not _SHOW_DENIED.search(m.group(0)) for m in _SHOWN.finditer(part))
                                or _THEN_GIVES.search(part) for part in parts)
            first_cut = re.search(r"[:;]", display)
            if (not looks_doc and first_cut and first_cut.group(0) == ":" and _CASE.match(parts[0])
                    and not _NOTE_VERBS.search(parts[0]) and not _THEN_WORD.search(parts[0])):
                # "Trường hợp trẻ em đang tạm trú: giấy xác nhận thông tin về cư trú ... (không phải
                # nộp nếu khai thác được ...)": the paper asked in that case, whatever its count cell.
                # (Not "...: giấy xác nhận cư trú không phải nộp": a waiver outside its parenthesis.)
                after = parts[1].strip()
                outside = fold(re.sub(r"\([^()]*\)", " ", display[first_cut.end():]))
                looks_doc = bool(_CASE_PAPER.match(after)) and not (
                    _is_waiver(outside) or _SHOW_DENIED.search(outside) or _NOTE_VERBS.search(outside))
            kind = "document" if looks_doc else "note"
        else:
            kind = "document"
        entry = Entry(
            index=len(entries),
            text=display,
            kind=kind,
            originals=row.originals,
            copies=row.copies,
            certified=row.certified or (row.copies > 0 and bool(re.search(r"\b(?:co )?(?:chung thuc|cong chung)\b", f))),
            mode="show" if kind == "document" and f.startswith("xuat trinh") else mode,
            section=row.section,
            forms=forms,
            quantity_found=row.found,
        )
        entry.waived_by_text = kind == "document" and _is_waiver(f)
        entry.surrendered = kind == "document" and _is_surrendered(f)
        own = _condition_of(f, display) if kind == "document" else None
        # A lead governs the rows after it: all of them when it has no marker,
        # else the rows with a deeper marker ("- lead" then "+ rows").
        if kind == "lead":
            lead, lead_marker = entry, marker
            entry.condition = section_condition
        elif lead is not None and lead_marker and marker and marker[0] == lead_marker[0] and kind == "document":
            lead = None
        inherited = None
        if lead is not None and kind != "lead":
            inherited = lead.text.rstrip(":").strip()
        parts = [p for p in (section_condition, inherited, own) if p]
        if kind != "lead":
            entry.condition = "; ".join(dict.fromkeys(parts)) or None
        entries.append(entry)
    _attach_notes(entries)
    return entries


def _attach_notes(entries: list[Entry]) -> None:
    """Give each note to the document it explains; spread text waivers."""
    for i, e in enumerate(entries):
        if e.kind != "note":
            continue
        prev = next((p for p in reversed(entries[:i]) if p.kind == "document" and p.section == e.section), None)
        if prev is not None:
            prev.notes.append(e.text)
        if not _is_waiver(e.folded):
            continue
        # "Trường hợp các thông tin ... trong các giấy tờ này đã có trong CSDL thì
        # không phải ...": at the head of a section it covers the whole section;
        # after a document it covers that document.
        same = [d for d in entries if d.kind == "document" and d.section == e.section]
        if prev is None or re.search(r"\bcac giay to (?:nay|neu tren|tren)\b", e.folded):
            targets = [d for d in same if d.index > e.index] if prev is None else same
        else:
            targets = [prev]
        for d in targets:
            d.waived_by_text = True
