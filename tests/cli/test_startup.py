"""Start-up: the command line imports nothing heavy before a command needs it
(figures in BENCHMARKS.md, "CLI start-up (issue 13)")."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("fastapi", "sqlalchemy", "networkx", "openpyxl", "durable_rules_engine", "numpy", "matplotlib", "uvicorn", "engine.models")


def _loaded(code: str) -> set[str]:
    probe = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


def test_the_command_line_loads_nothing_heavy_to_show_its_help():
    loaded = _loaded("from typer.testing import CliRunner\nfrom engine.cli import app\nassert CliRunner().invoke(app, ['--help']).exit_code == 0")
    assert not [m for m in HEAVY if m in loaded]


@pytest.mark.parametrize("command", ["graph", "report", "keys", "law"])
def test_nor_for_a_group_help(command):
    loaded = _loaded(f"from typer.testing import CliRunner\nfrom engine.cli import app\nassert CliRunner().invoke(app, ['{command}', '--help']).exit_code == 0")
    assert not [m for m in HEAVY if m in loaded]


def test_evaluate_loads_only_what_it_uses(tmp_path):
    loaded = _loaded(
        "import os\nos.environ['ONCEONLY_HOME'] = " + json.dumps(str(tmp_path)) + "\n"
        "from typer.testing import CliRunner\nfrom engine.cli import app\n"
        "r = CliRunner().invoke(app, ['evaluate', '1.001193', '--as-of', '2026-06-01'])\nassert r.exit_code == 0, r.output"
    )
    assert "durable_rules_engine" in loaded  # it decides
    assert not [m for m in ("fastapi", "sqlalchemy", "networkx", "openpyxl", "numpy", "uvicorn") if m in loaded]
