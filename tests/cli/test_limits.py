"""No silent truncation: a list cut by --limit says how much of it is shown and how to see more."""

from __future__ import annotations

import re

import pytest

from engine.cli import app

from .conftest import words

DAY = ["--as-of", "2026-06-01"]
CUT = re.compile(r"(\d+) trên (\d+) [\w ]+; --limit N để xem thêm")

CASES = [
    ["procedures", "--limit", "2"],
    ["procedures", "dang ky", "--limit", "2"],
    ["report", "unnecessary", *DAY, "--limit", "2"],
    ["report", "burden", *DAY, "--limit", "2"],
    ["graph", "dependencies", *DAY, "--limit", "2"],
    ["graph", "impact", "population", *DAY, "--limit", "2"],
    ["graph", "prerequisites", *DAY, "--limit", "2"],
    ["simulate", "procedures/scenarios/diplomas-database-2025.yaml", "--limit", "1"],
]


@pytest.mark.parametrize("argv", CASES, ids=" ".join)
def test_a_cut_list_says_so(runner, monkeypatch, argv):
    from engine.loading import DEFAULT_ROOT

    monkeypatch.chdir(DEFAULT_ROOT.parent)
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    found = CUT.search(words(result))
    assert found, f"`onceonly {' '.join(argv)}` cut its list without saying so:\n{result.output}"
    shown, total = int(found.group(1)), int(found.group(2))
    assert shown < total
    whole = runner.invoke(app, [*argv[: argv.index("--limit")], "--limit", str(total)])
    assert not CUT.search(words(whole)), "with --limit at the total nothing is cut"


def test_the_english_notice(runner):
    out = words(runner.invoke(app, ["procedures", "--limit", "3", "--lang", "en"]))
    assert re.search(r"3 of \d+ procedures, --limit N to see more", out)


def test_cycles_beyond_the_limit_are_announced(runner):
    out = words(runner.invoke(app, ["graph", "prerequisites", *DAY, "--limit", "1"]))
    assert out.count("vòng lặp:") == 1 and "1 vòng lặp đầu tiên; còn nữa: --limit N để xem thêm" in out


def test_keys_list_says_when_it_is_cut(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'keys.db'}"
    for name in ("a", "b", "c"):
        assert runner.invoke(app, ["keys", "create", name, "--database", db]).exit_code == 0
    out = words(runner.invoke(app, ["keys", "list", "--limit", "2", "--database", db]))
    assert "2 trên 3 dòng; --limit N để xem thêm" in out
