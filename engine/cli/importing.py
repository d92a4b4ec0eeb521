"""``onceonly import`` and ``onceonly versions``: procedure records into the store.

The lead's CLI calls :func:`register` on its ``typer.Typer`` app. Results go
to stdout (a table, or only JSON with ``import --output-format json`` and
``versions --format json``); progress, problems and errors go to stderr, so
JSON output can be piped. Tables and messages are in Vietnamese, or English
with ``--lang en`` (texts: :data:`engine.cli.common.STORE_TEXTS`): the lines
about single records (skipped, ministry unknown), notes and ``error:`` lines
too, the importer's reasons in them said in that language
(:mod:`engine.cli.import_reasons`) and the places and names in them as they
are. The JSON output and ``--problems FILE`` keep the importer's own words.
"""

from __future__ import annotations

import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .common import STORE_TEXTS, LangOpt, moment_text, number_text, say
from .import_reasons import place, reason

#: Below this many records the progress bar is not worth drawing.
PROGRESS_MIN = 50
#: Problems listed on stderr in table mode (all of them are in the JSON).
PROBLEMS_SHOWN = 20


class Format(str, Enum):
    table = "table"
    json = "json"


IntoOption = Annotated[
    str | None,
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


def _error(err: Console, message: str, lang: str, *, translate: bool = True) -> None:
    """One ``error:`` line (``lỗi:`` in Vietnamese), the message's reasons in ``lang``
    (``translate=False``: a message already in ``lang``)."""
    text = reason(message, lang) if translate else message
    err.print(f"[red]{say('im_error', lang)}:[/red] {escape(text)}", highlight=False, soft_wrap=True)


def _open(into: str | None, err: Console, *, create: bool = True, lang: str = "en"):
    """Open the store or exit 2 with one line that never shows a password.

    ``create=False`` (readers): the database must already hold a store. The
    driver's reason is its own; ``lang`` words the rest of the line.
    """
    from engine.store import display_url, open_store, resolve_url
    from engine.store.config import error_reason

    url = resolve_url(into)
    try:
        return open_store(url, create=create)
    except Exception as exc:  # noqa: BLE001 - any driver error: report and stop
        _error(err, say("im_open_failed", lang, url=display_url(url), reason=error_reason(exc, url)), lang, translate=False)
        raise typer.Exit(2) from None


def _latest_version(store) -> Any:
    """The newest catalogue version row, or None (None too if the store cannot say)."""
    try:
        versions = store.versions()
    except Exception:  # noqa: BLE001 - after an interrupt: say what we can
        return None
    return versions[-1] if versions else None


def _versions_after(store, before: Any) -> list:
    try:
        versions = store.versions()
    except Exception:  # noqa: BLE001 - after an interrupt: say what we can
        return []
    return [v for v in versions if before is None or v.id > before.id]


def _ids(versions: list, lang: str = "en") -> str:
    ids = [v.id for v in versions]
    if len(ids) == 1:
        return say("im_version_one", lang, id=ids[0])
    return say("im_version_many", lang, first=ids[0], last=ids[-1])


def _interrupted(err: Console, store, before: Any, read: int, total: int | None, finished: bool | None = None,
                 lang: str = "en") -> None:
    """Say, in one line, what an interrupted import wrote and what it did not."""
    url = store.url
    after = _versions_after(store, before)
    if not total and not read:
        seen = say("im_seen_none", lang)
    elif total is None:
        seen = say("im_seen_some_unknown", lang, read=read)
    elif read < total:
        seen = say("im_seen_some", lang, read=read, total=total)
    else:
        seen = say("im_seen_writing", lang, total=total)
    written = sum(v.added + v.updated for v in after)
    added, updated = sum(v.added for v in after), sum(v.updated for v in after)
    if after:
        figures = {"seen": seen, "written": written, "added": added, "updated": updated, "ids": _ids(after, lang), "url": url}
        message = say("im_interrupted_done" if finished or finished is None else "im_interrupted_part", lang, **figures)
    else:
        done = say("im_written_none_of", lang, total=total) if total else say("im_written_none", lang)
        message = say("im_interrupted_none", lang, seen=seen, done=done, url=url)
    _error(err, message, lang)


class InputFormat(str, Enum):
    auto = "auto"
    folder = "folder"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


#: ``--format`` names the input format; ``table`` (and ``json`` with a folder) are the
#: output formats it named before, still read so.
class FormatChoice(str, Enum):
    auto = "auto"
    folder = "folder"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"
    table = "table"


def _formats(err: Console, path: Path, format: FormatChoice | None, input_format: InputFormat | None,
             output_format: Format | None, lang: str = "en") -> tuple[str, Format]:
    """Settle the input and output formats from ``--format``, ``--input-format`` and ``--output-format``."""
    given_input = input_format.value if input_format is not None else None
    output = output_format
    if format is not None:
        legacy = format is FormatChoice.table or (format is FormatChoice.json and path.is_dir())
        if legacy:
            # Before --format named the input, it named the output (table or json).
            if output is None:
                output = Format(format.value)
            if format is FormatChoice.json:
                err.print(f"{say('im_note', lang)}: {say('im_legacy_json', lang)}", highlight=False, markup=False)
        elif given_input is not None and given_input != format.value:
            _error(err, say("im_disagree", lang, a=format.value, b=given_input), lang)
            raise typer.Exit(2)
        else:
            given_input = format.value
    return given_input or "auto", output or Format.table


def import_command(
    path: Annotated[Path, typer.Argument(
        help="A folder tree of portal records (<ministry>/<code>.json), a JSON array (.json), JSON Lines "
        "(.jsonl/.ndjson), a CSV (.csv/.tsv) or an Excel workbook (.xlsx).", exists=True,
    )],
    into: IntoOption = None,
    report: Annotated[bool, typer.Option("--report", help="Add parsing and recognition figures (parses every record).")] = False,
    format: Annotated[FormatChoice | None, typer.Option(
        "--format",
        help="How to read PATH: auto (a folder is 'folder'; the suffix tells .jsonl/.ndjson, .csv/.tsv, .xlsx; "
        "a .json file starting with '[' is 'json'), folder, json, jsonl, csv or xlsx. Every format is streamed. "
        "'table', and 'json' given with a folder, still mean the output format, as --format did before.",
        show_default=False,
    )] = None,
    input_format: Annotated[InputFormat | None, typer.Option(
        "--input-format", help="Same as --format (kept for scripts written before).", show_default=False,
    )] = None,
    output_format: Annotated[Format | None, typer.Option(
        "--output-format", help="table (human) or json (stdout is JSON only). Default: table.", show_default=False,
    )] = None,
    mapping: Annotated[str | None, typer.Option(
        "--mapping",
        help="A mapping file (YAML: which field is the code, name, agency, dossier ...), or the name of a "
        "shipped one in procedures/imports/ (portal-crawl, dossier-objects). Default: the shipped mapping "
        "whose 'detect' fields the records have, else portal-crawl.",
        show_default=False,
    )] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Procedures written per transaction (one catalogue version each).",
    )] = 1000,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0,
        help="Processes that parse (0: this one). Default: the CPUs, at most 4, from 5,000 records on.",
        show_default=False,
    )] = None,
    reparse: Annotated[bool, typer.Option(
        "--reparse", help="Parse every record, even those unchanged since an earlier import.",
    )] = False,
    problems_file: Annotated[Path | None, typer.Option(
        "--problems", help="Also write every rejected record (place, field, reason) to this CSV file.",
        show_default=False,
    )] = None,
    show_progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="A progress bar on stderr. Default: on a terminal, for 50 records or more.",
        show_default=False,
    )] = None,
    lang: LangOpt = "vi",
) -> None:
    """Import procedure records into the catalogue store, in batches of catalogue versions.

    A record's ministry is its folder when that is an agency id of
    procedures/agencies.yaml, else the agency its own agency field names
    (co_quan_thuc_hien, then co_quan_co_tham_quyen; names and the aliases of
    procedures/agency-aliases.yaml), else "unknown" (counted in the summary).
    A record without a code gets a synthetic one (0.000000.x + a hash of its
    agency and name). A record that cannot be read or parsed is reported with
    its place (file.csv:12, book.xlsx#Sheet:12, crawl.jsonl:7, records.json#3)
    and field; the rest imports. Each batch is one transaction: Ctrl-C keeps
    the batches already written, rolls back the one being written, and says
    which (exit 130).
    """
    from engine.errors import DataError
    from engine.importer import ImportInterrupted, choose_mapping, import_path
    from engine.imports import ImportFormatError, MappingError, find_mapping, read_path

    err = Console(stderr=True, force_terminal=True if show_progress else None)
    input_format_value, out_format = _formats(err, path, format, input_format, output_format, lang)
    chosen = None
    try:  # a PATH or mapping that cannot be used: say so before opening the store
        if mapping is not None:
            chosen = find_mapping(mapping)
        choose_mapping(read_path(path, input_format_value), chosen, path)
    except (ImportFormatError, DataError) as exc:
        for line in str(exc).splitlines():
            _error(err, line, lang)
        raise typer.Exit(2) from None
    store = _open(into, err, lang=lang)
    bar = Progress(
        TextColumn(say("im_progress", lang)), BarColumn(), MofNCompleteColumn(), TextColumn(say("im_progress_records", lang)),
        TimeElapsedColumn(), TimeRemainingColumn(),
        console=err, transient=True, auto_refresh=False,
        disable=not (show_progress if show_progress is not None else err.is_terminal),
    )
    task = bar.add_task("records", total=None)
    seen = {"read": 0, "total": 0, "drawn": 0.0}

    def progress(done: int, total: int) -> None:
        seen["read"], seen["total"] = done, total
        now = time.monotonic()
        if total >= PROGRESS_MIN and (now - seen["drawn"] >= 0.1 or done >= total):
            seen["drawn"] = now
            bar.update(task, completed=done, total=total)
            bar.refresh()

    before = _latest_version(store)
    try:
        with bar:
            result = import_path(
                path, store, format=input_format_value, report=report, progress=progress, mapping=chosen,
                batch_size=batch_size, workers=workers, reuse=not reparse,
            )
    except ImportInterrupted as exc:
        _interrupted(err, store, before, exc.read, exc.total, exc.finished, lang)
        store.close()
        raise typer.Exit(130) from None
    except KeyboardInterrupt:
        _interrupted(err, store, before, seen["read"], seen["total"], lang=lang)
        store.close()
        raise typer.Exit(130) from None
    except MappingError as exc:
        store.close()
        for error in exc.errors:
            _error(err, str(error), lang)
        raise typer.Exit(2) from None
    except (ImportFormatError, DataError) as exc:
        store.close()
        _error(err, str(exc), lang)
        raise typer.Exit(2) from None
    store.close()
    if problems_file is not None:
        _write_problems(problems_file, result.problems)
    if out_format is Format.json:
        _emit_json({"store": store.url, **result.to_json()})
    else:
        _print_problems(err, result.problems, problems_file, lang)
        _print_unknown(err, result, lang)
        for notice in result.notices:
            err.print(f"[yellow]{say('im_note', lang)}[/yellow] {escape(reason(notice, lang))}", highlight=False)
        out = Console()
        out.print(_summary_table(result, store.url, lang))
        if result.report is not None:
            _print_report(out, result.report, lang)
    if result.exit_code:
        err.print(f"[red]{escape(say('im_nothing', lang))}[/red]")
    raise typer.Exit(result.exit_code)


