"""Compile the law of a catalogue into durable-rules JSON rulesets.

One small ruleset per *document template*: the document types that the same
law rules touch share one ruleset (CCCD, the ID card and residence proof all
answer to the population rule and the VNeID rule). A fact is one (requirement,
document type) pair of one evaluation::

    {"sid": "0", "id": 17, "i": 3, "as_of": 20260601,
     "s_population": "online", "a_nationality": "vn"}

Every law rule that applies to the document type becomes a few durable rules,
one per outcome, for each *window*: a stretch of dates over which the rule is
in force, its source announced and of sufficient quality, and its coverage
constant. The outcomes, in the order durable fires them (``pri``):

``hit``      the source is online and the applicant is covered -> struck/replaced
``cond``     covered unless an attribute the caller did not give says otherwise
``miss``     blocked: source not online, applicant not covered, or out of dates
``default``  the catch-all: every fact fires it, so every evaluation is decided

Dates and coverage are compiled into the conditions; the live source status and
the applicant's attributes travel in the fact, so one compiled ruleset serves
every applicant and every source-state change.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass

import orjson

from .catalogue import Catalogue
from .errors import RulesetLimitError
from .models import DATE_MAX, Rule

QUALITY_RANK = {"insufficient": 0, "partial": 1, "sufficient": 2}

# Measured durable-rules limits (DESIGN.md) and the margins we keep below them.
MAX_RULES_PER_PATH = 256  # error 108 past this, on one condition path
MAX_CHILDREN_PER_NODE = 511  # hangs past this
MAX_MATCHES_PER_FACT = 64  # error 303 past this
MAX_COVERAGE_ATTRIBUTES = 4  # 2**n - 1 "cond" variants per window
LINT_MARGIN = 0.9

UNRECOGNISED = "__unrecognised__"
CATCH_ALL = {"$gte": {"as_of": 0}}


def day_number(day: dt.date) -> int:
    """Dates travel as ``yyyymmdd`` integers: ordered, cheap to compare in durable."""
    return day.year * 10000 + day.month * 100 + day.day


def field_name(prefix: str, ident: str) -> str:
    return prefix + ident.replace("-", "_").replace(".", "_")


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    #: (attribute, allowed values) pairs the applicant must satisfy.
    coverage: tuple[tuple[str, tuple[str, ...]], ...]


#: Fact flags that keep a paper whatever the law says, and the reason their
#: action carries: the paper itself is handed in, no Vietnamese database holds
#: it (a foreign paper), or the register lost its record (a re-registration).
KEEPING_FLAGS = {"keep": "surrendered", "foreign": "foreign", "unrecorded": "unrecorded"}


@dataclass(frozen=True)
class Action:
    """What a fired durable rule means; the host hands it back with the fact id."""

    kind: str  # hit | cond | miss | default
    rule: str | None = None
    window: int | None = None
    #: For ``cond``: the missing attributes and the values that would strike.
    missing: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: For ``miss``: status | coverage:<attr> | dates | unannounced | quality
    reason: str | None = None
    rank: int = 100
    #: For ``miss``: the source that blocks (a rule may fetch from several).
    source: str | None = None


@dataclass
class CompiledRuleset:
    name: str
    #: The law rules compiled in (empty for the catch-all-only template).
    rules: tuple[str, ...]
    definition: dict
    #: Action of each durable rule, by rule name.
    actions: dict[str, Action]
    #: Sources whose status the facts must carry, and applicant attributes tested.
    sources: tuple[str, ...]
    attributes: tuple[str, ...]


def _next_day(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1)


def _prev_day(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


def rule_windows(cat: Catalogue, rule: Rule) -> list[Window]:
    """The date windows over which ``rule`` can decide, with their coverage.

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> cat = load_catalogue().catalogue
    >>> [(w.start.isoformat(), w.end.isoformat(), w.coverage)
    ...  for w in rule_windows(cat, cat.rules["res-66-7-art4-7-land"])]
    [('2026-01-01', '2027-02-28', (('land-use', ('residential',)), ('nationality', ('vn',))))]
    """
    start, end = rule.valid_from, rule.valid_to or DATE_MAX
    requires = {attr: tuple(vals) for attr, vals in rule.requires.items()}
    if not rule.sources:
        return [Window(start, end, tuple(sorted(requires.items())))]
    srcs = [cat.sources[s] for s in rule.sources]
    if any(src.announcement.date is None for src in srcs):
        return []
    start = max([start] + [src.announcement.date for src in srcs])
    if start > end:
        return []
    # An explicit row (an appendix) applies as written: the general rules'
    # phase limits on *which papers* a database replaces do not bind it; who
    # the database holds at all still does.
    limits = [
        cov for src in srcs for cov in src.coverage
        if not (rule.explicit and cov.limits == "document")
    ]
    points = {start}
    points |= {d for src in srcs for d in src.quality if start < d <= end}
    points |= {d for cov in limits for d in cov.values if start < d <= end}
    ordered = sorted(points)
    windows: list[Window] = []
    for i, begin in enumerate(ordered):
        finish = _prev_day(ordered[i + 1]) if i + 1 < len(ordered) else end
        qualities = [src.quality_on(begin) for src in srcs]
        if any(q is None or QUALITY_RANK[q] < QUALITY_RANK[rule.min_quality] for q in qualities):
            continue
        coverage: dict[str, tuple[str, ...]] = {}
        covered = True
        for cov in limits:
            values = cov.values_on(begin)
            if values is None:  # the source does not cover anyone of this kind yet
                covered = False
                break
            previous = coverage.get(cov.attribute)
            coverage[cov.attribute] = tuple(v for v in values if previous is None or v in previous)
        if not covered:
            continue
        for attr, vals in requires.items():
            previous = coverage.get(attr)
            coverage[attr] = tuple(v for v in vals if previous is None or v in previous)
        window = Window(begin, finish, tuple(sorted(coverage.items())))
        if windows and windows[-1].coverage == window.coverage and _next_day(windows[-1].end) == window.start:
            windows[-1] = Window(windows[-1].start, window.end, window.coverage)
        else:
            windows.append(window)
    return windows


def _in(attr_field: str, values: tuple[str, ...]) -> dict:
    if len(values) == 1:
        return {attr_field: values[0]}
    return {"$or": [{attr_field: v} for v in values]}


def _not_in(attr_field: str, values: tuple[str, ...]) -> dict:
    return {"$and": [{"$ex": {attr_field: 1}}] + [{"$neq": {attr_field: v}} for v in values]}


def _all(conditions: list[dict]) -> dict:
    return {"all": [{"m": {"$and": conditions} if len(conditions) > 1 else conditions[0]}]}


def template_key(
    cat: Catalogue, document_type: str, include_proposed: bool = False, code: str | None = None, any_procedure: bool = False
) -> tuple[str, ...]:
    """The law rules that touch ``document_type``: document types with the same
    rules share one compiled ruleset (their "template").

    The general rules apply to every procedure; a rule limited to procedures
    (an appendix row) joins the template of its own procedures only, or of
    every procedure with ``any_procedure`` (what may decide the type anywhere).
    """
    return tuple(
        r.id
        for r in sorted(cat.rules.values(), key=lambda r: r.id)
        if (r.status == "in_force" or include_proposed)
        and (not r.procedures or any_procedure or (code is not None and code in r.procedures))
        and document_type in cat.rule_document_types(r)
    )


def waiver_key(cat: Catalogue, document_type: str, source: str, include_proposed: bool = False, code: str | None = None) -> tuple[str, ...]:
    """The template of a paper whose own dossier text waives it for ``source``:
    its type's rules plus every dossier-waiver rule bound to that source."""
    base = () if document_type == UNRECOGNISED else template_key(cat, document_type, include_proposed, code)
    return base + tuple(f"{r.id}@{source}" for r in cat.waiver_rules(include_proposed))


