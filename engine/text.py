"""Vietnamese text normalisation for matching dossier text against the registry.

Matching is done on a folded form: Unicode NFC, lower case, diacritics removed
(``đ`` -> ``d``), punctuation turned into spaces, white space collapsed. Both
"Giấy khai sinh" and "giay khai sinh" fold to ``giay khai sinh``.

Examples
--------
>>> fold("Thẻ Căn cước công dân")
'the can cuoc cong dan'
>>> fold("Sổ hộ khẩu/Sổ tạm trú")
'so ho khau so tam tru'
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics, keeping the base letters (``đ`` -> ``d``)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """Fold ``text`` for matching: lower case, no diacritics, no punctuation."""
    text = strip_diacritics(unicodedata.normalize("NFC", text).lower())
    text = _PUNCT.sub(" ", text.replace("_", " "))
    return _SPACE.sub(" ", text).strip()


def clean(text: str) -> str:
    """Tidy display text: NFC, collapsed white space, no zero-width characters."""
    text = unicodedata.normalize("NFC", text).replace("\u200e", "").replace("\u200b", "")
    return _SPACE.sub(" ", text).strip()
