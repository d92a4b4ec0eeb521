"""One pure-ASGI middleware: body size limit, engine stamp, security headers,
query-string guard, masked access log, and the last word on unexpected errors.

Pure ASGI rather than ``BaseHTTPMiddleware``: the latter wraps every request
in extra tasks and streams, a cost the hot path cannot afford.

Unexpected errors end here, not in Starlette's ``ServerErrorMiddleware``: that
one answers 500 and then re-raises, and uvicorn closes a connection whose
application raised, so a client's next request on that keep-alive connection
was reset. Here the 500 is answered, logged (masked) and swallowed.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from urllib.parse import parse_qsl

from engine.evaluator import ENGINE_VERSION

from .errors import error_response, unexpected_response
from .kpis import CLIENT_HEADER, DASHBOARD, not_portal_traffic
from .logs import mask

access = logging.getLogger("onceonly.access")
_STAMP = (b"x-onceonly-engine", ENGINE_VERSION.encode())

def csp_hash(text: str) -> str:
    """A CSP hash source for an inline element whose content is ``text``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


#: cytoscape writes this one ``<style>`` element into the page when it draws.
CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"
#: The dashboard's policy, and every other answer's: scripts and styles only from
#: this server (the dashboard has no inline script), ``style="..."`` attributes
#: (the pages' element builder sets some) and cytoscape's one ``<style>``.
#: ``/docs`` and ``/redoc`` send their own policy (:mod:`api.static_ui`).
CSP = (
    f"default-src 'self'; script-src 'self'; style-src 'self' {csp_hash(CYTOSCAPE_STYLE)}; "
    "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
_CSP = (b"content-security-policy", CSP.encode())
_TAIL = (_CSP, *SECURITY_HEADERS, _STAMP)
_TAIL_OWN_CSP = (*SECURITY_HEADERS, _STAMP)
#: Longer query strings are refused (414) before any parsing: every field has its own, smaller, bound.
MAX_QUERY_BYTES = 16384
#: A ``Retry-After`` is whole seconds, at least 1 and at most this.
MAX_RETRY_AFTER = 3600


class ApiMiddleware:
    def __init__(self, app, max_body_bytes: int, access_log: bool, date_params: set[str] | frozenset[str] = frozenset()):
        self.app, self.max_body, self.access_log = app, max_body_bytes, access_log
        #: Query parameters that are days (filled by :func:`api.main.create_app` from the routes).
        self.date_params = date_params

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status_seen = [0]
        done = [False]

        async def send_stamped(message):
            if message["type"] == "http.response.start":
                status = status_seen[0] = message["status"]
                headers = message.get("headers", ())
                if status in (429, 503):
                    headers = _retry_after(headers)
                # Starlette writes header names in lower case; /docs and /redoc bring their own policy.
                own = any(name == b"content-security-policy" for name, _ in headers)
                message["headers"] = [*headers, *(_TAIL_OWN_CSP if own else _TAIL)]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                done[0] = True
            await send(message)

        too_big = self._too_big(scope)
        if too_big is None and scope["method"] in ("POST", "PUT", "PATCH") and not _has(scope, b"content-length"):
            # A chunked body: read it here, up to the limit, and replay it.
            body, over = await self._read_limited(receive)
            if over:
                too_big = True
            else:
                receive = replay_body(body, receive)
        # The dashboard's evaluations are not portal traffic: the live KPIs leave them out (api.kpis).
        dashboard = scope["method"] == "POST" and _header(scope, CLIENT_HEADER) == DASHBOARD
        marked = not_portal_traffic.set(True) if dashboard else None
        try:
            if too_big:
                response = error_response(413, "payload_too_large", f"the request body exceeds {self.max_body} bytes")
                await response(scope, receive, send_stamped)
            elif (bad := self._bad_request_line(scope)) is not None:
                await bad(scope, receive, send_stamped)
            else:
                await self.app(scope, receive, send_stamped)
        except Exception as exc:  # noqa: BLE001 - the one place that answers what nothing else caught
            if status_seen[0] and not done[0]:
                raise  # half an answer is out: only closing the connection tells the client
            if not status_seen[0]:
                await unexpected_response(scope["method"], scope["path"], exc)(scope, receive, send_stamped)
            else:  # the answer went out whole (a background task failed): log, keep the connection
                unexpected_response(scope["method"], scope["path"], exc)
        finally:
            if marked is not None:
                not_portal_traffic.reset(marked)
            if self.access_log:
                # Method, masked path, status, time: no query string, no body.
                access.info(
                    "%s %s %d %.1fms",
                    scope["method"],
                    mask(scope["path"]),
                    status_seen[0] or 500,
                    (time.perf_counter() - started) * 1000,
                )

    def _bad_request_line(self, scope):
        """A 422 (or 414) for a NUL byte in the path or query, a too long query, or a
        query day that is not ``YYYY-MM-DD`` in range, for every route (the routes'
        own validation would let ``as_of=86400`` through as a Unix time)."""
        if "\x00" in scope["path"]:
            return error_response(422, "invalid_request", "the path must not contain NUL bytes", "path")
        raw = scope.get("query_string", b"")
        if not raw:
            return None
        if len(raw) > MAX_QUERY_BYTES:
            return error_response(414, "uri_too_long", f"the query string exceeds {MAX_QUERY_BYTES} bytes", "query")
        nul = b"%00" in raw or b"\x00" in raw
        if not nul and not any(name.encode() in raw for name in self.date_params):
            return None
        from .schemas.common import check_day

        for name, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
            if "\x00" in name or "\x00" in value:
                field = name.replace("\x00", "")[:64]
                return error_response(422, "invalid_request", "must not contain NUL bytes", f"query.{field}")
            if name in self.date_params and (problem := check_day(value)) is not None:
                return error_response(422, "invalid_request", problem, f"query.{name}")
        return None

    def _too_big(self, scope) -> bool | None:
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    return int(value) > self.max_body or None
                except ValueError:
                    return True
        return None

    async def _read_limited(self, receive) -> tuple[bytes, bool]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"", True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return b"", True
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), False