def compile_template(cat: Catalogue, rule_ids: tuple[str, ...]) -> CompiledRuleset:
    """Compile the law rules ``rule_ids`` into one versioned ruleset.

    Raises
    ------
    RulesetLimitError
        When the ruleset would cross a durable-rules limit.
    """
    rules = [cat.rule(r) for r in rule_ids]
    definition: dict[str, dict] = {}
    actions: dict[str, Action] = {}
    sources: set[str] = set()
    attributes: set[str] = set()

    def add(conditions: list[dict], action: Action) -> None:
        name = f"r{len(definition)}"
        definition[name] = {**_all(conditions or [CATCH_ALL]), "pri": action.rank}
        actions[name] = action

    for rule in rules:
        windows = rule_windows(cat, rule)
        hit_rank = 1 if rule.effect.value in ("strike", "cut") else 2
        status_cond: list[dict] = []
        for sid in rule.sources:
            sources.add(sid)
            status_cond.append({field_name("s_", sid): "online"})
        if not windows:
            unannounced = [s for s in rule.sources if cat.sources[s].announcement.date is None]
            reason = "unannounced" if unannounced else "quality"
            blocker = unannounced[0] if unannounced else rule.source
            # Outside its own dates a rule does not speak at all (an explicit
            # row then leaves the general rules to decide).
            inside = [{"$gte": {"as_of": day_number(rule.valid_from)}}]
            outside: list[dict] = [{"$lt": {"as_of": day_number(rule.valid_from)}}]
            if rule.valid_to is not None and rule.valid_to < DATE_MAX:
                inside.append({"$lte": {"as_of": day_number(rule.valid_to)}})
                outside.append({"$gt": {"as_of": day_number(rule.valid_to)}})
            add(inside, Action("miss", rule.id, None, reason=reason, rank=7, source=blocker))
            add([outside[0] if len(outside) == 1 else {"$or": outside}], Action("miss", rule.id, None, reason="dates", rank=7))
            continue
        for k, win in enumerate(windows):
            dates = [{"$gte": {"as_of": day_number(win.start)}}, {"$lte": {"as_of": day_number(win.end)}}]
            cov = [(attr, field_name("a_", attr), vals) for attr, vals in win.coverage]
            if len(cov) > MAX_COVERAGE_ATTRIBUTES:
                raise RulesetLimitError(f"rule {rule.id}: more than {MAX_COVERAGE_ATTRIBUTES} coverage attributes")
            attributes.update(attr for attr, _, _ in cov)
            add(dates + status_cond + [_in(f, v) for _, f, v in cov], Action("hit", rule.id, k, rank=hit_rank))
            for size in range(1, len(cov) + 1):
                for missing in itertools.combinations(cov, size):
                    present = [c for c in cov if c not in missing]
                    conds = dates + status_cond + [{"$nex": {f: 1}} for _, f, _ in missing]
                    conds += [_in(f, v) for _, f, v in present]
                    if rule.unknown_coverage == "presume":
                        add(conds, Action("hit", rule.id, k, rank=hit_rank))
                    else:
                        add(conds, Action("cond", rule.id, k, missing=tuple((a, v) for a, _, v in missing), rank=hit_rank + 2))
            for attr, f, vals in cov:
                add(dates + status_cond + [_not_in(f, vals)], Action("miss", rule.id, k, reason=f"coverage:{attr}", rank=6))
            for sid in rule.sources:
                # Ranked between a strike "if" (3) and a VNeID "if" (4): an outage is
                # what a portal must hear first, with its Art. 8 fallback.
                add(dates + [{"$neq": {field_name("s_", sid): "online"}}], Action("miss", rule.id, k, reason="status", rank=4, source=sid))
        # Outside the rule's own dates: "dates" (the rule does not speak). Inside
        # them but outside every window (before the announcement, a stretch of
        # insufficient quality): "inactive" (the rule speaks, and blocks).
        valid_from, valid_to = rule.valid_from, rule.valid_to or DATE_MAX
        first, last = windows[0].start, windows[-1].end
        out_dates: list[dict] = [{"$lt": {"as_of": day_number(valid_from)}}]
        if valid_to < DATE_MAX:
            out_dates.append({"$gt": {"as_of": day_number(valid_to)}})
        gaps: list[dict] = []
        if valid_from < first:
            gaps.append({"$and": [{"$gte": {"as_of": day_number(valid_from)}}, {"$lt": {"as_of": day_number(first)}}]})
        if last < valid_to:
            gaps.append({"$and": [{"$gt": {"as_of": day_number(last)}}, {"$lte": {"as_of": day_number(valid_to)}}]})
        # Days between two windows (a stretch of insufficient quality, say).
        for before, after in zip(windows, windows[1:]):
            if _next_day(before.end) < after.start:
                gaps.append({"$and": [{"$gt": {"as_of": day_number(before.end)}}, {"$lt": {"as_of": day_number(after.start)}}]})
        add([out_dates[0] if len(out_dates) == 1 else {"$or": out_dates}], Action("miss", rule.id, None, reason="dates", rank=7))
        if gaps:
            add([gaps[0] if len(gaps) == 1 else {"$or": gaps}], Action("miss", rule.id, None, reason="inactive", rank=7))
    if rules:
        # A paper kept whatever the law says (KEEPING_FLAGS) outranks every strike.
        for flag, reason in KEEPING_FLAGS.items():
            add([{flag: 1}], Action("miss", None, None, reason=reason, rank=0))
    # The catch-all: every fact fires at least this, so every evaluation is decided.
    add([], Action("default", rank=100))
    # The name hashes what the rules mean as well as their conditions: two
    # catalogues with the same conditions but other rule ids must not share one.
    meaning = {name: [a.kind, a.rule, a.window, a.reason, a.missing, a.rank, a.source] for name, a in actions.items()}
    digest = hashlib.blake2b(orjson.dumps([definition, meaning], option=orjson.OPT_SORT_KEYS), digest_size=8).hexdigest()
    compiled = CompiledRuleset(
        name=f"tpl.{digest}",
        rules=rule_ids,
        definition=definition,
        actions=actions,
        sources=tuple(sorted(sources)),
        attributes=tuple(sorted(attributes)),
    )
    problems = lint(compiled)
    if problems:
        raise RulesetLimitError(f"ruleset {compiled.name}: " + "; ".join(problems))
    return compiled


