"""Apply a scenario to a clone of the baseline: the baseline is never touched.

The clone shares every object the scenario leaves alone with the baseline
(copy-on-write: dicts are copied, changed records are replaced by changed
copies), so cloning a catalogue of 2,000 procedures costs microseconds instead
of the deep copy of :meth:`Catalogue.clone`. Nothing of the baseline is ever
mutated; ``tests/simulation`` checks that the baseline decides exactly as
before.
"""

from __future__ import annotations

import datetime as dt


from pydantic import ValidationError

from ..catalogue import Catalogue
from ..compiler import compile_template, template_key
from ..errors import DataError, RulesetLimitError
from ..loading import cross_check
from ..models import DATE_MAX, Announcement, CoverageCondition, Reference, Requirement, Rule, Source, Volume
from .scenario import (
    AddAttribute,
    AddDocumentType,
    AddRule,
    AddSource,
    Announce,
    ChangeRequirements,
    Coverage,
    EnactRule,
    Outage,
    Quality,
    RepealRule,
    Scenario,
    ScenarioError,
    SetVolume,
    Withdraw,
)

_DAY = dt.timedelta(days=1)
_SCENARIO_REF = Reference(source="scenario", estimate=True)


def shallow_clone(base: Catalogue, label: str) -> Catalogue:
    """A copy whose dicts are new and whose records are shared with ``base``."""
    return base.copy_on_write(label)


