"""Read the structure of one dossier entry: which papers it names, and how.

An entry of the portal is often several papers in one sentence: "Bản sao CCCD
hoặc hộ chiếu kèm theo hợp đồng lao động; 02 ảnh 4x6". The engine decides per
paper, so the entry becomes a small tree (``any_of`` / ``all_of``) of
:class:`~engine.models.Paper`. What decides the tree, in our reading of the
portal's style (LAW.md, "Reading a dossier entry"):

* ``;`` and sentence stops separate parts that are all needed;
* within a part, ``hoặc``, ``/`` and "một trong các giấy tờ sau" make
  alternatives; ``và``, ``+``, ``kèm theo``, ``đồng thời`` make a bundle;
  commas follow the list's last connector (a comma-only list is a bundle,
  except a list of identity papers, which are alternatives);
* a parenthesis after a paper says how it is presented ("bản chính để đối
  chiếu"), when it applies ("trường hợp ..."), or lists what a generic paper
  may be ("giấy tờ tùy thân (CMND, CCCD hoặc hộ chiếu)");
* a piece that names no paper ("quyền sở hữu nhà ở" after a land certificate)
  continues the name before it.

Fail-safe choices: an unclear connector makes a bundle (nothing goes unless
every part goes); a paper is surrendered only on real hand-back words; a
waiver in the text applies only to a paper it can be tied to.

Examples
--------
>>> from engine.portal import Recogniser, load_documents
>>> r = Recogniser(load_documents())
>>> tree = read_papers("Hợp đồng lao động, giấy phép lái xe và 02 ảnh 3x4", r)
>>> [(p.text, p.document_types) for p in iter_papers(tree.node)]
[('Hợp đồng lao động', ['contract']), ('giấy phép lái xe', ['driving-licence']), ('02 ảnh 3x4', ['photo'])]
>>> type(tree.node).__name__
'AllOf'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from engine.models import AllOf, AnyOf, Paper, Source, iter_papers
from engine.text import _TABLE

from .folding import MID_PLUS, fold, fold_keep
from .recognise import CASE_INSTEAD, IDENTITY, LOST, Hit, Recogniser, not_issuers

# --------------------------------------------------------------------------- tokens

_SEPARATORS = ",;:/()"
_STOP = re.compile(r"[.!?]+(?=\s|$)")


@dataclass
class _Tok:
    word: str  # folded
    start: int  # span in the original text
    end: int


class _LowerFold(dict):
    """Code point -> its lower-cased, folded form (computed once per character)."""

    def __missing__(self, code: int) -> str:
        out = chr(code).lower().translate(_TABLE)
        self[code] = out
        return out


_LOWER_FOLD = _LowerFold()
# A sentence stop, a list separator, or a run of word characters. Every other
# character folds to a space, and \w characters (but "_") fold to letters.
_TOKEN = re.compile(r"(?P<stop>[.!?]+(?=\s|$))|(?P<sep>[,;:/()])|(?P<plus>" + MID_PLUS.pattern + r")|(?P<word>[^\W_]+)")


def tokens(text: str) -> list[_Tok]:
    """Fold ``text`` like :func:`~engine.portal.folding.fold_keep`, keeping each
    token's span in the original.

    Examples
    --------
    >>> [(t.word, t.start, t.end) for t in tokens("Sổ hộ khẩu/CCCD.")]
    [('so', 0, 2), ('ho', 3, 5), ('khau', 6, 10), ('/', 10, 11), ('cccd', 11, 15), ('.', 15, 16)]
    """
    text = unicodedata.normalize("NFC", text)
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            folded = m.group().translate(_LOWER_FOLD)
            if " " in folded or not folded:  # a character folding to several words: rare
                for part in folded.split():
                    append(_Tok(part, m.start(), m.end()))
            else:
                append(_Tok(folded, m.start(), m.end()))
        elif kind in ("sep", "plus"):
            append(_Tok(m.group(), m.start(), m.end()))
        else:
            append(_Tok(".", m.start(), m.start() + 1))
    return out


# --------------------------------------------------------------------------- cues (folded)

# Bundle words, longest first; matched as token sequences.
_AND_PHRASES = [("kem", "theo"), ("dong", "thoi"), ("cung", "voi"), ("va",), ("+",), ("kem",)]
_AND_FIRST = {phrase[0] for phrase in _AND_PHRASES}
_STRONG_AND = {("kem", "theo"), ("dong", "thoi"), ("+",), ("kem",), ("cung", "voi")}
# A piece that opens with one of these names a paper of its own.
_PAPER_HEAD = re.compile(
    r"^(?:giay|van ban|don(?! vi)|to khai|to trinh|phieu|hop dong|quyet dinh|qd |bao cao|danh sach|chung tu|hoa don|so |the |"
    r"bien ban|tai lieu|ban ke|bang ke|ho so|chung chi|chung nhan|xac nhan|anh |anh$|thong bao|ke hoach|phuong an|"
    r"de an|du an|ban ve|ban do|ban cam ket|ban khai|ban tu khai|ban thuyet minh|ban mo ta|ban nhan xet|ban tom tat|"
    r"ho chieu|chung minh|cmnd|cmtnd|cccd|can cuoc|trich luc|ly lich|bang |van bang|hoc ba|bien lai|giay phep|"
    r"dieu le|nghi quyet|bien nhan|the |so do|so hong|gplx|bhyt|bhxh|di chuc|phong bi|"
    # "kèm bản sao trang đầu sổ tài khoản": a copied page of a book.
    r"trang (?:dau|cuoi|bia|thong tin|nhan than|ca nhan)\b|"
    # The clerks' abbreviations: GCN (giấy chứng nhận), CNĐK (chứng nhận đăng ký), HĐ (hợp đồng).
    r"gcn|cndk|hd )"
)
# Words that only say how a paper is presented (or count it), stripped before
# looking at what a piece names.
_PRESENT_WORDS = (
    r"(?:0?\d+|mot|hai|ba|cac|nhung|moi|toan bo|ban sao|ban chinh|ban goc|ban chup|ban photo|ban scan|ban in|"
    r"ban dien tu|ban sao dien tu|ban dich|ban sao y|co chung thuc|da chung thuc|duoc chung thuc|chung thuc|"
    r"co cong chung|cong chung|hop le|hop phap hoa lanh su|hop phap hoa|hop phap|con hieu luc|con gia tri|de doi chieu|doi chieu|xuat trinh|"
    # "... kèm bản chính để kiểm tra, đối chiếu": the comparison said twice.
    r"kiem tra|"
    r"nop|kem|kem theo|hoac|va|cua|tu so goc|cap tu so goc|duoc cap tu so goc|tu ban chinh|"
    r"sao|chinh|goc|de|nguoi|do|"
    # When the original is shown: "bản chính xuất trình khi ký", "... khi nộp hồ sơ".
    r"khi (?:ky(?: hop dong| ket)?|nop(?: ho so)?|nhan ket qua|den nhan ket qua|co yeu cau|tiep nhan ho so))"
)
_PRESENT = re.compile(r"^(?:" + _PRESENT_WORDS + r"\s+)+")
_PRESENT_ONLY = re.compile(r"^(?:" + _PRESENT_WORDS + r"\s*)+$")
_COPY_ONLY = re.compile(r"^(?:\d+ )?(?:ban sao|ban chup|ban photo|ban scan)\b")
_ORIGINAL = re.compile(r"(?<!tu )\b(?:ban chinh|ban goc)\b(?! de (?:kiem tra|doi chieu))(?! (?:de )?doi chieu)")
# A sentence that comments on the papers asked for ("Lưu ý: ...", "Việc nộp X ...").
_NOTE = re.compile(r"^(?:\* )?(?:luu y|ghi chu|chu y|viec nop|viec xuat trinh|viec cung cap)\b")
_MUST_GIVE = re.compile(r"(?:nop|cung cap|xuat trinh|gui|bo sung|co)\b")
# ("không có bản sao thì nộp bản chụp ...": a case opened without "nếu".)
_CONDITION = re.compile(r"^(?:trong |doi voi |ap dung )?(?:truong hop|doi voi|neu|khi|rieng|ap dung)\b"
                        r"|^(?:khong|chua) co\b(?= (?:\w+ ){1,6}thi\b)")
# A paper named by the fact it proves: its parenthesis lists the kinds that do.
# ("Giấy tờ, tài liệu có giá trị pháp lý chứng minh ...", "... hợp pháp chứng minh ...": the same lead.)
_PROOF_OF = re.compile(r"^(?:(?:mot )?trong (?:cac |nhung )?)?(?:giay to|tai lieu)(?: ,? (?:giay to|tai lieu))?"
                       r"(?: co gia tri(?: phap ly)?| hop phap| hop le)?(?: de)? chung minh\b")
_UNNAMED_DATA = re.compile(r"\b(?:du lieu quoc gia|co so du lieu|csdl)\b")
_DATABASE = re.compile(r"\b(?:co so du lieu|csdl|he thong thong tin)\b")
_OWN_CASE = re.compile(r"\b(?:trong truong hop|doi voi truong hop)\b")
# "... hoặc quyết định cử người giám hộ nếu là người giám hộ": the alternative names the kind
# of person it is asked of (a person's nationality draws no such case: see _NATIONALITY_CASE).
_ROLE_CASE = re.compile(r"\b(?:neu|khi|truong hop) (?:la|co) (?P<who>nguoi|cha|me|vo|chong|con)\b")
# "(nếu là người nước ngoài)", "đối với người nước ngoài": an alternative for a foreigner.
# ("thẻ thường trú của người đứng đầu là người nước ngoài": the person, then the case.)
_FOREIGNER_CASE = re.compile(r"\b(?:(?:neu|doi voi|truong hop)(?: \w+){0,3}|(?<!khong )(?<!khong phai )la) (?:nguoi nuoc ngoai|nguoi khong (?:co )?quoc tich|to chuc nuoc ngoai)\b")
# A case drawn by nationality ("đối với công dân Việt Nam", "nếu là người nước ngoài").
_NATIONALITY_CASE = re.compile(r"\b(?:nguoi nuoc ngoai|nguoi khong (?:co )?quoc tich|to chuc nuoc ngoai|cong dan (?:viet nam|vn)|nguoi (?:viet nam|vn)|quoc tich)\b")
# "... của người đứng đầu văn phòng đại diện": the papers are a named third party's.
_THIRD_PARTY = re.compile(
    r"\bcua (?:nguoi dung dau|nguoi dai dien|nguoi quan ly|nguoi dieu hanh|giam doc|thanh vien|co dong|"
    r"nguoi duoc (?:cu|bo nhiem|uy quyen|de cu)|truong (?:van phong|chi nhanh|dai dien))\b"
)
_EXCEPT_LEAD = re.compile(r"\btru (?:cac |nhung |mot so )?(?:tai lieu|giay to|van ban|ho so)\b[^:;]*$")
_ONE_OF = re.compile(r"\bmot trong (?:cac|nhung|hai|ba|so)?\b|\bmot trong\b")
_LIST_LEAD = re.compile(r"(?:\bgom|\bbao gom|\bsau day|\bsau|\bnhu sau|\bcu the|\bmot trong (?:cac |nhung )?giay to)\s*$")
# Real hand-backs: the agency keeps, revokes, exchanges or endorses this paper.
# "không phải cấp đổi sang ...": still valid, not exchanged.
_NOT_BEFORE = r"(?<!khong phai )(?<!khong can )(?<!khong )(?<!chua )"
# "Giấy chứng nhận đăng ký xe (thế chấp ...), bản chính giao ngân hàng quản lý", "..., nộp bản
# chính để Ngân hàng giữ trong thời gian vay": the lender holds the original as security while
# the loan runs.
# "(bản chính để Ngân hàng giữ trong thời gian vay)", "..., để Quỹ lưu giữ trong suốt thời
# gian bảo lãnh": the same, said of whom the paper is for.
_LENDER = r"(?:ngan hang|to chuc tin dung|ben nhan the chap|ben nhan bao dam|ben cho vay|quy(?! (?:dinh|trinh|che|hoach|mo|tac|chuan|cach|doi)\b))"
_LENDER_HOLDS = re.compile(
    r"(?:(?:(?:ban chinh|ban goc) (?:\w+ ){0,2}?)?(?:giao|gui|nop) (?:(?:ban chinh|ban goc) )?(?:cho |de )?|\bde )"
    + _LENDER + r"(?: \w+){0,4}? (?:giu|quan ly|luu giu|nam giu)"
)
_SURRENDER = re.compile(
    # ("giấy chứng nhận thu hồi đăng ký", "quyết định thu hồi": papers about a revocation, not one;
    # "GCN ... đã được cấp đổi": the new certificate the exchange gave, not one handed back;
    # "trong trường hợp cấp đổi do ...": the case of the procedure's own exchange.)
    # ("hộ gia đình có đất bị thu hồi", "khi Nhà nước thu hồi đất": the land is taken, not the paper;
    # "đối với người đã bị thu hồi Chứng chỉ ...": a person's past, not a paper handed in.)
    _NOT_BEFORE + r"(?<!chung nhan )(?<!quyet dinh )(?<!thong bao )\b(?:nop lai|(?<!dat bi )(?<!dat da bi )(?<!dat se bi )(?<!nguoi da bi )(?<!nguoi bi )thu hoi(?! dat\b)|(?<!da duoc )(?<!truong hop )cap doi(?! voi)|de chinh ly|chinh ly bien dong|de xac nhan thay doi|xac nhan thay doi|"
    r"de dinh chinh|de huy|da cap cho|giay chung nhan da cap|ban goc giay chung nhan da cap|"
    # "Chứng minh nhân dân ... để cơ quan tiếp nhận cắt góc, hủy": cancelled by the agency.
    r"(?:de|duoc|bi|se bi) (?:\w+ ){0,5}?cat goc|"
    # "(Tòa án lưu vào hồ sơ vụ việc, không trả lại cho đương sự)": the agency keeps it.
    r"luu (?:vao|tai|trong) ho so(?: \w+){0,4} ,? khong tra lai|khong tra lai (?:cho )?(?:duong su|nguoi (?:nop|yeu cau|de nghi))|"
    # "Sổ BHXH ... (nộp cho cơ quan tiếp nhận để tiếp tục ghi, xác nhận ...)": written on by the agency.
    # "... để cơ quan bảo hiểm xã hội ghi bổ sung thời gian công tác vào sổ": the same, the agency named.
    # ("để ghi chú vào Sổ đăng ký kết hôn" writes in the register, not on the paper.)
    # "... để công chức tư pháp - hộ tịch ghi nội dung thay đổi vào giấy tờ đó", "để ghi chú nội
    # dung cải chính": the civil-status paper itself is written on.
    # "Sổ BHXH bản chính để đơn vị tiếp nhận xác nhận và ghi tiếp quá trình đóng": the new employer;
    # "Sổ BHXH ... để Trung tâm Dịch vụ việc làm ghi xác nhận thời gian hưởng trợ cấp": a centre.
    r"de (?:(?:co quan|cong chuc|can bo|bo phan|uy ban|ubnd|so|phong|cuc|don vi|nguoi su dung lao dong|trung tam|chi nhanh|co so|to chuc|doanh nghiep|cong ty) (?:\S+ ){0,8}?)?"
    r"(?:xac nhan (?:va |, )?)?(?:tiep tuc )?ghi(?: tiep| chu)?(?: ,)? (?:xac nhan|vao(?! so (?:dang ky|ho tich|goc|theo doi))|bo sung|qua trinh|thoi gian|noi dung|viec thay doi)|"
    # "nộp kèm sổ BHXH để cơ quan BHXH xác nhận bổ sung vào sổ": the agency writes in that book.
    r"de (?:co quan (?:\w+ ){0,8}?)?xac nhan (?:bo sung )?vao so|"
    # "Sổ bảo hiểm xã hội đã được cấp để cơ quan bảo hiểm xã hội điều chỉnh thông tin": written on.
    # ("để cập nhật thông tin ... vào hệ thống thông tin khám bệnh": the agency's system, not the card.)
    r"de (?:co quan (?:\w+ ){0,5}?)?(?:dieu chinh|cap nhat|sua doi|dinh chinh) (?:lai )?(?:thong tin|noi dung)"
    r"(?! (?:\w+ ){0,8}?(?:vao|len) (?:he thong|co so du lieu|csdl|phan mem))|"
    r"kem (?:theo )?bien so|va bien so|"
    # "Sổ bảo hiểm xã hội (bản chính) để BHXH ... xác nhận, chốt thời gian đóng": the book is closed.
    r"de (?:(?:\w+|,) ){0,14}?chot (?:so|thoi gian|qua trinh)|" + _LENDER_HOLDS.pattern + r")\b"
)
# "đổi" (exchange) and "đối với" (for) fold alike: the second is not a renewal.
# Re-registration ("đăng ký lại khai tử") is not one: Res. 66.7 Appendix I
# (row 512, 1.005461) has its old death certificate fetched from the database.
_RENEWAL = re.compile(r"\b(?:cap doi(?! voi)|cap lai|doi(?! (?:voi|tuong|chieu|ngoai|thoai|dien|ung|thu))|dinh chinh|gia han|dieu chinh|sua doi|thu hoi|chuyen doi|dang ky bien dong|xoa)\b")
_FOREIGN = re.compile(
    # "công dân Việt Nam từ nước ngoài về thường trú": a citizen coming home, no foreign paper.
    r"\b(?:(?<!tu )nuoc ngoai|tu nuoc ngoai(?! ve\b)|hop phap hoa lanh su|lanh su|nguoi nuoc ngoai|to chuc nuoc ngoai|quoc gia khac|"
    r"khong co quoc tich viet nam|nguoi khong quoc tich|nuoc cu tru|nuoc so tai|phap luat cua nuoc|"
    # "công dân nước láng giềng", "công dân nước có chung biên giới": a neighbouring country's.
    r"nuoc lang gieng|nuoc co chung (?:duong )?bien gioi|"
    # "giấy chứng nhận sức khỏe do cơ sở y tế của nước tiếp nhận cấp": the country a worker goes to.
    r"nuoc tiep nhan cap|"
    # "...; trường hợp đã cư trú ở nước ngoài thì nộp thêm A hoặc B do cơ quan có thẩm quyền của
    # nước đó cấp": an authority of the country the text spoke of ("nguồn nước đó" is water).
    r"(?:co quan|tham quyen|chinh quyen)(?: \w+){0,2}? (?:cua|tai) nuoc do|"
    # "do cơ quan có thẩm quyền của nước mà người đó là công dân cấp"
    r"cua nuoc ma (?:\w+ ){0,3}la cong dan|nuoc ma (?:\w+ ){0,3}mang quoc tich|"
    # "do cơ quan có thẩm quyền của nước nơi người được nhận làm con nuôi cư trú cấp"
    r"cua nuoc noi (?:\w+ ){0,8}?(?:cu tru|thuong tru|sinh song))\b"
)


# "(không áp dụng đối với trẻ em là người nước ngoài)", "(trừ người nước ngoài ...)": the paper is a citizen's.
_NOT_FOR_FOREIGNERS = re.compile(r"\b(?:khong ap dung (?:doi voi|cho)|tru (?=nguoi nuoc ngoai|to chuc nuoc ngoai|nguoi khong))\b[^()]*")


# "GCN ĐKDN của doanh nghiệp mời, bảo lãnh người nước ngoài": the foreigner is whom the
# holder invites or employs, not who issued or holds the paper.
# "GCN ĐKDN có tên nhà đầu tư nước ngoài là thành viên, cổ đông": a member, not the issuer
# (the enterprise is registered here). "Giấy xác nhận thông tin về cư trú của người khai báo
# tại địa chỉ người nước ngoài tạm trú": where the foreigner stays, not whose paper it is.
_HOSTS_FOREIGNERS = re.compile(
    r"\b(?:moi|bao lanh|tiep nhan|su dung|tuyen dung)(?: (?:moi|bao lanh|tiep nhan|su dung|tuyen dung))? (?:cho )?"
    r"(?:nguoi lao dong|lao dong|nguoi|chuyen gia) nuoc ngoai\b|"
    r"\b(?:co|ghi) ten (?:cua )?(?:nha dau tu|to chuc|ca nhan|nguoi) nuoc ngoai (?:la )?(?:thanh vien|co dong|chu so huu)\b|"
    r"\btai (?:dia chi|noi|cho o) (?:ma )?nguoi nuoc ngoai (?:dang |se )?(?:tam tru|luu tru|cu tru)\b"
)


def _is_foreign(folded: str) -> bool:
    # ("nếu cơ quan nước ngoài yêu cầu ...", "do cơ quan đại diện Việt Nam ở nước ngoài cấp":
    # not_issuers, words of abroad that name no foreign issuer.)
    return bool(_FOREIGN.search(_NOT_FOR_FOREIGNERS.sub(" ", not_issuers(_HOSTS_FOREIGNERS.sub(" ", folded)))))


_RECEIVER_LOOKS_UP = re.compile(r"\b(?:co quan|bo phan) tiep nhan tu (?:tra cuu|khai thac) (?:tren|trong|tu) (?:co so du lieu|csdl|he thong)\b")
_WAIVER = re.compile(
    r"\bkhong (?:the )?(?:khai thac|tra cuu) duoc\b|\bchi (?:phai )?(?:nop|thuc hien|yeu cau|xuat trinh)\b|"
    # "trường hợp thông tin đã có trên CSDL ... thì chỉ cần cung cấp số định danh cá nhân".
    r"\bchi can (?:cung cap|ke khai|khai|ghi|nop|xuat trinh)\b|"
    # "..., trừ khi cơ quan tiếp nhận tra cứu được thông tin trên CSDL ...": unless it is looked up.
    # ("trừ trường hợp cơ quan cấp C/O đã tra cứu được ...": an agency's name may hold a slash.)
    r"\btru (?:khi|truong hop) (?:[^\s;:]+ ){0,10}?(?:tra cuu|khai thac|kiem tra) duoc\b|"
    # "..., trừ trường hợp thông tin đã có trong CSDL quốc gia về đất đai": unless the data is there.
    r"\btru (?:khi|truong hop) (?:\w+ ){0,10}?(?<!khong )(?<!chua )da (?:co|duoc cap nhat|duoc luu|duoc tich hop) "
    r"(?:tren|trong|vao) (?:co so du lieu|csdl)\b|"
    # "...; không áp dụng nếu cơ quan tiếp nhận khai thác được thông tin ... trên CSDL ...".
    r"\bkhong ap dung (?:neu|khi|(?:trong )?truong hop) (?:\w+ ){0,8}?(?<!khong )(?<!chua )(?:da )?(?:tra cuu|khai thac|kiem tra) duoc\b|\b(?:khong phai nop|khong yeu cau|khong can nop|khong phai xuat trinh|khong can xuat trinh|khong phai cung cap|"
    r"khong bat buoc|khong phai|khong can|mien nop|khong bao gom ban sao|khong bao gom|chua duoc dang tai|chua duoc cong bo|"
    r"chua (?:duoc )?(?:tich hop|ket noi|chia se)|khong co (?:ten|thong tin) (?:tren|trong))\b|"
    # "Thành phần hồ sơ này được cắt giảm khi cơ quan tiếp nhận khai thác được thông tin từ CSDL ...".
    r"\bduoc (?:\w+ ){0,3}?cat giam\b|"
    # "Bản sao GCN đăng ký hộ kinh doanh ...; cơ quan tiếp nhận tự tra cứu trên Hệ thống thông tin
    # quốc gia về đăng ký doanh nghiệp nếu doanh nghiệp ghi mã số tại tờ khai": looked up instead.
    + _RECEIVER_LOOKS_UP.pattern + "|"
    # "Thông tin về X để cơ quan tra cứu trên cơ sở dữ liệu hoặc bản sao X": a lookup offered instead.
    r"\bde (?:\w+ ){0,8}?tra cuu (?:tren|trong|tai|tu) (?:co so du lieu|csdl|he thong)\b|"
    # "...; kể từ ngày 01/01/2023 thay bằng thông tin cư trú tra cứu trên CSDL quốc gia về dân cư".
    r"\b(?:duoc )?thay (?:the )?bang (?:thong tin|du lieu)(?: \w+){0,4}? (?:duoc )?(?:tra cuu|khai thac) (?:tren|trong|tu|tai) (?:co so du lieu|csdl)\b"
)
_LOOKUP = re.compile(r"\b(?:co so du lieu|csdl|khai thac|tra cuu|ket noi|chia se|tich hop|he thong thong tin|dinh danh|cong thong tin quoc gia|"
                     # "chỉ nộp bản sao khi chưa xác thực được thông tin": checked against the data.
                     r"xac thuc (?:duoc )?thong tin|"
                     # "... đã được cập nhật trên Sổ sức khỏe điện tử" (Res. 66.7 Art. 4.9's platform).
                     r"(?:so|ho so) suc khoe dien tu)\b")
_IDENTITY = IDENTITY
# A generic name that a parenthesis spells out: "giấy tờ tùy thân (...)".
_GENERIC = re.compile(r"^(?:cac |(?:mot )?trong (?:cac |nhung )?)?(?:giay to|tai lieu|ho so|van ban|giay)(?: tuy than| chung minh (?:nhan than|ve nhan than|nhan than than)| hop le| ca nhan| phap ly)?\b(?!\s+(?:uy quyen|de nghi|cam ket|xac nhan|chap thuan))")


@dataclass
class _Piece:
    toks: list[_Tok]
    hits: list[Hit] = field(default_factory=list)
    rejected: list[Hit] = field(default_factory=list)
    #: Sub-structure from a parenthesis that lists what this paper may be.
    detail: object | None = None
    detail_span: str | None = None
    notes: list[str] = field(default_factory=list)
    condition: str | None = None
    waiver_clause: str | None = None

    @property
    def folded(self) -> str:
        return " ".join(t.word for t in self.toks)


@dataclass
class Papers:
    """The tree of an entry, and what the reading noticed.

    Attributes
    ----------
    node : Paper, AnyOf or AllOf
    waiver_sources : list of str
        Sources a waiver in the entry's text names (honoured or not).
    """

    node: Paper | AnyOf | AllOf
    waiver_sources: list[str] = field(default_factory=list)


class SourceNames:
    """Find which database a waiver sentence names, from the sources' synonyms."""

    def __init__(self, sources: Iterable[Source]):
        self.phrases: list[tuple[str, str]] = []
        for src in sources:
            for phrase in [src.name.vi, *getattr(src, "synonyms", [])]:
                key = fold(phrase)
                if len(key) >= 4:
                    self.phrases.append((key, src.id))
        self.phrases.sort(key=lambda p: -len(p[0]))
        # What a waiver naming the source may waive: the papers it replaces and
        # those whose data it also holds (``holds``).
        self._holds = {src.id: set(src.replaces) | set(getattr(src, "holds", [])) for src in sources}
        # The Art. 4 databases (a clause of their own) that hold each type.
        self._owners: dict[str, list[str]] = {}
        for src in sources:
            if getattr(src, "clause", None):
                for t in src.replaces:
                    self._owners.setdefault(t, []).append(src.id)

    def owners(self, types: Iterable[str]) -> list[str]:
        """The Art. 4 databases that hold papers of ``types``."""
        return list(dict.fromkeys(s for t in types for s in self._owners.get(t, [])))

    def _names(self, folded: str) -> Iterable[tuple[tuple[int, int], str]]:
        """Every place ``folded`` names a source, longest names first, and the source."""
        for key, sid in self.phrases:
            for m in re.finditer(r"\b" + re.escape(key) + r"\b", folded):
                yield m.span(), sid

    def find(self, folded: str) -> list[str]:
        """Sources named in ``folded`` text, in order, without repeats."""
        found: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []
        for (start, end), sid in self._names(folded):
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            found.append((start, sid))
        return list(dict.fromkeys(sid for _, sid in sorted(found)))

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Where ``folded`` names a source ("Hệ thống thông tin quốc gia về đăng ký doanh
        nghiệp" names a database, not the certificate its words spell)."""
        return [span for span, _ in self._names(folded)]

    def holds(self, source: str) -> set[str]:
        """Papers whose data ``source`` holds: those its clause replaces and its ``holds``."""
        return self._holds.get(source, set())


# --------------------------------------------------------------------------- reading


def read_papers(
    text: str,
    recogniser: Recogniser,
    sources: SourceNames | None = None,
    notes: Iterable[str] = (),
    procedure_name: str | None = None,
    results: Iterable[str] = (),
    applicants: str | None = None,
    section: str | None = None,
) -> Papers:
    """Read the papers of one entry.

    Parameters
    ----------
    text : str
        The entry's display text.
    recogniser : Recogniser
        Finds document types.
    sources : SourceNames, optional
        Maps the database a waiver names to a source id; without it waivers
        are not honoured.
    notes : iterable of str
        Notes the dossier attached to this entry (a waiver may sit there).
    procedure_name : str, optional
        A procedure that exchanges, re-issues or corrects a paper it also
        issues (``results``) takes that paper back: it is surrendered.
    results : iterable of str
        Document types the procedure issues.
    applicants : str, optional
        Who the procedure is for, as the record says ("Người nước ngoài"). When
        every kind named is foreign, the applicant's own papers are foreign
        (Art. 2.3); papers the text gives another holder ("của trẻ em") are not,
        and the entry's own waiver still decides the papers it names.
    section : str, optional
        The heading the entry sits under ("Hồ sơ của người được nhận làm con
        nuôi"): a holder it names is the holder of the entry's papers.
    """
    toks = tokens(text)
    rec = recogniser.recognise(text)
    folded_join = " ".join(t.word for t in toks)
    starts = _token_starts(toks)
    hit_at = {starts[h.start]: h for h in rec.hits if h.start in starts}
    rejected_at = {starts[h.start]: h for h in rec.rejected if h.start in starts}
    if folded_join != fold_keep(text):  # should not happen; stay whole rather than guess
        return Papers(_whole(text, rec.types, rec))
    title = fold(procedure_name or "")
    renewal = bool(title and _RENEWAL.search(title))
    ctx = _Ctx(text, toks, hit_at, rejected_at, recogniser, set(results) if renewal else set(), _revoked_words(procedure_name),
               foreign_subject=_is_foreign(title), renews_nothing=bool(title) and not renewal, sources=sources)
    clauses = _split_top(ctx, 0, len(toks))
    nodes: list = []
    waivers: list[tuple[str, str, bool]] = []  # (clause folded, clause text, in the entry's own text)
    excepting = False  # inside a list of papers that a rule exempts ("trừ các tài liệu sau:")
    exempted = False
    groups: list[list[int]] = []  # nodes a "một trong ... sau:" lead opened, over several clauses
    cases: list[bool] = []  # whether each such lead says its items are cases
    group: list[int] | None = None
    examples = False  # the open group is a class's kinds, not a "một trong" choice
    stamped = False  # a clause says the agency stamps the papers given
    for a, b in clauses:
        if ctx.toks[a].word == "(" and _matching(ctx, a, b) == b - 1 - (ctx.toks[b - 1].word in (".", ";")):
            # "(Trường hợp khai thác được ...: không phải nộp ...)": a sentence in
            # parentheses of its own is read as the sentence it holds.
            a, b = a + 1, _matching(ctx, a, b)
        f = ctx.folded(a, b)
        if not f or f in (".", ";"):
            continue
        if excepting and a > 0 and ctx.toks[a - 1].word != ";":
            excepting = False  # a new sentence ends the list
        colon = _colon(ctx, a, b) if " tru " in f" {f} " else None
        if excepting or (colon is not None and _EXCEPT_LEAD.search(ctx.folded(a, colon))):
            # "... phải được hợp pháp hóa lãnh sự, trừ các tài liệu sau đây: A; B":
            # A and B are named as exceptions to a rule, not asked for here.
            excepting = exempted = True
            continue
        if _STAMPED_ON.search(f):
            # "...: bản chính Giấy khai sinh, ...; Cục Lãnh sự đóng dấu chứng nhận trực tiếp lên giấy
            # tờ": the papers given are the ones the agency stamps, handed in themselves.
            stamped = True
            if not ctx.hits(a, b) and not _PAPER_HEAD.match(_strip_present(f)):
                continue
        if _CHANNEL_EXEMPT.match(f) and not ctx.hits(a, b):
            # "...; nộp trực tuyến thì không phải xuất trình": a channel that needs no
            # paper shown names none.
            continue
        if (_AGENCY_LOOKS_UP.match(f) or _DATA_FETCHED.match(f)) and not _WAIVES.search(f) and not _RECEIVER_LOOKS_UP.search(f):
            # "Ngân hàng Nhà nước khai thác các thông tin cần thiết từ các cơ sở dữ
            # liệu ...: cư trú, lý lịch tư pháp, ...": what the agency retrieves itself.
            # ("Cơ quan ... không yêu cầu nộp X nếu đã tra cứu được ..." waives X: read below.)
            continue
        waiver = _is_waiver(" ".join(t.word for t in _flat(ctx, a, b)))
        if not waiver and not ctx.hits(a, b) and all(_DECLARED.search(part) or _AGENCY_LOOKS_UP.match(part) or _SELF_LOOKUP.search(part)
                                                  or _BY_ACCOUNT.match(part) or _SHOWN_IN_APP.search(part)
                                                  for part in f.split(" , ")):
            # "...; đã có số định danh cá nhân thì khai vào đơn, Sở Y tế tự khai thác trên CSDL
            # quốc gia về dân cư": what the applicant writes in the form and what the agency
            # looks up itself are no papers.
            continue
        if waiver:
            waivers.append((f, ctx.span(a, b), True))
            if not ctx.hits(a, b) or _CONDITION.match(f) or _WAIVER.match(f):
                continue
        # A new sentence that opens on a paper already asked for, with no
        # copy words of its own ("Giấy chứng nhận sức khoẻ có giá trị 6 tháng"),
        # says more about it rather than asking again.
        remark = a > 0 and ctx.toks[a - 1].word == "." and not _PRESENT.match(f) and not _marked(ctx, a)
        # "e3) Phiếu lý lịch tư pháp ... phải được cấp trong vòng 06 tháng": a rule on
        # a paper already asked for, whatever mark or stop opens it.
        valid = _VALIDITY.search(f)
        remark = remark or (bool(nodes) and valid is not None and not _GIVING.search(f, 0, valid.start()))
        if nodes and (waiver or remark or _NOTE.match(f)):
            # "Việc nộp Giấy khai sinh ... chỉ thực hiện khi ...", "Lưu ý:
            # Phiếu lý lịch tư pháp có thể ...": a later sentence that speaks
            # again of papers already asked for adds none.
            hits = ctx.hits(a, b)
            named = {h.type_id for h in hits}
            for n in nodes:
                for p in iter_papers(n):
                    # "Giấy chứng nhận (bản gốc). Bản gốc Giấy chứng nhận đối với quyền
                    # sử dụng đất ... không phải nộp": the later sentence names in full
                    # the paper asked for by its bare head.
                    head = _strip_present(fold(p.text))
                    if not p.document_types and head and len(named) == 1 and any(
                            h.phrase.startswith(head + " ") for h in hits):
                        p.document_types = sorted(named)
            earlier = {t for n in nodes for p in iter_papers(n) for t in p.document_types}
            if named <= earlier:
                continue
        if group is not None and not (a > 0 and ctx.toks[a - 1].word == ";"):
            group = None  # a new sentence ends the list a "một trong ... sau:" lead opened
        if group is not None and examples and not _goes_on_examples(ctx, a, b):
            group = None  # a case, a bundle or a marked item ends a class's kinds
        if nodes and group is None and ctx.toks[a].word == "hoac" and a > 0 and ctx.toks[a - 1].word == ";":
            # "A hoặc B; hoặc C": the semicolon does not end the choice "hoặc" goes on with.
            node = _clause(ctx, a + 1, b)
            if node is not None:
                if isinstance(nodes[-1], AnyOf) and nodes[-1].by_case:
                    nodes[-1].any_of.append(node)  # one more case of the choice
                else:
                    nodes[-1] = _join("any", [nodes[-1], node])
                continue
        node = _clause(ctx, a, b)
        if node is not None and nodes and group is None and _lacks_the_paper_before(ctx, a, b, nodes[-1]):
            # "Bản sao giấy khai sinh; trường hợp không còn giấy khai sinh thì nộp học bạ":
            # what stands in for the paper before it when the applicant lacks that paper.
            if ctx.sources is not None and _held_by_no_database(ctx, nodes[-1]) and not _held_by_no_database(ctx, node):
                # "Bản chụp hộ chiếu ...; trường hợp không còn hộ chiếu thì bản chụp căn cước công
                # dân ...": whoever holds the paper asked first still brings it (no Art. 4 database
                # holds it); the stand-in goes only for those who lack it: two cases.
                nodes[-1] = AnyOf(any_of=[nodes[-1], node], by_case=True)
            else:
                nodes[-1] = _join("any", [nodes[-1], node])
            continue
        if node is not None and nodes and group is None and _INSTEAD_OF_ABOVE.search(f):
            # "A hoặc B; người lao động ... có thể nộp bản sao Sổ bảo hiểm xã hội thay
            # cho các giấy tờ nêu trên": one more way of proving what A and B prove.
            nodes[:] = [_join("any", [_join("all", nodes), node])]
            continue
        if node is not None:
            nodes.append(node)
            if group is not None:
                group.append(len(nodes) - 1)
            elif _opens_one_of(ctx, a, b) or (examples := _opens_examples(ctx, a, b)):
                group = [len(nodes) - 1]
                groups.append(group)
                cases.append(bool(_BY_CASE_WORDS.search(ctx.folded(a, b))))
    for group, by_case in zip(reversed(groups), reversed(cases)):
        # "Một trong các giấy tờ sau: A; B; hoặc C": the items the lead opened are its alternatives
        # ("Giấy tờ chứng minh thuộc diện ..., một trong các giấy tờ sau: ...": by case).
        if len(group) > 1:
            kids = [k for i in group for k in (nodes[i].any_of if isinstance(nodes[i], AnyOf) and not nodes[i].by_case else [nodes[i]])]
            # "...: A; B; C (nộp để ... chỉnh lý biến động)": the hand-back closes the whole choice.
            _surrendered_choice(ctx, kids)
            choice = _join("any", kids)
            if isinstance(choice, AnyOf):
                choice.by_case = choice.by_case or by_case
            nodes[group[0] : group[-1] + 1] = [choice]
    nodes = _case_choices(nodes)
    _described_list(ctx, nodes)
    if nodes:
        out = Papers(_join("all", nodes))
    elif exempted:
        out = Papers(Paper(id="p1", text=text, document_types=[]))  # names no paper it asks for
    else:
        out = Papers(_whole(text, rec.types, rec, ctx))
    for note in notes:
        fn = fold(note)
        if _is_waiver(fn):
            waivers.append((fn, note, False))
    if sources is not None and (waivers or any(p.waiver_text for p in iter_papers(out.node))):
        _apply_waivers(out, waivers, sources, recogniser, folded_join)
    # "... giấy khai thu hồi chứng nhận đăng ký xe": a paper the entry's own words
    # revoke or take back is handed in wherever it is listed, and so is its copy
    # ("Bản sao giấy phép lái xe ...; khi nhận giấy phép mới, nộp lại giấy phép cũ để
    # thu hồi": the paper itself is handed in; the labellers of three held-out sets kept the copy).
    taken_back = {h.type_id for h in rec.hits + rec.rejected if _TAKEN_BACK.search(folded_join[max(0, h.start - 30) : h.start])}
    # "...; bản chính giấy phép lái xe cũ được thu hồi, cắt góc ...": the same, said after the name.
    taken_back |= {t for p in iter_papers(out.node) if p.surrendered and _TAKEN_BACK_AFTER.search(fold(p.text))
                   for t in p.document_types}
    if taken_back:
        for p in iter_papers(out.node):
            if set(p.document_types) & taken_back:
                p.surrendered = True
    if stamped:
        for p in iter_papers(out.node):
            p.surrendered = True
    if title:
        # "Đăng ký lại kết hôn": the register lost the record the paper proves
        # (registry field ``unrecorded_in``): no database holds it.
        docs = recogniser.documents
        for p in iter_papers(out.node):
            if any(fold(t) in title for d in p.document_types if d in docs for t in docs[d].unrecorded_in):
                p.unrecorded = True
    if _foreign_applicants(applicants) and not _OTHER_HOLDER.search(fold(section or "")):
        for p in iter_papers(out.node):
            # ("Trường hợp cha đẻ hoặc mẹ đẻ của trẻ em đã chết: bản sao Giấy chứng tử":
            # the case names the holder.)
            if (p.document_types and not (p.waiver or p.surrendered)
                    and not _OTHER_HOLDER.search(fold(p.text) + " ; " + fold(p.condition or ""))
                    # ("Phiếu lý lịch tư pháp (đối với công dân Việt Nam) hoặc ...": a citizen's, by its case.)
                    and not _CITIZENS_CASE.search(fold(p.condition or ""))
                    and not _CITIZEN_HOLDER.search(fold(p.text))
                    and not _registered_here(p.document_types, fold(_to_clause_end(text, p.text)), recogniser)
                    and not _citizens_only(p, recogniser) and not _issued_here_only(p, recogniser)):
                p.foreign = True
    out.node = _nationality_choice(out.node, recogniser)
    # "Người khuyết tật đang mang thai hoặc nuôi con ...: A hoặc B": the situations the entry opens on.
    colon = _colon(ctx, 0, len(toks))
    lead = ctx.folded(0, colon) if colon is not None and not ctx.hits(0, colon) else None
    lead_abroad = lead is not None and bool(_CONDITION.match(lead)) and _is_foreign(lead)
    # "Trường hợp nước tiếp nhận chỉ định khám sức khỏe tại cơ sở y tế ở nước ngoài: bản
    # sao giấy chứng nhận sức khỏe do cơ sở đó cấp": the case abroad is the issuer of a
    # paper that points back to it or comes with a translation. (A case abroad alone may
    # be anyone's: "... cho người thụ hưởng ở nước ngoài: Giấy chứng tử ...".) The same for
    # a paper's own case: "...; trường hợp đã từng cư trú ở nước ngoài ... thì nộp thêm phiếu
    # lý lịch tư pháp do nước đó cấp".
    for p in iter_papers(out.node):
        if lead_abroad or (p.condition and _is_foreign(fold(p.condition))):
            t = fold(p.text)
            if (p.document_types and _ISSUED_THERE.search(t) and not _citizens_only(p, recogniser)
                    and not _VIETNAMESE_ISSUER.search(t) and not _registered_here(p.document_types, t, recogniser)):
                p.foreign = True
    if lead is not None and _PAPER_HEAD.match(_strip_present(_strip_lead(lead))):
        lead = None  # "Văn bản chứng minh ... hoặc ...: A, B": a paper's proofs, no situations
    _mark_by_case(out.node, recogniser, _organisations_only(applicants), lead)
    if sources is not None:
        _waive_every_case(out.node, waivers, sources, recogniser)
    _number(out.node)
    return out


def _waive_every_case(node, waivers: list[tuple[str, str, bool]], sources: SourceNames, recogniser: Recogniser) -> None:
    """"Một trong các giấy tờ ...: A hoặc B. Không phải nộp giấy tờ này nếu thông tin về quan hệ
    nhân thân đã có trong CSDL X": a choice by case, whichever paper the applicant's case calls
    for, is the paper the entry's own waiver speaks of. (An alternative an Art. 4 database
    holds keeps its own source; a choice the applicant makes goes with one alternative.)"""
    if not (isinstance(node, AnyOf) and node.by_case):
        return
    for folded, text, own in waivers:
        named = sources.find(folded)
        if not (own and named and _THIS_PAPER.search(folded)) or _not_for_everyone(folded):
            continue
        if _names_what_it_waives(recogniser.recognise(text), named, sources):
            continue
        for p in iter_papers(node):
            if p.waiver is None and not (p.surrendered or p.foreign) and not sources.owners(p.document_types):
                p.waiver, p.waiver_text = named[0], text


# "(Cục Lãnh sự) đóng dấu chứng nhận trực tiếp lên giấy tờ", "... dán tem hợp pháp hóa vào bản chính".
_STAMPED_ON = re.compile(r"\b(?:dong dau|dan tem)(?: \w+){0,4}? (?:len|vao|tren) (?:cac )?(?:giay to|ban chinh|van ban|tai lieu)\b")
_EQUIVALENT_HEAD = re.compile(r"^(?:ban sao |ban chinh )?(?:van ban|giay to|giay|tai lieu)(?: \w+){0,4} (?:co gia tri )?tuong duong\b")
# "... của người yêu cầu": the applicant's own paper, whoever the applicant is (no third party).
_APPLICANTS_OWN = re.compile(r"\bcua nguoi (?:yeu cau|de nghi|di dang ky|nop ho so|lam thu tuc)\b")
_HOLDER_WORDS = re.compile(r"\b(?:cua|thanh vien|co dong|nha dau tu|dai dien|nguoi dung dau|giam doc|chu so huu)\b")
_HOLDER_NAMED = re.compile(r"\bcua (nguoi (?!nuoc ngoai\b)\w+(?: \w+)?)(?: \w+){0,3}$")


def _same_holder(words: str, conditions: set[str]) -> str:
    """``words`` without "của <người X>" when the foreigners' case (its ``conditions``, folded) is
    about that same person ("CCCD của người chuyển tiền; đối với người chuyển tiền là người nước
    ngoài thì ...")."""
    m = _HOLDER_NAMED.search(words)
    if m and conditions and all(re.search(rf"\b{m.group(1)}(?: \w+){{0,3}}? la\b", c) for c in conditions):
        return words[: m.start()]
    return words


def _case_choices(nodes: list) -> list:
    """"Giấy chứng nhận đăng ký doanh nghiệp (đối với tổ chức); bản sao thẻ căn cước
    (đối với cá nhân là công dân Việt Nam); bản sao hộ chiếu (đối với cá nhân là
    người nước ngoài)": items each asked of its own kind of party are the cases of
    one choice (the entry goes only when every case goes), so that no one of them
    answers for the others."""

    def case(node) -> str | None:
        conds = [fold(p.condition) for p in iter_papers(node) if p.condition and _KIND_CASE.match(fold(p.condition))]
        return conds[-1] if conds else None

    out: list = []
    run: list[tuple[object, str]] = []  # (node, its case)

    def flush() -> None:
        conds = [c for _, c in run]
        if len(run) > 1 and len(set(conds)) == len(conds) and not all(_NATIONALITY_CASE.search(c) for c in conds):
            out.append(AnyOf(any_of=[n for n, _ in run], by_case=True))
        else:
            out.extend(n for n, _ in run)
        run.clear()

    for node in nodes:
        c = case(node)
        if c is None:
            flush()
            out.append(node)
        else:
            run.append((node, c))
    flush()
    return out


# "(đối với tổ chức)", "(trường hợp là cá nhân)": the kind of party or situation an item is asked in.
_KIND_CASE = re.compile(r"^(?:doi voi|truong hop|neu la)\b")


def _nationality_choice(node, recogniser: Recogniser):
    """"Bản sao Căn cước công dân hoặc thẻ Căn cước; hộ chiếu đối với người nước
    ngoài": an identity paper asked of foreigners beside the citizens' identity
    papers is the other side of one choice (the applicant's nationality picks
    it), not one more paper of the bundle."""
    if isinstance(node, Paper):
        return node
    if isinstance(node, AnyOf):
        node.any_of = [_nationality_choice(k, recogniser) for k in node.any_of]
        return node
    kids = [_nationality_choice(k, recogniser) for k in node.all_of]

    def all_identity(papers: list) -> bool:
        docs = recogniser.documents
        return bool(papers) and all(
            p.document_types and all(t in docs and docs[t].category == _IDENTITY for t in p.document_types) for p in papers)

    def identity(n) -> bool:
        return all_identity(list(iter_papers(n)))

    def identity_choice(n) -> bool:
        # "người nước ngoài xuất trình hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu": the
        # named alternatives are identity papers; the unnamed one stands for them.
        return all_identity([p for p in iter_papers(n) if p.document_types])

    # "...; đối với người ... là người nước ngoài thì xuất trình hộ chiếu và thẻ tạm trú": the
    # papers of one foreigners' case are one bundle, the other side of the citizens' choice.
    grouped: list = []
    cases: set[int] = set()  # ids of the bundles made here
    for kid in kids:
        prev = grouped[-1] if grouped else None
        last = prev.all_of[-1] if id(prev) in cases else prev
        if (isinstance(kid, Paper) and isinstance(last, Paper) and kid.condition and kid.condition == last.condition
                and _for_foreigners(kid) and _for_foreigners(last)):
            if last is prev:
                grouped[-1] = AllOf(all_of=[prev, kid])
                cases.add(id(grouped[-1]))
            else:
                prev.all_of.append(kid)
            continue
        grouped.append(kid)

    out: list = []
    for kid in grouped:
        foreigners = (isinstance(kid, Paper) and _for_foreigners(kid)) or id(kid) in cases
        # "...; người nước ngoài xuất trình hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu": the
        # foreigner's own choice, the other side of the citizens' identity papers.
        foreigners_choice = (isinstance(kid, AnyOf) and not kid.by_case
                             and bool(_FOREIGNER_GIVES.match(fold(next(iter_papers(kid)).text))) and identity_choice(kid))
        # "Phiếu lý lịch tư pháp ...; đối với người không có quốc tịch Việt Nam là văn bản
        # có giá trị tương đương ...": the foreigner's side of that same paper.
        equivalent = foreigners and isinstance(kid, Paper) and _EQUIVALENT_HEAD.match(fold(kid.text))
        # "Phiếu lý lịch tư pháp; đối với người nước ngoài thì nộp phiếu lý lịch tư pháp do nước
        # ngoài cấp": the same kind of paper, the foreigner's own.
        same = (foreigners and out and isinstance(kid, Paper) and bool(kid.document_types)
                and all(p.document_types == kid.document_types for p in iter_papers(out[-1])))
        # (The foreigners' case, for the holder both sides may name: derived only for a foreigners' kid.)
        case = {fold(p.condition) for p in iter_papers(kid) if p.condition} if foreigners or foreigners_choice else set()
        if (foreigners or foreigners_choice) and out and not any(_for_foreigners(p) for p in iter_papers(out[-1])) and (
                equivalent or (same or (foreigners_choice or identity(kid)) and (
                    identity(out[-1]) or foreigners_choice and isinstance(out[-1], AnyOf) and identity_choice(out[-1]))) and not any(
                    # "... của người đại diện; hộ chiếu đối với thành viên là người nước ngoài": two people's papers.
                    _HOLDER_WORDS.search(_APPLICANTS_OWN.sub(" ", _same_holder(fold(p.text), case))) for p in [*iter_papers(kid), *iter_papers(out[-1])])):
            out[-1] = _join("any", [out[-1], kid])
        else:
            out.append(kid)
    node.all_of = out
    return node if len(out) > 1 else out[0]


# ("giấy chứng nhận thu hồi đăng ký, biển số xe" is a certificate of a revocation, not one.)
# "Thẻ ... đang sử dụng (trường hợp cấp đổi ...)": the paper held now, in a case of its exchange.
# ("cũ", old, folds like the "cư" of "cư trú", "dân cư", "định cư": not that one.)
_HELD_NOW = re.compile(r"\b(?:dang su dung|da duoc cap|da cap|(?<!dan )(?<!dinh )(?<!chung )cu(?! (?:tru|dan|ngu)\b))\b")
# "(đối với người khám sức khỏe để đổi, cấp lại GPLX)": an exchange another procedure makes.
_FOR_AN_EXCHANGE = re.compile(r"\bde (?:\w+ ){0,2}?(?:cap doi|doi|cap lai)\b")
_EXCHANGE_CASE = re.compile(r"\b(?:cap doi|doi the|cap lai)\b")
_TAKEN_BACK_AFTER = re.compile(r"\b(?:duoc|bi|se bi|se duoc|phai) (?:thu hoi|nop lai)\b")
_TAKEN_BACK = re.compile(_NOT_BEFORE + r"(?<!chung nhan )(?<!quyet dinh )(?<!thong bao )\b(?:thu hoi|nop lai|cap doi(?! voi))(?: \w+){0,2} ?$")
# The record's applicant kinds that are foreign ("Doanh nghiệp có vốn đầu tư nước
# ngoài" is a Vietnamese enterprise; "Người Việt Nam định cư ở nước ngoài" a citizen).
# A stateless person is a foreigner in Vietnamese law (Law 47/2014/QH13 on foreigners'
# entry and residence, Art. 3.1: "người mang giấy tờ xác định quốc tịch nước ngoài và người không quốc tịch").
_FOREIGN_KIND = re.compile(r"^(?:nguoi nuoc ngoai|to chuc nuoc ngoai|ca nhan nuoc ngoai|nguoi khong (?:co )?quoc tich)$")


def _registered_here(types: list[str], words: str, recogniser: Recogniser) -> bool:
    """A civil-status paper "do cơ quan có thẩm quyền của Việt Nam cấp" (a marriage to a
    Vietnamese citizen registered here) is in the civil-status register whoever asks for
    it; so is an extract ("trích lục", the register's own copy, "trích lục ghi chú khai
    tử" of a death abroad included) that names no foreign issuer of its own. A
    foreigner's own papers issued here (a criminal record) stay the foreigner's.
    ``types``: the paper's types; ``words``: its folded words, issuer included."""
    if not _civil_status_only(types, recogniser):
        return False
    if _VIETNAM_ISSUED.search(words):
        return True
    return bool(_EXTRACT.match(_strip_present(words))) and not _LEGALISED.search(words) and not any(
        _is_foreign(m.group(1)) for m in _ISSUER.finditer(words))


# "Trích lục khai tử", "bản sao trích lục kết hôn": an extract of the Vietnamese register.
_EXTRACT = re.compile(r"^(?:ban )?trich luc\b")


def _civil_status_only(types: list[str], recogniser: Recogniser) -> bool:
    """Every one of ``types`` is a civil-status paper the registry knows."""
    docs = [recogniser.documents.get(t) for t in types]
    return all(d is not None and d.category == _CIVIL_STATUS for d in docs)


_CIVIL_STATUS = "civil-status"


def _to_clause_end(text: str, span: str) -> str:
    """``span`` and what follows it in ``text`` up to the end of its clause (an issuer
    closing a choice, "A hoặc B do cơ quan ... cấp", speaks of every alternative)."""
    at = text.find(span)
    if at < 0:
        return span
    rest = text[at:]
    ends = [i for i in (rest.find(";", len(span)), rest.find(". ", len(span))) if i >= 0]
    return rest[: min(ends)] if ends else rest


# "Giấy chứng nhận kết hôn do cơ quan có thẩm quyền của Việt Nam cấp": registered here, whoever holds it.
_VIETNAM_ISSUED = re.compile(r"\bdo (?:co quan )?(?:co tham quyen )?(?:cua )?viet nam cap\b")
# "Giấy chứng nhận kết hôn (nếu kết hôn ở nước ngoài thì phải được ghi chú vào sổ hộ tịch)": the
# case abroad is recorded here too, so in the register ("để ghi chú vào sổ hộ tịch" is the
# recording the procedure makes: not yet; a foreign issuer's paper itself stays foreign).
_RECORDED_HERE = re.compile(r"(?<!chua )(?<!khong )\b(?:da duoc|da|phai duoc|duoc) ghi chu vao so (?:dang ky )?ho tich\b")
# A paper the text gives to someone other than the applicant.
# ("... của người bảo lãnh", "GCNQSDĐ đứng tên người bảo lãnh": the sponsor's, in a foreigner's procedure.)
_OTHER_HOLDER = re.compile(
    r"\b(?:cua|doi voi|dung ten) (?:nguoi |ca nhan |to chuc )?(?:con|tre em|tre|con nuoi|nguoi duoc nhan|nguoi duoc gioi thieu|cha|me|vo|chong|"
    r"nguoi chet|nguoi da chet|nguoi con|thanh vien|nguoi dai dien|nguoi lao dong|nguoi giam ho|nguoi duoc giam ho|bao lanh)\b")


def _foreign_applicants(applicants: str | None) -> bool:
    kinds = [fold(k) for k in (applicants or "").split(",") if fold(k)]
    return bool(kinds) and all(_FOREIGN_KIND.match(k) for k in kinds)


# A procedure whose title takes a paper back: revokes, exchanges or cancels it.
_REVOKING_TITLE = re.compile(
    r"^(?:thu tuc )?(?:thu hoi|cap doi|doi|huy|nop lai)\b"
    # "Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước": the paper itself is written on.
    r"|\b(?:cap nhat|dieu chinh|tich hop|sua doi|bo sung) thong tin (?:tren|vao) "
)


def _revoked_words(procedure_name: str | None) -> frozenset[str]:
    """Words of a revoking procedure's title (empty for any other title)."""
    folded = fold(procedure_name or "")
    if not _REVOKING_TITLE.search(folded):
        return frozenset()
    words = frozenset(folded.split())
    # "Thu hồi chứng nhận đăng ký xe": the title drops the "giấy" the dossier names it with.
    return words | {"giay"} if {"chung", "nhan"} <= words else words


def _organisations_only(applicants: str | None) -> bool:
    """The record's applicants are organisations only ("Tổ chức tín dụng",
    "Doanh nghiệp"): every person the entry speaks of is someone else."""
    folded = fold(applicants or "")
    return bool(folded) and not _PERSON_KIND.search(folded)


_PERSON_KIND = re.compile(r"\b(?:cong dan|nguoi|ca nhan|can bo|cong chuc|vien chuc|ho gia dinh)\b")


def _mark_by_case(node, recogniser: Recogniser, organisation: bool = False, lead: str | None = None) -> None:
    """Alternatives one of which is a paper issued on a case (a court ruling, a
    decision) stand for different cases: the entry goes only when each does.
    ``lead``: the words before the entry's first colon when they name no paper."""
    if isinstance(node, Paper):
        return
    kids = node.any_of if isinstance(node, AnyOf) else node.all_of
    for kid in kids:
        _mark_by_case(kid, recogniser, organisation, lead)
    if not isinstance(node, AnyOf):
        return
    _group_by_case(node)
    kids = node.any_of

    def on_a_case(kid) -> bool:
        if isinstance(kid, AllOf):
            # "văn bản thành lập kèm văn bản thông báo mã số thuế": a bundle holding a paper issued on a case.
            return any(on_a_case(k) for k in kid.all_of)
        if not isinstance(kid, Paper) or not kid.document_types:
            return False
        docs = [recogniser.documents.get(t) for t in kid.document_types]
        return all(d is not None and d.by_case for d in docs)

    def own_case(kid) -> bool:
        # "A hoặc B trong trường hợp bên bảo đảm không đồng thời là ...": B is
        # asked in a situation of its own, not as another proof of A's fact
        # (a waiver's "trong trường hợp không khai thác được ..." is no case).
        if not isinstance(kid, Paper):
            return False
        words = fold(kid.text)
        m = _OWN_CASE.search(words)
        if m is None and (r := _ROLE_CASE.search(words)) and not _NATIONALITY_CASE.match(words, r.start("who")):
            m = r
        # "... trong trường hợp cơ sở dữ liệu chưa vận hành" is a lookup's condition.
        return m is not None and m.start() > 0 and not _is_waiver(words[m.start():]) and not _DATABASE.search(words[m.start():])

    # "Giấy khai sinh; thẻ căn cước; ...; quyết định cho nhập quốc tịch, quyết định công
    # nhận việc nuôi con nuôi ...": a citizen's identity card, offered beside them, proves
    # the fact whatever case brought it about, so the cases do not split the choice.
    carded = any(isinstance(k, Paper) and k.document_types and _citizens_only(k, recogniser) for k in kids)
    flags = [(on_a_case(k) and not carded) or own_case(k) for k in kids]
    # "giấy khai sinh (đối với cha, mẹ) hoặc trích lục đăng ký giám hộ (đối với người
    # giám hộ)": alternatives each asked of its own kind of person are cases.
    conditions = {fold(p.condition) for k in kids for p in iter_papers(k) if p.condition}
    # (Not the ways of giving one paper: "bản chính ...; bản sao ... (đối với xe đang thế chấp)".)
    kinds = {frozenset(p.document_types) for k in kids for p in iter_papers(k) if p.condition}
    roles = (len(conditions) > 1 and len(kinds) > 1 and not all(_NATIONALITY_CASE.search(c) for c in conditions))
    # "... trích lục khai sinh đối với con liệt sĩ; hoặc ... quyết định công nhận việc nuôi con
    # nuôi đối với con nuôi liệt sĩ": the same, the person named in the alternative's own words.
    inline = {m.group(0): frozenset(p.document_types) for k in kids for p in iter_papers(k)
              if (m := _INLINE_ROLE.search(fold(p.text)))}
    roles = roles or (len(inline) > 1 and len(set(inline.values())) > 1
                      and not all(_NATIONALITY_CASE.search(c) for c in inline))
    # "Quyết định hưởng trợ cấp ... (đối với người đang hưởng) hoặc bản sao thẻ BHYT đối với người
    # thuộc hộ nghèo, ...": one alternative's case in brackets, the other's in its own words.
    said = {}
    n_papers = 0
    for k in kids:
        for p in iter_papers(k):
            n_papers += 1
            m = _PERSON_ROLE.search(fold(p.text))
            role = fold(p.condition) if p.condition else m.group(0) if m else None
            if role:
                said[role] = frozenset(p.document_types)
    roles = roles or (len(said) > 1 and len(set(said.values())) > 1 and len(said) == n_papers
                      and not any(_NATIONALITY_CASE.search(c) or _CHANNEL_CASE.search(c) for c in said))
    # "bản sao giấy đăng ký xe / giấy chứng nhận đăng ký phương tiện thủy nội địa tương ứng
    # với tài sản giao dịch": which one is asked depends on the situation the words name.
    corresponding = isinstance(kids[-1], Paper) and bool(_CORRESPONDING.search(fold(kids[-1].text)))
    node.by_case = (node.by_case or (any(flags) and not all(flags)) or roles or corresponding
                    or _split_by_a_third_partys_nationality(kids, organisation) or _restates_a_situation(kids, lead))


def _group_by_case(node: AnyOf) -> None:
    """"A (đối với tổ chức) hoặc B/C (đối với cá nhân)": each case parenthesis closes
    the alternatives since the previous one, which are one choice within that case."""
    kids = node.any_of
    if len(kids) < 3 or not all(isinstance(k, Paper) for k in kids) or not (kids[0].condition and kids[-1].condition):
        return
    if all(k.condition for k in kids) or len({fold(k.condition) for k in kids if k.condition}) < 2:
        return
    groups: list[list[Paper]] = [[]]
    for k in kids:
        groups[-1].append(k)
        if k.condition:
            groups.append([])
    for g in groups:
        for p in g[:-1]:
            p.condition = g[-1].condition
    node.any_of = [AnyOf(any_of=g) if len(g) > 1 else g[0] for g in groups if g]


_CORRESPONDING = re.compile(r"\b(?:tuong ung (?:voi|theo)|tuy theo|tuy thuoc)\b")
# An alternative's own words closing on the person it is asked of ("... đối với con nuôi liệt sĩ").
_INLINE_ROLE = re.compile(r"\bdoi voi (?!truong hop)(?:\w+ ){0,5}\w+$")
# "... đối với người thuộc hộ nghèo, người từ đủ 80 tuổi ...": the person an alternative is asked of.
_PERSON_ROLE = re.compile(r"\bdoi voi (?:nguoi|doi tuong|ca nhan|to chuc|tre em|hoc sinh|sinh vien|con|cha|me|vo|chong|ho)\b(?: \w+){0,6}")

#: Words too common to tie an alternative to one situation of its case.
_PLAIN = frozenset("cua va hoac cac mot nguoi ca nhan to chuc giay to ban sao ban chinh co duoc da dang la".split())


def _restates_a_situation(kids: list, lead: str | None = None) -> bool:
    """Alternatives of a case that names situations ("Người ... đang mang thai hoặc nuôi con
    dưới 36 tháng tuổi: giấy khai sinh của con hoặc giấy ... xác nhận đang mang thai") are
    one per situation when an alternative repeats the words of one situation only: the
    entry goes only when each does."""
    papers = [p for k in kids for p in iter_papers(k)]
    conditions = {p.condition for p in papers}
    if len(papers) < 2 or (len(conditions) != 1 and not lead):
        return False
    case = next(iter(conditions)) if len(conditions) == 1 else None
    # (An alternative's own condition, "giấy chứng sinh (nếu chưa đăng ký khai sinh)",
    # leaves the lead's situations as they are.)
    case = fold(case) if case is not None else lead
    if not case:
        return False
    sides = [side.split() for side in re.split(r"\s(?:hoac|hay)\s", case)]
    pairs = [{(a, b) for a, b in zip(side, side[1:]) if not {a, b} <= _PLAIN} for side in sides]
    if sum(1 for found in pairs if found) < 2:
        return False
    for p in papers:
        words = fold(p.text).split()
        said = set(zip(words, words[1:]))
        if sum(1 for found in pairs if found & said) == 1:
            return True
    return False


def _colon(ctx: _Ctx, a: int, b: int) -> int | None:
    """The first colon of [a, b) outside parentheses (a list's lead ends there)."""
    return next((k for k in _top_level(ctx, a, b) if ctx.toks[k].word == ":"), None)


# What joins a paper to the "một trong các giấy tờ" lead after it ("..., kèm theo bản sao").
_TO_ONE_OF = re.compile(r"^(?:, )?(?:kem theo|kem|va|dong thoi|cung voi)(?: (?:nop|xuat trinh))?(?: (?:ban sao|ban chinh|ban chup)(?: co chung thuc)?)? mot trong\b")


def _given_before_one_of(ctx: _Ctx, a: int, colon: int) -> int | None:
    """Where a bundle word before "một trong" begins, when a paper is named before it."""
    for k in range(a + 1, colon):
        if ctx.toks[k].word in (",", "kem", "va", "dong", "cung") and _TO_ONE_OF.match(ctx.folded(k, colon)) and ctx.hits(a, k):
            return k
    return None


def _opens_one_of(ctx: _Ctx, a: int, b: int) -> bool:
    """The clause opens a list of alternatives ("Xuất trình một trong các giấy tờ sau: A;")."""
    colon = _colon(ctx, a, b)
    return colon is not None and bool(_ONE_OF.search(ctx.folded(a, colon)))


def _opens_examples(ctx: _Ctx, a: int, b: int) -> bool:
    """The clause opens the kinds a class of papers may be, one per item ("Giấy tờ, tài liệu
    chứng minh nội dung thay đổi: trích lục ...; trích lục ...; quyết định ..."), as its
    commas would: unmarked items, no bundle word."""
    colon = _colon(ctx, a, b)
    if colon is None or colon + 1 >= b or _item_mark(ctx, colon + 1, b) > colon + 1:
        return False
    if not (ctx.hits(colon + 1, b) or _PAPER_HEAD.match(_strip_present(ctx.folded(colon + 1, b)))):
        return False
    if ctx.text[ctx.toks[colon].end : ctx.toks[colon + 1].start].strip():
        return False  # "...: + A; + B": a marked list
    lead = _strip_present(_strip_lead(ctx.folded(a, colon)))
    return (bool(_PROOF_LEAD.match(lead)) and not _opens_case(ctx.folded(a, b)) and _one_kind(ctx, colon + 1, b))


# "Giấy tờ, tài liệu chứng minh ...", "Giấy tờ làm căn cứ ...": a class that proves one fact.
# (Not "Tài liệu, chứng cứ về tài sản ..." nor "Giấy tờ pháp lý của ...": every paper held.)
_PROOF_LEAD = re.compile(r"^(?:cac |nhung )?(?:giay to|tai lieu)(?: , (?:giay to|tai lieu))? (?:chung minh|cm|lam can cu|can cu)\b(?!.*\bneu co\b)")


def _one_kind(ctx: _Ctx, a: int, b: int) -> bool:
    """One paper's name, no choice, bundle or "(nếu có)" of its own: a kind in a class's list."""
    words = " ".join(ctx.toks[k].word for k in _top_level(ctx, a, b))
    # ("bản sao quyết định bổ nhiệm, thẻ công chứng viên": two papers after one comma.)
    second = any(ctx.toks[k].word == "," and _PAPER_HEAD.match(_strip_present(ctx.folded(k + 1, b))) for k in _top_level(ctx, a, b))
    return not (second or _BUNDLE_WORD.search(words) or re.search(r"\bhoac\b|/", words) or "neu co" in ctx.folded(a, b))


def _goes_on_examples(ctx: _Ctx, a: int, b: int) -> bool:
    """One more unmarked kind after a semicolon: a paper's name, no case, no bundle word."""
    f = ctx.folded(a, b)
    return (not _marked(ctx, a) and _item_mark(ctx, a, b) == a and not _opens_case(f)
            and bool(_PAPER_HEAD.match(_strip_present(f))) and _one_kind(ctx, a, b))


def _for_foreigners(p: Paper) -> bool:
    """The paper is asked of foreigners ("(nếu là người nước ngoài)", "đối với người nước ngoài",
    "người nước ngoài nộp ...")."""
    return bool(_FOREIGNER_CASE.search(fold(p.condition or "") + " " + fold(p.text)) or _FOREIGNER_GIVES.match(fold(p.text)))


_FOREIGNER_GIVES = re.compile(r"(?:doi voi )?(?:nguoi nuoc ngoai|nguoi khong (?:co )?quoc tich|to chuc nuoc ngoai) "
                              r"(?:thi )?(?:phai )?(?:nop|xuat trinh|cung cap)\b")


def _split_by_a_third_partys_nationality(kids: list, organisation: bool = False) -> bool:
    """Alternatives split by the nationality of someone other than the applicant
    ("hộ chiếu hoặc CCCD (nếu là người Việt Nam) hoặc hộ chiếu (nếu là người nước
    ngoài) của người đứng đầu văn phòng"): which one applies is that person's
    case, which the applicant's profile does not say."""
    papers = [k for k in kids if isinstance(k, Paper)]
    if len(papers) < 2:
        return False
    foreigner = [_for_foreigners(p) for p in papers]
    # ("hộ chiếu, thẻ thường trú của người đứng đầu là người nước ngoài hoặc CCCD đối với
    # người Việt Nam": the person may be named beside any of the alternatives.)
    return any(foreigner) and not all(foreigner) and (organisation or any(_THIRD_PARTY.search(fold(p.text)) for p in papers))


def _token_starts(toks: list[_Tok]) -> dict[int, int]:
    """Folded-string offset of each token -> token index."""
    out, pos = {}, 0
    for k, t in enumerate(toks):
        out[pos] = k
        pos += len(t.word) + 1
    return out


@dataclass
class _Ctx:
    text: str
    toks: list[_Tok]
    hit_at: dict[int, Hit]
    rejected_at: dict[int, Hit]
    recogniser: Recogniser
    own_results: set[str]
    revoked_words: frozenset[str] = frozenset()
    copy_lead: bool = False  # the list's lead asks for copies ("Bản sao một trong các giấy tờ:")
    foreign_subject: bool = False  # the procedure's title is about a foreign party
    # The procedure's title is known and renews, exchanges or revokes nothing.
    renews_nothing: bool = False
    sources: "SourceNames | None" = None  # the databases, when the caller gave them
    # Papers a lender keeps, said in their note ("(bản chính để Ngân hàng giữ ...)"), by id.
    pledged: set[int] = field(default_factory=set)

    def folded(self, a: int, b: int) -> str:
        return " ".join(t.word for t in self.toks[a:b])

    def span(self, a: int, b: int) -> str:
        if a >= b:
            return ""
        return self.text[self.toks[a].start : self.toks[b - 1].end].strip(" ,;:-+")

    def hits(self, a: int, b: int) -> list[Hit]:
        return [self.hit_at[k] for k in range(a, b) if k in self.hit_at]


def _is_waiver(folded: str) -> bool:
    return bool(_WAIVER.search(folded) and _LOOKUP.search(folded))


_VALIDITY = re.compile(r"\bphai duoc (?:\w+ ){0,6}?cap trong (?:vong|thoi han)\b|\bco gia tri trong (?:vong|thoi han)\b")
_GIVING = re.compile(r"\b(?:nop|xuat trinh|kem theo|bo sung|cung cap)\b")
_WAIVES = re.compile(r"\bkhong (?:yeu cau|phai|can|bat buoc) (?:\w+ ){0,4}?(?:nop|xuat trinh|cung cap)\b"
                    # "Cơ quan tiếp nhận tự tra cứu ...; chỉ yêu cầu bổ sung khi không khai thác được thông tin."
                    r"|\bchi yeu cau (?:\w+ ){0,3}?(?:khi|neu|trong truong hop) (?:\w+ ){0,3}?khong (?:the )?(?:khai thac|tra cuu)")
_AGENCY_LOOKS_UP = re.compile(
    r"^(?:co quan|can bo|cong chuc|nguoi tiep nhan|bo phan tiep nhan|ngan hang nha nuoc|uy ban|so|cuc|tong cuc|bo)\b"
    r"[^;:]{0,120}?\b(?:tra cuu|khai thac|tu kiem tra|lay thong tin)\b(?![^;]*\b(?:phai nop|nop|xuat trinh|cung cap|bo sung)\b)")
# "thông tin nhân thân được khai thác từ Cơ sở dữ liệu quốc gia về dân cư": what is looked up, not a paper.
_DATA_FETCHED = re.compile(
    r"^thong tin\b(?![^;:]*\bhoac\b)[^;:]{0,80}?\bduoc (?:khai thac|tra cuu|lay|ket noi|chia se|dong bo)\b[^;:]{0,40}?"
    r"\b(?:tu|tren|trong|qua|voi)\b[^;:]{0,20}?\b(?:co so du lieu|csdl|he thong)\b")
# "nộp trực tuyến / qua VNeID / qua Cổng Dịch vụ công thì không phải xuất trình".
_CHANNEL_EXEMPT = re.compile(
    r"^(?:(?:khi|neu|truong hop) )?(?:nop|gui|thuc hien|de nghi)(?: ho so)? (?:truc tuyen|qua (?:vneid|cong|dich vu cong|mang)"
    r"|tren (?:vneid|cong))\b(?: \S+){0,8}? (?:thi )?khong (?:phai|can|yeu cau) (?:\w+ )?(?:nop|xuat trinh|tai len|cung cap)\b")
# "thì khai vào đơn", "ghi số định danh cá nhân vào tờ khai": written in the form, not a paper.
_DECLARED = re.compile(r"\b(?:khai|ghi|dien|ke khai)(?: \w+){0,5}? (?:vao|tai|tren|trong) (?:don|to khai|phieu)\b")
# "có thể thay bằng tài khoản VNeID mức 2", "hoặc đăng nhập VNeID để xác thực": an account, no paper.
_BY_ACCOUNT = re.compile(r"^(?:(?:co the |duoc )?thay (?:the )?bang|hoac) (?:viec )?(?:tai khoan|dang nhap|xac thuc qua|vneid|dinh danh dien tu)\b")
# "...; trường hợp đã tích hợp trên VNeID thì xuất trình trên ứng dụng thay cho bản sao": how the
# papers already named are shown, no paper of its own.
_SHOWN_IN_APP = re.compile(r"\b(?:xuat trinh|cung cap|hien thi)(?: \w+){0,2}? (?:tren|qua) (?:ung dung|vneid|tai khoan dinh danh)\b")
# "(cơ quan) tự khai thác / tự tra cứu trên CSDL ...": the agency finds the data itself.
_SELF_LOOKUP = re.compile(r"\btu (?:khai thac|tra cuu|kiem tra)\b.*\b(?:co so du lieu|csdl|he thong|vneid)\b")
_MARK_WORD = re.compile(r"^(?:[a-zđ]\d{0,2}|\d{1,2})$")


def _item_mark(ctx: _Ctx, a: int, b: int) -> int:
    """Where a clause starts once its item mark ("e1)", "b)", "2)") is passed."""
    if a + 1 < b and ctx.toks[a + 1].word == ")" and _MARK_WORD.match(ctx.toks[a].word):
        return a + 2
    return a


_LIST_MARK = re.compile(r"^\s*(?:[+\-•*]|\+\)|[a-zđ]\)|\d+[.)])\s*$")


def _marked(ctx: _Ctx, a: int) -> bool:
    """The clause opens with a list mark ("+)", "-", "b)"): a new item, not a remark."""
    before = ctx.text[ctx.toks[a - 1].end : ctx.toks[a].start] if a > 0 else ""
    return bool(_LIST_MARK.match(before))


def _split_top(ctx: _Ctx, a: int, b: int) -> list[tuple[int, int]]:
    """Split at ``;`` and sentence stops outside parentheses."""
    out, depth, start = [], 0, a
    for k in range(a, b):
        w = ctx.toks[k].word
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif w in (";", ".") and depth == 0:
            out.append((start, k))
            start = k + 1
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]


