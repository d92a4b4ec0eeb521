"""One pure-ASGI middleware: body size limit, engine stamp, masked access log.

Pure ASGI rather than ``BaseHTTPMiddleware``: the latter wraps every request
in extra tasks and streams, a cost the hot path cannot afford.
"""

from __future__ import annotations

import logging
import time

from engine.evaluator import ENGINE_VERSION

from .errors import error_response
from .logs import mask

access = logging.getLogger("onceonly.access")
_STAMP = (b"x-onceonly-engine", ENGINE_VERSION.encode())


class ApiMiddleware:
    def __init__(self, app, max_body_bytes: int, access_log: bool):
        self.app, self.max_body, self.access_log = app, max_body_bytes, access_log

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status_seen = [0]

        async def send_stamped(message):
            if message["type"] == "http.response.start":
                status_seen[0] = message["status"]
                message["headers"] = list(message.get("headers", [])) + [_STAMP]
            await send(message)

        too_big = self._too_big(scope)
        if too_big is None and scope["method"] in ("POST", "PUT", "PATCH") and not _has(scope, b"content-length"):
            # A chunked body: read it here, up to the limit, and replay it.
            body, over = await self._read_limited(receive)
            if over:
                too_big = True
            else:
                receive = replay_body(body, receive)
        try:
            if too_big:
                response = error_response(413, "payload_too_large", f"the request body exceeds {self.max_body} bytes")
                await response(scope, receive, send_stamped)
            else:
                await self.app(scope, receive, send_stamped)
        finally:  # an unexpected error is re-raised by Starlette after its 500: log it too
            if self.access_log:
                # Method, masked path, status, time: no query string, no body.
                access.info(
                    "%s %s %d %.1fms",
                    scope["method"],
                    mask(scope["path"]),
                    status_seen[0] or 500,
                    (time.perf_counter() - started) * 1000,
                )

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


def _has(scope, header: bytes) -> bool:
    return any(name == header for name, _ in scope["headers"])


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
