"""Logging without personal identifiers.

Citizen ID numbers (CCCD: 12 digits), old identity-card numbers (CMND: 9
digits), tax codes (MST: 10 digits, 13 for a branch, also written
``0123456789-001``), and the same numbers written in dashed groups
(``001-203-004-567``) must never reach a log. :func:`mask` blanks any run of
exactly 9, 10, 12 or 13 digits, and any dashed group of digits that adds up to
as many; :class:`MaskingFilter` applies it to every record of the API's and
uvicorn's loggers, tracebacks included. Request bodies are never logged.

Dates (``2026-06-01``: 8 digits), procedure codes (``1.001193``), times and
versions stay readable.

Examples
--------
>>> mask("/api/v1/procedures/001203004567?x=123456789")
'/api/v1/procedures/***?x=***'
>>> mask("tax 0312345678, branch 0312345678-001 or 0312345678001, id 001-203-004-567")
'tax ***, branch *** or ***, id ***'
>>> mask("1.001193 and 2026-06-01 stay, 5 of 12 took 12.5ms")
'1.001193 and 2026-06-01 stay, 5 of 12 took 12.5ms'
"""

from __future__ import annotations

import logging
import re

#: How many digits an identifier has: CMND 9, MST 10 (13 with its branch), CCCD 12.
ID_DIGITS = frozenset({9, 10, 12, 13})
_ID = re.compile(r"(?<!\d)(?:\d{13}|\d{12}|\d{10}|\d{9})(?!\d)")
#: Digit groups joined by dashes (two groups at least), the whole dashed run.
_DASHED = re.compile(r"(?<!\d)(?<!\d-)\d+(?:-\d+)+(?!\d)(?!-\d)")


def _dashed(match: re.Match) -> str:
    text = match.group(0)
    return "***" if sum(c.isdigit() for c in text) in ID_DIGITS else text


def mask(text: str) -> str:
    if "-" in text:
        text = _DASHED.sub(_dashed, text)
    return _ID.sub("***", text)


class MaskingFilter(logging.Filter):
    """Render the record now, mask it, and drop the raw arguments and exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = mask(message), None
        return True


_FILTER = MaskingFilter()


def install_masking(names: tuple[str, ...] = ("onceonly", "onceonly.api", "onceonly.access", "uvicorn", "uvicorn.error")) -> None:
    """Attach the filter to the loggers the server writes to (idempotent).

    uvicorn's own access log is switched off by ``onceonly serve`` (its formatter
    needs the raw arguments); :mod:`api.middleware` writes a masked one instead.
    """
    for name in names:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
