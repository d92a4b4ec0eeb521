"""Source impact and source ranking, decided by the Engine, never re-implemented.

``offline``: evaluate with ``source_status={source: "offline"}`` and compare
with the current state. ``announce``: evaluate a clone of the catalogue in
which the source is announced on the date, online, and its proposed rules are
in force (what Art. 6 publication would change), and compare with the
baseline. Either way the figure reported is what the source *removes*: the
unnecessary copies with the source working minus those without it.

Only procedures whose compiled rules consult the source are re-evaluated
(:meth:`Engine.plan`); for ``offline``, also only those whose current decisions
got a hit or a conditional hit from the source (a source whose lookups all
missed cannot remove anything by going offline).

Examples
--------
>>> import datetime as dt
>>> from engine.loading import load_catalogue
>>> from engine.evaluator import Engine
>>> engine = Engine(load_catalogue().catalogue)
>>> imp = source_impact(engine, "civil-status", dt.date(2026, 6, 1), applicant={"nationality": "vn"})
>>> imp["copies_per_dossier"] > 0 and all(f["before"] != f["after"] for f in imp["flips"])
True
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..costs import CostModel, load_cost_model
from ..errors import UnknownSource
from ..evaluator import Engine
from ..models import Evaluation
from ..reports.rows import classify, requirement_copies
from .errors import UnknownChange

CHANGES = ("offline", "announce")


def _state(d) -> str:
    kind = classify(d)
    return kind if kind is not None else d.status.value


def _uses(engine: Engine, ev: Evaluation, source: str) -> bool:
    rules = engine.catalogue.rules
    for d in ev.decisions:
        for step in d.trace:
            if (step.outcome.startswith("hit") or step.outcome.startswith("cond")) and getattr(rules.get(step.rule), "source", None) == source:
                return True
    return False


def consulting(engine: Engine, source: str) -> list[str]:
    """Codes of procedures whose compiled rules test ``source``'s status."""
    return [code for code in sorted(engine.catalogue.procedures) if source in engine.plan(code).sources]


def announced_catalogue(catalogue, source: str, as_of: dt.date):
    """A copy where ``source`` is announced on ``as_of`` (if not earlier), online,
    not proposed, and its proposed rules are in force.

    Copy-on-write: only the source and its rules are new records; the
    procedures are the baseline's own (no deep copy of a national catalogue).
    """
    twin = catalogue.copy_on_write(label=f"announce-{source}")
    src = twin.sources[source]
    announcement = src.announcement
    if announcement.date is None or announcement.date > as_of:
        announcement = announcement.model_copy(update={"date": as_of})
    twin.sources[source] = src.model_copy(update={"announcement": announcement, "status": "online", "proposed": False})
    for rid, rule in list(twin.rules.items()):
        if source in rule.sources and rule.status == "proposed":
            twin.rules[rid] = rule.model_copy(update={"status": "in_force"})
    twin.derive_versions(catalogue, ())
    return twin


def _reach(engine: Engine, source: str) -> list[str]:
    """Codes of the procedures a change of ``source`` can touch at all: a paper
    of a type one of its rules names (proposed ones too), a paper whose own text
    waives it for that source, or a procedure an appendix row for it names."""
    cat = engine.catalogue
    docs: set[str] = set()
    codes: set[str] = set()
    for rule in cat.rules.values():
        if source in rule.sources:
            if rule.procedures:
                codes.update(rule.procedures)
            else:
                docs.update(cat.rule_document_types(rule))
    out = []
    for code in sorted(cat.procedures):
        if code in codes:
            out.append(code)
            continue
        for entry in engine.plan(code).entries:
            if any(p.waiver == source or docs.intersection(p.document_types) for p in entry.papers):
                out.append(code)
                break
    return out


def compare(
    catalogue,
    working: list[Evaluation],
    without: list[Evaluation],
    model: CostModel,
    offline: bool = True,
) -> dict:
    """Flips between evaluations with the source working and without it.

    ``before``/``after`` of a flip follow the change: for ``offline`` (the
    default) before = working, after = without; for an announcement the reverse.

    Returns totals (``requirements_flipped``, ``procedures_affected``,
    ``copies_per_dossier``, ``copies_per_year``, ``documents_per_year``, ``hours``,
    ``vnd`` and ``conditional_*`` twins, ``volume_estimated``) and ``flips``.
    """
    flips = []
    tot = {"copies_per_dossier": 0, "copies_per_year": 0, "documents_per_year": 0}
    cond = {"copies_per_dossier": 0, "copies_per_year": 0, "documents_per_year": 0}
    procs, estimated_any = set(), False
    other = {ev.procedure: ev for ev in without}
    for ev in working:
        ev2 = other.get(ev.procedure)
        if ev2 is None:
            continue
        proc = catalogue.procedures[ev.procedure]
        after = {d.requirement.id: d for d in ev2.decisions}
        for d in ev.decisions:
            d2 = after.get(d.requirement.id)
            if d2 is None:
                continue
            s1, s2 = _state(d), _state(d2)
            if s1 == s2 and d.status == d2.status:
                continue
            copies = requirement_copies(proc, d.requirement.id)
            volume, estimated = model.volume(proc)
            flip = {
                "procedure": ev.procedure,
                "ministry": proc.ministry,
                "requirement": d.requirement.id,
                "text": d.requirement.text,
                "document_types": list(d.document_types),
                "with_source": s1,
                "without_source": s2,
                "before": s1 if offline else s2,
                "after": s2 if offline else s1,
                "copies": copies,
                "volume_per_year": volume,
                "volume_estimated": estimated,
            }
            flips.append(flip)
            procs.add(ev.procedure)
            # Definite copies move with "definite"; conditional ones only between
            # conditional and required (definite <-> conditional counts as definite).
            removed = (s1 == "definite") - (s2 == "definite")
            removed_cond = 0 if "definite" in (s1, s2) else (s1 == "conditional") - (s2 == "conditional")
            for target, n in ((tot, removed), (cond, removed_cond)):
                target["copies_per_dossier"] += n * copies
                target["copies_per_year"] += n * copies * volume
                target["documents_per_year"] += n * volume
            if removed or removed_cond:
                estimated_any = estimated_any or estimated
    hours, vnd = model.burden(max(tot["copies_per_year"], 0), max(tot["documents_per_year"], 0))
    c_hours, c_vnd = model.burden(max(cond["copies_per_year"], 0), max(cond["documents_per_year"], 0))
    return {
        "procedures_affected": len(procs),
        "requirements_flipped": len(flips),
        **tot,
        "hours": hours,
        "vnd": vnd,
        **{f"conditional_{k}": v for k, v in cond.items()},
        "conditional_hours": c_hours,
        "conditional_vnd": c_vnd,
        "volume_estimated": estimated_any,
        "estimate": True,
        "flips": flips,
    }


