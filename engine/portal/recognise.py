"""Recognise the registry document types that a dossier entry asks for.

Precision comes first: a wrong recognition can strike a paper someone needs.
So a synonym found in the text only counts when it stands where a *document*
is named, not where it is merely *referred to*:

* "Bản sao giấy khai sinh", "Hộ chiếu/Thẻ căn cước", "... gồm: CMND, CCCD":
  the phrase opens the entry or a list item (after ``, ; : / (`` or "hoặc",
  "và"), possibly after copy words ("bản sao có chứng thực") or a giving verb
  ("nộp kèm", "xuất trình");
* "xác nhận của UBND cấp xã nơi đăng ký hộ khẩu thường trú", "Đơn đề nghị cấp
  giấy phép lái xe", "thông tin về thẻ căn cước": the phrase follows other words
  in its list item (a place, an action, a form): it is a reference, not asked for.

Examples
--------
>>> from engine.models import DocumentType, Text
>>> r = Recogniser([DocumentType(id="birth-certificate", name=Text(vi="Giấy khai sinh")),
...                 DocumentType(id="household-book", name=Text(vi="Sổ hộ khẩu"), synonyms=["hộ khẩu"])])
>>> r.recognise("Bản sao giấy khai sinh").types
['birth-certificate']
>>> r.recognise("Xác nhận của UBND cấp xã nơi đăng ký hộ khẩu thường trú").types
[]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Literal

from engine.models import DocumentType

from .folding import fold, fold_keep

# The words folding keeps: "_" folds to a space, so it is no part of a word.
_WORDS = re.compile(r"[^\W_]+")


def _spelling(phrase: str) -> str:
    """A phrase as written, for telling apart phrases that fold alike."""
    return " ".join(_WORDS.findall(unicodedata.normalize("NFC", phrase).lower()))


def _written(text: str, folded: str, start: int, phrase: str) -> str:
    """The words of ``text`` that the folded ``phrase`` at ``start`` came from.

    Folding keeps every word and adds separators as tokens of their own: the
    n-th word of the folded text is the n-th word of the text.
    """
    before = sum(1 for w in folded[:start].split() if re.match(r"\w", w))
    words = _WORDS.findall(unicodedata.normalize("NFC", text).lower())
    return " ".join(words[before : before + len(phrase.split())])


_SEP = {",", ";", ":", "/", "(", ")", ".", "hoac", "va", "hay", "+"}
# Separators that open a new item of a list ("...; xác nhận thông tin về cư trú"):
# a short name right after one is a paper; after a comma it may end the name before.
_ITEM_SEP = {";", ":", "hoac", "/", "hay"}
_OR = {"/", "hoac", "hay"}
_AND = {"va", "kem", "cung", "+"}

# Words between a separator and a document name that still mean "this paper":
# copy forms, counts, list openers. Stripped from the end of the head (folded).
_COPY_WORDS = re.compile(
    r"(?:\s|^)(?:duoc cap tu so goc|cap tu so goc|tu so goc|duoc chung thuc tu ban chinh|chung thuc tu ban chinh|duoc chung thuc tu|chung thuc tu|ban sao chup|ban sao|ban chinh|ban chup|ban photocopy|ban photo|photocopy|ban scan|ban dien tu|ban in|ban dich|ban goc|"
    r"sao y|sao luc|ban trich luc|trich luc|co chung thuc|da chung thuc|duoc chung thuc|chung thuc|co cong chung|cong chung|"
    r"hop phap hoa lanh su|hop le|con hieu luc|con gia tri|cac giay to sau day|cac giay to sau|"
    r"cac giay to|giay to|mot trong cac|mot trong nhung|mot trong|cac|mot|hai|01|02|1|2|"
    r"ban sao dien tu|hoac|va|kem|cua|doi chieu|de doi chieu|sau|sau day|la|nhu)$"
)
#: The registry category of identity papers (listed side by side, they are alternatives).
IDENTITY = "identity"
# The verbs of _GIVE that hand a paper over right before a short name ("xuất trình Căn cước").
_HAND_OVER = re.compile(r"(?:^|\s)(?:xuat trinh|kem|kem theo|nop kem|nop kem theo|dinh kem|gui kem)$")
# A head ending in one of these verbs hands the paper in: "nộp kèm", "xuất trình".
_GIVE = re.compile(
    r"(?:^|\s)(?:nop|nop kem|nop kem theo|kem theo|kem|dinh kem|xuat trinh|gom|bao gom|gom co|cung cap|tai len|"
    r"thay the bang|hoac bang|bang|bo sung|doi voi|nop bo sung|giay to tuy than la|giay to tuy than nhu|"
    # "hồ sơ còn có thêm Giấy chứng nhận ...": the dossier adds the paper.
    r"co them|nop them|kem them|xuat trinh them|gui|phai gui|gui kem|"
    # "Trường hợp con chết sau khi sinh: thêm bản sao giấy chứng tử": one more paper in that case.
    r"(?:^|: )them|"
    # "trẻ em chưa có giấy tờ có ảnh thì dùng Giấy khai sinh": the paper used instead.
    # ("quyền sử dụng giấy phép lái xe" is a right, not a paper used.)
    r"(?<!su )dung|(?<!quyen )su dung|duoc dung|duoc su dung)$"
)
# Document types whose synonyms name the thing itself (a card, a certificate, a
# book): a weak synonym ("hộ khẩu", "đăng ký doanh nghiệp") is an activity or
# a register and is accepted only right after a document noun or at the start.
_NOUN = re.compile(
    # ("GKS", "GCT", "GXN": giấy khai sinh, giấy chứng tử, giấy xác nhận, the paper's noun abbreviated.)
    r"^(?:giay|gcn|gks|gct|gxn|the|so|phieu|trich luc|ly lich tu phap|ban sao|ban chinh|bang|ho chieu|chung minh nhan dan|chung minh thu|cmnd|cmtnd|"
    r"cccd|can cuoc cong dan|can cuoc dien tu|gplx|bhyt|van ban|don|to khai|hop dong|quyet dinh|bien ban|"
    r"bao cao|danh sach|chung chi|van bang|anh|ban ve|so do|ban do|dieu le|bien lai|chung tu|hoa don)\b"
)
# A generic paper followed by "như" (such as): the names after it are examples of it.
_EXAMPLES = re.compile(r"\b(?:giay to|tai lieu)\b(?: (?:\w+|,|/)){0,28} nhu$")
# A head ending in an attaching verb: the paper after it is one more paper.
# ("... kèm theo bản sao Căn cước công dân": the copy words after "kèm theo" are the new paper's own.)
_ATTACH = re.compile(r"(?:^|\s)(?:kem theo|nop kem|nop kem theo|dinh kem|dinh kem theo|kem)"
                     r"(?: ban (?:sao|chup|chinh)(?: (?:co )?(?:chung thuc|cong chung|hop le))?)?$")
# The head ends on a giving verb ("... thì nộp"), its copy words peeled off.
_GIVE_END = re.compile(_GIVE.pattern + r"$")
# "so" is left out: "sổ" and "số" fold alike, and "số căn cước" is a number.
_DOC_NOUN_TAIL = re.compile(
    r"(?:^|\s)(?:giay|the|phieu|van ban|ban sao|ban chinh|ban chup|giay to|trich luc|"
    # "bản sao có chứng thực Chứng nhận đăng ký xe": the copy words end in a noun phrase of their own.
    r"ban sao (?:co )?(?:chung thuc|cong chung)|ban sao hop le|ban sao dien tu)$"
)
# Cues in the head that turn the name into a reference or a negation:
# "không cần nộp", "trừ", "thay thế việc nộp", "thông tin về", "số định danh".
_REFERENCE = re.compile(
    # ("người chưa thành niên": a minor, no "not yet"; "trụ sở", "cư trú": an office, a
    # residence, whose letters fold as "trừ" does.)
    # ("Người đại diện đi nộp hồ sơ thay cho người chưa đủ 14 tuổi xuất trình thẻ căn cước":
    # on behalf of a person, who is no paper replaced; "chưa đủ 14 tuổi" is an age, no "not yet".)
    r"\b(?:khong|chua(?! thanh nien| du \d+ tuoi| du tuoi| den tuoi)|(?<!cu )tru(?! so\b)|thay the|thay cho(?! (?:nguoi|cha|me|con|vo|chong|tre|hoc sinh|ho)\b)|viec nop|thong tin|dinh danh|du lieu|noi dang ky|cap lai|cap doi)\b"
)


# "phụ lục hợp đồng và Giấy chứng nhận ...": an annex is a paper of its own, not a reference
# that governs the names coordinated after it.
_ANNEX_OF = re.compile(r"\bphu luc$")


@dataclass(frozen=True)
class Hit:
    """One accepted synonym occurrence."""

    type_id: str
    phrase: str
    start: int
    end: int


@dataclass
class Recognition:
    """The document types of one entry.

    Attributes
    ----------
    types : list of str
        Registry ids, in order of first appearance, without repeats.
    match : {"any_of", "all_of"}
        ``any_of`` when the types are alternatives ("/", "hoặc", "một trong").
    hits : list of Hit
        Accepted occurrences.
    rejected : list of Hit
        Occurrences dropped as references (kept for reports and debugging).
    """

    types: list[str] = field(default_factory=list)
    match: Literal["any_of", "all_of"] = "any_of"
    hits: list[Hit] = field(default_factory=list)
    rejected: list[Hit] = field(default_factory=list)


class Recogniser:
    """Match registry synonyms in dossier text.

    Parameters
    ----------
    documents : iterable of DocumentType
        The registry. Each type contributes its Vietnamese name and synonyms.

    Notes
    -----
    All synonyms are folded and compiled into one alternation, longest first,
    with word boundaries; a phrase claimed by two types keeps the first type
    and is reported in :attr:`conflicts`.
    """

    def __init__(self, documents: Iterable[DocumentType]):
        self.phrases: dict[str, str] = {}
        self.conflicts: list[tuple[str, str, str]] = []
        self.documents: dict[str, DocumentType] = {}
        spellings: dict[str, dict[str, str]] = {}  # folded key -> spelling as written -> type
        for doc in documents:
            self.documents[doc.id] = doc
            for phrase in [doc.name.vi, *doc.synonyms]:
                key = fold(phrase)
                if len(key) < 4 and not _ABBREVIATION.fullmatch(key):
                    # "Ảnh" folds to "anh" (also "Anh hùng", "anh, chị"): too short to trust.
                    continue
                spellings.setdefault(key, {}).setdefault(_spelling(phrase), doc.id)
                if key in self.phrases and self.phrases[key] != doc.id:
                    self.conflicts.append((key, self.phrases[key], doc.id))
                    continue
                self.phrases[key] = doc.id
        # "sổ đỏ" (land certificate) and "sơ đồ" (a diagram) fold alike: a phrase
        # two types claim is decided by its diacritics as written ("sổ đỏ" is the
        # certificate, "sơ đồ" the diagram); written without them, by neither.
        self._by_spelling: dict[str, dict[str, str]] = {}
        for key, _, _ in self.conflicts:
            self.phrases.pop(key, None)
            self._by_spelling[key] = spellings[key]
        # "GCN" abbreviates "giấy chứng nhận" in every certificate's name ("GCN quyền sở hữu nhà ở"),
        # and "CNĐK" / "GCNĐK" "(giấy) chứng nhận đăng ký" ("CNĐK xe").
        #: An abbreviated name -> the name it abbreviates ("cndk xe" -> "chung nhan dang ky xe").
        self.spelled_out: dict[str, str] = {}

        def derive(short: str, key: str, type_id: str) -> None:
            if short not in self.phrases:
                self.phrases[short] = type_id
                self.spelled_out[short] = key

        # "GCNĐKDN", "GCN QSDĐ", "Giấy CNQSDĐ", "GXNTTHN": a certificate's name shortened
        # to the initials of its words after "giấy chứng nhận" / "giấy xác nhận". Kept
        # only when three letters or more (two are other words: "QĐ" is a decision) and
        # when one type alone gives them.
        initials: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for key, type_id in list(self.phrases.items()):
            if key.startswith("giay chung nhan ") and len(key) > len("giay chung nhan ") + 3:
                derive("gcn " + key[len("giay chung nhan "):], key, type_id)
            for lead in _INITIALS_LEADS:
                rest = key[len(lead):].split() if key.startswith(lead) else []
                if len(rest) >= 3 and all(w.isalpha() for w in rest):
                    initials.setdefault((lead, "".join(w[0] for w in rest)), set()).add((key, type_id))
            for lead in ("giay chung nhan dang ky ", "chung nhan dang ky "):
                if key.startswith(lead):
                    rest = key[len(lead):]
                    for short in ("cndk ", "gcndk ", "gcn dk "):
                        derive(short + rest, "chung nhan dang ky " + rest, type_id)
        for (lead, short), named in initials.items():
            if len({t for _, t in named}) == 1:
                key, type_id = min(named)
                for opening in _INITIALS_LEADS[lead]:
                    derive(opening + short, key, type_id)
        # "giấy XN tình trạng hôn nhân", "GCN ĐK HTX": the clerks' shorthand for the words
        # of a name (``_SHORTHAND``), one or several at once, the names just derived among
        # them ("cndk doanh nghiep" -> "cndk dn"); kept when one type alone gives it.
        shortened: dict[str, set[tuple[str, str]]] = {}
        for key, type_id in list(self.phrases.items()):
            for short in _shorthands(key):
                shortened.setdefault(short, set()).add((key, type_id))
        for short, named in shortened.items():
            if len({t for _, t in named}) == 1:
                derive(short, *min(named))
        # Synonyms contain no punctuation after folding; "," etc. in the text
        # are tokens of their own, so a phrase never spans a list separator.
        # A character trie compiled to one regex: greedy optional branches try
        # the longest synonym first, and the engine no longer tries hundreds of
        # alternatives at every position (5x faster than a flat alternation).
        matched = {**self.phrases, **dict.fromkeys(self._by_spelling, "")}
        self._pattern = re.compile(r"\b" + _trie_regex(matched) + r"\b") if matched else None
        self._strong = {p: bool(_NOUN.match(p)) for p in matched}

    # ------------------------------------------------------------------ core

    def recognise(self, text: str) -> Recognition:
        """Return the document types ``text`` asks for.

        Parameters
        ----------
        text : str
            Entry text as displayed (diacritics, punctuation).
        """
        out = Recognition()
        if self._pattern is None or not text:
            return out
        folded = fold_keep(text)
        # An example ("Ví dụ: ... giấy khai sinh ...") illustrates, it does not ask.
        cut = next((m for m in _EXAMPLE.finditer(folded) if not _EXAMPLES_OF.search(_proof_head(folded, m.start()))), None)
        if cut:
            folded = folded[: cut.start()]
        previous: tuple[Hit, bool] | None = None
        earlier: tuple[Hit, bool] | None = None
        for m in self._pattern.finditer(folded):
            phrase = m.group(0)
            type_id = self.phrases.get(phrase) or self._by_spelling[phrase].get(_written(text, folded, m.start(), phrase), "")
            if not type_id:
                continue
            if _CHIP_ON.search(_head(folded, m.start())):
                # "... qua CSDL, VNeID hoặc chip trên thẻ CCCD": the card's chip is how the data
                # is read; it names no paper, asked for or waived.
                continue
            hit = Hit(type_id, phrase, m.start(), m.end())
            accepted = self._accept(folded, m.start(), phrase)
            if not accepted and not self._strong[phrase] and not _head(folded, m.start()) and not _REFERENCE.match(phrase):
                # "Giấy tờ chứng minh chỗ ở: xác nhận thông tin về cư trú hoặc ...", "... của
                # vợ, chồng và xác nhận thông tin về cư trú": a new item of the list.
                before = _window(folded, m.start())[-3:]
                accepted = bool(before) and (before[-1] in _ITEM_SEP or (
                    before[-1] == "va" and previous is not None and previous[1] and previous[0].type_id != hit.type_id)
                    # "Giấy tờ, tài liệu chứng nhận về quyền sử dụng đất": a doublet, one name.
                    or before == ["giay", "to", ","])
            if not accepted and previous is not None and previous[1]:
                # "Căn cước công dân hoặc Căn cước": a short name offered as the
                # alternative to a paper of its own kind is that paper; so is one
                # glued to it ("chứng minh nhân dân căn cước công dân"), and an
                # identity paper listed beside another ("Hộ chiếu, Căn cước, ...").
                accepted = self._beside(folded, previous[0], hit)
            # (A weak phrase set aside for the words before it, "đăng ký đầu tư dự án và GCN ĐKDN",
            # was an activity's words, not a reference: it governs nothing.)
            if accepted and previous is not None and not previous[1] and (before_it := _head(folded, previous[0].start)) and (
                    self._strong[previous[0].phrase] or _REFERENCE.search(before_it)) and not _ANNEX_OF.search(before_it):
                # "số CMND hoặc CCCD": the reference before the first name
                # governs the names coordinated with it.
                between = folded[previous[0].end : m.start()].split()
                # ...but not across a colon, which opens a list of the papers
                # themselves ("giấy tờ tùy thân: căn cước công dân hoặc ..."),
                # nor across a semicolon, a stop or a "+", which end a paper, nor into
                # a parenthesis naming papers of another kind ("người được cấp văn
                # bằng (bản sao giấy khai sinh ...)"; "Số CMND (CCCD)" stays a number).
                if (between and set(between) <= _SEP and not set(between) & {":", ";", ".", "+"}
                        and ("(" not in between or self._same_kind(previous[0], hit))):
                    accepted = False
            if accepted and (
                _negated(folded, m.start()) or _foreign(folded, m.start(), m.end()) or _BACK_REF.match(folded[m.end() : m.end() + 120])
                # "... sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị mất": a paper said lost.
                or _SAID_LOST.match(folded[m.end() : m.end() + 60])
                or _in_form_title(folded, m.start(), m.end())
            ):
                accepted = False
            if (accepted and previous is not None and not previous[1] and not self._strong[previous[0].phrase]
                    and not _head(folded, previous[0].start) and self._beside(folded, previous[0], hit)
                    # "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở ... hoặc Giấy
                    # chứng nhận ...": the short name after the comma ends the name before it.
                    and not (earlier is not None and earlier[1] and self._same_kind(earlier[0], previous[0])
                             and folded[earlier[0].end : previous[0].start].split() == [","])):
                # "Căn cước hoặc Căn cước công dân": the short name opening the
                # choice is the same kind of paper as the one offered beside it.
                out.rejected.remove(previous[0])
                out.hits.append(previous[0])
            (out.hits if accepted else out.rejected).append(hit)
            earlier, previous = previous, (hit, accepted)
        out.types = list(dict.fromkeys(h.type_id for h in out.hits))
        out.match = self._match_kind(folded, out.hits)
        return out

    def _beside(self, folded: str, earlier: Hit, later: Hit) -> bool:
        """Two names of one kind offered side by side: only "hoặc" / "/" between
        them (a comma too for identity papers, or nothing at all)."""
        if not self._same_kind(earlier, later):
            return False
        joins = _OR | {","} if self.documents[later.type_id].category == IDENTITY else _OR
        return set(folded[earlier.end : later.start].split()) <= joins

    def _same_kind(self, a: Hit, b: Hit) -> bool:
        da, db = self.documents.get(a.type_id), self.documents.get(b.type_id)
        return da is not None and db is not None and da.category is not None and da.category == db.category

    def types_of(self, text: str) -> list[str]:
        """Shortcut: the type ids of :meth:`recognise`."""
        return self.recognise(text).types

    # ------------------------------------------------------------------ rules

    def _accept(self, folded: str, start: int, phrase: str) -> bool:
        head = _head(folded, start)
        # "không cần văn bản ủy quyền nhưng phải xuất trình bản sao Giấy khai sinh",
        # "trường hợp thông tin ... chưa được cập nhật thì xuất trình thêm giấy xác
        # nhận ...": what comes before the "but" or the "then" does not govern the name.
        cut = max((m.end() for m in (*_THEN.finditer(head), *_WITHOUT_THEN.finditer(head))), default=0)
        if cut:
            head = head[cut:].strip()
        if not head:
            # A weak phrase after a comma continues another name ("Giấy chứng
            # nhận quyền sử dụng đất, quyền sở hữu ..."): only the opening counts.
            return self._strong[phrase] or start == 0
        examples = head.endswith("nhu") and bool(_EXAMPLES.search(_clause_head(folded, start, 32)))
        if not self._strong[phrase] and not _DOC_NOUN_TAIL.search(head) and not _HAND_OVER.search(head) and not examples:
            # "hộ khẩu", "đăng ký doanh nghiệp" right after other words: an activity.
            return False
        before_copy = head
        while m := _COPY_WORDS.search(before_copy):
            before_copy = before_copy[: m.start()].rstrip()
        if before_copy.endswith("vi du") and _EXAMPLES_OF.search(_proof_head(folded, folded.rfind("vi du", 0, start))):
            # "giấy tờ làm căn cứ cải chính, ví dụ thẻ căn cước, ...": the kinds of a class of
            # proofs ("ví dụ bản sao GKS ...": with the copy words of the kind named).
            return True
        if ((head == "la" or head.endswith(" la") or _IS_A_COPY.search(head)) and self._strong[phrase]
                and _CLASS_IS.search(_proof_head(folded, folded.rfind(" la ", 0, start)))):
            # "giấy tờ chứng minh việc đổi tên ... là thẻ Căn cước hoặc ...": the class, then what it
            # is ("... để đặt trụ sở là bản sao có chứng thực Giấy chứng nhận ...": its copy words first).
            return True
        if examples:
            # "giấy tờ chứng minh nhân thân của người đó như thẻ căn cước, ...":
            # the papers after "như" are the kinds the generic paper may be.
            return True
        if _ATTACH.search(head) and self._strong[phrase]:
            # "bản thông tin cá nhân kèm theo lý lịch tư pháp": "kèm theo"
            # opens a new paper; the words before it name the previous one.
            return True
        if _REFERENCE.search(head):
            return False
        if self._strong[phrase] and (_CASE_IS.search(head) or _CASE_IS.search(_head(folded, start, 20))):
            # "đối với cá nhân là bản sao thẻ Căn cước": in that case, the paper is this one.
            return True
        # Peel copy words off the end ("bản sao có chứng thực"); a giving verb
        # ("nộp kèm", "xuất trình") at any step means the paper is handed in.
        stripped = _peel_copy(head)
        if not stripped or _GIVE.search(stripped) and self._strong[phrase]:
            return True
        if not self._strong[phrase] and _HAND_OVER.search(stripped):
            # "xuất trình Căn cước", "kèm bản sao Căn cước": handed over, so a paper.
            return True
        if not self._strong[phrase] and stripped != head and _GIVE_END.search(stripped):
            # "... thì nộp bản sao căn cước của cả hai vợ chồng": given as a copy, so a paper.
            return True
        if self._strong[phrase] and (m := _NOUN_BEFORE.fullmatch(stripped)):
            # "Giấy CMND", "bản sao thẻ CCCD": the paper's own noun before its short name
            # ("số giấy CMND" is a number).
            rest = _peel_copy((m.group(1) or "").strip())
            if not rest or _GIVE.search(rest):
                return True
        if not self._strong[phrase]:
            # "Giấy/văn bản/sổ" + weak phrase: the noun makes it a paper.
            return bool(re.fullmatch(r"(?:.*\s)?(?:giay|the|phieu|van ban|ban sao|ban chinh|giay to)", stripped)) and \
                _clean_head(stripped)
        return False

    @staticmethod
    def _match_kind(folded: str, hits: list[Hit]) -> Literal["any_of", "all_of"]:
        if len({h.type_id for h in hits}) < 2:
            return "any_of"
        if re.search(r"\bmot trong\b", folded):
            return "any_of"
        ors = ands = 0
        for a, b in zip(hits, hits[1:]):
            between = set(folded[a.end : b.start].split())
            if between & _AND:
                ands += 1
            elif between & _OR:
                ors += 1
        if ands:
            return "all_of"
        if ors:
            return "any_of"
        # Only commas between them: identity papers listed side by side are
        # alternatives ("CMND, CCCD, hộ chiếu"); other lists are all needed.
        return "all_of"


_EXAMPLE = re.compile(r"\bvi du\b")
# Three letters without a vowel ("GKS"): an abbreviation, no Vietnamese word folds to it.
_ABBREVIATION = re.compile(r"[b-df-hj-np-tv-xz]{3}")
# "Giấy tờ chứng minh quan hệ ..., ví dụ: giấy khai sinh, ...": after a class of proofs,
# "ví dụ" opens the kinds of paper it may be, as "như" does (they are offered, not illustrated).
_PROOF_CLASS = (
    r"\b(?:giay to|tai lieu)(?: , (?:giay to|tai lieu))? (?:khac )?(?:chung minh|chung nhan|lam can cu|xac nhan|the hien|thay (?:the )?cho)\b"
    r"(?: (?:\w+|,)){0,20}"
)
_EXAMPLES_OF = re.compile(_PROOF_CLASS + r" ,?$")
# "giấy tờ chứng minh việc đổi tên ... là thẻ Căn cước": the class, then "là" and what it is.
_CLASS_IS = re.compile(_PROOF_CLASS + r"$")
_IS_A_COPY = re.compile(r"(?:^|\s)la ban (?:sao|chinh|chup)(?: (?:co|da|duoc))?(?: chung thuc| cong chung)?$")
# "đối với doanh nghiệp là bản sao ...", "trường hợp là cá nhân thì là ...": a case, then the paper it asks.
# ("đối với đơn vị ở nước ngoài là bản sao hợp pháp hóa lãnh sự giấy ...": how the copy is made, then the paper.)
_CASE_IS = re.compile(r"^(?:doi voi|truong hop|neu)(?: \w+){1,8} la(?: ban sao| ban chinh| ban chup)?"
                      r"(?: (?:co|da|duoc))?(?: chung thuc| cong chung| hop phap hoa(?: lanh su)?)?$")
# Wider negation: "không yêu cầu tổ chức, cá nhân nộp bản sao X" spans commas.
_NEGATION = re.compile(
    # ("nếu người nộp không phải là người đại diện ...": a case about a person, not "need not".)
    r"\b(?:khong (?:phai(?! (?:la|nguoi|chinh chu)\b)|yeu cau|can|bat buoc|duoc yeu cau)|khai thac duoc|tra cuu|duoc thay the bang|thay the cho)\b"
)
_CLAUSE_END = {";", ":", "."}
# "... X quy định tại khoản này", "X nêu trên": a reference back to a paper already asked for.
# ("Sổ ... thay cho các giấy tờ nêu trên": the papers above are what it replaces.)
# ("Bản khai lý lịch, Phiếu lý lịch tư pháp ... trong hồ sơ áp dụng đối với người ...": which
# person the dossier's papers are about, none asked again.)
# ("Giấy chứng nhận kết hôn để chứng minh quan hệ với người thân nêu trên": the person is the
# one spoken of above; the paper is asked.)
_BACK_REF = re.compile(r"^\s*(?:(?!(?:thay|de|voi|cua|nham)\b)\S+\s+){0,8}?(?:quy dinh tai (?:khoan|diem|muc) nay|neu tren|noi tren|tren day|"
                       r"trong ho so (?:duoc )?ap dung)\b")
# "đủ sức khỏe để học tập ở nước ngoài", "khám sức khỏe cho người lao động đi làm việc ở
# nước ngoài": where the applicant goes, not who issued the paper ("đi học nước ngoài":
# the same, "ở" left out).
# "(kể cả bản sao do cơ quan có thẩm quyền nước ngoài cấp)": a foreign issue is accepted
# too, so the paper named is not only a foreign one.
INCLUDING_ABROAD = re.compile(r"\bke ca\b(?=[^()]*\bcap\b)[^()]*")
PURPOSE_ABROAD = re.compile(r"\b(?:(?:hoc tap|du hoc|lam viec|cong tac|lao dong|dao tao|thuc tap|xuat canh|di|de (?:lam thu tuc |lam )?ket hon) (?:o|tai)|di hoc|di lam viec|di lao dong) nuoc ngoai\b")
# "(trường hợp cơ quan có thẩm quyền nước ngoài yêu cầu)": the authority the paper is for, not its issuer;
# "trường hợp cơ sở tiếp nhận ở nước ngoài có yêu cầu": the host abroad a worker goes to.
ASKED_ABROAD = re.compile(r"\b(?:co quan|to chuc|ben|co so|doi tac|don vi|doanh nghiep|truong)(?: (?!cap\b)\w+){0,2}? "
                          r"(?:co tham quyen )?(?:cua |o |tai )?(?:nuoc ngoai|nuoc so tai|nuoc tiep nhan) "
                          r"(?:co )?(?:yeu cau|de nghi|doi hoi)\b")
# "trích lục ghi chú khai tử do cơ quan đại diện Việt Nam ở nước ngoài cấp": a Vietnamese
# mission abroad registers civil status for Viet Nam (Law on Civil Status 2014, Art. 7.3).
VN_MISSION = re.compile(r"\bco quan dai dien (?:cua )?(?:viet nam|vn)(?: (?:o|tai) nuoc ngoai)?\b")


def not_issuers(folded: str) -> str:
    """``folded`` without the words that speak of abroad but name no foreign issuer: a purpose
    abroad, a foreign issue also accepted, the authority a paper is for, a Vietnamese mission.
    Both the recogniser's and the paper reader's foreign tests read what is left."""
    return VN_MISSION.sub(" ", ASKED_ABROAD.sub(" ", PURPOSE_ABROAD.sub(" ", INCLUDING_ABROAD.sub(" ", folded))))


# A paper issued abroad is not in a Vietnamese database.
_FOREIGN = re.compile(r"\b(?:nuoc ngoai cap|phap luat cua nuoc co chung bien gioi|cua quoc gia vung lanh tho|hoat dong hop phap o nuoc ngoai|co tham quyen (?:cua )?nuoc ngoai|khong co quoc tich viet nam|nuoc cu tru cap)\b")


def _window(folded: str, start: int, width: int = 300) -> list[str]:
    """The words just before ``start`` (a bounded window: long dossiers stay linear)."""
    words = folded[max(0, start - width) : start].split()
    # The first word may be cut by the window; it is never needed for the cues.
    return words[1:] if start > width else words


# "... đều bị mất / thất lạc / hư hỏng": what a statement says was lost (the reader's "và" uses it too).
LOST = r"deu (?:da )?bi (?:mat|that lac|hu hong)\b"
_SAID_LOST = re.compile(r"^(?: [^\s,;:()]+){0,3}? " + LOST)


def _negated(folded: str, start: int) -> bool:
    """A negation or a data-lookup waiver earlier in the same clause."""
    words: list[str] = []
    window = _window(folded, start)
    closed = 0  # inside a parenthesis closed before the name
    for k in range(len(window) - 1, -1, -1):
        w = window[k]
        if w in _CLAUSE_END or len(words) > 25:
            break
        if w == ")" or (closed and w == "("):
            # "... (không phải xuất trình nếu ...) và Căn cước": the parenthesis speaks of its own paper.
            closed += 1 if w == ")" else -1
            continue
        if closed:
            continue
        if w == "hoac" and _LOOKUP_END.search(" ".join(window[max(0, k - 4) : k])):
            # "... để cơ quan tra cứu trên cơ sở dữ liệu hoặc Giấy chứng nhận ...":
            # the paper is offered instead of the lookup, not waived by it.
            break
        if w == "thi" or (w == "phai" and k > 0 and window[k - 1] == "nhung"):
            # _THEN's words: "Trường hợp không khai thác được ... thì xuất trình X",
            # "không cần văn bản ủy quyền nhưng phải có giấy khai sinh": the "then"
            # or the "but" asks for what follows it.
            break
        words.append(w)
    return bool(_NEGATION.search(" ".join(reversed(words))))


# ("... nhưng phải có giấy khai sinh": what must be had is handed in.)
_THEN = re.compile(r"(?:^|\s)(?:nhung phai(?: co)?|thi)(?=\s|$)")
_NOUN_BEFORE = re.compile(r"(?:(.*)\s)?(?:giay|the)")
# "đọc chip trên thẻ căn cước", "chip gắn trên CCCD": the card as the means of a lookup.
_CHIP_ON = re.compile(r"\bchip(?: dien tu)? (?:tren|cua|gan tren|gan vao)$")
# "(CCCD ...); người chưa được cấp nộp bản sao Giấy khai sinh": a person without the paper
# before, then what that person gives ("chưa" speaks of them, not of the name after).
_WITHOUT_THEN = re.compile(r"\b(?:nguoi|truong hop|neu|doi voi)(?: \w+){0,3} chua (?:duoc cap|co)\b(?: \w+){0,4}? (?=(?:phai )?(?:nop|xuat trinh)\b)")
# The four words before "hoặc" end on the database looked up in ("... trên cơ sở dữ liệu").
_LOOKUP_END = re.compile(r"\b(?:co so du lieu|csdl)(?: \w+)?$")


# A form named before a list it requests ("Phiếu đề nghị khóa tài khoản định
# danh điện tử, căn cước điện tử (mẫu TK03 ...)"): the names up to its model
# number are the form's title, not papers asked for.
_FORM = re.compile(r"\b(?:phieu de nghi|phieu yeu cau|don de nghi|don xin|don yeu cau|to khai|van ban de nghi|giay de nghi)\b")
_MODEL = re.compile(r"^[^;.]*?\(\s*(?:theo )?mau\b|^[^;.(]*?\b(?:theo )?mau (?:so )?[a-z]{0,4}\d")


# "thực hiện đồng thời thủ tục “cấp tài khoản định danh điện tử, căn cước điện
# tử”": a name in a procedure's title (the quotes are gone once folded).
# ("đại lý làm thủ tục hải quan" does procedures: an agent, no title; a "hoặc" opens another paper.)
# ("ủy quyền cho cá nhân thực hiện thủ tục và bản sao Căn cước": carrying out a procedure, no title.)
_PROCEDURE_TITLE = re.compile(r"(?<!lam )(?<!thuc hien )(?<!tien hanh )\bthu tuc\b(?![^;.]*\b(?:gom|bao gom|nop|xuat trinh|kem theo|sau day|hoac)\b)[^;.:]*$")


# "Nghị định số 104/2022/NĐ-CP ... về việc sửa đổi ... các nghị định liên quan
# đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy ...": a name in a cited
# act's title.
_ACT_TITLE = re.compile(
    r"\b(?:nghi dinh|thong tu|nghi quyet|quyet dinh|luat)(?: so)? [^;.:]{0,120}?\bve viec\b"
    r"(?![^;.:]*\b(?:gom|bao gom|kem|sau day)\b)[^;.:)]*$")


def _in_form_title(folded: str, start: int, end: int) -> bool:
    """The name sits inside a form's, a procedure's or a cited act's title: a
    form opens its sentence and the form's model number ("(mẫu ...)") follows
    the name; or the name follows "thủ tục", or an act's "... về việc", in its
    sentence with no list opened between."""
    left = max(folded.rfind(" ; ", 0, start), folded.rfind(" . ", 0, start), folded.rfind(" : ", 0, start))
    before = folded[left + 1 : start]
    if _PROCEDURE_TITLE.search(before) or _ACT_TITLE.search(before[-400:]):
        return True
    form = _FORM.search(before)
    if not form or _FORM.search(folded, start, end):
        return False
    return bool(_MODEL.match(folded[end : end + 200]))


def _foreign(folded: str, start: int, end: int) -> bool:
    """The sentence around the name says it is issued abroad."""
    # The alternative the name is in: "Giấy chứng nhận kết hôn do cơ quan của Việt Nam
    # cấp hoặc giấy tờ ... do cơ quan nước ngoài cấp" (a foreign issuer closing a whole
    # choice is read by the paper reader, which sees the choice).
    choice = folded.rfind(" hoac ", 0, start)
    left = max(folded.rfind(" ; ", 0, start), folded.rfind(" . ", 0, start), choice + 5 if choice >= 0 else -1)
    # "Giấy khai sinh do cơ quan nước ngoài cấp và Trích lục ghi chú khai sinh": an issuer
    # clause closed before "và" is the paper's before it, not this one's.
    bundle = folded.rfind(" va ", 0, start)
    if bundle > left and folded[left + 1 : bundle].endswith(" cap") and " do " in folded[left + 1 : bundle]:
        left = bundle + 3
    # "Phiếu lý lịch tư pháp (đối với người nước ngoài thay bằng văn bản ... do nước ngoài
    # cấp)": the parenthesis gives another applicant's paper, which the reader reads.
    instead = _CASE_INSTEAD.search(folded, end)
    right_candidates = [i for i in (folded.find(" ; ", end), folded.find(" . ", end), folded.find(" hoac ", end),
                                    instead.start() if instead else -1) if i != -1]
    right = min(right_candidates) if right_candidates else len(folded)
    return bool(_FOREIGN.search(not_issuers(folded[left + 1 : right])))


#: Words of a paper's name and the shorthand clerks write for them (folded).
_SHORTHAND = {
    "xac nhan": "xn", "dang ky": "dk", "quyet dinh": "qd", "hop dong": "hd", "giay chung nhan": "gcn",
    "ho kinh doanh": "hkd", "hop tac xa": "htx", "doanh nghiep": "dn", "tinh trang hon nhan": "tthn",
    "quyen su dung dat": "qsdd", "bao hiem xa hoi": "bhxh", "bao hiem y te": "bhyt", "uy ban nhan dan": "ubnd",
    # ("cm" is also centimetres: only a whole name's spelling with it is read, never "cm" alone.)
    "chung minh": "cm",
    # Commune clerks' "QĐ của TA" (quyết định của Tòa án).
    "toa an": "ta",
}
#: Shorthands of a name's opening words ("GXN tình trạng hôn nhân": giấy xác nhận;
#: "Giấy CN đăng ký doanh nghiệp": giấy chứng nhận).
_GLUED = {"giay xn ": "gxn ", "giay xac nhan ": "gxn ", "giay chung nhan ": "giay cn "}
#: A name's opening words -> how clerks write them before the initials of the rest
#: ("GCN QSDĐ", "GCNQSDĐ", "Giấy CNQSDĐ"; "GXN TTHN", "Giấy XNTTHN").
_INITIALS_LEADS = {
    "giay chung nhan ": ("gcn", "gcn ", "giay cn", "giay cn "),
    "giay xac nhan ": ("gxn", "gxn ", "giay xn", "giay xn "),
}
_SHORTHAND_WORDS = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) + r")\b")


def _shorthands(key: str) -> list[str]:
    """Every spelling of ``key`` with some of its words in shorthand (at most three
    places; none when more), and each with its opening words glued (``_GLUED``)."""
    found = list(_SHORTHAND_WORDS.finditer(key))
    if len(found) > 3:
        found = []
    out = []
    for mask in range(1, 2 ** len(found)):
        parts, last = [], 0
        for i, m in enumerate(found):
            if mask >> i & 1:
                parts += [key[last : m.start()], _SHORTHAND[m.group(0)]]
                last = m.end()
        short = "".join(parts) + key[last:]
        # A name all in shorthand of one or two words ("dk", "xn tthn") says too little.
        if len(short.split()) >= 2 and len(short) >= 6:
            out.append(short)
    out += [glued + short[len(opening):] for short in [key, *out] for opening, glued in _GLUED.items() if short.startswith(opening)]
    return out


#: A case, then what it brings instead: "đối với người nước ngoài thay bằng", "đối với doanh nghiệp là".
#: ("đối với trẻ em sinh ra ở nước ngoài thì nộp giấy tờ ...": what that case hands in; not
#: "thì nộp thêm", one more paper in that case.)
CASE_INSTEAD = (r"(?:trong )?(?:doi voi|truong hop|neu)(?: \S+){1,10}? (?:(?:thi )?(?:(?:duoc |se )?thay (?:the )?bang|la)"
                r"|thi (?:phai )?(?:nop|xuat trinh|cung cap)(?! (?:them|bo sung|kem)\b))")
_CASE_INSTEAD = re.compile(r" \( " + CASE_INSTEAD + " ")
_THEN_GIVE = re.compile(r"(?:phai )?(?:nop|xuat trinh|cung cap|bo sung|gui|kem theo)\b")


def _peel_copy(words: str) -> str:
    """``words`` without the copy words ending them ("bản sao có chứng thực"), peeled
    until a giving verb ("nộp kèm", "xuất trình") shows."""
    while words and not _GIVE.search(words) and (m := _COPY_WORDS.search(words)):
        words = words[: m.start()].rstrip()
    return words


def _head(folded: str, start: int, limit: int = 12) -> str:
    """Words between the last list separator before ``start`` and ``start``
    (at most ``limit`` + 1 of them)."""
    words: list[str] = []
    for w in reversed(_window(folded, start)):
        if w in _SEP:
            break
        # "Trường hợp không có chữ ký số thì xuất trình CMND": "thì" + a giving
        # verb closes the case ("thì Phiếu lý lịch tư pháp ... áp dụng" does not).
        if w == "thi" and _THEN_GIVE.match(" ".join(reversed(words))):
            break
        words.append(w)
        if len(words) > limit:
            break
    return " ".join(reversed(words))


def _proof_head(folded: str, start: int) -> str:
    """The clause before ``start``, its closed parentheses left out ("Giấy tờ chứng minh
    thuộc đối tượng được miễn (nếu có), ví dụ: ...")."""
    before = _CLOSED.sub(" ", folded[max(0, start - 300) : start])
    return _clause_head(before, len(before), 24)


_CLOSED = re.compile(r"\([^()]*\)")


def _clause_head(folded: str, start: int, limit: int) -> str:
    """Up to ``limit`` words before ``start`` in its clause, commas kept ("giấy tờ
    chứng minh quan hệ với người được cấp văn bằng, chứng chỉ như ...")."""
    words: list[str] = []
    for w in reversed(_window(folded, start)):
        if w in _CLAUSE_END or w in ("(", ")") or len(words) > limit:
            break
        words.append(w)
    return " ".join(reversed(words))


def _clean_head(stripped: str) -> bool:
    # The noun must open the list item: "nơi đăng ký sổ hộ khẩu" stays a reference.
    return len(stripped.split()) <= 3


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regex matching any of ``phrases``, longest first at each position."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Greedy "?": the longer phrase is tried first, the shorter one on backtrack.
        return "(?:" + body + ")?"
    return body
