"""Import procedure records (a folder tree, JSON, JSON Lines, CSV or Excel) into the store.

The pipeline, streamed record by record:

1. :func:`engine.imports.read_path` reads PATH in its format (records located
   as ``file.csv:12``, ``book.xlsx#Sheet:12``, ``crawl.jsonl:7``,
   ``records.json#3``, ``bo-tu-phap/1.000001.json``);
2. a :class:`engine.imports.Mapping` (``--mapping``, else the shipped one that
   fits: our portal crawl by default) turns each record into the portal crawl's
   shape, a synthetic code where it has none;
3. the record's ministry: its folder, else its own agency field
   (:class:`engine.imports.MinistryResolver`), else ``unknown``;
4. :func:`engine.portal.parse_record` (with a :class:`engine.portal.Recogniser`
   built from the shipped document registry), in worker processes for large
   inputs; a dossier field holding debris falls back to the dossier table of
   the record's full text;
5. :meth:`Store.import_procedures`, one transaction and one catalogue version
   per batch of ``batch_size`` procedures (default 1,000), so memory stays
   bounded however large the input.

A record that cannot be read or parsed is reported as a :class:`Problem`
(where, field, reason) and skipped; every other record still imports. Only
places, field names and reasons are reported, never the record's values, so
nothing an applicant-facing record might hold reaches logs. A record already
imported, unchanged, by the same parser is not parsed again
(:mod:`engine.imports.reuse`).

Examples
--------
>>> from engine.store import open_store
>>> result = import_path("../shared/data/portal-2026", open_store())  # doctest: +SKIP
>>> result.exit_code  # doctest: +SKIP
0
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
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
#: Called with (records done, records in total or an estimate).
Progress = Callable[[int, int], None]

#: How many unrecognised phrases the report lists.
TOP_PHRASES = 25
#: Phrases are cut to this many characters, so long paragraphs group together.
PHRASE_CHARS = 120
#: Procedures written per transaction (and catalogue version).
DEFAULT_BATCH = 1000
#: Records read, checked and handed to a worker at a time.
CHUNK = 64
#: Below this many records parsing stays in this process: a few seconds' work, which
#: workers make slower as soon as other work holds the cores (pickling costs ~15%).
POOL_MIN = 5000
#: The same for a format that does not say how many records it holds, by file size.
POOL_MIN_BYTES = 64 << 20
#: Chunks waiting for or in a worker, per worker.
INFLIGHT_PER_WORKER = 6
#: Places of records of unknown ministry kept for the report (all are counted).
LISTED = 1000
#: Records the field check of a given mapping looks at (JSON formats).
SAMPLE = 100

_DOSSIER, _FULL_TEXT = "thanh_phan_ho_so", "raw_text"


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
    """Outcome of :func:`import_path`."""

    source_folder: str
    records: int  # records found
    parsed: int  # records that gave a procedure (parsed now, or unchanged since an earlier import)
    problems: list[Problem]
    warnings: int
    summary: ImportSummary
    seconds: float
    #: Filled when ``report=True``: see :func:`build_report`.
    report: dict[str, Any] | None = None
    #: The format PATH was read as (folder, json, jsonl, csv, xlsx).
    format: str = "folder"
    #: Imported records per way their ministry was found (folder, agency, unknown).
    ministry_from: dict[str, int] = field(default_factory=dict)
    #: Where imported records of unknown ministry were read (the first LISTED).
    unknown_ministry: list[str] = field(default_factory=list)
    #: The mapping the records were read with.
    mapping: str = ""
    #: Catalogue versions written (one per batch that changed something).
    versions: list[int] = field(default_factory=list)
    #: Batches written (transactions).
    batches: int = 0
    #: Records found unchanged since an earlier import without parsing them again.
    reused: int = 0
    #: Records whose dossier was read from the full text (the dossier field held other text).
    from_full_text: int = 0
    #: Records given a synthetic code.
    synthetic_codes: int = 0
    #: Worker processes that parsed (0: this process).
    workers: int = 0
    #: Things said about the input as a whole (a sheet left out).
    notices: list[str] = field(default_factory=list)
    #: Records skipped (a record may have several problems); None: one per problem.
    skipped_records: int | None = None

    @property
    def rejected(self) -> int:
        """Records that were skipped."""
        return len(self.problems) if self.skipped_records is None else self.skipped_records

    @property
    def exit_code(self) -> int:
        """0 when at least one record was imported (or was already current), else 1."""
        return 0 if self.parsed else 1

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable view of the result."""
        return {
            "source_folder": self.source_folder,
            "format": self.format,
            "mapping": self.mapping,
            "records": self.records,
            "parsed": self.parsed,
            "skipped": self.rejected,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
            "summary": self.summary.model_dump(mode="json"),
            "versions": self.versions,
            "batches": self.batches,
            "reused": self.reused,
            "from_full_text": self.from_full_text,
            "synthetic_codes": self.synthetic_codes,
            "workers": self.workers,
            "problems": [vars(p) for p in self.problems],
            "ministry_from": self.ministry_from,
            "unknown_ministry": self.unknown_ministry,
            "notices": self.notices,
            "report": self.report,
        }


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`import_path`: what was read and what was written."""

    def __init__(self, read: int, total: int | None, versions: list[int], summary: ImportSummary, finished: bool):
        super().__init__()
        self.read, self.total, self.versions, self.summary, self.finished = read, total, versions, summary, finished


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


# ------------------------------------------------------------------ one record


def _table_header() -> str:
    from engine.portal.dossier import TABLE_HEADER

    return TABLE_HEADER


def _call(parse: Parser, data: dict, shown: str, ministry: str) -> tuple[Any, Problem | None]:
    try:
        return parse(data, shown, ministry), None
    except Exception as exc:  # noqa: BLE001 - one broken record must not stop the import
        # The type only: exception messages may quote record text.
        return None, Problem(shown, "", f"parser failed: {type(exc).__name__}")


def _parse_one(parse: Parser, data: Any, shown: str, ministry: str, rows: list | None = None,
               full_text: Any = None, display: dict[str, str] | None = None,
               ) -> tuple[list[Problem], Procedure | None, int, bool]:
    """Parse one mapped record: ``(problems, procedure, warnings, dossier from full text)``.

    When the dossier field holds no table (crawl debris: the procedure's
    steps) or does not parse, and the record's full text has a dossier section
    with a table (``full_text``: a :class:`engine.imports.mapping.FullText`),
    that section is parsed instead.
    """
    if not isinstance(data, dict):
        return [Problem(shown, "", f"expected a JSON object, got {type(data).__name__}")], None, 0, False
    display = display or {}
    header = _table_header() if full_text is not None and rows is None else None
    raw = data.get(_FULL_TEXT) if header else None
    section = None
    if isinstance(raw, str):
        text = data.get(_DOSSIER)
        if not isinstance(text, str) or header not in text:
            section = full_text.section(raw, header)
    result, crash = _call(parse, {**data, _DOSSIER: section} if section else data, shown, ministry)
    if crash is not None:
        return [crash], None, 0, False
    if result.procedure is None and section is None and isinstance(raw, str) \
            and any(str(e.field) == _DOSSIER for e in result.errors or []):
        section = full_text.section(raw, header)
        if section and section != data.get(_DOSSIER):
            second, crash = _call(parse, {**data, _DOSSIER: section}, shown, ministry)
            if crash is None and second.procedure is not None:
                result = second
            else:
                section = None
        else:
            section = None
    errors = [Problem(str(e.file), display.get(str(e.field), str(e.field)), str(e.reason)) for e in (result.errors or [])]
    warned = len(result.warnings or [])
    if result.procedure is None:
        return errors or [Problem(shown, "", "no procedure produced")], None, warned, False
    if rows is not None:
        from engine.imports.mapping import restore_rows

        warned += len(restore_rows(result, rows, display.get(_DOSSIER, _DOSSIER)))
    # A record that still produced a procedure imports; its errors were recoverable.
    return [], result.procedure, warned + len(errors), section is not None


#: Set in this process before the workers are forked; read by :func:`_work` in them.
_WORKER: dict[str, Any] = {}


def _work_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _work(items: list[tuple]) -> list[tuple]:
    """Parse a chunk of records in a worker: ``[(index, problems, procedure, warnings, from full text)]``."""
    parse, full_text = _WORKER["parse"], _WORKER["full_text"]
    out = []
    for index, data, rows, shown, ministry, display in items:
        out.append((index, *_parse_one(parse, data, shown, ministry, rows, full_text, display)))
    return out


# ------------------------------------------------------------------ the run


@dataclass
class _Item:
    """One record on its way through the pipeline (the main process's side)."""

    index: int
    where: str
    ministry: str
    how: str = ""
    code: str | None = None
    fp: bytes | None = None
    synthetic: bool = False
    #: Known before parsing: ("problems", [...]) or ("reused", (flags, warnings)).
    outcome: tuple | None = None
    payload: tuple | None = None


class _Run:
    """The state of one import: batches, counts, problems, the writer."""

    def __init__(self, store: Store, source: str, *, parse: Parser, resolver: Any, mapping: Any,
                 batch_size: int, report: bool, progress: Progress | None, batch: Any,
                 parser_fp: str | None, known: Any, workers: int):
        from engine.imports.mapping import TARGETS

        self.store, self.source, self.parse, self.resolver, self.mapping = store, source, parse, resolver, mapping
        self.batch_size, self.progress, self.batch = max(1, batch_size), progress, batch
        self.report = report
        self.parser_fp, self.parser_key = parser_fp, bytes.fromhex(parser_fp) if parser_fp else b""
        self.known, self.workers = known, workers
        self.full_text = mapping.full_text if "full_text" in mapping.fields else None
        self.portal_keys = {TARGETS[t]: t for t in mapping.fields}
        self.rejected = self.done = self.records = self.parsed = self.warnings = self.reused = self.from_full_text = self.synthetic = 0
        self.problems: list[Problem] = []
        self.how: Counter[str] = Counter()
        self.unknown: list[str] = []
        self.kept: list[tuple[Procedure, str]] = []  # every procedure, only for --report
        # the batch being filled
        self.pending: list[tuple[Procedure, str, bytes | None, int, int]] = []
        self.pending_rejected: list[tuple[bytes, str, str]] = []
        self.pending_skipped = 0
        # what was written
        self.summaries: list[ImportSummary] = []
        self.versions: list[int] = []
        self.batches = self.flushed = 0
        self.finished = False
        self.codes_written: set[str] = set()
        self.cross_duplicates = 0
        self.writer: ThreadPoolExecutor | None = None
        self.writing: Future | None = None

    # ------------------------------------------------------------------ reading side

    def prepare(self, incoming: Any, index: int) -> _Item:
        """Map, place and fingerprint one record; decide what is known without parsing."""
        from engine.imports.reuse import fingerprint

        self.records += 1
        if not incoming.readable:
            item = _Item(index, incoming.where, incoming.folder or incoming.root or "unknown")
            item.outcome = ("problems", [Problem(incoming.where, incoming.field, incoming.reason, item.ministry)])
            return item
        data = incoming.data
        if not isinstance(data, dict):
            item = _Item(index, incoming.where, incoming.folder or incoming.root or "unknown")
            item.outcome = ("problems", [Problem(incoming.where, "", f"expected a JSON object, got {type(data).__name__}")])
            return item
        mapped = self.mapping.apply(data)
        ministry, how = self.resolver.resolve(incoming.folder, mapped.record, incoming.root)
        item = _Item(index, incoming.where, ministry, how, mapped.code, synthetic=mapped.synthetic)
        if mapped.problems:
            item.outcome = ("problems", [Problem(incoming.where, f, r, ministry) for f, r in mapped.problems])
            return item
        display = {portal: self.mapping.display(portal, data) for portal in self.portal_keys} \
            if not self.mapping.shipped or self.mapping.name != "portal-crawl" else None
        if self.parser_fp:
            item.fp = fingerprint(self.parser_key, incoming.where, ministry, incoming.raw, data)
            rejected = self.known.rejected.get(item.fp)
            if rejected is not None:
                item.outcome = ("problems", [Problem(incoming.where, rejected[0], rejected[1], ministry)])
                item.fp = None  # nothing new to record
                return item
        item.payload = (index, mapped.record, mapped.rows, incoming.where, ministry, display)
        self.warnings += len(mapped.warnings)
        return item

    def check_known(self, items: list[_Item]) -> None:
        """Mark as reused the records whose fingerprint is known and whose code nothing rewrote since."""
        from engine.imports.reuse import last_versions

        if not self.known:
            return
        candidates = [i for i in items if i.payload is not None and i.fp in self.known.parsed and i.code]
        if not candidates:
            return
        stored = last_versions(self.store, list({i.code for i in candidates}))
        for item in candidates:
            version, flags, warnings = self.known.parsed[item.fp]
            last = stored.get(item.code)
            if last is not None and last <= version:
                item.outcome, item.payload = ("reused", (flags, warnings)), None

    # ------------------------------------------------------------------ outcomes

    def handle(self, item: _Item, outcome: tuple) -> None:
        from engine.imports.reuse import FROM_FULL_TEXT

        self.done += 1
        kind = outcome[0]
        if kind == "problems":
            for problem in outcome[1]:
                problem.ministry = problem.ministry or item.ministry
                self.problems.append(problem)
            self.pending_skipped += 1
            self.rejected += 1
            if item.fp is not None and len(outcome[1]) >= 1:
                first = outcome[1][0]
                self.pending_rejected.append((item.fp, first.field, first.reason))
            return
        if kind == "reused":
            flags, warnings = outcome[1]
            self.reused += 1
            self._counted(item, warnings, bool(flags & FROM_FULL_TEXT))
            return
        _, procedure, warnings, from_full_text = outcome
        self._counted(item, warnings, from_full_text)
        self.pending.append((procedure, item.ministry, item.fp, FROM_FULL_TEXT if from_full_text else 0, warnings))
        if self.report:
            self.kept.append((procedure, item.ministry))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def _counted(self, item: _Item, warnings: int, from_full_text: bool) -> None:
        self.parsed += 1
        self.warnings += warnings
        self.from_full_text += from_full_text
        self.synthetic += item.synthetic
        self.how[item.how] += 1
        if item.how == "unknown" and len(self.unknown) < LISTED:
            self.unknown.append(item.where)

    def outcome_of(self, result: tuple) -> tuple:
        _, problems, procedure, warnings, from_full_text = result
        if procedure is None:
            return ("problems", problems)
        return ("parsed", procedure, warnings, from_full_text)

    # ------------------------------------------------------------------ writing side

    def flush(self) -> None:
        """Write the batch being filled: in the writer thread when there is one."""
        if not self.pending and not self.pending_skipped:
            return
        pending, rejected, skipped = self.pending, self.pending_rejected, self.pending_skipped
        self.pending, self.pending_rejected, self.pending_skipped = [], [], 0
        if not pending:
            # Only rejected records: nothing to write, but remember them for the totals.
            self.summaries.append(ImportSummary(version=None, source_folder=self.source, records=0, skipped=skipped))
            return
        for procedure, *_ in pending:
            if procedure.code in self.codes_written:
                self.cross_duplicates += 1
        self.codes_written.update(p.code for p, *_ in pending)
        self.flushed += 1
        if self.writer is None:
            self._collect(self._write(pending, rejected, skipped, self.flushed))
            return
        self.wait()
        self.writing = self.writer.submit(self._write, pending, rejected, skipped, self.flushed)

    def wait(self) -> None:
        if self.writing is not None:
            future, self.writing = self.writing, None
            self._collect(future.result())

    def _collect(self, summary: ImportSummary) -> None:
        self.summaries.append(summary)
        self.batches += 1
        if summary.version is not None:
            self.versions.append(summary.version)

    def _write(self, pending: list, rejected: list, skipped: int, number: int) -> ImportSummary:
        from engine.imports.reuse import version_info

        procs = [p for p, *_ in pending]
        counts: dict[str, Any] = {"ministries": dict(sorted(Counter(m for _, m, *_ in pending).items())),
                                  "batch": number}
        if self.parser_fp:
            # Only the last record of a code in the batch is what the store keeps.
            last = {p.code: i for i, (p, *_) in enumerate(pending)}
            parsed = [(fp, flags, warnings) for i, (p, _, fp, flags, warnings) in enumerate(pending)
                      if fp is not None and last[p.code] == i]
            counts["reuse"] = version_info(self.parser_fp, parsed, rejected)
        return self.store.import_procedures(procs, self.source, skipped=skipped, counts=counts)

    def summary(self) -> ImportSummary:
        total = ImportSummary(version=self.versions[-1] if self.versions else None, source_folder=self.source,
                              records=0, skipped=self.rejected)
        for s in self.summaries:
            total.records += s.records
            total.added += s.added
            total.updated += s.updated
            total.unchanged += s.unchanged
            total.stale += s.stale
            total.duplicates += s.duplicates
            total.added_codes.extend(s.added_codes)
            total.updated_codes.extend(s.updated_codes)
        total.records += self.reused
        total.unchanged += self.reused
        total.duplicates += self.cross_duplicates
        return total

    def report_progress(self, done: int) -> None:
        if self.progress is None:
            return
        total = self.batch.total
        if total is None:
            size, position = self.batch.size, self.batch.position
            total = int(done * size / position) if position and size else done
        self.progress(done, max(total, done))


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _peek(records: Iterator[Any], wanted: int) -> tuple[list[Any], Iterator[Any]]:
    """The first ``wanted`` readable dict records (and what was read before them), and the rest."""
    seen, readable = [], 0
    for item in records:
        seen.append(item)
        if item.readable and isinstance(item.data, dict):
            readable += 1
            if readable >= wanted:
                break
    return seen, chain(seen, records)


def choose_mapping(batch: Any, mapping: Any, path: Path) -> tuple[Any, Iterator[Any], list[str]]:
    """The mapping to read ``batch`` with, checked against its fields; the records; notices.

    Raises
    ------
    engine.imports.MappingError
        A given mapping names fields the input does not have (checked on a
        table's header, or on the first records of a JSON input), or no sheet
        of a workbook has the columns the mapping needs.
    """
    from engine.imports import MappingError, detect_mapping

    given = mapping is not None
    records = batch.records
    notices: list[str] = []
    if batch.headers:
        first = next(iter(batch.headers.values()))
        mapping = mapping if given else detect_mapping(first)
        good, errors = set(), []
        for label, header in batch.headers.items():
            missing = mapping.missing(header, f"the header of {label}", only_required=not given)
            if missing:
                errors.extend(missing)
            else:
                good.add(label)
        if not good:
            raise MappingError(errors, mapping.name)
        if len(good) < len(batch.headers):
            batch.only = good
            for label in batch.headers:
                if label not in good:
                    notices.append(f"{label}: left out, its header lacks columns mapping {mapping.name!r} needs")
        return mapping, records, notices
    if given:
        seen, records = _peek(records, SAMPLE)
        dicts = [i.data for i in seen if i.readable and isinstance(i.data, dict)]
        if dicts:
            keys = list(dict.fromkeys(k for d in dicts for k in d))
            errors = mapping.missing(keys, f"the first {len(dicts)} record(s) of {path.name}")
            if errors:
                raise MappingError(errors, mapping.name)
        return mapping, records, notices
    seen, records = _peek(records, 1)
    dicts = [i.data for i in seen if i.readable and isinstance(i.data, dict)]
    return detect_mapping(dicts[0].keys() if dicts else ()), records, notices


def _workers(requested: int | None, total: int | None, batch: Any) -> int:
    if requested is not None:
        return max(0, requested) if requested > 1 else 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    big = (total or 0) >= POOL_MIN or (total is None and batch.size >= POOL_MIN_BYTES)
    return min(cpus, 4) if cpus > 1 and big else 0


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
    mapping: Any | None = None,
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    reuse: bool = True,
) -> ImportResult:
    """Import every record of ``path`` into ``store``, a batch per transaction.

    Parameters
    ----------
    path : path
        A folder tree of ``<code>.json`` records, a JSON array, JSON Lines, CSV
        or Excel file (see :mod:`engine.imports.readers`).
    store : Store
        Where to import.
    format : str
        ``auto`` (by what ``path`` is), ``folder``, ``json``, ``jsonl``, ``csv`` or ``xlsx``.
    report : bool
        Also compute the figures of :func:`build_report` (keeps every parsed
        procedure in memory, and parses every record).
    parse, list_records : callable, optional
        Replace ``engine.portal``'s parser and record lister (tests). A parser
        given here disables re-use of earlier parses.
    progress : callable, optional
        ``progress(done, total)`` as records are done (total estimated when
        the format does not give it).
    resolver : MinistryResolver, optional
        How a record's ministry is found (default: the shipped agencies and aliases).
    mapping : Mapping or str, optional
        How to read the records (a :class:`engine.imports.Mapping`, a file or a
        shipped mapping's name); default: the shipped mapping that fits.
    batch_size : int
        Procedures written per transaction (one catalogue version each).
    workers : int, optional
        Processes that parse; default: the CPUs (at most 4) for inputs of
        :data:`POOL_MIN` records or more (:data:`POOL_MIN_BYTES` when the
        format does not say), else none (this process parses).
    reuse : bool
        Skip parsing records unchanged since an earlier import (:mod:`engine.imports.reuse`).

    Returns
    -------
    ImportResult
        Its ``exit_code`` is non-zero only when no record could be parsed.

    Raises
    ------
    engine.imports.ImportFormatError
        ``path`` cannot be read as ``format``, or (``MappingError``) the
        mapping does not fit it: before anything is written.
    ImportInterrupted
        On Ctrl-C: what was read and written by then (whole batches only).
    """
    from engine.imports import MinistryResolver, find_mapping, read_path
    from engine.imports.reuse import Known, parser_fingerprint

    started = time.perf_counter()
    path = Path(path)
    batch = read_path(path, format, list_records=list_records or default_lister)
    if isinstance(mapping, str):
        mapping = find_mapping(mapping)
    mapping, records, notices = choose_mapping(batch, mapping, path)
    resolver = resolver if resolver is not None else MinistryResolver()
    parser_fp = None
    known = Known()
    if parse is None:
        parse = default_parser()
        if reuse and not report:
            parser_fp = parser_fingerprint(_mapping_text(mapping))
            known = Known.from_versions(store.versions(), parser_fp)
    count = _workers(workers, batch.total, batch)
    run = _Run(store, str(path), parse=parse, resolver=resolver, mapping=mapping, batch_size=batch_size,
               report=report, progress=progress, batch=batch, parser_fp=parser_fp, known=known, workers=count)
    pool = None
    try:
        if count:
            import multiprocessing

            _WORKER.update(parse=parse, full_text=run.full_text)
            pool = multiprocessing.get_context("fork").Pool(count, initializer=_work_init)
            run.writer = ThreadPoolExecutor(1, thread_name_prefix="onceonly-import-writer")
            _run_pool(run, records, pool, count)
        else:
            _run_here(run, records)
        run.flush()
        run.wait()
        run.finished = True
        procs_report = build_report(run.kept, run.problems, run.records) if report else None
        return ImportResult(
            source_folder=str(path), records=run.records, parsed=run.parsed, problems=run.problems,
            warnings=run.warnings, summary=run.summary(), seconds=time.perf_counter() - started,
            report=procs_report, format=batch.format, ministry_from=dict(sorted(run.how.items())),
            unknown_ministry=run.unknown, mapping=mapping.name, versions=run.versions, batches=run.batches,
            reused=run.reused, from_full_text=run.from_full_text, synthetic_codes=run.synthetic, workers=count,
            notices=notices, skipped_records=run.rejected,
        )
    except KeyboardInterrupt as exc:
        if pool is not None:
            pool.terminate()
            pool = None
        with contextlib.suppress(BaseException):  # its own interrupt or error: it rolled back
            run.wait()  # a batch being written commits (or rolls back) whole
        raise ImportInterrupted(run.done, batch.total, list(run.versions), run.summary(), run.finished) from exc
    except BaseException:
        if pool is not None:  # an error: the records still queued are not wanted
            pool.terminate()
            pool = None
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if run.writer is not None:
            run.writer.shutdown(wait=True)
        _WORKER.clear()


