"""Shared fixtures and the YAML decision-case plugin (OpenFisca style).

Every ``tests/cases/*.yaml`` file is a list of cases; each case evaluates one
procedure of the shipped catalogue and states what some requirements must be::

    - name: a Vietnamese citizen's ID is not asked for in 2026
      procedure: "1.001193"
      as_of: 2026-06-01
      applicant: {nationality: vn}
      source_status: {population: offline}   # optional
      channel: online                        # optional
      expect:
        identity: struck                     # just the status, or:
        residence: {status: struck, source: population, fallback_contains: ["8 working hours"]}
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PORTAL_DATA = Path(os.environ.get("ONCEONLY_PORTAL_DATA", REPO.parent / "shared" / "data" / "portal-2026"))

_ENGINE = None


def shipped_engine():
    """One engine over the shipped procedures/ (no store), shared by the session."""
    global _ENGINE
    if _ENGINE is None:
        from engine.evaluator import Engine
        from engine.loading import load_catalogue

        result = load_catalogue()
        assert not result.errors, [str(e) for e in result.errors]
        _ENGINE = Engine(result.catalogue)
    return _ENGINE


@pytest.fixture(scope="session")
def engine():
    return shipped_engine()


@pytest.fixture(scope="session")
def catalogue(engine):
    return engine.catalogue


@pytest.fixture(scope="session")
def portal_data() -> Path:
    if not PORTAL_DATA.is_dir():
        pytest.skip(f"portal fixture not found at {PORTAL_DATA} (clone ../shared beside the repo or set ONCEONLY_PORTAL_DATA)")
    return PORTAL_DATA


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Commands under test never touch the developer's own default store."""
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path_factory.getbasetemp() / "onceonly-home"))
    monkeypatch.delenv("ONCEONLY_DATABASE_URL", raising=False)
    monkeypatch.delenv("ONCEONLY_CATALOGUE", raising=False)


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "cases" and file_path.parent.parent == Path(__file__).parent:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        cases = yaml.safe_load(self.path.read_text(encoding="utf-8")) or []
        for index, case in enumerate(cases):
            yield CaseItem.from_parent(self, name=case.get("name", f"case {index}"), case=case)


class CaseFailure(Exception):
    pass


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        case = self.case
        engine = shipped_engine()
        as_of = case["as_of"]
        if isinstance(as_of, str):
            as_of = dt.date.fromisoformat(as_of)
        for use_cache in (False, True, True):  # uncached, first cached, cache hit
            ev = engine.evaluate(
                case["procedure"],
                case.get("applicant") or {},
                as_of,
                case.get("source_status"),
                case.get("channel"),
                use_cache=use_cache,
            )
            decisions = {d.requirement.id: d for d in ev.decisions}
            problems = []
            for req_id, want in (case.get("expect") or {}).items():
                if req_id not in decisions:
                    problems.append(f"{req_id}: no such requirement in {case['procedure']} ({sorted(decisions)})")
                    continue
                got = decisions[req_id]
                want = {"status": want} if isinstance(want, str) else dict(want)
                contains = want.pop("fallback_contains", [])
                lacks = want.pop("fallback_lacks", [])
                for field, value in want.items():
                    actual = getattr(got, field)
                    actual = actual.value if hasattr(actual, "value") else actual
                    if actual != value:
                        problems.append(f"{req_id}.{field}: expected {value!r}, got {actual!r} ({got.explanation.en})")
                for words in contains:
                    if words not in (got.fallback or ""):
                        problems.append(f"{req_id}.fallback: expected to contain {words!r}, got {got.fallback!r}")
                for words in lacks:
                    if words in (got.fallback or ""):
                        problems.append(f"{req_id}.fallback: expected not to contain {words!r}, got {got.fallback!r}")
            for field, value in (case.get("expect_summary") or {}).items():
                if getattr(ev.summary, field) != value:
                    problems.append(f"summary.{field}: expected {value!r}, got {getattr(ev.summary, field)!r}")
            if problems:
                raise CaseFailure("\n".join(problems))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseFailure):
            return f"{self.path.name} :: {self.name}\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case: {self.name}"
