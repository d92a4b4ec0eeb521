"""Every command the README shows runs, as written, and succeeds (a documented
surface can neither go missing nor break).

The commands run in the README's order in one sandbox, as a reader would type
them: a temporary ``ONCEONLY_HOME`` (so the default store is new and private),
a temporary working folder where ``examples/`` and ``procedures/`` point at the
repository's and ``../shared`` at the shared data, so that files the commands
write (``unnecessary.xlsx``) land in the sandbox. Only what would otherwise
touch the repository or the machine is redirected, and said so in the test id:

- ``onceonly law appendices`` without ``--check`` writes its rules into a copy
  of ``procedures/`` (``--procedures COPY``);
- ``onceonly serve`` runs on a free port (not 8000), in a subprocess, until
  ``/health`` answers;
- ``crawl.jsonl`` (a file of the reader's own) is made from a few records of
  the shared portal data.

Commands that read ``../shared`` skip, with the reason, when it is absent.
Inline commands of the prose (``onceonly keys create "portal" --role portal``)
run too, except those with a placeholder (``DIR``, ``URL``), which must at
least exist.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
SHARED = REPO.parent / "shared"
PORTAL = SHARED / "data" / "portal-2026"
#: Words that stand for something the reader supplies.
PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]+$")


def _split(line: str) -> list[list[str]]:
    """The ``onceonly`` commands of one shell line (``a && b``, comments dropped)."""
    found = []
    for part in line.split("&&"):
        words = shlex.split(part, comments=True, posix=True)
        if words and words[0] == "onceonly":
            found.append(words[1:])
    return found


def _readme_commands() -> list[tuple[str, list[str]]]:
    """``(where, argv)`` for every ``onceonly`` command of the README: the shell
    blocks line by line, then the inline code of the prose."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.finditer(r"```sh\n(.*?)```", text, re.DOTALL):
        first = text.count("\n", 0, block.start()) + 2
        for offset, line in enumerate(block.group(1).splitlines()):
            for argv in _split(line):
                commands.append((f"README.md:{first + offset}", argv))
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    for span in re.finditer(r"`(onceonly [^`]+)`", prose):
        line = text.count("\n", 0, text.find(span.group(0))) + 1
        for argv in _split(span.group(1)):
            commands.append((f"README.md:{line}", argv))
    return commands


COMMANDS = _readme_commands()


def _path(argv: list[str]) -> list[str]:
    """The command path: the words before the first argument or option."""
    path = []
    for w in argv:
        if w.startswith("-") or "/" in w or "." in w or " " in w or not w.islower() or PLACEHOLDER.match(w):
            break
        path.append(w)
    return path


def _id(item: tuple[str, list[str]]) -> str:
    where, argv = item
    return f"{where} onceonly {shlex.join(argv)}"


def test_readme_has_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest' in text
    assert "pip install -q -e . && onceonly report unnecessary" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest' in ci


def test_the_readme_shows_commands():
    assert len(COMMANDS) > 20, COMMANDS
    assert any(argv[:2] == ["keys", "create"] and "portal" in argv for _, argv in COMMANDS)


@pytest.mark.parametrize("item", COMMANDS, ids=_id)
def test_documented_command_exists(item):
    path = _path(item[1])
    result = CliRunner().invoke(app, path + ["--help"])
    assert result.exit_code == 0, f"`onceonly {' '.join(path)}` ({item[0]}) is documented but does not exist:\n{result.output}"


def test_files_named_in_readme_commands_exist():
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    named = {w for block in blocks for w in re.findall(r"(?:procedures|examples)/[\w./-]+", block)}
    assert named, "the README names no shipped file: the check would be empty"
    missing = sorted(p for p in named if not (README.parent / p).exists())
    assert missing == [], f"README commands name files that do not exist: {missing}"


# --------------------------------------------------------------------------- running them


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """A working folder like the repository's, a private ONCEONLY_HOME, no inherited store."""
    root = tmp_path_factory.mktemp("readme")
    work = root / "work"
    work.mkdir()
    for name in ("examples", "procedures"):
        (work / name).symlink_to(REPO / name, target_is_directory=True)
    if SHARED.is_dir():
        (root / "shared").symlink_to(SHARED, target_is_directory=True)
    home = root / "home"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        mp.setenv("ONCEONLY_HOME", str(home))
        for name in ("ONCEONLY_DATABASE_URL", "ONCEONLY_CATALOGUE", "ONCEONLY_LANG", "ONCEONLY_RATE_LIMIT_URL"):
            mp.delenv(name, raising=False)
        yield work


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(argv: list[str], sandbox: Path) -> None:
    """Start the documented ``serve`` on a free port, wait for /health, stop it."""
    argv = list(argv)
    port = _free_port()
    if "--port" in argv:
        argv[argv.index("--port") + 1] = str(port)
    else:
        argv += ["--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "engine.cli", *argv], cwd=sandbox, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`onceonly {shlex.join(argv)}` stopped with {proc.returncode}:\n{proc.stdout.read()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"`onceonly {shlex.join(argv)}` did not answer /health in 120 s")
                time.sleep(0.5)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)  # the group this test started (uvicorn's workers)
                proc.wait()


def _crawl(sandbox: Path) -> None:
    """The reader's own JSON Lines file: a few records of the shared portal data."""
    records = sorted(PORTAL.rglob("*.json"))[:5]
    lines = [" ".join(p.read_text(encoding="utf-8").split()) for p in records]
    (sandbox / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("item", COMMANDS, ids=_id)
def test_documented_command_runs(item, sandbox, tmp_path):
    where, argv = item
    argv = list(argv)
    if any(PLACEHOLDER.match(w) for w in argv):
        pytest.skip(f"{where}: a placeholder ({', '.join(w for w in argv if PLACEHOLDER.match(w))}); its existence is tested above")
    reads_shared = any("../shared" in w for w in argv) or "crawl.jsonl" in argv or argv[:2] == ["law", "appendices"]
    if reads_shared and not SHARED.is_dir():
        pytest.skip(f"{where} reads ../shared/data, not found at {SHARED} (clone ../shared beside the repo)")
    if argv[:1] == ["serve"]:
        _serve(argv, sandbox)
        return
    if argv[:2] == ["law", "appendices"] and "--check" not in argv:
        copy = tmp_path / "procedures"
        shutil.copytree(REPO / "procedures", copy)
        argv += ["--procedures", str(copy)]  # not into the repository's own rules
    if "crawl.jsonl" in argv:
        _crawl(sandbox)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, f"{where}: `onceonly {shlex.join(argv)}` exited {result.exit_code}:\n{result.output}"
    assert result.output.strip(), f"{where}: `onceonly {shlex.join(argv)}` printed nothing"
