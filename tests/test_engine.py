"""Engine behaviour beyond the YAML cases: threads, limits, caching, errors, the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.compiler import MAX_RULES_PER_PATH, compile_template, lint
from engine.errors import InvalidApplicant, RulesetLimitError, UnknownProcedure, UnknownSource
from engine.evaluator import Engine
from engine.models import Procedure, Rule

DAY = dt.date(2026, 6, 1)
CONTRACT = {"procedure", "requirement", "document_types", "status", "source", "rule", "legal_basis",
            "copies_avoided", "fallback", "explanation", "struck_if"}


def _with_procedure(catalogue, requirements):
    cat = catalogue.clone("test")
    proc = Procedure.model_validate({"code": "9.999999", "name": {"vi": "Thử"}, "ministry": "bo-nong-nghiep-mt", "requirements": requirements})
    cat.procedures[proc.code] = proc
    cat.invalidate()
    return cat


def test_land_certificate_struck_only_for_residential_land(catalogue):
    cat = _with_procedure(catalogue, [{"id": "land", "text": "Giấy chứng nhận quyền sử dụng đất", "document_types": ["land-use-certificate"], "copies": 1}])
    engine = Engine(cat)
    status = lambda applicant: engine.evaluate("9.999999", applicant, DAY).decisions[0]
    assert status({"nationality": "vn", "land-use": "residential"}).status.value == "struck"
    assert status({"nationality": "vn", "land-use": "residential"}).copies_avoided == 2
    non_residential = status({"nationality": "vn", "land-use": "agricultural"})
    assert non_residential.status.value == "required" and non_residential.struck_if is None
    unknown = status({"nationality": "vn"})
    assert unknown.status.value == "required"
    assert unknown.struck_if == {"land-use": ["residential"]}


def test_baseline_untouched_by_clone(catalogue, engine):
    before = [d.status for d in engine.evaluate("1.001193", {"nationality": "vn"}, DAY, use_cache=False).decisions]
    twin = catalogue.clone("withdrawn")
    twin.sources["population"].announcement.date = None
    twin.invalidate()
    after_twin = [d.status.value for d in Engine(twin).evaluate("1.001193", {"nationality": "vn"}, DAY).decisions]
    assert "struck" not in after_twin
    assert [d.status for d in engine.evaluate("1.001193", {"nationality": "vn"}, DAY, use_cache=False).decisions] == before


def test_source_status_change_is_seen_by_the_next_evaluation(catalogue):
    engine = Engine(catalogue)
    first = engine.evaluate("1.001193", {"nationality": "vn"}, DAY)
    assert {d.requirement.id: d.status.value for d in first.decisions}["identity"] == "struck"
    engine.state.set("population", "offline")
    second = engine.evaluate("1.001193", {"nationality": "vn"}, DAY)
    identity = {d.requirement.id: d for d in second.decisions}["identity"]
    assert identity.status.value == "required" and "8 working hours" in identity.fallback
    assert second.source_state_version != first.source_state_version


def test_cache_ignores_attributes_no_rule_tests(catalogue):
    engine = Engine(catalogue)
    engine.evaluate("1.001193", {"nationality": "vn", "entity-kind": "enterprise"}, DAY)
    misses = engine.misses
    engine.evaluate("1.001193", {"nationality": "vn", "entity-kind": "cooperative"}, DAY)
    assert engine.misses == misses  # entity-kind does not matter to birth registration
    engine.evaluate("1.001193", {"nationality": "foreign"}, DAY)
    assert engine.misses == misses + 1


def test_threads_agree_with_serial(catalogue):
    engine = Engine(catalogue)
    codes = sorted(catalogue.procedures)
    people = [{}, {"nationality": "vn"}, {"nationality": "foreign"}, {"nationality": "vn", "vneid": "level2"}]
    want = {(c, i): [d.status for d in Engine(catalogue).evaluate(c, p, DAY).decisions] for c in codes for i, p in enumerate(people)}
    errors = []

    def work(seed: int) -> None:
        try:
            for k in range(300):
                c = codes[(seed * 31 + k) % len(codes)]
                i = (seed + k) % len(people)
                got = [d.status for d in engine.evaluate(c, people[i], DAY, use_cache=bool(k % 2)).decisions]
                assert got == want[(c, i)]
        except Exception as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_linter_refuses_a_ruleset_past_durables_limits(catalogue):
    cat = catalogue.clone("too-many")
    base = cat.rules["res-66-7-art4-1-population"]
    ids = []
    for n in range(MAX_RULES_PER_PATH // 4):
        rule = Rule.model_validate({**base.model_dump(), "id": f"clone-{n}", "document_types": ["cccd"]})
        cat.rules[rule.id] = rule
        ids.append(rule.id)
    with pytest.raises(RulesetLimitError, match="condition"):
        compile_template(cat, tuple(ids))
    small = compile_template(catalogue, ("res-66-7-art4-1-population",))
    assert lint(small) == []


def test_input_errors_are_exact(engine):
    with pytest.raises(UnknownProcedure, match="unknown procedure '0.000000'"):
        engine.evaluate("0.000000", {}, DAY)
    with pytest.raises(InvalidApplicant, match="nationality: must be one of"):
        engine.evaluate("1.001193", {"nationality": "martian"}, DAY)
    with pytest.raises(InvalidApplicant, match="planet: unknown attribute"):
        engine.evaluate("1.001193", {"planet": "earth"}, DAY)
    with pytest.raises(UnknownSource, match="unknown source 'moon-db'"):
        engine.evaluate("1.001193", {}, DAY, {"moon-db": "offline"})


def test_cli_evaluate_json_contract(tmp_path):
    applicant = tmp_path / "a.json"
    applicant.write_text(json.dumps({"nationality": "vn"}))
    result = CliRunner().invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01", "--applicant", str(applicant), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["procedure"] == "1.001193" and data["as_of"] == "2026-06-01"
    for decision in data["decisions"]:
        assert CONTRACT <= set(decision)
        assert decision["status"] in {"required", "struck", "replaced", "not_applicable"}
        assert set(decision["requirement"]) == {"id", "text"}
        assert set(decision["explanation"]) == {"vi", "en"}
    by_id = {d["requirement"]["id"]: d for d in data["decisions"]}
    assert by_id["identity"]["status"] == "struck" and by_id["identity"]["source"] == "population"
    assert data["rules_version"] and data["catalogue_version"] and data["engine_version"]


def test_cli_evaluate_offline_override_and_errors():
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01", "--source-status", "population=offline", "--format", "json"])
    assert result.exit_code == 0
    identity = {d["requirement"]["id"]: d for d in json.loads(result.stdout)["decisions"]}["identity"]
    assert identity["status"] == "required" and "8 working hours" in identity["fallback"]
    bad = runner.invoke(app, ["evaluate", "0.000000"])
    assert bad.exit_code == 2 and "unknown procedure" in bad.output
    table = runner.invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01", "--lang", "en"])
    assert table.exit_code == 0
    words = " ".join(table.output.split())
    assert "required (conditional:" in words and "a Vietnamese citizen" in words  # attribute values in words (issue 13)
    vi = runner.invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01"])
    words = " ".join(vi.output.split())
    assert "vẫn phải nộp" in words and "có điều kiện" in words and "01/06/2026" in words


def test_a_cache_hit_echoes_the_callers_own_applicant(catalogue):
    engine = Engine(catalogue)
    first = engine.evaluate("1.001193", {"nationality": "vn", "entity-kind": "enterprise"}, DAY)
    second = engine.evaluate("1.001193", {"nationality": "vn", "entity-kind": "cooperative"}, DAY)
    assert engine.hits == 1
    assert second.applicant == {"nationality": "vn", "entity-kind": "cooperative"}
    assert first.applicant == {"nationality": "vn", "entity-kind": "enterprise"}
    assert [d.status for d in second.decisions] == [d.status for d in first.decisions]


def test_a_full_cache_drops_its_oldest_entries_not_everything(catalogue):
    engine = Engine(catalogue, cache_size=8)
    days = [DAY + dt.timedelta(days=k) for k in range(8)]
    for day in days:
        engine.evaluate("1.001193", {}, day)
    engine.evaluate("1.001193", {}, DAY + dt.timedelta(days=100))  # full: evicts the oldest quarter
    assert len(engine._cache) == 7
    misses = engine.misses
    engine.evaluate("1.001193", {}, days[-1])  # recent entries survive
    assert engine.misses == misses
    engine.evaluate("1.001193", {}, days[0])  # the oldest was dropped
    assert engine.misses == misses + 1
