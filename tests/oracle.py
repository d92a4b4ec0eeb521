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
    srcs = [cat.sources[s] for s in rule.sources]
    for src in srcs:
        if src.announcement.date is None or as_of < src.announcement.date:
            return Outcome("required", 7, rule.id, rule.source)
    for src in srcs:
        quality = src.quality_on(as_of)
        if quality is None or QUALITY[quality] < QUALITY[rule.min_quality]:
            return Outcome("required", 7, rule.id, rule.source)
        for cov in src.coverage:
            if rule.procedures and cov.limits == "document":
                continue  # an explicit row applies as written
            values = cov.values_on(as_of)
            if values is None:
                return Outcome("required", 7, rule.id, rule.source)
            coverage[cov.attribute] = [v for v in values if cov.attribute not in coverage or v in coverage[cov.attribute]]
    for src in srcs:
        if statuses.get(src.id, src.status) != "online":
            return Outcome("required", 4, rule.id, rule.source)
    for attr, vals in rule.requires.items():
        coverage[attr] = [v for v in vals if attr not in coverage or v in coverage[attr]]
    if any(not vals for vals in coverage.values()):
        # The rule asks for values its sources do not cover (requires vn, the
        # source covers foreigners): nobody is covered, so there is no promise.
        return Outcome("required", 6, rule.id, rule.source)
    for attr, vals in coverage.items():
        given = applicant.get(attr)
        if given is not None and given not in vals:
            return Outcome("required", 6, rule.id, rule.source)
    missing = {a: list(v) for a, v in sorted(coverage.items()) if applicant.get(a) is None}
    if missing and rule.unknown_coverage != "presume":
        return Outcome("required", hit_rank + 2, rule.id, rule.source, missing if strike else None)
    return Outcome("struck" if strike else "replaced", hit_rank, rule.id, rule.named_source)


def _doc_outcome(cat, doc, paper, req, applicant, as_of, statuses, code=None) -> tuple[Outcome, dict | None]:
    rules = [r for r in cat.rules.values() if r.status == "in_force" and doc in cat.rule_document_types(r)
             and (not r.procedures or code in r.procedures)]
    if paper.waiver is not None:
        rules += [cat.rule(f"{r.id}@{paper.waiver}") for r in cat.rules.values() if r.scope == "dossier-waiver" and r.status == "in_force"]
    if not rules:
        return Outcome("required", 100), None
    if req.surrendered or paper.surrendered or paper.foreign:
        return Outcome("required", 0), None
    implied = cat.documents[doc].implies if doc in cat.documents else {}
    outcomes = [_rule_outcome(cat, r, {**applicant, **implied}, as_of, statuses) for r in rules]
    # The Government's explicit row for this procedure decides when in force,
    # even for a paper whose record we read as lost (a re-registration).
    explicit = [o for r, o in zip(rules, outcomes) if r.procedures and r.valid_from <= as_of and (r.valid_to is None or as_of <= r.valid_to)]
    if paper.unrecorded and not explicit:
        return Outcome("required", 0), None
    if explicit:
        outcomes = explicit
    cond = min((o for o in outcomes if o.missing), key=lambda o: o.rank, default=None)
    best = min(outcomes, key=lambda o: (o.rank, o.rule or ""))
    if best.status in ("struck", "replaced") and cat.rule(best.rule).scope == "dossier-waiver":
        # A paper another database holds by its own rule is struck from that one, not the waiver's.
        waived_for = cat.rule(best.rule).source
        own = [o for r, o in zip(rules, outcomes) if o.status in ("struck", "replaced") and o.rank == best.rank
               and r.scope != "dossier-waiver" and r.source not in (None, waived_for)]
        if own:
            best = min(own, key=lambda o: o.rule)
    return best, (cond.missing if cond else None)


def _paper(cat, paper, req, applicant, as_of, statuses, code=None, in_any=False) -> dict:
    docs = paper.document_types or ["__unrecognised__"]
    pairs = [_doc_outcome(cat, d, paper, req, applicant, as_of, statuses, code) if d != "__unrecognised__" or paper.waiver else (Outcome("required", 100), None) for d in docs]
    best = min(pairs, key=lambda p: (STATUS_RANK[p[0].status], p[0].rank))
    count = (req.originals if paper.originals is None else paper.originals) + (req.copies if paper.copies is None else paper.copies)
    if in_any and best[0].status in ("struck", "replaced"):
        # An alternative whose own name settles a fact the applicant did not:
        # it stays, struck if the applicant's fact is that one.
        doc = docs[pairs.index(best)]
        implied = cat.documents[doc].implies if doc in cat.documents else {}
        rule = cat.rule(best[0].rule) if best[0].rule else None
        reads = set(rule.requires) if rule else set()
        for sid in rule.sources if rule else []:
            reads |= {c.attribute for c in cat.sources[sid].coverage if not (rule.procedures and c.limits == "document")}
        unsettled = {a: [v] for a, v in implied.items() if applicant.get(a) != v and a in reads
                     and (applicant.get(a) is not None or rule.unknown_coverage != "presume")}
        if unsettled:
            return {"status": "required", "cond": unsettled, "rule": best[0].rule, "source": best[0].source, "copies": count}
    cond = None
    if best[0].status != "struck":
        cond = next((c for _, c in pairs if c), None)
    return {"status": best[0].status, "cond": cond, "rule": best[0].rule, "source": best[0].source, "copies": count}


