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
import gc
import itertools
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from . import explain
from .catalogue import Catalogue
from .compiler import UNRECOGNISED, Action, CompiledRuleset, compile_template, day_number, field_name, rule_windows, template_key, waiver_key
from .errors import InvalidApplicant, UnknownProcedure, UnknownSource
from .host import DurableHost
from .models import AnyOf, Decision, Evaluation, Paper, PaperDecision, Procedure, Requirement, RequirementRef, Rule, Status, Summary, TraceStep
from .sources import STATUSES, SourceState

ENGINE_VERSION = "onceonly-engine/0.1.0"
CHANNELS = ("online", "in_person", "post")
_STATUS_RANK = {Status.struck: 0, Status.replaced: 1, Status.required: 2}


@dataclass
class _Entry:
    """What an entry's tree fixes before any decision, built once per plan.

    ``shape`` is ``("p", j)``, ``("any", (child, ...))``, ``("case", (child, ...))``
    (alternatives by case) or ``("all", (child, ...))``
    over ``papers`` (text order); ``counts`` are each paper's copies, ``paths``
    the group kinds above each paper (outermost first), ``needed`` the copies
    the entry asks for: each paper of a bundle, the largest alternative.
    """

    papers: list[Paper]
    shape: tuple
    counts: list[int]
    paths: list[tuple[str, ...]]
    needed: int


def _shape(node, papers: list[Paper], paths: list[tuple[str, ...]], above: tuple[str, ...]) -> tuple:
    if isinstance(node, Paper):
        papers.append(node)
        paths.append(above)
        return ("p", len(papers) - 1)
    if isinstance(node, AnyOf):
        if node.by_case:
            return ("case", tuple(_shape(c, papers, paths, above + ("by_case",)) for c in node.any_of))
        return ("any", tuple(_shape(c, papers, paths, above + ("any_of",)) for c in node.any_of))
    return ("all", tuple(_shape(c, papers, paths, above + ("all_of",)) for c in node.all_of))


def entry_shape(req: Requirement) -> _Entry:
    papers: list[Paper] = []
    paths: list[tuple[str, ...]] = []
    shape = _shape(req.tree(), papers, paths, ())
    counts = [
        (req.originals if p.originals is None else p.originals) + (req.copies if p.copies is None else p.copies)
        for p in papers
    ]
    return _Entry(papers, shape, counts, paths, _needed(shape, counts))


@dataclass
class _Plan:
    proc: Procedure
    #: (ruleset, [(requirement index, paper index, document type), ...]) in evaluation order.
    batches: list[tuple[CompiledRuleset, list[tuple[int, int, str]]]]
    attributes: tuple[str, ...]
    sources: tuple[str, ...]
    entries: list[_Entry]


@dataclass
class _Leaf:
    paper: Paper
    status: Status
    action: Action
    doc: str
    struck_if: dict[str, list[str]] | None
    copies: int
    avoided: int = 0
    counted: bool = False
    #: An alternative struck because its own name settles a fact the applicant
    #: did not (DocumentType.implies): the paper goes for whoever holds it, but
    #: it answers for its choice only with that fact.
    holds_if: dict[str, list[str]] | None = None


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


#: A paper kept whatever the law says (the reasons of ``KEEPING_FLAGS``): the
#: id of the mechanism that kept it and the sentence that says why.
_KEPT = {
    "surrendered": ("surrendered-original", explain.surrendered),
    "foreign": ("foreign-paper", explain.foreign),
    "unrecorded": ("record-not-held", explain.unrecorded),
}


