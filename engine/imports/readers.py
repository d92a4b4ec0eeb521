"""Turn an import PATH into located records, whatever its shape.

Formats
-------
``folder``
    Today's tree of one-JSON-per-record files (``<ministry>/<code>.json``);
    a single ``.json`` file holding one object is read the same way.
``json``
    One file holding a JSON array of records, streamed: one record at a time
    is held, however long the array.
``jsonl``
    JSON Lines (``.jsonl``/``.ndjson``): one record per line, read line by line.
``csv``
    A table with a header row (``.csv``, ``.tsv``; comma, semicolon, tab or
    ``|`` told from the header line; UTF-8, with or without BOM, or UTF-16
    with BOM), read row by row.
``xlsx``
    An Excel workbook (openpyxl, read-only and streamed): every sheet whose
    first row is a header, row by row.
``auto``
    A folder is ``folder``; the suffix tells ``.jsonl``/``.ndjson``, ``.csv``/
    ``.tsv`` and ``.xlsx``/``.xlsm``; a ``.json`` file whose first non-space
    byte is ``[`` is ``json`` (``{``: ``folder``).

Every record comes with where it was read, as the import reports it:
``bo-tu-phap/1.000001.json`` (folder), ``records.json#3`` (the 3rd record of
the array), ``records.jsonl:7`` (line 7), ``table.csv:12`` (the row that
starts on line 12; the header is line 1), ``book.xlsx#Sheet1:12`` (row 12 of
sheet "Sheet1"). A record that cannot be read comes as an :class:`Incoming`
without data, with the field and the reason; reasons name positions and never
quote the record's text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

FORMATS = ("auto", "folder", "json", "jsonl", "csv", "xlsx")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_BOM = b"\xef\xbb\xbf"
#: A CSV cell may hold a record's whole page text: allow cells up to 64 MiB.
CSV_CELL_LIMIT = 64 << 20
#: Bytes read at a time from a JSON array.
_CHUNK = 256 << 10
#: Record fields of our portal crawl: a truncated line names the last one it reached.
PORTAL_FIELDS = frozenset({
    "ma_thu_tuc", "detail_url", "formality_id", "ten_thu_tuc", "so_quyet_dinh", "cap_thuc_hien",
    "loai_thu_tuc", "linh_vuc", "doi_tuong_thuc_hien", "co_quan_co_tham_quyen", "dia_chi_tiep_nhan",
    "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "thu_tuc_lien_quan", "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly", "co_quan_thuc_hien",
    "yeu_cau_dieu_kien", "ket_qua_xu_ly", "raw_text",
})
_KEY = re.compile(rb'"([^"\\]{1,80})"\s*:')


class ImportFormatError(ValueError):
    """PATH cannot be read in the format asked (or its format cannot be told)."""


@dataclass
class Incoming:
    """One record as read: where, its JSON value, and the folder it sat in.

    ``data`` is None when the record could not be read; ``field`` and
    ``reason`` then say why.
    """

    where: str
    data: Any = None
    folder: str | None = None
    field: str = ""
    reason: str = ""
    #: For a file directly in the import folder: that folder's name (it may be a ministry id).
    root: str | None = None
    #: The record's bytes as read, when the format has them (a line, a file): its fingerprint.
    raw: bytes | None = None

    @property
    def readable(self) -> bool:
        return not self.reason


@dataclass
class Batch:
    """The records of one PATH: how many (None: not known before reading) and an iterator.

    ``headers`` holds, for a table, each sheet's (or the file's) column names,
    so that a mapping can be checked before anything is read; ``only`` then
    restricts the sheets read. ``size`` and ``position`` (bytes read so far)
    let progress estimate a total the format does not give.
    """

    format: str
    total: int | None
    records: Iterator[Incoming]
    headers: dict[str, list[str]] = field(default_factory=dict)
    size: int = 0
    position: int = 0
    only: set[str] | None = None


#: ``(path, ministry folder)`` pairs under a folder (``engine.portal.iter_records``).
RecordLister = Callable[[Path], Iterable[tuple[Path, str]]]


def detect_format(path: Path | str) -> str:
    """The format ``auto`` reads ``path`` as; raises :class:`ImportFormatError` if none fits."""
    path = Path(path)
    if path.is_dir():
        return "folder"
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix == ".json":
        first = _first_byte(path)
        if first == b"[":
            return "json"
        if first == b"{":
            return "folder"  # one record in one file, as today
        raise ImportFormatError(f"{path.name}: neither a JSON array nor a JSON object (first byte {first!r})")
    raise ImportFormatError(
        f"{path.name}: cannot tell its format from its name; give --format json, jsonl, csv or xlsx"
    )


def _first_byte(path: Path) -> bytes:
    with open(path, "rb") as fh:
        head = fh.read(4096)
        while head:
            stripped = head.removeprefix(_BOM).lstrip()
            if stripped:
                return stripped[:1]
            head = fh.read(4096)
    return b""


def read_path(path: Path | str, format: str = "auto", *, list_records: RecordLister | None = None) -> Batch:
    """Open ``path`` in ``format`` and return its records (read lazily).

    Raises
    ------
    ImportFormatError
        The path is missing, is a folder where a file is needed, or cannot be
        opened in that format at all (an empty table, a file that is no
        workbook). Problems of single records come as :class:`Incoming`.
    """
    path = Path(path)
    if format not in FORMATS:
        raise ImportFormatError(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
    if format == "folder":  # a missing folder holds no records (as today)
        return _read_folder(path, list_records)
    if not path.exists():
        raise ImportFormatError(f"{path}: no such file or folder")
    if format == "auto":
        format = detect_format(path)
    if format == "folder":
        return _read_folder(path, list_records)
    if path.is_dir():
        raise ImportFormatError(f"{path.name}: a folder, not a {format} file")
    if format == "json":
        return _read_array(path)
    if format == "csv":
        return _read_csv(path)
    if format == "xlsx":
        from .tables import read_xlsx

        return read_xlsx(path)
    return _read_lines(path)


# ------------------------------------------------------------------ folder


def _default_lister(root: Path) -> Iterable[tuple[Path, str]]:
    from engine.portal import iter_records

    return iter_records(root)


def _display(root: Path, path: Path) -> str:
    try:
        shown = str(Path(path).relative_to(root))
    except ValueError:
        return str(path)
    return Path(path).name if shown == "." else shown


def _read_folder(root: Path, list_records: RecordLister | None) -> Batch:
    paths = list((list_records or _default_lister)(root))

    def records() -> Iterator[Incoming]:
        for path, ministry in paths:
            # A file directly in the root (lister says "unknown"): the root's own
            # name may be the ministry (`onceonly import portal/bo-tu-phap`).
            folder, own = ministry, None
            if ministry == "unknown":
                folder = None
                own = root.name if root.is_dir() and Path(path).parent == root else None
            where = _display(root, path)
            try:
                raw = Path(path).read_bytes()
                data = orjson.loads(raw)
            except (OSError, orjson.JSONDecodeError) as exc:
                yield Incoming(where, None, folder, "", f"unreadable JSON: {type(exc).__name__}", own)
            else:
                yield Incoming(where, data, folder, root=own, raw=raw)

    return Batch("folder", len(paths), records())


# ------------------------------------------------------------------ one JSON array, streamed


def _last_field(text: bytes) -> str:
    """The last portal field a cut record reached, else the last key it reached, or ``(record)``."""
    names = [m.group(1).decode("utf-8", "replace") for m in _KEY.finditer(text)]
    known = [n for n in names if n in PORTAL_FIELDS]
    if known:
        return known[-1]
    return names[-1] if names else "(record)"


_OBJECT_END = re.compile(rb"\}\s*(?=[,\]])")
_TOKEN = re.compile(rb'["\[\]{},]')
_STRING_REST = re.compile(rb'(?:[^"\\]|\\.)*"', re.DOTALL)


class _ArrayReader:
    """Split a JSON array into its elements, holding one element (and one chunk) at a time.

    An object element is found fast: its slice up to a ``}`` followed by
    ``,`` or ``]`` that parses is the whole element (a shorter slice cannot be
    a complete object). Anything else, or an element that does not parse, is
    scanned token by token (strings skipped whole) to find its end, so that a
    bad record is reported and the next one is still read.
    """

    def __init__(self, path: Path, batch: Batch):
        self.path, self.batch = path, batch
        self.fh = open(path, "rb")  # noqa: SIM115 - closed when records() ends
        self.buf = b""
        self.base = 0  # file offset of buf[0]
        self.line = 1  # line of buf[0]
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        if self.base == 0 and not self.buf:
            chunk = chunk.removeprefix(_BOM)
        self.buf += chunk
        self.batch.position = self.base + len(self.buf)
        return True

    def _drop(self, upto: int) -> int:
        """Forget ``buf[:upto]`` once it is long (keeping line and offset counts); the new ``upto``."""
        if upto < (256 << 10) and upto < len(self.buf):
            return upto
        self.line += self.buf.count(b"\n", 0, upto)
        self.base += upto
        self.buf = self.buf[upto:]
        return 0

    def _skip_space(self, pos: int) -> int:
        while True:
            while pos < len(self.buf) and self.buf[pos] in b" \t\r\n":
                pos += 1
            if pos < len(self.buf) or not self._more():
                return pos

    def _where_line(self, pos: int) -> tuple[int, int]:
        line = self.line + self.buf.count(b"\n", 0, pos)
        start = self.buf.rfind(b"\n", 0, pos) + 1
        return line, pos - start + 1

    def records(self) -> Iterator[Incoming]:
        name = self.path.name
        try:
            pos = self._skip_space(0)
            if pos >= len(self.buf):
                return
            if self.buf[pos : pos + 1] == b"{":  # a single object: one record
                self.buf += self.fh.read()
                try:
                    data = orjson.loads(self.buf[pos:])
                except orjson.JSONDecodeError as exc:
                    yield Incoming(name, None, None, "(file)", _invalid(exc, self.buf[pos:], 1, 1))
                else:
                    yield Incoming(name, data, raw=self.buf[pos:])
                return
            if self.buf[pos : pos + 1] != b"[":
                yield Incoming(name, None, None, "(file)", "expected a JSON array of records")
                return
            pos += 1
            number = 0
            while True:
                pos = self._skip_space(pos)
                if pos >= len(self.buf):
                    where = f"{name}#{number}" if number else name
                    yield Incoming(name, None, None, "(file)",
                                   f"the file ends without closing the array (after {where})")
                    return
                ch = self.buf[pos : pos + 1]
                if ch == b"]":
                    rest = self._skip_space(pos + 1)
                    if rest < len(self.buf):
                        line, col = self._where_line(rest)
                        yield Incoming(name, None, None, "(file)",
                                       f"text after the end of the array at line {line} column {col}")
                    return
                if ch == b"," and number:
                    pos = self._skip_space(pos + 1)
                    if self.buf[pos : pos + 1] == b"]":
                        continue  # a trailing comma: tolerated
                elif number:
                    line, col = self._where_line(pos)
                    yield Incoming(name, None, None, "(file)",
                                   f"expected ',' or ']' after record #{number} at line {line} column {col}")
                    return
                number += 1
                start = pos
                line, col = self._where_line(start)
                end, data, error = self._element(start)
                where = f"{name}#{number}"
                if end is None:
                    yield Incoming(where, None, None, _last_field(self.buf[start:]),
                                   f"truncated record: the file ends inside it (it starts at line {line})")
                    return
                if error is not None:
                    yield Incoming(where, None, None, "(record)", _invalid(error, self.buf[start:end], line, col))
                else:
                    yield Incoming(where, data, raw=self.buf[start:end])
                pos = self._drop(end)
        finally:
            self.fh.close()

    def _element(self, start: int) -> tuple[int | None, Any, orjson.JSONDecodeError | None]:
        """``(end, value, error)`` of the element at ``start``; ``end`` None: the file ends inside it."""
        if self.buf[start : start + 1] == b"{":
            search = start
            while True:
                m = _OBJECT_END.search(self.buf, search)
                if m is None:
                    if not self._more():
                        break
                    continue
                end = m.start() + 1
                try:
                    return end, orjson.loads(self.buf[start:end]), None
                except orjson.JSONDecodeError as exc:
                    if exc.pos < end - start - 1 and "end" not in exc.msg.lower() and "eof" not in exc.msg.lower():
                        break  # a real error inside: find its end by scanning
                    search = m.end()
        end = self._scan(start)
        if end is None:
            return None, None, None
        try:
            return end, orjson.loads(self.buf[start:end]), None
        except orjson.JSONDecodeError as exc:
            return end, None, exc

    def _scan(self, start: int) -> int | None:
        """The end of the element at ``start`` by brackets and strings, or None at the end of the file."""
        depth, pos = 0, start
        while True:
            m = _TOKEN.search(self.buf, pos)
            if m is None:
                if not self._more():
                    return None
                continue
            ch, pos = m.group(), m.end()
            if ch == b'"':
                while True:
                    s = _STRING_REST.match(self.buf, pos)
                    if s is not None:
                        pos = s.end()
                        break
                    if not self._more():
                        return None
            elif ch in b"[{":
                depth += 1
            elif ch in b"]}":
                if depth == 0:
                    return m.start()  # the array's own "]" after a scalar element
                depth -= 1
                if depth == 0:
                    return pos
            elif ch == b"," and depth == 0:
                return m.start()


def _invalid(exc: orjson.JSONDecodeError, text: bytes, line: int, col: int) -> str:
    """``invalid JSON at line L column C``: the error's place in the file, not in the record."""
    inner = text[: exc.pos]
    lines = inner.count(b"\n")
    at_line = line + lines
    at_col = (col + len(inner)) if not lines else len(inner) - inner.rfind(b"\n")
    return f"invalid JSON at line {at_line} column {at_col}: {exc.msg}"