GONE = ("struck", "replaced")


def _merge_conds(kids) -> dict | None:
    """What strikes every part that has not gone (None: nothing we know of)."""
    cond: dict = {}
    for k in kids:
        if k["status"] == "struck":
            continue
        if not k["cond"]:
            return None
        for attr, values in k["cond"].items():
            if attr in cond:
                values = [v for v in cond[attr] if v in values]
                if not values:
                    return None
            cond[attr] = list(values)
    return cond


def _node(cat, node, req, applicant, as_of, statuses, code=None, in_any=False) -> dict:
    """status, cond ({} = struck already), needed copies, saved copies of a tree node."""
    if hasattr(node, "text"):
        p = _paper(cat, node, req, applicant, as_of, statuses, code, in_any)
        gone = p["status"] in GONE
        return {**p, "cond": {} if gone else p["cond"], "needed": p["copies"], "saved": p["copies"] if gone else 0}
    alternatives = hasattr(node, "any_of")
    below = in_any or (alternatives and not node.by_case)
    kids = [_node(cat, c, req, applicant, as_of, statuses, code, below) for c in (node.any_of if alternatives else node.all_of)]
    ranks = [STATUS_RANK[k["status"]] for k in kids]
    if alternatives and node.by_case:
        # Alternatives by case: the entry goes only when every case's paper
        # goes (as a bundle), but the applicant brings one paper (the
        # largest); while some stay, each paper that goes saves its own copies.
        status = max(kids, key=lambda k: STATUS_RANK[k["status"]])["status"]
        needed = max(k["needed"] for k in kids)
        saved = needed if max(ranks) < STATUS_RANK["required"] else sum(k["saved"] for k in kids)
        firsts = [k for k in kids if STATUS_RANK[k["status"]] == min(ranks)]
        return {"status": status, "cond": {} if status in GONE else _merge_conds(kids), "needed": needed, "saved": saved,
                "rule": firsts[0]["rule"], "source": firsts[0]["source"]}
    if alternatives:
        status = min(kids, key=lambda k: STATUS_RANK[k["status"]])["status"]
        cond = {} if status in GONE else next((k["cond"] for k in kids if k["cond"]), None)
        needed = max(k["needed"] for k in kids)
        saved = needed if min(ranks) < STATUS_RANK["required"] else 0
        first = kids[ranks.index(min(ranks))]
        return {"status": status, "cond": cond, "needed": needed, "saved": saved, "rule": first["rule"], "source": first["source"]}
    status = max(kids, key=lambda k: STATUS_RANK[k["status"]])["status"]
    cond = {} if status in GONE else _merge_conds(kids)
    firsts = [k for k in kids if STATUS_RANK[k["status"]] == min(ranks)]
    return {"status": status, "cond": cond, "needed": sum(k["needed"] for k in kids), "saved": sum(k["saved"] for k in kids),
            "rule": firsts[0]["rule"], "source": firsts[0]["source"]}


def decide(cat, code: str, applicant: dict, as_of: dt.date, statuses: dict | None = None) -> list[dict]:
    """Decisions as plain dicts: requirement id, status, struck_if, copies_avoided, rule, source."""
    statuses = statuses or {}
    proc = cat.procedures[code]
    out = []
    for req in proc.requirements:
        if any(applicant.get(a) is not None and applicant[a] not in v for a, v in req.applies_if.items()):
            out.append({"id": req.id, "status": "not_applicable", "struck_if": None, "copies_avoided": 0, "rule": "applies-if", "source": None})
            continue
        node = _node(cat, req.tree(), req, applicant, as_of, statuses, code)
        struck_if = node["cond"] or None
        if struck_if:
            for attr, allowed in req.applies_if.items():
                if attr in struck_if:
                    kept = [v for v in struck_if[attr] if v in allowed]
                    if not kept:
                        struck_if = None
                        break
                    struck_if[attr] = kept
        out.append(
            {
                "id": req.id,
                "status": node["status"],
                "struck_if": struck_if,
                "copies_avoided": node["saved"],
                "rule": node["rule"],
                "source": node["source"],
            }
        )
    return out
