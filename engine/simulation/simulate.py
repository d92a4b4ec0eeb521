"""Compare a scenario with the baseline: what the engine decides differently.

Nothing here decides a requirement: every decision is the
:class:`~engine.evaluator.Engine`'s (durable-rules). This module only chooses
what to evaluate and adds the results up.

What is evaluated, and why it is exact:

- **Only the procedures the scenario can change.** A decision depends on the
  procedure's entries, the compiled rules of each entry's document types, the
  source statuses, the applicant and the date. Records the scenario leaves alone
  are the very same objects in both catalogues (copy-on-write clone), so a
  document type whose rules and sources are all identical, and whose sources
  have no outage, decides the same on both sides; a procedure made only of such
  types, and not itself edited, has a zero diff and is skipped.
- **One evaluation per date segment.** The compiled rules compare the date
  only with the bounds of rule windows (validity, announcement, quality and
  coverage dates) and outage windows; between two consecutive bounds every
  decision is the same, so each month of the timeline that falls in a segment
  already evaluated reuses it (the engine's own cache, keyed by date).
- **One evaluation per equivalence class of applicants.** With a population,
  each procedure is evaluated once for one real member of every class of the
  attributes its rules test (on either side), and weighted by the class size.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..catalogue import Catalogue
from ..compiler import rule_windows, template_key
from ..evaluator import Engine
from ..host import DurableHost
from ..models import Status
from .apply import apply, status_on
from .population import Population
from .scenario import Outage, Scenario

REMOVED = (Status.struck, Status.replaced)
_DAY = dt.timedelta(days=1)
NO_SOURCE = "(none)"


# --------------------------------------------------------------------------- metrics


METRICS = (
    "procedures",
    "requirements_removed",
    "requirements_added",
    "copies_removed",
    "copies_added",
    "copies_removed_per_year",
    "copies_added_per_year",
    "hours_saved_per_year",
    "vnd_saved_per_year",
    "conditional_removed",
    "conditional_added",
    "conditional_copies_removed",
    "conditional_copies_added",
    #: Upper bound: hours a year if every applicant were covered by the conditional strikes.
    "conditional_hours_per_year",
)


def _zero() -> dict[str, float]:
    return {m: 0.0 for m in METRICS}


@dataclass
class Side:
    """One catalogue to evaluate and the outage scenarios that override its source statuses."""

    catalogue: Catalogue
    engine: Engine
    scenarios: list[Scenario] = field(default_factory=list)
    #: Sorted dates at which some decision may change (rule-window bounds, outages).
    bounds: list[dt.date] = field(default_factory=list)
    #: Per document type, the (attribute, value set) pairs its rules test (cache).
    value_sets: dict[str, list] = field(default_factory=dict)
    #: Caches: template key per document type, windows per rule.
    templates: dict[str, tuple] = field(default_factory=dict)
    windows: dict[str, list] = field(default_factory=dict)

    def status(self, day: dt.date) -> dict[str, str]:
        return status_on(self.scenarios, day) if self.scenarios else {}

    def representative(self, day: dt.date, chosen: dict[int, dt.date]) -> dt.date:
        """The first date asked for in ``day``'s segment (so equal segments share a cache entry)."""
        seg = bisect.bisect_right(self.bounds, day)
        return chosen.setdefault(seg, day)


class _Costs:
    """The Standard Cost Model of the reports (``engine.costs``), or none."""

    def __init__(self, model: Any):
        self.model = model

    def volume(self, proc) -> tuple[float, bool]:
        if self.model is not None:
            per_year, estimated = self.model.volume(proc)
            return float(per_year), bool(estimated)
        if proc.volume is not None:
            return float(proc.volume.per_year), bool(proc.volume.reference.estimate)
        return 0.0, True

    def burden(self, copies: float, documents: float) -> tuple[float | None, float | None]:
        if self.model is None:
            return None, None
        return self.model.burden(copies_per_year=max(copies, 0.0), documents_per_year=max(documents, 0.0))