def _write_problems(path: Path, problems: list) -> None:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["where", "field", "reason", "ministry"])
        for p in problems:
            writer.writerow([p.file, p.field, p.reason, p.ministry])


def _print_problems(err: Console, problems: list, written: Path | None = None, lang: str = "en") -> None:
    """The first skipped records, one line each: ``skipped PLACE: FIELD: REASON`` (``bỏ qua ...`` in Vietnamese)."""
    label = say("im_skipped_line", lang)
    for problem in problems[:PROBLEMS_SHOWN]:
        where = f"{problem.file}: {place(problem.field, lang)}" if problem.field else problem.file
        err.print(f"[yellow]{escape(label)}[/yellow] {escape(where)}: {escape(reason(problem.reason, lang))}", highlight=False)
    if len(problems) > PROBLEMS_SHOWN:
        rest = say("im_more_skipped_in", lang, file=written) if written else say("im_more_skipped_see", lang)
        err.print(say("im_more_skipped", lang, n=len(problems) - PROBLEMS_SHOWN, rest=rest), highlight=False, markup=False)


def _print_unknown(err: Console, result, lang: str = "en") -> None:
    unknown = result.unknown_ministry
    label, why = say("im_unknown_line", lang), say("im_unknown_why", lang)
    for where in unknown[:PROBLEMS_SHOWN]:
        err.print(f"[yellow]{escape(label)}[/yellow] {escape(where)}: {escape(why)}", highlight=False)
    count = result.ministry_from.get("unknown", 0)
    if count > PROBLEMS_SHOWN:
        err.print(say("im_more_unknown", lang, n=count - PROBLEMS_SHOWN), highlight=False, markup=False)


