"""Column headers and captions of the reports, in Vietnamese and English.

These are interface words, not legal facts.
"""

from __future__ import annotations

#: Row columns: key -> (Vietnamese, English).
ROW_COLUMNS: dict[str, tuple[str, str]] = {
    "procedure": ("Mã TTHC", "Procedure code"),
    "procedure_name": ("Tên thủ tục", "Procedure"),
    "ministry_name": ("Bộ, ngành", "Ministry"),
    "field": ("Lĩnh vực", "Field"),
    "level": ("Cấp thực hiện", "Level"),
    "requirement": ("Mã thành phần", "Requirement id"),
    "requirement_text": ("Thành phần hồ sơ", "Dossier entry"),
    "paper_text": ("Giấy tờ không phải nộp", "Paper no longer asked for"),
    "document_types": ("Loại giấy tờ", "Document types"),
    "status": ("Kết quả", "Status"),
    "conditional": ("Có điều kiện", "Conditional"),
    "struck_if": ("Được cắt giảm nếu", "Struck if"),
    "source": ("CSDL thay thế", "Source"),
    "rule": ("Quy tắc", "Rule"),
    "legal_basis": ("Căn cứ pháp lý", "Legal basis"),
    "copies": ("Số bản giảm/hồ sơ", "Copies avoided per dossier"),
}

#: Extra columns of the burden report.
BURDEN_COLUMNS: dict[str, tuple[str, str]] = {
    "volume_per_year": ("Số hồ sơ/năm", "Dossiers a year"),
    "volume_estimated": ("Số hồ sơ ước tính", "Volume estimated"),
    "copies_per_year": ("Số bản giảm/năm", "Copies avoided a year"),
    "hours": ("Số giờ tiết kiệm/năm (ước tính)", "Hours saved a year (estimate)"),
    "vnd": ("Chi phí tiết kiệm/năm, VND (ước tính)", "VND saved a year (estimate)"),
}

#: Total columns: key -> (Vietnamese, English).
TOTAL_COLUMNS: dict[str, tuple[str, str]] = {
    "key": ("Nhóm", "Group"),
    "procedures": ("Số thủ tục", "Procedures"),
    "requirements": ("Thành phần được cắt giảm", "Requirements struck/replaced"),
    "copies": ("Số bản giảm/hồ sơ", "Copies avoided per dossier"),
    "conditional_requirements": ("Thành phần có điều kiện", "Conditional requirements"),
    "conditional_copies": ("Số bản giảm có điều kiện", "Conditional copies"),
    "copies_per_year": ("Số bản giảm/năm", "Copies avoided a year"),
    "hours": ("Số giờ/năm (ước tính)", "Hours a year (estimate)"),
    "vnd": ("VND/năm (ước tính)", "VND a year (estimate)"),
    "conditional_copies_per_year": ("Số bản/năm có điều kiện", "Conditional copies a year"),
    "conditional_hours": ("Số giờ/năm có điều kiện (ước tính)", "Conditional hours a year (estimate)"),
    "conditional_vnd": ("VND/năm có điều kiện (ước tính)", "Conditional VND a year (estimate)"),
}

#: Gap-list columns.
GAP_COLUMNS: dict[str, tuple[str, str]] = {
    "procedure": ("Mã TTHC", "Procedure code"),
    "procedure_name": ("Tên thủ tục", "Procedure"),
    "ministry": ("Bộ, ngành", "Ministry"),
    "field": ("Lĩnh vực", "Field"),
    "level": ("Cấp thực hiện", "Level"),
    "requirements": ("Thành phần còn yêu cầu", "Requirements still listed"),
    "document_types": ("Loại giấy tờ Điều 4", "Art. 4 document types"),
    "sources": ("CSDL Điều 4", "Art. 4 sources"),
    "statuses": ("Kết quả hiện nay", "Current decision"),
    "copies": ("Số bản/hồ sơ", "Copies per dossier"),
}

GROUP_TITLES: dict[str, tuple[str, str]] = {
    "ministry": ("Theo bộ, ngành", "By ministry"),
    "field": ("Theo lĩnh vực", "By field"),
    "level": ("Theo cấp thực hiện", "By level"),
    "source": ("Theo CSDL", "By source"),
}

CAPTIONS: dict[str, tuple[str, str]] = {
    "summary": ("Tổng hợp", "Summary"),
    "gaps": ("Chưa tái cấu trúc (Đ.3.2)", "Art. 3.2 gaps"),
    "parameters": ("Tham số chi phí", "Cost parameters"),
    "title_unnecessary": ("Báo cáo thành phần hồ sơ không cần yêu cầu", "Unnecessary-copies report"),
    "title_burden": ("Báo cáo gánh nặng chi phí tuân thủ", "Compliance-burden report"),
    "as_of": ("Ngày áp dụng", "As of"),
    "filters": ("Bộ lọc", "Filters"),
    "applicant": ("Thông tin người yêu cầu", "Applicant"),
    "total": ("Tổng cộng", "Total"),
    "group_kind": ("Tổng hợp theo", "Totals by"),
    "procedures_evaluated": ("Số thủ tục đã đánh giá", "Procedures evaluated"),
    "estimate_note": (
        "Số giờ và chi phí là ước tính theo Mô hình chi phí chuẩn (SCM); số hồ sơ đánh dấu 'ước tính' là giả định mặc định.",
        "Hours and VND are Standard Cost Model estimates; volumes marked 'estimated' are the default assumption.",
    ),
    "conditional_note": (
        "Dòng 'có điều kiện' chỉ được cắt giảm khi người yêu cầu có các thuộc tính ghi ở cột 'Được cắt giảm nếu'.",
        "Conditional rows are struck only for applicants with the attributes in the 'Struck if' column.",
    ),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "estimated": ("ước tính", "estimated"),
    "cited": ("có nguồn", "cited"),
    "parameter": ("Tham số", "Parameter"),
    "value": ("Giá trị", "Value"),
    "unit": ("Đơn vị", "Unit"),
    "is_estimate": ("Ước tính", "Estimate"),
    "derivation": ("Cách tính", "Derivation"),
    "reference": ("Nguồn", "Reference"),
    "description": ("Mô tả", "Description"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The header of ``key`` in ``lang`` ("vi" or "en"); the key itself when unknown."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