def lint(compiled: CompiledRuleset) -> list[str]:
    """Problems that would make durable-rules hang, crash or fail on ``compiled``.

    All rules of a ruleset start with the same ``doc`` test, so they share one
    condition path: the rule count is checked against the per-path limit. The
    fact-match bound counts, per (rule, window), the one outcome of each kind
    that can match a fact, plus the date miss and the catch-all.
    """
    problems = []
    n_rules = len(compiled.definition)
    if n_rules > MAX_RULES_PER_PATH * LINT_MARGIN:
        problems.append(f"{n_rules} rules on one condition path (limit {MAX_RULES_PER_PATH})")
    children = {orjson.dumps(r["all"], option=orjson.OPT_SORT_KEYS) for r in compiled.definition.values()}
    if len(children) > MAX_CHILDREN_PER_NODE * LINT_MARGIN:
        problems.append(f"{len(children)} distinct child conditions (limit {MAX_CHILDREN_PER_NODE})")
    windows = {(a.rule, a.window) for a in compiled.actions.values() if a.kind != "default"}
    # A rule fetching from several sources can have one outage miss per source.
    extra = sum(max(0, len({a.source for a in compiled.actions.values() if a.rule == r and a.reason == "status"}) - 1) for r, _ in windows)
    bound = 3 * len(windows) + 1 + extra
    if bound > MAX_MATCHES_PER_FACT * LINT_MARGIN:
        problems.append(f"up to {bound} conditions may match one fact (limit {MAX_MATCHES_PER_FACT})")
    for name, rule in compiled.definition.items():
        if "$mt" in orjson.dumps(rule).decode():
            problems.append(f"{name}: regex conditions are never shared; not allowed")
    return problems


def definition_copy(compiled: CompiledRuleset) -> dict:
    """durable-rules mutates what it registers: always hand it a deep copy."""
    return copy.deepcopy(compiled.definition)