def _mechanism_rule(action: Action, doc: str) -> str:
    """Id of a decision no law rule made (the catch-all, a surrendered or foreign paper)."""
    if action.reason in _KEPT:
        return _KEPT[action.reason][0]
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
        memo_size: int | None = None,
    ):
        self.catalogue = catalogue
        self.host = host or DurableHost()
        self.state = state or SourceState(catalogue)
        self.include_proposed = include_proposed
        self._cache: dict[tuple, Evaluation] = {}
        self._cache_size = cache_size or int(os.environ.get("ONCEONLY_CACHE_SIZE", "20000"))
        # Decisions are shared by every cached evaluation and depend on few inputs:
        # a national catalogue has ~11,000 requirements; keep them all.
        self._memo_size = memo_size or int(os.environ.get("ONCEONLY_DECISION_MEMO", "100000"))
        # Identical outcomes of one requirement share one Decision object: cached
        # evaluations then cost a list of references, not a copy of every text.
        self._decisions: dict[tuple, Decision] = {}
        self._default_texts: dict[tuple[str, ...], Any] = {}
        self._compiled: dict[tuple[str, ...], CompiledRuleset] = {}
        self._by_doc: dict[str, CompiledRuleset] = {}
        self._plans: dict[str, _Plan] = {}
        self._rules: dict[str, Rule] = {}
        # Explicit rows (appendix rules limited to procedures), by (code, type):
        # they join that procedure's template for that type only.
        self._explicit: dict[tuple[str, str], tuple[str, ...]] = {}
        for r in sorted(catalogue.rules.values(), key=lambda r: r.id):
            if r.procedures and (r.status == "in_force" or include_proposed):
                for code in r.procedures:
                    for doc in catalogue.rule_document_types(r):
                        self._explicit[(code, doc)] = self._explicit.get((code, doc), ()) + (r.id,)
        self._row_ids = frozenset(rid for ids in self._explicit.values() for rid in ids)
        # Facts a paper's own name settles (DocumentType.implies), by type.
        self._implied = {d.id: tuple(sorted(d.implies.items())) for d in catalogue.documents.values() if d.implies}
        self._rule_reads: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()
        self.catalogue_version = catalogue.version
        self.rules_version = catalogue.rules_version
        self.hits = 0
        self.misses = 0

    # ------------------------------------------------------------------ compile

    def ruleset(self, document_type: str, waiver: str | None = None, code: str | None = None) -> CompiledRuleset:
        """The compiled template that decides ``document_type`` (for a paper
        whose dossier text waives it for source ``waiver``, when given; in
        procedure ``code``, whose explicit rows join the template)."""
        explicit = self._explicit.get((code, document_type)) if code is not None else None
        if explicit:
            base = self.ruleset(document_type, waiver)
            key = tuple(sorted(base.rules + explicit))
            compiled = self._compiled.get(key)
            if compiled is None:
                compiled = compile_template(self.catalogue, key)
                self.host.ensure(compiled)
                self._compiled[key] = compiled
            return compiled
        compiled = self._by_doc.get((document_type, waiver))
        if compiled is None:
            if waiver is not None:
                key = waiver_key(self.catalogue, document_type, waiver, self.include_proposed)
            elif document_type == UNRECOGNISED:
                key = ()
            else:
                key = template_key(self.catalogue, document_type, self.include_proposed)
            compiled = self._compiled.get(key)
            if compiled is None:
                compiled = compile_template(self.catalogue, key)
                self.host.ensure(compiled)
                self._compiled[key] = compiled
            self._by_doc[(document_type, waiver)] = compiled
        return compiled

    def rule(self, rule_id: str) -> Rule:
        """A rule by id (dossier waivers bound to a source included)."""
        found = self._rules.get(rule_id)
        if found is None:
            found = self._rules[rule_id] = self.catalogue.rule(rule_id)
        return found

    def plan(self, code: str) -> _Plan:
        plan = self._plans.get(code)
        if plan is not None:
            return plan
        proc = self.catalogue.procedures.get(code)
        if proc is None:
            raise UnknownProcedure(code)
        groups: dict[str, tuple[CompiledRuleset, list[tuple[int, int, str]]]] = {}
        attributes: set[str] = set()
        sources: set[str] = set()
        entries = []
        for i, req in enumerate(proc.requirements):
            attributes.update(req.applies_if)
            entry = entry_shape(req)
            entries.append(entry)
            for j, paper in enumerate(entry.papers):
                for doc in paper.document_types or [UNRECOGNISED]:
                    compiled = self.ruleset(doc, paper.waiver, code)
                    attributes.update(compiled.attributes)
                    sources.update(compiled.sources)
                    groups.setdefault(compiled.name, (compiled, []))[1].append((i, j, doc))
        plan = _Plan(proc, list(groups.values()), tuple(sorted(attributes)), tuple(sorted(sources)), entries)
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
        # The cyclic collector would scan the catalogue's ~20,000 long-lived
        # paper objects again and again while this batch allocates decisions
        # (measured: a quarter of the run). Paused for the batch only: nothing
        # is kept frozen, and the collector runs as usual afterwards.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            return [
                self.evaluate(code, applicant, as_of, source_status, use_cache=use_cache)
                for code in (codes if codes is not None else sorted(self.catalogue.procedures))
            ]
        finally:
            if paused:
                gc.enable()

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
        index: list[tuple[int, int, str]] = []
        unsettled: dict[int, dict[tuple[int, str], dict[str, tuple[str, bool]]]] = {}
        for compiled, items in plan.batches:
            base: dict[str, Any] = {"as_of": day}
            for s in compiled.sources:
                base[field_name("s_", s)] = statuses[s]
            for a in compiled.attributes:
                value = applicant.get(a)
                if value is not None:
                    base[field_name("a_", a)] = value
            facts = []
            for i, j, doc in items:
                if i in not_applicable:
                    continue
                fact = dict(base)
                implied = self._implied.get(doc)
                if implied:
                    for a, value in implied:
                        if a in compiled.attributes:
                            fact[field_name("a_", a)] = value
                            if applicant.get(a) != value:
                                # The paper's name settles the fact, the applicant did not:
                                # whether they hold *this* paper is still open.
                                unsettled.setdefault(i, {}).setdefault((j, doc), {})[a] = (value, applicant.get(a) is not None)
                paper = plan.entries[i].papers[j]
                if paper.surrendered or proc.requirements[i].surrendered:
                    fact["keep"] = 1
                if paper.foreign:
                    fact["foreign"] = 1
                if paper.unrecorded:
                    fact["unrecorded"] = 1
                facts.append(fact)
                index.append((i, j, doc))
            if facts:
                batches.append((compiled, facts))
        fired = self.host.run(batches) if batches else []
        per_req: dict[int, dict[tuple[int, str], list[Action]]] = {}
        for fact_index, action in fired:
            i, j, doc = index[fact_index]
            per_req.setdefault(i, {}).setdefault((j, doc), []).append(action)
        decisions = []
        missing_attrs: set[str] = set()
        for i, req in enumerate(proc.requirements):
            if i in not_applicable:
                decisions.append(self._not_applicable(proc, req, plan.entries[i], not_applicable[i]))
                continue
            actions = per_req.get(i, {})
            signature = tuple(sorted((key, tuple(acts)) for key, acts in actions.items()))
            dated = any(a.reason in ("dates", "inactive") for _, acts in signature for a in acts)
            implied = unsettled.get(i)
            memo = (proc.code, i, signature, channel, as_of if dated else None, tuple(statuses.items()),
                    tuple(sorted((k, tuple(sorted(c.items()))) for k, c in implied.items())) if implied else None)
            decision = self._decisions.get(memo)
            if decision is None:
                if len(self._decisions) >= self._memo_size:
                    _evict_oldest(self._decisions)
                decision = self._decisions[memo] = self._requirement(proc, req, plan.entries[i], actions, as_of, statuses, channel, implied)
            if decision.struck_if:
                missing_attrs.update(decision.struck_if)
            else:
                for acts in actions.values():
                    for a in acts:
                        if a.kind == "cond":
                            missing_attrs.update(attr for attr, _ in a.missing)
            decisions.append(decision)
        return self._evaluation(proc, applicant, as_of, channel, decisions, sorted(missing_attrs))

    def _outcome(self, doc: str, actions: list[Action]) -> _Outcome:
        explicit = self._speaking_rows(actions)
        if explicit:
            # The Government's own row for this procedure and paper outranks our
            # reading that the register lost the record (a re-registration): the
            # row says where the data is fetched from. A hand-back or a foreign
            # paper still stays: no row makes the state hold those.
            actions = explicit + [a for a in actions if a.rule is None and a.kind == "miss" and a.reason != "unrecorded"]
        best = min(actions, key=lambda a: (a.rank, a.rule or ""))
        if best.kind == "hit" and best.rule and self.rule(best.rule).scope == "dossier-waiver":
            # "giấy khai sinh, giấy chứng nhận kết hôn (chỉ yêu cầu khi thông tin này chưa có trong
            # CSDL quốc gia về dân cư)": a paper Art. 4 gives to another database, which strikes
            # it too, is struck from that database; the waiver's own database holds no such paper.
            waived_for = self.rule(best.rule).source
            own = [a for a in actions if a.kind == "hit" and a.rank == best.rank and a.rule
                   and self.rule(a.rule).scope != "dossier-waiver" and self.rule(a.rule).source not in (None, waived_for)]
            if own:
                best = min(own, key=lambda a: a.rule)
        if best.kind == "hit":
            effect = self.rule(best.rule).effect.value
            return _Outcome(doc, Status.replaced if effect == "replace" else Status.struck, best)
        return _Outcome(doc, Status.required, best)

    def _speaking_rows(self, actions: list[Action]) -> list[Action]:
        """The actions of explicit rows (the Government's own decision for this
        procedure and this paper) that speak: such a row decides, and the
        general rules stay in the trace. A row outside its dates does not speak."""
        return [a for a in actions if a.rule in self._row_ids and a.reason != "dates"]

    def _strike_condition(self, actions: list[Action]) -> dict[str, list[str]] | None:
        for a in sorted(self._speaking_rows(actions) or actions, key=lambda a: a.rank):
            if a.kind == "cond" and self.rule(a.rule).effect.value in ("strike", "cut"):
                return {attr: list(vals) for attr, vals in a.missing}
        return None

    def _reads(self, rule: Rule) -> frozenset[str]:
        """The applicant attributes a rule's coverage reads."""
        found = self._rule_reads.get(rule.id)
        if found is None:
            found = self._rule_reads[rule.id] = frozenset(a for w in rule_windows(self.catalogue, rule) for a, _ in w.coverage)
        return found

    def _leaf(self, entry: _Entry, j: int, actions: dict[tuple[int, str], list[Action]],
              implied: dict[tuple[int, str], dict[str, tuple[str, bool]]] | None = None) -> _Leaf:
        paper = entry.papers[j]
        docs = paper.document_types or [UNRECOGNISED]
        outcomes = [self._outcome(doc, actions[(j, doc)]) for doc in docs if actions.get((j, doc))]
        if not outcomes:  # durable fires the catch-all for every fact; never reached
            outcomes = [_Outcome(docs[0], Status.required, Action("default"))]
        # Several types in one paper are names of the same paper: the best decides.
        chosen = min(outcomes, key=lambda o: (_STATUS_RANK[o.status], o.action.rank))
        struck_if = None
        unsettled = implied.get((j, chosen.doc)) if implied and chosen.status in _GONE and chosen.action.rule else None
        settled_by_name = None
        if unsettled:
            # Only a fact the strike needed: a waiver that presumes coverage, or
            # a row that applies as written, strikes without it.
            rule = self.rule(chosen.action.rule)
            settled_by_name = {a: [value] for a, (value, given) in unsettled.items()
                               if a in self._reads(rule) and (given or rule.unknown_coverage != "presume")}
        if settled_by_name and "any_of" in entry.paths[j]:
            # One alternative among others, struck because its own name settles a
            # fact ("... quyền sử dụng đất ở": residential land): it answers for an
            # applicant who holds it, and we do not know that this one does. The
            # choice stays, struck if the applicant's fact is that one.
            return _Leaf(paper, chosen.status, chosen.action, chosen.doc, None, entry.counts[j], holds_if=settled_by_name)
        if chosen.status is not Status.struck and chosen.action.reason not in _KEPT:
            for o in outcomes:
                struck_if = self._strike_condition(actions.get((j, o.doc), []))
                if struck_if:
                    break
        return _Leaf(paper, chosen.status, chosen.action, chosen.doc, struck_if, entry.counts[j])

    def _requirement(
        self,
        proc: Procedure,
        req: Requirement,
        entry: _Entry,
        actions: dict[tuple[int, str], list[Action]],
        as_of: dt.date,
        statuses: dict[str, str],
        channel: str | None,
        implied: dict[tuple[int, str], dict[str, tuple[str, bool]]] | None = None,
    ) -> Decision:
        cat = self.catalogue
        leaves = [self._leaf(entry, j, actions, implied) for j in range(len(entry.papers))]
        if req.applies_if:
            for leaf in leaves:
                if leaf.struck_if:
                    # A paper's promise the entry's own applicability would break is none.
                    leaf.struck_if = _within(leaf.struck_if, req.applies_if)
        status, struck_if = _combine(entry.shape, leaves)
        _attribute_copies(entry.shape, leaves, entry.counts, True)
        if struck_if:
            struck_if = _within(struck_if, req.applies_if)
        going = [leaf for leaf in leaves if leaf.status in _GONE]
        if status in _GONE:
            main = leaves[_lead(entry.shape, leaves)]
        else:
            staying = [leaf for leaf in leaves if leaf.status not in _GONE]
            conditional = [leaf for leaf in staying if leaf.struck_if] if struck_if else []
            main = min(conditional or staying, key=lambda lf: lf.action.rank)
        action = main.action
        rule = self.rule(action.rule) if action.rule else None
        if status is Status.required and any(leaf.avoided for leaf in leaves):
            explanation = explain.partial(cat, [lf.paper for lf in leaves if lf.avoided], [lf.paper for lf in leaves if not lf.avoided and lf.status not in _GONE], [self.rule(lf.action.rule).source for lf in leaves if lf.avoided])
        else:
            explanation = self._sentence(main, rule, as_of, statuses)
        lookup = rule if rule is not None and (action.kind in ("hit", "cond") or action.reason == "status") else None
        if lookup is None and going:
            lookup = self.rule(going[0].action.rule) if going[0].action.rule else None
        fallback_en, fallback_vi = explain.fallback_text(cat.fallbacks.get(lookup.fallback or ""), channel) if lookup is not None else (None, None)
        trace = [
            _build(TraceStep,
                document_type=doc,
                rule=a.rule or _mechanism_rule(a, doc),
                outcome=a.kind if a.reason is None else f"{a.kind}:{a.reason}",
                detail=", ".join(f"{k} in {list(v)}" for k, v in a.missing) or None,
            )
            for (j, doc), acts in sorted(actions.items())
            for a in acts
        ]
        sources = list(dict.fromkeys(s for lf in going if lf.action.rule for s in self.rule(lf.action.rule).sources))
        return _build(Decision,
            procedure=proc.code,
            requirement=_build(RequirementRef, id=req.id, text=req.text),
            document_types=list(req.document_types),
            status=status,
            source=rule.named_source if rule is not None else None,
            rule=action.rule or _mechanism_rule(action, main.doc),
            legal_basis=self._basis(main, rule),
            copies_avoided=sum(leaf.avoided for leaf in leaves),
            fallback=fallback_en,
            fallback_vi=fallback_vi,
            explanation=explanation,
            struck_if=struck_if or None,
            components=[self._paper_decision(leaf, path) for leaf, path in zip(leaves, entry.paths)],
            sources=[s for s in sources if s],
            trace=trace,
        )

    def _basis(self, leaf: _Leaf, rule: Rule | None) -> str | None:
        if rule is not None and rule.scope == "dossier-waiver" and leaf.paper.waiver_text:
            return f"{explain.legal_basis(rule)}: \u201c{leaf.paper.waiver_text}\u201d"
        return explain.legal_basis(rule)

    def _sentence(self, leaf: _Leaf, rule: Rule | None, as_of: dt.date, statuses: dict[str, str]):
        cat = self.catalogue
        action = leaf.action
        named = [d for d in (leaf.paper.document_types or []) if d != UNRECOGNISED]
        if action.kind == "hit":
            return explain.rule_explanation(cat, rule, named or [leaf.doc] if leaf.doc != UNRECOGNISED else named)
        if action.kind == "cond":
            return explain.conditional(cat, rule, named, {a: list(v) for a, v in action.missing})
        if action.reason in _KEPT:
            return _KEPT[action.reason][1](cat, named)
        if action.kind == "miss":
            return explain.blocked(cat, rule, named, action.reason or "", as_of, statuses.get(action.source or rule.source or ""), action.source)
        # Thousands of entries share these sentences: build each once.
        key = tuple(named)
        sentence = self._default_texts.get(key)
        if sentence is None:
            sentence = self._default_texts[key] = explain.default(cat, list(key))
        return sentence

    def _paper_decision(self, leaf: _Leaf, path: tuple[str, ...]) -> PaperDecision:
        action = leaf.action
        rule = self.rule(action.rule) if action.rule else None
        return _build(PaperDecision,
            id=leaf.paper.id,
            text=leaf.paper.text,
            document_types=list(leaf.paper.document_types),
            status=leaf.status,
            source=rule.named_source if rule is not None else None,
            rule=action.rule or _mechanism_rule(action, leaf.doc),
            legal_basis=self._basis(leaf, rule),
            copies_avoided=leaf.avoided,
            counted=leaf.counted,
            struck_if=leaf.struck_if,
            path=list(path),
            surrendered=leaf.paper.surrendered,
            foreign=leaf.paper.foreign,
            unrecorded=leaf.paper.unrecorded,
            condition=leaf.paper.condition,
        )

    def _not_applicable(self, proc: Procedure, req: Requirement, entry: _Entry, condition: dict[str, list[str]]) -> Decision:
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
            components=[
                _build(PaperDecision, id=p.id, text=p.text, document_types=list(p.document_types), status=Status.not_applicable,
                       source=None, rule="applies-if", legal_basis=None, copies_avoided=0, counted=False, struck_if=None, path=[],
                       surrendered=p.surrendered, foreign=p.foreign, condition=p.condition)
                for p in entry.papers
            ],
            sources=[],
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
        entries = self.plan(proc.code).entries
        for d, entry in zip(decisions, entries):
            counts[d.status] += 1
            if d.status is Status.not_applicable:
                continue
            n = entry.needed
            before += n
            after += max(0, n - d.copies_avoided)
            if d.status is Status.required and d.struck_if:
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


