"""The officers' dashboard (issue 7): static files of ``api/static/`` served at ``/``.

Wire it in :func:`api.main.create_app`, after the API routers::

    from .static_ui import mount_ui
    mount_ui(app)

``/`` answers ``index.html`` (a single-page app with hash routes, so no other
page path is needed) and ``/ui/...`` its assets (JS modules, CSS, vendored
chart.js and cytoscape). Nothing is fetched from a CDN. Only these two
prefixes are taken: unknown ``/api/...`` paths keep the API's JSON 404.

:func:`mount_docs` serves ``/docs`` (Swagger UI) and ``/redoc`` from the same
vendored folder (``ui/vendor.sh`` fetches them; ``ui/vendor.sha256`` pins them),
each page with its own Content-Security-Policy: FastAPI's pages carry one
inline script (Swagger UI's start-up) or style, allowed by its hash only.

Every file is sent gzip-compressed to a browser that accepts it (compressed once,
kept in memory while the file is unchanged), with a cache lifetime: the vendored
libraries carry their version in their name, so they are cached for a year and
never revalidated (``immutable``); ``index.html``, the pages' modules and the
stylesheet are revalidated on every use (``no-cache``: a 304 when unchanged), so a
new version is picked up at once. API answers are left alone (not compressed here).
"""

from __future__ import annotations

import gzip
import os
import re
import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles

from .middleware import csp_hash

STATIC_DIR = Path(__file__).resolve().parent / "static"
UI_PREFIX = "/ui"
VENDOR = f"{UI_PREFIX}/vendor"
SWAGGER_UI = "5.35.0"
REDOC = "2.5.4"
DOCS_ASSETS = {
    "swagger_js": f"swagger-ui-{SWAGGER_UI}.bundle.js",
    "swagger_css": f"swagger-ui-{SWAGGER_UI}.css",
    "redoc_js": f"redoc-{REDOC}.standalone.js",
}


#: A year, for files whose name carries their version (``chart-4.6.1.umd.min.js``).
IMMUTABLE = "public, max-age=31536000, immutable"
#: Everything else: kept, but asked again each time (a 304 when unchanged).
REVALIDATE = "no-cache"
_VERSIONED = re.compile(r"-\d+\.\d+\.\d+[.-]")
#: Text files worth compressing; smaller ones are sent as they are.
_COMPRESSIBLE = (".js", ".css", ".html", ".svg", ".json", ".map", ".txt", ".md")
_MIN_GZIP = 1024