# "người thân nộp thay, kèm theo": the person who gives a case's papers instead of the applicant.
_GIVEN_BY = re.compile(r"(?:nguoi|than nhan|ca nhan)(?: \w+){0,3}? (?:nop|lam thu tuc|di lam thu tuc) (?:thay|ho) (?:, )?(?:kem theo |kem |gom )?")


def _clause(ctx: _Ctx, a: int, b: int):
    """The node of one clause, or None when it names no paper."""
    while a < b and ctx.toks[a].word == ")":
        a += 1  # the rest of a list mark "+)" or "a)"
    a = _item_mark(ctx, a, b)
    start = a
    f = ctx.folded(a, b)
    condition = None
    if _opens_case(f):
        # "Trường hợp ... thì/: papers" -- the papers after the case.
        cut = _case_end(ctx, a, b)
        if cut is None:
            return None  # a case with no paper after it: a note
        condition = ctx.span(a, cut)
        # (A case ending on a giving verb keeps the verb with the paper it gives.)
        a = cut if ctx.toks[cut].word in _CASE_GIVES else cut + 1
        if (by := _GIVEN_BY.match(ctx.folded(a, b))) and a + len(by.group(0).split()) < b:
            # "Trường hợp người bệnh đã chết: người thân nộp thay, kèm theo bản sao ...": who
            # gives the papers, then the papers.
            a += len(by.group(0).split())
        if _AGENCY_LOOKS_UP.match(ctx.folded(a, b)):
            # "+ Trường hợp ... độc thân: Cơ quan giải quyết ... tra cứu thông tin
            # ... trên CSDL hộ tịch": in that case the agency looks it up; nothing is asked.
            return None
        # "... thì không cần văn bản ủy quyền nhưng phải có giấy tờ chứng minh mối
        # quan hệ (...)": in that case the paper after "nhưng phải" is what is asked.
        but = next((k for k in _top_level(ctx, a, b - 2) if ctx.toks[k].word == "nhung" and ctx.toks[k + 1].word == "phai"), None)
        if but is not None and _NOT_NEEDED.match(ctx.folded(a, but)):
            a = but + 2 + (ctx.toks[but + 2].word in _MUST_VERBS) + (ctx.folded(but + 2, min(b, but + 4)) == "xuat trinh")
            if a >= b:
                return None
    # "X gồm: A, B" / "một trong các giấy tờ sau: A, B" -- the list after the colon.
    one_of = examples = False
    colon = _colon(ctx, a, b)
    if colon is not None and _SPENT_ON.search(ctx.folded(a, colon)):
        # "Chứng từ, hóa đơn về các khoản chi phí: học ngoại ngữ, khám sức khỏe,
        # lý lịch tư pháp": what the money was spent on, not papers.
        b, colon = colon, None
    if colon is not None:
        head = ctx.folded(a, colon)
        one_of = bool(_ONE_OF.search(head))
        # A lead ("... gồm:", "một trong ...:") or a paperless head before a list of papers.
        # "Văn bản xác nhận tình trạng hôn nhân: + Trường hợp ...: A. + ...: B": a
        # name whose marked list spells what it is, case by case.
        marked = _item_mark(ctx, colon + 1, b)
        spelled = (colon + 1 < b and (ctx.text[ctx.toks[colon].end : ctx.toks[colon + 1].start].strip() in ("+", "-")
                                      or marked > colon + 1)
                   and bool(ctx.hits(colon + 1, b)))
        if spelled and not one_of and _CONDITION.match(ctx.folded(max(marked, colon + 1), b)):
            return _in_case(_clause(ctx, colon + 1, b), condition)
        after = ctx.folded(colon + 1, b)
        if not spelled and ctx.hits(a, colon) and _CONDITION.match(after) and _MAY.search(after):
            # "Giấy khám sức khỏe do bệnh viện ... cấp: Trường hợp ... cư trú ở nước
            # ngoài, giấy khám sức khỏe có thể do cơ quan ... của nước đó cấp": the paper,
            # and in that case another that may stand for it.
            first, other = _list(ctx, a, colon), _clause(ctx, colon + 1, b)
            if first is not None and other is not None:
                return _in_case(_join("any", [first, other]), condition)
        lead_f = _strip_present(_strip_lead(head))
        generic = bool(_GENERIC_LEAD.match(lead_f)) and not _RELEVANT_LEAD.match(lead_f) and bool(ctx.hits(colon + 1, b))
        if one_of or spelled or generic or _LIST_LEAD.search(head) or (not ctx.hits(a, colon) and ctx.hits(colon + 1, b)):
            if one_of and (given := _given_before_one_of(ctx, a, colon)) is not None:
                # "Văn bản ủy quyền (nếu có), kèm theo bản sao một trong các giấy tờ: A, B, C":
                # the paper named before the lead is asked beside the choice it opens.
                first, rest = _list(ctx, a, given), _clause(ctx, given, b)
                if first is not None and rest is not None:
                    return _in_case(_join("all", [first, rest]), condition)
            a = colon + 1
            ctx.copy_lead = bool(_COPY_ONLY.match(_strip_lead(head))) and not _ORIGINAL.search(head)
            examples = generic and not _ACCRUING.search(lead_f)
            like = _examples_lead(ctx, a, b) if not generic and _SUCH_AS.search(f" {ctx.folded(a, b)} ") else None
            if like is not None:
                # "Cha, mẹ ... của người được cấp văn bằng: bản sao giấy tờ chứng minh quan hệ ...
                # như giấy khai sinh, giấy chứng nhận kết hôn": the class after a case's colon.
                a, examples = like + 1, not _ACCRUING.search(ctx.folded(a, like))
    else:
        # "Giấy tờ chứng minh quan hệ nhân thân ... như Giấy khai sinh, Giấy chứng
        # nhận kết hôn": a generic paper and the kinds it may be.
        like = _examples_lead(ctx, a, b) if _SUCH_AS.search(f" {f} ") else None
        if like is not None:
            a, examples = like + 1, not _ACCRUING.search(ctx.folded(a, like))
    if examples and _BUNDLE_WORD.search(" ".join(ctx.toks[k].word for k in _top_level(ctx, a, b))):
        examples = False  # "... như: A và B": a bundle spelled out, not kinds
    try:
        node = _list(ctx, a, b, force_any=one_of or examples or bool(_ONE_OF.search(ctx.folded(a, b)[:40])))
    finally:
        ctx.copy_lead = False
    if isinstance(node, AnyOf) and (_BY_CASE_WORDS.search(ctx.folded(start, b))
                                    or (condition and re.search(r"\bhoac\b", fold(condition)))):
        # "..., tùy từng trường hợp: A, B, C": the text itself says the choice is the applicant's case;
        # "Trường hợp đã nghỉ hưu hoặc đã từ trần: quyết định nghỉ hưu hoặc Giấy chứng tử": so do
        # alternatives answering a case that is itself a choice.
        node.by_case = True
    return _in_case(node, condition)