#: The officers' analysis answers (reports, graph, simulations) and the document registry: large
#: JSON or CSV the dashboard reads (a national report is hundreds of KB). Portals' evaluations are
#: not compressed here.
ANALYSIS_PREFIXES = ("/api/v1/reports/", "/api/v1/graph/", "/api/v1/simulations", "/api/v1/documents")
#: Excel files are zip archives already.
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CompressAnalysis:
    """Gzip (when the client accepts it) the analysis answers of 16 KB or more; every other path untouched."""

    def __init__(self, app, minimum_size: int = 16384):
        from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=minimum_size, compresslevel=6,
                                   exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, _XLSX))

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith(ANALYSIS_PREFIXES):
            return await self.gzip(scope, receive, send)
        return await self.app(scope, receive, send)


def _retry_after(headers: list) -> list:
    """``Retry-After`` as whole seconds in [1, MAX_RETRY_AFTER]; 1 when a 429 or 503 had none."""
    out, seconds = [], None
    for name, value in headers:
        if name.lower() == b"retry-after":
            try:
                seconds = float(value)
            except ValueError:
                seconds = 1.0
            if seconds != seconds:  # NaN
                seconds = 1.0
            continue
        out.append((name, value))
    wait = 1 if seconds is None else int(min(MAX_RETRY_AFTER, max(1.0, -(-seconds // 1))))
    out.append((b"retry-after", str(wait).encode()))
    return out


def _has(scope, header: bytes) -> bool:
    return any(name == header for name, _ in scope["headers"])


def _header(scope, header: bytes) -> bytes | None:
    for name, value in scope["headers"]:
        if name == header:
            return value.strip().lower()
    return None


def replay_body(body: bytes, upstream):
    """A ``receive`` that hands over ``body`` once, then the real channel (disconnects)."""
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await upstream()

    return receive
