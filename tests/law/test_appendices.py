"""Res. 66.7's Appendices I and II: reading the published rows, and the engine applying them.

The CSV rows here are our own, written in the style of the published tables
(the real rows stay in ../shared and are read only by the last tests).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from engine.evaluator import Engine
from engine.law.appendices import CodeError, DatabaseNames, build_appendix, load_params, normalise_code
from engine.loading import load_catalogue
from engine.models import Rule
from engine.reports.compliance import compliance_report

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "res-66-7"
DAY = dt.date(2026, 6, 1)
HEADER = "item,ministry_section,code_as_written,procedure_name,document_as_written,database_as_written,database_owner,legal_act,provision\n"


@pytest.fixture(scope="module")
def shipped():
    return load_catalogue().catalogue


@pytest.fixture(scope="module")
def recogniser():
    from engine.importer import shipped_recogniser

    return shipped_recogniser()


# --------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    "written, code",
    [
        ("2.002093", "2.002093"),
        ("1,010826", "1.010826"),  # a comma for the point
        ("1.01385", "1.013850"),  # trailing zero lost
        ("2.00056", "2.000560"),
        ("1.00121", "1.001210"),
        (" 1.014062 ", "1.014062"),  # stray spaces
        ("1,01417", "1.014170"),  # both at once
        ("1.012543.", "1.012543"),  # a full stop after it
    ],
)
def test_messy_codes_are_normalised(written, code):
    assert normalise_code(written) == code


@pytest.mark.parametrize("written", ["", "1.0138500", "12.001234", "TTHC 1.001", "1-001234", "a.001234"])
def test_malformed_codes_are_refused(written):
    with pytest.raises(CodeError, match="malformed procedure code"):
        normalise_code(written)


# --------------------------------------------------------------------------- databases


@pytest.mark.parametrize(
    "cell, sources",
    [
        ("Cơ sở dữ liệu quốc gia về dân cư", ["population"]),
        ("CSDLQG về dân cư", ["population"]),
        ("CSDL Quốc gia về đăng ký doanh nghiệp", ["business-registration"]),
        ("Cơ sở dữ liệu quốc gia về đất đai.", ["land"]),
        ("CSDL hộ tịch; CSDL dân cư", ["civil-status", "population"]),
        ("CSDL quốc gia về dân cư và Cơ sở dữ liệu hộ tịch điện tử", ["population", "civil-status"]),
        ("CSDL quốc gia về dân cư, CSDL hộ tịch điện tử", ["population", "civil-status"]),
        # two names with nothing between them
        ("CSDL quốc gia về dân cư Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", ["population", "business-registration"]),
        ("CSDL quốc gia về dân cư: CSDL về lý lịch tư pháp", ["population", "criminal-record"]),
    ],
)
def test_every_spelling_of_a_database_maps_to_its_source(shipped, cell, sources):
    assert DatabaseNames(shipped.sources.values(), [";", ",", "và", ":", "."]).read(cell) == (sources, "")


def test_an_unknown_database_leaves_words_unread(shipped):
    found, left = DatabaseNames(shipped.sources.values()).read("CSDL dân cư; CSDL về giống cây trồng")
    assert found == ["population"] and left == "csdl ve giong cay trong"


# --------------------------------------------------------------------------- building rows


def _build(tmp_path, shipped, recogniser, rows: str, appendix: str = "I"):
    (tmp_path / "appendix-1.csv").write_text(HEADER + (rows if appendix == "I" else ""), encoding="utf-8")
    (tmp_path / "appendix-2.csv").write_text(HEADER + (rows if appendix == "II" else ""), encoding="utf-8")
    return build_appendix(appendix, tmp_path, load_params(REPO / "procedures"), shipped.sources, recogniser)


def test_a_row_becomes_a_dated_rule_citing_its_item(tmp_path, shipped, recogniser):
    build = _build(tmp_path, shipped, recogniser,
                   '12,BỘ TƯ PHÁP,"1,001193",Đăng ký khai sinh,Bản sao Giấy chứng nhận kết hôn,CSDL hộ tịch điện tử,Bộ Tư pháp,Luật Hộ tịch,Khoản 1 Điều 16\n')
    assert not build.problems
    (rule,) = build.rules
    assert rule["id"] == "res-66-7-appendix-1-item-12"
    assert rule["procedures"] == ["1.001193"] and rule["document_types"] == ["marriage-certificate"]
    assert rule["source"] == "civil-status" and rule["fallback"] == "res-66-7-art8"
    assert rule["legal_basis"]["article"] == "Appendix I, item 12"
    assert str(rule["valid_from"]) == "2026-01-01" and str(rule["valid_to"]) == "2027-02-28"
    assert any("Luật Hộ tịch, Khoản 1 Điều 16" in ref["source"] for ref in rule["references"])
    Rule.model_validate(rule)


def test_a_multi_database_row_fetches_each_paper_from_its_database(tmp_path, shipped, recogniser):
    build = _build(tmp_path, shipped, recogniser,
                   '5,BỘ TƯ PHÁP,2.000829,Trợ giúp pháp lý,"Giấy khai sinh, căn cước công dân",CSDL hộ tịch; CSDL dân cư,Bộ Tư pháp,Luật X,Điều 1\n'
                   '6,BỘ TƯ PHÁP,2.000829,Trợ giúp pháp lý,Giấy chứng nhận nuôi con nuôi,CSDL hộ tịch và CSDL dân cư,Bộ Tư pháp,Luật X,Điều 1\n')
    by_id = {r["id"]: r for r in build.rules}
    assert (by_id["res-66-7-appendix-1-item-5a"]["document_types"], by_id["res-66-7-appendix-1-item-5a"]["source"]) == (["birth-certificate"], "civil-status")
    assert (by_id["res-66-7-appendix-1-item-5b"]["document_types"], by_id["res-66-7-appendix-1-item-5b"]["source"]) == (["cccd"], "population")
    assert build.encoded == 1 or build.encoded == 2  # item 6 may not be recognised; it is then listed, never dropped
    assert build.encoded + len(build.problems) == build.rows


def test_a_paper_no_named_database_holds_is_fetched_from_its_art4_database_and_theirs(tmp_path, shipped, recogniser):
    build = _build(tmp_path, shipped, recogniser,
                   '7,BỘ CÔNG AN,1.014062,Cấp thẻ căn cước,Giấy khai sinh,CSDL quốc gia về dân cư; CSDL quốc gia về đăng ký doanh nghiệp,Bộ Công an,Nghị định 70/2024/NĐ-CP,Điều 21\n')
    (rule,) = build.rules
    # The birth certificate's data sits in the civil-status database (Art. 4.2):
    # fetched from there, and from both databases the row names.
    assert rule["source"] == "civil-status" and rule["also_from"] == ["population", "business-registration"]


def test_unmappable_rows_are_listed_with_their_reason_and_not_encoded(tmp_path, shipped, recogniser):
    build = _build(tmp_path, shipped, recogniser,
                   '1,BỘ Y TẾ,1.0138500,Thủ tục A,Giấy khai sinh,CSDL hộ tịch điện tử,Bộ Tư pháp,,\n'
                   '2,BỘ Y TẾ,1.013850,Thủ tục B,Giấy khai sinh,CSDL về giống cây trồng,Bộ Y tế,,\n'
                   '3,BỘ Y TẾ,1.013850,Thủ tục C,Văn bản thẩm định thiết kế,CSDL hộ tịch điện tử,Bộ Tư pháp,,\n'
                   '4,BỘ Y TẾ,1.013850,Thủ tục D,Giấy chứng nhận đăng ký doanh nghiệp (thay thế 1 phần),CSDL về đăng ký doanh nghiệp,Bộ Tài chính,,\n'
                   '5,BỘ Y TẾ,1.013850,Thủ tục E,Bản sao quyết định bổ nhiệm,CSDL hộ tịch điện tử,Bộ Tư pháp,,\n')
    assert build.rules == []
    reasons = {p.item: (p.field, p.reason) for p in build.problems}
    assert reasons[1] == ("code_as_written", "malformed procedure code '1.0138500'")
    assert reasons[2][0] == "database_as_written" and "giong cay trong" in reasons[2][1]
    assert reasons[3] == ("document_as_written", "no paper type recognised")
    assert reasons[4][0] == "document_as_written" and "only in part" in reasons[4][1]
    assert reasons[5][0] == "document_as_written" and "names no paper a database holds" in reasons[5][1]
    assert [p.line for p in build.problems] == [2, 3, 4, 5, 6]


def test_an_appendix_ii_row_is_a_cut_without_source_or_fallback(tmp_path, shipped, recogniser):
    build = _build(tmp_path, shipped, recogniser,
                   '8,BỘ NỘI VỤ,"1,010826",Sửa đổi thông tin người có công,Căn cước công dân hoặc chứng minh thư nhân dân,CSDL quốc gia về dân cư,Bộ Công An,Nghị định số 131/2021/NĐ-CP,Điểm b khoản 3 Điều 130\n',
                   appendix="II")
    (rule,) = build.rules
    assert rule["effect"] == "cut" and "source" not in rule and "fallback" not in rule
    assert rule["legal_basis"]["article"] == "Appendix II, item 8"
    # The row's database cell names whose data made the paper unnecessary: answers name it.
    assert rule["attributed_to"] == "population"


# --------------------------------------------------------------------------- the engine


def _explicit(cat, **fields) -> Rule:
    base = {
        "description": "test row", "effect": "strike", "valid_from": dt.date(2026, 1, 1), "valid_to": dt.date(2027, 2, 28),
        "legal_basis": {"act": "Resolution 66.7/2025/NQ-CP", "article": "Appendix I, item 900"}, "fallback": "res-66-7-art8",
        "explanation": {"vi": "Không yêu cầu nộp {document_vi} ({source_vi}).", "en": "{document_en} ({source_en})."},
    }
    return Rule.model_validate(base | fields)


def _with(shipped, *rules):
    cat = shipped.copy_on_write("test")
    for r in rules:
        cat.rules[r.id] = r
    return cat


def _paper(ev, doc):
    return [(d, p) for d in ev.decisions for p in d.components if doc in p.document_types]


def test_an_appendix_i_land_row_strikes_non_residential_land(shipped):
    code = "1.004194"
    person = {"nationality": "vn", "land-use": "agricultural"}
    # The shipped row of temporary residence (Appendix I item 736: "giấy tờ, tài liệu chứng
    # nhận về quyền sử dụng đất ... qua các thời kỳ") strikes it on any land.
    shipped_row = _paper(Engine(shipped).evaluate(code, person, DAY), "land-use-certificate")
    assert shipped_row and all(p.status.value == "struck" and p.rule == "res-66-7-appendix-1-item-736" for _, p in shipped_row)
    # Without that row, Art. 4.7 alone strikes residential land only.
    bare = shipped.copy_on_write("test")
    del bare.rules["res-66-7-appendix-1-item-736"]
    before = _paper(Engine(bare).evaluate(code, person, DAY), "land-use-certificate")
    assert before and all(p.status.value == "required" for _, p in before)
    row = _explicit(shipped, id="row-land", procedures=[code], document_types=["land-use-certificate"], source="land")
    after = _paper(Engine(_with(bare, row)).evaluate(code, person, DAY), "land-use-certificate")
    assert all(p.status.value == "struck" and p.rule == "row-land" and p.legal_basis.endswith("Appendix I, item 900") for _, p in after)
    # ... still only for applicants the database holds at all (Art. 2.3).
    foreign = _paper(Engine(_with(bare, row)).evaluate(code, {"nationality": "foreign", "land-use": "agricultural"}, DAY), "land-use-certificate")
    assert all(p.status.value == "required" for _, p in foreign)
    # ... and only for its own procedure.
    others = [c for c in ("1.013833", "1.013980") if _paper(Engine(bare).evaluate(c, person, DAY), "land-use-certificate")]
    assert others
    other = _paper(Engine(_with(bare, row)).evaluate(others[0], person, DAY), "land-use-certificate")
    assert all(p.status.value == "required" for _, p in other)


def test_the_explicit_row_wins_over_the_general_rule_and_the_trace_shows_both(shipped):
    code, person = "1.004222", {"nationality": "vn"}
    # Without the shipped rows of this procedure (Appendix I item 737 names its
    # birth certificate too): the row under test is the only explicit one.
    bare = shipped.copy_on_write("test")
    for rid in [r.id for r in bare.rules.values() if r.explicit and code in (r.procedures or [])]:
        del bare.rules[rid]
    general = _paper(Engine(bare).evaluate(code, person, DAY, {"population": "offline"}), "birth-certificate")
    assert general and all(p.status.value == "struck" for _, p in general)  # Art. 4.2: civil-status is online
    row = _explicit(bare, id="row-both", procedures=[code], document_types=["birth-certificate"], source="civil-status", also_from=["population"])
    engine = Engine(_with(bare, row))
    decided = _paper(engine.evaluate(code, person, DAY, {"population": "offline"}), "birth-certificate")
    # The row fetches from both databases: one offline keeps the paper, with the Art. 8 fallback.
    assert all(p.status.value == "required" and p.rule == "row-both" for _, p in decided)
    d = decided[0][0]
    assert d.fallback and "8" in d.fallback
    assert {"row-both", "res-66-7-art4-2-civil-status"} <= {t.rule for t in d.trace}
    online = _paper(engine.evaluate(code, person, DAY), "birth-certificate")
    assert all(p.status.value == "struck" and p.rule == "row-both" for _, p in online)
    assert set(online[0][0].sources) >= {"civil-status", "population"}


def test_a_cut_strikes_with_no_lookup_and_no_fallback(shipped):
    code = "2.002039"
    row = _explicit(shipped, id="row-cut", effect="cut", procedures=[code], document_types=["birth-certificate"], fallback=None,
                    legal_basis={"act": "Resolution 66.7/2025/NQ-CP", "article": "Appendix II, item 901"})
    ev = Engine(_with(shipped, row)).evaluate(code, {"nationality": "foreign"}, DAY, {"civil-status": "offline", "population": "offline"})
    decided = _paper(ev, "birth-certificate")
    assert decided and all(p.status.value == "struck" and p.rule == "row-cut" and p.source is None for _, p in decided)
    assert all(d.fallback is None for d, _ in decided if d.status.value == "struck")
    # Outside its dates the row does not speak.
    before = _paper(Engine(_with(shipped, row)).evaluate(code, {"nationality": "foreign"}, dt.date(2025, 6, 1)), "birth-certificate")
    assert all(p.rule != "row-cut" for _, p in before)


def test_shipped_appendix_rows_decide_their_procedures(shipped, engine):
    """The generated files are loaded: a shipped row decides its curated procedure."""
    rows = [r for r in shipped.rules.values() if r.listing is not None and r.effect.value == "strike" and set(r.procedures) & set(shipped.procedures)]
    assert rows, "no appendix row points to a curated procedure"
    decided = 0
    for rule in rows:
        ev = engine.evaluate(rule.procedures[0], {"nationality": "vn", "entity-kind": "enterprise"}, DAY)
        for _, p in _paper(ev, rule.document_types[0]):
            if p.rule == rule.id:
                decided += 1
                assert p.legal_basis.startswith("Resolution 66.7/2025/NQ-CP, Appendix I, item ")
    assert decided


def test_the_compliance_report_lists_every_row(shipped, engine):
    rep = compliance_report(engine.evaluate_all(DAY, {"nationality": "vn"}), shipped, DAY)
    rows_in_files = sum(v["rows"] for v in shipped.built_from.values())
    assert rep.total["rows"] == rows_in_files
    assert sum(g["rows"] for g in rep.by_ministry.values()) == rep.total["rows"]
    assert all(r.reason for r in rep.rows if r.state == "not-encoded")
    asked = [r for r in rep.rows if r.asked]
    assert asked and all(r.entries for r in asked)
    assert all(r.overdue == (r.days_in_effect is not None and r.days_in_effect > rep.reengineer_days) for r in asked)
    assert rep.as_dict()["built_from"]["res-66-7-appendix-1"]["sha256"]


# --------------------------------------------------------------------------- the published data


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"Res. 66.7 appendix data not found at {SHARED} (clone ../shared beside the repo)")
def test_shipped_rules_are_up_to_date_with_the_published_rows():
    run = subprocess.run([sys.executable, "-m", "engine.cli", "law", "appendices", str(SHARED), "--check", "--format", "json"],
                         cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    import json

    data = json.loads(run.stdout)
    for appendix in data["appendices"]:
        assert appendix["databases_mapped"] == appendix["rows"]  # every database name mapped
        assert appendix["documents_recognised"] >= 0.95 * appendix["rows"]
        assert appendix["encoded"] + len(appendix["unmapped"]) == appendix["rows"]


def test_report_compliance_command_in_every_format(tmp_path):
    import json

    from typer.testing import CliRunner

    from engine.cli import app

    runner = CliRunner()
    got = runner.invoke(app, ["report", "compliance", "--as-of", "2026-06-01", "--format", "json"])
    assert got.exit_code == 0, got.output
    data = json.loads(got.stdout)
    assert data["total"]["rows"] == sum(v["rows"] for v in data["built_from"].values())
    table = runner.invoke(app, ["report", "compliance", "--as-of", "2026-06-01", "--limit", "3"])
    assert table.exit_code == 0 and "01/06/2026" in table.stdout and "Theo bộ, ngành" in table.stdout
    csv_out = runner.invoke(app, ["report", "compliance", "--as-of", "2026-06-01", "--format", "csv", "--lang", "en"])
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("Appendix,Item,Ministry")
    xlsx = tmp_path / "c.xlsx"
    done = runner.invoke(app, ["report", "compliance", "--as-of", "2026-06-01", "--ministry", "bo-tu-phap", "--format", "xlsx", "--output", str(xlsx)])
    assert done.exit_code == 0 and xlsx.stat().st_size > 0
    bad = runner.invoke(app, ["report", "compliance", "--ministry", "nope"])
    assert bad.exit_code == 2


def test_a_paper_no_named_database_holds_is_answered_by_the_one_holding_its_kind(shipped, recogniser):
    from engine.law.appendices import _by_source
    srcs = shipped.sources
    groups = _by_source(["birth-certificate", "passport"], ["civil-status", "population"], srcs, recogniser.documents)
    assert groups == [(["birth-certificate"], ["civil-status"]), (["passport"], ["population", "civil-status"])]


def test_a_row_naming_a_paper_by_its_older_name_names_the_renamed_paper(shipped):
    # Appendix I item 682 (1.002483): "Giấy chứng nhận đăng ký kinh doanh của doanh nghiệp",
    # the certificate the Law on Enterprises 2014 renamed "... đăng ký doanh nghiệp".
    rule = shipped.rules["res-66-7-appendix-1-item-682"]
    assert rule.document_types == ["business-registration-certificate-old", "business-registration-certificate"]


def _params_with(reading: dict) -> dict:
    params = load_params(REPO / "procedures")
    return {**params, "row_readings": [reading]}


def test_a_row_naming_the_data_is_read_by_the_parameters(tmp_path, shipped, recogniser):
    # "Bảo hiểm xã hội" names no paper: the parameters' reading says which
    # papers the row stands for, and the row's database cell still decides
    # the source; the rule cites where the reading comes from.
    (tmp_path / "appendix-1.csv").write_text(
        HEADER + '9,BỘ TƯ PHÁP,1.013803,Bổ nhiệm,Bảo hiểm xã hội,Hệ thống BHXH Việt Nam,BHXH Việt Nam,Thông tư X,Điều 6\n', encoding="utf-8")
    reading = {"appendix": "I", "item": 9, "document_types": ["social-insurance-book", "social-insurance-contribution-proof"],
               "reading": "our reading", "reference": {"source": "where we read it"}}
    build = build_appendix("I", tmp_path, _params_with(reading), shipped.sources, recogniser)
    assert not build.problems
    (rule,) = build.rules
    assert rule["document_types"] == ["social-insurance-book", "social-insurance-contribution-proof"]
    assert rule["source"] == "insurance"
    assert {"source": "where we read it", "note": "our reading"} in rule["references"]
    Rule.model_validate(rule)
    # Without the reading the row is listed, not guessed.
    plain = build_appendix("I", tmp_path, load_params(REPO / "procedures"), shipped.sources, recogniser)
    assert plain.rules == [] and plain.problems[0].reason == "no paper type recognised"


def test_a_reading_naming_an_unknown_paper_lists_the_row(tmp_path, shipped, recogniser):
    (tmp_path / "appendix-1.csv").write_text(
        HEADER + '9,BỘ TƯ PHÁP,1.013803,Bổ nhiệm,Bảo hiểm xã hội,Hệ thống BHXH Việt Nam,BHXH Việt Nam,,\n', encoding="utf-8")
    reading = {"appendix": "I", "items": [9], "document_types": ["social-insurance-book", "no-such-paper"],
               "reading": "x", "reference": {"source": "y"}}
    build = build_appendix("I", tmp_path, _params_with(reading), shipped.sources, recogniser)
    assert build.rules == []
    (problem,) = build.problems
    assert (problem.item, problem.field) == (9, "document_as_written")
    assert "row_readings names unknown document types no-such-paper" in problem.reason


def test_the_notary_rows_insurance_papers_go_and_the_work_history_stays(shipped):
    # Appendix I item 513 (1.013803): "Bảo hiểm xã hội", held by the insurance
    # system, stands for the papers proving the contribution period; the
    # appointment decision and labour contract beside them are no insurance papers.
    rule = shipped.rules["res-66-7-appendix-1-item-513"]
    assert rule.document_types == ["social-insurance-book", "social-insurance-contribution-proof"]
    assert rule.source == "insurance"
    from engine.importer import shipped_recogniser
    from engine.portal.papers import read_papers
    from engine.models import AllOf

    out = read_papers("Hợp đồng lao động kèm theo giấy xác nhận của cơ quan bảo hiểm xã hội về thời gian đóng "
                      "bảo hiểm xã hội hoặc sổ bảo hiểm xã hội", shipped_recogniser())
    assert isinstance(out.node, AllOf)
    contract, proof = out.node.all_of
    assert proof.any_of[0].document_types == ["social-insurance-contribution-proof"]
    assert proof.any_of[1].document_types == ["social-insurance-book"]


def test_a_card_a_row_gives_to_the_civil_status_database_is_population_data(shipped):
    # Appendix I item 192 (3.000466): "Giấy khai sinh, Căn cước công dân" from
    # "CSDL hộ tịch điện tử". The card is fetched from the population database
    # Art. 4.1 names, and from the row's database too; the birth certificate
    # from the row's own.
    assert (shipped.rules["res-66-7-appendix-1-item-192a"].document_types, shipped.rules["res-66-7-appendix-1-item-192a"].sources) == (
        ["birth-certificate"], ["civil-status"])
    assert (shipped.rules["res-66-7-appendix-1-item-192b"].document_types, shipped.rules["res-66-7-appendix-1-item-192b"].sources) == (
        ["cccd"], ["population", "civil-status"])


def test_the_border_pass_rows_replace_the_proof_of_a_legal_representative(shipped):
    # Appendix I items 746, 747, 749: "bản sao có chứng thực giấy tờ do cơ quan có thẩm quyền
    # của Việt Nam cấp chứng minh người đại diện theo pháp luật" of a child or an incapacitated
    # person, from the civil-status database: a parent's birth certificate of the child, a
    # guardian's guardianship record. Elsewhere neither is struck by a general rule.
    from engine.importer import shipped_recogniser
    from engine.models import Procedure, Requirement, Text
    from engine.portal.papers import read_papers

    for item in ("746", "747", "749"):
        rule = shipped.rules[f"res-66-7-appendix-1-item-{item}"]
        assert rule.document_types == ["birth-certificate", "legal-representative-proof", "guardianship-record"]
        assert rule.source == "civil-status"
    rec = shipped_recogniser()
    text = ("Bản sao có chứng thực giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh là người đại diện "
            "hợp pháp (đối với người chưa đủ 14 tuổi).")
    req = Requirement(id="e1", text=text, components=read_papers(text, rec, rec.sources).node, originals=0, copies=1)
    cat = shipped.copy_on_write("border-pass")
    cat.procedures = {code: Procedure(code=code, name=Text(vi="Thử"), ministry="bo-cong-an", requirements=[req], origin="imported")
                      for code in ("1.003133", "9.000001")}
    engine = Engine(cat)
    day, citizen = dt.date(2026, 6, 1), {"nationality": "vn"}
    assert engine.evaluate("1.003133", citizen, day).decisions[0].status.value == "struck"
    assert engine.evaluate("9.000001", citizen, day).decisions[0].status.value == "required"


def test_the_fire_design_row_replaces_the_lawful_land_papers_it_names(shipped):
    # Appendix I item 733 (3.000489): "Giấy tờ hợp pháp về đất đai chứng minh sự phù hợp mục
    # đích sử dụng đất" from the land database: the certificate, and the decision allocating
    # or leasing the land. A lease between parties is still asked for, and elsewhere the
    # decision is no database paper.
    from engine.importer import shipped_recogniser
    from engine.models import Procedure, Requirement, Text
    from engine.portal.papers import read_papers

    assert shipped.rules["res-66-7-appendix-1-item-733"].document_types == ["land-use-certificate", "land-allocation-decision"]
    rec = shipped_recogniser()
    rows = ["Giấy chứng nhận quyền sử dụng đất hoặc quyết định giao đất, cho thuê đất của cơ quan có thẩm quyền",
            "Hợp đồng thuê đất giữa chủ đầu tư và bên cho thuê"]
    reqs = [Requirement(id=f"e{k}", text=t, components=read_papers(t, rec, rec.sources).node, originals=0, copies=1)
            for k, t in enumerate(rows, 1)]
    cat = shipped.copy_on_write("fire-design")
    cat.procedures = {code: Procedure(code=code, name=Text(vi="Thử"), ministry="bo-cong-an", requirements=reqs, origin="imported")
                      for code in ("3.000489", "9.000001")}
    engine = Engine(cat)
    day, citizen = dt.date(2026, 6, 1), {"nationality": "vn"}
    here = engine.evaluate("3.000489", citizen, day).decisions
    assert [c.status.value for c in here[0].components] == ["struck", "struck"]
    assert here[1].status.value == "required"
    elsewhere = engine.evaluate("9.000001", citizen, day).decisions[0]
    assert [c.status.value for c in elsewhere.components] == ["required", "required"]