_BY_CASE_WORDS = re.compile(r"\b(?:tuy (?:tung |theo |vao )?(?:truong hop|doi tuong)|theo tung truong hop|"
                            # "Giấy tờ chứng minh thuộc trường hợp được ...: A, B; hoặc C": the grounds are cases.
                            # ("Giấy tờ chứng nhận thuộc đối tượng ưu tiên ... như: A, B", "... chứng minh học sinh
                            # thuộc đối tượng ...": each paper answers one kind of beneficiary.)
                            r"chung (?:minh|nhan) (?:\w+ ){0,3}?thuoc (?:mot trong )?(?:cac )?(?:truong hop|dien|doi tuong)|"
                            # "Một trong các giấy tờ chứng minh là người được trợ giúp pháp lý: A; B; C": each
                            # proves one kind of beneficiary (also in the clerks' "GT CM là người được ...").
                            r"(?:chung minh|giay to cm|gt cm) la (?:nguoi|doi tuong) (?:duoc|thuoc)|"
                            # "Giấy tờ chứng minh người nhận con nuôi có thu nhập ổn định, như hợp đồng lao
                            # động, quyết định hưởng lương hưu, sổ BHXH hoặc GCN đăng ký hộ kinh doanh": each
                            # kind of earner (employee, pensioner, household business) has its own proof.
                            r"chung minh (?:\w+ ){0,5}?co (?:nguon )?thu nhap)\b")


