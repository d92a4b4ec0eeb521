"""Where the store lives: URL resolution and the default SQLite location."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

#: Environment variable naming the database URL (``postgresql+psycopg://...``).
DATABASE_URL_ENV = "ONCEONLY_DATABASE_URL"
#: Environment variable naming the folder of the default SQLite file.
HOME_ENV = "ONCEONLY_HOME"
#: The default ``ONCEONLY_HOME`` (XDG data folder of the current user).
DEFAULT_HOME = Path("~/.local/share/onceonly")
DB_FILENAME = "onceonly.db"


def default_home() -> Path:
    """Return ``$ONCEONLY_HOME`` or ``~/.local/share/onceonly``, expanded."""
    return Path(os.environ.get(HOME_ENV) or DEFAULT_HOME).expanduser()


def default_url() -> str:
    """Return the URL of the default SQLite store, ``$ONCEONLY_HOME/onceonly.db``."""
    return f"sqlite:///{default_home() / DB_FILENAME}"


def resolve_url(url: str | None = None) -> str:
    """Choose the store URL.

    Parameters
    ----------
    url : str, optional
        An explicit URL (``--into``). A bare file path is taken as a SQLite file.

    Returns
    -------
    str
        ``url`` if given, else ``$ONCEONLY_DATABASE_URL``, else :func:`default_url`.
    """
    chosen = url or os.environ.get(DATABASE_URL_ENV) or default_url()
    if "://" not in chosen:
        # A plain path is friendlier on the command line than sqlite:////abs/path.
        chosen = f"sqlite:///{Path(chosen).expanduser().resolve()}"
    return chosen


def display_url(url: str) -> str:
    """Render ``url`` for humans and logs with the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - never echo a URL we cannot parse: it may hold a secret
        return "<unparsable database URL>"
