"""The command line fails loud: a bad catalogue, store or option is one ``error:`` line and a
non-zero exit, never an empty table, a silent fallback, a new empty database or a traceback.
"""

from __future__ import annotations

import json
import shutil
import socket
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import engine.importer
import engine.store.store
from engine.cli import app
from engine.loading import DEFAULT_ROOT
from engine.store.config import CONNECT_TIMEOUT

from .store.conftest import pg_database, pg_url  # noqa: F401 - fixtures for the PostgreSQL cases
from .store.store_helpers import stub_list, stub_parse, write

CODE = "1.001193"
DAY = ["--as-of", "2026-06-01"]

#: Every command that loads a catalogue, with arguments that are right apart from the catalogue.
CATALOGUE_COMMANDS = {
    "evaluate": ["evaluate", CODE, *DAY],
    "check": ["check"],
    "procedures": ["procedures"],
    "sources": ["sources"],
    "report unnecessary": ["report", "unnecessary", *DAY],
    "report burden": ["report", "burden", *DAY],
    "graph dependencies": ["graph", "dependencies", *DAY],
    "graph impact": ["graph", "impact", "population", *DAY],
    "graph prerequisites": ["graph", "prerequisites", *DAY],
    "graph rank-sources": ["graph", "rank-sources", *DAY],
    "graph export": ["graph", "export", "out.json", *DAY],
    "graph draw": ["graph", "draw", "bo-tu-phap", *DAY],
    "simulate": ["simulate", "population-outage"],
    "roadmap": ["roadmap", str(DEFAULT_ROOT / "scenarios" / "roadmap-candidates.yaml")],
}


@pytest.fixture
def runner():
    return CliRunner()


def one_error_line(result, *needles: str) -> str:
    """Assert the run failed with exit 2, nothing on stdout, one ``error:`` line naming ``needles``."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == "", result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def bad_catalogues(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Folders that name no usable catalogue, with what the error must say."""
    empty = tmp_path / "empty"
    empty.mkdir()
    no_procs = tmp_path / "no-procedures"
    shutil.copytree(DEFAULT_ROOT / "sources", no_procs / "sources")
    a_file = tmp_path / "store.db"
    a_file.write_bytes(b"")
    return {
        "missing": (tmp_path / "nowhere", "no such folder"),
        "empty": (empty, "the folder is empty"),
        "no procedures": (no_procs, "no procedures in it"),
        "a file": (a_file, "not a folder"),
    }


# ------------------------------------------------------------------ --catalogue and ONCEONLY_CATALOGUE


@pytest.mark.parametrize("kind", ["missing", "empty", "no procedures", "a file"])
@pytest.mark.parametrize("command", list(CATALOGUE_COMMANDS), ids=str)
def test_bad_catalogue_folder_is_one_error_line(runner, tmp_path, command, kind):
    path, what = bad_catalogues(tmp_path)[kind]
    result = runner.invoke(app, [*CATALOGUE_COMMANDS[command], "--catalogue", str(path)])
    one_error_line(result, "--catalogue", str(path), what)


@pytest.mark.parametrize("command", ["evaluate", "check", "procedures", "report unnecessary", "graph rank-sources", "simulate"])
def test_bad_catalogue_from_the_environment_names_the_variable(runner, tmp_path, monkeypatch, command):
    path, what = bad_catalogues(tmp_path)["empty"]
    monkeypatch.setenv("ONCEONLY_CATALOGUE", str(path))
    one_error_line(runner.invoke(app, CATALOGUE_COMMANDS[command]), "ONCEONLY_CATALOGUE", str(path), what)


def test_folder_from_which_no_procedure_loads_is_an_error(runner, tmp_path):
    root = tmp_path / "procedures"
    shutil.copytree(DEFAULT_ROOT, root)
    shutil.rmtree(root / "catalogue")
    (root / "catalogue").mkdir()
    (root / "catalogue" / "broken.yaml").write_text("- code: [not, a, code\n", encoding="utf-8")
    line = one_error_line(runner.invoke(app, ["procedures", "--catalogue", str(root)]), str(root), "no procedure could be loaded")
    assert "onceonly check" in line
    # check itself lists the data errors (exit 1): it is the tool that explains them.
    assert runner.invoke(app, ["check", "--catalogue", str(root)]).exit_code == 1


def test_the_procedures_subfolder_suggests_its_parent(runner):
    line = one_error_line(runner.invoke(app, ["procedures", "--catalogue", str(DEFAULT_ROOT / "catalogue")]))
    assert f"did you mean {DEFAULT_ROOT}?" in line


