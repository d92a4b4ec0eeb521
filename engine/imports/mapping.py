"""Mappings: which field of someone else's record is the code, the name, the dossier...

A mapping is a small YAML file (the shipped ones are in ``procedures/imports/``;
README "Importing other shapes" documents the format). It names, for each thing
the importer reads, the record field (or the table column) that holds it; a
list gives alternatives, the first one present wins. Field names match
exactly, else on their folded form (:func:`engine.text.fold`: case,
diacritics, ``_`` and punctuation ignored), so ``ma_thu_tuc`` also finds a
column headed "Mã thủ tục".

:meth:`Mapping.apply` turns one record into the portal crawl's own shape,
which :func:`engine.portal.parse_record` reads:

- the dossier may be the portal's flattened table text (kept as it is), a
  list of objects (``{name, originals, copies, quantity, form}``, keys as the
  mapping's ``dossier`` section names them), a list of strings, or, in a CSV
  or Excel cell, such a list written as JSON. A list is written out as the
  portal's table, one row per paper, so that the same parser reads every
  shape; the quantities and forms of the objects are put back on the
  requirements after parsing (:func:`restore_rows`);
- a record without a code gets a synthetic one (:func:`synthetic_code`);
- a code a spreadsheet mangled (``1,010826``, ``1.01385``) is normalised.

Examples
--------
>>> m = Mapping.from_dict({"name": "t", "fields": {"code": "id", "name": "title", "dossier": "papers"}})
>>> mapped = m.apply({"id": "1.000001", "title": "Thủ tục thử", "papers": ["Tờ khai", "Giấy khai sinh"]})
>>> mapped.record["ma_thu_tuc"], mapped.record["ten_thu_tuc"], len(mapped.rows)
('1.000001', 'Thủ tục thử', 2)
>>> synthetic_code("Sở Tư pháp", "Đăng ký khai sinh") == synthetic_code("SỞ TƯ PHÁP ", "đăng ký  khai sinh")
True
>>> synthetic_code("Sở Tư pháp", "Đăng ký khai sinh")[:10]
'0.000000.x'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from engine.errors import DataError
from engine.text import clean, fold
from engine.yamlio import read_yaml

#: The shipped mappings.
SHIPPED = Path(__file__).resolve().parents[2] / "procedures" / "imports"
#: The mapping used when none is given and no other shipped mapping's ``detect`` fits.
DEFAULT = "portal-crawl"

#: What a mapping may name, and the portal crawl field each becomes.
TARGETS: dict[str, str] = {
    "code": "ma_thu_tuc",
    "name": "ten_thu_tuc",
    "agency": "co_quan_thuc_hien",
    "competent_agency": "co_quan_co_tham_quyen",
    "level": "cap_thuc_hien",
    "field": "linh_vuc",
    "applicants": "doi_tuong_thuc_hien",
    "url": "detail_url",
    "dossier": "thanh_phan_ho_so",
    "channels": "cach_thuc_thuc_hien",
    "legal_basis": "can_cu_phap_ly",
    "result": "ket_qua_xu_ly",
    "full_text": "raw_text",
}
#: Targets every mapping must name.
REQUIRED = ("name", "dossier")
#: Keys of one paper of a dossier given as a list of objects.
ROW_KEYS = ("name", "originals", "copies", "quantity", "form")
#: Defaults of the ``dossier`` section (the portal's own Vietnamese names included).
DEFAULT_ROW_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name", "ten_giay_to", "tên giấy tờ"),
    "originals": ("originals", "ban_chinh", "bản chính"),
    "copies": ("copies", "ban_sao", "bản sao"),
    "quantity": ("quantity", "so_luong", "số lượng"),
    "form": ("form", "mau_don_to_khai", "mẫu đơn, tờ khai"),
}
TOP_KEYS = ("name", "description", "detect", "fields", "dossier", "full_text")
FULL_TEXT_KEYS = ("heading", "after", "until")
#: The portal writes this where a field says nothing.
NO_INFO = "Không có thông tin"
#: Synthetic codes: a code no real procedure has (``0.`` is no ministry group) and a hash.
SYNTHETIC_PREFIX = "0.000000.x"
_SPREADSHEET_CODE = re.compile(r"^[0-9][.,][0-9]{1,6}$")
_CHANNEL_WORDS = {
    "truc tuyen": "Trực tuyến", "online": "Trực tuyến",
    "truc tiep": "Trực tiếp", "in person": "Trực tiếp", "tai co quan": "Trực tiếp",
    "dich vu buu chinh": "Dịch vụ bưu chính", "buu chinh": "Dịch vụ bưu chính", "post": "Dịch vụ bưu chính",
}


def synthetic_code(agency: str | None, name: str) -> str:
    """The stable code of a record without one: ``0.000000.x`` + 16 hex of SHA-256.

    The hash is of the folded agency and name (case, diacritics, punctuation
    and spacing ignored), so the same procedure gets the same code on every
    import. "Không có thông tin" counts as no agency.
    """
    agency = "" if not agency or clean(agency) == NO_INFO else agency
    digest = hashlib.sha256(f"{fold(agency)}\n{fold(name)}".encode()).hexdigest()
    return SYNTHETIC_PREFIX + digest[:16]


def is_synthetic(code: str) -> bool:
    return code.startswith(SYNTHETIC_PREFIX)


def normalise_code(value: Any) -> str | None:
    """A code cell as text: stripped; ``1,010826`` and ``1.01385`` (a spreadsheet's) mended."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip()
    if _SPREADSHEET_CODE.match(text):
        head, tail = re.split(r"[.,]", text)
        return f"{head}.{tail.ljust(6, '0')}"
    return text or None


@dataclass
class FullText:
    """Where the dossier table sits in the record's full text (``full_text``)."""

    heading: str = "Thành phần hồ sơ"
    #: The section before the dossier's (the heading also occurs in the steps' prose).
    after: str | None = "Cách Thức Thực Hiện"
    #: Section headings after the dossier's; the first of them found ends it.
    until: tuple[str, ...] = (
        "Căn cứ pháp lýTên văn bản pháp lý", "Căn cứ pháp lýKhông có thông tin", "Căn cứ pháp lý",
        "Cơ quan thực hiện", "Yêu cầu, điều kiện thực hiện", "Kết quả xử lý",
    )

    def section(self, text: str, table_header: str) -> str | None:
        """The dossier section of ``text`` when it holds a table, else None.

        The section starts after the last ``heading`` before the first table
        header that follows ``after``, and ends at the first of ``until`` found
        after that table header.
        """
        start = 0
        if self.after:
            found = text.find(self.after)
            if found >= 0:
                start = found + len(self.after)
        table = text.find(table_header, start)
        if table < 0:
            return None
        head = text.rfind(self.heading, start, table)
        if head < 0:
            return None
        end = len(text)
        for marker in self.until:
            found = text.find(marker, table)
            if found >= 0:
                end = found
                break
        body = text[head + len(self.heading) : end]
        return body if table_header in body else None


@dataclass
class Row:
    """One paper of a dossier given as a list: what the table text cannot carry."""

    name: str
    originals: int | None = None
    copies: int | None = None
    certified: bool = False
    forms: list[str] = field(default_factory=list)


@dataclass
class Mapped:
    """One record in the portal crawl's shape, and what the parser needs besides."""

    record: dict[str, Any]
    #: The dossier's papers when it was a list (None: it was text, or absent).
    rows: list[Row] | None = None
    #: Rejections before parsing: ``(field, reason)``.
    problems: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: The code was made up (:func:`synthetic_code`).
    synthetic: bool = False

    @property
    def code(self) -> str | None:
        code = self.record.get(TARGETS["code"])
        return code if isinstance(code, str) else None


class Mapping:
    """A validated mapping (see the module doc)."""

    def __init__(self, name: str, fields: dict[str, tuple[str, ...]], *, file: str = "(mapping)",
                 lines: MappingABC[tuple, int] | None = None, description: str = "",
                 detect: tuple[str, ...] = (), rows: dict[str, tuple[str, ...]] | None = None,
                 full_text: FullText | None = None, shipped: bool = False):
        self.name, self.fields, self.file, self.description = name, fields, file, description
        self.lines = dict(lines or {})
        self.detect = detect
        self.rows = {**DEFAULT_ROW_KEYS, **(rows or {})}
        self.full_text = full_text or FullText()
        self.shipped = shipped
        self._indexes: dict[tuple, dict[str, str]] = {}
        self._portal_keys = {target: TARGETS[target] for target in fields}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: Path | str, *, shipped: bool = False) -> Mapping:
        """Read and validate a mapping file.

        Raises
        ------
        DataError
            With the file, line and field of the first thing wrong.
        """
        path = Path(path)
        display = f"procedures/imports/{path.name}" if shipped else str(path)
        doc = read_yaml(path, display)
        return cls.from_dict(doc.data, file=display, lines=doc.lines, shipped=shipped)

    @classmethod
    def from_dict(cls, data: Any, *, file: str = "(mapping)", lines: MappingABC[tuple, int] | None = None,
                  shipped: bool = False) -> Mapping:
        """Validate ``data`` (a parsed mapping file); ``lines`` maps paths to lines for errors."""
        lines = dict(lines or {})

        def error(path: tuple, message: str) -> DataError:
            at = path
            while at and at not in lines:
                at = at[:-1]
            line = lines.get(at) if at else lines.get((), None)
            return DataError(file, line, ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "["), message)

        if not isinstance(data, dict):
            raise error((), "expected a mapping with name and fields")
        for key in data:
            if key not in TOP_KEYS:
                raise error((key,), f"unknown key (one of {', '.join(TOP_KEYS)})")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise error(("name",), "required: the mapping's name")
        fields_in = data.get("fields")
        if not isinstance(fields_in, dict) or not fields_in:
            raise error(("fields",), "required: which record field holds the code, the name, the dossier ...")
        fields: dict[str, tuple[str, ...]] = {}
        for target, value in fields_in.items():
            if target not in TARGETS:
                raise error(("fields", target), f"unknown field (one of {', '.join(TARGETS)})")
            fields[target] = _keys(value, ("fields", target), error)
        for target in REQUIRED:
            if target not in fields:
                raise error(("fields",), f"fields.{target} is required")
        rows: dict[str, tuple[str, ...]] = {}
        row_spec = data.get("dossier")
        if row_spec is not None:
            if not isinstance(row_spec, dict):
                raise error(("dossier",), "expected the keys of a paper: " + ", ".join(ROW_KEYS))
            for key, value in row_spec.items():
                if key not in ROW_KEYS:
                    raise error(("dossier", key), f"unknown key (one of {', '.join(ROW_KEYS)})")
                rows[key] = _keys(value, ("dossier", key), error)
        full_text = FullText()
        spec = data.get("full_text")
        if spec is not None:
            if "full_text" not in fields:
                raise error(("full_text",), "a full_text section needs fields.full_text")
            if not isinstance(spec, dict):
                raise error(("full_text",), "expected heading, after, until")
            for key, value in spec.items():
                if key not in FULL_TEXT_KEYS:
                    raise error(("full_text", key), f"unknown key (one of {', '.join(FULL_TEXT_KEYS)})")
                if key == "until":
                    full_text.until = _keys(value, ("full_text", key), error)
                elif not isinstance(value, str) or not value.strip():
                    raise error(("full_text", key), "expected text")
                else:
                    setattr(full_text, key, value)
        detect = _keys(data["detect"], ("detect",), error) if "detect" in data else ()
        description = data.get("description") or ""
        if not isinstance(description, str):
            raise error(("description",), "expected text")
        return cls(name.strip(), fields, file=file, lines=lines, description=description, detect=detect,
                   rows=rows, full_text=full_text, shipped=shipped)

    # ------------------------------------------------------------------ fields present

    def line(self, target: str) -> int | None:
        return self.lines.get(("fields", target)) or self.lines.get(("fields",))

    def _index(self, keys: Iterable[str]) -> dict[str, str]:
        """``{key or folded key: key}`` for a record's (or a table's) keys, cached by key tuple."""
        keys = tuple(keys)
        index = self._indexes.get(keys)
        if index is None:
            index = {}
            for key in keys:
                if isinstance(key, str):
                    index.setdefault(fold(key), key)
            for key in keys:
                if isinstance(key, str):
                    index[key] = key  # exact names win over folded ones
            if len(self._indexes) > 256:
                self._indexes.clear()
            self._indexes[keys] = index
        return index

    def key_for(self, target: str, keys: Iterable[str]) -> str | None:
        """The record key that holds ``target``, among ``keys``, or None."""
        index = self._index(keys)
        return _find(self.fields.get(target, ()), index)

    def fits(self, keys: Iterable[str]) -> bool:
        """Whether every ``detect`` key is among ``keys`` (False without ``detect``)."""
        index = self._index(keys)
        return bool(self.detect) and all(_find((k,), index) for k in self.detect)

    def missing(self, keys: Iterable[str], where: str, *, only_required: bool = False) -> list[DataError]:
        """One error per mapped field none of whose names is among ``keys``.

        ``where`` says what was looked at ("the header of crawl.csv", "the
        first 100 records of crawl.jsonl"). A synthetic code stands in for a
        missing code column, so ``code`` is never required.
        """
        keys = list(keys)
        index = self._index(keys)
        shown = ", ".join(repr(k) for k in keys[:30]) + (" ..." if len(keys) > 30 else "")
        errors = []
        for target, names in self.fields.items():
            if only_required and target not in REQUIRED:
                continue
            if _find(names, index) is None:
                named = " or ".join(repr(n) for n in names)
                errors.append(DataError(self.file, self.line(target), f"fields.{target}",
                                        f"no field {named} in {where} (it has: {shown or 'nothing'})"))
        return errors

    def display(self, portal_key: str, record: MappingABC[str, Any] | None = None) -> str:
        """The record's own name for a portal field, for reports (``thanh_phan_ho_so`` -> ``documents``)."""
        for target, key in TARGETS.items():
            if key == portal_key and target in self.fields:
                if record is not None:
                    found = self.key_for(target, record.keys())
                    if found:
                        return found
                return self.fields[target][0]
        return portal_key

    # ------------------------------------------------------------------ one record

    def apply(self, record: MappingABC[str, Any]) -> Mapped:
        """The record in the portal crawl's shape (keys of :data:`TARGETS`), its other keys kept."""
        out = dict(record)
        index = self._index(record.keys())
        mapped = Mapped(out)
        values: dict[str, Any] = {}
        shown: dict[str, str] = {}
        for target, names in self.fields.items():
            key = _find(names, index)
            values[target] = record.get(key) if key is not None else None
            shown[target] = key or names[0]
            if key is None or key != TARGETS[target]:
                out.pop(TARGETS[target], None)  # a portal key the mapping does not point at says nothing
        for target, value in values.items():
            portal = TARGETS[target]
            if target == "code":
                continue
            if target == "dossier":
                text = self._dossier(value, mapped, shown[target])
                if text is not None:
                    out[portal] = text
                continue
            if target == "channels":
                value = _channels(value, mapped, shown[target])
            text = _text(value, target, mapped, shown[target])
            if text is not None:
                out[portal] = text
        code = normalise_code(values.get("code")) if not isinstance(values.get("code"), (dict, list)) else None
        if code is None:
            name = out.get(TARGETS["name"])
            if isinstance(name, str) and clean(name) and clean(name) != NO_INFO:
                agency = out.get(TARGETS["agency"]) or out.get(TARGETS["competent_agency"])
                code = synthetic_code(agency if isinstance(agency, str) else None, name)
                mapped.synthetic = True
        if code is not None:
            out[TARGETS["code"]] = code
        else:
            out.pop(TARGETS["code"], None)
        return mapped

    def _dossier(self, value: Any, mapped: Mapped, field_name: str) -> str | None:
        if isinstance(value, str) and value.lstrip().startswith("["):
            try:
                value = orjson.loads(value)
            except orjson.JSONDecodeError as exc:
                mapped.problems.append((field_name, f"a JSON list that does not parse (column {exc.colno}): {exc.msg}"))
                return None
        if value is None or isinstance(value, str):
            return value
        if not isinstance(value, list):
            mapped.problems.append((field_name, f"expected text or a list of papers, got {_type(value)}"))
            return None
        rows: list[Row] = []
        for i, item in enumerate(value):
            where = f"{field_name}[{i}]"
            row = self._row(item, where, mapped)
            if row is not None:
                rows.append(row)
        if not rows:
            mapped.problems.append((field_name, "a list with no paper named in it"))
            return None
        mapped.rows = rows
        return render_rows(rows)

    def _row(self, item: Any, where: str, mapped: Mapped) -> Row | None:
        if isinstance(item, str):
            return Row(clean(item)) if clean(item) else None
        if not isinstance(item, dict):
            mapped.warnings.append((where, f"expected a paper (text or object), got {_type(item)}: left out"))
            return None
        index = self._index(item.keys())
        get = {key: item.get(k) if (k := _find(names, index)) is not None else None for key, names in self.rows.items()}
        name = get["name"]
        if not isinstance(name, str) or not clean(name):
            mapped.warnings.append((where, "a paper without a name: left out"))
            return None
        originals, copies, certified = read_quantity(get["quantity"])
        for key in ("originals", "copies"):
            if get[key] is None:
                continue
            number = _count(get[key])
            if number is None:
                mapped.warnings.append((f"{where}.{key}", "not a number: left unknown"))
            elif key == "originals":
                originals = number
            else:
                copies = number
        forms = get["form"]
        forms = [clean(str(f)) for f in (forms if isinstance(forms, list) else [forms]) if f is not None and clean(str(f))]
        return Row(clean(name), originals, copies, certified, forms)


