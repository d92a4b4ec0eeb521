"""Sentences that explain a decision, in Vietnamese and English.

The sentences of a rule that applies come from the rule's own ``explanation``
(law is data). The ones here describe why *no* rule applied (source offline,
applicant not covered, not in force): they are mechanism, not law.
"""

from __future__ import annotations

import datetime as dt

from .catalogue import Catalogue
from .models import Explanation, Fallback, Rule, Text

CHANNELS = ("online", "in_person", "post")


def doc_names(cat: Catalogue, types: list[str]) -> tuple[str, str]:
    if not types:
        return "giấy tờ này", "This document"
    docs = [cat.documents[t] for t in types if t in cat.documents]
    vi = " / ".join(d.name.vi for d in docs) or "giấy tờ này"
    en = " / ".join(d.name.en or d.name.vi for d in docs) or "This document"
    return vi, en


def source_names(cat: Catalogue, source: str | None) -> tuple[str, str]:
    if source is None or source not in cat.sources:
        return "", ""
    s = cat.sources[source]
    return s.name.vi, s.name.en or s.name.vi


def rule_explanation(cat: Catalogue, rule: Rule, types: list[str]) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    names = [source_names(cat, s) for s in rule.sources] or [("", "")]
    src_vi = " và ".join(vi for vi, _ in names)
    src_en = " and the ".join(en for _, en in names)
    values = {"document_vi": doc_vi, "document_en": doc_en, "source_vi": src_vi, "source_en": src_en}
    return Explanation(vi=rule.explanation.vi.format(**values), en=rule.explanation.en.format(**values))


def legal_basis(rule: Rule | None) -> str | None:
    if rule is None:
        return None
    lb = rule.legal_basis
    return f"{lb.act}, {lb.article}" if lb.article else lb.act


def fallback_text(fallback: Fallback | None, channel: str | None) -> tuple[str | None, str | None]:
    """The fallback sentence with the deadline of ``channel`` (or of every channel)."""
    if fallback is None:
        return None, None
    channels = [channel] if channel in fallback.deadlines else [c for c in CHANNELS if c in fallback.deadlines]
    deadline_vi = "; ".join(fallback.deadlines[c].vi for c in channels)
    deadline_en = "; ".join(fallback.deadlines[c].en or fallback.deadlines[c].vi for c in channels)
    values = {"deadline_vi": deadline_vi, "deadline_en": deadline_en}
    en = fallback.text.en.format(**values)
    vi = fallback.text.vi.format(**values)
    lb = fallback.legal_basis
    basis = f"{lb.act}, {lb.article}" if lb.article else lb.act
    cited = fallback.citation
    return f"{en} ({(cited.en or basis) if cited else basis})", f"{vi} ({cited.vi if cited else basis})"


def _values(missing: dict[str, list[str]]) -> tuple[str, str]:
    """The attribute values in words ("quốc tịch: công dân Việt Nam"), never their ids."""
    from engine.reports.labels import condition_words

    return condition_words(missing, "vi"), condition_words(missing, "en")


def conditional(cat: Catalogue, rule: Rule, types: list[str], missing: dict[str, list[str]]) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    src_vi, src_en = source_names(cat, rule.source)
    cond_vi, cond_en = _values(missing)
    verb_en = "shown in VNeID instead" if rule.effect.value == "replace" else "struck"
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi} vì chưa biết thông tin của người yêu cầu; sẽ không phải nộp nếu {cond_vi} ({src_vi}).",
        en=f"{doc_en} stays required because the applicant's details are not known; it would be {verb_en} if {cond_en} ({src_en}).",
    )


