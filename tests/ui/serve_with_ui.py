"""The API app with the dashboard mounted, for the e2e tests while ``api/main.py``
does not call :func:`api.static_ui.mount_ui` itself (then ``onceonly serve`` is used)."""

from api.main import app_factory as _api_factory
from api.static_ui import mount_ui


def app_factory():
    app = _api_factory()
    mount_ui(app)
    return app
