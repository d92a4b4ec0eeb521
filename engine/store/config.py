"""Where the store lives: URL resolution and the default SQLite location."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the database URL (``postgresql+psycopg://...``).
DATABASE_URL_ENV = "ONCEONLY_DATABASE_URL"
#: Environment variable naming the folder of the default SQLite file.
HOME_ENV = "ONCEONLY_HOME"
#: The default ``ONCEONLY_HOME`` (XDG data folder of the current user).
DEFAULT_HOME = Path("~/.local/share/onceonly")
DB_FILENAME = "onceonly.db"
#: Seconds to wait for a database server to answer a connection (PostgreSQL):
#: a wrong host or a server that is down is an error in seconds, not minutes.
#: A ``connect_timeout`` in the URL's query wins.
CONNECT_TIMEOUT = 3


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
    from sqlalchemy.engine import make_url  # late: SQLAlchemy costs 0.2 s of start-up

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - never echo a URL we cannot parse: it may hold a secret
        return "<unparsable database URL>"


def error_reason(exc: BaseException, url: str | None = None) -> str:
    """One line saying why the store at ``url`` could not be used, never its password.

    The driver's own first line (``connection refused``, ``timeout expired``,
    ``database "x" does not exist``) with the password, if any, masked; the
    exception type alone when the driver said nothing.
    """
    reason = getattr(exc, "reason", None)  # StoreNotFound: already a sentence
    if not reason:
        inner = getattr(exc, "orig", None) or exc
        text = str(inner).strip()
        # SQLAlchemy appends "(Background on this error at: ...)"; drivers add hints on later lines.
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        first = first.removeprefix("connection failed:").strip()
        reason = f"{type(inner).__name__}: {first}" if first else type(inner).__name__
    if url:
        from sqlalchemy.engine import make_url

        try:
            password = make_url(url).password
        except Exception:  # noqa: BLE001 - an unparsable URL: nothing to mask by name
            password = None
        if password:
            reason = reason.replace(str(password), "***")
    return reason[:300]