def _mapping_text(mapping: Any) -> bytes:
    try:
        return Path(mapping.file).read_bytes() if mapping.shipped or Path(mapping.file).is_file() else repr(vars(mapping)).encode()
    except OSError:
        return repr(mapping.fields).encode()


def _run_here(run: _Run, records: Iterator[Any]) -> None:
    """Parse in this process, record by record (small inputs, tests)."""
    index = 0
    for chunk in _chunks(iter(records), CHUNK):
        items = []
        for incoming in chunk:
            items.append(run.prepare(incoming, index))
            index += 1
        run.check_known(items)
        for item in items:
            if item.outcome is not None:
                run.handle(item, item.outcome)
            else:
                _, data, rows, shown, ministry, display = item.payload
                item.payload = None
                result = _parse_one(run.parse, data, shown, ministry, rows, run.full_text, display)
                run.handle(item, run.outcome_of((item.index, *result)))
            run.report_progress(item.index + 1)


def _run_pool(run: _Run, records: Iterator[Any], pool: Any, workers: int) -> None:
    """Read and check in this process, parse in ``pool``, write in the writer thread, in order."""
    window: deque[tuple[list[_Item], Any]] = deque()
    limit = workers * INFLIGHT_PER_WORKER
    index = done = 0

    def drain_one() -> None:
        nonlocal done
        items, pending = window.popleft()
        results = {r[0]: r for r in pending.get()} if pending is not None else {}
        for item in items:
            run.handle(item, item.outcome if item.outcome is not None else run.outcome_of(results[item.index]))
        done += len(items)
        run.report_progress(done)

    for chunk in _chunks(iter(records), CHUNK):
        items = []
        for incoming in chunk:
            items.append(run.prepare(incoming, index))
            index += 1
        run.check_known(items)
        payloads = [item.payload for item in items if item.outcome is None]
        for item in items:
            item.payload = None
        window.append((items, pool.apply_async(_work, (payloads,)) if payloads else None))
        while window and (len(window) > limit or window[0][1] is None or window[0][1].ready()):
            drain_one()
    while window:
        drain_one()


