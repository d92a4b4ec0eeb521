"""Small records of our own, in the portal crawl's style (not copied from the fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.store import open_store


def record(code: str, *, agency: str = "", competent: str = "", name: str = "Đăng ký thử nghiệm", **extra) -> dict:
    """A portal-style record: flattened dossier table, agency fields as the crawl names them."""
    data = {
        "ma_thu_tuc": code,
        "detail_url": f"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/test-{code}",
        "ten_thu_tuc": name,
        "cap_thuc_hien": "Cấp Xã",
        "linh_vuc": "Hộ tịch",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "co_quan_thuc_hien": agency,
        "co_quan_co_tham_quyen": competent,
        "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcLệ phí : 0 Đồng",
        "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫu1 bản chính"
        "Giấy chứng nhận kết hôn1 bản sao",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13",
        "ket_qua_xu_ly": "Giấy xác nhận",
    }
    data.update(extra)
    return data


def line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


def write_json(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def parse():
    """The real portal parser, built once (the shipped document registry)."""
    from engine.importer import default_parser

    return default_parser()


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "store.db"))
    yield s
    s.close()
