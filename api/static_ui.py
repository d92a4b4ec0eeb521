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
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import FileResponse, HTMLResponse
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


def mount_ui(app: FastAPI, directory: Path = STATIC_DIR) -> bool:
    """Serve the dashboard at ``/``; returns False (and does nothing) when it is already mounted
    or when the package was built without ``api/static/index.html``."""
    index = directory / "index.html"
    if not index.is_file() or any(getattr(r, "path", None) == UI_PREFIX for r in app.routes):
        return False

    async def dashboard() -> FileResponse:
        # no-cache: a new version of the page is picked up at once (assets are tiny).
        return FileResponse(index, media_type="text/html", headers={"Cache-Control": "no-cache"})

    app.add_api_route("/", dashboard, methods=["GET"], include_in_schema=False)
    app.mount(UI_PREFIX, StaticFiles(directory=directory), name="ui")
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
        app.mount(VENDOR, StaticFiles(directory=STATIC_DIR / "vendor"), name="vendor")
