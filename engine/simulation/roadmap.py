"""Which databases to announce next: a greedy plan by marginal hours saved.

A candidate list (YAML) names scenario files or defines new sources inline::

    id: roadmap-2026
    name: {vi: ..., en: ...}
    description: ...
    as_of: 2026-10-01
    candidates:
      - scenario: ethnicity-database-2026.yaml      # relative to this file
      - id: tax-database
        name: {vi: ..., en: ...}
        description: ...
        estimate: true
        assumptions: [...]
        source: {...}                               # a Source, proposed: true
        rules: [...]                                # its rules (in force in the scenario)

At each step every remaining candidate is applied *on top of the steps already
chosen*, and the one that saves the most hours a year more than the current
plan is taken (ties: the earlier candidate). The marginal figures therefore
account for what the earlier steps already removed, and they add up to the
total of the plan against the baseline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError
from ..yamlio import YamlDoc, format_path, read_yaml
from .population import Population
from .scenario import _OPERATION, Scenario, ScenarioError, ScenarioHead, _errors, display_path, load_scenario
from .simulate import Simulator, load_costs

_HEAD_KEYS = ("id", "name", "description", "estimate", "assumptions", "references", "period", "as_of")


def load_candidates(path: Path | str) -> tuple[dict, list[Scenario]]:
    """Read a candidate list: its header and one scenario per candidate.

    Raises
    ------
    ScenarioError
        Every problem, naming the file, line and field (``candidates[2].source.owner``).
    """
    path = Path(path)
    name = display_path(path)
    try:
        doc = read_yaml(path, name)
    except DataError as exc:
        raise ScenarioError([exc]) from None
    data = doc.data
    header: dict = {}
    prefix: tuple = ()
    if isinstance(data, dict):
        header = {k: v for k, v in data.items() if k != "candidates"}
        unknown = [k for k in header if k not in ("id", "name", "description", "as_of", "budget", "references")]
        if unknown:
            raise ScenarioError([doc.error((unknown[0],), "unknown field")])
        data, prefix = data.get("candidates"), ("candidates",)
    if not isinstance(data, list) or not data:
        raise ScenarioError([doc.error(prefix, "expected a non-empty list of candidates")])
    errors: list[DataError] = []
    scenarios: list[Scenario] = []
    for i, item in enumerate(data):
        where = prefix + (i,)
        try:
            scenarios.append(_candidate(item, path, doc, where))
        except ScenarioError as exc:
            errors.extend(exc.errors)
    ids = [s.id for s in scenarios]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            errors.append(doc.error(prefix + (i,), f"duplicate candidate {sid!r}"))
    if errors:
        raise ScenarioError(errors)
    return header, scenarios


def _candidate(item: Any, path: Path, doc: YamlDoc, where: tuple) -> Scenario:
    if not isinstance(item, dict):
        raise ScenarioError([doc.error(where, "expected a mapping: {scenario: FILE} or an inline source")])
    if "scenario" in item:
        extra = [k for k in item if k != "scenario"]
        if extra:
            raise ScenarioError([doc.error(where + (extra[0],), "unknown field (a scenario reference takes only 'scenario')")])
        target = (path.parent / str(item["scenario"])).resolve()
        if not target.is_file():
            raise ScenarioError([doc.error(where + ("scenario",), f"no such scenario file: {item['scenario']}")])
        return load_scenario(target)
    head = {k: item[k] for k in _HEAD_KEYS if k in item}
    op = {"op": "add_source", **{k: item[k] for k in ("source", "rules", "reference") if k in item}}
    unknown = [k for k in item if k not in _HEAD_KEYS and k not in ("source", "rules", "reference")]
    errors = [doc.error(where + (k,), "unknown field") for k in unknown]
    try:
        ScenarioHead.model_validate({**head, "operations": [op]})
    except ValidationError as exc:
        errors.extend(_errors(doc, doc.file, where, exc))
    operation = None
    try:
        operation = _OPERATION.validate_python(op)
    except ValidationError as exc:
        errors.extend(_errors(doc, doc.file, where, exc, drop_tag=True))
    if errors:
        raise ScenarioError(errors)
    return Scenario(head=ScenarioHead.model_validate({**head, "operations": [op]}), operations=[operation], file=doc.file, doc=doc, prefix=where)


def roadmap(
    baseline,
    candidates: list[Scenario],
    as_of: dt.date,
    budget: int | None = None,
    population: Population | None = None,
    simulator: Simulator | None = None,
) -> dict:
    """Order ``candidates`` greedily by marginal hours saved a year on ``as_of``."""
    note = None
    if simulator is None:
        model, note = load_costs(baseline, as_of)
        simulator = Simulator(baseline, model, cost_note=note)
    note = simulator.cost_note
    metric = "hours_saved_per_year" if simulator.costs.model is not None else "copies_removed_per_year"
    current = simulator.base
    remaining = list(candidates)
    steps = []
    cumulative = {"hours_saved_per_year": 0.0, "vnd_saved_per_year": 0.0, "copies_removed_per_year": 0.0, "requirements_removed": 0.0}
    considered = []
    limit = len(remaining) if budget is None else min(budget, len(remaining))
    # Marginal figures per candidate and per procedure, against the current plan.
    # Entries decide independently and the figures add up over procedures, so after
    # a step only the procedures where that step and a candidate touch the same
    # entries (or both edit the procedure) are compared again; the rest still hold.
    memo: dict[str, dict] = {}

    def measure(cand: Scenario, only: set[str] | None = None) -> tuple[Any, dict]:
        side = simulator.scenario_side(cand, on=current)
        diff = simulator.compare(current, side, as_of, (), population, detail=True, absolute=False, only=only)
        return side, diff

    while remaining and len(steps) < limit:
        best = None
        round_values = []
        for cand in remaining:
            entry = memo.get(cand.id)
            if entry is None:
                side, diff = measure(cand)
                entry = memo[cand.id] = {"side": side, "affected": diff["affected"], "procs": {p["code"]: p for p in diff["procedures"]}, "redo": set()}
            elif entry["redo"]:
                side, diff = measure(cand, entry["redo"])
                for code in entry["redo"]:
                    entry["procs"].pop(code, None)
                entry["procs"].update({p["code"]: p for p in diff["procedures"]})
                entry["side"], entry["redo"] = side, set()
            totals = _sum(entry["procs"].values())
            entry["totals"] = totals
            value = _value(totals, metric)
            round_values.append({"candidate": cand.id, metric: round(value, 3)})
            if best is None or value > best[0] + 1e-9:
                best = (value, cand, entry)
        value, cand, entry = best
        totals = entry["totals"]
        for key in cumulative:
            v = totals.get(key)
            if key == "copies_removed_per_year":
                v = (totals["copies_removed_per_year"] or 0) - (totals["copies_added_per_year"] or 0)
            if v is None or cumulative[key] is None:
                cumulative[key] = None
            else:
                cumulative[key] += v
        steps.append(
            {
                "step": len(steps) + 1,
                "candidate": cand.id,
                "name": cand.name.model_dump(),
                "file": cand.file,
                "estimate": cand.head.estimate,
                "marginal": {
                    "hours_saved_per_year": totals["hours_saved_per_year"],
                    "vnd_saved_per_year": totals["vnd_saved_per_year"],
                    "copies_removed_per_year": round((totals["copies_removed_per_year"] or 0) - (totals["copies_added_per_year"] or 0), 6),
                    "requirements_removed": totals["requirements_removed"],
                    "procedures": totals["procedures"],
                },
                "cumulative": {k: (None if v is None else round(v, 6)) for k, v in cumulative.items()},
                "affected_procedures": entry["affected"]["procedures"],
            }
        )
        considered.append(round_values)
        side = entry["side"]
        if side is None or memo_stale(side, current):
            side = simulator.scenario_side(cand, on=current)
        touched = simulator.entries(entry["affected"]["document_types"])
        step_codes = set(entry["affected"]["codes"])
        step_edited = set(entry["affected"]["edited"])
        current = side
        remaining.remove(cand)
        del memo[cand.id]
        for other in memo.values():
            aff = other["affected"]
            redo = {code for code, _ in touched & simulator.entries(aff["document_types"])}
            redo |= step_edited & set(aff["codes"])
            redo |= set(aff["edited"]) & step_codes
            other["redo"] |= redo
            other["side"] = None  # built on the previous plan
    return {
        "as_of": as_of.isoformat(),
        "metric": metric,
        "budget": budget,
        "candidates": [c.id for c in candidates],
        "population": population.describe() if population is not None else None,
        "cost_note": note,
        "steps": steps,
        "not_chosen": [c.id for c in remaining],
        "rounds": considered,
    }


def memo_stale(side, current) -> bool:
    """True when ``side`` was not built on ``current`` (it must be rebuilt)."""
    prior = side.scenarios[:-1]
    return len(prior) != len(current.scenarios) or any(a is not b for a, b in zip(prior, current.scenarios))


def _sum(rows) -> dict:
    keys = ("hours_saved_per_year", "vnd_saved_per_year", "copies_removed_per_year", "copies_added_per_year", "requirements_removed", "procedures")
    out: dict = {k: 0.0 for k in keys}
    for row in rows:
        for k in keys:
            v = row.get(k)
            out[k] = None if v is None or out[k] is None else out[k] + v
    return out


def _value(totals: dict, metric: str) -> float:
    if metric == "hours_saved_per_year":
        return totals["hours_saved_per_year"] or 0.0
    return (totals["copies_removed_per_year"] or 0.0) - (totals["copies_added_per_year"] or 0.0)


__all__ = ["load_candidates", "roadmap", "format_path"]
