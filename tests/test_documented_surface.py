"""Every command the README documents exists (a documented surface cannot go missing)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _documented_commands() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part.split("#")[0].strip() or "#", posix=True)
                if words and words[0] == "onceonly":
                    # the command path: words up to the first argument or option
                    path = []
                    for w in words[1:]:
                        if w.startswith("-") or "/" in w or "." in w or " " in w or w.islower() is False:
                            break
                        path.append(w)
                    commands.append(path)
    return commands


COMMANDS = _documented_commands()


def test_readme_has_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest' in text
    assert "pip install -q -e . && onceonly report unnecessary" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest' in ci


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "onceonly")
def test_documented_command_exists(path):
    result = CliRunner().invoke(app, path + ["--help"])
    assert result.exit_code == 0, f"`onceonly {' '.join(path)}` is documented in the README but does not exist:\n{result.output}"


def test_files_named_in_readme_commands_exist():
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    named = {w for block in blocks for w in re.findall(r"(?:procedures|examples)/[\w./-]+", block)}
    assert named, "the README names no shipped file: the check would be empty"
    missing = sorted(p for p in named if not (README.parent / p).exists())
    assert missing == [], f"README commands name files that do not exist: {missing}"
