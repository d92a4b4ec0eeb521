"""Commands work on an imported catalogue exactly as on the curated YAML one."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from engine.cli import app

# A record in the portal's flattened format, text written for this test.
RECORD = {
    "ma_thu_tuc": "9.123456",
    "ten_thu_tuc": "Thủ tục thử nghiệm cấp giấy phép hoạt động",
    "cap_thuc_hien": "Cấp tỉnh",
    "linh_vuc": "Thử nghiệm",
    "doi_tuong_thuc_hien": "Công dân Việt Nam, Doanh nghiệp",
    "co_quan_thuc_hien": "Sở Thử nghiệm",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5Miễn phíTrực tiếp5Lệ phí : 100.000 Đồng",
    "thanh_phan_ho_so": (
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Đơn đề nghị cấp giấy phép theo mẫu1 bản chính"
        "- Bản sao Giấy chứng nhận đăng ký doanh nghiệp1 bản sao"
        "- Phiếu lý lịch tư pháp của người đứng đầu1 bản chính"
        "* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Thẻ căn cước công dân1 bản chính"
    ),
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnNghị quyết thử nghiệm66.7/2025/NQ-CP",
    "ket_qua_xu_ly": "Giấy phép hoạt độngMã: KQ.TEST",
    "detail_url": "https://example.invalid/9.123456",
}


def test_imported_procedure_is_evaluated_searched_and_reported(tmp_path):
    folder = tmp_path / "records" / "bo-tai-chinh"
    folder.mkdir(parents=True)
    (folder / "9.123456.json").write_text(json.dumps(RECORD, ensure_ascii=False), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    imported = runner.invoke(app, ["import", str(tmp_path / "records"), "--into", url, "--format", "json"])
    assert imported.exit_code == 0, imported.output

    found = runner.invoke(app, ["procedures", "thu nghiem cap giay phep", "--catalogue", url, "--format", "json"])
    assert found.exit_code == 0, found.output
    items = json.loads(found.stdout)["items"]
    assert [(i["code"], i["origin"]) for i in items] == [("9.123456", "imported")]

    evaluated = runner.invoke(
        app, ["evaluate", "9.123456", "--as-of", "2026-06-01", "--catalogue", url, "--format", "json"]
    )
    assert evaluated.exit_code == 0, evaluated.output
    decisions = json.loads(evaluated.stdout)["decisions"]
    by_type = {tuple(d["document_types"]): d for d in decisions}
    assert by_type[("application-form",)]["status"] == "required"
    business = by_type[("business-registration-certificate",)]
    assert business["status"] == "required" and business["struck_if"] == {"entity-kind": ["enterprise", "household-business", "cooperative"]}
    assert by_type[("criminal-record-certificate",)]["struck_if"] == {"nationality": ["vn"]}

    citizen = tmp_path / "a.json"
    citizen.write_text(json.dumps({"nationality": "vn", "entity-kind": "enterprise"}))
    evaluated = runner.invoke(
        app, ["evaluate", "9.123456", "--as-of", "2026-06-01", "--applicant", str(citizen), "--catalogue", url, "--format", "json"]
    )
    statuses = {tuple(d["document_types"]): d["status"] for d in json.loads(evaluated.stdout)["decisions"]}
    assert statuses[("business-registration-certificate",)] == "struck"
    assert statuses[("criminal-record-certificate",)] == "struck"
    assert statuses[("application-form",)] == "required"

    report = runner.invoke(
        app, ["report", "unnecessary", "--as-of", "2026-06-01", "--applicant", str(citizen), "--catalogue", url, "--format", "json"]
    )
    assert report.exit_code == 0, report.output
    assert "9.123456" in report.stdout
