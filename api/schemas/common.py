"""The error shape and pagination shared by every resource."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


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