# --------------------------------------------------------------------------- the tree

_GONE = (Status.struck, Status.replaced)


def _needed(shape: tuple, counts: list[int]) -> int:
    """Copies the applicant brings for a node: every part of a bundle, one alternative."""
    if shape[0] == "p":
        return counts[shape[1]]
    parts = [_needed(c, counts) for c in shape[1]]
    return sum(parts) if shape[0] == "all" else max(parts)


def _combine(shape: tuple, leaves: list[_Leaf]) -> tuple[Status, dict[str, list[str]] | None]:
    """Status of a node and the attribute values that would strike it.

    ``{}`` means "already struck"; ``None`` means no values we know of would.
    An ``any_of`` goes when one alternative goes; an ``all_of``, and
    alternatives by case, only when every part goes. A promise is kept only
    when it holds for every part.
    """
    if shape[0] == "p":
        leaf = leaves[shape[1]]
        if leaf.holds_if:
            return Status.required, leaf.holds_if
        return leaf.status, ({} if leaf.status in _GONE else leaf.struck_if)
    results = [_combine(c, leaves) for c in shape[1]]
    # A node that goes already (struck, or replaced by another source) promises nothing more.
    if shape[0] == "any":
        status = min((r[0] for r in results), key=_STATUS_RANK.__getitem__)
        if status in _GONE:
            return status, {}
        return status, next((r[1] for r in results if r[1]), None)
    status = max((r[0] for r in results), key=_STATUS_RANK.__getitem__)
    if status in _GONE:
        return status, {}
    merged: dict[str, list[str]] = {}
    for child_status, cond in results:
        # (A part replaced by another source stays replaced: no value turns the bundle "struck".)
        if child_status is Status.struck:
            continue
        if not cond:
            return status, None
        for attr, values in cond.items():
            if attr in merged:
                values = [v for v in merged[attr] if v in values]
                if not values:
                    return status, None
            merged[attr] = list(values)
    return status, merged


