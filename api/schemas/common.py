"""The error shape and pagination shared by every resource."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, StringConstraints

T = TypeVar("T")

#: Every day the API reads (query string or body) lies in this range: wide enough
#: for any law's history and future, narrow enough that a day plus a month or a
#: year never overflows (``to=9999-12-31`` made the simulation timeline raise).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def iso_day(value):
    """A day written ``YYYY-MM-DD`` (or a date object); never a number.

    pydantic alone takes ``20260601`` or ``0`` as Unix times: a client's bug, not a day.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        return value
    raise ValueError("must be a day written YYYY-MM-DD")


def day_in_range(value: dt.date | None) -> dt.date | None:
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"must be a day between {FIRST_DAY} and {LAST_DAY}")
    return value


def check_day(text: str) -> str | None:
    """The problem with a day given as text (``None`` when it is a valid, bounded day)."""
    try:
        day_in_range(dt.date.fromisoformat(iso_day(text)))
    except ValueError as exc:
        message = str(exc)
        return message if message.startswith("must ") else "must be a day written YYYY-MM-DD"
    return None


def printable(value: str | None) -> str | None:
    """Refuse control characters: a NUL byte is refused by PostgreSQL (a 500 before)."""
    if value is not None and _CONTROL.search(value):
        raise ValueError("must not contain control characters (NUL, line breaks, ...)")
    return value


#: A day of the API: ``YYYY-MM-DD`` only, between :data:`FIRST_DAY` and :data:`LAST_DAY`.
Day = Annotated[dt.date, BeforeValidator(iso_day), AfterValidator(day_in_range)]


def text(max_length: int, min_length: int = 0):
    """A free-text field: bounded length, no control characters."""
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length), AfterValidator(printable)]


class ErrorItem(BaseModel):
    """One problem: a request field (``path``) or a catalogue file place (``file``, ``line``, ``field``)."""

    message: str
    path: str | None = None
    file: str | None = None
    line: int | None = None
    field: str | None = None


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="Machine-readable code, e.g. unknown_procedure, invalid_request, rate_limited.")
    message: str
    path: str | None = Field(None, description="The bad field, e.g. body.applicant.nationality, or null.")
    errors: list[ErrorItem] | None = Field(None, description="Every problem, when there are several.")


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Rows matching the filters, before paging.")
    limit: int
    offset: int
    items: list[T]


def error_responses(*statuses: int) -> dict[int | str, dict]:
    """``responses=`` entries documenting the error shape for ``statuses``."""
    text = {
        401: "No valid API key",
        403: "The key's role may not do this",
        404: "Not found",
        405: "Method not allowed",
        406: "No acceptable representation",
        413: "Request body too large",
        422: "Invalid request",
        429: "Rate limit exceeded",
        500: "Internal error",
        503: "Not ready",
    }
    return {s: {"model": ErrorResponse, "description": text.get(s, "Error")} for s in statuses}