_SUCH_AS = re.compile(r" (?:nhu|vi du|la) ")


def _examples_lead(ctx: _Ctx, a: int, b: int) -> int | None:
    """The last word of the "như" (or "ví dụ": "Giấy tờ chứng minh quan hệ, ví dụ giấy khai
    sinh, ...", or "là" before a paper's name) after a generic paper's name that opens its
    examples, if any."""
    for k in _top_level(ctx, a, b):
        word, after = ctx.toks[k].word, (ctx.toks[k + 1].word if k + 1 < b else None)
        if word == "la":
            # "... thay đổi thông tin nhân thân là thẻ Căn cước hoặc Căn cước công dân": "là" and a
            # paper's name. Any other "là" ("người nộp là ...") says nothing of examples: read on.
            if k + 1 in ctx.hit_at and _GENERIC_LEAD.match(_strip_present(_strip_lead(ctx.folded(a, k)))):
                return k
            continue
        last = k if word == "nhu" and after not in (None, "sau") else k + 1 if word == "vi" and after == "du" else None
        if last is not None:
            if _GENERIC_LEAD.match(_strip_present(_strip_lead(ctx.folded(a, k)))) and ctx.hits(last + 1, b):
                return last
            return None
    return None


_PURPOSE = re.compile(r"^(?:de |nham |nhu )?(?:chung minh|the hien|xac dinh) (?!nhan dan\b|thu\b)")
# A head naming costs: the list after its colon says what was paid for.
_SPENT_ON = re.compile(r"\b(?:cac |nhung )?khoan (?:chi phi|chi|kinh phi|tien)\b|\bchi phi (?:cho|de|ve)\b")
_MAY = re.compile(r"\b(?:co the|duoc phep|cung duoc|duoc thay the)\b")
# A class of papers, not a paper ("giấy tờ chứng minh ...", "các tài liệu ..."): what
# follows its colon or "như" are the kinds it may be.
_GENERIC_LEAD = re.compile(r"^(?:cac |nhung |mot trong (?:cac |nhung )?)?(?:giay to|tai lieu)\b")
# "Tài liệu khác có liên quan (nếu có): bản sao GCNQSDĐ, giấy đăng ký xe, sổ tiết kiệm...":
# every relevant paper the applicant has, not the kinds one proof may take.
# ("Giấy tờ của người chịu trách nhiệm chuyên môn: A, B, C": every paper of that person.)
_RELEVANT_LEAD = re.compile(r"^(?:cac |nhung )?(?:giay to|tai lieu)(?: ,? (?:giay to|tai lieu))? (?:(?:khac )?(?:co )?lien quan|cua)\b")
# Evidence of what adds up (a debtor's assets or income, a loss, the conditions for enforcing a
# judgment): "Tài liệu, chứng cứ về điều kiện thi hành án (nếu có) như: GCNQSDĐ, giấy đăng ký
# xe, ..." names a paper for each asset the applicant knows of: the list is read, as a bundle.
# The papers are not kinds of one proof, and one held in a database does not stand for the others.
_ACCRUING = re.compile(r"\b(?:ve|chung minh) (?:(?:cac|nhung) )?(?:tai san|thu nhap|thiet hai|dieu kien thi hanh an)\b")
# Words that bundle papers ("và", "kèm theo", "+"): a list holding one is not a set of kinds.
_BUNDLE_WORD = re.compile(r"\b(?:va|kem|dong thoi|cung voi)\b|\+")


