"""One JSON error shape for every error the API returns.

``{"error": {"status": 404, "code": "unknown_procedure", "message": "...",
"path": "body.procedure", "errors": null}}`` for 401, 403, 404, 405, 413, 422,
429, 500 and the rest. ``path`` names the bad field (``body.applicant.nationality``)
or is null; ``errors`` lists every problem when there are several (validation,
a refused catalogue reload). A response never carries a traceback.
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from engine.errors import InvalidApplicant, OnceOnlyError, UnknownProcedure, UnknownSource

from .logs import mask

log = logging.getLogger("onceonly.api")


class ApiError(Exception):
    """An error with its HTTP status, machine code, message and field path."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        path: str | None = None,
        errors: list[dict] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status, self.code, self.message, self.path = status, code, message, path
        self.errors, self.headers = errors, headers


def error_response(
    status: int,
    code: str,
    message: str,
    path: str | None = None,
    errors: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"error": {"status": status, "code": code, "message": message, "path": path, "errors": errors}}
    return Response(orjson.dumps(body), status_code=status, media_type="application/json", headers=headers)


def _code_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def _path(loc: tuple | list) -> str | None:
    return ".".join(str(p) for p in loc) or None


def validation_items(errors: list[dict[str, Any]]) -> list[dict]:
    # Only the location and the message: pydantic's "input" would echo the
    # caller's data, which may be personal.
    # pydantic prefixes our validators' messages with "Value error, ": drop it.
    return [
        {"path": _path(e.get("loc", ())), "message": e.get("msg", "invalid").removeprefix("Value error, ")}
        for e in errors
    ]


def documented_methods(app: FastAPI, path: str) -> set[str]:
    """The methods the OpenAPI document lists for the concrete ``path``.

    FastAPI nests included routers, and Starlette's own 405 names only the
    first route of a path; the schema is the one complete list.
    """
    table = getattr(app.state, "_path_methods", None)
    if table is None:
        table = []
        for template, ops in app.openapi().get("paths", {}).items():
            regex = re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template)) + "$")
            table.append((regex, {m.upper() for m in ops}))
        app.state._path_methods = table
    return set().union(*[methods for regex, methods in table if regex.match(path)])


def _allowed(request: Request) -> str:
    return ", ".join(sorted(documented_methods(request.app, request.url.path)))


def install(app: FastAPI) -> None:
    """Register the handlers that map every failure onto the error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.path, exc.errors, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:
            # FastAPI's "error parsing the body" (not UTF-8, not decodable): like bad JSON, a 422.
            return error_response(422, "invalid_request", "the body is not valid JSON text", "body")
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": _allowed(request)}
        return error_response(exc.status_code, _code_for(exc.status_code), message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        items = validation_items(list(exc.errors()))
        first = items[0] if items else {"path": None, "message": "invalid request"}
        return error_response(422, "invalid_request", first["message"], first["path"], items)

    @app.exception_handler(UnknownProcedure)
    async def _unknown_procedure(_: Request, exc: UnknownProcedure) -> Response:
        return error_response(404, "unknown_procedure", str(exc), "body.procedure")

    @app.exception_handler(UnknownSource)
    async def _unknown_source(_: Request, exc: UnknownSource) -> Response:
        return error_response(422, "unknown_source", str(exc), f"body.source_status.{exc.source}")

    @app.exception_handler(InvalidApplicant)
    async def _invalid_applicant(_: Request, exc: InvalidApplicant) -> Response:
        path = "body.channel" if exc.field == "channel" else f"body.applicant.{exc.field}"
        return error_response(422, "invalid_applicant", str(exc), path)

    @app.exception_handler(OnceOnlyError)
    async def _engine_error(_: Request, exc: OnceOnlyError) -> Response:
        # Errors of the reports, graph and simulation modules: a lookup that
        # failed is a 404, anything else a request the data cannot answer.
        items = [e.as_dict() for e in getattr(exc, "errors", [])] or None
        if isinstance(exc, LookupError):
            return error_response(404, "not_found", str(exc), errors=items)
        return error_response(422, "unprocessable", str(exc), errors=items)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # Normally answered by api.middleware first (so the connection survives).
        return unexpected_response(request.method, request.url.path, exc)


def unexpected_response(method: str, path: str, exc: BaseException) -> Response:
    """Log an unexpected error (type, masked message and traceback) and return the opaque 500."""
    log.error(
        "unexpected %s on %s %s: %s", type(exc).__name__, method, mask(path), mask(str(exc)),
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return error_response(500, "internal_error", "internal error; the incident was logged")