def load_costs(catalogue: Catalogue, as_of: dt.date) -> tuple[Any, str | None]:
    """The cost model on ``as_of``, or ``(None, reason)`` when it cannot be loaded."""
    try:
        from ..costs import load_cost_model
    except ImportError:
        return None, "the cost model (engine.costs) is not installed"
    try:
        return load_cost_model(catalogue, as_of), None
    except Exception as exc:  # CostModelError and friends: report, do not crash
        return None, f"cost model unavailable: {exc}"


def month_firsts(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of the months from ``start`` to ``end`` (both inclusive)."""
    day = start.replace(day=1)
    if day < start:
        day = _next_month(day)
    out = []
    while day <= end:
        out.append(day)
        day = _next_month(day)
    return out


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


# --------------------------------------------------------------------------- simulator


class Simulator:
    """Baseline evaluations shared by every scenario compared against it.

    One durable host serves every catalogue (rulesets are registered by content
    hash, so a template the scenario leaves alone is compiled once), and the
    baseline engine's cache is reused across scenarios and roadmap steps.
    """

    def __init__(self, baseline: Catalogue, cost_model: Any = None, host: DurableHost | None = None, cost_note: str | None = None):
        self.baseline = baseline
        self.host = host or DurableHost()
        self.base = self.side(baseline, [])
        self.costs = _Costs(cost_model)
        self.cost_note = cost_note
        self._doc_index: dict[str, set[str]] | None = None
        self._req_index: dict[str, set[tuple[str, str]]] | None = None

    def side(self, catalogue: Catalogue, scenarios: list[Scenario]) -> Side:
        engine = Engine(catalogue, host=self.host)
        return Side(catalogue, engine, list(scenarios), _bounds(catalogue, scenarios))

    def scenario_side(self, scenario: Scenario, on: Side | None = None) -> Side:
        """The side of ``scenario`` applied on ``on`` (default: the baseline)."""
        on = on or self.base
        twin = apply(on.catalogue, scenario)  # validates every operation
        if all(isinstance(op, Outage) for op in scenario.operations):
            # No change of law: the same catalogue and engine (and its cache) serve both
            # sides; only the source-status overrides differ, and they are part of the cache key.
            return Side(on.catalogue, on.engine, on.scenarios + [scenario], _bounds(on.catalogue, on.scenarios + [scenario]), on.value_sets, on.templates, on.windows)
        return self.side(twin, on.scenarios + [scenario])

    # ------------------------------------------------------------------ what changes

    def doc_index(self) -> dict[str, set[str]]:
        if self._doc_index is None:
            index: dict[str, set[str]] = {}
            for code, proc in self.baseline.procedures.items():
                for req in proc.requirements:
                    for doc in req.document_types:
                        index.setdefault(doc, set()).add(code)
            self._doc_index = index
        return self._doc_index

    def entries(self, docs: Iterable[str]) -> set[tuple[str, str]]:
        """(procedure, requirement id) of every baseline entry asking for one of ``docs``."""
        if self._req_index is None:
            index: dict[str, set[tuple[str, str]]] = {}
            for code, proc in self.baseline.procedures.items():
                for req in proc.requirements:
                    for doc in req.document_types:
                        index.setdefault(doc, set()).add((code, req.id))
            self._req_index = index
        out: set[tuple[str, str]] = set()
        for doc in docs:
            out |= self._req_index.get(doc, set())
        return out

    def affected(self, a: Side, b: Side) -> tuple[set[str], set[str]]:
        """Document types and procedure codes whose decisions may differ between ``a`` and ``b``."""
        ca, cb = a.catalogue, b.catalogue
        docs: set[str] = set()
        outage_sources = {op.source for sc in a.scenarios + b.scenarios for op in sc.outages()}
        for doc in set(ca.documents) | set(cb.documents):
            sig_a = _signature(ca, doc)
            sig_b = _signature(cb, doc)
            if sig_a != sig_b:
                docs.add(doc)
            elif outage_sources and any(
                set(c.rules[r].sources) & outage_sources for c, key in ((ca, sig_a), (cb, sig_b)) for r, _, _ in key
            ):
                docs.add(doc)
        index = self.doc_index()
        codes: set[str] = set()
        for doc in docs:
            codes |= index.get(doc, set())
        changed = set()
        base_procs = self.baseline.procedures
        for cat in (ca, cb):
            if cat is self.baseline:
                continue
            for code, proc in cat.procedures.items():
                if proc is not base_procs.get(code):
                    changed.add(code)
        codes |= {c for c in changed if ca.procedures.get(c) is not cb.procedures.get(c)}
        codes |= {c for c in changed if any(d in docs for r in _reqs(ca, cb, c) for d in r.document_types)}
        return docs, codes

    # ------------------------------------------------------------------ compare

    def compare(
        self,
        a: Side,
        b: Side,
        as_of: dt.date,
        dates: Iterable[dt.date] = (),
        population: Population | None = None,
        detail: bool = True,
        absolute: bool = True,
        only: set[str] | None = None,
    ) -> dict:
        """The diff from side ``a`` (before) to side ``b`` (after) on ``as_of``, and totals
        for each of ``dates`` (the timeline).

        With ``absolute=False`` the ``before``/``after`` figures (copies avoided on each
        side) are not computed, and procedures deciding alike on a date are skipped
        entirely (the roadmap needs only the diff). ``only`` restricts the comparison
        to those procedure codes."""
        docs, codes = self.affected(a, b)
        codes = sorted(c for c in codes if (c in a.catalogue.procedures or c in b.catalogue.procedures) and (only is None or c in only))
        edited = {c for c in codes if a.catalogue.procedures.get(c) is not b.catalogue.procedures.get(c)}
        chosen_a: dict[int, dt.date] = {}
        chosen_b: dict[int, dt.date] = {}
        on_day = lambda day: self._codes_on(a, b, day, docs, edited)  # noqa: E731
        first, differing = self._differ_on(a, b, as_of, docs, edited)
        if only is not None:
            first = [c for c in first if c in only]
        # Only the diff is asked for: classes over what the differing entries test suffice
        # (the other entries decide alike on both sides for any one member).
        focus = None if absolute else (differing, edited)
        result = self._diff(a, b, codes if absolute else first, set(first), as_of, population, chosen_a, chosen_b, detail=detail, focus=focus)
        result["affected"] = {"document_types": sorted(docs), "procedures": len(codes), "codes": codes, "edited": sorted(edited)}
        if "documents" in result:
            # Shares of the types the scenario touches: every procedure asking for them was evaluated.
            result["documents"] = [d for d in result["documents"] if d["document_type"] in docs]
        timeline = []
        memo: dict[tuple, dict] = {}
        for day in dates:
            day_codes = on_day(day)
            # Dates in the same segment on both sides decide alike: reuse their totals.
            key = (a.representative(day, chosen_a), b.representative(day, chosen_b), tuple(day_codes))
            t = memo.get(key)
            if t is None:
                t = memo[key] = self._diff(a, b, codes if absolute else day_codes, set(day_codes), day, population, chosen_a, chosen_b, detail=False)
            timeline.append({"date": day.isoformat(), **t["totals"], "before": t["before"], "after": t["after"]})
        result["timeline"] = timeline
        return result

    def _codes_on(self, a: Side, b: Side, day: dt.date, docs: set[str], edited: set[str]) -> list[str]:
        """Procedures whose decisions may differ on ``day``: those asking for a document
        type whose rules are in a different state on the two sides that day (another
        window, coverage, effect or source status), and those the scenario edited."""
        return self._differ_on(a, b, day, docs, edited)[0]

    def _differ_on(self, a: Side, b: Side, day: dt.date, docs: set[str], edited: set[str]) -> tuple[list[str], set[str]]:
        status_a, status_b = a.status(day), b.status(day)
        index = self.doc_index()
        codes = set(edited)
        differing: set[str] = set()
        for doc in docs:
            if _doc_state(a, doc, day, status_a) != _doc_state(b, doc, day, status_b):
                differing.add(doc)
                codes |= index.get(doc, set())
        # Edited procedures may ask for types the baseline index does not list.
        return sorted(c for c in codes if c in a.catalogue.procedures or c in b.catalogue.procedures), differing

    def _only(self, codes: list[str], only: set[str] | None) -> list[str]:
        return codes if only is None else [c for c in codes if c in only]

    def _classes(self, a: Side, b: Side, code: str, population: Population | None, focus=None) -> list[tuple[dict, float]]:
        """Equivalence classes of applicants for procedure ``code``: the attributes its
        rules and entries test on either side (with ``focus = (documents, edited
        codes)``: only those the entries asking for one of ``documents`` test)."""
        if population is None:
            return [({}, 1.0)]
        attrs: set[str] = set()
        groups: dict[str, set[frozenset]] = {}
        for side in (a, b):
            if code not in side.catalogue.procedures:
                continue
            if focus is None or code in focus[1]:
                attrs.update(side.engine.plan(code).attributes)
                pairs = _value_sets(side, code)
            else:
                reqs = [r for r in side.catalogue.procedures[code].requirements if any(d in focus[0] for d in r.document_types)]
                for req in reqs:
                    attrs.update(req.applies_if)
                    for doc in req.document_types:
                        attrs.update(side.engine.ruleset(doc).attributes)
                pairs = _value_sets(side, code, reqs)
            for attr, values in pairs:
                groups.setdefault(attr, set()).add(values)
        return population.classes(tuple(sorted(attrs)), {k: sorted(v, key=sorted) for k, v in groups.items()})

    def _evaluate(self, side: Side, code: str, member: dict, day: dt.date, chosen: dict[int, dt.date]):
        proc = side.catalogue.procedures.get(code)
        if proc is None:
            return None
        rep = side.representative(day, chosen)
        known = side.catalogue.attributes
        applicant = {k: v for k, v in member.items() if k in known}
        return side.engine.evaluate(code, applicant, rep, side.status(rep) or None)

    def _diff(
        self,
        a: Side,
        b: Side,
        codes: list[str],
        differ: set[str],
        day: dt.date,
        population: Population | None,
        chosen_a: dict[int, dt.date],
        chosen_b: dict[int, dt.date],
        detail: bool,
        focus: tuple[set[str], set[str]] | None = None,
    ) -> dict:
        totals = _zero()
        before = {"requirements_avoided": 0.0, "copies_avoided_per_year": 0.0}
        after = {"requirements_avoided": 0.0, "copies_avoided_per_year": 0.0}
        by_ministry: dict[str, dict] = {}
        by_source: dict[str, dict] = {}
        procedures = []
        documents: dict[str, list[float]] = {}
        costs = self.costs
        for code in codes:
            proc_a = a.catalogue.procedures.get(code)
            proc_b = b.catalogue.procedures.get(code)
            proc = proc_b or proc_a
            vol_a, est_a = costs.volume(proc_a) if proc_a else (0.0, False)
            vol_b, est_b = costs.volume(proc_b) if proc_b else (0.0, False)
            # On this day the two sides decide this procedure alike (see _codes_on):
            # side a's decisions stand for both; only the absolute figures use them.
            same = code not in differ
            classes = self._classes(a, a if same else b, code, population, focus)
            weight_total = sum(w for _, w in classes) or 1.0
            per_req: dict[str, dict] = {}
            pm = _zero()
            src_m: dict[str, dict] = {}
            for member, weight in classes:
                share = weight / weight_total
                ev_a = self._evaluate(a, code, member, day, chosen_a)
                ev_b = ev_a if same else self._evaluate(b, code, member, day, chosen_b)
                rows_a = _rows(ev_a, proc_a, a.catalogue)
                rows_b = _rows(ev_b, proc_b, b.catalogue)
                for rid in list(rows_a) + [r for r in rows_b if r not in rows_a]:
                    ra, rb = rows_a.get(rid), rows_b.get(rid)
                    entry = per_req.get(rid)
                    if entry is None:
                        src = rb or ra
                        entry = per_req[rid] = {
                            "id": rid,
                            "text": src["text"],
                            "document_types": src["docs"],
                            "copies": src["copies"],
                            "before": {"removed": 0.0, "asked": 0.0, "conditional": 0.0},
                            "after": {"removed": 0.0, "asked": 0.0, "conditional": 0.0},
                            "sources": {},
                        }
                    for key, r in (("before", ra), ("after", rb)):
                        if r is not None:
                            entry[key]["removed"] += share * r["removed"]
                            entry[key]["asked"] += share * r["asked"]
                            entry[key]["conditional"] += share * r["cond"]
                    for r, avoided in ((ra, before), (rb, after)):
                        if r is not None and r["removed"]:
                            avoided["requirements_avoided"] += share
                            avoided["copies_avoided_per_year"] += share * r["copies"] * (vol_a if r is ra else vol_b)
                    asked_a = ra["asked"] if ra else 0
                    asked_b = rb["asked"] if rb else 0
                    copies_a = ra["copies"] if ra else 0
                    copies_b = rb["copies"] if rb else 0
                    d_reqs = asked_a - asked_b
                    d_copies = asked_a * copies_a - asked_b * copies_b
                    d_reqs_year = asked_a * vol_a - asked_b * vol_b
                    d_copies_year = asked_a * copies_a * vol_a - asked_b * copies_b * vol_b
                    if d_reqs or d_copies or d_reqs_year or d_copies_year:
                        gained = d_copies_year > 0 or (d_copies_year == 0 and d_reqs > 0)
                        # Removed: credit the source that now answers; added: the one lost.
                        r_src = (rb if gained else ra) or {}
                        source = r_src.get("source") or NO_SOURCE
                        m = src_m.setdefault(source, _zero())
                        for target in (pm, m):
                            _add_change(target, share, d_reqs, d_copies, d_reqs_year, d_copies_year, costs)
                        entry["sources"][source] = entry["sources"].get(source, 0.0) + share
                    cond_a = ra["cond"] if ra else 0
                    cond_b = rb["cond"] if rb else 0
                    if cond_b and not cond_a and asked_a and not (ra and ra["removed"]):
                        for target in (pm, src_m.setdefault((rb or {}).get("cond_source") or NO_SOURCE, _zero())):
                            target["conditional_removed"] += share
                            target["conditional_copies_removed"] += share * copies_b
                            _add_hours(target, costs, share * copies_b * vol_b, share * vol_b, 1)
                    elif cond_a and not cond_b and asked_b:
                        for target in (pm, src_m.setdefault((ra or {}).get("cond_source") or NO_SOURCE, _zero())):
                            target["conditional_added"] += share
                            target["conditional_copies_added"] += share * copies_a
                            _add_hours(target, costs, share * copies_a * vol_a, share * vol_a, -1)
            changed = any(pm[m] for m in METRICS if m != "procedures")
            if not changed:
                if population is not None:
                    _documents(documents, per_req)
                continue
            pm["procedures"] = 1.0
            ministry = proc.ministry
            for target in (totals, by_ministry.setdefault(ministry, _zero())):
                _merge(target, pm)
            for source, m in src_m.items():
                m["procedures"] = 1.0
                _merge(by_source.setdefault(source, _zero()), m)
            if population is not None:
                _documents(documents, per_req)
            if detail:
                procedures.append(
                    {
                        "code": code,
                        "name": proc.name.vi,
                        "name_en": proc.name.en,
                        "ministry": ministry,
                        "volume_per_year": vol_b,
                        "volume_estimated": est_b,
                        **_rounded(pm),
                        "requirements": [_req_row(e) for e in per_req.values() if _req_changed(e)],
                    }
                )
        out = {
            "as_of": day.isoformat(),
            "totals": _rounded(totals),
            "before": _rounded(before),
            "after": _rounded(after),
        }
        if detail:
            out["by_ministry"] = {k: _rounded(v) for k, v in sorted(by_ministry.items())}
            out["by_source"] = {k: _rounded(v) for k, v in sorted(by_source.items())}
            out["procedures"] = sorted(procedures, key=lambda p: (-(p["hours_saved_per_year"] or 0), -p["copies_removed_per_year"], p["code"]))
            if population is not None:
                out["documents"] = [
                    {
                        "document_type": doc,
                        "requirements": int(v[4]),
                        "before_share_struck": _share(v[0], v[1]),
                        "after_share_struck": _share(v[2], v[3]),
                    }
                    for doc, v in sorted(documents.items())
                ]
        return out


# --------------------------------------------------------------------------- helpers


def _signature(cat: Catalogue, doc: str) -> tuple:
    """What decides ``doc`` in ``cat``: its in-force rules and their sources, by identity
    (the copy-on-write clone shares every record the scenario left alone)."""
    # Appendix rows count too: a scenario on the database a row names changes
    # that row's procedure even when no general rule touches the type.
    key = template_key(cat, doc, any_procedure=True)
    return tuple((r, id(cat.rules[r]), tuple(id(cat.sources.get(s)) for s in cat.rules[r].sources)) for r in key)


def _doc_state(side: Side, doc: str, day: dt.date, status: dict[str, str]) -> tuple:
    """What decides ``doc`` on ``day``: for each in-force rule of its template, the
    effect, the window in force (its coverage) and the source's status in it.
    Equal states decide every applicant alike (the compiled conditions test nothing else)."""
    cache = side.templates
    key = cache.get(doc)
    cat = side.catalogue
    if key is None:
        key = cache[doc] = template_key(cat, doc, any_procedure=True)
    out = []
    for rid in key:
        rule = cat.rules[rid]
        windows = side.windows.get(rid)
        if windows is None:
            windows = side.windows[rid] = rule_windows(cat, rule)
        win = next((w for w in windows if w.start <= day <= w.end), None)
        if win is None:
            out.append((rid, rule.effect.value, None, None))
            continue
        src = tuple(status.get(s) or side.engine.state.status(s) for s in rule.sources) or None
        out.append((rid, rule.effect.value, win.coverage, src))
    return tuple(out)


def _value_sets(side: Side, code: str, requirements=None) -> list[tuple[str, frozenset]]:
    """Every (attribute, value set) the decisions of procedure ``code`` test: rule
    coverage and requirements per window, and each entry's ``applies_if``."""
    cat = side.catalogue
    cache = side.value_sets
    out: list[tuple[str, frozenset]] = []
    proc = cat.procedures[code]
    for req in proc.requirements if requirements is None else requirements:
        for attr, vals in req.applies_if.items():
            out.append((attr, frozenset(vals)))
        for doc in req.document_types:
            sets = cache.get(doc)
            if sets is None:
                sets = []
                for rid in template_key(cat, doc, any_procedure=True):
                    for w in rule_windows(cat, cat.rules[rid]):
                        sets.extend((attr, frozenset(vals)) for attr, vals in w.coverage)
                cache[doc] = sets
            out.extend(sets)
    return out


def _reqs(ca: Catalogue, cb: Catalogue, code: str):
    for cat in (ca, cb):
        proc = cat.procedures.get(code)
        if proc is not None:
            yield from proc.requirements


def _bounds(cat: Catalogue, scenarios: list[Scenario]) -> list[dt.date]:
    """Every date at which a decision of ``cat`` may change (see the module notes)."""
    points: set[dt.date] = set()
    for rule in cat.rules.values():
        if rule.status != "in_force":
            continue
        points.add(rule.valid_from)
        if rule.valid_to is not None:
            points.add(rule.valid_to + _DAY)
        try:
            windows = rule_windows(cat, rule)
        except KeyError:
            continue
        for w in windows:
            points.add(w.start)
            if w.end < dt.date.max:
                points.add(w.end + _DAY)
    for sc in scenarios:
        for op in sc.outages():
            points.add(op.from_)
            points.add(op.to + _DAY)
    return sorted(points)


def _rows(ev, proc, cat: Catalogue) -> dict[str, dict]:
    if ev is None or proc is None:
        return {}
    out = {}
    for d, req in zip(ev.decisions, proc.requirements):
        removed = d.status in REMOVED
        asked = d.status is Status.required
        cond = bool(asked and d.struck_if)
        cond_source = None
        if cond:
            # The rule that would strike: named in the trace's "cond" step.
            for step in d.trace:
                if step.outcome == "cond":
                    rule = cat.rules.get(step.rule)
                    cond_source = rule.source if rule is not None else None
                    break
        out[req.id] = {
            "text": req.text,
            "docs": list(req.document_types),
            "copies": req.originals + req.copies,
            "removed": 1.0 if removed else 0.0,
            "asked": 1.0 if asked else 0.0,
            "cond": 1.0 if cond else 0.0,
            "source": d.source if removed else (d.source if asked else None),
            "cond_source": cond_source,
        }
    return out


def _add_change(target: dict, share: float, d_reqs: float, d_copies: float, d_reqs_year: float, d_copies_year: float, costs: _Costs) -> None:
    if d_reqs > 0:
        target["requirements_removed"] += share * d_reqs
    elif d_reqs < 0:
        target["requirements_added"] -= share * d_reqs
    if d_copies > 0:
        target["copies_removed"] += share * d_copies
    elif d_copies < 0:
        target["copies_added"] -= share * d_copies
    if d_copies_year > 0:
        target["copies_removed_per_year"] += share * d_copies_year
    elif d_copies_year < 0:
        target["copies_added_per_year"] -= share * d_copies_year
    saved = costs.burden(share * max(d_copies_year, 0.0), share * max(d_reqs_year, 0.0))
    lost = costs.burden(share * max(-d_copies_year, 0.0), share * max(-d_reqs_year, 0.0))
    if saved[0] is None:
        target["hours_saved_per_year"] = None
        target["vnd_saved_per_year"] = None
        return
    if target["hours_saved_per_year"] is not None:
        target["hours_saved_per_year"] += saved[0] - lost[0]
        target["vnd_saved_per_year"] += saved[1] - lost[1]


def _add_hours(target: dict, costs: _Costs, copies_year: float, docs_year: float, sign: int) -> None:
    hours, _ = costs.burden(copies_year, docs_year)
    if hours is None or target["conditional_hours_per_year"] is None:
        target["conditional_hours_per_year"] = None
    else:
        target["conditional_hours_per_year"] += sign * hours


def _merge(target: dict, source: dict) -> None:
    for k, v in source.items():
        if v is None or target.get(k) is None:
            target[k] = None
        else:
            target[k] += v


def _rounded(m: dict) -> dict:
    return {k: (None if v is None else (round(v, 6) if isinstance(v, float) else v)) for k, v in m.items()}


def _share(num: float, den: float) -> float | None:
    return round(num / den, 6) if den else None


def _documents(acc: dict[str, list[float]], per_req: dict[str, dict]) -> None:
    for e in per_req.values():
        for doc in e["document_types"]:
            v = acc.setdefault(doc, [0.0, 0.0, 0.0, 0.0, 0])
            b, s = e["before"], e["after"]
            v[0] += b["removed"]
            v[1] += b["removed"] + b["asked"]
            v[2] += s["removed"]
            v[3] += s["removed"] + s["asked"]
            v[4] += 1


def _req_changed(e: dict) -> bool:
    b, s = e["before"], e["after"]
    return any(abs(b[k] - s[k]) > 1e-12 for k in b)


def _req_row(e: dict) -> dict:
    b, s = e["before"], e["after"]
    return {
        "id": e["id"],
        "text": e["text"],
        "document_types": e["document_types"],
        "copies": e["copies"],
        "before": {k: round(v, 6) for k, v in b.items()},
        "after": {k: round(v, 6) for k, v in s.items()},
        "sources": {k: round(v, 6) for k, v in e["sources"].items()},
    }


# --------------------------------------------------------------------------- entry point


def simulate(
    baseline: Catalogue,
    scenario: Scenario,
    as_of: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    population: Population | None = None,
    simulator: Simulator | None = None,
    cost_model: Any = "load",
    host: DurableHost | None = None,
) -> dict:
    """The diff of ``scenario`` against ``baseline``: totals, by ministry, source and
    procedure on ``as_of``, and a month-by-month timeline from ``start`` to ``end``.
    A simulator built here runs on ``host`` (a server's own: every ruleset a new
    host registers stays in durable's C core for good).
    """
    head = scenario.head
    as_of = as_of or head.as_of or (head.period.to if head.period else None) or dt.date.today()
    if start is None:
        start = head.period.from_ if head.period else as_of.replace(day=1)
    if end is None:
        end = head.period.to if head.period else _add_months(start, 12)
    note = None
    if simulator is None:
        model = None
        if cost_model == "load":
            model, note = load_costs(baseline, as_of)
        elif cost_model is not None:
            model = cost_model
        simulator = Simulator(baseline, model, host=host, cost_note=note)
    note = simulator.cost_note
    after = simulator.scenario_side(scenario)
    dates = month_firsts(start, end)
    diff = simulator.compare(simulator.base, after, as_of, dates, population)
    outages = []
    for op in scenario.outages():
        days = (op.to - op.from_).days + 1
        inside = simulator.compare(simulator.base, after, op.from_, (), population, detail=False)["totals"]
        factor = days / 365.0
        outages.append(
            {
                "source": op.source,
                "from": op.from_.isoformat(),
                "to": op.to.isoformat(),
                "days": days,
                "status": op.status,
                "requirements_added": inside["requirements_added"],
                "copies_added_over_window": round(inside["copies_added_per_year"] * factor, 3),
                "hours_lost_over_window": None if inside["hours_saved_per_year"] is None else round(-inside["hours_saved_per_year"] * factor, 3),
                "vnd_lost_over_window": None if inside["vnd_saved_per_year"] is None else round(-inside["vnd_saved_per_year"] * factor, 0),
            }
        )
    return {
        "scenario": scenario_summary(scenario),
        "baseline": {"label": baseline.label, "version": baseline.version, "procedures": len(baseline.procedures)},
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "population": population.describe() if population is not None else None,
        "cost_model": simulator.costs.model.as_dict() if simulator.costs.model is not None and hasattr(simulator.costs.model, "as_dict") else None,
        "cost_note": note,
        "scope": "procedures whose decisions the scenario can change (the others have a zero diff)",
        **diff,
        "outages": outages,
    }


def _add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    return dt.date(day.year + m // 12, m % 12 + 1, 1)


def scenario_summary(sc: Scenario) -> dict:
    h = sc.head
    return {
        "id": h.id,
        "name": h.name.model_dump(),
        "description": h.description,
        "description_vi": h.description_vi,
        "estimate": h.estimate,
        "file": sc.file,
        "assumptions": [a.model_dump(mode="json") for a in h.assumptions],
        "references": [r.model_dump(mode="json") for r in h.references],
        "operations": [op.model_dump(mode="json", by_alias=True, exclude_none=True, include={"op", "source", "rule", "procedure", "attribute", "from_", "to", "date", "level", "add", "remove", "set", "status"}) for op in sc.operations],
    }
