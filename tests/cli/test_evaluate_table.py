"""``onceonly evaluate`` as a table: each entry in its own words, the papers that
go and those that stay, the Art. 8 fallback in the table, footnotes that name
columns the table has."""

from __future__ import annotations

import re

from engine.cli import app
from engine.reports.labels import CLI

from .conftest import words

DAY = ["--as-of", "2026-06-01"]


def test_the_fallback_is_in_the_table_when_a_source_is_down(runner):
    out = words(runner.invoke(app, ["evaluate", "1.001193", *DAY, "--source-status", "population=offline"]))
    column = CLI["ev_fallback"][0]
    assert column in out
    assert "[1] áp dụng ngay" in out  # the row of the entry the fallback applies to
    note = out.index(f"[1] {column}:")
    assert "8 giờ làm việc" in out[note:]  # the fallback itself, under the table, named by its column
    assert "(Nghị quyết 66.7/2025/NQ-CP, Điều 8; khoản 2 Điều 2)" in out[note:]  # cited in the answer's language
    assert "Resolution" not in out


def test_the_fallback_of_a_paper_that_goes(runner, tmp_path):
    citizen = tmp_path / "vn.json"
    citizen.write_text('{"nationality": "vn", "vneid": "none"}')
    out = words(runner.invoke(app, ["evaluate", "1.001193", *DAY, "--applicant", str(citizen)]))
    assert "[1] nếu tra cứu lỗi" in out and "[1] Khi không khai thác được (Điều 8):" in out
    assert re.search(r"Không phải nộp \d+ giấy tờ:", out)  # the answer first
    body = out.split("┩", 1)[1]
    assert body.index("không phải nộp") < body.index("vẫn phải nộp")  # then the entries whose papers go


def test_every_footnote_names_a_column_of_its_table(runner, monkeypatch):
    from engine.cli import common

    monkeypatch.setattr(common.out, "width", 1000)  # one line of headers
    result = runner.invoke(app, ["evaluate", "1.001193", *DAY, "--source-status", "population=offline", "--lang", "en"])
    header = result.output.split("┡")[0]
    assert re.findall(r"\[\d+\] ([^:\n]+):", result.output)
    for note in re.findall(r"\[\d+\] ([^:\n]+):", result.output):
        assert " ".join(note.split()) in " ".join(header.replace("┃", " ").split()), note


def test_imported_entries_read_as_their_text_never_their_ids(runner, imported):
    import json

    data = json.loads(runner.invoke(app, ["evaluate", "9.123456", *DAY, "--catalogue", imported, "--format", "json"]).stdout)
    ids = {d["requirement"]["id"] for d in data["decisions"]}
    assert ids and all(re.fullmatch(r"e\d+", i) for i in ids)  # the importer numbers entries
    table = runner.invoke(app, ["evaluate", "9.123456", *DAY, "--catalogue", imported])
    assert table.exit_code == 0, table.output
    out = words(table)
    assert not [i for i in ids if re.search(rf"(?<![\w.-]){i}(?![\w.-])", out)]
    assert "Phiếu lý lịch tư pháp của người đứng đầu" in out


def test_the_example_key_command_of_the_readme_works_with_and_without_a_name(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'keys.db'}"
    named = runner.invoke(app, ["keys", "create", "portal", "--role", "portal", "--database", db])
    unnamed = runner.invoke(app, ["keys", "create", "--role", "portal", "--database", db])
    assert named.exit_code == unnamed.exit_code == 0, unnamed.output
    listed = runner.invoke(app, ["keys", "list", "--database", db, "--format", "json"])
    import json

    assert [k["name"] for k in json.loads(listed.stdout)] == ["portal", "portal"]


def test_rank_sources_gives_figures_by_default_and_says_for_whom(runner):
    import json

    result = runner.invoke(app, ["graph", "rank-sources", *DAY, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["applicant_default"] is True and data["applicant"]["nationality"] == "vn"
    assert any(r["copies_per_year"] > 0 and r["hours"] > 0 for r in data["sources"])
    table = words(runner.invoke(app, ["graph", "rank-sources", *DAY]))
    assert "mặc định: giá trị phổ biến nhất của mỗi thuộc tính trong procedures/parameters/population.yaml" in table
    empty = runner.invoke(app, ["graph", "rank-sources", *DAY, "--format", "json", "--applicant", "/dev/null"])
    assert empty.exit_code == 2  # an unreadable applicant file is an error, never a silent default


def test_simulate_weighs_by_the_expected_population_by_default(runner, monkeypatch):
    import json

    from engine.loading import DEFAULT_ROOT

    monkeypatch.chdir(DEFAULT_ROOT.parent)
    data = json.loads(runner.invoke(app, ["simulate", "procedures/scenarios/ethnicity-database-2026.yaml", "--format", "json"]).stdout)
    assert data["population"]["exact_expectation"] is True
    assert data["totals"]["copies_removed_per_year"] > 0