def _read_array(path: Path) -> Batch:
    batch = Batch("json", None, iter(()), size=path.stat().st_size)
    reader = _ArrayReader(path, batch)
    batch.records = reader.records()
    return batch


# ------------------------------------------------------------------ JSON Lines


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _read_lines(path: Path) -> Batch:
    batch = Batch("jsonl", _count_lines(path), iter(()), size=path.stat().st_size)

    def records() -> Iterator[Incoming]:
        with open(path, "rb") as fh:
            for number, line in enumerate(fh, 1):
                batch.position += len(line)
                if number == 1:
                    line = line.removeprefix(_BOM)
                if not line.strip():
                    continue
                where = f"{path.name}:{number}"
                try:
                    data = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    if not line.endswith(b"\n") and exc.msg.startswith("unexpected end"):
                        yield Incoming(where, None, None, _last_field(line),
                                       f"truncated record: the file ends inside it (column {exc.colno})")
                    else:
                        yield Incoming(where, None, None, "(line)", f"invalid JSON at column {exc.colno}: {exc.msg}")
                    continue
                yield Incoming(where, data, raw=line)

    batch.records = records()
    return batch


# ------------------------------------------------------------------ CSV


def _text_lines(path: Path, batch: Batch) -> Iterator[str]:
    """The file's lines as text, counting the bytes read in ``batch.position``.

    UTF-16 when the file starts with its BOM, else UTF-8 (a BOM dropped).
    Bytes that are not UTF-8 become surrogates, so that the row holding them
    is reported and the others are still read.
    """
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = io.TextIOWrapper(fh, encoding="utf-16", newline="", errors="surrogateescape")
            for line in text:
                batch.position += 2 * len(line)
                yield line
            return
        for number, raw in enumerate(fh):
            batch.position += len(raw)
            yield (raw.removeprefix(_BOM) if number == 0 else raw).decode("utf-8", "surrogateescape")