def cache_control(path: str) -> str:
    """The lifetime of a static file by its path: versioned vendor files for a year, the rest revalidated."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return IMMUTABLE if "vendor/" in path.replace("\\", "/") and _VERSIONED.search(name) else REVALIDATE


class _Gzipped:
    """Gzip bodies of static files, by path, size and modification time (a changed file is compressed again)."""

    def __init__(self):
        self._cache: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._lock = threading.Lock()

    def get(self, path: str, stat_result: os.stat_result) -> bytes:
        stamp = (stat_result.st_size, stat_result.st_mtime_ns)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        body = gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)
        with self._lock:
            self._cache[path] = (stamp, body)
        return body


_GZIPPED = _Gzipped()


def _accepts_gzip(headers: Headers) -> bool:
    return any(part.split(";")[0].strip() == "gzip" for part in headers.get("accept-encoding", "").lower().split(","))


def _not_modified(request: Headers, etag: str) -> bool:
    tags = [t.strip() for t in request.get("if-none-match", "").split(",") if t.strip()]
    return etag in tags or "*" in tags


def static_response(path: str, stat_result: os.stat_result, request: Headers, media_type: str | None = None) -> Response:
    """A static file with its cache lifetime, gzip-compressed when the client accepts it
    (``Vary: Accept-Encoding``; the compressed body has its own ETag), 304 when the client has it."""
    plain = FileResponse(path, stat_result=stat_result, media_type=media_type)
    plain.headers["cache-control"] = cache_control(path)
    compressible = path.endswith(_COMPRESSIBLE) and stat_result.st_size >= _MIN_GZIP
    if compressible:
        plain.headers["vary"] = "Accept-Encoding"
    if not (compressible and _accepts_gzip(request)):
        if _not_modified(request, plain.headers["etag"]):
            return Response(status_code=304, headers=_kept(plain.headers))
        return plain
    etag = plain.headers["etag"][:-1] + '-gz"'
    headers = {**_kept(plain.headers), "etag": etag, "content-encoding": "gzip", "content-type": plain.headers["content-type"]}
    if _not_modified(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(_GZIPPED.get(path, stat_result), headers=headers)


def _kept(headers) -> dict[str, str]:
    return {k: headers[k] for k in ("cache-control", "etag", "last-modified", "vary") if k in headers}


class UiFiles(StaticFiles):
    """:class:`StaticFiles` with :func:`static_response`: compressed, with cache lifetimes."""

    def file_response(self, full_path, stat_result, scope, status_code: int = 200) -> Response:
        if status_code != 200:
            return super().file_response(full_path, stat_result, scope, status_code)
        return static_response(str(full_path), stat_result, Headers(scope=scope))


def mount_ui(app: FastAPI, directory: Path = STATIC_DIR) -> bool:
    """Serve the dashboard at ``/``; returns False (and does nothing) when it is already mounted
    or when the package was built without ``api/static/index.html``."""
    index = directory / "index.html"
    if not index.is_file() or any(getattr(r, "path", None) == UI_PREFIX for r in app.routes):
        return False

    async def dashboard(request: Request) -> Response:
        # no-cache: a new version of the page is picked up at once.
        return static_response(str(index), index.stat(), request.headers, media_type="text/html")

    app.add_api_route("/", dashboard, methods=["GET"], include_in_schema=False)
    app.mount(UI_PREFIX, UiFiles(directory=directory), name="ui")
    return True


def _hashes(html: str, tag: str) -> str:
    """CSP hash sources of the inline ``<tag>`` elements (no attributes) of ``html``."""
    return " ".join(csp_hash(body) for body in re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S))


def _docs_csp(html: str, styles: str) -> str:
    scripts = " ".join(filter(None, ["'self'", _hashes(html, "script")]))
    return (
        f"default-src 'self'; script-src {scripts}; style-src {styles}; img-src 'self' data:; "
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def mount_docs(app: FastAPI, openapi_url: str, title: str) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` from vendored assets; nothing from a CDN.

    Call it with ``docs_url=None, redoc_url=None`` given to FastAPI, after :func:`mount_ui`
    (whose ``/ui`` mount serves the assets; without it ``/ui/vendor`` is mounted here).
    """
    swagger = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=f"{title} - Swagger UI",
        swagger_js_url=f"{VENDOR}/{DOCS_ASSETS['swagger_js']}",
        swagger_css_url=f"{VENDOR}/{DOCS_ASSETS['swagger_css']}",
        swagger_favicon_url="data:,",
        oauth2_redirect_url=None,
        # No badge fetched from the validator's public server.
        swagger_ui_parameters={"validatorUrl": None},
    ).body.decode()
    redoc = get_redoc_html(
        openapi_url=openapi_url,
        title=f"{title} - ReDoc",
        redoc_js_url=f"{VENDOR}/{DOCS_ASSETS['redoc_js']}",
        redoc_favicon_url="data:,",
        with_google_fonts=False,
    ).body.decode()
    pages = {
        "/docs": (swagger, _docs_csp(swagger, " ".join(filter(None, ["'self'", _hashes(swagger, "style")])))),
        # ReDoc (styled-components) writes its styles into <style> elements at run time.
        "/redoc": (redoc, _docs_csp(redoc, "'self' 'unsafe-inline'")),
    }

    def page(html: str, csp: str):
        async def serve() -> HTMLResponse:
            return HTMLResponse(html, headers={"Content-Security-Policy": csp, "Cache-Control": "no-cache"})

        return serve

    for path, (html, csp) in pages.items():
        app.add_api_route(path, page(html, csp), methods=["GET"], include_in_schema=False)
    if not any(getattr(r, "path", None) in (UI_PREFIX, VENDOR) for r in app.routes):
        app.mount(VENDOR, UiFiles(directory=STATIC_DIR / "vendor"), name="vendor")
