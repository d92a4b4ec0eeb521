"""Which catalogue a command works on (DESIGN.md contract).

``--catalogue PATH`` (a ``procedures/`` tree or a database URL) or the
``ONCEONLY_CATALOGUE`` variable; by default, the shipped ``procedures/`` plus
whatever was imported into the default store. Curated procedures win over
imported records of the same code: they are reviewed by hand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue
from .errors import DataError
from .loading import DEFAULT_ROOT, load_catalogue


def _is_url(value: str) -> bool:
    return "://" in value


def default_store_url() -> str | None:
    """The store URL when one is configured or the default SQLite file exists."""
    url = os.environ.get("ONCEONLY_DATABASE_URL")
    if url:
        return url
    try:
        from .store import default_url
    except ImportError:  # store not available: curated catalogue only
        return None
    url = default_url()
    if url.startswith("sqlite:///"):
        return url if Path(url[len("sqlite:///"):]).exists() else None
    return url


@dataclass
class Selected:
    catalogue: Catalogue
    errors: list[DataError] = field(default_factory=list)
    description: str = ""


def _imported(url: str) -> list:
    from .store import open_store

    store = open_store(url)
    try:
        return store.procedures()
    finally:
        close = getattr(store, "close", None)
        if close:
            close()


def select_catalogue(spec: str | None = None, with_store: bool = True) -> Selected:
    """Load the catalogue named by ``spec`` / ``ONCEONLY_CATALOGUE`` / the default.

    A database URL gives the shipped law (sources, rules, registry) with the
    procedures stored there; a folder gives that folder alone.
    """
    spec = spec or os.environ.get("ONCEONLY_CATALOGUE") or None
    if spec and not _is_url(spec):
        result = load_catalogue(Path(spec))
        return Selected(result.catalogue, result.errors, f"folder {spec}")
    result = load_catalogue(DEFAULT_ROOT)
    cat, errors = result.catalogue, list(result.errors)
    url = spec or (default_store_url() if with_store else None)
    description = f"folder {DEFAULT_ROOT}"
    if url:
        try:
            procs = _imported(url)
        except Exception as exc:  # an unreachable store must not hide the curated catalogue
            errors.append(DataError(_mask(url), None, None, f"cannot read the store: {exc.__class__.__name__}: {exc}"))
        else:
            cat = cat.with_procedures(procs, origin=_mask(url))
            description += f" + store {_mask(url)} ({len(procs)} imported)"
    return Selected(cat, errors, description)


def _mask(url: str) -> str:
    """Hide a password in a database URL before it reaches output or logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