def _in_case(node, condition: str | None):
    """``node`` with the case it is asked in ("Trường hợp ...") set on each of its papers."""
    if node is not None and condition:
        for p in iter_papers(node):
            p.condition = condition if p.condition is None else f"{condition}; {p.condition}"
    return node


def _top_level(ctx: _Ctx, a: int, b: int):
    """Indices of [a, b) outside parentheses (in one pass, not per token)."""
    depth = 0
    for k in range(a, b):
        if depth == 0:
            yield k
        w = ctx.toks[k].word
        if w == "(":
            depth += 1
        elif w == ")" and depth > 0:
            depth -= 1


# "Người được ủy quyền là cha, mẹ, ... thì ...": a case opened by the person it is about.
_PERSON_CASE = re.compile(r"^(?:nguoi|ca nhan)\b(?:(?!\bthi\b)[^;:]){0,120}?\bla\b(?:(?!\bthi\b)[^;:]){0,120}?\bthi\b")


def _opens_case(f: str) -> bool:
    """The clause opens on a case ("Trường hợp ...", "Đối với ...", "Người ... là ... thì")."""
    return bool(_CONDITION.match(f) or _PERSON_CASE.match(f))


_NOT_NEEDED = re.compile(r"^(?:\w+ ){0,4}?khong (?:can|phai)\b")
_MUST_VERBS = {"co", "kem", "nop", "xuat"}  # ("xuất trình": two tokens)


def _case_end(ctx: _Ctx, a: int, b: int) -> int | None:
    """Where a leading case clause ends: at "thì", ":" or the comma before a paper."""
    top = list(_top_level(ctx, a, b))
    for k in top:
        if ctx.toks[k].word in ("thi", ":") and k + 1 < b:
            return k
    # "đối với người không có quốc tịch Việt Nam là văn bản có giá trị tương đương ...",
    # "đối với phương tiện thủy nội địa là Giấy chứng nhận khả năng chuyên môn ...".
    for k in top:
        if ctx.toks[k].word == "la" and k + 1 < b and (_EQUIVALENT_HEAD.match(ctx.folded(k + 1, b))
                                                        or _PAPER_HEAD.match(_strip_present(ctx.folded(k + 1, b)))):
            return k
    # "Trường hợp ..., (ai) phải cung cấp / nộp A": the case ends at "phải".
    for k in top:
        if ctx.toks[k].word == "phai" and k + 2 < b and _MUST_GIVE.match(ctx.folded(k + 1, min(b, k + 4))):
            return k
    for k in top:
        if ctx.toks[k].word == "," and k + 1 < b:
            rest = _strip_present(ctx.folded(k + 1, b))
            if _PAPER_HEAD.match(rest) or ctx.hits(k + 1, min(b, k + 8)):
                return k
    # "đối với hộ gia đình kèm theo danh sách các thành viên ...", "trường hợp ... nộp
    # thêm bản sao ...": the case ends where a giving verb hands a paper in.
    for k in top:
        # ("mẫu ... ban hành kèm theo Nghị quyết ...": a citation, not a paper given.)
        if k <= a + 2 or ctx.toks[k].word not in _CASE_GIVES or ctx.toks[k - 1].word == "hanh":
            continue
        # ("trường hợp nộp hồ sơ trực tuyến, ...": the verb of the case itself, the dossier.)
        rest = _strip_present(ctx.folded(k, b))
        if _PAPER_HEAD.match(rest) and not rest.startswith("ho so"):
            return k
    return None


_CASE_GIVES = ("kem", "nop")


def _strip_lead(f: str) -> str:
    """A list's lead without its list marks ("+", "-", "a)")."""
    return re.sub(r"^(?:[+\-*]|[a-z]\)|\d+\.?)\s*", "", f)


_DIGITS = re.compile(r"\d+ so\b")


def _strip_present(f: str) -> str:
    if _DIGITS.match(f):
        return f  # "12 số" (a number's digits), not a count of "sổ" (books)
    f = re.sub(r"^(?:nop them|nop kem|nop|xuat trinh|kem theo|bo sung)\s+", "", f)
    m = _PRESENT.match(f)
    return f[m.end():] if m else f


def _list(ctx: _Ctx, a: int, b: int, force_any: bool = False):
    """Pieces at depth 0 joined by their connectors ("," "or" "and" "AND")."""
    pieces: list[_Piece] = []
    connectors: list[str] = []
    pending: str | None = None
    start = k = a
    while k < b:
        if ctx.toks[k].word == "(":
            k = _matching(ctx, k, b) + 1
            continue
        conn, width = _connector(ctx, k, b)
        if conn is None:
            k += 1
            continue
        piece = _piece(ctx, start, k)
        if piece is not None and not pieces and _GIVING_ONLY.fullmatch(piece.folded):
            # "nộp kèm A, B và C": the verb before "kèm" gives the papers after it; it is none.
            piece = None
        if piece is not None:
            if pieces:
                connectors.append(pending or ",")
            pieces.append(piece)
            pending = conn
        elif pieces and (pending is None or pending == ","):
            pending = conn  # ", hoặc": the word decides
        start = k = k + width
    piece = _piece(ctx, start, b)
    if piece is not None:
        if pieces:
            connectors.append(pending or ",")
        pieces.append(piece)
    pieces, connectors = _merge_continuations(ctx, pieces, connectors)
    if not pieces:
        return None
    nodes = []
    outer = ctx.copy_lead
    try:
        for p in pieces:
            nodes.append(_paper_node(ctx, p))
            if ":" in p.folded.split() and not _ORIGINAL.search(p.folded) and _COPY_ONLY.match(_strip_lead(p.folded)):
                # "Bản sao một trong các giấy chứng nhận: A, B, C": the lead's copy
                # words say how the papers listed after it are given.
                ctx.copy_lead = True
    finally:
        ctx.copy_lead = outer
    node = _combine(ctx, nodes, pieces, connectors, force_any)
    _mark_labelled_situations(node, {id(n): lab for n, p in zip(nodes, pieces) if (lab := _situation_label(p))})
    return node


_GIVING_ONLY = re.compile(r"(?:phai )?(?:nop|gui|xuat trinh|cung cap|bo sung)(?: them)?")

#: Notes that say how or which paper is given, not whose situation it answers.
_NOT_A_SITUATION = re.compile(r"\b(?:mau|neu|con|hieu luc|thoi han|ban|theo|kem|dich|viet tat|goi tat|so)\b|\d")


def _situation_label(p: _Piece) -> str | None:
    """A bare note naming a situation ("(tài sản chung vợ chồng)"), if the piece has one."""
    for note in p.notes:
        f = fold(note).strip(" ()")
        if f and _presentation(f) == (None, None) and not _NOT_A_SITUATION.search(f):
            return f
    return None


def _mark_labelled_situations(node, labels: dict[int, str]) -> None:
    """Alternatives marked by parallel bare notes ("giấy chứng nhận kết hôn (tài sản chung
    vợ chồng) hoặc ..., văn bản thỏa thuận ... (tài sản riêng)"): each answers the situation
    its note names, so the entry goes only when each does."""
    if not labels or isinstance(node, Paper):
        return
    kids = node.any_of if isinstance(node, AnyOf) else node.all_of
    for kid in kids:
        _mark_labelled_situations(kid, labels)
    if isinstance(node, AnyOf):
        said = [labels[id(k)] for k in kids if id(k) in labels]
        if len(said) >= 2 and len(set(said)) == len(said) and len({s.split()[0] for s in said}) == 1:
            node.by_case = True


def _matching(ctx: _Ctx, k: int, b: int) -> int:
    depth = 0
    for j in range(k, b):
        w = ctx.toks[j].word
        if w == "(":
            depth += 1
        elif w == ")":
            depth -= 1
            if depth == 0:
                return j
    return b - 1


def _connector(ctx: _Ctx, k: int, b: int) -> tuple[str | None, int]:
    w = ctx.toks[k].word
    if w in (",", ";"):
        # A semicolon reaches a list only inside parentheses ("(A; B; C)"): a comma there.
        return ",", 1
    if w == "/":
        # "01/01/2020", "123/2015/NĐ-CP": a number, not a list.
        prev = ctx.toks[k - 1].word if k > 0 else ""
        nxt = ctx.toks[k + 1].word if k + 1 < len(ctx.toks) else ""
        if prev[-1:].isdigit() or nxt[:1].isdigit():
            return None, 0
        return "or", 1
    if w in ("hoac", "hay"):
        return "or", 1
    if w not in _AND_FIRST:
        return None, 0
    if w == "va" and _LOST.match(ctx.folded(k + 1, b)):
        # "Văn bản cam đoan ... về việc sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị
        # mất": what the statement says was lost, not a paper asked.
        return None, 0
    if w == "va" and k + 1 < b and ctx.toks[k + 1].word == "cua":
        # "giấy tờ pháp lý của chủ hộ và của các thành viên": two holders of one paper.
        return None, 0
    if (w == "va" and _HOLDER_HEAD.match(ctx.folded(k + 1, min(b, k + 4)))
            and not any(j in ctx.hit_at for j in range(k + 1, min(b, k + 5)))
            and _OF_HOLDER.search(" ".join(t.word for t in ctx.toks[max(0, k - 12) : k]))):
        # "giấy tờ pháp lý của cá nhân đối với chủ sở hữu là cá nhân và người đại diện theo
        # pháp luật (...)": two holders of one paper.
        return None, 0
    if w == "va" and _BETWEEN.search(" ".join(t.word for t in ctx.toks[max(0, k - 8) : k])) and not (
            k + 1 in ctx.hit_at or _PAPER_HEAD.match(ctx.folded(k + 1, min(b, k + 4)))):
        # "Giấy tờ chứng minh quan hệ giữa người vay và học sinh": the two parties of a relation.
        return None, 0
    for phrase in _AND_PHRASES:
        n = len(phrase)
        if tuple(t.word for t in ctx.toks[k : k + n]) == phrase:
            if phrase == ("kem",) and k + 1 < b and ctx.toks[k + 1].word in ("ban", "theo"):
                # "bản sao kèm bản chính": presentation, not a bundle; but "Văn bản ủy
                # quyền kèm bản sao giấy tờ pháp lý ...": a paper named right after
                # the copy words, another named before, is one more paper.
                if not _names_another(ctx, k, b):
                    return None, 0
                return "AND", 1
            return ("AND" if phrase in _STRONG_AND else "and"), n
    return None, 0


_LOST = re.compile(r"^[^,;:()]{0,80}? " + LOST)
# The holder a paper's name is for, its clause not closed since ("... của A", "... đối với A").
_OF_HOLDER = re.compile(r"\b(?:cua|doi voi)\b[^,;:()]*$")
# "giữa A và B", "quan hệ của A với B": the parties of one relation, not two papers.
_BETWEEN = re.compile(r"\bgiua\b(?:(?!\b(?:hoac|kem)\b)[^,;:()])*$")

_COPY_TAIL = ("sao", "chinh", "chup", "goc")


def _names_another(ctx: _Ctx, k: int, b: int) -> bool:
    """After "kèm bản sao|bản chính", a paper's name starts at once, and one was named before;
    or "kèm bản khai|bản cam kết ...": a paper whose own name opens on "bản"."""
    j = k + 1
    if j < b and ctx.toks[j].word == "ban" and j + 1 < b and ctx.toks[j + 1].word in _COPY_TAIL:
        j += 2
    elif j < b and ctx.toks[j].word == "ban" and _PAPER_HEAD.match(ctx.folded(j, b)):
        # "... kèm bản khai về các thành viên trong gia đình": "bản" opens a paper's own name.
        return True
    else:
        return False
    while j < b and ctx.toks[j].word in ("co", "chung", "thuc", "hop", "le", "dien", "tu", "cong"):
        j += 1
    # "Bản sao kèm bản chính ...": "kèm" after copy words says how that copy is
    # given; after anything else ("Tờ khai theo mẫu, kèm bản sao ...") it adds a paper.
    before = ((k > 0 and ctx.toks[k - 1].word not in _COPY_END) or any(i in ctx.hit_at for i in range(max(0, k - 12), k))
              or _paper_before(ctx, k))
    # ("... kèm bản chụp thẻ sinh viên": a paper's head the registry does not name is a paper too.)
    return before and (j in ctx.hit_at or k + 1 in ctx.hit_at or (j < b and bool(_PAPER_HEAD.match(ctx.folded(j, b)))))


def _paper_before(ctx: _Ctx, k: int) -> bool:
    """The words since the last separator before ``k`` open on a paper's own name ("văn bản
    tặng cho có công chứng kèm bản sao GCNQSDĐ": the deed, notarised, then another paper)."""
    i = k
    while i > 0 and ctx.toks[i - 1].word not in (",", ";", ":", "(", ")", "+", ".", "hoac", "va"):
        i -= 1
    lead = _strip_present(ctx.folded(i, k))
    return bool(lead) and bool(_PAPER_HEAD.match(lead)) and not _PRESENT_ONLY.match(lead + " ")


_COPY_END = frozenset({"sao", "chinh", "chup", "goc", "thuc", "le", "tu", "chung", "photo", "photocopy", "scan"})


def _piece(ctx: _Ctx, a: int, b: int) -> _Piece | None:
    """A piece of a list, its parentheses read."""
    toks = []
    piece = _Piece([])
    k = a
    while k < b:
        if ctx.toks[k].word == "(":
            end = _matching(ctx, k, b)
            _paren(ctx, piece, k + 1, end, " ".join(ctx.toks[j].word for j in toks))
            k = end + 1
            continue
        toks.append(k)
        k += 1
    if not toks:
        return None if piece.detail is None else piece
    piece.toks = [ctx.toks[j] for j in toks]
    piece.a, piece.b = a, b  # type: ignore[attr-defined]
    piece.hits = [ctx.hit_at[j] for j in toks if j in ctx.hit_at]
    piece.rejected = [ctx.rejected_at[j] for j in toks if j in ctx.rejected_at]
    _aliases_to_notes(piece)
    return piece


def _aliases_to_notes(piece: _Piece) -> None:
    """A parenthesis naming only the paper just named ("GCN QSDĐ (sổ đỏ, sổ
    hồng)") gives its other names, not more papers: a note."""
    if piece.detail is None or not piece.hits or not piece.detail_span or piece.detail[0] in ("hoac", "hay"):
        return  # "Giấy chứng tử (hoặc trích lục khai tử)": an alternative, a paper of its own
    own = {h.type_id for h in piece.hits}
    inner = [p.document_types for p in iter_papers(piece.detail[1])]
    if inner and all(types and set(types) <= own for types in inner):
        piece.notes.append(piece.detail_span)
        piece.detail = None


# "(hộ chiếu, CCCD, học bạ...)", "(..., v.v.)": a list that ends in "etc." gives examples.
_ETC = re.compile(r"(?:\.{2,}|\u2026|\bv\.\s?v\.?|\bvv\.?)\s*$")


def _gives_examples(ctx: _Ctx, a: int, b: int, head: str) -> bool:
    """The parenthesis after a class of papers ("Giấy tờ cá nhân (hộ chiếu, CCCD, học
    bạ...)") lists, ending in "...", the kinds the class may be: alternatives."""
    if b <= a or not _GENERIC.match(_strip_present(head)):
        return False
    end = ctx.toks[b].start if b < len(ctx.toks) else len(ctx.text)
    return bool(_ETC.search(ctx.text[ctx.toks[max(a, b - 3)].start : end]))


def _paren(ctx: _Ctx, piece: _Piece, a: int, b: int, head: str = "") -> None:
    f = ctx.folded(a, b)
    if not f:
        return
    if _is_waiver(f):
        piece.waiver_clause = ctx.span(a, b)
        return
    if _opens_case(f) and " nhung phai " in f and ctx.hits(a, b):
        # "giấy ủy quyền (người nhận ủy quyền là cha, mẹ ... thì không cần chứng thực
        # nhưng phải kèm bản sao Giấy khai sinh ...)": in that case, one more paper.
        node = _clause(ctx, a, b)
        if node is not None:
            piece.detail = ("", node)
            return
    if _CONDITION.match(f):
        # "Phiếu lý lịch tư pháp (đối với người nước ngoài thay bằng văn bản ... do nước
        # ngoài cấp)", "Giấy phép hoạt động (đối với doanh nghiệp là Giấy chứng nhận đăng ký
        # doanh nghiệp)": the paper another applicant brings instead, not a case of this one.
        for k in range(a + 2, b - 1):
            if (ctx.toks[k - 1].word in ("bang", "la", "nop", "trinh", "cap") and ctx.toks[k].word not in _MORE
                    and _CASE_INSTEAD.match(ctx.folded(a, k))) and (ctx.hits(k, b) or _PAPER_HEAD.match(_strip_present(ctx.folded(k, b)))):
                node = _clause(ctx, k, b)
                if node is not None:
                    for q in iter_papers(node):
                        q.condition = q.condition or ctx.span(a, k)
                    piece.detail = ("instead", node)
                    return
    if _CONDITION.match(f) or f in ("neu co", "neu co ;"):
        piece.condition = ctx.span(a, b)
        return
    if _EXCEPTED.match(f):
        # "Các giấy tờ chứng minh người phụ thuộc (trừ bản chụp giấy khai sinh ...)":
        # the papers named are the ones not asked for; so are the people named.
        piece.notes.append(ctx.span(a, b))
        return
    if ctx.hits(a, b):
        node = _list(ctx, a, b, force_any=bool(_ONE_OF.search(f)) or _gives_examples(ctx, a, b, head))
        if node is not None:
            piece.detail = (f.split()[0] if f.split() else "", node)
            piece.detail_span = ctx.span(a, b)
        return
    piece.notes.append(ctx.span(a, b))


