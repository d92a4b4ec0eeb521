"""Turn an import PATH into located records, whatever its shape.

Formats
-------
``folder``
    Today's tree of one-JSON-per-record files (``<ministry>/<code>.json``);
    a single ``.json`` file holding one object is read the same way.
``json``
    One file holding a JSON array of records. It is loaded whole (not
    streamed): fine for a catalogue of thousands of records.
``jsonl``
    JSON Lines (``.jsonl``/``.ndjson``): one record per line, read line by
    line, so memory does not grow with the file.
``auto``
    A folder is ``folder``; ``.jsonl``/``.ndjson`` is ``jsonl``; a ``.json``
    file whose first non-space byte is ``[`` is ``json`` (``{``: ``folder``).

Every record comes with where it was read, as the import reports it:
``bo-tu-phap/1.000001.json`` (folder), ``records.json#3`` (the 3rd record of
the array), ``records.jsonl:7`` (line 7). A record that cannot be read comes
as an :class:`Incoming` without data, with the field and the reason; reasons
name positions and never quote the record's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

FORMATS = ("auto", "folder", "json", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BOM = b"\xef\xbb\xbf"
#: Record fields of our portal crawl: a truncated line names the last one it reached.
PORTAL_FIELDS = frozenset({
    "ma_thu_tuc", "detail_url", "formality_id", "ten_thu_tuc", "so_quyet_dinh", "cap_thuc_hien",
    "loai_thu_tuc", "linh_vuc", "doi_tuong_thuc_hien", "co_quan_co_tham_quyen", "dia_chi_tiep_nhan",
    "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "thu_tuc_lien_quan", "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly", "co_quan_thuc_hien",
    "yeu_cau_dieu_kien", "ket_qua_xu_ly", "raw_text",
})
_KEY = re.compile(rb'"([a-z_]+)"\s*:')


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

    @property
    def readable(self) -> bool:
        return not self.reason


@dataclass
class Batch:
    """The records of one PATH: how many (for progress; lines for JSON Lines) and an iterator."""

    format: str
    total: int
    records: Iterator[Incoming]


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
    if suffix == ".json":
        first = _first_byte(path)
        if first == b"[":
            return "json"
        if first == b"{":
            return "folder"  # one record in one file, as today
        raise ImportFormatError(f"{path.name}: neither a JSON array nor a JSON object (first byte {first!r})")
    raise ImportFormatError(f"{path.name}: cannot tell its format from its name; give --input-format json or jsonl")


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
    """Open ``path`` in ``format`` and return its records (read lazily where the format allows)."""
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
                data = orjson.loads(Path(path).read_bytes())
            except (OSError, orjson.JSONDecodeError) as exc:
                yield Incoming(where, None, folder, "", f"unreadable JSON: {type(exc).__name__}", own)
            else:
                yield Incoming(where, data, folder, root=own)

    return Batch("folder", len(paths), records())


# ------------------------------------------------------------------ one JSON array


def _read_array(path: Path) -> Batch:
    try:
        data = orjson.loads(path.read_bytes().removeprefix(_BOM))
    except orjson.JSONDecodeError as exc:
        reason = f"invalid JSON at line {exc.lineno} column {exc.colno} (character {exc.pos}): {exc.msg}"
        return Batch("json", 1, iter([Incoming(path.name, None, None, "(file)", reason)]))
    except OSError as exc:
        return Batch("json", 1, iter([Incoming(path.name, None, None, "(file)", f"unreadable: {type(exc).__name__}")]))
    if isinstance(data, dict):
        return Batch("json", 1, iter([Incoming(path.name, data)]))
    if not isinstance(data, list):
        reason = f"expected a JSON array of records, got {type(data).__name__}"
        return Batch("json", 1, iter([Incoming(path.name, None, None, "(file)", reason)]))
    return Batch("json", len(data), (Incoming(f"{path.name}#{n}", item) for n, item in enumerate(data, 1)))


# ------------------------------------------------------------------ JSON Lines


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _last_field(line: bytes) -> str:
    """The last portal field a cut line reached, or ``(record)``."""
    names = [m.group(1).decode() for m in _KEY.finditer(line)]
    known = [n for n in names if n in PORTAL_FIELDS]
    return known[-1] if known else "(record)"


def _read_lines(path: Path) -> Batch:
    def records() -> Iterator[Incoming]:
        with open(path, "rb") as fh:
            for number, line in enumerate(fh, 1):
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
                yield Incoming(where, data)

    return Batch("jsonl", _count_lines(path), records())
