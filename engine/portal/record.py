"""Turn one portal record (a parsed JSON dict) into a :class:`Procedure`.

A record that cannot become a procedure (no code, no readable dossier, a value
the model refuses) yields errors naming file, field and reason, never an
exception: an import reports it and carries on with the other records.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from engine.models import Procedure, Requirement, Text
from engine.text import clean

from .dossier import DossierError, Entry, parse_dossier
from .fields import parse_channels, parse_legal_refs, parse_levels, parse_result
from .papers import read_papers
from .recognise import Recogniser

_CODE = re.compile(r"^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]+)*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


@dataclass(frozen=True)
class RecordError:
    """Why a record (or one of its fields) could not be read."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


@dataclass
class ParseResult:
    """The outcome of :func:`parse_record`.

    Attributes
    ----------
    procedure : Procedure or None
        None when an error prevents building it.
    entries : list of Entry
        Every parsed dossier row (notes included), for reports.
    errors, warnings : list of RecordError
        Errors skip the record; warnings do not.
    """

    procedure: Procedure | None
    errors: list[RecordError] = field(default_factory=list)
    warnings: list[RecordError] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.procedure is not None and not self.errors


def _text(data: dict, key: str) -> str | None:
    value = data.get(key)
    if not isinstance(value, str):
        return None
    value = clean(value.replace("\xa0", " "))
    return value if value and value != "Không có thông tin" else None


#: Entries read, per recogniser: a national catalogue repeats the same entry in
#: the same procedure across provinces and levels, and a re-published record
#: repeats them all. Bounded, and compact: a digest of every input of the
#: reading, and the tree pickled (about 0.7 KB an entry).
MEMO_SIZE = 16_384
_MEMOS: weakref.WeakKeyDictionary[Recogniser, OrderedDict] = weakref.WeakKeyDictionary()


def _read(entry: Entry, recogniser: Recogniser, sources: Any, name: str | None, results: tuple,
          applicants: str | None):
    memo = _MEMOS.get(recogniser)
    if memo is None:
        memo = _MEMOS[recogniser] = OrderedDict()
    parts = (entry.text, *entry.notes, "\x1e", entry.section or "", name or "", *results, "\x1e", applicants or "", str(id(sources)))
    key = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()
    hit = memo.get(key)
    if hit is not None:
        memo.move_to_end(key)
        # Each requirement owns its tree: a caller may edit one procedure's.
        return pickle.loads(hit[0]), hit[1]
    tree = read_papers(entry.text, recogniser, sources, entry.notes, name, results, applicants, entry.section)
    memo[key] = (pickle.dumps(tree.node, protocol=pickle.HIGHEST_PROTOCOL), tuple(tree.waiver_sources))
    if len(memo) > MEMO_SIZE:
        memo.popitem(last=False)
    return tree.node, tree.waiver_sources


def _requirements(entries: list[Entry], recogniser: Recogniser, name: str | None = None, results: list[str] = (),
                  applicants: str | None = None) -> list[Requirement]:
    out: list[Requirement] = []
    sources = getattr(recogniser, "sources", None)
    results = tuple(results)
    for entry in entries:
        if entry.kind != "document":
            continue
        node, waiver_sources = _read(entry, recogniser, sources, name, results, applicants)
        notes = list(entry.notes)
        if entry.forms:
            notes.append("Mẫu: " + "; ".join(entry.forms))
        out.append(
            Requirement(
                id=f"e{len(out) + 1}",
                text=entry.text,
                components=node,
                originals=entry.originals,
                copies=entry.copies,
                certified=entry.certified,
                mode=entry.mode,
                condition=entry.condition,
                waived_by_text=entry.waived_by_text or bool(waiver_sources),
                note=" | ".join(notes) or None,
            )
        )
    return out


