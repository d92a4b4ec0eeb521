"""Parsers for the small flattened fields of a portal record.

Each returns plain values plus warnings; none raises on messy text.
"""

from __future__ import annotations

import re

from engine.models import Channel
from engine.text import clean

_LEVELS = {"cấp bộ": "ministry", "cấp tỉnh": "province", "cấp xã": "commune", "cơ quan khác": "other"}

_KINDS = {"Trực tuyến": "online", "Trực tiếp": "in_person", "Dịch vụ bưu chính": "post"}
_CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_KIND_RE = re.compile("|".join(re.escape(k) for k in _KINDS))
_NA = "Không có thông tin"
# Time cell: "5 Ngày làm việc", "12 Ngày", "3 Giờ", "12 Tháng", a bare "7", or n/a.
_TIME = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>Ngày làm việc|Ngày|Giờ|Tháng|Năm)")
_FEE = re.compile(r"(?P<amount>\d[\d,.]*)\s*(?P<cur>Việt Nam Đồng|VNĐ|USD)")
# Working days per unit; an hour is an eighth of a working day.
_UNIT_DAYS = {"Ngày làm việc": 1.0, "Ngày": 1.0, "Giờ": 1 / 8, "Tháng": 30.0, "Năm": 365.0}
# Act numbers: "123/2015/NĐ-CP", "60/2014/QH13", "19/2018/QĐ-TTg", "66.7/2025/NQ-CP".
# Digits only follow "QH" (the legislature's term); anything else glued after
# the suffix is the next title ("NĐ-CPNghị định ...") and is trimmed below.
_ACT = re.compile(
    r"(?<![\d/])\d{1,4}(?:\.\d+)?/\d{4}/(?:QH\d{2}|[A-ZĐ]{1,6}(?:-(?:TTg|UBTVQH\d{2}|[A-ZĐ]{1,10}))*)"
)


def parse_levels(text: str) -> tuple[list[str], list[str]]:
    """``"Cấp bộ, Cấp tỉnh"`` -> ``["ministry", "province"]`` and warnings."""
    levels: list[str] = []
    warnings: list[str] = []
    for part in (text or "").split(","):
        key = clean(part).lower()
        if not key:
            continue
        if key in _LEVELS:
            levels.append(_LEVELS[key])
        else:
            warnings.append(f"unknown level {part.strip()!r}")
    return list(dict.fromkeys(levels)), warnings


def _amount(text: str) -> float:
    # The portal writes 2,000,000 (comma thousands) or 2.000.000 (dot thousands).
    return float(text.replace(",", "").replace(".", ""))


def parse_channels(text: str) -> tuple[list[Channel], list[str]]:
    """Parse ``cach_thuc_thuc_hien`` into channels.

    Notes
    -----
    Fees in "VNĐ" are written in thousands on the portal ("150 VNĐ(150.000
    đồng/lần)"); they are scaled to đồng. A bare time glued to a VNĐ fee
    ("1100 VNĐ") is read as a one-digit time. USD fees are kept in the
    description and ``fee_vnd`` stays unknown.
    """
    warnings: list[str] = []
    body = (text or "").replace(_CHANNEL_HEADER, "", 1)
    starts = [m for m in _KIND_RE.finditer(body)]
    # A kind word inside a description ("Trực tuyến: nộp ...") is not a new row:
    # a row start is followed by a time or "Không có thông tin".
    rows = [m for m in starts if re.match(r"\s*(?:\d|Không)", body[m.end() : m.end() + 20])]
    channels: list[Channel] = []
    for i, m in enumerate(rows):
        end = rows[i + 1].start() if i + 1 < len(rows) else len(body)
        cell = body[m.end() : end]
        days: float | None = None
        fee: float | None = None
        rest = cell
        if rest.startswith(_NA):
            rest = rest[len(_NA) :]
        elif (t := _TIME.match(rest)) is not None:
            days = float(t.group("n").replace(",", ".")) * _UNIT_DAYS[t.group("unit")]
            rest = rest[t.end() :]
        else:
            bare = re.match(r"(\d+)(?=Miễn phí|Không)", rest) or re.match(r"(\d)(?=\d[\d,.]*\s*(?:VNĐ|Việt Nam Đồng|USD))", rest)
            if bare:
                days = float(bare.group(1))
                rest = rest[bare.end() :]
            else:
                warnings.append(f"unreadable processing time in {cell[:40]!r}")
        if rest.startswith("Miễn phí"):
            fee, rest = 0.0, rest[len("Miễn phí") :]
        elif rest.startswith(_NA):
            rest = rest[len(_NA) :]
        elif (f := _FEE.match(rest)) is not None:
            if f.group("cur") == "USD":
                warnings.append(f"fee in USD: {f.group(0)}")
            else:
                fee = _amount(f.group("amount")) * (1000 if f.group("cur") == "VNĐ" else 1)
            rest = rest[f.end() :] if f.group("cur") != "USD" else rest
        description = clean(rest) or None
        channels.append(Channel(kind=_KINDS[m.group(0)], days=days, fee_vnd=fee, description=description[:500] if description else None))
    if text and not channels and clean(body):
        warnings.append("no channel found")
    return channels, warnings


def parse_legal_refs(text: str) -> list[str]:
    """Act numbers (``123/2015/NĐ-CP``, ``60/2014/QH13``) in order, without repeats."""
    out: list[str] = []
    text = text or ""
    for m in _ACT.finditer(text):
        ref, end = m.group(0), m.end()
        # "TT-BTPNghị định": the glued capital opens the next title's first word.
        while end < len(text) and text[end].islower() and ref[-1].isupper() and "-" in ref[-3:] + ref:
            ref, end = ref[:-1], end - 1
        out.append(ref.rstrip("-"))
    return list(dict.fromkeys(out))


def parse_result(text: str) -> str | None:
    """The result document: the text of ``ket_qua_xu_ly`` before ``Mã:``."""
    if not text:
        return None
    head = text.split("Mã:", 1)[0]
    head = clean(head)
    return head or None