def test_a_good_folder_and_the_default_still_work(runner, tmp_path):
    root = tmp_path / "procedures"
    shutil.copytree(DEFAULT_ROOT, root)
    ok = runner.invoke(app, ["procedures", "--catalogue", str(root), "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["total"] > 0
    # No default store yet (conftest points ONCEONLY_HOME at an empty folder): the curated catalogue, exit 0.
    default = runner.invoke(app, ["procedures", "--format", "json"])
    assert default.exit_code == 0 and json.loads(default.stdout)["total"] > 0


# ------------------------------------------------------------------ database URLs


def test_unreachable_postgresql_is_one_line_quickly_without_password(runner):
    url = "postgresql+psycopg://someone:s3cret-pw@127.0.0.1:1/x"
    for args in (["procedures"], ["evaluate", CODE, *DAY], ["report", "unnecessary", *DAY], ["check"]):
        started = time.monotonic()
        result = runner.invoke(app, [*args, "--catalogue", url])
        line = one_error_line(result, "cannot read the store", "someone:***@127.0.0.1:1/x", "refused")
        assert "s3cret-pw" not in result.output and "s3cret-pw" not in line
        assert time.monotonic() - started < CONNECT_TIMEOUT + 5


def test_a_server_that_never_answers_times_out_in_seconds(runner):
    # A socket that accepts connections and never speaks: the connect timeout, not the OS's minutes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        started = time.monotonic()
        result = runner.invoke(app, ["procedures", "--catalogue", f"postgresql+psycopg://u:pw-123@127.0.0.1:{port}/x"])
        elapsed = time.monotonic() - started
    one_error_line(result, "cannot read the store", "timeout")
    assert "pw-123" not in result.output
    assert elapsed < CONNECT_TIMEOUT + 5, elapsed


def test_unreachable_database_url_from_the_environment_is_an_error_not_the_curated_catalogue(runner, monkeypatch):
    monkeypatch.setenv("ONCEONLY_DATABASE_URL", "postgresql+psycopg://u:hidden@127.0.0.1:1/x")
    result = runner.invoke(app, ["procedures"])
    one_error_line(result, "ONCEONLY_DATABASE_URL", "u:***@")
    assert "hidden" not in result.output


@pytest.mark.parametrize("command", ["evaluate", "report unnecessary", "procedures", "check", "graph rank-sources"])
def test_mistyped_sqlite_url_creates_nothing(runner, tmp_path, command):
    no_dir = tmp_path / "nonexistent-dir" / "x.db"
    one_error_line(runner.invoke(app, [*CATALOGUE_COMMANDS[command], "--catalogue", f"sqlite:///{no_dir}"]),
                   "no such folder", str(no_dir.parent))
    no_file = tmp_path / "typo.db"
    one_error_line(runner.invoke(app, [*CATALOGUE_COMMANDS[command], "--catalogue", f"sqlite:///{no_file}"]),
                   "no such database file", str(no_file))
    assert not no_dir.parent.exists() and not no_file.exists()


def test_a_file_that_is_not_a_store_gets_no_tables(runner, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    one_error_line(runner.invoke(app, ["procedures", "--catalogue", f"sqlite:///{empty}"]), "not a onceonly store")
    assert empty.stat().st_size == 0


def test_only_import_creates_a_store_and_readers_then_use_it(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: stub_parse)
    monkeypatch.setattr(engine.importer, "default_lister", stub_list)
    db = tmp_path / "new" / "store.db"
    one_error_line(runner.invoke(app, ["versions", "--into", str(db)]), "cannot open the store", "no such folder")
    assert not db.parent.exists()
    write(tmp_path / "in", "bo-tu-phap", "9.000001.json", {"ma_thu_tuc": "9.000001", "entries": ["Tờ khai"]})
    assert runner.invoke(app, ["import", str(tmp_path / "in"), "--into", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["versions", "--into", str(db), "--format", "json"])
    assert listed.exit_code == 0 and [v["id"] for v in json.loads(listed.stdout)] == [1]
    found = runner.invoke(app, ["procedures", "9.000001", "--catalogue", f"sqlite:///{db}", "--format", "json"])
    assert found.exit_code == 0 and json.loads(found.stdout)["items"][0]["origin"] == "imported"


def test_versions_without_a_default_store_creates_none(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path / "home"))
    result = runner.invoke(app, ["versions", "--lang", "en"])
    assert result.exit_code == 0 and "no catalogue versions yet" in result.stdout
    assert not (tmp_path / "home").exists()


@pytest.mark.postgres
def test_postgresql_database_without_a_store_gets_no_tables(runner, pg_database):  # noqa: F811
    from sqlalchemy import create_engine, inspect

    one_error_line(runner.invoke(app, ["procedures", "--catalogue", pg_database]), "not a onceonly store")
    engine = create_engine(pg_database)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


# ------------------------------------------------------------------ --source-status


@pytest.mark.parametrize(
    ("value", "needles"),
    [
        ("population=broken", ["'population=broken'", "unknown status 'broken'", "online, degraded, offline"]),
        ("population=offline-ish", ["'population=offline-ish'", "unknown status 'offline-ish'", "online, degraded, offline"]),
        ("nosuchsource=offline", ["'nosuchsource=offline'", "unknown source 'nosuchsource'", "population"]),
        ("population", ["'population'", "SOURCE=STATUS", "online, degraded, offline"]),
        ("=offline", ["'=offline'", "SOURCE=STATUS"]),
    ],
)
def test_bad_source_status_is_one_line_exit_2(runner, value, needles):
    result = runner.invoke(app, ["evaluate", CODE, *DAY, "--source-status", value])
    one_error_line(result, "--source-status", *needles)
    assert isinstance(result.exception, SystemExit)


def test_good_source_status_still_works(runner):
    result = runner.invoke(app, ["evaluate", CODE, *DAY, "--source-status", "population=Offline", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["procedure"] == CODE


# ------------------------------------------------------------------ Ctrl-C during an import


@pytest.fixture
def records(tmp_path, monkeypatch):
    """Ten portal records read by the stand-in parser."""
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: stub_parse)
    monkeypatch.setattr(engine.importer, "default_lister", stub_list)
    for i in range(10):
        write(tmp_path / "in", "bo-tu-phap", f"9.00000{i}.json", {"ma_thu_tuc": f"9.00000{i}", "entries": [f"Tờ khai {i}"]})
    return tmp_path / "in"


def interrupt_after(monkeypatch, n: int) -> None:
    """Make the importer's per-record step raise KeyboardInterrupt on record ``n + 1``."""
    step = engine.importer._parse_one
    calls = {"n": 0}

    def parse_one(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > n:
            raise KeyboardInterrupt
        return step(*args, **kwargs)

    monkeypatch.setattr(engine.importer, "_parse_one", parse_one)


def stored(url: str) -> tuple[int, int]:
    from engine.store import open_store

    with open_store(url, create=False) as store:
        return store.count(), len(store.versions())


def test_ctrl_c_while_reading_says_nothing_was_written(runner, records, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    interrupt_after(monkeypatch, 3)
    result = runner.invoke(app, ["import", str(records), "--into", url, "--lang", "en"])
    assert result.exit_code == 130, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "interrupted after reading 3 of 10 record(s)" in lines[0]
    assert "0 of 10 record(s) written" in lines[0] and "unchanged and consistent" in lines[0]
    assert stored(url) == (0, 0)
    monkeypatch.undo()
    # The store is usable: the same import, uninterrupted, writes all ten.
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: stub_parse)
    monkeypatch.setattr(engine.importer, "default_lister", stub_list)
    assert runner.invoke(app, ["import", str(records), "--into", url]).exit_code == 0
    assert stored(url) == (10, 1)


def _interrupt_inside_the_transaction(monkeypatch) -> None:
    # diff_payloads runs after the version row and the procedure rows were inserted.
    def boom(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.store.store, "diff_payloads", boom)


def _ctrl_c_while_writing_rolls_back(runner, records, url, monkeypatch) -> None:
    assert runner.invoke(app, ["import", str(records), "--into", url]).exit_code == 0
    assert stored(url) == (10, 1)
    write(records, "bo-tu-phap", "9.000010.json", {"ma_thu_tuc": "9.000010", "entries": ["Đơn"]})
    write(records, "bo-tu-phap", "9.000001.json", {"ma_thu_tuc": "9.000001", "entries": ["Đơn mới"]})
    _interrupt_inside_the_transaction(monkeypatch)
    result = runner.invoke(app, ["import", str(records), "--into", url, "--lang", "en"])
    assert result.exit_code == 130, result.output
    line = result.stderr.strip()
    assert "\n" not in line and "while writing the 11 record(s) read" in line and "0 of 11 record(s) written" in line
    # The open transaction was rolled back: no version 2, no new procedure, the old text kept.
    assert stored(url) == (10, 1)
    from engine.store import open_store

    with open_store(url, create=False) as store:
        assert [r.text for r in store.get("9.000001").requirements] == ["Tờ khai 1"]


def test_ctrl_c_while_writing_rolls_the_batch_back_sqlite(runner, records, tmp_path, monkeypatch):
    _ctrl_c_while_writing_rolls_back(runner, records, f"sqlite:///{tmp_path / 'store.db'}", monkeypatch)


@pytest.mark.postgres
def test_ctrl_c_while_writing_rolls_the_batch_back_postgresql(runner, records, pg_database, monkeypatch):  # noqa: F811
    _ctrl_c_while_writing_rolls_back(runner, records, pg_database, monkeypatch)


def test_ctrl_c_after_the_commit_says_what_was_written(runner, records, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.db'}"

    def late(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.importer, "ImportResult", late)  # built just after the commit
    result = runner.invoke(app, ["import", str(records), "--into", url, "--lang", "en"])
    assert result.exit_code == 130, result.output
    line = result.stderr.strip()
    assert "\n" not in line
    assert "10 procedure(s) written (10 added, 0 updated) as catalogue version 1" in line
    assert stored(url) == (10, 1)
