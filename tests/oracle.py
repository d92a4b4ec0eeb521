"""A plain-Python oracle of the decision logic, independent of the compiler.

It reads the law straight from the catalogue on the evaluation date (no
windows, no durable-rules) and must agree with :class:`engine.evaluator.Engine`
on every status, strike condition and copy count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

QUALITY = {"insufficient": 0, "partial": 1, "sufficient": 2}
STATUS_RANK = {"struck": 0, "replaced": 1, "required": 2}


@dataclass
class Outcome:
    status: str
    rank: int
    rule: str | None = None
    source: str | None = None
    missing: dict | None = None  # for conditional outcomes of strike/cut rules


def _rule_outcome(cat, rule, applicant, as_of, statuses) -> Outcome:
    strike = rule.effect.value in ("strike", "cut")
    hit_rank = 1 if strike else 2
    if as_of < rule.valid_from or (rule.valid_to and as_of > rule.valid_to):
        return Outcome("required", 7, rule.id)
    coverage: dict[str, list[str]] = {}
    if rule.source:
        src = cat.sources[rule.source]
        if src.announcement.date is None or as_of < src.announcement.date:
            return Outcome("required", 7, rule.id, rule.source)
        quality = src.quality_on(as_of)
        if quality is None or QUALITY[quality] < QUALITY[rule.min_quality]:
            return Outcome("required", 7, rule.id, rule.source)
        for cov in src.coverage:
            values = cov.values_on(as_of)
            if values is None:
                return Outcome("required", 7, rule.id, rule.source)
            coverage[cov.attribute] = [v for v in values if cov.attribute not in coverage or v in coverage[cov.attribute]]
        if statuses.get(rule.source, src.status) != "online":
            return Outcome("required", 4, rule.id, rule.source)
    for attr, vals in rule.requires.items():
        coverage[attr] = [v for v in vals if attr not in coverage or v in coverage[attr]]
    for attr, vals in coverage.items():
        given = applicant.get(attr)
        if given is not None and given not in vals:
            return Outcome("required", 6, rule.id, rule.source)
    missing = {a: list(v) for a, v in sorted(coverage.items()) if applicant.get(a) is None}
    if missing:
        return Outcome("required", hit_rank + 2, rule.id, rule.source, missing if strike else None)
    return Outcome("struck" if strike else "replaced", hit_rank, rule.id, rule.source)


def _doc_outcome(cat, doc, req, applicant, as_of, statuses) -> tuple[Outcome, dict | None]:
    rules = [r for r in cat.rules.values() if r.status == "in_force" and doc in cat.rule_document_types(r)]
    if not rules:
        return Outcome("required", 100), None
    outcomes = [_rule_outcome(cat, r, applicant, as_of, statuses) for r in rules]
    cond = min((o for o in outcomes if o.missing), key=lambda o: o.rank, default=None)
    if req.surrendered:
        return Outcome("required", 0), cond.missing if cond else None
    return min(outcomes, key=lambda o: o.rank), (cond.missing if cond else None)


def decide(cat, code: str, applicant: dict, as_of: dt.date, statuses: dict | None = None) -> list[dict]:
    """Decisions as plain dicts: requirement id, status, struck_if, copies_avoided, rule, source."""
    statuses = statuses or {}
    proc = cat.procedures[code]
    out = []
    for req in proc.requirements:
        if any(applicant.get(a) is not None and applicant[a] not in v for a, v in req.applies_if.items()):
            out.append({"id": req.id, "status": "not_applicable", "struck_if": None, "copies_avoided": 0, "rule": "applies-if", "source": None})
            continue
        docs = req.document_types or ["__unrecognised__"]
        pairs = [_doc_outcome(cat, d, req, applicant, as_of, statuses) if d != "__unrecognised__" else (Outcome("required", 100), None) for d in docs]
        key = lambda p: (STATUS_RANK[p[0].status], p[0].rank)
        chosen = max(pairs, key=key) if req.match == "all_of" else min(pairs, key=key)
        struck_if = None
        if chosen[0].status != "struck":
            if req.match == "all_of":
                merged: dict = {}
                for outcome, cond in pairs:
                    if outcome.status == "struck":
                        continue
                    if cond is None:
                        merged = {}
                        break
                    merged.update(cond)
                struck_if = merged or None
            else:
                struck_if = next((cond for _, cond in pairs if cond), None)
        status = chosen[0].status
        out.append(
            {
                "id": req.id,
                "status": status,
                "struck_if": struck_if,
                "copies_avoided": req.originals + req.copies if status in ("struck", "replaced") else 0,
                "rule": chosen[0].rule,
                "source": chosen[0].source,
            }
        )
    return out