def parse_record(data: Any, path: str, ministry: str, recogniser: Recogniser) -> ParseResult:
    """Parse one portal record.

    Parameters
    ----------
    data : dict
        The record as loaded from ``<code>.json``.
    path : str
        Where it came from (used in errors).
    ministry : str
        Ministry slug given by the caller (the record's folder name).
    recogniser : Recogniser
        Built from the document registry.

    Returns
    -------
    ParseResult
        ``procedure`` is None exactly when ``errors`` is not empty.

    Examples
    --------
    >>> from engine.portal import Recogniser
    >>> result = parse_record({"ma_thu_tuc": "1.000001", "ten_thu_tuc": "Thủ tục thử",
    ...     "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"},
    ...     "x.json", "bo-tu-phap", Recogniser([]))
    >>> result.procedure.requirements[0].id, result.errors
    ('e1', [])
    """
    errors: list[RecordError] = []
    warnings: list[RecordError] = []

    def err(fld: str, reason: str) -> None:
        errors.append(RecordError(path, fld, reason))

    def warn(fld: str, reason: str) -> None:
        warnings.append(RecordError(path, fld, reason))

    if not isinstance(data, dict):
        return ParseResult(None, [RecordError(path, "(record)", f"expected a JSON object, got {type(data).__name__}")])
    code = data.get("ma_thu_tuc")
    if not isinstance(code, str) or not code.strip():
        err("ma_thu_tuc", "missing procedure code")
    elif not _CODE.match(code.strip()):
        err("ma_thu_tuc", f"malformed procedure code {code!r}")
    name = _text(data, "ten_thu_tuc")
    if name is None:
        err("ten_thu_tuc", "missing procedure name")
    if not _SLUG.match(ministry or ""):
        err("(ministry)", f"not a slug: {ministry!r}")

    entries: list[Entry] = []
    raw = data.get("thanh_phan_ho_so")
    if raw is None:
        err("thanh_phan_ho_so", "missing dossier")
    else:
        try:
            entries = parse_dossier(raw)
        except DossierError as exc:
            err("thanh_phan_ho_so", str(exc))
    for e in entries:
        if not e.quantity_found:
            warn("thanh_phan_ho_so", f"entry {e.index}: no quantity cell, kept as a note")
        elif e.kind == "document" and e.originals == 0 and e.copies == 0:
            warn("thanh_phan_ho_so", f"entry {e.index}: document with 0 originals and 0 copies")

    level_text = data.get("cap_thuc_hien")
    levels, level_warnings = parse_levels(level_text if isinstance(level_text, str) else "")
    for w in level_warnings:
        warn("cap_thuc_hien", w)
    channels, channel_warnings = ([], []) if not isinstance(data.get("cach_thuc_thuc_hien"), str) else parse_channels(data["cach_thuc_thuc_hien"])
    for w in channel_warnings:
        warn("cach_thuc_thuc_hien", w)
    legal = data.get("can_cu_phap_ly")
    legal_refs = parse_legal_refs(legal) if isinstance(legal, str) else []
    result_raw = data.get("ket_qua_xu_ly")
    result_text = parse_result(result_raw) if isinstance(result_raw, str) else None
    results = recogniser.recognise(result_text).types if result_text else []

    if errors:
        return ParseResult(None, errors, warnings, entries)
    try:
        procedure = Procedure(
            code=code.strip(),
            name=Text(vi=name),
            ministry=ministry,
            agency=_text(data, "co_quan_thuc_hien") or _text(data, "co_quan_co_tham_quyen"),
            level=levels,
            field=_text(data, "linh_vuc"),
            applicants=_text(data, "doi_tuong_thuc_hien"),
            url=_text(data, "detail_url"),
            results=results,
            result_text=result_text,
            channels=channels,
            legal_refs=legal_refs,
            requirements=_requirements(entries, recogniser, name, results, _text(data, "doi_tuong_thuc_hien")),
            origin="imported",
        )
    except ValidationError as exc:
        for e in exc.errors():
            err(".".join(str(x) for x in e["loc"]) or "(record)", e["msg"])
        return ParseResult(None, errors, warnings, entries)
    if not procedure.requirements:
        warn("thanh_phan_ho_so", "no document entry, only notes")
    return ParseResult(procedure, errors, warnings, entries)