# "(trừ ...)": what a rule excepts, papers ("trừ bản chụp giấy khai sinh") or people
# ("trừ người nước ngoài đổi giấy phép ..."), not what the entry asks.
_EXCEPTED = re.compile(r"^tru\b")
_CASE_INSTEAD = re.compile("^" + CASE_INSTEAD + "$")
_MORE = ("them", "bo", "kem")  # "thì nộp thêm / bổ sung / kèm": one more paper, not another's
_BARE_GENERIC = re.compile(r"(?:giay to|tai lieu|ho so|van ban|giay to tai lieu)")
# "bản án, quyết định ly hôn", "bản án hoặc quyết định của Tòa án về việc ...": the
# courts' doublet, one ruling; the words after it say what both rule on.
_BARE_JUDGMENT = re.compile(r"(?:trich luc )?ban an")
_RULING = re.compile(r"^(?:quyet dinh|qd)\b")
_ISSUING = r"lap|cap|xac nhan|chung thuc|cong chung|ky"
_ISSUE_VERB = re.compile(rf"(?:{_ISSUING}|hop phap hoa)\b")
_ISSUED_BY_VERBS = re.compile(rf"\b(?:duoc|do(?: (?:\w+|,)){{1,12}}?)(?: (?:{_ISSUING})(?: ,)?)+$")


_INFO_ASKED = re.compile(r"^thong tin (?:ve|cua) ")


def _merge_continuations(ctx: _Ctx, pieces: list[_Piece], connectors: list[str]):
    """A piece that names no paper continues the one before it (or, for a
    presentation alone before a paper, the one after it)."""
    out: list[_Piece] = []
    conns: list[str] = []
    carry: _Piece | None = None
    doublet: tuple[_Piece, str | None] | None = None
    for i, p in enumerate(pieces):
        f = p.folded
        bare = _strip_present(f)
        if (doublet is None and p.detail is None and _BARE_JUDGMENT.fullmatch(bare) and i + 1 < len(pieces)
                and i < len(connectors) and connectors[i] in (",", "or")
                and _RULING.match(_strip_present(pieces[i + 1].folded))):
            # The ruling's name is the next piece's; the doublet takes the place (and the
            # connector) of its first word.
            doublet = (p, connectors[i - 1] if 0 < i <= len(connectors) else None)
            continue
        if doublet is not None:
            first, before = doublet
            doublet = None
            p.toks, p.a = _flat(ctx, first.a, p.b), first.a
            p.notes = first.notes + p.notes
            p.condition = first.condition or p.condition
            if out:
                conns.append(before or ",")
            out.append(p)
            continue
        if (not p.hits and p.detail is None and _BARE_GENERIC.fullmatch(bare) and i + 1 < len(pieces)
                and _GENERIC.match(_strip_present(pieces[i + 1].folded)) and (i >= len(connectors) or connectors[i] == ",")):
            # "Giấy tờ, tài liệu có giá trị pháp lý chứng minh ...": a doublet naming one generic paper.
            if carry is None:
                carry = p
            else:
                carry.toks, carry.b = _flat(ctx, carry.a, p.b), p.b
            continue
        # (A case's own paper "(đối với doanh nghiệp là ...)" names none of this piece's.)
        names = bool(p.hits) or (p.detail is not None and p.detail[0] != "instead") or bool(_PAPER_HEAD.match(bare)) or bool(p.rejected and _PAPER_HEAD.match(bare + " "))
        if (not p.hits and out and out[-1].hits and _RIGHTS_GO_ON.match(bare)
                and (i - 1 >= len(connectors) or connectors[i - 1] in (",", "and"))):
            # "GCN quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất
            # (sổ đỏ, sổ hồng)": the certificate's own name goes on after its comma and
            # "và", and so does its parenthesis.
            prev = out[-1]
            _go_on(ctx, prev, p)
            if p.detail is not None:
                prev.detail, prev.detail_span = p.detail, p.detail_span
                _aliases_to_notes(prev)
            continue
        if (names and not p.hits and p.detail is not None and p.detail_span and out and out[-1].hits
                and _PERSON_ONLY.fullmatch(re.sub(r"^(?:va|hoac) ", "", f)) and " cua " in f" {out[-1].folded} "
                and (i - 1 >= len(connectors) or connectors[i - 1] == ",")):
            # "giấy chứng nhận căn cước của cha, mẹ, người giám hộ (có thể xuất trình ...)": the
            # holders named go on; the parenthesis says how the paper may be shown.
            prev = out[-1]
            prev.toks, prev.b = _flat(ctx, prev.a, p.b), p.b
            prev.notes = prev.notes + p.notes + [p.detail_span]
            continue
        if (names and not p.hits and p.detail is not None and out and out[-1].detail is None and not _PAPER_HEAD.match(bare)
                and (_PROOF_OF.match(_strip_present(out[-1].folded)) or _GENERIC_LEAD.match(_strip_present(out[-1].folded)))
                and (i - 1 >= len(connectors) or connectors[i - 1] == ",")):
            # "Giấy tờ chứng minh nơi cư trú tại tỉnh, thành phố nơi có dự án (A hoặc B)", "giấy tờ
            # hợp pháp về quyền sử dụng đất, quyền sở hữu nhà ở (A)", "Giấy tờ pháp lý của cá nhân
            # đối với chủ hộ, thành viên hộ gia đình (A, B)": the words after the comma go on
            # with the name before, and so does its parenthesis.
            prev = out[-1]
            prev.toks, prev.b = _flat(ctx, prev.a, p.b), p.b
            prev.detail, prev.notes = p.detail, prev.notes + p.notes
            continue
        if names and not p.hits and out and _PURPOSE.match(f):
            # "Sổ bảo hiểm xã hội (bản chụp), để chứng minh cha hoặc mẹ đang tham gia
            # ...": what the paper before is for, not a paper.
            names = False
        if names and not p.hits and out and _ISSUED_BY_VERBS.search(out[-1].folded) and _ISSUE_VERB.match(f):
            # "... có giá trị nếu được lập, cấp, xác nhận chưa quá 12 tháng", "do cơ quan nước
            # ngoài lập, cấp, xác nhận": a list of verbs, no new paper.
            names = False
        if names and not p.hits and out and len(bare.split()) <= 3 and _ISSUED_WHAT.search(out[-1].folded):
            # "... của người được cấp văn bằng, chứng chỉ": what that person was
            # issued, not another paper.
            names = False
        presentation = not bare or bool(_PRESENT_ONLY.match(f + " "))
        if (not names and out and _INFO_ASKED.match(bare) and 0 < i <= len(connectors)
                and connectors[i - 1] in ("and", "AND")):
            # "Giấy chứng tử ... và thông tin về người thừa kế": information asked beside the
            # paper, given by the applicant, not more of the paper's name.
            names = True
        if not names and out and bare != f and p.a > 0 and ctx.toks[p.a - 1].word == "+":
            # "... + bản sao trang đầu sổ tài khoản ngân hàng": a copy bundled in is one more paper.
            names = True
        if names and not (presentation and not p.hits and p.detail is None):
            if carry is not None:
                p.toks = _flat(ctx, carry.a, p.b)
                p.a = carry.a
                p.notes = carry.notes + p.notes
                carry = None
            if out:
                conns.append(connectors[i - 1] if i - 1 < len(connectors) else ",")
            out.append(p)
        elif out:
            _go_on(ctx, out[-1], p)
        elif not presentation and carry is None:
            # Text before any paper that names none: kept as a paper of its
            # own (it stays required), never glued to the next paper.
            out.append(p)
        elif carry is None:
            carry = p
        else:
            carry.toks, carry.b = _flat(ctx, carry.a, p.b), p.b
    if carry is not None and out:
        out[0].toks = _flat(ctx, carry.a, out[0].b)
        out[0].a = carry.a
    return out, conns


def _go_on(ctx: _Ctx, prev: _Piece, p: _Piece) -> None:
    """``p`` names no paper of its own: its words go on with ``prev``'s name (the
    connector words stay in it: "... kèm biển số"), and so do its notes and case."""
    prev.toks = _flat(ctx, prev.a, p.b)
    prev.b = p.b
    prev.rejected += p.rejected
    prev.notes += p.notes
    prev.condition = prev.condition or p.condition
    prev.waiver_clause = prev.waiver_clause or p.waiver_clause
    if p.detail is not None and prev.detail is None:
        prev.detail, prev.detail_span = p.detail, p.detail_span


# The rest of a land certificate's official name after its comma or "và".
_RIGHTS_GO_ON = re.compile(r"^(?:quyen (?:su dung|so huu)|tai san (?:khac )?gan lien)\b")
_ISSUED_WHAT = re.compile(r"\b(?:nguoi|ca nhan|to chuc) (?:duoc|da duoc|de nghi) cap(?: \w+){1,3}$")


def _flat(ctx: _Ctx, a: int, b: int) -> list[_Tok]:
    """Tokens of [a, b) outside parentheses."""
    out, depth = [], 0
    for t in ctx.toks[a:b]:
        if t.word == "(":
            depth += 1
        elif t.word == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _presentation(f: str) -> tuple[str | None, str | None]:
    pres = None
    if re.search(r"\bban sao dien tu\b|\bban dien tu\b|\bban scan\b", f):
        pres = "electronic-copy"
    elif re.search(r"\b(?:co|da|duoc)? ?chung thuc\b|\bcong chung\b", f) and re.search(r"\bban sao\b", f):
        pres = "certified-copy"
    elif re.search(r"\bban sao\b|\bban chup\b|\bban photo\b", f):
        pres = "copy"
    elif re.search(r"\bban chinh\b|\bban goc\b", f):
        pres = "original"
    mode = None
    if re.search(r"\bdoi chieu\b", f):
        mode = "compare"
    elif re.search(r"\bxuat trinh\b", f):
        mode = "show"
    return pres, mode


_UNIT_CONFIRMS = re.compile(r"^van ban xac nhan\b.*\bcua (?:thu truong|chi huy truong|nguoi dung dau)(?: \w+){0,3}? (?:don vi|co quan)\b")
_HEALTH, _SECTOR_HEALTH = "health-certificate", "sector-health-certificate"
_SECTOR_STANDARD = re.compile(
    r"\btheo (?:quy dinh|tieu chuan|mau)(?: \w+){0,3} (?:cua|do) bo (?!y te\b)\w"
    # Res. 66.7 Art. 4.9 names the general health check; a crew's or a sector's own
    # fitness standard is another paper ("sức khỏe thuyền viên ... theo tiêu chuẩn chuyên ngành").
    r"|\btieu chuan suc khoe chuyen nganh\b|\bsuc khoe (?:thuyen vien|nguoi lai tau|to bay|nhan vien hang khong)\b"
    # "... do cơ sở y tế được Cục Hàng không cấp phép giám định sức khỏe cấp", "sức khỏe phù hợp
    # với chức danh": a fitness assessment for one post, not the general health check.
    r"|\bgiam dinh suc khoe\b|\bsuc khoe phu hop voi chuc danh\b")
# "... hoặc giấy chứng nhận sức khỏe theo yêu cầu của nước tiếp nhận": a paper made to another
# country's standard (in the name's own words: "(theo yêu cầu của nước tiếp nhận lao động)" in
# brackets says when the general check is asked).
_FOREIGN_STANDARD = re.compile(r"\btheo (?:yeu cau|quy dinh|tieu chuan|mau)(?: \w+){0,3} cua nuoc (?:tiep nhan|ngoai|den|so tai)\b")


def _names_other(rec, types: list[str]) -> bool:
    """The words name (or reject as being issued) a paper of another kind."""
    return any(h.type_id not in types for h in rec.hits + rec.rejected)


# "(đối với người nước ngoài: văn bản xác nhận ...)": a note or case that gives the foreigners'
# own paper instead of the one named (fold_keep form: the colon tells it from a bare case).
_FOREIGNERS_INSTEAD = re.compile(r"^\W*(?:doi voi|truong hop|neu la) (?:ca nhan |nguoi )?(?:la )?(?:nguoi|to chuc|doanh nghiep) nuoc ngoai\s*:\s*\w")
# "... hoặc có căn cứ khác cho thấy ...", "... hoặc trường hợp ...": an alternative that names a
# situation, not a paper.
_OR_A_SITUATION = re.compile(r"hoac (?:co (?:can cu|ly do|bang chung|chung cu)|truong hop|neu|khi)\b")


def _situation_alternative(toks: list) -> int | None:
    """Where a piece's own "hoặc <a situation>" begins (the index of its "hoặc"), if it has one."""
    words = [t.word for t in toks]
    for k, w in enumerate(words):
        if w == "hoac" and k > 0 and _OR_A_SITUATION.match(" ".join(words[k : k + 4])):
            return k
    return None


# "(trường hợp ... thì nộp kèm để cấp đổi thẻ mới)": what a case's own clause does with the paper.
_THEN_HANDS_IN = re.compile(r"\bthi ((?:nop|gui|xuat trinh)\b.*)$")
# "... để <agency> cấp thẻ mới": the card or book of that kind is replaced.
_NEW_ONE = re.compile(r"\bde (?:(?:\w+|,) ){0,8}?cap (?:lai |doi )?(the|so)\b(?: \w+){0,3}? moi\b")


def _replaced_by_a_new_one(words: str, f: str) -> bool:
    """``words`` say a new one of the paper ``f`` names is issued for it ("Thẻ BHYT ... để cơ
    quan BHXH cấp thẻ mới"); a card shown while a card of another kind is issued is not."""
    m = _NEW_ONE.search(words)
    return m is not None and _strip_present(f).startswith(m.group(1) + " ")


def _paper_node(ctx: _Ctx, p: _Piece):
    f = p.folded
    notes_f = " ".join(fold(n) for n in p.notes)
    text = ctx.text[p.toks[0].start : p.toks[-1].end].strip(" ,;:-+") if p.toks else ""
    pres, mode = _presentation(f + " " + notes_f)
    # ("Phiếu LLTP số 1 (đối với người nước ngoài: văn bản xác nhận ... do nước ngoài cấp)": the
    # note gives the foreigners' own paper instead; this one stays the citizen's.)
    own_notes = [n for n in p.notes if not _FOREIGNERS_INSTEAD.match(fold_keep(n))]
    case_instead = bool(_FOREIGNERS_INSTEAD.match(fold_keep(p.condition or "")))
    foreign = _is_foreign(f + " " + " ".join(map(fold, own_notes)) + " " + ("" if case_instead else fold(p.condition or "")))
    types = list(dict.fromkeys(h.type_id for h in p.hits))
    if _HEALTH in types and (_SECTOR_STANDARD.search(f + " " + notes_f) or _FOREIGN_STANDARD.search(f)):
        # "Giấy chứng nhận sức khỏe (theo quy định của Bộ Công an)": a sector's own standard.
        types = [_SECTOR_HEALTH if t == _HEALTH else t for t in types]
    if foreign and not types:
        types = list(dict.fromkeys(h.type_id for h in p.rejected))
    elif not types and p.rejected and (case_instead or len(own_notes) < len(p.notes)):
        # The foreigners' own paper in the note was what made the name look issued abroad.
        types = ctx.recogniser.types_of(text)
    if (foreign and types and not _is_foreign(f + " " + notes_f) and _RECORDED_HERE.search(fold(p.condition or ""))
            and _civil_status_only(types, ctx.recogniser)):
        foreign = False
    if foreign and types and not _is_foreign(f + " " + notes_f) and _CITIZEN_HOLDER.search(f):
        # "Giấy chứng tử của vợ hoặc chồng là công dân Việt Nam (đối với người nước ngoài là vợ,
        # chồng của công dân Việt Nam đã chết ...)": the case is the foreigner's, the paper the citizen's.
        foreign = False
    if foreign and types and _registered_here(types, f, ctx.recogniser):
        # "trích lục kết hôn giữa người lao động nước ngoài và công dân Việt Nam do cơ quan có
        # thẩm quyền của Việt Nam cấp": registered here, so in the register whoever holds it.
        foreign = False
    if types and _UNIT_CONFIRMS.search(_strip_present(f)):
        # "văn bản xác nhận tình trạng hôn nhân của thủ trưởng đơn vị (thay cho ...)": the unit's
        # own confirmation, standing in for the registry's paper, which no database holds.
        types = []
    # A paper the procedure itself re-issues is handed back, unless only a copy
    # is asked for (a copy is not "that same paper": its data still replaces it).
    copy_only = (bool(_COPY_ONLY.match(f)) and not _ORIGINAL.search(f)) or (ctx.copy_lead and not _ORIGINAL.search(f))
    surrendered = bool(_SURRENDER.search(f + " " + notes_f)) or (bool(ctx.own_results & set(types)) and not copy_only)
    if not surrendered and types and _replaced_by_a_new_one(f, f):
        # "Thẻ bảo hiểm y tế đang sử dụng để cơ quan BHXH cấp thẻ mới": exchanged for the new one
        # ("CCCD để ... cấp thẻ BHYT mới" only shows the card).
        surrendered = True
    if (not surrendered and types and p.condition and (then := _THEN_HANDS_IN.search(fold(p.condition)))
            and not _names_other(ctx.recogniser.recognise(then.group(1)), types)):
        # "Thẻ BHYT còn giá trị sử dụng (trường hợp điều chỉnh thông tin thì nộp kèm để cấp
        # đổi thẻ mới)": in that case this same paper is handed in (the clause names no other).
        surrendered = bool(_SURRENDER.search(then.group(1))) or _replaced_by_a_new_one(then.group(1), f)
    if (not surrendered and p.condition and _HELD_NOW.search(f) and _EXCHANGE_CASE.search(fold(p.condition))
            and not (ctx.renews_nothing and _FOR_AN_EXCHANGE.search(fold(p.condition)))):
        # "Thẻ bảo hiểm y tế đang sử dụng (trường hợp cấp đổi do sai thông tin ...)":
        # in that case the card held now is the one exchanged. (A health check "để đổi,
        # cấp lại GPLX" sees the licence held now; its exchange is another procedure.)
        surrendered = True
    if types and ctx.revoked_words and not copy_only:
        # "Thu hồi giấy chứng nhận đăng ký, biển số xe": the paper the title
        # revokes or exchanges, named in the dossier in the title's own words.
        name = _strip_present(f).split()[:8]
        # An abbreviation is compared spelled out ("CNĐK xe": "chứng nhận đăng ký xe").
        spelled = [ctx.recogniser.spelled_out.get(h.phrase, h.phrase).split() for h in p.hits]
        surrendered = surrendered or (len(name) >= 2 and set(name) <= ctx.revoked_words) or any(
            len(words) >= 2 and set(words) <= ctx.revoked_words for words in spelled)
    if p.detail is not None:
        opener, node = p.detail
        inner = list(iter_papers(node))
        # Only the lead's own words make the listed papers foreign: another
        # parenthesis of the lead ("... do cơ quan nước ngoài cấp") speaks of its own.
        lead_foreign = _is_foreign(f + " " + fold(p.condition or ""))
        for q in inner:
            q.presentation = q.presentation or pres
            q.mode = q.mode or mode
            q.surrendered = q.surrendered or surrendered
            q.foreign = q.foreign or lead_foreign
            q.condition = q.condition or p.condition
        lead = _strip_present(f)
        own = Paper(id="_", text=text, document_types=types, presentation=pres, mode=mode,
                    surrendered=surrendered, foreign=foreign, condition=p.condition)
        if opener == "instead":
            # "... (đối với doanh nghiệp là Giấy chứng nhận đăng ký doanh nghiệp)": by case.
            return AnyOf(any_of=[own, node], by_case=True)
        if types and opener in ("hoac", "hay", "/") and all(q.document_types and set(q.document_types) <= set(types) for q in inner):
            # "Giấy chứng tử (hoặc Trích lục khai tử)": the paper named, and another name of
            # its kind offered instead ("Giấy ..." is no generic lead then).
            return AnyOf(any_of=[own, node])
        if not types and (_GENERIC.match(lead) or _PROOF_OF.match(lead)) and (k := _situation_alternative(p.toks)) is not None:
            # "Tài liệu chứng minh ... là người thân thích (như bản sao giấy khai sinh, giấy
            # chứng nhận kết hôn) hoặc có căn cứ khác cho thấy ...": the kinds of proof of one
            # situation, or another situation whose proof the text does not name.
            kinds = AnyOf(any_of=node.all_of) if isinstance(node, AllOf) else node
            other = Paper(id="_", text=ctx.text[p.toks[k + 1].start : p.toks[-1].end].strip(" ,;:.-+"), document_types=[],
                          presentation=pres, mode=mode, condition=p.condition)
            return AnyOf(any_of=[kinds, other], by_case=True)
        if _PROOF_OF.match(lead) and isinstance(node, AllOf):
            # "Giấy tờ chứng minh quốc tịch (A; B; C)": the kinds of paper that
            # prove the fact, one of which is brought.
            return AnyOf(any_of=node.all_of)
        if _GENERIC.match(lead) and not (types and opener in ("hoac", "hay", "/")):
            # "Giấy tờ tùy thân (CMND, CCCD hoặc hộ chiếu)": the parenthesis says what it may be.
            # ("Giấy chứng nhận đăng ký doanh nghiệp (hoặc Giấy chứng nhận đăng ký hộ kinh
            # doanh)" names its paper, and the parenthesis offers another instead.)
            return node
        if types and all(q.document_types and set(q.document_types) <= set(types) for q in inner):
            # "Thẻ BHYT (có thể xuất trình thẻ BHYT trên ứng dụng VNeID)": the same paper, how it may be shown.
            return own
        if (types and isinstance(node, AnyOf) and opener not in ("hoac", "hay", "/")
                and any(set(q.document_types) == set(types) for q in inner)):
            # "Văn bản xác nhận tình trạng hôn nhân (Giấy xác nhận tình trạng hôn nhân, hoặc bản
            # sao Giấy chứng nhận kết hôn đối với người đã có vợ, chồng)": the paper's own kind
            # among the alternatives the parenthesis gives; they spell what it is.
            return node
        if opener in ("hoac", "hay", "/"):
            return AnyOf(any_of=[own, node])
        # "Văn bản ủy quyền (người được ủy quyền xuất trình CCCD)": both are needed.
        return AllOf(all_of=[own, node])
    paper = Paper(id="_", text=text, document_types=types, presentation=pres, mode=mode,
                  surrendered=surrendered, foreign=foreign, condition=p.condition)
    if surrendered and _LENDER_HOLDS.search(notes_f):
        ctx.pledged.add(id(paper))
    if p.waiver_clause:
        paper.waiver_text = p.waiver_clause  # bound to a source later
    return paper


