"""What every command shares: catalogue selection, output formats, errors.

With ``--format json`` a command writes JSON and nothing else to stdout;
messages, warnings and progress bars go to stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import Annotated, Any, NoReturn

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from ..errors import OnceOnlyError
from ..selection import Selected, check_spec, select_catalogue

out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"


CatalogueOpt = Annotated[
    str | None,
    typer.Option(
        "--catalogue",
        envvar="ONCEONLY_CATALOGUE",
        help="A procedures/ folder or a database URL (default: shipped procedures/ + the default store).",
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
AsOfOpt = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Evaluation date, YYYY-MM-DD (default: today)."),
]


def as_date(value: dt.datetime | None) -> dt.date:
    return value.date() if value is not None else dt.date.today()


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, ``error: message``, and exit ``code`` (never wrapped, never markup)."""
    err.print(f"[red]error:[/red] {escape(message)}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def load(spec: str | None, quiet: bool = False) -> Selected:
    """Load the selected catalogue; data errors are reported on stderr, the rest is used.

    What the user named (``--catalogue``, ``ONCEONLY_CATALOGUE``,
    ``ONCEONLY_DATABASE_URL``, an existing default store) must be usable: a
    missing or empty catalogue or an unreadable store raises
    :class:`~engine.selection.CatalogueUnusable` (one ``error:`` line, exit 2
    under :func:`guarded`), never an empty table or the curated catalogue alone.
    """
    selected = select_catalogue(spec, strict=True)
    if selected.errors and not quiet:
        err.print(f"[yellow]warning:[/yellow] {len(selected.errors)} data error(s) skipped (run `onceonly check`)", markup=True)
    return selected


def emit_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n")
    sys.stdout.flush()


def guarded(func):
    """Turn onceonly errors into one clear line on stderr and exit code 2.

    A command with a ``catalogue`` parameter first checks that what it names
    exists and is not empty (:func:`~engine.selection.check_spec`): every
    catalogue command, ``check`` included, refuses a bad path the same way.
    """
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            if "catalogue" in kwargs:
                check_spec(kwargs["catalogue"])
            return func(*args, **kwargs)
        except OnceOnlyError as exc:
            fail(str(exc))

    return wrapper
