"""The unnecessary-copies report: what the rules strike or replace, where, how many.

Pure functions over evaluations (from :meth:`Engine.evaluate_all`) and the
catalogue. Rows are the decisions the engine made; totals are sums of rows;
the Art. 3.2 gap list names procedures whose dossier still lists a document an
Art. 4 database replaces (sources with an Art. 4 ``clause`` in their data).

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> cat = load_catalogue().catalogue
>>> evs = Engine(cat).evaluate_all(dt.date(2026, 6, 1), {"nationality": "vn"})
>>> rep = unnecessary_report(evs, cat, dt.date(2026, 6, 1))
>>> rep.total["copies"] == sum(r.copies for r in rep.rows if not r.conditional)
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..catalogue import Catalogue
from ..models import Evaluation, Status
from .rows import NONE_KEY, Filters, Row, build_rows, classify, level_key

GROUPS = ("ministry", "field", "level", "source")


def art4_document_types(catalogue: Catalogue) -> dict[str, list[str]]:
    """Document type -> Art. 4 sources replacing it (sources whose ``clause`` is set).

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> art4_document_types(load_catalogue().catalogue)["birth-certificate"]
    ['civil-status']
    """
    out: dict[str, list[str]] = {}
    for src in sorted(catalogue.sources.values(), key=lambda s: s.id):
        if not src.clause:
            continue
        for doc in src.replaces:
            out.setdefault(doc, []).append(src.id)
    return out


def empty_totals() -> dict[str, int]:
    return {"requirements": 0, "copies": 0, "conditional_requirements": 0, "conditional_copies": 0, "procedures": 0}


def totals(rows: Iterable[Row], key: Callable[[Row], str] | None = None, extra: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """Sum ``rows`` by ``key`` (one group ``"all"`` when None).

    Each group counts definite rows (``requirements``, ``copies``) and
    conditional ones (``conditional_requirements``, ``conditional_copies``)
    separately, plus distinct ``procedures``; ``extra`` names numeric
    ``Row.extra`` fields to sum the same way (definite and ``conditional_`` ones).
    """
    groups: dict[str, dict[str, Any]] = {}
    procs: dict[str, set[str]] = {}
    for row in rows:
        k = key(row) if key else "all"
        k = k if k not in (None, "") else NONE_KEY
        g = groups.get(k)
        if g is None:
            g = groups[k] = empty_totals() | {name: 0 for name in extra} | {f"conditional_{name}": 0 for name in extra}
            procs[k] = set()
        prefix = "conditional_" if row.conditional else ""
        g[prefix + "requirements"] += 1
        g[prefix + "copies"] += row.copies
        for name in extra:
            g[prefix + name] += row.extra.get(name, 0) or 0
        procs[k].add(row.procedure)
    for k, g in groups.items():
        g["procedures"] = len(procs[k])
    return dict(sorted(groups.items(), key=lambda kv: (-kv[1]["copies"] - kv[1]["conditional_copies"], kv[0])))


@dataclass
class Gap:
    """A procedure whose dossier still lists a document an Art. 4 database replaces."""

    procedure: str
    procedure_name: str
    ministry: str
    field: str
    level: str
    requirements: list[str]
    document_types: list[str]
    sources: list[str]
    #: Decision status of each listed requirement on the report date (conditional = required with struck_if).
    statuses: dict[str, str]
    copies: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def gap_list(evaluations: Iterable[Evaluation], catalogue: Catalogue, filters: Filters | None = None) -> list[Gap]:
    """The Art. 3.2 gap list.

    A requirement counts when it names an Art. 4 document type, is not
    ``not_applicable``, and its own text does not already waive the paper
    (``waived_by_text``) nor hand the paper itself in (``surrendered``).
    """
    filters = filters or Filters()
    art4 = art4_document_types(catalogue)
    gaps: list[Gap] = []
    for ev in evaluations:
        proc = catalogue.procedures.get(ev.procedure)
        if proc is None or not filters.procedure_ok(proc):
            continue
        decisions = {d.requirement.id: d for d in ev.decisions}
        reqs, docs, sources, statuses, copies = [], [], [], {}, 0
        for req in proc.requirements:
            if req.waived_by_text or getattr(req, "surrendered", False):
                continue
            hit = [t for t in req.document_types if t in art4]
            srcs = sorted({s for t in hit for s in art4[t]})
            if filters.source:
                srcs = [s for s in srcs if s == filters.source]
            if not hit or not srcs:
                continue
            d = decisions.get(req.id)
            if d is not None and d.status is Status.not_applicable:
                continue
            reqs.append(req.id)
            docs.extend(t for t in hit if t not in docs)
            sources.extend(s for s in srcs if s not in sources)
            kind = classify(d) if d is not None else None
            statuses[req.id] = "conditional" if kind == "conditional" else (d.status.value if d is not None else "unknown")
            copies += req.originals + req.copies
        if reqs:
            gaps.append(
                Gap(proc.code, proc.name.vi, proc.ministry, proc.field or NONE_KEY, level_key(proc), reqs, docs, sorted(sources), statuses, copies)
            )
    return gaps


@dataclass
class UnnecessaryReport:
    """The report: rows, totals by ministry/field/level/source, the gap list."""

    as_of: dt.date
    filters: Filters
    applicant: dict
    rows: list[Row]
    total: dict[str, Any]
    by: dict[str, dict[str, dict[str, Any]]]
    gaps: list[Gap]
    procedures_evaluated: int
    catalogue_version: str = ""
    rules_version: str = ""
    meta: dict = field(default_factory=dict)

    def ministries(self) -> list[str]:
        """Ministry ids present in the rows or gaps, in catalogue order of appearance."""
        seen: list[str] = []
        for item in [*self.rows, *self.gaps]:
            if item.ministry not in seen:
                seen.append(item.ministry)
        return seen

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": "unnecessary",
            "as_of": self.as_of.isoformat(),
            "filters": self.filters.as_dict(),
            "applicant": self.applicant,
            "procedures_evaluated": self.procedures_evaluated,
            "catalogue_version": self.catalogue_version,
            "rules_version": self.rules_version,
            "total": self.total,
            "totals": self.by,
            "rows": [r.as_dict() for r in self.rows],
            "gaps": [g.as_dict() for g in self.gaps],
            **self.meta,
        }


def group_key(name: str) -> Callable[[Row], str]:
    """Row -> its key for totals ``by_<name>``."""
    if name == "source":
        return lambda r: r.source or f"(no source: {r.rule})"
    return lambda r: getattr(r, name)


def unnecessary_report(
    evaluations: list[Evaluation],
    catalogue: Catalogue,
    as_of: dt.date | None = None,
    filters: Filters | None = None,
    lang: str = "vi",
) -> UnnecessaryReport:
    """Build the unnecessary-copies report.

    Parameters
    ----------
    evaluations : list of Evaluation
        One per procedure, all on the same date and for the same applicant.
    catalogue : Catalogue
        The catalogue the evaluations came from.
    as_of : datetime.date, optional
        Report date (default: the evaluations' date).
    filters : Filters, optional
        Ministry, field, level (on the procedure) and source (on the row).
    lang : {"vi", "en"}
        Language of ministry names in rows.

    Returns
    -------
    UnnecessaryReport
        ``total`` and every group of ``by`` sum the rows (tested).
    """
    filters = filters or Filters()
    kept = [ev for ev in evaluations if ev.procedure in catalogue.procedures and filters.procedure_ok(catalogue.procedures[ev.procedure])]
    rows = build_rows(kept, catalogue, lang)
    if filters.source:
        rows = [r for r in rows if r.source == filters.source]
    as_of = as_of or (evaluations[0].as_of if evaluations else dt.date.today())
    first = evaluations[0] if evaluations else None
    return UnnecessaryReport(
        as_of=as_of,
        filters=filters,
        applicant=dict(first.applicant) if first else {},
        rows=rows,
        total=totals(rows).get("all", empty_totals()),
        by={name: totals(rows, group_key(name)) for name in GROUPS},
        gaps=gap_list(kept, catalogue, filters),
        procedures_evaluated=len(kept),
        catalogue_version=first.catalogue_version if first else catalogue.version,
        rules_version=first.rules_version if first else catalogue.rules_version,
    )