def _combine(ctx: _Ctx, nodes: list, pieces: list[_Piece], connectors: list[str], force_any: bool):
    if len(nodes) == 1:
        return nodes[0]
    # Strong bundle words ("kèm theo", "+", "đồng thời") bind loosest.
    groups: list[list[int]] = [[0]]
    for i, c in enumerate(connectors, 1):
        if c == "AND" and not force_any:
            groups.append([i])
        else:
            groups[-1].append(i)
    parts = []
    for g in groups:
        if force_any:
            choice = [nodes[i] for i in g]
            _pledged_choice(choice, ctx)
            parts.append(_join("any", choice))
            continue
        # "và" binds looser than "hoặc": "A hoặc B và C hoặc D" is (A or B)
        # and (C or D), the reading that strikes the least of the two.
        runs: list[list[int]] = [[g[0]]]
        for i in g[1:]:
            if connectors[i - 1] == "and":
                runs.append([i])
            else:
                runs[-1].append(i)
        if len(runs) > 1 and all(connectors[i - 1] == "and" for i in g[1:]):
            # "giấy phép lái xe và giấy đăng ký xe do cơ quan có thẩm quyền nước láng giềng cấp":
            # a foreign issuer closing "A và B" is both papers' (the fail-safe reading).
            _legalised_choice(ctx, [nodes[i] for i in g])
            _handed_back_bundle([nodes[i] for i in g])
        for run in runs:
            sub = [nodes[i] for i in run]
            kinds = {connectors[i - 1] for i in run[1:]} - {","}
            if len(sub) == 1:
                parts.append(sub[0])
            elif kinds == {"or"}:
                # "A hoặc B hoặc C, D": the alternatives end at the last "hoặc";
                # what the commas add after it is asked beside them ("A, B hoặc C"
                # stays one choice). Identity papers side by side stay choices.
                if all(_identity(ctx, n) for n in sub):
                    _surrendered_choice(ctx, sub)
                    sub = _once(ctx, sub)
                    parts.append(_join("any", sub) if len(sub) > 1 else sub[0])
                    continue
                chains: list[list] = [[sub[0]]]
                joins: list[list[str]] = [[]]  # the connectors inside each chain
                for k, i in enumerate(run[1:], 1):
                    if connectors[i - 1] == "," and "or" in joins[-1]:
                        chains.append([sub[k]])
                        joins.append([])
                    else:
                        chains[-1].append(sub[k])
                        joins[-1].append(connectors[i - 1])
                for chain, conns in zip(chains, joins):
                    # "A, B hoặc C" is one choice; but "A, B hoặc C hoặc D" spells its
                    # choice with "hoặc" alone, and A stands beside it ("Sơ yếu lý
                    # lịch, bản sao CCCD hoặc CMND hoặc hộ chiếu").
                    lead = 0
                    if conns.count("or") >= 2 and "," not in conns[conns.index("or"):]:
                        lead = conns.index("or")
                        kinds = set().union(*(_kinds(ctx, n) for n in chain[lead:])) - {None}
                        if any(_kinds(ctx, n) & kinds for n in chain[:lead]):
                            lead = 0  # "Hộ chiếu, thẻ căn cước hoặc ...": papers of one kind, one choice
                    if lead == 0 and len(chain) >= 3 and conns[-1] == "or" and "or" not in conns[:-1]:
                        # "Bản sao văn bằng, lý lịch tư pháp, CCCD hoặc hộ chiếu": identity papers
                        # closing a list of papers of other kinds are the choice; the rest stand beside it.
                        run = len(chain)
                        while run > 0 and _identity(ctx, chain[run - 1]):
                            run -= 1
                        if 0 < run <= len(chain) - 2 and all(
                                isinstance(n, Paper) and not _identity(ctx, n)
                                and (n.document_types or _PAPER_HEAD.match(_strip_present(fold(n.text))))
                                for n in chain[:run]):
                            lead = run
                    parts.extend(chain[:lead])
                    rest = chain[lead:]
                    _legalised_choice(ctx, rest)
                    _surrendered_choice(ctx, rest)
                    rest = _once(ctx, rest)
                    parts.append(_join("any", rest) if len(rest) > 1 else rest[0])
            elif all(_identity(ctx, n) for n in sub):
                # "CMND, CCCD, hộ chiếu": identity papers side by side are alternatives.
                parts.append(_join("any", sub))
            else:
                # A comma-only list: a bundle (the fail-safe reading).
                parts.append(_join("all", sub))
    return _join("all", parts)


_LEGALISED = re.compile(r"\bhop phap hoa lanh su\b")
# "A hoặc B do cơ quan của nước sở tại cấp": an issuer clause closing the choice;
# "A hoặc giấy tờ tương đương của thương nhân nước ngoài": a holder clause.
_ISSUER = re.compile(r"\bdo ((?:\w+ ){0,10}?)cap\b")
_HOLDER = re.compile(r"\bcua\b")
# "do pháp luật nước ngoài quy định được cơ quan có thẩm quyền cấp": a form set
# by foreign law, said of that alternative alone.
_LAW_OF = re.compile(r"\b(?:phap luat|quy dinh)\b")
# A case opening after the clause ("... (nếu là ...)", "trường hợp ..."): the clause is that case's.
_CASE_AFTER = re.compile(r"\b(?:neu|truong hop|doi voi)\b")


#: Words after a paper's name that say who holds it or how it is given, not which paper.
_UNQUALIFIED = frozenset("cua da duoc co kem ban nop xuat theo do cap trong neu khi va hoac , ; . ( ) : -".split()) | {
    "con hieu", "con gia", "con han", "de doi", "de kiem", "hop le", "hop phap", "doi voi"}
#: A person and no paper ("người giám hộ", "mẹ"): one more holder of a list.
# Who holds a paper, not a paper: "người đại diện theo pháp luật", "thành viên hợp danh".
_HOLDER_HEAD = re.compile(r"^(?:nguoi|chu so huu|chu ho|chu doanh nghiep|thanh vien|co dong|ca nhan|nha dau tu)\b")
_PERSON_ONLY = re.compile(r"(?:nguoi (?:giam ho|dai dien|duoc uy quyen|than|yeu cau|de nghi)|cha|me|vo|chong|cha me|ong|ba)")
_CHANNEL_CASE = re.compile(r"^(?:neu|khi|truong hop|doi voi truong hop)? ?(?:nop|gui)(?: ho so)? (?:truc tuyen|truc tiep|qua)\b")


def _once(ctx: _Ctx, choice: list) -> list:
    """One paper offered in two forms is one alternative, named once ("Phiếu lý
    lịch tư pháp bản giấy ... hoặc Phiếu lý lịch tư pháp bản điện tử")."""
    typed = Counter(tuple(n.document_types) for n in choice if isinstance(n, Paper) and n.document_types)
    if not typed or max(typed.values()) < 2:
        return choice  # no two alternatives of one type: nothing to name once
    seen: set = set()
    out = []
    for node in choice:
        if isinstance(node, Paper) and typed[tuple(node.document_types)] > 1:
            hits = ctx.recogniser.recognise(node.text).hits
            names = frozenset(h.phrase for h in hits)
            words = fold_keep(node.text)
            after = words[hits[-1].end:].split()[:2] if hits else []
            if after and after[0] not in _UNQUALIFIED and " ".join(after) not in _UNQUALIFIED:
                # "Hộ chiếu ngoại giao hoặc hộ chiếu công vụ": a name qualified by what
                # follows it is a paper of its own.
                names = frozenset({words})
            # ("... (nếu gửi qua bưu chính) hoặc bản chụp ... (nếu nộp trực tuyến)": how the
            # dossier is sent picks the form, not another paper.)
            condition = None if node.condition and _CHANNEL_CASE.search(fold(node.condition)) else node.condition
            key = (tuple(node.document_types), names, node.surrendered, node.foreign, condition)
            if names and key in seen:
                continue
            seen.add(key)
        out.append(node)
    return out


def _pledged_choice(choice: list, ctx: "_Ctx") -> bool:
    """"Giấy tờ về tài sản bảo đảm: GCNQSDĐ hoặc giấy đăng ký xe ô tô, nộp bản chính để
    Ngân hàng giữ trong thời gian vay": a lender keeping the original closes a choice of
    papers of any kinds (whichever is pledged, the lender holds it). True when it did."""
    last = choice[-1] if choice else None
    if len(choice) < 2 or not isinstance(last, Paper) or not last.surrendered:
        return False
    if id(last) not in ctx.pledged and not _LENDER_HOLDS.search(fold(last.text)):
        return False
    _surrender_the_rest(choice)
    return True


def _surrendered_choice(ctx: _Ctx, choice: list) -> None:
    """"Thẻ Căn cước hoặc thẻ Căn cước công dân của người chết (nếu còn giữ) để cơ quan
    đăng ký hộ tịch thu hồi": a hand-back closing a choice of names of one kind of
    paper is the whole choice's (the one card the person holds is taken back,
    whichever its name); see :func:`_pledged_choice` for a choice of any kinds."""
    if len(choice) < 2 or not isinstance(choice[-1], Paper) or not choice[-1].surrendered or _pledged_choice(choice, ctx):
        return
    kinds = [_kinds(ctx, node) for node in choice]
    if all(len(k) == 1 and None not in k for k in kinds) and len(set().union(*kinds)) == 1:
        _surrender_the_rest(choice)


def _surrender_the_rest(nodes: list) -> None:
    """The hand-back said after the last of ``nodes`` is every one's: each paper before it is handed in too."""
    for node in nodes[:-1]:
        for p in iter_papers(node):
            p.surrendered = True


# " - do cơ quan có thẩm quyền của nước ... cấp": a dash after the last paper of a list,
# then what the whole list is.
_DESCRIBED = re.compile(r"\s[-\u2013\u2014]\s+(?P<tail>\S.*)$", re.DOTALL)


def _described_list(ctx: _Ctx, nodes: list) -> None:
    """"Văn bản cho phép nhận con nuôi; bản điều tra tâm lý; văn bản xác nhận tình
    trạng sức khỏe; phiếu lý lịch tư pháp - do cơ quan có thẩm quyền của nước nơi
    người nhận con nuôi thường trú cấp, đã hợp pháp hóa lãnh sự": a foreign issuer
    or a legalisation set off by a dash after the last paper of a list describes
    every paper of it (the fail-safe reading), as :func:`_legalised_choice` reads
    one closing a choice."""
    if len(nodes) < 2:
        return
    papers = [p for n in nodes for p in iter_papers(n)]
    m = _DESCRIBED.search(papers[-1].text)
    if m is None:
        return
    tail = fold(m.group("tail"))
    if not (_LEGALISED.search(tail) or (tail.startswith("do ") and _is_foreign(tail))):
        return
    for p in papers[:-1]:
        if _reached_by_a_foreign_issuer(p, ctx.recogniser):
            p.foreign = True


# ", nộp lại để ... thu hồi": a hand-back set off after the last paper of a bundle.
_HANDED_BACK_AFTER = re.compile(r" , (?:\w+ ){0,2}?(?:nop lai|giao lai|tra lai)\b")


def _handed_back_bundle(bundle: list) -> None:
    """"Căn cước và thẻ bảo hiểm y tế của người chết (nếu có), nộp lại để cơ quan ...
    thu hồi": a hand-back set off by a comma after the last paper of "A và B" is the
    whole bundle's (the fail-safe reading, as :func:`_legalised_choice` reads a
    foreign issuer closing it)."""
    last = bundle[-1] if bundle else None
    if len(bundle) < 2 or not isinstance(last, Paper) or not last.surrendered:
        return
    if _HANDED_BACK_AFTER.search(fold_keep(last.text)):
        _surrender_the_rest(bundle)


def _legalised_choice(ctx: _Ctx, choice: list) -> None:
    """A legalisation the last alternative of a choice ends with ("A hoặc B đã
    được hợp pháp hóa lãnh sự") is asked of every alternative, so each is
    issued abroad (Art. 2.3). So is a foreign issuer or holder closing the
    choice ("A hoặc giấy tờ có giá trị tương đương của thương nhân nước ngoài",
    "A hoặc B do cơ quan có thẩm quyền của nước sở tại cấp"): read as the whole
    choice's, the fail-safe reading; so for a bundle joined by "và". Papers only a
    citizen holds are never foreign."""
    if len(choice) < 2 or not isinstance(choice[-1], Paper):
        return
    last = fold(choice[-1].text)
    if not (_LEGALISED.search(last) or _abroad_clause(last, ctx.foreign_subject)):
        return
    for node in choice[:-1]:
        for p in iter_papers(node):
            if _reached_by_a_foreign_issuer(p, ctx.recogniser):
                p.foreign = True


def _reached_by_a_foreign_issuer(p: Paper, recogniser: Recogniser) -> bool:
    """A foreign issuer or legalisation said of a whole choice or list makes ``p``
    foreign: not a paper only a citizen holds, nor one with its own Vietnamese
    issuer ("Giấy chứng nhận kết hôn do cơ quan có thẩm quyền của Việt Nam cấp hoặc
    ... do cơ quan nước ngoài cấp") or an issuer of its own ("Giấy khám sức khỏe do
    cơ sở khám bệnh, chữa bệnh đủ điều kiện ... cấp hoặc ... do cơ sở y tế của nước
    tiếp nhận cấp"), nor one its case asks of citizens ("Phiếu lý lịch tư pháp (đối
    với công dân Việt Nam) hoặc văn bản tương đương do cơ quan có thẩm quyền nước
    ngoài cấp")."""
    t = fold(p.text)
    return (not _citizens_only(p, recogniser) and not _VIETNAMESE_ISSUER.search(t)
            and not _registered_here(p.document_types, t, recogniser)
            and not _DOMESTIC_CASE.search(t + " ; " + fold(p.condition or ""))
            and not _CITIZENS_CASE.search(fold(p.condition or ""))
            and not (_OWN_ISSUER.search(t) and not _is_foreign(t)))


# "do cơ sở đó cấp", "kèm bản dịch tiếng Việt": issued where the case said, in another language.
_ISSUED_THERE = re.compile(r"\bdo (?:\w+ ){0,3}?(?:do|nay|noi tren) cap\b|\bban dich (?:sang )?tieng viet\b|\bdich (?:ra|sang) tieng viet\b")
_VIETNAMESE_ISSUER = re.compile(r"\b(?:cua viet nam|viet nam cap|trong nuoc cap|tai viet nam cap)\b")
# "Giấy chứng nhận đăng ký doanh nghiệp đối với cơ sở sản xuất trong nước; ... do cơ quan nước sở
# tại cấp, đã được hợp pháp hóa lãnh sự, đối với cơ sở ở nước ngoài": the paper's own case is at home.
_DOMESTIC_CASE = re.compile(r"\b(?:doi voi|cua|truong hop|neu la) (?:\w+ ){0,5}?(?:trong nuoc|tai viet nam|o viet nam)\b")
# "(đối với công dân Việt Nam)", "Trường hợp người đứng đầu ... là người Việt Nam": the holder is a
# citizen ("người có vợ, chồng ... là công dân Việt Nam" speaks of a relative: not this).
_CITIZENS_CASE = re.compile(r"^(?!.*\bco (?:vo|chong|cha|me|con)\b).*\b(?:cong dan|nguoi) (?:viet nam|vn)\b")
# "Phiếu lý lịch tư pháp của Trưởng chi nhánh là công dân Việt Nam", "Sổ bảo hiểm xã hội của luật sư
# Việt Nam ...": the paper's own words give it a citizen holder, whoever applies.
_CITIZEN_HOLDER = re.compile(r"\bcua (?:\w+ ){0,6}?(?:la )?(?:cong dan|nguoi|luat su|lao dong|nguoi lao dong|thanh vien) "
                             r"(?:viet nam|vn)\b(?! dinh cu| (?:dang )?(?:o|cu tru o|sinh song o) nuoc ngoai)")
_OWN_ISSUER = re.compile(r"\bdo (?:co so|co quan|benh vien|trung tam|uy ban|ubnd|so|bo|cuc|chi cuc|to chuc)\b")


def _abroad_clause(folded: str, foreign_subject: bool) -> bool:
    """The alternative ends in a foreign issuer ("do cơ quan ... nước sở tại cấp")
    or, in a procedure about a foreign party, a foreign holder ("của thương nhân
    nước ngoài"), with no parenthesis or case after it. Elsewhere a holder
    clause is the last alternative's own ("Phiếu lý lịch tư pháp hoặc giấy tờ
    tương đương của người nước ngoài": the first is a citizen's)."""
    clauses = [(m.start(), m.group(1)) for m in _ISSUER.finditer(folded)]
    if foreign_subject:
        clauses += [(m.start(), folded[m.start():]) for m in _HOLDER.finditer(folded)]
    for start, words in clauses:
        tail = folded[start:]
        if ("(" not in tail and _is_foreign(words) and not _LAW_OF.search(words)
                and not _CASE_AFTER.search(tail)):
            return True
    return False


def _citizens_only(p: Paper, recogniser: Recogniser) -> bool:
    """Every type the paper may be is issued only to Vietnamese citizens (never a foreign party's)."""
    return _every_type(p, recogniser, "citizens_only")


def _issued_here_only(p: Paper, recogniser: Recogniser) -> bool:
    """Every type the paper may be is issued only by a Vietnamese registry (a land certificate),
    whoever holds it."""
    return _every_type(p, recogniser, "issued_here_only")


def _every_type(p: Paper, recogniser: Recogniser, flag: str) -> bool:
    """The paper has types, and the registry sets ``flag`` on every one of them."""
    docs = recogniser.documents
    return bool(p.document_types) and all(t in docs and getattr(docs[t], flag) for t in p.document_types)


def _kinds(ctx: _Ctx, node) -> set:
    """The registry categories of a node's papers (None for an unrecognised one)."""
    docs = ctx.recogniser.documents
    out: set = set()
    for p in iter_papers(node):
        out |= {docs[t].category for t in p.document_types if t in docs} or {None}
    return out


def _identity(ctx: _Ctx, node) -> bool:
    docs = ctx.recogniser.documents
    papers = list(iter_papers(node))
    return bool(papers) and all(p.document_types and all(docs[t].category == _IDENTITY for t in p.document_types if t in docs) for p in papers)


def _join(kind: str, nodes: list):
    flat = []
    for n in nodes:
        if kind == "all" and isinstance(n, AllOf):
            flat.extend(n.all_of)
        elif kind == "any" and isinstance(n, AnyOf) and not n.by_case:
            flat.extend(n.any_of)
        else:
            flat.append(n)
    if len(flat) == 1:
        return flat[0]
    return AllOf(all_of=flat) if kind == "all" else AnyOf(any_of=flat)


