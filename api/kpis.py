"""KPI counters: documents and copies not requested, aggregated in memory, written in batches.

The hot path only adds a few integers to dicts (on the event-loop thread, so
no lock); a background task swaps the dicts and upserts the sums into the
store every ``kpi_flush_seconds``. No applicant data is kept: only day,
ministry, procedure, source and counts. A crash loses at most one interval.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextvars import ContextVar

from engine.store.api_repo import add_kpis

log = logging.getLogger("onceonly.api")

#: The header the officers' dashboard sends with every call (``api/static/js/api.js``).
#: Its evaluations are officers looking at a procedure, not dossiers filed through a
#: portal: the live KPIs leave them out. A caller can only hide its own traffic this way.
CLIENT_HEADER = b"x-onceonly-client"
DASHBOARD = b"dashboard"
#: True while a request of the dashboard is answered (set by :class:`api.middleware.ApiMiddleware`).
not_portal_traffic: ContextVar[bool] = ContextVar("not_portal_traffic", default=False)

#: (ministry, procedure, source, documents, copies) rows of one evaluation, and
#: its (ministry, procedure, copies_before, copies_after).
KpiItems = tuple[tuple[tuple[str, str, str, int, int], ...], tuple[str, str, int, int]]


class KpiRecorder:
    def __init__(self, engine):
        self.engine = engine
        self._counts: dict[tuple, list[int]] = {}
        self._evals: dict[tuple, list[int]] = {}

    def add(self, items: KpiItems, day: dt.date | None = None) -> None:
        if not_portal_traffic.get():
            return  # the dashboard's own evaluation: not a dossier
        day = day or dt.date.today()
        counts, evals = self._counts, self._evals
        for ministry, code, source, docs, copies in items[0]:
            key = (day, ministry, code, source)
            slot = counts.get(key)
            if slot is None:
                counts[key] = [docs, copies]
            else:
                slot[0] += docs
                slot[1] += copies
        ministry, code, before, after = items[1]
        key = (day, ministry, code)
        slot = evals.get(key)
        if slot is None:
            evals[key] = [1, before, after]
        else:
            slot[0] += 1
            slot[1] += before
            slot[2] += after

    def take(self) -> tuple[dict, dict]:
        """Hand the pending counters over (call on the loop thread)."""
        counts, evals = self._counts, self._evals
        self._counts, self._evals = {}, {}
        return counts, evals

    def give_back(self, counts: dict, evals: dict) -> None:
        """A failed write: keep the counts for the next flush."""
        for key, (docs, copies) in counts.items():
            slot = self._counts.setdefault(key, [0, 0])
            slot[0] += docs
            slot[1] += copies
        for key, values in evals.items():
            slot = self._evals.setdefault(key, [0, 0, 0])
            for i, v in enumerate(values):
                slot[i] += v

    def write(self, counts: dict, evals: dict) -> None:
        """Upsert into the store (call in a worker thread)."""
        if counts or evals:
            add_kpis(self.engine, counts, evals)

    @property
    def pending(self) -> int:
        return len(self._counts) + len(self._evals)


def items_of(evaluation, ministry: str) -> KpiItems:
    """The KPI rows of one evaluation (computed once per cached decision)."""
    per_source: dict[str, list[int]] = {}
    for d in evaluation.decisions:
        if d.status.value in ("struck", "replaced"):
            slot = per_source.setdefault(d.source or "none", [0, 0])
            slot[0] += 1
            slot[1] += d.copies_avoided
    code = evaluation.procedure
    s = evaluation.summary
    return (
        tuple((ministry, code, src, v[0], v[1]) for src, v in sorted(per_source.items())),
        (ministry, code, s.copies_before, s.copies_after),
    )
