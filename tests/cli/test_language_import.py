"""``onceonly import`` and ``onceonly versions`` speak Vietnamese first; ``--lang en``
(or ONCEONLY_LANG) switches: tables, lines about single records, ``error:`` lines. Their
JSON, the names and places in their lines, and their exit codes do not depend on the language.

Fixtures are records written here (tests/cli/conftest.py), never ../shared/data.
"""

from __future__ import annotations

import json
import re
import string

import pytest

from engine.cli import app
from engine.cli.common import STORE_TEXTS, say
from engine.reports.labels import CLI

from .conftest import RECORD, words, write_record


def stdout_words(result) -> str:
    """The words of stdout alone (the lines about single records go to stderr)."""
    return " ".join(result.stdout.replace("│", " ").replace("┃", " ").split())


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    """import and versions draw on a console of their own: one line per table row here too."""
    monkeypatch.setenv("COLUMNS", "300")


@pytest.fixture
def records(tmp_path):
    """A folder of two records: one of a known ministry, one whose agency names none."""
    folder = tmp_path / "records"
    write_record(folder, RECORD)
    (folder / "9.654321.json").write_text(  # no ministry folder, an agency of no ministry
        json.dumps({**RECORD, "ma_thu_tuc": "9.654321", "co_quan_thuc_hien": "Cơ quan chưa có tên"}, ensure_ascii=False),
        encoding="utf-8",
    )
    return folder


def _store(tmp_path, name: str = "store.db") -> str:
    return f"sqlite:///{tmp_path / name}"


# argv tail (after `import RECORDS --into URL`), a Vietnamese text of its output, the English text in its place
IMPORT_CASES = [
    ([], "Phiên bản danh mục", "catalogue version"),
    ([], "Bản ghi tìm thấy", "records found"),
    ([], "Không xác định được bộ, ngành", "ministry unknown"),
    (["--report"], "Theo bộ, ngành", "Per ministry"),
    (["--report"], "thành phần hồ sơ (trung bình", "entries (mean"),
]


@pytest.mark.parametrize("tail,vi,en", IMPORT_CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_import_speaks_vietnamese_by_default_english_on_request(runner, tmp_path, records, tail, vi, en):
    default = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path, "vi.db"), *tail])
    assert default.exit_code == 0, default.output
    assert vi in stdout_words(default) and en not in stdout_words(default)
    english = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path, "en.db"), *tail, "--lang", "en"])
    assert english.exit_code == 0, english.output
    assert en in stdout_words(english) and vi not in stdout_words(english)


def stderr_lines(result) -> list[str]:
    """stderr's lines, a line the console wrapped joined back (a new line starts with its label)."""
    lines: list[str] = []
    for line in result.stderr.splitlines():
        if lines and not re.match(r"(bỏ qua|skipped|không rõ bộ, ngành|ministry unknown|lỗi:|error:|lưu ý|note|\.\.\.) ", line) \
                and not line.startswith(("không nhập", "nothing")):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.strip())
    return lines


@pytest.fixture
def bad_records(records):
    """The two records, one that does not parse (no name), one that is no JSON."""
    write_record(records, {**RECORD, "ma_thu_tuc": "9.222222", "ten_thu_tuc": None})
    (records / "bo-tai-chinh" / "broken.json").write_text("{", encoding="utf-8")
    return records


# the lines about single records: Vietnamese, English; the places and field names in them are the records' own
RECORD_LINES = [
    ("bỏ qua bo-tai-chinh/9.222222.json: ten_thu_tuc: thiếu tên thủ tục",
     "skipped bo-tai-chinh/9.222222.json: ten_thu_tuc: missing procedure name"),
    ("bỏ qua bo-tai-chinh/broken.json: không đọc được JSON: JSONDecodeError",
     "skipped bo-tai-chinh/broken.json: unreadable JSON: JSONDecodeError"),
    (("không rõ bộ, ngành 9.654321.json: không nằm trong thư mục của bộ, ngành nào, và không trường cơ quan nào nêu "
      "một cơ quan của procedures/agencies.yaml hay procedures/agency-aliases.yaml"),
     ("ministry unknown 9.654321.json: no ministry folder, and no agency field names an agency of "
      "procedures/agencies.yaml or procedures/agency-aliases.yaml")),
]