def default_change(catalogue, source: str, as_of: dt.date) -> str:
    """``offline`` for a source working on ``as_of`` under a rule in force, else ``announce``."""
    src = catalogue.sources[source]
    announced = src.announcement.date is not None and src.announcement.date <= as_of
    in_force = any(r.source == source and r.status == "in_force" and r.valid_from <= as_of and (r.valid_to is None or as_of <= r.valid_to) for r in catalogue.rules.values())
    return "offline" if announced and in_force and not src.proposed else "announce"


def source_impact(
    engine: Engine,
    source: str,
    as_of: dt.date,
    change: str | None = None,
    applicant: Mapping | None = None,
    model: CostModel | None = None,
    flips: bool = True,
) -> dict:
    """Which procedures and requirements flip if ``source`` goes offline or is announced.

    Parameters
    ----------
    engine : Engine
        The baseline engine (its cache serves the baseline evaluations).
    source : str
        Source id.
    as_of : datetime.date
        Date of the evaluations.
    change : {"offline", "announce"}, optional
        Default: :func:`default_change`.
    applicant : mapping, optional
        Applicant attributes (default: none, so coverage shows as conditional).
    model : CostModel, optional
        Default: the catalogue's cost model on ``as_of``.
    flips : bool
        Include the list of flipped requirements.

    Returns
    -------
    dict
        ``source``, ``change``, ``as_of``, ``procedures_checked`` and the
        totals of :func:`compare` (what the source removes; hours and VND are
        estimates).

    Raises
    ------
    UnknownSource
        No such source.
    UnknownChange
        ``change`` is not offline or announce.
    """
    cat = engine.catalogue
    if source not in cat.sources:
        raise UnknownSource(source)
    change = change or default_change(cat, source, as_of)
    if change not in CHANGES:
        raise UnknownChange(change)
    applicant = dict(applicant or {})
    model = model or load_cost_model(cat, as_of)
    if change == "offline":
        codes = consulting(engine, source)
        base = engine.evaluate_all(as_of, applicant, codes=codes)
        base = [ev for ev in base if _uses(engine, ev, source)]
        codes = [ev.procedure for ev in base]
        without = engine.evaluate_all(as_of, applicant, {source: "offline"}, codes=codes)
        result = compare(cat, base, without, model)
    else:
        other = Engine(announced_catalogue(cat, source, as_of), host=engine.host)
        codes = [code for code in _reach(engine, source) if source in other.plan(code).sources]
        working = other.evaluate_all(as_of, applicant, codes=codes)
        base = engine.evaluate_all(as_of, applicant, codes=codes)
        result = compare(cat, working, base, model, offline=False)
    if not flips:
        result.pop("flips")
    return {"source": source, "change": change, "as_of": as_of.isoformat(), "applicant": applicant, "procedures_checked": len(codes), **result}


def rank_sources(
    engine: Engine,
    as_of: dt.date,
    applicant: Mapping | None = None,
    model: CostModel | None = None,
    sources: list[str] | None = None,
) -> list[dict]:
    """Every source (existing and proposed) ranked by the copies and hours it removes a year.

    Existing sources are measured by taking them offline, sources not yet
    working by announcing them (:func:`default_change`). Sort key: copies a
    year (definite, then conditional), then hours.

    Returns
    -------
    list of dict
        One :func:`source_impact` summary (without flips) per source, with
        ``rank`` (1 = removes most) and ``name``.

    Raises
    ------
    UnknownSource
        A listed source does not exist.
    """
    cat = engine.catalogue
    model = model or load_cost_model(cat, as_of)
    out = []
    for sid in sources or sorted(cat.sources):
        item = source_impact(engine, sid, as_of, applicant=applicant, model=model, flips=False)
        item["name"] = cat.sources[sid].name.vi
        item["owner"] = cat.sources[sid].owner
        item["proposed"] = cat.sources[sid].proposed
        out.append(item)
    out.sort(key=lambda r: (-r["copies_per_year"], -r["conditional_copies_per_year"], -r["hours"], r["source"]))
    for i, item in enumerate(out, 1):
        item["rank"] = i
    return out