class _Applier:
    def __init__(self, base: Catalogue, scenario: Scenario):
        self.base = base
        self.sc = scenario
        self.cat = shallow_clone(base, scenario.id)
        self.errors: list[DataError] = []
        #: Which operation touched which record: "sources/x" | "rules/x" | code -> (op index, field).
        self.touched: dict[str, tuple[int, str]] = {}
        self.changed_procs: set[str] = set()
        self.changed_docs: set[str] = set()

    # ------------------------------------------------------------------ helpers

    def err(self, i: int, field: str, message: str) -> None:
        self.errors.append(self.sc.error(("operations", i) + tuple(_split(field)), message))

    def _own(self, i: int, kind: str, ident: str, touched_key: str):
        """A private copy of record ``ident`` of ``kind`` in the clone (copy on first write)."""
        mine, theirs = getattr(self.cat, kind + "s"), getattr(self.base, kind + "s")
        record = mine.get(ident)
        if record is None:
            self.err(i, kind, f"unknown {kind} {ident!r}")
            return None
        if record is theirs.get(ident):
            record = mine[ident] = record.model_copy(deep=True)
        self.touched.setdefault(touched_key, (i, kind))
        return record

    def source(self, i: int, sid: str) -> Source | None:
        return self._own(i, "source", sid, f"sources/{sid}")

    def rule(self, i: int, rid: str) -> Rule | None:
        return self._own(i, "rule", rid, f"rules/{rid}")

    def procedure(self, i: int, code: str):
        proc = self._own(i, "procedure", code, code)
        if proc is not None:
            self.changed_procs.add(code)
        return proc

    # ------------------------------------------------------------------ operations

    def run(self) -> Catalogue:
        for i, op in enumerate(self.sc.operations):
            handler = getattr(self, "_" + op.op)
            handler(i, op)
        if not self.errors:
            self._check()
        if self.errors:
            raise ScenarioError(self.errors)
        _set_versions(self.base, self.cat, self.changed_procs)
        return self.cat

    def _add_document_type(self, i: int, op: AddDocumentType) -> None:
        if op.document.id in self.cat.documents:
            self.err(i, "document.id", f"document type {op.document.id!r} already exists")
            return
        self.cat.documents[op.document.id] = op.document
        self.touched[f"documents/{op.document.id}"] = (i, "document")

    def _add_attribute(self, i: int, op: AddAttribute) -> None:
        if op.attribute.id in self.cat.attributes:
            self.err(i, "attribute.id", f"attribute {op.attribute.id!r} already exists")
            return
        self.cat.attributes[op.attribute.id] = op.attribute

    def _add_source(self, i: int, op: AddSource) -> None:
        if op.source.id in self.cat.sources:
            self.err(i, "source.id", f"source {op.source.id!r} already exists")
            return
        self.cat.sources[op.source.id] = op.source
        self.touched[f"sources/{op.source.id}"] = (i, "source")
        for k, rule in enumerate(op.rules):
            self._put_rule(i, f"rules[{k}]", rule)

    def _put_rule(self, i: int, field: str, rule: Rule) -> None:
        if rule.id in self.cat.rules:
            self.err(i, field + ".id", f"rule {rule.id!r} already exists")
            return
        if rule.status != "in_force":
            self.err(i, field + ".status", "a rule added by a scenario must be in_force in the scenario")
            return
        self.cat.rules[rule.id] = rule
        self.touched[f"rules/{rule.id}"] = (i, field)

    def _add_rule(self, i: int, op: AddRule) -> None:
        self._put_rule(i, "rule", op.rule)

    def _announce(self, i: int, op: Announce) -> None:
        src = self.source(i, op.source)
        if src is not None:
            src.announcement = Announcement(date=op.date, reference=op.reference or _SCENARIO_REF)

    def _withdraw(self, i: int, op: Withdraw) -> None:
        src = self.source(i, op.source)
        if src is None:
            return
        announced = src.announcement.date
        if op.date is None or announced is None or op.date <= announced:
            src.announcement = Announcement(date=None, reference=op.reference or _SCENARIO_REF)
            return
        # Announced, then withdrawn: every rule using the source ends the day before.
        for rid, rule in list(self.cat.rules.items()):
            if rule.source != op.source:
                continue
            end = op.date - _DAY
            if rule.valid_from > end:
                del self.cat.rules[rid]
                self.touched[f"rules/{rid}"] = (i, "source")
                continue
            if rule.valid_to is None or rule.valid_to > end:
                rule = self.rule(i, rid)
                rule.valid_to = end

    def _coverage(self, i: int, op: Coverage) -> None:
        src = self.source(i, op.source)
        if src is None:
            return
        attr = self.cat.attributes.get(op.attribute)
        if attr is None:
            self.err(i, "attribute", f"unknown attribute {op.attribute!r}")
            return
        for field in ("add", "remove", "set"):
            bad = [v for v in (getattr(op, field) or []) if v not in attr.values]
            if bad:
                self.err(i, field, f"unknown value(s) {bad} for attribute {op.attribute!r} (one of {attr.values})")
                return
        cond = next((c for c in src.coverage if c.attribute == op.attribute), None)
        if cond is None:
            if op.set is None and op.add:
                # No restriction on this attribute yet: the source already covers every value.
                self.err(i, "add", f"source {op.source!r} does not restrict {op.attribute!r}: it covers every value already; use set")
                return
            cond = CoverageCondition(attribute=op.attribute, values={}, reference=op.reference or _SCENARIO_REF)
            src.coverage.append(cond)

        def change(values: list[str]) -> list[str]:
            if op.set is not None:
                return list(op.set)
            kept = [v for v in values if v not in op.remove]
            return kept + [v for v in op.add if v not in kept]

        current = cond.values_on(op.from_)
        updated = {d: v for d, v in cond.values.items() if d < op.from_}
        updated[op.from_] = change(current or [])
        for d, v in cond.values.items():
            if d > op.from_:
                updated[d] = change(v)
        cond.values = dict(sorted(updated.items()))
        if op.reference is not None:
            cond.reference = op.reference

    def _quality(self, i: int, op: Quality) -> None:
        src = self.source(i, op.source)
        if src is not None:
            # The new level holds from ``from`` until the source's next dated level.
            src.quality = dict(sorted({**src.quality, op.from_: op.level}.items()))

    def _outage(self, i: int, op: Outage) -> None:
        # Not a change of law: the simulator overrides the status on dates inside the window.
        if op.source not in self.cat.sources:
            self.err(i, "source", f"unknown source {op.source!r}")

    def _repeal_rule(self, i: int, op: RepealRule) -> None:
        rule = self.cat.rules.get(op.rule)
        if rule is None:
            self.err(i, "rule", f"unknown rule {op.rule!r}")
            return
        if op.from_ is None or op.from_ <= rule.valid_from:
            del self.cat.rules[op.rule]
            self.touched[f"rules/{op.rule}"] = (i, "rule")
            self.changed_docs.update(self.base.rule_document_types(rule))
            return
        rule = self.rule(i, op.rule)
        end = op.from_ - _DAY
        if rule.valid_to is None or rule.valid_to > end:
            rule.valid_to = end

    def _enact_rule(self, i: int, op: EnactRule) -> None:
        rule = self.rule(i, op.rule)
        if rule is None:
            return
        if rule.status == "in_force" and op.from_ is None:
            self.err(i, "rule", f"rule {op.rule!r} is already in force")
            return
        rule.status = "in_force"
        if op.from_ is not None:
            rule.valid_from = max(rule.valid_from, op.from_)
            if rule.valid_to is not None and rule.valid_to < rule.valid_from:
                self.err(i, "from", f"rule {op.rule!r} ends on {rule.valid_to} before {op.from_}")

    def _change_requirements(self, i: int, op: ChangeRequirements) -> None:
        proc = self.procedure(i, op.procedure)
        if proc is None:
            return
        ids = [r.id for r in proc.requirements]
        for k, rid in enumerate(op.remove):
            if rid not in ids:
                self.err(i, f"remove[{k}]", f"procedure {op.procedure} has no requirement {rid!r} (it has {ids})")
        reqs = [r for r in proc.requirements if r.id not in op.remove]
        by_id = {r.id: n for n, r in enumerate(reqs)}
        for k, patch in enumerate(op.update):
            n = by_id.get(patch.id)
            if n is None:
                self.err(i, f"update[{k}].id", f"procedure {op.procedure} has no requirement {patch.id!r}")
                continue
            try:
                reqs[n] = Requirement.model_validate({**reqs[n].model_dump(), **patch.set, "id": patch.id})
            except ValidationError as exc:
                for e in exc.errors():
                    self.err(i, f"update[{k}].set." + ".".join(str(x) for x in e["loc"]), e["msg"])
        for k, req in enumerate(op.add):
            if req.id in by_id:
                self.err(i, f"add[{k}].id", f"procedure {op.procedure} already has a requirement {req.id!r}")
                continue
            reqs.append(req)
            by_id[req.id] = len(reqs) - 1
        proc.requirements = reqs

    def _volume(self, i: int, op: SetVolume) -> None:
        proc = self.procedure(i, op.procedure)
        if proc is not None:
            proc.volume = Volume(per_year=op.per_year, year=op.year, reference=op.reference)

    # ------------------------------------------------------------------ checks

    def _check(self) -> None:
        """Cross-check what changed (unknown ids, rules on never-struck types, ...),
        reporting only problems the baseline does not already have."""
        for key in self.touched:
            if key.startswith("rules/") and key[6:] in self.cat.rules:
                rule = self.cat.rules[key[6:]]
                try:
                    Rule.model_validate(rule.model_dump())
                except ValidationError as exc:
                    i, field = self.touched[key]
                    for e in exc.errors():
                        self.err(i, field, e["msg"])
        law = dict(
            documents=self.cat.documents, sources=self.cat.sources, rules=self.cat.rules,
            fallbacks=self.cat.fallbacks, agencies=self.cat.agencies, attributes=self.cat.attributes,
        )
        twin = Catalogue(**law, procedures={c: self.cat.procedures[c] for c in self.changed_procs})
        twin.origins = {c: c for c in self.changed_procs}
        before = Catalogue(
            documents=self.base.documents, sources=self.base.sources, rules=self.base.rules,
            fallbacks=self.base.fallbacks, agencies=self.base.agencies, attributes=self.base.attributes,
            procedures={c: self.base.procedures[c] for c in self.changed_procs if c in self.base.procedures},
        )
        before.origins = {c: c for c in before.procedures}
        known = {(e.file, e.field, e.message) for e in cross_check(before)}
        for e in cross_check(twin):
            if (e.file, e.field, e.message) in known:
                continue
            where = self.touched.get(_record_key(e.file))
            if where is None:
                # A baseline record broken by a change elsewhere (a source lost a type a rule names).
                where = next(iter(self.touched.values()), (0, ""))
                self.err(where[0], where[1], f"{e.file}: {e.field}: {e.message}")
            else:
                self.err(where[0], where[1] + ("." + e.field if e.field else ""), e.message)
        if self.errors:
            return
        # Compile the templates the scenario touches: a ruleset that would cross a
        # durable-rules limit is a scenario error, not a crash later.
        docs = set(self.changed_docs)
        for key, (i, field) in self.touched.items():
            kind, _, ident = key.partition("/")
            if kind == "rules" and ident in self.cat.rules:
                docs.update(self.cat.rule_document_types(self.cat.rules[ident]))
            elif kind == "sources":
                docs.update(self.cat.sources[ident].replaces)
        for doc in sorted(docs):
            try:
                compile_template(self.cat, template_key(self.cat, doc))
            except RulesetLimitError as exc:
                self.err(0, "operations", str(exc))
                return


