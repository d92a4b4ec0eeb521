"""Import portal records (a folder tree, a JSON array or JSON Lines) into the store.

The pipeline is: PATH -> :func:`engine.imports.read_path` (a folder through
:func:`engine.portal.iter_records`; one JSON array; JSON Lines line by line) ->
the record's ministry (:class:`engine.imports.MinistryResolver`) ->
:func:`engine.portal.parse_record` (with a :class:`engine.portal.Recogniser`
built from the shipped document registry) -> :meth:`Store.import_procedures`.

A record that cannot be read or parsed is reported as a :class:`Problem`
(file, field, reason) and skipped; every other record still imports, in one
transaction. Only file paths, field names and reasons are reported, never the
record's values, so nothing an applicant-facing record might hold reaches logs.

Examples
--------
>>> from engine.store import open_store
>>> result = import_folder("../shared/data/portal-2026", open_store())  # doctest: +SKIP
>>> result.exit_code  # doctest: +SKIP
0
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.models import Procedure
from engine.store import ImportSummary, Store
from engine.text import clean

#: ``(path, ministry)`` pairs of the records under a folder.
RecordLister = Callable[[Path], Iterable[tuple[Path, str]]]
#: ``parse(data, path, ministry) -> ParseResult``-like object with
#: ``procedure``, ``errors`` (objects with file, field, reason) and ``warnings``.
Parser = Callable[[dict, str, str], Any]
#: Called after each record with (records done, records in total).
Progress = Callable[[int, int], None]

#: How many unrecognised phrases the report lists.
TOP_PHRASES = 25
#: Phrases are cut to this many characters, so long paragraphs group together.
PHRASE_CHARS = 120


@dataclass
class Problem:
    """A record that was skipped: where, which field, and why."""

    file: str
    field: str
    reason: str
    #: The ministry folder the record came from (for the per-ministry report).
    ministry: str = ""


@dataclass
class ImportResult:
    """Outcome of :func:`import_folder`."""

    source_folder: str
    records: int  # files found
    parsed: int  # records that produced a Procedure
    problems: list[Problem]
    warnings: int
    summary: ImportSummary
    seconds: float
    #: Filled when ``report=True``: see :func:`build_report`.
    report: dict[str, Any] | None = None
    #: The format PATH was read as (folder, json, jsonl).
    format: str = "folder"
    #: Imported records per way their ministry was found (folder, agency, unknown).
    ministry_from: dict[str, int] = field(default_factory=dict)
    #: Where each imported record of unknown ministry was read.
    unknown_ministry: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when at least one record was imported (or was already current), else 1."""
        return 0 if self.parsed else 1

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable view of the result."""
        return {
            "source_folder": self.source_folder,
            "format": self.format,
            "records": self.records,
            "parsed": self.parsed,
            "skipped": len(self.problems),
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
            "summary": self.summary.model_dump(mode="json"),
            "problems": [vars(p) for p in self.problems],
            "ministry_from": self.ministry_from,
            "unknown_ministry": self.unknown_ministry,
            "report": self.report,
        }


# ------------------------------------------------------------------ default pipeline parts


def shipped_recogniser() -> Any:
    """Build the portal recogniser from the shipped document registry."""
    from engine.portal import Recogniser  # late: keeps `import engine.importer` light

    try:
        # The portal's own loader tolerates broken files elsewhere in procedures/.
        from engine.portal.registry import load_documents
    except ImportError:
        from engine.loading import load_catalogue

        return Recogniser(list(load_catalogue().catalogue.documents.values()))
    from engine.portal.papers import SourceNames
    from engine.portal.registry import load_sources

    recogniser = Recogniser(load_documents())
    # Waiver sentences name a database: tie them to our source ids.
    recogniser.sources = SourceNames(load_sources())
    return recogniser


def default_parser(recogniser: Any | None = None) -> Parser:
    """Return ``engine.portal.parse_record`` bound to ``recogniser``."""
    from engine.portal import parse_record

    recogniser = recogniser if recogniser is not None else shipped_recogniser()

    def parse(data: dict, path: str, ministry: str) -> Any:
        return parse_record(data, path, ministry, recogniser)

    return parse


def default_lister(root: Path) -> Iterable[tuple[Path, str]]:
    """Return ``engine.portal.iter_records(root)``."""
    from engine.portal import iter_records

    return iter_records(root)


# ------------------------------------------------------------------ pipeline


def parse_records(
    incoming: Iterable[Any],
    *,
    parse: Parser | None = None,
    resolver: Any | None = None,
    progress: Progress | None = None,
    total: int = 0,
) -> tuple[list[tuple[Procedure, str]], list[Problem], int, int, dict[str, Any]]:
    """Parse located records (:class:`engine.imports.Incoming`) into procedures.

    Each record's ministry comes from :class:`engine.imports.MinistryResolver`:
    its folder when that is an agency id, else its own agency field, else its
    folder, else ``"unknown"``.

    Returns
    -------
    procedures, problems, records, warnings
        As :func:`parse_folder`.
    ministries : dict
        ``from`` (records per way the ministry was found: folder, agency,
        unknown) and ``unknown`` (where each record of unknown ministry was read).
    """
    from engine.imports import MinistryResolver

    parse = parse or default_parser()
    resolver = resolver if resolver is not None else MinistryResolver()
    done: list[tuple[Procedure, str]] = []
    problems: list[Problem] = []
    warnings = records = 0
    how_counts: Counter[str] = Counter()
    unknown: list[str] = []
    for records, item in enumerate(incoming, 1):
        if not item.readable:
            problems.append(Problem(item.where, item.field, item.reason, item.folder or item.root or "unknown"))
        else:
            ministry, how = resolver.resolve(item.folder, item.data, item.root)
            problems_here, proc, warned = _parse_one(parse, item.data, item.where, ministry)
            for problem in problems_here:
                problem.ministry = ministry
            problems.extend(problems_here)
            warnings += warned
            if proc is not None:
                done.append((proc, ministry))
                how_counts[how] += 1
                if how == "unknown":
                    unknown.append(item.where)
        if progress is not None:
            progress(records, max(total, records))
    return done, problems, records, warnings, {"from": dict(sorted(how_counts.items())), "unknown": unknown}


def parse_folder(
    root: Path | str,
    *,
    parse: Parser | None = None,
    list_records: RecordLister | None = None,
    progress: Progress | None = None,
) -> tuple[list[tuple[Procedure, str]], list[Problem], int, int]:
    """Read and parse every record under ``root``.

    Returns
    -------
    procedures : list of (Procedure, ministry folder)
    problems : list of Problem
        One per skipped record (the first error names the field).
    records : int
        Files found.
    warnings : int
        Parser warnings over all records.
    """
    from engine.imports import read_path

    batch = read_path(root, "folder", list_records=list_records or default_lister)
    done, problems, records, warnings, _ = parse_records(batch.records, parse=parse, progress=progress, total=batch.total)
    return done, problems, records, warnings


def _parse_one(parse: Parser, data: Any, shown: str, ministry: str) -> tuple[list[Problem], Procedure | None, int]:
    if not isinstance(data, dict):
        return [Problem(shown, "", f"expected a JSON object, got {type(data).__name__}")], None, 0
    try:
        result = parse(data, shown, ministry)
    except Exception as exc:  # noqa: BLE001 - one broken record must not stop the import
        # The type only: exception messages may quote record text.
        return [Problem(shown, "", f"parser failed: {type(exc).__name__}")], None, 0
    errors = [Problem(str(e.file), str(e.field), str(e.reason)) for e in (result.errors or [])]
    warned = len(result.warnings or [])
    if result.procedure is None:
        return errors or [Problem(shown, "", "no procedure produced")], None, warned
    # A record that still produced a procedure imports; its errors were recoverable.
    return [], result.procedure, warned + len(errors)


def import_path(
    path: Path | str,
    store: Store,
    *,
    format: str = "auto",
    report: bool = False,
    parse: Parser | None = None,
    list_records: RecordLister | None = None,
    progress: Progress | None = None,
    resolver: Any | None = None,
) -> ImportResult:
    """Import every record of ``path`` into ``store`` as one version.

    Parameters
    ----------
    path : path
        A folder tree of ``<code>.json`` records, a JSON array file or a JSON
        Lines file (see :mod:`engine.imports.readers`).
    store : Store
        Where to import.
    format : str
        ``auto`` (by what ``path`` is), ``folder``, ``json`` or ``jsonl``.
    report : bool
        Also compute the figures of :func:`build_report`.
    parse, list_records : callable, optional
        Replace ``engine.portal``'s parser and record lister (tests).
    progress : callable, optional
        ``progress(done, total)`` after each record.
    resolver : MinistryResolver, optional
        How a record's ministry is found (default: the shipped agencies).

    Returns
    -------
    ImportResult
        Its ``exit_code`` is non-zero only when no record could be parsed.

    Raises
    ------
    engine.imports.ImportFormatError
        ``path`` cannot be read as ``format`` (before anything is written).
    """
    from engine.imports import read_path

    started = time.perf_counter()
    path = Path(path)
    batch = read_path(path, format, list_records=list_records or default_lister)
    parsed, problems, records, warnings, ministries = parse_records(
        batch.records, parse=parse, resolver=resolver, progress=progress, total=batch.total
    )
    procs = [proc for proc, _ in parsed]
    figures = build_report(parsed, problems, records) if report else None
    per_ministry = Counter(ministry for _, ministry in parsed)
    summary = store.import_procedures(
        procs, str(path), skipped=len(problems), counts={"ministries": dict(sorted(per_ministry.items()))}
    )
    return ImportResult(
        source_folder=str(path), records=records, parsed=len(procs), problems=problems,
        warnings=warnings, summary=summary, seconds=time.perf_counter() - started, report=figures,
        format=batch.format, ministry_from=ministries["from"], unknown_ministry=ministries["unknown"],
    )


def import_folder(
    root: Path | str,
    store: Store,
    *,
    report: bool = False,
    parse: Parser | None = None,
    list_records: RecordLister | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import every portal record under the folder ``root``: :func:`import_path` with ``format="folder"``."""
    return import_path(
        root, store, format="folder", report=report, parse=parse, list_records=list_records, progress=progress
    )


