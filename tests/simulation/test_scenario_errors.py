"""Malformed scenario files: every error names the file, the line and the field."""

from __future__ import annotations

import pytest

from engine.simulation import apply, load_scenario
from engine.simulation.roadmap import load_candidates
from engine.simulation.scenario import ScenarioError

HEAD = """id: bad
name: {vi: x, en: x}
description: test
operations:
"""


def _write(tmp_path, text, name="bad.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    return exc.value.errors


def test_unknown_operation(tmp_path):
    (e,) = _errors(_write(tmp_path, HEAD + "  - op: explode\n    source: land\n"))
    assert e.file.endswith("bad.yaml") and e.line == 5 and e.field == "operations[0].op"
    assert "unknown operation" in e.message


def test_bad_date_and_missing_field(tmp_path):
    errs = _errors(_write(tmp_path, HEAD + "  - op: coverage\n    source: land\n    attribute: land-use\n    add: [mixed]\n    from: someday\n  - op: announce\n    source: land\n"))
    fields = {(e.field, e.line) for e in errs}
    assert ("operations[0].from", 9) in fields
    assert ("operations[1].date", 10) in fields
    assert all(e.file.endswith("bad.yaml") for e in errs)


def test_unknown_field_and_head(tmp_path):
    errs = _errors(_write(tmp_path, "id: bad\nname: {vi: x}\ndescriptin: x\noperations:\n  - op: outage\n    source: land\n    from: 2026-06-02\n    to: 2026-06-01\n"))
    msgs = {(e.field, e.message) for e in errs}
    assert ("descriptin", "unknown field") in msgs
    assert ("description", "field required") in msgs
    assert any(f == "operations[0]" and "to is before from" in m for f, m in msgs)


def test_new_source_must_be_proposed(tmp_path):
    text = HEAD + """  - op: add_source
    source:
      id: x
      name: {vi: x, en: x}
      owner: bo-cong-an
      replaces: [diploma]
      announcement: {date: 2026-01-01, reference: {source: t}}
      legal_basis: {act: A}
    rules:
      - id: r-x
        description: x
        effect: strike
        source: x
        valid_from: 2026-01-01
        legal_basis: {act: A}
        explanation: {vi: x, en: x}
"""
    (e,) = _errors(_write(tmp_path, text))
    assert e.field == "operations[0]" and "proposed: true" in e.message and e.line == 5


def test_apply_errors_name_file_line_and_field(tmp_path):
    from engine.loading import load_catalogue

    cat = load_catalogue().catalogue
    sc = load_scenario(_write(tmp_path, HEAD + "  - op: quality\n    source: nowhere\n    level: partial\n    from: 2026-01-01\n"
                                        "  - op: coverage\n    source: land\n    attribute: land-use\n    add: [swamp]\n    from: 2026-07-01\n"))
    with pytest.raises(ScenarioError) as exc:
        apply(cat, sc)
    errs = {(e.field, e.line): e.message for e in exc.value.errors}
    assert "unknown source 'nowhere'" in errs[("operations[0].source", 6)]
    assert "swamp" in errs[("operations[1].add", 12)]
    assert "bad.yaml:6: operations[0].source" in str(exc.value)


def test_inconsistent_rule_is_reported_on_its_operation(tmp_path):
    from engine.loading import load_catalogue

    text = HEAD + """  - op: add_rule
    rule:
      id: r-y
      description: y
      effect: strike
      source: land
      document_types: [diploma]
      valid_from: 2026-01-01
      legal_basis: {act: A}
      explanation: {vi: x, en: x}
"""
    sc = load_scenario(_write(tmp_path, text))
    with pytest.raises(ScenarioError) as exc:
        apply(load_catalogue().catalogue, sc)
    (e,) = exc.value.errors
    assert e.field.startswith("operations[0].rule.document_types") and "does not replace 'diploma'" in e.message


def test_malformed_yaml(tmp_path):
    (e,) = _errors(_write(tmp_path, HEAD + "  - op: [unclosed\n"))
    assert e.line is not None and "malformed YAML" in e.message


def test_candidates_errors(tmp_path):
    path = _write(tmp_path, "candidates:\n  - scenario: missing.yaml\n  - id: c\n    name: {vi: x, en: x}\n    description: x\n    source: {id: c}\n", "cands.yaml")
    with pytest.raises(ScenarioError) as exc:
        load_candidates(path)
    fields = {e.field for e in exc.value.errors}
    assert "candidates[0].scenario" in fields
    assert any(f.startswith("candidates[1].source") for f in fields)
    assert all(e.file.endswith("cands.yaml") for e in exc.value.errors)