def test_import_lines_about_single_records_in_vietnamese_by_default_english_on_request(runner, tmp_path, bad_records):
    default = runner.invoke(app, ["import", str(bad_records), "--into", _store(tmp_path, "vi.db")])
    english = runner.invoke(app, ["import", str(bad_records), "--into", _store(tmp_path, "en.db"), "--lang", "en"])
    assert default.exit_code == english.exit_code == 0, (default.output, english.output)
    vi_lines, en_lines = stderr_lines(default), stderr_lines(english)
    for vi, en in RECORD_LINES:
        assert vi in vi_lines and en not in vi_lines, (vi, vi_lines)
        assert en in en_lines and vi not in en_lines, (en, en_lines)
    assert not any(w in default.stderr for w in ("skipped", "ministry unknown", "missing", "unreadable")), default.stderr
    assert "ministry unknown" not in default.stdout  # the summary table is Vietnamese too


def test_import_json_keeps_the_importers_words_in_both_languages(runner, tmp_path, bad_records):
    def run(name, *lang):
        result = runner.invoke(app, ["import", str(bad_records), "--into", _store(tmp_path, name), "--output-format", "json", *lang])
        assert result.exit_code == 0 and result.stderr == "", result.output
        return json.loads(result.stdout)

    vi, en = run("vi.db"), run("en.db", "--lang", "en")
    assert vi["problems"] == en["problems"], (vi["problems"], en["problems"])
    reasons = {p["field"]: p["reason"] for p in vi["problems"]}
    assert reasons["ten_thu_tuc"] == "missing procedure name", reasons  # machine-readable: the importer's own words
    problems = tmp_path / "problems.csv"
    runner.invoke(app, ["import", str(bad_records), "--into", _store(tmp_path, "p.db"), "--problems", str(problems)])
    assert "missing procedure name" in problems.read_text(encoding="utf-8")


# argv after `import`, exit code, the error line in Vietnamese, in English
ERROR_LINES = [
    (lambda tmp: [str(tmp / "odd.txt")], 2,
     "lỗi: odd.txt: không nhận ra định dạng từ tên tệp; hãy cho --format json, jsonl, csv hoặc xlsx",
     "error: odd.txt: cannot tell its format from its name; give --format json, jsonl, csv or xlsx"),
    (lambda tmp: [str(tmp / "t.csv"), "--mapping", "portal-crawl"], 2,
     ("lỗi: procedures/imports/portal-crawl.yaml:13: fields.name: không có trường 'ten_thu_tuc' "
      "trong dòng tiêu đề của t.csv (chỉ có: 'Mã', 'Tên')"),
     ("error: procedures/imports/portal-crawl.yaml:13: fields.name: no field 'ten_thu_tuc' "
      "in the header of t.csv (it has: 'Mã', 'Tên')")),
    (lambda tmp: [str(tmp / "t.csv"), "--format", "csv", "--input-format", "jsonl"], 2,
     "lỗi: --format csv và --input-format jsonl mâu thuẫn nhau", "error: --format csv and --input-format jsonl disagree"),
]


@pytest.mark.parametrize("argv,code,vi,en", ERROR_LINES, ids=["format", "mapping", "disagree"])
def test_import_error_lines_in_vietnamese_by_default_english_on_request(runner, tmp_path, argv, code, vi, en):
    (tmp_path / "odd.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "t.csv").write_text("Mã,Tên\n1.000001,Thủ tục\n", encoding="utf-8")
    default = runner.invoke(app, ["import", *argv(tmp_path), "--into", _store(tmp_path, "vi.db")])
    english = runner.invoke(app, ["import", *argv(tmp_path), "--into", _store(tmp_path, "en.db"), "--lang", "en"])
    assert default.exit_code == english.exit_code == code, (default.output, english.output)
    assert vi in stderr_lines(default) and "error:" not in default.stderr, default.stderr
    assert en in stderr_lines(english) and "lỗi:" not in english.stderr, english.stderr
    assert default.stdout == english.stdout == ""


def test_an_interrupted_import_says_so_in_either_language_and_exits_130(runner, tmp_path, records, monkeypatch):
    import engine.importer

    def interrupt(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.importer, "_parse_one", interrupt)
    default = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path, "vi.db"), "--workers", "0"])
    english = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path, "en.db"), "--workers", "0", "--lang", "en"])
    assert default.exit_code == english.exit_code == 130
    assert default.stderr.startswith("lỗi: bị ngắt sau khi đọc ") and "không thay đổi và vẫn nhất quán" in default.stderr
    assert english.stderr.startswith("error: interrupted after reading ") and "unchanged and consistent" in english.stderr