def parse_records(
    incoming: Iterable[Any],
    *,
    parse: Parser | None = None,
    resolver: Any | None = None,
    progress: Progress | None = None,
    total: int = 0,
    mapping: Any | None = None,
) -> tuple[list[tuple[Procedure, str]], list[Problem], int, int, dict[str, Any]]:
    """Parse located records (:class:`engine.imports.Incoming`) into procedures, in this process.

    Returns
    -------
    procedures, problems, records, warnings
        As :func:`parse_folder`.
    ministries : dict
        ``from`` (records per way the ministry was found: folder, agency,
        unknown) and ``unknown`` (where each record of unknown ministry was read).
    """
    from engine.imports import MinistryResolver, detect_mapping
    from engine.imports.readers import Batch

    incoming = iter(incoming)
    if mapping is None:
        seen, incoming = _peek(incoming, 1)
        dicts = [i.data for i in seen if i.readable and isinstance(i.data, dict)]
        mapping = detect_mapping(dicts[0].keys() if dicts else ())
    run = _Run(None, "", parse=parse or default_parser(), resolver=resolver or MinistryResolver(), mapping=mapping,
               batch_size=1 << 62, report=True, progress=progress, batch=Batch("", total or None, iter(())),
               parser_fp=None, known=None, workers=0)
    _run_here(run, incoming)
    return run.kept, run.problems, run.records, run.warnings, {"from": dict(sorted(run.how.items())), "unknown": run.unknown}


def parse_folder(
    root: Path | str,
    *,
    parse: Parser | None = None,
    list_records: RecordLister | None = None,
    progress: Progress | None = None,
) -> tuple[list[tuple[Procedure, str]], list[Problem], int, int]:
    """Read and parse every record under ``root`` (nothing is written).

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
    done, problems, records, warnings, _ = parse_records(batch.records, parse=parse, progress=progress,
                                                         total=batch.total or 0)
    return done, problems, records, warnings


def import_folder(
    root: Path | str,
    store: Store,
    *,
    report: bool = False,
    parse: Parser | None = None,
    list_records: RecordLister | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> ImportResult:
    """Import every portal record under the folder ``root``: :func:`import_path` with ``format="folder"``."""
    return import_path(root, store, format="folder", report=report, parse=parse, list_records=list_records,
                       progress=progress, **options)


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