def _attribute_copies(shape: tuple, leaves: list[_Leaf], counts: list[int], going: bool) -> int:
    """Give each paper that goes the copies it saves; return the node's saving.

    A bundle saves the copies of each part that goes; so do alternatives by
    case while some of them stay (each saves its own case's copies), and like
    any alternatives once every one goes. A list of alternatives
    that one alternative satisfies saves what the list asks for (the largest
    alternative), credited to the first alternative that goes; it saves
    nothing when none goes (the applicant still brings one of them).
    """
    if shape[0] == "p":
        leaf = leaves[shape[1]]
        if going and leaf.status in _GONE and not leaf.holds_if:
            leaf.avoided = leaf.copies
            leaf.counted = True
            return leaf.copies
        return 0
    ranks = [_rank_of(c, leaves) for c in shape[1]]
    if shape[0] == "all" or (shape[0] == "case" and max(ranks) == _STATUS_RANK[Status.required]):
        return sum(_attribute_copies(c, leaves, counts, going) for c in shape[1])
    best = min(ranks)
    if not going or best == _STATUS_RANK[Status.required]:
        return 0
    chosen = shape[1][ranks.index(best)]
    saved = _attribute_copies(chosen, leaves, counts, True)
    target = _needed(shape, counts)
    if saved < target:
        first = next(leaves[j] for j in _leaf_indices(chosen) if leaves[j].status in _GONE and not leaves[j].holds_if)
        first.avoided += target - saved
    return target


def _lead(shape: tuple, leaves: list[_Leaf]) -> int:
    """The paper that decides a node that goes: the first best alternative, all the way down."""
    if shape[0] == "p":
        return shape[1]
    ranks = [_rank_of(c, leaves) for c in shape[1]]
    return _lead(shape[1][ranks.index(min(ranks))], leaves)


def _leaf_indices(shape: tuple):
    if shape[0] == "p":
        yield shape[1]
    else:
        for c in shape[1]:
            yield from _leaf_indices(c)


def _rank_of(shape: tuple, leaves: list[_Leaf]) -> int:
    if shape[0] == "p":
        leaf = leaves[shape[1]]
        return _STATUS_RANK[Status.required if leaf.holds_if else leaf.status]
    ranks = [_rank_of(c, leaves) for c in shape[1]]
    return min(ranks) if shape[0] == "any" else max(ranks)


def _within(cond: dict[str, list[str]], applies_if: dict[str, list[str]]) -> dict[str, list[str]] | None:
    """Drop a promise the entry's own applicability would break."""
    out = {}
    for attr, values in cond.items():
        allowed = applies_if.get(attr)
        kept = [v for v in values if allowed is None or v in allowed]
        if not kept:
            return None
        out[attr] = kept
    return out