def test_every_vietnamese_reason_fills_its_fields_and_keeps_the_place():
    from engine.cli import import_reasons

    for pattern, template in import_reasons._REASONS:
        groups = set(re.compile(pattern).groupindex)
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert fields == groups, (pattern, fields, groups)
    def say_vi(text: str) -> str:
        return import_reasons.reason(text, "vi")

    assert say_vi("book.xlsx: not an Excel workbook (.xlsx), or a damaged one (BadZipFile)") \
        == "book.xlsx: không phải sổ tính Excel (.xlsx), hoặc tệp đã hỏng (BadZipFile)"
    assert say_vi("invalid JSON at line 3 column 7: unexpected character") == "JSON không hợp lệ ở dòng 3, cột 7: ký tự không mong đợi"
    assert say_vi("t.csv:1: two columns are headed 'Mã' (columns 1 and 3)") == "t.csv:1: hai cột cùng tiêu đề 'Mã' (cột 1 và cột 3)"
    assert say_vi("a reason nobody wrote down") == "a reason nobody wrote down"  # unknown: as it came
    assert import_reasons.reason("missing dossier", "en") == "missing dossier"


def test_import_progress_bar_in_both_languages(runner, tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text(
        "".join(json.dumps({**RECORD, "ma_thu_tuc": f"9.{100000 + i}"}, ensure_ascii=False) + "\n" for i in range(50)),
        encoding="utf-8",
    )
    shown = runner.invoke(app, ["import", str(path), "--into", _store(tmp_path, "vi.db"), "--progress", "--workers", "0"])
    assert shown.exit_code == 0, shown.output
    assert "đang nhập" in shown.stderr and "50/50" in shown.stderr and "importing" not in shown.stderr
    english = runner.invoke(
        app, ["import", str(path), "--into", _store(tmp_path, "en.db"), "--progress", "--workers", "0", "--lang", "en"],
    )
    assert english.exit_code == 0 and "importing" in english.stderr and "đang nhập" not in english.stderr


def test_import_that_imports_nothing_says_so_in_either_language_and_exits_one(runner, tmp_path):
    folder = tmp_path / "bad" / "bo-tai-chinh"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    default = runner.invoke(app, ["import", str(tmp_path / "bad"), "--into", _store(tmp_path, "vi.db")])
    assert default.exit_code == 1 and "không nhập được bản ghi nào" in default.stderr
    english = runner.invoke(app, ["import", str(tmp_path / "bad"), "--into", _store(tmp_path, "en.db"), "--lang", "en"])
    assert english.exit_code == 1 and "nothing could be imported" in english.stderr


def test_import_language_can_be_set_once_for_a_session(runner, tmp_path, records, monkeypatch):
    monkeypatch.setenv("ONCEONLY_LANG", "en")
    result = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path)])
    assert result.exit_code == 0 and "catalogue version" in words(result)


def test_import_json_is_the_same_in_both_languages(runner, tmp_path, records):
    def run(name, *lang):
        result = runner.invoke(app, ["import", str(records), "--into", _store(tmp_path, name), "--output-format", "json", *lang])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    vi, en = run("vi.db"), run("en.db", "--lang", "en")
    assert set(vi) == set(en) and {"store", "summary", "parsed", "skipped"} <= set(vi)
    assert set(vi["summary"]) == set(en["summary"])
    assert (vi["parsed"], vi["summary"]["added"]) == (en["parsed"], en["summary"]["added"]) == (2, 2)


def test_versions_without_a_store_in_both_languages(runner):
    default = runner.invoke(app, ["versions"])
    assert default.exit_code == 0 and "chưa có phiên bản danh mục nào" in default.stdout
    english = runner.invoke(app, ["versions", "--lang", "en"])
    assert english.exit_code == 0 and "no catalogue versions yet" in english.stdout


