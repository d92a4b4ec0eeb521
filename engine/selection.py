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
from .errors import DataError, OnceOnlyError
from .loading import DEFAULT_ROOT, load_catalogue

#: Where a catalogue spec can come from, for messages.
CATALOGUE_ENV = "ONCEONLY_CATALOGUE"
DATABASE_ENV = "ONCEONLY_DATABASE_URL"


class CatalogueUnusable(OnceOnlyError):
    """The catalogue the user named cannot be used: missing, empty, or a store that cannot be read.

    Raised instead of falling back to another catalogue or showing an empty one.
    """


def _is_url(value: str) -> bool:
    return "://" in value


def _named(spec: str) -> str:
    """How the user named ``spec``: the option or the variable."""
    return CATALOGUE_ENV if os.environ.get(CATALOGUE_ENV) == spec else "--catalogue"


def check_folder(spec: str) -> None:
    """Raise :class:`CatalogueUnusable` unless ``spec`` is a folder with procedure files.

    Cheap (no YAML is parsed): a missing path, a file, an empty folder, or a
    folder without ``catalogue/*.yaml`` is an error naming the path.
    """
    path = Path(spec).expanduser()
    label = f"{_named(spec)} {spec}"
    if not path.exists():
        raise CatalogueUnusable(f"{label}: no such folder")
    if not path.is_dir():
        hint = f" (for a SQLite store write sqlite:///{path.resolve()})" if path.suffix in (".db", ".sqlite", ".sqlite3") else ""
        raise CatalogueUnusable(f"{label}: not a folder; expected a procedures/ folder or a database URL{hint}")
    if not any(path.iterdir()):
        raise CatalogueUnusable(f"{label}: the folder is empty")
    procedures = path / "catalogue"
    if not procedures.is_dir() or not any(p.suffix in (".yaml", ".yml") for p in procedures.rglob("*") if p.is_file()):
        hint = ""
        if path.name in ("catalogue", "sources", "rules", "documents") and (path.parent / "catalogue").is_dir():
            hint = f"; did you mean {path.parent}?"
        raise CatalogueUnusable(f"{label}: no procedures in it (no YAML file under {procedures}){hint}")


def check_store(url: str, label: str | None = None) -> None:
    """Raise :class:`CatalogueUnusable` unless the store at ``url`` exists and answers.

    Never creates anything; the message masks the password.
    """
    store = None
    try:
        store = _open_existing(url)
    except Exception as exc:  # noqa: BLE001 - any driver error: one line, no password
        raise CatalogueUnusable(_store_message(url, exc, label)) from None
    finally:
        if store is not None:
            store.close()


def check_spec(spec: str | None) -> None:
    """Validate what a command was told to load, before loading it (see :func:`select_catalogue`)."""
    if spec is None:
        spec = os.environ.get(CATALOGUE_ENV) or None
    if spec is None:
        url = os.environ.get(DATABASE_ENV)
        if url:
            check_store(url, DATABASE_ENV)
        return
    if not spec.strip():
        raise CatalogueUnusable(f"{_named(spec)} is empty: give a procedures/ folder or a database URL")
    if _is_url(spec):
        check_store(spec)
    else:
        check_folder(spec)


def _store_message(url: str, exc: BaseException, label: str | None = None) -> str:
    from .store.config import error_reason

    where = f" ({label})" if label else ""
    return f"cannot read the store at {_mask(url)}{where}: {error_reason(exc, url)}"


def _open_existing(url: str):
    from .store import open_store

    return open_store(url, create=False)


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
    # A reader: a mistyped SQLite URL must not become a new, empty store.
    store = _open_existing(url)
    try:
        return store.procedures()
    finally:
        close = getattr(store, "close", None)
        if close:
            close()


def select_catalogue(spec: str | None = None, with_store: bool = True, strict: bool = False) -> Selected:
    """Load the catalogue named by ``spec`` / ``ONCEONLY_CATALOGUE`` / the default.

    A database URL gives the shipped law (sources, rules, registry) with the
    procedures stored there; a folder gives that folder alone.

    With ``strict`` (the command line), what the user named must be usable:
    a missing or empty folder, a folder from which no procedure loads, or a
    store that does not exist or does not answer (also the default store and
    ``ONCEONLY_DATABASE_URL``) raises :class:`CatalogueUnusable` instead of
    giving an empty catalogue or the curated one alone. Without it (the
    server), such problems are returned in ``errors``, as data errors are.
    A store is never created here.
    """
    spec = spec or os.environ.get(CATALOGUE_ENV) or None
    if spec and not _is_url(spec):
        if strict:
            check_folder(spec)
        result = load_catalogue(Path(spec))
        if strict and not result.catalogue.procedures:
            first = f"; first: {result.errors[0]}" if result.errors else ""
            raise CatalogueUnusable(
                f"{_named(spec)} {spec}: no procedure could be loaded ({len(result.errors)} data error(s){first}); "
                f"run `onceonly check --catalogue {spec}`"
            )
        return Selected(result.catalogue, result.errors, f"folder {spec}")
    result = load_catalogue(DEFAULT_ROOT)
    cat, errors = result.catalogue, list(result.errors)
    url = spec or (default_store_url() if with_store else None)
    description = f"folder {DEFAULT_ROOT}"
    if url:
        try:
            procs = _imported(url)
        except Exception as exc:  # an unreachable store must not hide the curated catalogue
            if strict:
                label = None if spec else (DATABASE_ENV if os.environ.get(DATABASE_ENV) else "the default store")
                raise CatalogueUnusable(_store_message(url, exc, label)) from None
            from .store.config import error_reason

            errors.append(DataError(_mask(url), None, None, f"cannot read the store: {error_reason(exc, url)}"))
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
