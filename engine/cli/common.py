"""What every command shares: catalogue selection, output formats, errors.

With ``--format json`` a command writes JSON and nothing else to stdout;
messages, warnings and progress bars go to stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import OnceOnlyError

# Start-up: nothing heavy is imported here (no pydantic models, SQLAlchemy,
# networkx, openpyxl or durable); each command imports what it uses, so that
# `onceonly --help` stays well under a second (BENCHMARKS.md, issue 13).

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

LANGS = ("vi", "en")


def _check_lang(value: str) -> str:
    if value not in LANGS:
        raise typer.BadParameter(f"{value!r}: expected vi or en")
    return value


LangOpt = Annotated[
    str,
    typer.Option("--lang", envvar="ONCEONLY_LANG", callback=_check_lang, help="Ngôn ngữ / language: vi (mặc định) | en."),
]


def say(key: str, lang: str, **values) -> str:
    """A command-line text of :data:`engine.reports.labels.CLI` in ``lang``."""
    from ..reports.labels import say as _say

    return _say(key, lang, **values)


def more(shown: int, total: int, lang: str, what: str = "rows", json_hint: bool = False) -> None:
    """Say that a list was cut: "50 trên 153 dòng; --limit N để xem thêm" (nothing when it was not)."""
    if total > shown:
        out.print(
            say("more_json" if json_hint else "more", lang, shown=shown, total=total, what=say(what, lang)),
            highlight=False, markup=False,
        )


def day_text(day: dt.date, lang: str) -> str:
    """A date as an officer reads it: dd/mm/yyyy in Vietnamese, ISO in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()
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


def load(spec: str | None, quiet: bool = False):
    """Load the selected catalogue; data errors are reported on stderr, the rest is used.

    What the user named (``--catalogue``, ``ONCEONLY_CATALOGUE``,
    ``ONCEONLY_DATABASE_URL``, an existing default store) must be usable: a
    missing or empty catalogue or an unreadable store raises
    :class:`~engine.selection.CatalogueUnusable` (one ``error:`` line, exit 2
    under :func:`guarded`), never an empty table or the curated catalogue alone.
    """
    from ..selection import select_catalogue

    selected = select_catalogue(spec, strict=True)
    if selected.errors and not quiet:
        err.print(f"[yellow]warning:[/yellow] {len(selected.errors)} data error(s) skipped (run `onceonly check`)", markup=True)
    return selected


def emit_json(data: Any) -> None:
    import orjson

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
                from ..selection import check_spec

                check_spec(kwargs["catalogue"])
            return func(*args, **kwargs)
        except OnceOnlyError as exc:
            fail(str(exc))

    return wrapper