def _type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(type(value), type(value).__name__)


def _keys(value: Any, path: tuple, error) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise error(path, "expected a field name or a list of field names")
    return tuple(n.strip() for n in names)


def _find(names: Iterable[str], index: MappingABC[str, str]) -> str | None:
    for name in names:
        found = index.get(name)
        if found is None:
            found = index.get(fold(name))
        if found is not None:
            return found
    return None


def _text(value: Any, target: str, mapped: Mapped, shown: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        sep = ", " if target in ("level", "agency", "competent_agency", "name", "field", "applicants") else "; "
        return sep.join(str(v) for v in value if str(v).strip())
    if target == "name":
        mapped.problems.append((shown, f"expected text, got {_type(value)}"))
    else:
        mapped.warnings.append((shown, f"expected text, got {_type(value)}: left out"))
    return None


def _channels(value: Any, mapped: Mapped, shown: str) -> Any:
    """A list of channel names (``Trực tuyến``, ``online`` ...) as the portal's channel table."""
    if not isinstance(value, list):
        return value
    cells = []
    for item in value:
        word = _CHANNEL_WORDS.get(fold(str(item))) if isinstance(item, (str, int)) else None
        if word is None:
            mapped.warnings.append((shown, "a channel that is not online, in person or by post: left out"))
            continue
        cells.append(f"{word}{NO_INFO}{NO_INFO}")
    return "".join(cells)


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


#: "1 bản chính, 2 bản sao" (the portal's way) or "bản chính: 1; bản sao: 2".
_NUMBER_FIRST = (re.compile(r"(\d+)\s*ban chinh"), re.compile(r"(\d+)\s*ban sao"))
_LABEL_FIRST = (re.compile(r"ban chinh\s*(\d+)"), re.compile(r"ban sao\s*(\d+)"))
_FIRST = re.compile(r"\d|ban (?:chinh|sao)")
_CERTIFIED = re.compile(r"\b(?:chung thuc|cong chung)\b")


def read_quantity(value: Any) -> tuple[int | None, int | None, bool]:
    """``(originals, copies, certified)`` of a quantity cell; None where it does not say.

    >>> read_quantity("01 bản chính, 02 bản sao có chứng thực")
    (1, 2, True)
    >>> read_quantity("Bản chính: 1")
    (1, None, False)
    >>> read_quantity(2)
    (2, None, False)
    """
    if value is None:
        return None, None, False
    number = _count(value)
    if number is not None:
        return number, None, False  # a bare number: that many papers, as the portal's "N bản chính"
    if not isinstance(value, str):
        return None, None, False
    folded = fold(value)
    first = _FIRST.search(folded)  # whichever comes first, a number or a label, sets the order
    o_re, c_re = _LABEL_FIRST if first is not None and not first.group()[0].isdigit() else _NUMBER_FIRST
    o, c = o_re.search(folded), c_re.search(folded)
    originals = int(o.group(1)) if o else None
    copies = int(c.group(1)) if c else None
    return originals, copies, bool(c and _CERTIFIED.search(folded))


def render_rows(rows: list[Row]) -> str:
    """The papers as the portal's flattened dossier table, one row each.

    Each row ends in a quantity cell, which is what makes it a row for the
    parser. A count above 9 (the portal writes one digit) is written as 9 and
    an unknown one as ``1 bản chính``; :func:`restore_rows` puts the real
    values back.
    """
    from engine.portal.dossier import TABLE_HEADER

    out = ["--", TABLE_HEADER]
    for row in rows:
        name = " ".join(row.name.replace(TABLE_HEADER, " ").split())
        if name[-1:].isdigit():
            name += " "  # "Mẫu số 0" + "1 bản chính" would read as a count of 01
        originals, copies = min(row.originals or 0, 9), min(row.copies or 0, 9)
        if originals + copies == 0:
            cell = "1 bản chính"
        elif copies == 0:
            cell = f"{originals} bản chính"
        else:
            cell = f"{originals} bản chính,{copies} bản sao" + (" có chứng thực" if row.certified else "")
        out.append(name + cell)
    return "".join(out)


def restore_rows(result: Any, rows: list[Row], field_name: str) -> list[tuple[str, str]]:
    """Put each paper's own quantities and forms on its requirement; return warnings.

    ``result`` is the parser's outcome on :func:`render_rows` text: one
    document entry, hence one requirement, per row. When the parser read the
    rows otherwise (a name that itself looks like two rows), nothing is put
    back and a warning says so.
    """
    procedure = getattr(result, "procedure", None)
    entries = getattr(result, "entries", None)
    if procedure is None or entries is None:
        return []
    documents = [e for e in entries if getattr(e, "kind", "document") == "document"]
    if len(documents) != len(rows) or len(procedure.requirements) != len(rows):
        message = (f"{len(rows)} papers given, read as {len(procedure.requirements)} entries: "
                   "their quantities and forms were not applied")
        return [(field_name, message)]
    for requirement, row in zip(procedure.requirements, rows):
        requirement.originals = row.originals or 0
        requirement.copies = row.copies or 0
        requirement.certified = requirement.certified or row.certified
        if row.forms:
            form = "Mẫu: " + "; ".join(row.forms)
            requirement.note = f"{requirement.note} | {form}" if requirement.note else form
    return []


# ------------------------------------------------------------------ shipped mappings


def shipped_mappings(folder: Path | str | None = None) -> dict[str, Mapping]:
    """The mappings of ``procedures/imports/`` by name, the default first."""
    folder = Path(folder or SHIPPED)
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        mapping = Mapping.load(path, shipped=True)
        found[mapping.name] = mapping
    ordered = {DEFAULT: found.pop(DEFAULT)} if DEFAULT in found else {}
    ordered.update(found)
    return ordered


def find_mapping(given: str, folder: Path | str | None = None) -> Mapping:
    """``--mapping``: a file, or the name of a shipped mapping.

    Raises
    ------
    DataError
        No such file or shipped mapping, or the file is not a valid mapping.
    """
    path = Path(given)
    if path.is_file():
        return Mapping.load(path)
    shipped = shipped_mappings(folder)
    if given in shipped:
        return shipped[given]
    raise DataError(given, None, None, f"no such mapping file, and no shipped mapping of that name "
                                       f"(shipped: {', '.join(shipped) or 'none'})")


def detect_mapping(keys: Iterable[str], folder: Path | str | None = None) -> Mapping:
    """The shipped mapping for a record (or table) with these keys: the first whose ``detect`` fits, else the default."""
    keys = list(keys)
    shipped = shipped_mappings(folder)
    for mapping in shipped.values():
        if mapping.fits(keys):
            return mapping
    return shipped[DEFAULT]