_KINDS = {"source": "sources", "rule": "rules", "document": "documents", "document type": "documents"}


def _record_key(file: str) -> str:
    """The ``touched`` key of the record a cross-check error names: the loader
    names it ``sources/x`` or ``source x``, and a procedure by its code (or ``procedure x``)."""
    if "/" in file and file.split("/", 1)[0] in _KINDS.values():
        return file
    kind, _, ident = file.rpartition(" ")
    if kind in _KINDS:
        return f"{_KINDS[kind]}/{ident}"
    return ident if kind == "procedure" else file


def _split(field: str) -> list:
    out: list = []
    for part in field.replace("]", "").replace("[", ".").split("."):
        if part:
            out.append(int(part) if part.isdigit() else part)
    return out


def _set_versions(base: Catalogue, twin: Catalogue, changed: set[str]) -> None:
    """Give the clone its versions without re-hashing every procedure."""
    twin.derive_versions(base, changed)


def apply(catalogue: Catalogue, scenario: Scenario) -> Catalogue:
    """The catalogue as ``scenario`` would make it; ``catalogue`` is left unchanged.

    Raises
    ------
    ScenarioError
        An operation names an unknown source, rule, procedure or value, or
        leaves the law inconsistent; each error names the scenario file, line and field.
    """
    return _Applier(catalogue, scenario).run()


def applied(catalogue: Catalogue, scenarios: list[Scenario], label: str | None = None) -> Catalogue:
    """Several scenarios applied one after the other (the roadmap's steps)."""
    cat = catalogue
    for sc in scenarios:
        cat = apply(cat, sc)
    if label:
        cat.label = label
    return cat


def status_on(scenarios: list[Scenario], day: dt.date) -> dict[str, str]:
    out: dict[str, str] = {}
    for sc in scenarios:
        out.update(sc.status_on(day))
    return out


__all__ = ["apply", "applied", "shallow_clone", "status_on", "DATE_MAX"]
