"""A fast :func:`engine.text.fold` for bulk parsing.

``engine.text.fold`` decomposes every string and filters it character by
character: correct, but about 40 µs per dossier row, which alone would take
more than our whole parse budget. Here each distinct character is folded once
and cached in a ``str.translate`` table; the result is identical to
``engine.text.fold`` (``tests/portal/test_folding.py`` checks it on the fixture).
"""

from __future__ import annotations

import re
import unicodedata

from engine.text import strip_diacritics

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w", re.UNICODE)


class _Table(dict):
    """``str.translate`` table that folds a character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch == "_":
            out = " "
        elif not (_WORD.match(ch) or ch.isspace()):
            # Combining marks are not \w: they vanish with the diacritics.
            out = "" if unicodedata.category(ch) == "Mn" else " "
        else:
            out = strip_diacritics(ch)
            out = "".join(c if (_WORD.match(c) or c.isspace()) else " " for c in out)
        self[code] = out
        return out


_TABLE = _Table()


def fold(text: str) -> str:
    """Same output as :func:`engine.text.fold`, cached per character."""
    text = unicodedata.normalize("NFC", text).lower().translate(_TABLE)
    return _SPACE.sub(" ", text).strip()


_STOP = re.compile(r"[.!?]+(?=\s|$)")
_KEEP_TABLE = _Table({ord(c): f" {c} " for c in ",;:/()"})
# Sentence stops are marked with a control character first, so that the "." in
# "66.7/2025" is still folded to a space while a sentence end becomes a token.
_KEEP_TABLE[0x1E] = " . "


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
    text = _STOP.sub(" \x1e ", unicodedata.normalize("NFC", text).lower()).translate(_KEEP_TABLE)
    return _SPACE.sub(" ", text).strip()
