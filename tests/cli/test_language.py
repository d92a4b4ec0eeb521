"""Vietnamese first in every table and message; ``--lang en`` (or ONCEONLY_LANG) switches."""

from __future__ import annotations

import pytest

from engine.cli import app
from engine.reports.labels import CLI, ROW_COLUMNS, say

from .conftest import words

DAY = ["--as-of", "2026-06-01"]

# command, a Vietnamese word of its output, the English word in its place
CASES = [
    (["evaluate", "1.001193", *DAY], "Thành phần hồ sơ", "Dossier entry"),
    (["check"], "ĐẠT", "OK"),
    (["procedures", "khai sinh"], "Tên thủ tục", "Procedure"),
    (["sources", *DAY], "Cơ quan quản lý", "Owner"),
    (["report", "unnecessary", *DAY, "--ministry", "bo-tu-phap", "--limit", "3"], "Giấy tờ không phải nộp", "Paper no longer asked for"),
    (["graph", "dependencies", *DAY, "--limit", "3"], "Phụ thuộc giữa các cơ quan", "Agency dependencies"),
    (["graph", "impact", "population", *DAY, "--limit", "3"], "Thành phần hồ sơ", "Dossier entry"),
    (["graph", "rank-sources", *DAY], "CSDL theo số bản giấy", "Sources by copies removed"),
    (["graph", "prerequisites", "1.001193", *DAY], "Phải làm trước", "Done before"),
    (["simulate", "procedures/scenarios/ethnicity-database-2026.yaml"], "Theo bộ, ngành", "By ministry"),
    (["roadmap", "procedures/scenarios/roadmap-candidates.yaml", "--budget", "2"], "Phương án", "Candidate"),
]


@pytest.mark.parametrize("argv,vi,en", CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_vietnamese_by_default_english_on_request(runner, monkeypatch, argv, vi, en):
    from engine.loading import DEFAULT_ROOT

    monkeypatch.chdir(DEFAULT_ROOT.parent)  # the scenario paths are the README's, relative to the repository
    default = runner.invoke(app, argv)
    assert default.exit_code == 0, default.output
    assert vi in words(default) and en not in words(default)
    english = runner.invoke(app, [*argv, "--lang", "en"])
    assert english.exit_code == 0, english.output
    assert en in words(english)


def test_the_language_can_be_set_once_for_a_session(runner, monkeypatch):
    monkeypatch.setenv("ONCEONLY_LANG", "en")
    assert "Dossier entry" in words(runner.invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01"]))


def test_an_unknown_language_is_refused(runner):
    result = runner.invoke(app, ["evaluate", "1.001193", "--lang", "fr"])
    assert result.exit_code == 2 and "expected vi or en" in words(result).replace("│ │", " ")


def test_statuses_and_conditions_are_words_not_ids(runner):
    out = words(runner.invoke(app, ["evaluate", "1.001193", "--as-of", "2026-06-01"]))
    assert "có điều kiện: không phải nộp nếu quốc tịch: công dân Việt Nam" in out
    assert "nationality=vn" not in out  # the status column; the engine's own explanation is its business
    assert "Cần hỏi người yêu cầu: Quốc tịch" in out
    assert "01/06/2026" in out and "2026-06-01" not in out


def test_every_text_has_both_languages_and_the_same_fields():
    import string

    for key, (vi, en) in CLI.items():
        assert vi and en, key
        fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}
        assert fields(vi) == fields(en), f"{key}: {fields(vi)} vs {fields(en)}"
    assert say("more", "vi", shown=50, total=153, what="dòng") == "50 trên 153 dòng; --limit N để xem thêm"
    assert say("more", "en", shown=50, total=153, what="rows") == "50 of 153 rows, --limit N to see more"


def test_the_report_footnote_names_a_column_the_table_has(runner):
    out = words(runner.invoke(app, ["report", "unnecessary", "--as-of", "2026-06-01", "--limit", "5"]))
    column = ROW_COLUMNS["struck_if"][0]
    assert f"cột '{column}'" in out  # the footnote ...
    assert out.index(column) < out.index(f"cột '{column}'")  # ... and the column, in the table above it


def test_an_entry_s_condition_is_said_in_the_answer_s_language(runner, tmp_path):
    # by-proxy "no" makes the authorisation entry not applicable: its explanation
    # quotes the entry's condition, which must not be English in Vietnamese output.
    applicant = tmp_path / "applicant.json"
    applicant.write_text('{"by-proxy": "no"}')
    argv = ["evaluate", "1.005461", *DAY, "--applicant", str(applicant)]
    vi = words(runner.invoke(app, argv))
    en = words(runner.invoke(app, [*argv, "--lang", "en"]))
    assert "chỉ yêu cầu khi" in vi and "only when" not in vi
    assert "only when" in en
