"""durable-rules' decisions equal the plain-Python oracle on random law, catalogues and applicants."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.catalogue import Catalogue
from engine.evaluator import Engine
from engine.host import DurableHost
from engine.models import Attribute, DocumentType, Fallback, Procedure, Rule, Source

from . import oracle

HOST = DurableHost()  # one host for every example: names are versioned, re-registration is safe
ATTRS = {"nationality": ["vn", "foreign"], "land-use": ["residential", "agricultural"]}
DOCS = ["d0", "d1", "d2", "d3", "d4", "form"]
SOURCES = ["s0", "s1", "s2"]
dates = st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2028, 12, 31))


def _text(s: str) -> dict:
    return {"vi": s, "en": s}


@st.composite
def sources(draw, ident: str) -> Source:
    dated = lambda values: st.dictionaries(dates, values, min_size=1, max_size=2)
    coverage = []
    for attr in draw(st.lists(st.sampled_from(sorted(ATTRS)), unique=True, max_size=2)):
        coverage.append({"attribute": attr, "values": draw(dated(st.lists(st.sampled_from(ATTRS[attr]), unique=True, min_size=1))), "reference": {"source": "t"}})
    return Source.model_validate(
        {
            "id": ident,
            "name": _text(ident),
            "owner": "bo-cong-an",
            "replaces": draw(st.lists(st.sampled_from(DOCS[:-1]), unique=True, min_size=1)),
            "announcement": {"date": draw(st.none() | dates), "reference": {"source": "t"}},
            "quality": draw(dated(st.sampled_from(["insufficient", "partial", "sufficient"]))),
            "coverage": coverage,
            "status": draw(st.sampled_from(["online", "online", "offline", "degraded"])),
            "legal_basis": {"act": "t"},
        }
    )


@st.composite
def catalogues(draw) -> Catalogue:
    srcs = {s: draw(sources(s)) for s in SOURCES}
    rules = {}
    for doc in DOCS[:-1]:
        # at most one strike-or-cut rule and one replace rule per document type,
        # so that the rule an outcome names never depends on firing order among equals
        for effect in draw(st.lists(st.sampled_from(["strike", "cut", "replace"]), unique=True, max_size=2)):
            if effect in ("strike", "cut") and any(r.effect.value in ("strike", "cut") and doc in r.document_types for r in rules.values()):
                continue
            holders = [s for s in SOURCES if doc in srcs[s].replaces]
            if effect != "cut" and not holders:
                continue
            start = draw(dates)
            rule = {
                "id": f"{effect}-{doc}",
                "description": "t",
                "effect": effect,
                "document_types": [doc],
                "source": None if effect == "cut" else draw(st.sampled_from(holders)),
                "valid_from": start,
                "valid_to": draw(st.none() | dates.filter(lambda d: d >= start)),
                "min_quality": draw(st.sampled_from(["partial", "sufficient"])),
                "requires": draw(st.dictionaries(st.sampled_from(sorted(ATTRS)), st.lists(st.sampled_from(ATTRS["nationality"]), unique=True, min_size=1), max_size=1)).get("nationality") and {"nationality": ["vn"]} or {},
                "status": draw(st.sampled_from(["in_force", "in_force", "proposed"])),
                "legal_basis": {"act": "t"},
                "fallback": "fb",
                "explanation": _text("{document_en}"),
            }
            rules[rule["id"]] = Rule.model_validate(rule)
    procs = {}
    for n in range(draw(st.integers(1, 3))):
        reqs = []
        for i in range(draw(st.integers(1, 5))):
            reqs.append(
                {
                    "id": f"r{i}",
                    "text": f"requirement {i}",
                    "document_types": draw(st.lists(st.sampled_from(DOCS), unique=True, max_size=3)),
                    "match": draw(st.sampled_from(["any_of", "all_of"])),
                    "originals": draw(st.integers(0, 2)),
                    "copies": draw(st.integers(0, 2)),
                    "applies_if": draw(st.sampled_from([{}, {}, {"nationality": ["vn"]}])),
                    "surrendered": draw(st.booleans()),
                }
            )
        code = f"9.00000{n}"
        procs[code] = Procedure.model_validate({"code": code, "name": _text(code), "ministry": "bo-tu-phap", "requirements": reqs})
    return Catalogue(
        documents={d: DocumentType.model_validate({"id": d, "name": _text(d), "strikeable": d != "form"}) for d in DOCS},
        sources=srcs,
        rules=rules,
        fallbacks={"fb": Fallback.model_validate({"id": "fb", "legal_basis": {"act": "t"}, "deadlines": {"online": _text("8h")}, "text": _text("{deadline_en}")})},
        procedures=procs,
        attributes={a: Attribute.model_validate({"id": a, "description": _text(a), "values": v}) for a, v in ATTRS.items()},
    )


applicants = st.fixed_dictionaries({}, optional={a: st.sampled_from(v) for a, v in ATTRS.items()})
overrides = st.dictionaries(st.sampled_from(SOURCES), st.sampled_from(["online", "offline", "degraded"]), max_size=2)


def _project(decisions) -> list[dict]:
    return [
        {"id": d.requirement.id, "status": d.status.value, "struck_if": d.struck_if, "copies_avoided": d.copies_avoided}
        for d in decisions
    ]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cat=catalogues(), applicant=applicants, as_of=dates, status=overrides)
def test_durable_equals_oracle(cat, applicant, as_of, status):
    engine = Engine(cat, host=HOST)
    for code in cat.procedures:
        want = oracle.decide(cat, code, applicant, as_of, status)
        for use_cache in (False, True, True):
            got = engine.evaluate(code, applicant, as_of, status, use_cache=use_cache).decisions
            assert _project(got) == [{k: w[k] for k in ("id", "status", "struck_if", "copies_avoided")} for w in want]
            for g, w in zip(got, want):
                if g.status.value in ("struck", "replaced"):
                    assert (g.rule, g.source) == (w["rule"], w["source"])


def test_oracle_agrees_on_the_shipped_catalogue(engine):
    """Every curated procedure, a grid of applicants, dates and outages."""
    cat = engine.catalogue
    days = [dt.date(2022, 6, 1), dt.date(2025, 6, 1), dt.date(2026, 1, 1), dt.date(2026, 6, 1), dt.date(2027, 3, 1)]
    people = [{}, {"nationality": "vn"}, {"nationality": "foreign"}, {"nationality": "vn", "vneid": "level2", "land-use": "residential", "entity-kind": "enterprise"}, {"land-use": "agricultural", "by-proxy": "no"}]
    outages = [None, {"population": "offline"}, {"civil-status": "degraded", "land": "offline"}]
    for code in sorted(cat.procedures):
        for day in days:
            for person in people:
                for outage in outages:
                    want = oracle.decide(cat, code, person, day, outage)
                    got = engine.evaluate(code, person, day, outage).decisions
                    assert _project(got) == [{k: w[k] for k in ("id", "status", "struck_if", "copies_avoided")} for w in want], (code, day, person, outage)