# ------------------------------------------------------------------ report


def _phrase(text: str) -> str:
    """A short display form of an unrecognised entry, for counting."""
    text = clean(text).rstrip(" .;:") or "(entry without text)"
    return text if len(text) <= PHRASE_CHARS else text[: PHRASE_CHARS - 1] + "…"


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _entry_figures(procs: Iterator[Procedure] | list[Procedure]) -> dict[str, Any]:
    counts = [len(p.requirements) for p in procs]
    entries = sum(counts)
    recognised = sum(1 for p in procs for r in p.requirements if r.document_types)
    ordered = sorted(counts)
    return {
        "procedures": len(counts),
        "entries": entries,
        "entries_per_procedure": {
            "mean": round(entries / len(counts), 2) if counts else None,
            "median": ordered[len(ordered) // 2] if ordered else None,
            "max": ordered[-1] if ordered else None,
        },
        "recognised_entries": recognised,
        "recognised_share": _ratio(recognised, entries),
    }


def build_report(
    parsed: list[tuple[Procedure, str]], problems: list[Problem], records: int
) -> dict[str, Any]:
    """Figures on an import: how well the portal text was understood.

    Returns
    -------
    dict
        JSON-serialisable: ``records``, ``parsed``, ``skipped``, the entry
        figures (entries per procedure, share with a recognised document type),
        ``unrecognised_phrases`` (most frequent first: what to add to the
        registry next) and ``ministries`` (the same figures per ministry folder).
    """
    procs = [p for p, _ in parsed]
    unrecognised = Counter(
        _phrase(r.text) for p in procs for r in p.requirements if not r.document_types
    )
    by_ministry: dict[str, list[Procedure]] = defaultdict(list)
    for proc, ministry in parsed:
        by_ministry[ministry].append(proc)
    skipped_by_ministry = Counter(p.ministry for p in problems)
    ministries = {}
    for ministry in sorted(set(by_ministry) | set(skipped_by_ministry)):
        figures = _entry_figures(by_ministry.get(ministry, []))
        figures["skipped"] = skipped_by_ministry.get(ministry, 0)
        ministries[ministry or "."] = figures
    return {
        "records": records,
        "parsed": len(procs),
        "skipped": len(problems),
        **_entry_figures(procs),
        "unrecognised_phrases": [
            {"phrase": phrase, "count": n} for phrase, n in unrecognised.most_common(TOP_PHRASES)
        ],
        "ministries": ministries,
    }
