"""Shared fixtures of the command-line tests: a private home, an imported store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.store.conftest import pg_database, pg_url

# A record in the portal's flattened format, text written for these tests.
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


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """No test reads or writes the user's default store, or inherits a language."""
    monkeypatch.setenv("ONCEONLY_HOME", str(tmp_path / "home"))
    for name in ("ONCEONLY_DATABASE_URL", "ONCEONLY_CATALOGUE", "ONCEONLY_LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def wide_tables(monkeypatch):
    """Tables one line per row (a cell wrapped over lines would split the words tested)."""
    from engine.cli import common

    monkeypatch.setattr(common.out, "width", 1000)


@pytest.fixture
def runner():
    return CliRunner()


def write_record(folder, record: dict) -> None:
    path = folder / "bo-tai-chinh"
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{record['ma_thu_tuc']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def imported(tmp_path, runner):
    """A SQLite store holding RECORD, imported through the CLI; its URL."""
    write_record(tmp_path / "records", RECORD)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(app, ["import", str(tmp_path / "records"), "--into", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return url


def words(result) -> str:
    """The output as one line of words (tables wrap cells)."""
    return " ".join(result.output.replace("│", " ").replace("┃", " ").split())
