"""Logging without personal identifiers.

Citizen ID numbers (CCCD: 12 digits) and old identity-card numbers (CMND: 9
digits) must never reach a log. :func:`mask` blanks any run of exactly 9 or 12
digits; :class:`MaskingFilter` applies it to every record of the API's and
uvicorn's loggers, tracebacks included. Request bodies are never logged.

Examples
--------
>>> mask("/api/v1/procedures/001203004567?x=123456789")
'/api/v1/procedures/***?x=***'
>>> mask("1.001193 and 2026-06-01 stay")
'1.001193 and 2026-06-01 stay'
"""

from __future__ import annotations

import logging
import re

_ID = re.compile(r"(?<!\d)(?:\d{12}|\d{9})(?!\d)")


def mask(text: str) -> str:
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
