"""``onceonly keys create|list|revoke``: API keys of the HTTP API.

The token is printed once, at creation; the store keeps only its SHA-256.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from .common import Format, FormatOpt, LangOpt, emit_json, err, fail, more, out, say


class Role(str, Enum):
    portal = "portal"
    officer = "officer"
    admin = "admin"


DatabaseOpt = Annotated[
    Optional[str],
    typer.Option("--database", envvar="ONCEONLY_DATABASE_URL", help="Store URL (default: $ONCEONLY_HOME/onceonly.db)."),
]


def _engine(database: str | None, *, create: bool = False):
    """The store, or one ``error:`` line and exit 2. Only ``keys create`` may create a
    store (``create``): ``list`` and ``revoke`` read, and a mistyped URL must not
    become a new, empty SQLite file (or tables in the wrong database)."""
    from engine.store import display_url, open_store, resolve_url
    from engine.store.config import error_reason

    url = resolve_url(database)
    try:
        return open_store(url, create=create)
    except Exception as exc:  # noqa: BLE001 - any driver error: one line, never the password
        fail(f"cannot open the store at {display_url(url)}: {error_reason(exc, url)}")


def _row(k) -> dict:
    return {
        "id": k.id,
        "name": k.name,
        "role": k.role,
        "prefix": k.prefix,
        "rate_limit": k.rate_limit,
        "created_at": k.created_at.isoformat(),
        "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
    }


def register(app: typer.Typer) -> None:
    keys = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)
    app.add_typer(keys, name="keys")

    @keys.command("create")
    def create(
        name: Annotated[Optional[str], typer.Argument(help="Who uses the key, e.g. 'Hanoi portal' (default: the role).", show_default=False)] = None,
        role: Annotated[Role, typer.Option(help="portal | officer | admin")] = Role.portal,
        rate: Annotated[Optional[float], typer.Option(help="Requests/s for this key (default: the role's).")] = None,
        database: DatabaseOpt = None,
        lang: LangOpt = "vi",
        format: FormatOpt = Format.table,
    ) -> None:
        """Create a key and print its token (shown only now)."""
        from engine.store.api_repo import create_key

        name = name if name is not None else role.value
        store = _engine(database, create=True)
        try:
            record, token = create_key(store.engine, name, role.value, rate)
        except ValueError as exc:
            fail(str(exc))
        finally:
            store.close()
        if format is Format.json:
            emit_json({**_row(record), "token": token})
        else:
            out.print(token, highlight=False)
            err.print(say("key_created", lang, id=record.id, role=record.role), highlight=False)

    @keys.command("list")
    def list_(
        all_: Annotated[bool, typer.Option("--all", help="Include revoked keys.")] = False,
        limit: Annotated[int, typer.Option("--limit", help="Table: at most this many keys, newest first (the total is always said).")] = 50,
        database: DatabaseOpt = None,
        lang: LangOpt = "vi",
        format: FormatOpt = Format.table,
    ) -> None:
        """List keys (never their tokens)."""
        from rich.table import Table

        from engine.store.api_repo import list_keys

        store = _engine(database)
        try:
            rows = [_row(k) for k in list_keys(store.engine, include_revoked=all_)]
        finally:
            store.close()
        if format is Format.json:
            emit_json(rows)
            return
        if not rows:
            out.print(say("key_empty", lang), highlight=False)
            return
        table = Table()
        for key in ("key_id", "key_name", "key_role", "key_prefix", "key_rate", "key_created_at", "key_revoked_at"):
            table.add_column(say(key, lang))
        shown = sorted(rows, key=lambda r: r["id"], reverse=True)[: max(limit, 0)]
        for r in shown:
            table.add_row(
                str(r["id"]), r["name"], r["role"], r["prefix"] + "…", "" if r["rate_limit"] is None else f"{r['rate_limit']:g}",
                r["created_at"][:19], (r["revoked_at"] or "")[:19],
            )
        out.print(table)
        more(len(shown), len(rows), lang)

    @keys.command("revoke")
    def revoke(
        key_id: Annotated[int, typer.Argument(help="The key's id (see `onceonly keys list`).")],
        database: DatabaseOpt = None,
        lang: LangOpt = "vi",
        format: FormatOpt = Format.table,
    ) -> None:
        """Revoke a key; API workers stop accepting it within their key-cache time (5 s)."""
        from engine.store.api_repo import revoke_key

        store = _engine(database)
        try:
            record = revoke_key(store.engine, key_id)
        finally:
            store.close()
        if record is None:
            fail(say("key_none", lang, id=key_id))
        if format is Format.json:
            emit_json(_row(record))
        else:
            out.print(say("key_revoked", lang, id=record.id, name=record.name), highlight=False)