def _whole(text: str, types: list[str], rec=None, ctx: "_Ctx | None" = None):
    """The entry as one paper, when its structure could not be read.

    Several types found in an unread entry are of unknown relation: one paper
    carrying them all would go as soon as one of them goes (a false strike of
    the rest). So each named type becomes a paper of its own, joined as the
    recogniser read the whole text (alternatives or a bundle).
    """
    if len(types) <= 1 or rec is None:
        return Paper(id="p1", text=text, document_types=list(types))
    starts = _token_starts(ctx.toks) if ctx is not None else {}
    papers: list[Paper] = []
    seen: set[str] = set()
    for hit in rec.hits:
        if hit.type_id in seen:
            continue
        seen.add(hit.type_id)
        k = starts.get(hit.start)
        span = ctx.span(k, k + len(hit.phrase.split())) if k is not None else hit.phrase
        papers.append(Paper(id="_", text=span or hit.phrase, document_types=[hit.type_id]))
    if len(papers) < 2:
        return Paper(id="p1", text=text, document_types=list(types))
    return AnyOf(any_of=papers) if rec.match == "any_of" else AllOf(all_of=papers)


def _number(node) -> None:
    for k, p in enumerate(iter_papers(node), 1):
        p.id = f"p{k}"


# A waiver for some applicants only: "nếu chủ sở hữu đồng thời là người đại diện",
# "trường hợp người nộp là chủ hộ".
_ROLE_CONDITION = re.compile(
    r"\b(?:neu|truong hop|khi)\s+(?:\w+\s+){0,8}?(?:dong thoi la|la (?:nguoi|chu|cha|me|vo|chong|con|thanh vien)\b)")


# "(nộp trực tuyến thì chỉ cần khai số định danh cá nhân)": a waiver for one channel,
# which a decision for every channel cannot promise (fail-safe: the paper stays).
_ONLINE_ONLY = re.compile(r"\b(?:nop|thuc hien|gui)(?: ho so)? (?:truc tuyen|qua (?:cong )?dich vu cong)\b")
# "đối với đất ở UBND phường tự tra cứu trên CSDL đất đai, người dân không phải nộp": a waiver
# for one kind of case (here of land), which the applicant's answer does not tell us.
# (Not "Đối với hộ kinh doanh, ... không phải nộp bản sao này": the holder its own paper names.)
_LAND_CASE = re.compile(r"^(?:[-+*] )?doi voi (?:thua )?(?:dat|nha o|nha|cong trinh)\b")


def _not_for_everyone(folded: str) -> bool:
    """A waiver that holds only for some applicants, some cases or on one channel: no promise."""
    return bool(_ROLE_CONDITION.search(folded) or _ONLINE_ONLY.search(folded) or _LAND_CASE.match(folded))


# A case of the applicant lacking the paper just asked for ("trường hợp không còn / bị mất /
# chưa được cấp ... thì", "nếu không có thì"): what follows stands in for it.
_IN_ITS_ABSENCE = re.compile(r"^(?:trong )?(?:truong hop|neu|khi) (?:\w+ ){0,3}?(?:khong co|khong con|bi mat|mat|that lac|"
                             r"bi that lac|chua (?:duoc )?cap|khong xuat trinh duoc|khong cung cap duoc)\b")


def _held_by_no_database(ctx: _Ctx, node) -> bool:
    """No paper of ``node`` is of a type an Art. 4 database holds."""
    return not ctx.sources.owners(t for p in iter_papers(node) for t in p.document_types)


def _lacks_the_paper_before(ctx: _Ctx, a: int, b: int, before) -> bool:
    """The clause [a, b) opens on the case of lacking the paper ``before`` asks for:
    unnamed ("trường hợp không còn thì") or named again ("nếu không có giấy khai sinh thì")."""
    m = _IN_ITS_ABSENCE.match(ctx.folded(a, b))
    if m is None:
        return False
    cut = _case_end(ctx, a, b)
    if cut is None:
        return False
    # (A name inside a case is no paper asked for: the recogniser set it aside.)
    lacked = ctx.hits(a, cut) + [ctx.rejected_at[k] for k in range(a, cut) if k in ctx.rejected_at]
    if not lacked:
        return not re.search(r"\w", ctx.folded(a, cut)[m.end():])
    return bool({h.type_id for h in lacked} & {t for p in iter_papers(before) for t in p.document_types})


_INSTEAD_OF_ABOVE = re.compile(r"\bthay (?:the )?cho (?:cac |nhung )?(?:giay to|tai lieu|van ban)(?: \w+){0,2}? (?:neu |ke )?tren\b")
_CHANGE_ASIDE = re.compile(r"\((?:chuyển |đổi )?từ [^()]{1,80}? sang [^()]{1,80}\)", re.IGNORECASE)


def _closed_choice(node, paper: Paper) -> list[Paper]:
    """The other alternatives of the choice ``paper`` closes (it is its last
    alternative), or none."""
    if isinstance(node, Paper):
        return []
    children = node.any_of if isinstance(node, AnyOf) else node.all_of
    if isinstance(node, AnyOf) and children and children[-1] is paper:
        return [c for c in children[:-1] if isinstance(c, Paper)]
    for child in children:
        found = _closed_choice(child, paper)
        if found:
            return found
    return []


def _class_of_held(p: Paper, held: set[str], recogniser: Recogniser) -> bool:
    """``p`` is only a class of papers (registry ``generic``) of a kind ``held`` holds."""
    docs = recogniser.documents
    kinds = {docs[t].category for t in held if t in docs}
    return bool(p.document_types) and all(t in docs and docs[t].generic and docs[t].category in kinds
                                          for t in p.document_types)


def _of_the_kind_held(p: Paper, held: set[str], recogniser: Recogniser) -> bool:
    """Every type of ``p`` is a record of a kind ``held`` holds (a civil-status extract
    for the civil-status database); identity papers excepted, whose kind is wide."""
    docs = recogniser.documents
    kinds = {docs[t].category for t in held if t in docs} - {None, _IDENTITY}
    return bool(p.document_types) and all(t in docs and docs[t].category in kinds for t in p.document_types)


# "không phải nộp (bản sao) <name>": the words that waive the paper named right after them.
_NOT_GIVEN = r"\bkhong (?:phai|can|yeu cau)(?: (?:nop|xuat trinh|cung cap|ban sao|ban chinh|cac|lai))"
_NOT_HANDED = re.compile(_NOT_GIVEN + r"*$")


# "không phải nộp bảng lương, sao kê nếu ...": the papers a waiver names, in words.
_WAIVES_WHAT = re.compile(_NOT_GIVEN + r"+ (?P<what>.+?)(?= neu | khi | trong truong hop | truong hop |$)")


def _waived_by_its_words(waiver: str, paper: str) -> bool:
    """An unrecognised paper whose first words open one of the names right after the
    waiver's own "không phải nộp" (folded texts): two words, three after a class noun
    ("giấy tờ pháp lý", not "giấy tờ" alone, which "các giấy tờ này" also opens)."""
    words = _strip_present(paper).split()
    n = 3 if " ".join(words[:2]) in _CLASS_NOUNS else 2
    if len(words) < n:
        return False
    return any(name.split()[:n] == words[:n] for m in _WAIVES_WHAT.finditer(waiver)
               for name in re.split(r" , | va | hoac | / ", m.group("what")))


_CLASS_NOUNS = {"giay to", "tai lieu", "van ban", "ho so"}


def _names_another_paper(waiver: str, paper: str) -> bool:
    """The waiver's own "không phải nộp <paper>" names a paper by its words, and not ``paper``
    (folded texts; "giấy tờ này", "các giấy tờ trên" name the paper they follow)."""
    named = [m.group("what") for m in _WAIVES_WHAT.finditer(waiver)]
    named = [w for w in named if _PAPER_HEAD.match(_strip_present(w)) and not re.search(r"\b(?:nay|tren|neu tren|do)$", w)]
    return bool(named) and not _waived_by_its_words(waiver, paper)


def _waives_by_name(p: Paper, said) -> bool:
    """``p``'s own waiver says it is ``p`` that need not be given ("không phải nộp hợp
    đồng lao động nếu ..."): the paper's kind named right after the waiving words
    (``said``: the waiver's recognition, whose offsets are in its ``fold_keep`` form)."""
    folded = fold_keep(p.waiver_text or "")
    return any(h.type_id in p.document_types and _NOT_HANDED.search(folded[: h.start].rstrip())
               for h in said.hits + said.rejected)


# "Không phải nộp giấy tờ này nếu ...", "các giấy tờ trên không phải nộp nếu ...": the entry's paper itself.
_THIS_PAPER = re.compile(r"\b(?:cac )?giay to (?:nay|tren|neu tren)\b")


def _names_what_it_waives(rec, named: list[str], sources: SourceNames) -> bool:
    """The waiver names the paper it waives, of a kind a named database holds."""
    return any(t in sources.holds(s) for t in _named_types(rec) for s in named)


def _unnamed(p: Paper, recogniser: Recogniser) -> bool:
    """No type, or only a class of papers ("Giấy tờ, tài liệu chứng minh ...",
    registry category ``evidence``; "giấy tờ tùy thân", ``generic``): what the
    paper is, its words do not say."""
    docs = recogniser.documents
    return all(t in docs and (docs[t].category == "evidence" or docs[t].generic) for t in p.document_types)


def _named_types(rec) -> set[str]:
    """Document types a waiver's own words name (recognised or set aside)."""
    return {h.type_id for h in rec.hits + rec.rejected}


# "X được thay thế bằng việc khai thác, sử dụng thông tin ... từ CSDL ...": X is replaced by the lookup.
_REPLACED_BY_LOOKUP = re.compile(r"\bduoc thay (?:the )?bang (?:viec )?(?:khai thac|tra cuu|su dung thong tin|ket noi)\b")
# "... được khai thác trong CSDL X", "Cơ quan tiếp nhận tự tra cứu trên CSDL X": where the entry takes the data from.
_EXPLOITED = re.compile(r"\b(?:duoc )?khai thac (?:trong|tu|tren)\b|\btu tra cuu (?:tren|trong|tai)\b")


def _waive_the_examples(node, text: str, named: list[str], sources: SourceNames, recogniser: Recogniser) -> None:
    """"Giấy tờ chứng minh quan hệ nhân thân như GKS, GCNKH, quyết định công nhận việc
    nuôi con nuôi; không yêu cầu nộp nếu thông tin ... đã có trong CSDL hộ tịch điện
    tử": a waiver that speaks of the class's information, once it reaches one example,
    reaches the others of the kind of records the named database keeps."""
    if isinstance(node, Paper):
        return
    kids = node.any_of if isinstance(node, AnyOf) else node.all_of
    for kid in kids:
        _waive_the_examples(kid, text, named, sources, recogniser)
    if not isinstance(node, AnyOf) or not any(isinstance(k, Paper) and k.waiver_text == text and k.waiver for k in kids):
        return
    for k in kids:
        if isinstance(k, Paper) and k.waiver is None and not (k.surrendered or k.foreign):
            fits = [s for s in named if _of_the_kind_held(k, sources.holds(s), recogniser)]
            if fits:
                k.waiver, k.waiver_text = fits[0], text


def _apply_waivers(out: Papers, waivers: list[tuple[str, str, bool]], sources: SourceNames, recogniser: Recogniser,
                   entry_folded: str = "") -> None:
    """Tie each waiver to the papers it can be tied to (fail-safe: else none).

    A waiver in the entry's own text that names a paper the entry does not
    list otherwise ("Trường hợp khai thác được Giấy chứng nhận đăng ký doanh
    nghiệp trên CSDL ... thì không yêu cầu nộp") asks for that paper unless
    the data is found: it is added to the entry's bundle, waived (most
    labellers read it so; a few did not). A note the dossier attached to the
    entry adds no paper (it may speak of another entry).
    """
    papers = list(iter_papers(out.node))
    for folded, text, own in waivers:
        if _not_for_everyone(folded):
            continue
        # "(từ Chứng minh nhân dân sang Căn cước công dân)": the change the case
        # describes names no paper.
        aside = _CHANGE_ASIDE.sub(" ", text)
        rec = recogniser.recognise(aside)
        named = sources.find(folded)
        if not named and own and _UNNAMED_DATA.search(folded):
            # The entry's own waiver names no database ("tra cứu trên cơ sở dữ
            # liệu"): it speaks of the databases of the papers it names.
            named = sources.owners(h.type_id for h in rec.hits)
        if not named and own and _EXPLOITED.search(entry_folded):
            # "Thông tin chứng minh chỗ ở hợp pháp được khai thác trong CSDL quốc gia
            # về dân cư ... Trường hợp không khai thác được thông tin thì công dân xuất
            # trình giấy tờ ...": the database is named where the entry says the data
            # is taken from; one database, or none.
            elsewhere = sources.find(entry_folded)
            named = elsewhere if len(elsewhere) == 1 else []
        out.waiver_sources.extend(s for s in named if s not in out.waiver_sources)
        if not named:
            continue
        listed = {t for p in papers for t in p.document_types}
        # A paper named only inside a database's name is not one the waiver speaks of.
        in_names = sources.spans(fold_keep(aside)) if own else []
        spoken = [h for h in rec.rejected + rec.hits if not any(a <= h.start and h.end <= b for a, b in in_names)]
        extra = [t for t in dict.fromkeys(h.type_id for h in spoken)
                 if own and t not in listed and any(t in sources.holds(s) for s in named)]
        for t in extra:
            src = next(s for s in named if t in sources.holds(s))
            name = recogniser.documents[t].name.vi if t in recogniser.documents else t
            added = Paper(id="_", text=name, document_types=[t], waiver=src, waiver_text=text)
            out.node = _join("all", [out.node, added])
            papers.append(added)
            listed.add(t)
        for p in papers:
            if p.waiver is not None or p.surrendered or p.foreign:
                continue
            fits = [s for s in named if set(p.document_types) & sources.holds(s)]
            if not fits and own and not _names_what_it_waives(rec, named, sources):
                # "... và giấy tờ chứng minh quan hệ thân thích ...; không phải nộp nếu thông tin
                # đã có trong CSDL hộ tịch điện tử": a class of the kind of papers the named
                # database holds (relationships are civil-status data) is what the waiver speaks
                # of, unless it names the paper it waives ("không yêu cầu nộp bản sao Căn cước").
                fits = [s for s in named if _class_of_held(p, sources.holds(s), recogniser)]
            if not fits and own and len(papers) == 1:
                # "trích lục ghi chú ly hôn; không phải nộp nếu việc ghi chú ly hôn đã có trong CSDL hộ
                # tịch điện tử": the entry's one paper, of the kind of records the named database keeps.
                fits = [s for s in named if _of_the_kind_held(p, sources.holds(s), recogniser)]
            if fits:
                p.waiver, p.waiver_text = fits[0], text
        # (What the waiver's own words speak of: from its waiving words on, when the
        # clause also lists the papers, "(GKS, ...), trừ trường hợp thông tin ... đã có ...".)
        # (The waiver's recognition has its offsets in the fold_keep form: no second pass.)
        # ("Bản gốc GCN ... được thay thế bằng việc khai thác ... từ CSDL đất đai mà không phải
        # nộp": the paper before the waiving words is what is replaced, so all its words count.)
        said_at = None if _REPLACED_BY_LOOKUP.search(folded) else _WAIVER.search(fold_keep(aside))
        said = {h.type_id for h in rec.hits + rec.rejected if said_at is None or h.start >= said_at.start()}
        if own and not any(t in sources.holds(s) for t in said for s in named):
            _waive_the_examples(out.node, text, named, sources, recogniser)
        if own and not any(p.waiver for p in papers) and (len(papers) == 1 or isinstance(out.node, AnyOf)):
            # A paper of a type no named source replaces is not the waived one
            # (a decision, a form): only an unrecognised paper may be, and not
            # when the waiver names the paper it waives ("... khai thác được Giấy
            # chứng nhận đăng ký doanh nghiệp ... thì không yêu cầu nộp"). The
            # alternatives of one choice, none of them recognised, are waived
            # together ("bản sao quyết định hoặc trích lục cải chính hộ tịch ...;
            # không phải nộp nếu thông tin đã được cập nhật trên CSDL ...").
            if not _names_what_it_waives(rec, named, sources) and all(_unnamed(p, recogniser) and not p.surrendered and not p.foreign for p in papers):
                for p in papers:
                    p.waiver, p.waiver_text = named[0], text
        if own:
            # "A hoặc giấy tờ hợp lệ khác chứng minh ..., trong trường hợp cơ quan
            # không thể khai thác được thông tin ... trong CSDL X": a waiver in the
            # unrecognised paper's own words that speaks of information, not of a
            # paper listed elsewhere, waives that paper.
            for p in papers:
                if p.waiver is not None or p.document_types or p.surrendered or p.foreign:
                    continue
                own_words = fold(p.text)
                if not _PAPER_HEAD.match(_strip_present(own_words)):
                    continue  # a case or a remark, not a paper
                mine = sources.find(own_words)
                if mine and _is_waiver(own_words) and not (_named_types(recogniser.recognise(p.text)) & listed):
                    p.waiver, p.waiver_text = mine[0], text
                elif _waived_by_its_words(folded, own_words) and not _named_types(recogniser.recognise(p.text)):
                    # (A piece that names a paper it was not given is a fragment of another name.)
                    # "...: hợp đồng lao động và bảng lương ...; không phải nộp bảng lương, sao kê nếu
                    # Ngân hàng khai thác được ... trên CSDL X": the waiver names this paper in words.
                    p.waiver, p.waiver_text = named[0], text
    listed_all = {t for p in papers for t in p.document_types}
    for p in papers:
        if p.waiver is None and p.waiver_text is not None and _not_for_everyone(fold(p.waiver_text)):
            # "(không phải nộp nếu chủ sở hữu đồng thời là người đại diện theo pháp
            # luật ...)": waived only for some applicants, whom the answer cannot tell.
            p.waiver_text = None
        if p.waiver is None and p.waiver_text is not None:
            # A waiver in the paper's own parenthesis is tied to that paper.
            waiver_f = fold(p.waiver_text)
            named = sources.find(waiver_f)
            if not named and _UNNAMED_DATA.search(waiver_f):
                # "(trong trường hợp chưa được tích hợp, kết nối và chia sẻ dữ liệu
                # quốc gia)": no database named; the paper's own database is meant.
                named = sources.owners(p.document_types)[:1]
            out.waiver_sources.extend(s for s in named if s not in out.waiver_sources)
            fits = [s for s in named if set(p.document_types) & sources.holds(s)]
            said = recogniser.recognise(p.waiver_text)
            spoken_of = _named_types(said) & listed_all
            if not fits and len(named) == 1 and _waives_by_name(p, said):
                # "hợp đồng lao động (không phải nộp hợp đồng lao động nếu ... tra cứu được thông
                # tin đóng bảo hiểm xã hội ... trong CSDL quốc gia về bảo hiểm)": the waiver names
                # this paper and the one database its data is taken from.
                fits = named[:1]
            docs = recogniser.documents
            # ("... hoặc văn bản xác nhận của UBND cấp xã (không phải nộp Giấy chứng nhận nếu ...)":
            # the waiver names another paper, in words the registry does not take alone.)
            elsewhere = _names_another_paper(waiver_f, fold(p.text))
            if not fits and not spoken_of and not elsewhere and not any(t in docs and not docs[t].strikeable for t in p.document_types):
                # "(Không yêu cầu xuất trình giấy tờ này khi khai thác được thông
                # tin về thẻ căn cước ...)" after an unrecognised paper speaks of the
                # cards listed before it, not of that paper. (A paper no database can
                # stand in for, the applicant's own declaration, is not waived by it:
                # "Sơ yếu lý lịch, LLTP (LLTP không phải nộp nếu ... CSDL lý lịch tư
                # pháp)" keeps the CV.)
                fits = named[:1]
            if fits and not (p.surrendered or p.foreign):
                p.waiver = fits[0]
                # "A / B / C (không phải nộp nếu ... tra cứu được trên CSDL X)": the
                # parenthesis closing a choice speaks of every alternative X holds.
                # ("A hoặc B (không phải nộp nếu ... trong CSDL X hoặc CSDL Y)": each alternative
                # by the named database that holds it.)
                for q in _closed_choice(out.node, p):
                    mine = [s for s in named if set(q.document_types) & sources.holds(s)]
                    if q.waiver is None and not (q.surrendered or q.foreign) and mine:
                        q.waiver, q.waiver_text = mine[0], p.waiver_text
            else:
                text = p.waiver_text
                p.waiver_text = None
                # "A hoặc B hoặc C: 01 bản chụp. (Trường hợp khai thác được ... không
                # phải nộp Bản sao A)": the parenthesis after the list waives the
                # listed paper it names.
                for q in papers:
                    if (q is not p and q.waiver is None and not (q.surrendered or q.foreign)
                            and (set(q.document_types) & spoken_of or (elsewhere and _waived_by_its_words(waiver_f, fold(q.text))))):
                        mine = [s for s in named if set(q.document_types) & sources.holds(s)]
                        if mine:
                            q.waiver, q.waiver_text = mine[0], text
                if not spoken_of and not elsewhere:
                    # "GCN quyền sử dụng đất hoặc hợp đồng thuê trụ sở (không phải nộp nếu
                    # thông tin về thửa đất đã có trong CSDL đất đai)": the parenthesis closing
                    # a choice, naming no paper, speaks of the alternatives its database holds,
                    # even when the last one (a contract) is none of them.
                    for q in _closed_choice(out.node, p):
                        mine = [s for s in named if set(q.document_types) & sources.holds(s)]
                        if q.waiver is None and not (q.surrendered or q.foreign) and mine:
                            q.waiver, q.waiver_text = mine[0], text