@pytest.fixture
def two_versions(runner, tmp_path, records):
    """A store of two versions: the records, then RECORD without its judicial record paper."""
    url = _store(tmp_path)
    assert runner.invoke(app, ["import", str(records), "--into", url]).exit_code == 0
    dossier = RECORD["thanh_phan_ho_so"].replace("- Phiếu lý lịch tư pháp của người đứng đầu1 bản chính", "")
    write_record(records, {**RECORD, "thanh_phan_ho_so": dossier})
    assert runner.invoke(app, ["import", str(records), "--into", url]).exit_code == 0
    return url


# argv tail (after `versions --into URL`), a Vietnamese text of its output, the English text in its place
VERSION_CASES = [
    ([], "Các phiên bản danh mục", "Catalogue versions"),
    ([], "Tạo lúc (UTC)", "created (UTC)"),
    ([], "phiên bản 2: 1 thủ tục thay đổi", "version 2: 1 procedure(s) changed"),
    ([], "9.123456 cập nhật", "9.123456 updated"),
    (["--code", "9.123456"], "9.123456 thêm mới", "9.123456 added"),
    (["--code", "9.123456", "--limit", "0"], "... và 1 thủ tục khác", "... and 1 more"),
]


@pytest.mark.parametrize("tail,vi,en", VERSION_CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_versions_speaks_vietnamese_by_default_english_on_request(runner, two_versions, tail, vi, en):
    default = runner.invoke(app, ["versions", "--into", two_versions, *tail])
    assert default.exit_code == 0, default.output
    assert vi in words(default) and en not in words(default)
    english = runner.invoke(app, ["versions", "--into", two_versions, *tail, "--lang", "en"])
    assert english.exit_code == 0, english.output
    assert en in words(english) and vi not in words(english)
    assert "- Phiếu lý lịch tư pháp của người đứng đầu" in default.stdout or "--code" in tail  # the records' own text


def test_versions_dates_read_as_an_officer_reads_them(runner, two_versions):
    default = words(runner.invoke(app, ["versions", "--into", two_versions]))
    english = words(runner.invoke(app, ["versions", "--into", two_versions, "--lang", "en"]))
    assert re.search(r"\b\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\b", default) and not re.search(r"\d{4}-\d\d-\d\d", default)
    assert re.search(r"\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\b", english)


@pytest.mark.parametrize("lang,day", [("vi", r"\d\d/\d\d/\d{4}"), ("en", r"\d{4}-\d\d-\d\d")])
def test_versions_fits_80_columns_without_cutting_a_date(runner, two_versions, monkeypatch, lang, day):
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["versions", "--into", two_versions, "--lang", lang])
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
    assert "…" not in result.stdout, result.stdout  # nothing cut short
    rows = [line for line in result.stdout.splitlines() if re.match(r"│\s+\d+ │", line)]
    assert len(rows) == 2, result.stdout
    for row in rows:  # each version's row holds its whole day: dd/mm/yyyy in Vietnamese
        assert re.search(rf"│ {day}\b", row), (row, result.stdout)
    assert re.search(r"\b\d\d:\d\d:\d\d\b", result.stdout)  # and its time, on that line or the next
    assert "records" in result.stdout.replace("\n", " ")  # the source folder, whole


def test_versions_json_is_the_same_in_both_languages(runner, two_versions):
    vi = json.loads(runner.invoke(app, ["versions", "--into", two_versions, "--format", "json"]).stdout)
    en = json.loads(runner.invoke(app, ["versions", "--into", two_versions, "--format", "json", "--lang", "en"]).stdout)
    assert [v["id"] for v in vi] == [1, 2]
    for a, b in zip(vi, en):
        assert set(a) == set(b) and a["changes"] == b["changes"]


def test_every_import_text_has_both_languages_the_same_fields_and_its_own_key():
    fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}
    for key, (vi, en) in STORE_TEXTS.items():
        assert vi and en, key
        assert fields(vi) == fields(en), f"{key}: {fields(vi)} vs {fields(en)}"
        assert key.startswith(("im_", "vs_")) and key not in CLI, key
    assert say("vs_more", "vi", n=3) == "... và 3 thủ tục khác (--format json để xem tất cả)"
    assert say("vs_more", "en", n=3) == "... and 3 more (--format json lists all)"
    assert say("more", "en", shown=50, total=153, what="rows") == "50 of 153 rows, --limit N to see more"  # CLI's, as before
