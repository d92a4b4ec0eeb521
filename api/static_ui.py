"""The officers' dashboard (issue 7): static files of ``api/static/`` served at ``/``.

Wire it in :func:`api.main.create_app`, after the API routers::

    from .static_ui import mount_ui
    mount_ui(app)

``/`` answers ``index.html`` (a single-page app with hash routes, so no other
page path is needed) and ``/ui/...`` its assets (JS modules, CSS, vendored
chart.js and cytoscape). Nothing is fetched from a CDN. Only these two
prefixes are taken: unknown ``/api/...`` paths keep the API's JSON 404.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.responses import FileResponse
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
UI_PREFIX = "/ui"


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
