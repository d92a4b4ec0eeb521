"""Large imports: batches of transactions, parsing in worker processes, re-imports that parse nothing."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

import engine.importer
from engine.cli import app
from engine.importer import ImportInterrupted, import_path
from engine.store import open_store

from .conftest import line, record, write_json

runner = CliRunner()


def crawl(tmp_path, n: int, *, bad_every: int = 0, name: str = "crawl.jsonl"):
    lines = []
    for i in range(n):
        data = record(f"1.{970000 + i:06d}", agency="Sở Tư pháp" if i % 3 else "Công an tỉnh", name=f"Thủ tục thử {i}")
        if bad_every and i % bad_every == bad_every - 1:
            del data["thanh_phan_ho_so"]
        lines.append(line(data))
    return write_json(tmp_path / name, "\n".join(lines) + "\n")


@pytest.fixture
def counted(monkeypatch, parse):
    """The real parser behind ``default_parser``, counting its calls."""
    calls = {"n": 0}

    def counting(data, path, ministry):
        calls["n"] += 1
        return parse(data, path, ministry)

    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: counting)
    return calls


def test_each_batch_is_a_transaction_and_a_version(tmp_path, store, parse):
    path = crawl(tmp_path, 25, bad_every=10)
    result = import_path(path, store, parse=parse, batch_size=10, workers=0)
    assert (result.records, result.parsed, result.rejected) == (25, 23, 2)
    assert result.batches == 3 and result.versions == [1, 2, 3] and result.summary.version == 3
    assert result.summary.added == 23 and len(result.summary.added_codes) == 23
    versions = store.versions()
    assert [v.added for v in versions] == [10, 10, 3] and [v.skipped for v in versions] == [1, 1, 0]
    assert [v.counts["batch"] for v in versions] == [1, 2, 3]
    assert versions[0].counts["ministries"] == {"bo-cong-an": 3, "bo-tu-phap": 7}  # records 1-11, the 10th bad


def test_a_reimport_parses_only_what_changed(tmp_path, store, counted):
    path = crawl(tmp_path, 30, bad_every=10)
    first = import_path(path, store, batch_size=10, workers=0)
    assert counted["n"] == 30 and first.reused == 0 and first.summary.added == 27
    again = import_path(path, store, batch_size=10, workers=0)
    assert counted["n"] == 30, "an unchanged record was parsed again"
    assert (again.reused, again.parsed, again.rejected, again.summary.unchanged) == (27, 27, 3, 27)
    assert again.versions == [] and [(p.file, p.field) for p in again.problems] == [(p.file, p.field) for p in first.problems]
    # One record changed: only it is parsed; one rewritten by another import: it is parsed again too.
    text = path.read_text(encoding="utf-8").replace("Thủ tục thử 4\"", "Thủ tục thử 4 (sửa)\"")
    path.write_text(text, encoding="utf-8")
    import_path(write_json(tmp_path / "other.json", [record("1.970007", name="Đổi tên")]), store, workers=0)
    assert counted["n"] == 31
    third = import_path(path, store, batch_size=10, workers=0)
    assert counted["n"] == 33 and third.reused == 25 and third.summary.updated == 2
    # --reparse (reuse=False) parses everything.
    import_path(path, store, batch_size=10, workers=0, reuse=False)
    assert counted["n"] == 63


def test_workers_give_the_same_procedures(tmp_path, parse):
    path = crawl(tmp_path, 120, bad_every=40)
    stores = {}
    for workers in (0, 2):
        with open_store(str(tmp_path / f"s{workers}.db")) as store:
            result = import_path(path, store, batch_size=50, workers=workers)
            assert result.workers == workers and result.parsed == 117 and result.rejected == 3
            stores[workers] = [p.model_dump() for p in store.procedures()]
            assert [p.file for p in result.problems] == ["crawl.jsonl:40", "crawl.jsonl:80", "crawl.jsonl:120"]
    assert stores[0] == stores[2]


def test_ctrl_c_keeps_the_batches_already_written(tmp_path, store, parse, monkeypatch):
    path = crawl(tmp_path, 25)
    step, calls = engine.importer._parse_one, {"n": 0}

    def interrupted(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 22:
            raise KeyboardInterrupt
        return step(*args, **kwargs)

    monkeypatch.setattr(engine.importer, "_parse_one", interrupted)
    with pytest.raises(ImportInterrupted) as caught:
        import_path(path, store, parse=parse, batch_size=10, workers=0)
    assert (caught.value.read, caught.value.versions, caught.value.finished) == (22, [1, 2], False)
    assert store.count() == 20


def test_ctrl_c_from_the_command_line_says_which_batches_were_written(tmp_path, monkeypatch, parse):
    path = crawl(tmp_path, 25)
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: parse)
    step, calls = engine.importer._parse_one, {"n": 0}

    def interrupted(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 22:
            raise KeyboardInterrupt
        return step(*args, **kwargs)

    monkeypatch.setattr(engine.importer, "_parse_one", interrupted)
    url = f"sqlite:///{tmp_path / 's.db'}"
    result = runner.invoke(app, ["import", str(path), "--into", url, "--batch-size", "10", "--workers", "0", "--lang", "en"])
    assert result.exit_code == 130
    message = result.stderr.strip()
    assert "\n" not in message and "interrupted after reading 22 of 25 record(s): 20 procedure(s) written" in message
    assert "as catalogue versions 1-2" in message and "whole batches only" in message
    monkeypatch.setattr(engine.importer, "_parse_one", step)
    again = runner.invoke(app, ["import", str(path), "--into", url, "--output-format", "json", "--workers", "0"])
    out = json.loads(again.stdout)
    assert (out["reused"], out["summary"]["added"]) == (20, 5)


def test_every_rejected_record_in_a_problems_file(tmp_path, monkeypatch, parse):
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: parse)
    path = crawl(tmp_path, 60, bad_every=2)
    problems = tmp_path / "rejected.csv"
    result = runner.invoke(app, ["import", str(path), "--into", str(tmp_path / "s.db"), "--problems", str(problems),
                                 "--workers", "0", "--lang", "en"])
    assert result.exit_code == 0
    assert "... and 10 more skipped records (in " in result.stderr
    with open(problems, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 30 and rows[0] == {"where": "crawl.jsonl:2", "field": "thanh_phan_ho_so",
                                           "reason": "missing dossier", "ministry": "bo-tu-phap"}


def test_progress_bar_on_request(tmp_path, monkeypatch, parse):
    monkeypatch.setattr(engine.importer, "default_parser", lambda recogniser=None: parse)
    path = crawl(tmp_path, 60)
    shown = runner.invoke(app, ["import", str(path), "--into", str(tmp_path / "s.db"), "--progress", "--workers", "0", "--lang", "en"])
    assert shown.exit_code == 0 and "importing" in shown.stderr and "60/60" in shown.stderr
    quiet = runner.invoke(app, ["import", str(path), "--into", str(tmp_path / "t.db"), "--workers", "0", "--lang", "en"])
    assert "importing" not in quiet.stderr  # not a terminal