def blocked(cat: Catalogue, rule: Rule, types: list[str], reason: str, as_of: dt.date, status: str | None, source: str | None = None) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    src_vi, src_en = source_names(cat, source or rule.source)
    if reason == "status":
        return Explanation(
            vi=f"Vẫn yêu cầu {doc_vi}: {src_vi} đang ở trạng thái {status}, không khai thác được dữ liệu.",
            en=f"{doc_en} stays required: the {src_en} is {status}, so its data cannot be fetched.",
        )
    if reason.startswith("coverage:"):
        attr = reason.split(":", 1)[1]
        return Explanation(
            vi=f"Vẫn yêu cầu {doc_vi}: {src_vi} không bao phủ trường hợp này ({attr}) (Nghị quyết 66.7/2025/NQ-CP, Điều 2.3).",
            en=f"{doc_en} stays required: the {src_en} does not cover this case ({attr}) (Resolution 66.7/2025/NQ-CP, Art. 2.3).",
        )
    if reason == "unannounced":
        return Explanation(
            vi=f"Vẫn yêu cầu {doc_vi}: {src_vi} chưa được công bố.",
            en=f"{doc_en} stays required: the {src_en} has not been announced.",
        )
    if reason == "quality":
        return Explanation(
            vi=f"Vẫn yêu cầu {doc_vi}: dữ liệu của {src_vi} chưa đủ chất lượng để thay thế giấy tờ.",
            en=f"{doc_en} stays required: the data of the {src_en} is not yet good enough to replace it.",
        )
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi}: quy định {rule.id} không áp dụng vào ngày {as_of.isoformat()}.",
        en=f"{doc_en} stays required: rule {rule.id} does not apply on {as_of.isoformat()}.",
    )


def default(cat: Catalogue, types: list[str]) -> Explanation:
    if not types:
        return Explanation(
            vi="Vẫn yêu cầu: chưa nhận diện được loại giấy tờ của thành phần hồ sơ này.",
            en="Stays required: the document type of this entry is not recognised.",
        )
    doc_vi, doc_en = doc_names(cat, types)
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi}: không có cơ sở dữ liệu nào được công bố thay thế giấy tờ này.",
        en=f"{doc_en} stays required: no announced database stands in for it.",
    )


def surrendered(cat: Catalogue, types: list[str]) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi}: bản giấy được nộp lại để chỉnh lý, cấp đổi hoặc thu hồi, dữ liệu không thay thế được.",
        en=f"{doc_en} stays required: the paper itself is handed in to be endorsed, replaced or revoked, which data cannot do.",
    )


def not_applicable(condition: Text | None, attrs: dict[str, list[str]]) -> Explanation:
    cond_vi, cond_en = _values(attrs)
    # An imported entry's condition is the portal's Vietnamese only: quoted as is.
    extra_vi = f" ({condition.vi})" if condition else ""
    extra_en = f" ({condition.en or condition.vi})" if condition else ""
    return Explanation(
        vi=f"Không áp dụng: thành phần này chỉ yêu cầu khi {cond_vi}{extra_vi}.",
        en=f"Not applicable: the entry applies only when {cond_en}{extra_en}.",
    )


def unrecorded(cat: Catalogue, types: list[str]) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi}: thủ tục đăng ký lại một sự kiện mà sổ hộ tịch không còn lưu, cơ sở dữ liệu không có thông tin để thay thế (Nghị quyết 66.7/2025/NQ-CP, Điều 2.2).",
        en=f"{doc_en} stays required: the procedure re-registers an event whose register record is lost, so no database holds its data (Resolution 66.7/2025/NQ-CP, Art. 2.2).",
    )


def foreign(cat: Catalogue, types: list[str]) -> Explanation:
    doc_vi, doc_en = doc_names(cat, types)
    return Explanation(
        vi=f"Vẫn yêu cầu {doc_vi}: giấy tờ do nước ngoài cấp hoặc của bên nước ngoài, không có trong cơ sở dữ liệu của Việt Nam.",
        en=f"{doc_en} stays required: it is issued abroad or belongs to a foreign party, so no Vietnamese database holds it.",
    )


def _paper_names(cat: Catalogue, papers) -> tuple[str, str]:
    vi, en = [], []
    for p in papers:
        if p.document_types:
            v, e = doc_names(cat, list(p.document_types))
        else:
            v = e = p.text if len(p.text) <= 60 else p.text[:57].rstrip() + "..."
        vi.append(v)
        en.append(e)
    return "; ".join(dict.fromkeys(vi)), "; ".join(dict.fromkeys(en))


def partial(cat: Catalogue, going, staying, sources) -> Explanation:
    """An entry that stays although some of its papers go."""
    go_vi, go_en = _paper_names(cat, going)
    stay_vi, stay_en = _paper_names(cat, staying)
    names = [source_names(cat, s) for s in dict.fromkeys(s for s in sources if s)]
    src_vi = ", ".join(n[0] for n in names if n[0])
    src_en = ", ".join(n[1] for n in names if n[1])
    return Explanation(
        vi=f"Không phải nộp {go_vi} (khai thác từ {src_vi}); vẫn phải nộp {stay_vi}.",
        en=f"{go_en} is not asked for (fetched from the {src_en}); {stay_en} is still required.",
    )