def _summary_table(result, store_url: str, lang: str = "vi") -> Table:
    s = result.summary
    table = Table(title=say("im_title", lang), show_header=False)
    table.add_column(say("im_figure", lang))
    table.add_column(say("im_value", lang), justify="right")
    if not result.versions:
        version = say("im_version_none", lang)
    elif len(result.versions) == 1:
        version = str(result.versions[0])
    else:
        version = say("im_version_range", lang, first=result.versions[0], last=result.versions[-1], n=len(result.versions))
    rows = [
        ("im_store", store_url),
        ("im_source", say("im_source_value", lang, folder=result.source_folder, mapping=result.mapping,
                          format=say(f"im_fmt_{result.format}", lang) if f"im_fmt_{result.format}" in STORE_TEXTS else result.format)),
        ("im_version", version),
        ("im_records", str(result.records)),
        ("im_parsed", str(result.parsed)),
        ("im_rejected", str(result.rejected)),
        ("im_added", str(s.added)),
        ("im_updated", str(s.updated)),
        ("im_unchanged", str(s.unchanged)),
    ]
    if result.reused:
        rows.append(("im_reused", str(result.reused)))
    if result.from_full_text:
        rows.append(("im_full_text", str(result.from_full_text)))
    if result.synthetic_codes:
        rows.append(("im_synthetic", str(result.synthetic_codes)))
    if result.ministry_from.get("agency"):
        rows.append(("im_from_agency", str(result.ministry_from["agency"])))
    if result.ministry_from.get("unknown"):
        rows.append(("im_unknown", str(result.ministry_from["unknown"])))
    if s.stale:
        rows.append(("im_stale", str(s.stale)))
    if s.duplicates:
        rows.append(("im_duplicates", str(s.duplicates)))
    rows.append(("im_seconds", number_text(result.seconds, lang, 2) + (say("im_workers", lang, n=result.workers) if result.workers else "")))
    for key, value in rows:
        table.add_row(say(key, lang), escape(value))
    return table


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _print_report(out: Console, report: dict, lang: str = "vi") -> None:
    per = report["entries_per_procedure"]
    out.print(say(
        "im_report", lang, parsed=report["parsed"], records=report["records"], entries=report["entries"],
        mean=per["mean"], median=per["median"], max=per["max"], share=_pct(report["recognised_share"]),
    ), markup=False)
    ministries = Table(title=say("im_per_ministry", lang))
    ministries.add_column(say("im_ministry", lang), no_wrap=True)
    for key in ("im_procedures", "im_skipped", "im_entries", "im_per_procedure", "im_recognised"):
        ministries.add_column(say(key, lang), justify="right")
    for name, m in report["ministries"].items():
        ministries.add_row(
            name, str(m["procedures"]), str(m["skipped"]), str(m["entries"]),
            str(m["entries_per_procedure"]["mean"] or "-"), _pct(m["recognised_share"]),
        )
    out.print(ministries)
    phrases = Table(title=say("im_phrases", lang))
    phrases.add_column(say("im_count", lang), justify="right")
    phrases.add_column(say("im_entry", lang))
    for item in report["unrecognised_phrases"]:
        phrases.add_row(str(item["count"]), escape(item["phrase"]))
    out.print(phrases)


