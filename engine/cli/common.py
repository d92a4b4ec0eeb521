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


#: The words of ``onceonly import`` and ``onceonly versions``, in the form of
#: :data:`engine.reports.labels.CLI` (Vietnamese, English; ``str.format``
#: fields) and read through :func:`say` like it. Keys start with ``im_`` or
#: ``vs_`` and are not keys of ``CLI`` (tests/cli/test_language_import.py).
STORE_TEXTS: dict[str, tuple[str, str]] = {
    # import: the summary table
    "im_title": ("Nhập dữ liệu", "Import"),
    "im_figure": ("Chỉ số", "figure"),
    "im_value": ("Giá trị", "value"),
    "im_store": ("Kho dữ liệu", "store"),
    "im_source": ("Nguồn", "source"),
    "im_source_value": ("{folder} ({format}, ánh xạ {mapping})", "{folder} ({format}, mapping {mapping})"),
    # the input's format, as --format names it
    "im_fmt_folder": ("thư mục", "folder"),
    "im_fmt_json": ("mảng JSON", "json"),
    "im_fmt_jsonl": ("JSON Lines", "jsonl"),
    "im_fmt_csv": ("bảng CSV", "csv"),
    "im_fmt_xlsx": ("bảng tính Excel", "xlsx"),
    "im_fmt_table": ("bảng", "table"),
    "im_version": ("Phiên bản danh mục", "catalogue version"),
    "im_version_none": ("không có (không có gì thay đổi)", "none (nothing changed)"),
    "im_version_range": ("{first}-{last} ({n} lô)", "{first}-{last} ({n} batches)"),
    "im_records": ("Bản ghi tìm thấy", "records found"),
    "im_parsed": ("Đã phân tích", "parsed"),
    "im_rejected": ("Bỏ qua (bản ghi lỗi)", "skipped (bad records)"),
    "im_added": ("Thêm mới", "added"),
    "im_updated": ("Cập nhật", "updated"),
    "im_unchanged": ("Không đổi", "unchanged"),
    "im_reused": ("Không đổi, không phân tích lại", "unchanged, not parsed again"),
    "im_full_text": ("Thành phần hồ sơ đọc từ toàn văn", "dossier read from the full text"),
    "im_synthetic": ("Mã tạm (bản ghi không có mã)", "synthetic codes (no code given)"),
    "im_from_agency": ("Bộ, ngành lấy từ trường cơ quan thực hiện", "ministry from agency field"),
    "im_unknown": ("Không xác định được bộ, ngành", "ministry unknown"),
    "im_stale": ("Cũ hơn bản đã lưu", "stale (older than stored)"),
    "im_duplicates": ("Mã trùng", "duplicate codes"),
    "im_seconds": ("Thời gian (giây)", "seconds"),
    "im_workers": (" ({n} tiến trình phân tích)", " ({n} parsing processes)"),
    # import: progress and outcome
    "im_progress": ("đang nhập", "importing"),
    "im_progress_records": ("bản ghi", "records"),
    "im_nothing": ("không nhập được bản ghi nào", "nothing could be imported"),
    # import: lines on stderr (the reasons in them: engine.cli.import_reasons)
    "im_error": ("lỗi", "error"),
    "im_note": ("lưu ý", "note"),
    "im_skipped_line": ("bỏ qua", "skipped"),
    "im_unknown_line": ("không rõ bộ, ngành", "ministry unknown"),
    "im_unknown_why": (
        ("không nằm trong thư mục của bộ, ngành nào, và không trường cơ quan nào nêu một cơ quan của "
         "procedures/agencies.yaml hay procedures/agency-aliases.yaml"),
        ("no ministry folder, and no agency field names an agency of procedures/agencies.yaml or "
         "procedures/agency-aliases.yaml"),
    ),
    "im_more_skipped": ("... và {n} bản ghi bị bỏ qua khác ({rest})", "... and {n} more skipped records ({rest})"),
    "im_more_skipped_in": ("xem {file}", "in {file}"),
    "im_more_skipped_see": ("xem --output-format json hoặc --problems FILE", "see --output-format json or --problems FILE"),
    "im_more_unknown": (
        "... và {n} bản ghi khác không rõ bộ, ngành (xem --output-format json)",
        "... and {n} more records of unknown ministry (see --output-format json)",
    ),
    "im_legacy_json": (
        "--format json với một thư mục được hiểu là --output-format json (--format nay chỉ định dạng đầu vào)",
        "--format json with a folder is read as --output-format json (--format now names the input format)",
    ),
    "im_disagree": ("--format {a} và --input-format {b} mâu thuẫn nhau", "--format {a} and --input-format {b} disagree"),
    "im_open_failed": ("không mở được kho dữ liệu tại {url}: {reason}", "cannot open the store at {url}: {reason}"),
    # import: interrupted (Ctrl-C), one error line
    "im_seen_none": ("trước khi đọc bản ghi nào", "before any record was read"),
    "im_seen_some": ("sau khi đọc {read} trên {total} bản ghi", "after reading {read} of {total} record(s)"),
    "im_seen_some_unknown": ("sau khi đọc {read} bản ghi (chưa biết tổng số)", "after reading {read} of an unknown number of record(s)"),
    "im_seen_writing": ("khi đang ghi {total} bản ghi đã đọc", "while writing the {total} record(s) read"),
    "im_version_one": ("phiên bản danh mục {id}", "catalogue version {id}"),
    "im_version_many": ("các phiên bản danh mục {first}-{last}", "catalogue versions {first}-{last}"),
    "im_interrupted_done": (
        ("bị ngắt {seen}, khi lần nhập đã ghi xong: đã ghi {written} thủ tục ({added} thêm mới, {updated} cập nhật) "
         "thành {ids} trong {url}; không thiếu gì"),
        ("interrupted {seen}, after the import was written: {written} procedure(s) written "
         "({added} added, {updated} updated) as {ids} in {url}; nothing is missing from it"),
    ),
    "im_interrupted_part": (
        ("bị ngắt {seen}: đã ghi {written} thủ tục ({added} thêm mới, {updated} cập nhật) thành {ids} trong {url}, "
         "chỉ những lô trọn vẹn; lô đang ghi đã được hoàn tác, phần còn lại chưa được đọc hoặc chưa được ghi. "
         "Chạy lại đúng lần nhập này sẽ thêm phần còn thiếu (bản ghi đã ghi không phải phân tích lại)"),
        ("interrupted {seen}: {written} procedure(s) written ({added} added, {updated} updated) as {ids} in {url}, "
         "whole batches only; the batch being written was rolled back and the rest was not read or not written. "
         "Running the same import again adds what is missing (records already written are not parsed again)"),
    ),
    "im_written_none_of": ("đã ghi 0 trên {total} bản ghi", "0 of {total} record(s) written"),
    "im_written_none": ("chưa ghi bản ghi nào", "0 records written"),
    "im_interrupted_none": (
        ("bị ngắt {seen}: {done}; kho dữ liệu tại {url} không thay đổi và vẫn nhất quán "
         "(mỗi lô của một lần nhập được ghi trong một giao dịch, giao dịch đó chưa được xác nhận)"),
        ("interrupted {seen}: {done}; the store at {url} is unchanged and "
         "consistent (each batch of an import is written in one transaction, which was not committed)"),
    ),
    # import --report
    "im_report": (
        ("Đã phân tích {parsed} trên {records} bản ghi; {entries} thành phần hồ sơ (trung bình {mean}, trung vị {median}, "
         "tối đa {max} mỗi thủ tục); {share} nhận ra được loại giấy tờ."),
        ("{parsed} of {records} records parsed; {entries} entries (mean {mean}, median {median}, max {max} per procedure); "
         "{share} with a recognised document type."),
    ),
    "im_per_ministry": ("Theo bộ, ngành", "Per ministry"),
    "im_ministry": ("Bộ, ngành", "ministry"),
    "im_procedures": ("Số thủ tục", "procedures"),
    "im_skipped": ("Bỏ qua", "skipped"),
    "im_entries": ("Thành phần", "entries"),
    "im_per_procedure": ("Thành phần/thủ tục", "per procedure"),
    "im_recognised": ("Nhận ra loại giấy tờ", "recognised"),
    "im_phrases": ("Thành phần hồ sơ chưa nhận ra, thường gặp nhất", "Most frequent unrecognised entries"),
    "im_count": ("Số lần", "count"),
    "im_entry": ("Thành phần hồ sơ", "entry"),
    # versions
    "vs_none": ("chưa có phiên bản danh mục nào: chạy `onceonly import PATH`", "no catalogue versions yet: run `onceonly import PATH`"),
    "vs_title": ("Các phiên bản danh mục", "Catalogue versions"),
    "vs_version": ("Phiên bản", "version"),
    "vs_created": ("Tạo lúc (UTC)", "created (UTC)"),
    "vs_source": ("Thư mục nguồn", "source folder"),
    "vs_records": ("Bản ghi", "records"),
    "vs_added": ("Thêm mới", "added"),
    "vs_updated": ("Cập nhật", "updated"),
    "vs_unchanged": ("Không đổi", "unchanged"),
    "vs_skipped": ("Bỏ qua", "skipped"),
    "vs_dropped": (
        "(bảng bỏ bớt cột {columns} cho vừa màn hình; --format json có đủ)",
        "(columns left out to fit the terminal: {columns}; --format json has them all)",
    ),
    "vs_changed": ("phiên bản {id}: {n} thủ tục thay đổi", "version {id}: {n} procedure(s) changed"),
    "vs_no_additions": (" (không liệt kê thủ tục thêm mới)", " (additions not listed)"),
    "vs_kind_added": ("thêm mới", "added"),
    "vs_kind_updated": ("cập nhật", "updated"),
    "vs_kind_removed": ("bị xóa", "removed"),
    "vs_fields": ("trường thay đổi: {fields}", "fields: {fields}"),
    "vs_more": ("... và {n} thủ tục khác (--format json để xem tất cả)", "... and {n} more (--format json lists all)"),
}


def say(key: str, lang: str, **values) -> str:
    """A command-line text of :data:`engine.reports.labels.CLI` (or :data:`STORE_TEXTS`) in ``lang``."""
    from ..reports.labels import CLI, label
    from ..reports.labels import say as _say

    if key not in CLI and key in STORE_TEXTS:
        return label(STORE_TEXTS, key, lang).format(**values)
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


def number_text(value: Any, lang: str, digits: int | None = None) -> str:
    """A figure as its reader writes it: 1.234.567,5 in Vietnamese, 1,234,567.5 in English.

    Whole numbers and figures of 100 or more are shown without decimals unless
    ``digits`` says otherwise; ``None`` is a dash.
    """
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if digits is None:
        digits = 0 if isinstance(value, int) or abs(value) >= 100 or float(value).is_integer() else 2
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def moment_text(moment: dt.datetime, lang: str) -> str:
    """A date and time to the second: dd/mm/yyyy HH:MM:SS in Vietnamese, YYYY-MM-DD HH:MM:SS in English."""
    return moment.strftime("%d/%m/%Y %H:%M:%S" if lang == "vi" else "%Y-%m-%d %H:%M:%S")


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
