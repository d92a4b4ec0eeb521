"""``onceonly import`` and ``onceonly versions``: portal records into the store.

The lead's CLI calls :func:`register` on its ``typer.Typer`` app. Results go
to stdout (a table, or only JSON with ``--format json``); progress, problems
and errors go to stderr, so ``--format json`` output can be piped.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

#: Below this many records the progress bar is not worth drawing.
PROGRESS_MIN = 50
#: Problems listed on stderr in table mode (all of them are in the JSON).
PROBLEMS_SHOWN = 20


class Format(str, Enum):
    table = "table"
    json = "json"


IntoOption = Annotated[
    Optional[str],
    typer.Option(
        "--into",
        help="Database URL (postgresql+psycopg://...) or SQLite file. "
        "Default: $ONCEONLY_DATABASE_URL, else $ONCEONLY_HOME/onceonly.db "
        "(ONCEONLY_HOME defaults to ~/.local/share/onceonly).",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="table (human) or json (stdout is JSON only).")]


def _emit_json(data: Any) -> None:
    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")


def _open(into: str | None, err: Console, *, create: bool = True):
    """Open the store or exit 2 with one line that never shows a password.

    ``create=False`` (readers): the database must already hold a store.
    """
    from engine.store import display_url, open_store, resolve_url
    from engine.store.config import error_reason

    url = resolve_url(into)
    try:
        return open_store(url, create=create)
    except Exception as exc:  # noqa: BLE001 - any driver error: report and stop
        err.print(
            f"[red]error:[/red] cannot open the store at {escape(display_url(url))}: {escape(error_reason(exc, url))}",
            highlight=False, soft_wrap=True,
        )
        raise typer.Exit(2) from None


def _latest_version(store) -> Any:
    """The newest catalogue version row, or None (None too if the store cannot say)."""
    try:
        versions = store.versions()
    except Exception:  # noqa: BLE001 - after an interrupt: say what we can
        return None
    return versions[-1] if versions else None


def _interrupted(err: Console, store, before: Any, read: int, total: int) -> None:
    """Say, in one line, what an interrupted import wrote and what it did not."""
    url = store.url
    after = _latest_version(store)
    if not total:
        seen = "before any record was read"
    elif read < total:
        seen = f"after reading {read} of {total} record(s)"
    else:
        seen = f"while writing the {total} record(s) read"
    if after is not None and (before is None or after.id != before.id):
        # The one transaction had committed when the interrupt came.
        written = after.added + after.updated
        message = (
            f"interrupted {seen}, after the import was written: {written} procedure(s) written "
            f"({after.added} added, {after.updated} updated) as catalogue version {after.id} in {url}; "
            "nothing is missing from it"
        )
    else:
        written = f"0 of {total} record(s) written" if total else "0 records written"
        message = (
            f"interrupted {seen}: {written}; the store at {url} is unchanged and "
            "consistent (an import is written in one transaction, which was not committed)"
        )
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


class InputFormat(str, Enum):
    auto = "auto"
    folder = "folder"
    json = "json"
    jsonl = "jsonl"


def import_command(
    path: Annotated[Path, typer.Argument(
        help="A folder tree of portal records (<ministry>/<code>.json), one JSON file holding an "
        "array of records, or a JSON Lines file (one record per line).", exists=True,
    )],
    into: IntoOption = None,
    report: Annotated[bool, typer.Option("--report", help="Add parsing and recognition figures.")] = False,
    format: FormatOption = Format.table,
    input_format: Annotated[InputFormat, typer.Option(
        "--input-format",
        help="How to read PATH. auto: a folder is 'folder'; .jsonl/.ndjson is 'jsonl' (read line by line); "
        "a .json file starting with '[' is 'json' (the array is loaded whole, not streamed). "
        "(--format stays the output format: table or json.)",
    )] = InputFormat.auto,
) -> None:
    """Import portal records into the catalogue store as a new catalogue version.

    A record's ministry is its folder when that is an agency id of
    procedures/agencies.yaml, else the agency its own agency field names
    (co_quan_thuc_hien, then co_quan_co_tham_quyen), else "unknown" (counted
    in the summary). A record that cannot be read is reported with file,
    line (JSON Lines) or record number (file.json#N), and field; the rest
    imports. The records are written in one transaction: Ctrl-C writes
    nothing unless the import had already committed, and says which (exit 130).
    """
    from engine.importer import import_path
    from engine.imports import ImportFormatError, read_path

    err = Console(stderr=True)
    try:  # a PATH that cannot be read in that format: say so before opening the store
        read_path(path, input_format.value)
    except ImportFormatError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    store = _open(into, err)
    bar = Progress(
        TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )
    task = bar.add_task("records", total=None)
    seen = {"read": 0, "total": 0}

    def progress(done: int, total: int) -> None:
        seen["read"], seen["total"] = done, total
        if total >= PROGRESS_MIN:
            bar.update(task, completed=done, total=total)

    before = _latest_version(store)
    try:
        with bar:
            result = import_path(path, store, format=input_format.value, report=report, progress=progress)
    except KeyboardInterrupt:
        _interrupted(err, store, before, seen["read"], seen["total"])
        raise typer.Exit(130) from None
    finally:
        store.close()
    if format is Format.json:
        _emit_json({"store": store.url, **result.to_json()})
    else:
        _print_problems(err, result.problems)
        _print_unknown(err, result.unknown_ministry)
        out = Console()
        out.print(_summary_table(result, store.url))
        if result.report is not None:
            _print_report(out, result.report)
    if result.exit_code:
        err.print("[red]nothing could be imported[/red]")
    raise typer.Exit(result.exit_code)


def _print_problems(err: Console, problems: list) -> None:
    for problem in problems[:PROBLEMS_SHOWN]:
        where = f"{problem.file}: {problem.field}" if problem.field else problem.file
        err.print(f"[yellow]skipped[/yellow] {escape(where)}: {escape(problem.reason)}", highlight=False)
    if len(problems) > PROBLEMS_SHOWN:
        err.print(f"... and {len(problems) - PROBLEMS_SHOWN} more skipped records (see --format json)")


def _print_unknown(err: Console, unknown: list[str]) -> None:
    for where in unknown[:PROBLEMS_SHOWN]:
        err.print(
            f"[yellow]ministry unknown[/yellow] {escape(where)}: no ministry folder, and no agency field "
            "names an agency of procedures/agencies.yaml", highlight=False,
        )
    if len(unknown) > PROBLEMS_SHOWN:
        err.print(f"... and {len(unknown) - PROBLEMS_SHOWN} more records of unknown ministry (see --format json)")


def _summary_table(result, store_url: str) -> Table:
    s = result.summary
    table = Table(title="Import", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        ("store", store_url),
        ("source", f"{result.source_folder} ({result.format})"),
        ("catalogue version", str(s.version) if s.version is not None else "none (nothing changed)"),
        ("records found", str(result.records)),
        ("parsed", str(result.parsed)),
        ("skipped (bad records)", str(len(result.problems))),
        ("added", str(s.added)),
        ("updated", str(s.updated)),
        ("unchanged", str(s.unchanged)),
    ]
    if result.ministry_from.get("agency"):
        rows.append(("ministry from agency field", str(result.ministry_from["agency"])))
    if result.ministry_from.get("unknown"):
        rows.append(("ministry unknown", str(result.ministry_from["unknown"])))
    if s.stale:
        rows.append(("stale (older than stored)", str(s.stale)))
    if s.duplicates:
        rows.append(("duplicate codes", str(s.duplicates)))
    rows.append(("seconds", f"{result.seconds:.2f}"))
    for row in rows:
        table.add_row(*row)
    return table


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _print_report(out: Console, report: dict) -> None:
    per = report["entries_per_procedure"]
    out.print(
        f"{report['parsed']} of {report['records']} records parsed; {report['entries']} entries "
        f"(mean {per['mean']}, median {per['median']}, max {per['max']} per procedure); "
        f"{_pct(report['recognised_share'])} with a recognised document type."
    )
    ministries = Table(title="Per ministry")
    ministries.add_column("ministry", no_wrap=True)
    for name in ("procedures", "skipped", "entries", "per procedure", "recognised"):
        ministries.add_column(name, justify="right")
    for name, m in report["ministries"].items():
        ministries.add_row(
            name, str(m["procedures"]), str(m["skipped"]), str(m["entries"]),
            str(m["entries_per_procedure"]["mean"] or "-"), _pct(m["recognised_share"]),
        )
    out.print(ministries)
    phrases = Table(title="Most frequent unrecognised entries")
    phrases.add_column("count", justify="right")
    phrases.add_column("entry")
    for item in report["unrecognised_phrases"]:
        phrases.add_row(str(item["count"]), escape(item["phrase"]))
    out.print(phrases)


def versions_command(
    into: IntoOption = None,
    format: FormatOption = Format.table,
    code: Annotated[Optional[str], typer.Option("--code", help="Only changes of this procedure code.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Changes listed per version in table mode.")] = 10,
) -> None:
    """List the catalogue versions and what each changed."""
    from engine.store.config import DATABASE_URL_ENV, DB_FILENAME, default_home

    err = Console(stderr=True)
    if into is None and not os.environ.get(DATABASE_URL_ENV) and not (default_home() / DB_FILENAME).exists():
        # The default store is absent until the first import: no error, and nothing created.
        if format is Format.json:
            _emit_json([])
        else:
            Console().print("no catalogue versions yet: run `onceonly import PATH`")
        return
    store = _open(into, err, create=False)  # a reader: a mistyped URL is an error, not a new store
    try:
        versions = store.versions()
        history = store.history(code=code)
    finally:
        store.close()
    changes: dict[int, list] = {}
    for entry in history:
        changes.setdefault(entry.version, []).append(entry)
    if code is not None:
        versions = [v for v in versions if v.id in changes]
    if format is Format.json:
        _emit_json([
            {**v.model_dump(mode="json"), "changes": [e.model_dump(mode="json") for e in changes.get(v.id, [])]}
            for v in versions
        ])
        return
    out = Console()
    if not versions:
        out.print("no catalogue versions yet: run `onceonly import PATH`")
        return
    table = Table(title="Catalogue versions")
    for name in ("version", "created (UTC)", "source folder", "records", "added", "updated", "unchanged", "skipped"):
        table.add_column(name, justify="right" if name not in ("source folder", "created (UTC)") else "left")
    for v in versions:
        table.add_row(
            str(v.id), v.created_at.strftime("%Y-%m-%d %H:%M:%S"), v.source_folder, str(v.records),
            str(v.added), str(v.updated), str(v.unchanged), str(v.skipped),
        )
    out.print(table)
    for v in versions:
        entries = [e for e in changes.get(v.id, []) if e.kind != "added" or code is not None]
        if not entries:
            continue
        out.print(f"[bold]version {v.id}[/bold]: {len(entries)} procedure(s) changed" + ("" if code else " (additions not listed)"))
        for entry in entries[:limit]:
            out.print(f"  {entry.code} {entry.kind}", highlight=False)
            for text in entry.requirements_added:
                out.print(f"    + {escape(text)}", highlight=False)
            for text in entry.requirements_removed:
                out.print(f"    - {escape(text)}", highlight=False)
            others = [f for f in entry.fields_changed if f != "requirements"]
            if others:
                out.print(f"    fields: {', '.join(others)}", highlight=False)
        if len(entries) > limit:
            out.print(f"  ... and {len(entries) - limit} more (--format json lists all)")


def register(app: typer.Typer) -> None:
    """Add the ``import`` and ``versions`` commands to ``app``."""
    app.command("import")(import_command)
    app.command("versions")(versions_command)