def versions_command(
    into: IntoOption = None,
    format: FormatOption = Format.table,
    code: Annotated[str | None, typer.Option("--code", help="Only changes of this procedure code.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Changes listed per version in table mode.")] = 10,
    lang: LangOpt = "vi",
) -> None:
    """List the catalogue versions and what each changed."""
    from engine.store.config import DATABASE_URL_ENV, DB_FILENAME, default_home

    err = Console(stderr=True)
    if into is None and not os.environ.get(DATABASE_URL_ENV) and not (default_home() / DB_FILENAME).exists():
        # The default store is absent until the first import: no error, and nothing created.
        if format is Format.json:
            _emit_json([])
        else:
            Console().print(say("vs_none", lang), markup=False, highlight=False)
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
            {**_shown_version(v), "changes": [e.model_dump(mode="json") for e in changes.get(v.id, [])]}
            for v in versions
        ])
        return
    out = Console()
    if not versions:
        out.print(say("vs_none", lang), markup=False, highlight=False)
        return
    table, dropped = _versions_table(out, versions, lang)
    out.print(table)
    if dropped:
        out.print(say("vs_dropped", lang, columns=", ".join(say(k, lang) for k in dropped)), highlight=False, markup=False)
    for v in versions:
        entries = [e for e in changes.get(v.id, []) if e.kind != "added" or code is not None]
        if not entries:
            continue
        heading = say("vs_changed", lang, id=v.id, n=len(entries)) + ("" if code else say("vs_no_additions", lang))
        out.print(f"[bold]{escape(heading)}[/bold]", highlight=False)
        for entry in entries[:limit]:
            out.print(f"  {entry.code} {say('vs_kind_' + entry.kind, lang)}", highlight=False, markup=False)
            for text in entry.requirements_added:
                out.print(f"    + {escape(text)}", highlight=False)
            for text in entry.requirements_removed:
                out.print(f"    - {escape(text)}", highlight=False)
            others = [f for f in entry.fields_changed if f != "requirements"]
            if others:
                out.print("    " + say("vs_fields", lang, fields=", ".join(others)), highlight=False, markup=False)
        if len(entries) > limit:
            out.print("  " + say("vs_more", lang, n=len(entries) - limit), highlight=False, markup=False)