def _delimiter(header_line: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _bad_text(cells: Iterable[str]) -> int | None:
    """The 1-based column of the first cell holding bytes that were not UTF-8, or None."""
    for column, cell in enumerate(cells, 1):
        if any("\udc80" <= ch <= "\udcff" for ch in cell):
            return column
    return None


def _read_csv(path: Path) -> Batch:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_CELL_LIMIT))
    name = path.name
    probe = Batch("csv", None, iter(()))
    lines = _text_lines(path, probe)
    first = next(lines, "")
    lines.close()
    if not first.strip():
        raise ImportFormatError(f"{name}: empty, or its first line (the header) is blank")
    delimiter = _delimiter(first, path.suffix.lower())
    lines = _text_lines(path, probe)
    try:
        header = next(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportFormatError(f"{name}:1: the header cannot be read as CSV: {exc}") from None
    finally:
        lines.close()
    header = [h.strip() for h in header]
    if _bad_text(header) is not None:
        raise ImportFormatError(f"{name}:1: the header is not UTF-8 text (save the file as UTF-8)")
    seen: dict[str, int] = {}
    for column, title in enumerate(header, 1):
        if title and title in seen:
            raise ImportFormatError(f"{name}:1: two columns are headed {title!r} (columns {seen[title]} and {column})")
        seen[title] = column
    batch = Batch("csv", None, iter(()), headers={name: header}, size=path.stat().st_size)

    def records() -> Iterator[Incoming]:
        reader = csv.reader(_text_lines(path, batch), delimiter=delimiter, strict=True)
        try:
            next(reader)
        except (StopIteration, csv.Error):
            return
        ended = reader.line_num  # the line the previous row ended on
        while True:
            start = ended + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                ended = reader.line_num
                yield Incoming(f"{name}:{start}", None, None, "(row)", f"not readable as CSV: {exc}")
                continue
            ended = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            where = f"{name}:{start}"
            if len(cells) != len(header):
                yield Incoming(where, None, None, "(row)", f"the row has {len(cells)} cells, the header {len(header)}")
                continue
            bad = _bad_text(cells)
            if bad is not None:
                column = header[bad - 1] or f"column {bad}"
                yield Incoming(where, None, None, column, "not UTF-8 text (save the file as UTF-8)")
                continue
            data = {title: (cell if cell.strip() else None) for title, cell in zip(header, cells) if title}
            yield Incoming(where, data, raw="\x1f".join(cells).encode("utf-8"))

    batch.records = records()
    return batch
