"""Folding for the recogniser: :func:`engine.text.fold`, and a variant that keeps
list separators as tokens."""

from __future__ import annotations

import re
import unicodedata

from engine.text import FoldTable, clean as tidy, fold  # noqa: F401  (re-exported)

_STOP = re.compile(r"[.!?]+(?=\s|$)")
# "bản sao giấy khai sinh + bản sao giấy xác nhận khuyết tật": a "+" between two
# words (or after a closing parenthesis: "Biên bản ... (đối với ...) + bản sao ...")
# joins two papers. (A "+" after ":" or ";" or opening a row is a list mark.)
MID_PLUS = re.compile(r"(?:(?<=[^\W_]\s)|(?<=\)\s))\+(?=\s+[^\W_])")
_KEEP_TABLE = FoldTable({ord(c): f" {c} " for c in ",;:/()"})
# Sentence stops are marked with a control character first, so that the "." in
# "66.7/2025" is still folded to a space while a sentence end becomes a token.
_KEEP_TABLE[0x1E] = " . "
_KEEP_TABLE[0x1F] = " + "


def fold_keep(text: str) -> str:
    """Fold like :func:`fold` but keep ``, ; : / ( )`` as separate tokens.

    The recogniser needs list separators to tell "A, B hoặc C" (a list of
    documents) from "A của nơi đăng ký B" (a reference inside one document).

    Examples
    --------
    >>> fold_keep("Hộ chiếu/Thẻ căn cước")
    'ho chieu / the can cuoc'
    """
    # A full stop that ends a sentence is kept too ("66.7" and "1.2.3" are not).
    text = MID_PLUS.sub("\x1f", _STOP.sub(" \x1e ", unicodedata.normalize("NFC", text).lower())).translate(_KEEP_TABLE)
    return " ".join(text.split())