VERSION_COLUMNS = ("vs_version", "vs_created", "vs_source", "vs_records", "vs_added", "vs_updated", "vs_unchanged", "vs_skipped")
#: The source folder's width below which the narrow layouts give up a column rather than fold the name further.
SOURCE_MIN = 10
#: Layouts for a narrow terminal, tried in turn: (the time under the date, the columns left out).
NARROW_LAYOUTS = (
    (False, ()),
    (True, ()),
    (True, ("vs_unchanged",)),
    (True, ("vs_unchanged", "vs_records")),
    (True, ("vs_unchanged", "vs_records", "vs_skipped")),
)


def _versions_table(console: Console, versions: list, lang: str) -> tuple[Table, tuple[str, ...]]:
    """The versions table as wide as the terminal allows, and the columns it left out.

    As wide as its cells when that fits; else each header broken between its words to
    the width of its column's cells, then also the time under the date, then without "unchanged", then without
    "records", then without "skipped" (all in ``--format json``). Only the source
    folder wraps (folded), so no date or figure is cut.
    """
    from rich.measure import Measurement

    def build(narrow: bool, split: bool, dropped: tuple[str, ...], source_max: int | None) -> Table:
        keys = [k for k in VERSION_COLUMNS if k not in dropped]
        rows = []
        for v in versions:
            created = moment_text(v.created_at, lang)
            cells = {
                "vs_version": str(v.id), "vs_created": created.replace(" ", "\n", 1) if split else created,
                "vs_source": v.source_folder, "vs_records": str(v.records), "vs_added": str(v.added),
                "vs_updated": str(v.updated), "vs_unchanged": str(v.unchanged), "vs_skipped": str(v.skipped),
            }
            rows.append([cells[k] for k in keys])
        table = Table(title=say("vs_title", lang))
        for i, key in enumerate(keys):
            header = say(key, lang)
            widest = max(len(line) for row in rows for line in row[i].split("\n"))
            if key == "vs_source":
                room = max(max(len(w) for w in header.split()), min(SOURCE_MIN, widest))
                table.add_column(_fold(header, room) if narrow else header, overflow="fold", min_width=room,
                                 max_width=None if source_max is None else max(room, source_max))
            else:
                table.add_column(_fold(header, widest) if narrow else header, no_wrap=narrow,
                                 justify="left" if key == "vs_created" else "right")
        for row in rows:
            table.add_row(*row)
        return table

    def width(table: Table) -> int:  # as wide as its cells, unbounded (a measure is clamped to the options' width)
        return Measurement.get(console, console.options.update_width(10_000), table).maximum

    wide = build(False, False, (), None)
    if width(wide) <= console.width:
        return wide, ()
    for split, dropped in NARROW_LAYOUTS:
        # Fits when the source folder, folded down to SOURCE_MIN, leaves room for every other cell.
        if width(build(True, split, dropped, SOURCE_MIN)) <= console.width:
            return build(True, split, dropped, None), dropped
    return build(True, *NARROW_LAYOUTS[-1], None), NARROW_LAYOUTS[-1][1]


def _fold(header: str, width: int) -> str:
    """``header`` on lines of at most ``width`` characters (or one word), broken between words."""
    lines: list[str] = []
    for word in header.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _shown_version(version) -> dict:
    """A version as JSON, its re-use fingerprints (engine.imports.reuse) summed up rather than listed."""
    data = version.model_dump(mode="json")
    reuse = (data.get("counts") or {}).get("reuse")
    if isinstance(reuse, dict):
        from engine.imports.reuse import unpack

        try:
            fingerprints = len(unpack(reuse.get("parsed") or ""))
        except (ValueError, TypeError):
            fingerprints = 0
        data["counts"]["reuse"] = {"parser": reuse.get("parser"), "fingerprints": fingerprints,
                                   "rejected": len(reuse.get("rejected") or [])}
    return data


def register(app: typer.Typer) -> None:
    """Add the ``import`` and ``versions`` commands to ``app``."""
    app.command("import")(import_command)
    app.command("versions")(versions_command)
