"""Evaluate a procedure for an applicant on a date: durable-rules decides.

:class:`Engine` compiles the catalogue's law into one durable ruleset per
document type (:mod:`engine.compiler`), sends one fact per (requirement,
document type) through them (:mod:`engine.host`) and turns the fired actions
into the decision contract of DESIGN.md. Python only *combines* what durable
decided: the best outcome among alternatives (``any_of``), the worst among
documents needed together (``all_of``).

Decisions are cached, keyed by procedure, catalogue version, source-state
version, date, channel, and the values of the applicant attributes the
procedure's rules actually test: an attribute no rule looks at never splits
the cache.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from . import explain
from .catalogue import Catalogue
from .compiler import UNRECOGNISED, Action, CompiledRuleset, compile_template, day_number, field_name, template_key
from .errors import InvalidApplicant, UnknownProcedure, UnknownSource
from .host import DurableHost
from .models import Decision, Evaluation, Procedure, Requirement, RequirementRef, Status, Summary, TraceStep
from .sources import STATUSES, SourceState

ENGINE_VERSION = "onceonly-engine/0.1.0"
CHANNELS = ("online", "in_person", "post")
_STATUS_RANK = {Status.struck: 0, Status.replaced: 1, Status.required: 2}


@dataclass
class _Plan:
    proc: Procedure
    #: (ruleset, [(requirement index, document type), ...]) in evaluation order.
    batches: list[tuple[CompiledRuleset, list[tuple[int, str]]]]
    attributes: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass
class _Outcome:
    doc: str
    status: Status
    action: Action


def _build(cls, **values):
    """Make a trusted model without validation: 3x cheaper than ``model_construct``.

    Only for objects the engine assembles itself from validated data; every
    field is passed explicitly (defaults are not filled in here).
    """
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _evict_oldest(cache: dict, share: float = 0.25) -> None:
    """Drop the oldest ``share`` of a full cache (dicts keep insertion order).

    Clearing everything at once would stall one request and send the next
    thousands to durable together; dropping the oldest quarter spreads refills.
    """
    for key in list(itertools.islice(cache, max(1, int(len(cache) * share)))):
        del cache[key]


def _mechanism_rule(action: Action, doc: str) -> str:
    """Id of a decision no law rule made (the catch-all, a surrendered original)."""
    if action.reason == "surrendered":
        return "surrendered-original"
    return "unrecognised" if doc == UNRECOGNISED else "default-required"


def _applies(req: Requirement, applicant: Mapping[str, Any]) -> dict[str, list[str]] | None:
    """None when the entry applies (or may apply); else the condition it fails."""
    for attr, values in req.applies_if.items():
        given = applicant.get(attr)
        if given is not None and given not in values:
            return {attr: values}
    return None


class Engine:
    """Decisions for one catalogue.

    Examples
    --------
    >>> import datetime as dt
    >>> from engine.loading import load_catalogue
    >>> engine = Engine(load_catalogue().catalogue)
    >>> ev = engine.evaluate("1.001193", {"nationality": "vn"}, dt.date(2026, 6, 1))
    >>> {d.requirement.id: d.status.value for d in ev.decisions}["identity"]
    'struck'
    >>> ev = engine.evaluate("1.001193", {"nationality": "foreign"}, dt.date(2026, 6, 1))
    >>> {d.requirement.id: d.status.value for d in ev.decisions}["identity"]
    'required'
    """

    def __init__(
        self,
        catalogue: Catalogue,
        host: DurableHost | None = None,
        state: SourceState | None = None,
        cache_size: int | None = None,
        include_proposed: bool = False,
    ):
        self.catalogue = catalogue
        self.host = host or DurableHost()
        self.state = state or SourceState(catalogue)
        self.include_proposed = include_proposed
        self._cache: dict[tuple, Evaluation] = {}
        self._cache_size = cache_size or int(os.environ.get("ONCEONLY_CACHE_SIZE", "20000"))
        # Decisions are shared by every cached evaluation and depend on few inputs:
        # a national catalogue has ~11,000 requirements; keep them all.
        self._memo_size = int(os.environ.get("ONCEONLY_DECISION_MEMO", "100000"))
        # Identical outcomes of one requirement share one Decision object: cached
        # evaluations then cost a list of references, not a copy of every text.
        self._decisions: dict[tuple, Decision] = {}
        self._default_texts: dict[tuple[str, ...], Any] = {}
        self._compiled: dict[tuple[str, ...], CompiledRuleset] = {}
        self._by_doc: dict[str, CompiledRuleset] = {}
        self._plans: dict[str, _Plan] = {}
        self._lock = threading.Lock()
        self.catalogue_version = catalogue.version
        self.rules_version = catalogue.rules_version
        self.hits = 0
        self.misses = 0

    # ------------------------------------------------------------------ compile

    def ruleset(self, document_type: str) -> CompiledRuleset:
        """The compiled template that decides ``document_type``."""
        compiled = self._by_doc.get(document_type)
        if compiled is None:
            key = () if document_type == UNRECOGNISED else template_key(self.catalogue, document_type, self.include_proposed)
            compiled = self._compiled.get(key)
            if compiled is None:
                compiled = compile_template(self.catalogue, key)
                self.host.ensure(compiled)
                self._compiled[key] = compiled
            self._by_doc[document_type] = compiled
        return compiled

    def plan(self, code: str) -> _Plan:
        plan = self._plans.get(code)
        if plan is not None:
            return plan
        proc = self.catalogue.procedures.get(code)
        if proc is None:
            raise UnknownProcedure(code)
        groups: dict[str, tuple[CompiledRuleset, list[tuple[int, str]]]] = {}
        attributes: set[str] = set()
        sources: set[str] = set()
        for i, req in enumerate(proc.requirements):
            attributes.update(req.applies_if)
            for doc in req.document_types or [UNRECOGNISED]:
                compiled = self.ruleset(doc)
                attributes.update(compiled.attributes)
                sources.update(compiled.sources)
                groups.setdefault(compiled.name, (compiled, []))[1].append((i, doc))
        plan = _Plan(proc, list(groups.values()), tuple(sorted(attributes)), tuple(sorted(sources)))
        self._plans[code] = plan
        return plan

    def sources_of(self, code: str) -> tuple[str, ...]:
        """Sources whose status can change a decision of procedure ``code``."""
        return self.plan(code).sources

    def attributes_of(self, code: str) -> tuple[str, ...]:
        """Applicant attributes the rules of procedure ``code`` test (its equivalence classes)."""
        return self.plan(code).attributes

    def warm(self, codes: Iterable[str] | None = None) -> None:
        """Compile and register everything up front (servers call this at start)."""
        for code in codes if codes is not None else list(self.catalogue.procedures):
            self.plan(code)

    # ------------------------------------------------------------------ inputs

    def validate_applicant(self, applicant: Mapping[str, Any]) -> None:
        """Raise :class:`InvalidApplicant` naming the bad attribute."""
        attrs = self.catalogue.attributes
        for key, value in applicant.items():
            spec = attrs.get(key)
            if spec is None:
                raise InvalidApplicant(key, "unknown attribute")
            if value is not None and value not in spec.values:
                raise InvalidApplicant(key, f"must be one of {', '.join(spec.values)}")

    def _statuses(self, plan: _Plan, overrides: Mapping[str, str] | None) -> dict[str, str]:
        if overrides:
            for sid, status in overrides.items():
                if sid not in self.catalogue.sources:
                    raise UnknownSource(sid)
                if status not in STATUSES:
                    raise ValueError(f"source status must be one of {', '.join(STATUSES)}")
        state = self.state
        return {s: (overrides.get(s) if overrides and s in overrides else state.status(s)) for s in plan.sources}

    # ------------------------------------------------------------------ evaluate

    def evaluate(
        self,
        code: str,
        applicant: Mapping[str, Any] | None = None,
        as_of: dt.date | None = None,
        source_status: Mapping[str, str] | None = None,
        channel: str | None = None,
        use_cache: bool = True,
    ) -> Evaluation:
        """Decide every requirement of procedure ``code``.

        Raises
        ------
        UnknownProcedure
            No procedure has that code.
        InvalidApplicant
            An attribute is unknown or has a value the registry does not list.
        UnknownSource
            A source-status override names an unknown source.
        """
        applicant = applicant or {}
        if applicant:
            self.validate_applicant(applicant)
        if channel is not None and channel not in CHANNELS:
            raise InvalidApplicant("channel", f"must be one of {', '.join(CHANNELS)}")
        as_of = as_of or dt.date.today()
        plan = self._plans.get(code) or self.plan(code)
        key = (
            code,
            self.catalogue_version,
            self.state.version,
            tuple(sorted(source_status.items())) if source_status else (),
            as_of,
            channel,
            tuple(applicant.get(a) for a in plan.attributes),
        )
        if use_cache:
            cached = self._cache.get(key)
            if cached is not None:
                self.hits += 1
                if cached.applicant != applicant:
                    # Same decisions (the key holds every attribute the rules test),
                    # but the answer echoes this caller's own attributes.
                    return _build(Evaluation, **{**cached.__dict__, "applicant": dict(applicant)})
                return cached
        self.misses += 1
        statuses = self._statuses(plan, source_status)
        result = self._decide(plan, applicant, as_of, statuses, channel)
        if use_cache:
            if len(self._cache) >= self._cache_size:
                _evict_oldest(self._cache)
            self._cache[key] = result
        return result

    def evaluate_all(
        self,
        as_of: dt.date,
        applicant: Mapping[str, Any] | None = None,
        source_status: Mapping[str, str] | None = None,
        codes: Iterable[str] | None = None,
        use_cache: bool = True,
    ) -> list[Evaluation]:
        """Evaluate every procedure (or ``codes``) once: the input of reports,
        the graph's source impact and simulations, which never re-decide."""
        return [
            self.evaluate(code, applicant, as_of, source_status, use_cache=use_cache)
            for code in (codes if codes is not None else sorted(self.catalogue.procedures))
        ]

    def prebuild(self, as_of: dt.date | None = None) -> None:
        """Decide every procedure once for an applicant who says nothing.

        Fills the shared decision objects: most of them (documents no rule
        touches) do not depend on the date, so the first report or page of any
        day is then mostly assembly. Servers run this in the background at start.
        """
        self.warm()
        self.evaluate_all(as_of or dt.date.today(), {}, use_cache=False)

    def clear_cache(self) -> None:
        self._cache.clear()
        self._decisions.clear()

    # ------------------------------------------------------------------ decide

    def _decide(
        self, plan: _Plan, applicant: Mapping[str, Any], as_of: dt.date, statuses: dict[str, str], channel: str | None
    ) -> Evaluation:
        proc = plan.proc
        not_applicable = {i: c for i, req in enumerate(proc.requirements) if (c := _applies(req, applicant)) is not None}
        day = day_number(as_of)
        batches = []
        index: list[tuple[int, str]] = []
        for compiled, items in plan.batches:
            base: dict[str, Any] = {"as_of": day}
            for s in compiled.sources:
                base[field_name("s_", s)] = statuses[s]
            for a in compiled.attributes:
                value = applicant.get(a)
                if value is not None:
                    base[field_name("a_", a)] = value
            facts = []
            for i, doc in items:
                if i in not_applicable:
                    continue
                fact = dict(base)
                if proc.requirements[i].surrendered:
                    fact["keep"] = 1
                facts.append(fact)
                index.append((i, doc))
            if facts:
                batches.append((compiled, facts))
        fired = self.host.run(batches) if batches else []
        per_req: dict[int, dict[str, list[Action]]] = {}
        for fact_index, action in fired:
            i, doc = index[fact_index]
            per_req.setdefault(i, {}).setdefault(doc, []).append(action)
        decisions = []
        missing_attrs: set[str] = set()
        for i, req in enumerate(proc.requirements):
            if i in not_applicable:
                decisions.append(self._not_applicable(proc, req, not_applicable[i]))
                continue
            actions = per_req.get(i, {})
            for acts in actions.values():
                for a in acts:
                    if a.kind == "cond":
                        missing_attrs.update(attr for attr, _ in a.missing)
            signature = tuple((doc, tuple(acts)) for doc, acts in actions.items())
            dated = any(a.reason == "dates" for _, acts in signature for a in acts)
            memo = (proc.code, i, signature, channel, as_of if dated else None, tuple(statuses.items()))
            decision = self._decisions.get(memo)
            if decision is None:
                if len(self._decisions) >= self._memo_size:
                    _evict_oldest(self._decisions)
                decision = self._decisions[memo] = self._requirement(proc, req, actions, as_of, statuses, channel)
            decisions.append(decision)
        return self._evaluation(proc, applicant, as_of, channel, decisions, sorted(missing_attrs))

    def _outcome(self, doc: str, actions: list[Action]) -> _Outcome:
        best = min(actions, key=lambda a: a.rank)
        if best.kind == "hit":
            effect = self.catalogue.rules[best.rule].effect.value
            return _Outcome(doc, Status.replaced if effect == "replace" else Status.struck, best)
        return _Outcome(doc, Status.required, best)

    def _strike_condition(self, actions: list[Action]) -> dict[str, list[str]] | None:
        for a in sorted(actions, key=lambda a: a.rank):
            if a.kind == "cond" and self.catalogue.rules[a.rule].effect.value in ("strike", "cut"):
                return {attr: list(vals) for attr, vals in a.missing}
        return None

    def _requirement(
        self,
        proc: Procedure,
        req: Requirement,
        actions: dict[str, list[Action]],
        as_of: dt.date,
        statuses: dict[str, str],
        channel: str | None,
    ) -> Decision:
        cat = self.catalogue
        docs = req.document_types or [UNRECOGNISED]
        outcomes = [self._outcome(doc, actions.get(doc) or []) for doc in docs if actions.get(doc)]
        if not outcomes:  # durable fires the catch-all for every fact; never reached
            outcomes = [_Outcome(docs[0], Status.required, Action("default"))]
        if req.match == "all_of":
            chosen = max(outcomes, key=lambda o: (_STATUS_RANK[o.status], o.action.rank))
        else:
            chosen = min(outcomes, key=lambda o: (_STATUS_RANK[o.status], o.action.rank))
        struck_if = None
        if chosen.status is not Status.struck:
            if req.match == "all_of":
                merged: dict[str, list[str]] = {}
                for o in outcomes:
                    if o.status is Status.struck:
                        continue
                    cond = self._strike_condition(actions.get(o.doc, []))
                    if cond is None:
                        merged = {}
                        break
                    merged.update(cond)
                struck_if = merged or None
            else:
                for o in outcomes:
                    struck_if = self._strike_condition(actions.get(o.doc, []))
                    if struck_if:
                        break
        action = chosen.action
        rule = cat.rules.get(action.rule) if action.rule else None
        same = [o.doc for o in outcomes if o.action.rule == action.rule and o.status is chosen.status] or [chosen.doc]
        named = [d for d in same if d != UNRECOGNISED]
        if action.kind == "hit":
            explanation = explain.rule_explanation(cat, rule, named)
        elif action.kind == "cond":
            explanation = explain.conditional(cat, rule, named, {a: list(v) for a, v in action.missing})
        elif action.reason == "surrendered":
            explanation = explain.surrendered(cat, named)
        elif action.kind == "miss":
            explanation = explain.blocked(cat, rule, named, action.reason or "", as_of, statuses.get(rule.source or ""))
        else:
            # Thousands of entries share these sentences: build each once.
            key = tuple(d for d in docs if d != UNRECOGNISED)
            explanation = self._default_texts.get(key)
            if explanation is None:
                explanation = self._default_texts[key] = explain.default(cat, list(key))
        fallback_en = fallback_vi = None
        if rule is not None and (action.kind in ("hit", "cond") or action.reason == "status"):
            fallback_en, fallback_vi = explain.fallback_text(cat.fallbacks.get(rule.fallback or ""), channel)
        copies = req.originals + req.copies
        trace = [
            _build(TraceStep, 
                document_type=doc,
                rule=a.rule or _mechanism_rule(a, doc),
                outcome=a.kind if a.reason is None else f"{a.kind}:{a.reason}",
                detail=", ".join(f"{k} in {list(v)}" for k, v in a.missing) or None,
            )
            for doc in docs
            for a in actions.get(doc, [])
        ]
        return _build(Decision, 
            procedure=proc.code,
            requirement=_build(RequirementRef, id=req.id, text=req.text),
            document_types=list(req.document_types),
            status=chosen.status,
            source=rule.source if rule is not None else None,
            rule=action.rule or _mechanism_rule(action, chosen.doc),
            legal_basis=explain.legal_basis(rule),
            copies_avoided=copies if chosen.status in (Status.struck, Status.replaced) else 0,
            fallback=fallback_en,
            fallback_vi=fallback_vi,
            explanation=explanation,
            struck_if=struck_if,
            trace=trace,
        )

    def _not_applicable(self, proc: Procedure, req: Requirement, condition: dict[str, list[str]]) -> Decision:
        return _build(Decision, 
            procedure=proc.code,
            requirement=_build(RequirementRef, id=req.id, text=req.text),
            document_types=list(req.document_types),
            status=Status.not_applicable,
            source=None,
            rule="applies-if",
            legal_basis=None,
            copies_avoided=0,
            fallback=None,
            fallback_vi=None,
            explanation=explain.not_applicable(req.condition, condition),
            struck_if=None,
            trace=[],
        )

    def _evaluation(
        self,
        proc: Procedure,
        applicant: Mapping[str, Any],
        as_of: dt.date,
        channel: str | None,
        decisions: list[Decision],
        missing: list[str],
    ) -> Evaluation:
        counts = {s: 0 for s in Status}
        before = after = conditional = 0
        for d, req in zip(decisions, proc.requirements):
            counts[d.status] += 1
            if d.status is Status.not_applicable:
                continue
            n = req.originals + req.copies
            before += n
            if d.status is Status.required:
                after += n
                if d.struck_if:
                    conditional += 1
        summary = _build(Summary, 
            requirements=len(decisions),
            required=counts[Status.required],
            struck=counts[Status.struck],
            replaced=counts[Status.replaced],
            not_applicable=counts[Status.not_applicable],
            conditional=conditional,
            copies_before=before,
            copies_after=after,
        )
        return _build(Evaluation, 
            procedure=proc.code,
            procedure_name=proc.name.vi,
            as_of=as_of,
            applicant=dict(applicant),
            channel=channel,
            decisions=decisions,
            summary=summary,
            missing_attributes=missing,
            catalogue_version=self.catalogue_version,
            rules_version=self.rules_version,
            source_state_version=self.state.version,
            engine_version=ENGINE_VERSION,
        )
