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


# --------------------------------------------------------------------------- command line
# The words of every ``onceonly`` command (headers, statuses, messages),
# Vietnamese first; ``--lang en`` picks the second. Placeholders are
# ``str.format`` fields. Interface words only: no legal fact lives here.

#: A requirement's or a paper's status.
STATUS: dict[str, tuple[str, str]] = {
    "struck": ("không phải nộp", "struck"),
    "replaced": ("xuất trình trên VNeID", "shown in VNeID"),
    "required": ("vẫn phải nộp", "required"),
    "not_applicable": ("không áp dụng", "not applicable"),
    "conditional": ("có điều kiện", "conditional"),
    # graph impact: what a requirement is before and after a change
    "definite": ("không phải nộp", "struck"),
    # ... and after it, when the paper still goes but another way (a database lookup <-> VNeID)
    "definite_other": ("vẫn không phải nộp (theo cách khác)", "still struck (another way)"),
}

#: A source's live status.
SOURCE_STATUS: dict[str, tuple[str, str]] = {
    "online": ("hoạt động", "online"),
    "degraded": ("không ổn định", "degraded"),
    "offline": ("gián đoạn", "offline"),
}

#: A source's data quality.
QUALITY: dict[str, tuple[str, str]] = {
    "sufficient": ("đủ", "sufficient"),
    "partial": ("một phần", "partial"),
    "insufficient": ("chưa đủ", "insufficient"),
}

#: Levels of a procedure and where it came from.
LEVELS: dict[str, tuple[str, str]] = {
    "ministry": ("Trung ương", "Central"),
    "province": ("Cấp tỉnh", "Province"),
    "commune": ("Cấp xã", "Commune"),
    "other": ("Khác", "Other"),
}
ORIGINS: dict[str, tuple[str, str]] = {
    "curated": ("biên soạn", "curated"),
    "imported": ("nhập từ Cổng", "imported"),
}

#: Applicant attributes (procedures/attributes.yaml ids) and their values, as
#: the dashboard words them; an id without an entry is shown as it is.
ATTRIBUTE_NAMES: dict[str, tuple[str, str]] = {
    "nationality": ("Quốc tịch", "Nationality"),
    "entity-kind": ("Loại chủ thể kinh doanh", "Kind of business entity"),
    "land-use": ("Loại đất", "Land use"),
    "vneid": ("Tài khoản VNeID", "VNeID account"),
    "by-proxy": ("Nộp qua người được ủy quyền", "Filed through a representative"),
    "residence": ("Nơi sinh sống", "Where the applicant lives"),
    "channel": ("Kênh nộp", "Channel"),
}
ATTRIBUTE_VALUES: dict[tuple[str, str], tuple[str, str]] = {
    ("nationality", "vn"): ("công dân Việt Nam", "a Vietnamese citizen"),
    ("nationality", "foreign"): ("người nước ngoài", "a foreign national"),
    ("nationality", "stateless"): ("người không quốc tịch", "a stateless person"),
    ("entity-kind", "enterprise"): ("doanh nghiệp", "an enterprise"),
    ("entity-kind", "household-business"): ("hộ kinh doanh", "a household business"),
    ("entity-kind", "cooperative"): ("hợp tác xã", "a cooperative"),
    ("entity-kind", "other-organisation"): ("tổ chức khác", "another organisation"),
    ("entity-kind", "individual"): ("cá nhân", "an individual"),
    ("land-use", "residential"): ("đất ở", "residential land"),
    ("land-use", "agricultural"): ("đất nông nghiệp", "agricultural land"),
    ("land-use", "non-agricultural"): ("đất phi nông nghiệp", "non-agricultural land"),
    ("land-use", "mixed"): ("đất sử dụng hỗn hợp", "mixed-use land"),
    ("vneid", "none"): ("không có tài khoản VNeID", "no VNeID account"),
    ("vneid", "level1"): ("VNeID mức 1", "VNeID level 1"),
    ("vneid", "level2"): ("VNeID mức 2", "VNeID level 2"),
    ("by-proxy", "yes"): ("nộp qua người được ủy quyền", "filed through an authorised representative"),
    ("by-proxy", "no"): ("người yêu cầu tự nộp", "filed by the applicant"),
    ("residence", "domestic"): ("sống trong nước", "lives in Vietnam"),
    ("residence", "abroad"): ("định cư ở nước ngoài", "lives abroad"),
    ("channel", "online"): ("nộp trực tuyến", "online"),
    ("channel", "in_person"): ("nộp trực tiếp", "in person"),
    ("channel", "post"): ("qua bưu chính", "by post"),
}

#: Every other word of the command line, by key.
CLI: dict[str, tuple[str, str]] = {
    # shared
    "more": ("{shown} trên {total} {what}; --limit N để xem thêm", "{shown} of {total} {what}, --limit N to see more"),
    "more_json": ("{shown} trên {total} {what}; --limit N để xem thêm, --format json để xem tất cả",
                  "{shown} of {total} {what}, --limit N to see more, --format json for all"),
    "more_open": ("{shown} {what} đầu tiên; còn nữa: --limit N để xem thêm", "first {shown} {what}; there are more, --limit N to see more"),
    "rows": ("dòng", "rows"),
    "procedures_word": ("thủ tục", "procedures"),
    "on_day": ("ngày {day}", "on {day}"),
    "estimated": ("ước tính", "est."),
    "partly_estimated": ("một phần ước tính", "partly est."),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "none": ("—", "—"),
    "versions_line": ("danh mục {catalogue} · quy tắc {rules} · {engine}", "catalogue {catalogue} · rules {rules} · {engine}"),
    "and": (" và ", " and "),
    "or": (" hoặc ", " or "),
    # evaluate
    "ev_entry": ("Thành phần hồ sơ", "Dossier entry"),
    "ev_status": ("Kết quả", "Status"),
    "ev_going": ("Giấy tờ không phải nộp", "Papers that go"),
    "ev_staying": ("Giấy tờ vẫn phải nộp", "Papers that stay"),
    "ev_copies": ("Số bản giảm", "Copies avoided"),
    "ev_why": ("Lý do", "Why"),
    "ev_fallback": ("Khi không khai thác được (Điều 8)", "If the lookup fails (Art. 8)"),
    "ev_fallback_now": ("[{n}] áp dụng ngay", "[{n}] applies now"),
    "ev_fallback_if": ("[{n}] nếu tra cứu lỗi", "[{n}] if the lookup fails"),
    "ev_fallback_note": ("[{n}] {text}", "[{n}] {text}"),
    "ev_conditional": ("có điều kiện: không phải nộp nếu {cond}", "conditional: struck if {cond}"),
    "ev_from": ("lấy từ {source}", "from: {source}"),
    "ev_answer_none": ("Chưa có giấy tờ nào được miễn nộp cho hồ sơ này.", "No paper of this dossier can be dropped yet."),
    "ev_answer": ("Không phải nộp {n} giấy tờ: {papers}.", "{n} paper(s) need not be brought: {papers}."),
    "ev_summary": (
        "{struck} thành phần không phải nộp, {replaced} xuất trình trên VNeID, {required} vẫn phải nộp "
        "({conditional} có điều kiện), {not_applicable} không áp dụng; số bản {before} → {after}",
        "{struck} struck, {replaced} replaced, {required} required ({conditional} conditional), "
        "{not_applicable} not applicable; copies {before} → {after}",
    ),
    "ev_ask": ("Cần hỏi người yêu cầu: {attributes}", "Ask the applicant: {attributes}"),
    # check
    "check_ok": ("ĐẠT", "OK"),
    "check_failed": ("KHÔNG ĐẠT", "FAILED"),
    "check_counts": (
        "{procedures} thủ tục, {documents} loại giấy tờ, {sources} CSDL, {rules} quy tắc, {templates} mẫu quy tắc; {errors} lỗi",
        "{procedures} procedures, {documents} documents, {sources} sources, {rules} rules, {templates} templates; {errors} error(s)",
    ),
    # procedures
    "pr_code": ("Mã TTHC", "Code"),
    "pr_name": ("Tên thủ tục", "Procedure"),
    "pr_ministry": ("Bộ, ngành", "Ministry"),
    "pr_level": ("Cấp thực hiện", "Level"),
    "pr_field": ("Lĩnh vực", "Field"),
    "pr_requirements": ("Số thành phần", "Requirements"),
    "pr_origin": ("Nguồn", "Origin"),
    "pr_none": ("Không có thủ tục nào khớp.", "No procedure matches."),
    "pr_count": ("{total} thủ tục", "{total} procedure(s)"),
    "pr_ranked": ("xếp theo mức khớp: mã, cụm từ trong tên, mọi từ trong tên, rồi trong lĩnh vực",
                  "best matches first: the code, the phrase in the name, every word in the name, then in the field"),
    # sources
    "src_id": ("Mã", "Id"),
    "src_name": ("Cơ sở dữ liệu", "Database"),
    "src_owner": ("Cơ quan quản lý", "Owner"),
    "src_replaces": ("Thay thế giấy tờ", "Documents replaced"),
    "src_announced": ("Ngày công bố", "Announced"),
    "src_coverage": ("Phạm vi", "Coverage"),
    "src_quality": ("Chất lượng dữ liệu", "Quality"),
    "src_status": ("Trạng thái", "Status"),
    "src_not_announced": ("chưa công bố", "not announced"),
    "src_all": ("mọi đối tượng", "everyone"),
    "src_proposed": ("(đề xuất)", "(proposed)"),
    # graph
    "gr_dep_title": ("Phụ thuộc giữa các cơ quan, {day} (A cần giấy tờ hoặc dữ liệu của B)",
                     "Agency dependencies, {day} (A needs documents or data of B)"),
    "gr_a": ("A (cơ quan cần)", "A (needs)"),
    "gr_b": ("B (cơ quan cấp, giữ)", "B (issues, holds)"),
    "gr_requirements": ("Thành phần", "Requirements"),
    "gr_document": ("Cần giấy tờ", "Document"),
    "gr_data": ("Khai thác dữ liệu", "Data"),
    "gr_volume": ("Hồ sơ/năm", "Dossiers/yr"),
    "gr_procedures": ("Số thủ tục", "Procedures"),
    "gr_change_offline": ("gián đoạn", "goes offline"),
    "gr_change_announce": ("được công bố", "is announced"),
    "gr_impact_title": ("Nếu {source} {change} ({day}): {flipped} thành phần của {procedures} thủ tục thay đổi",
                        "If {source} {change} ({day}): {flipped} requirement(s) in {procedures} procedure(s) flip"),
    "gr_procedure": ("Thủ tục", "Procedure"),
    "gr_requirement": ("Thành phần hồ sơ", "Dossier entry"),
    "gr_before": ("Trước", "Before"),
    "gr_after": ("Sau", "After"),
    "gr_copies": ("Số bản", "Copies"),
    "gr_impact_sum_offline": (
        "CSDL này đang giúp bỏ {copies} bản giấy/năm ({hours} giờ, {vnd} VND, ước tính); thêm {cond} bản/năm có điều kiện.",
        "The source removes {copies} copies a year ({hours} hours, {vnd} VND, estimates); conditionally {cond} more.",
    ),
    "gr_impact_sum_announce": (
        "Nếu được công bố, CSDL này sẽ bỏ {copies} bản giấy/năm ({hours} giờ, {vnd} VND, ước tính); thêm {cond} bản/năm có điều kiện.",
        "Announced, the source would remove {copies} copies a year ({hours} hours, {vnd} VND, estimates); conditionally {cond} more.",
    ),
    "gr_applicant_default": (
        "Người nộp: {who} (mặc định: giá trị phổ biến nhất của mỗi thuộc tính trong {file}, giả định tổng hợp; --applicant FILE để chọn người nộp khác).",
        "Applicant: {who} (default: the most common value of each attribute in {file}, a synthetic assumption; --applicant FILE for another).",
    ),
    "gr_applicant": ("Người nộp: {who}.", "Applicant: {who}."),
    "gr_applicant_unknown": ("Người nộp: chưa có thông tin (thành phần phụ thuộc người nộp được tính là có điều kiện).",
                             "Applicant: no details (decisions that depend on the applicant count as conditional)."),
    "gr_before_title": ("Phải làm trước {code}", "Done before {code}"),
    "gr_documents": ("Giấy tờ", "Documents"),
    "gr_paper_asked": ("Vẫn phải nộp bản giấy", "Paper still asked"),
    "gr_optional": ("Tùy trường hợp", "Optional"),
    "gr_all_prereqs": ("Tất cả thủ tục phải làm trước: {n}; chuỗi dài nhất: {chain}", "All prerequisites: {n}; longest chain: {chain}"),
    "gr_links": ("{n} quan hệ làm-trước. Các chuỗi dài nhất (làm trước đứng trước):", "{n} prerequisite link(s). Longest chains (first done first):"),
    "gr_cycle": ("vòng lặp: {cycle}", "cycle: {cycle}"),
    "gr_chains": ("chuỗi", "chains"),
    "gr_cycles": ("vòng lặp", "cycles"),
    "gr_rank_title": ("CSDL theo số bản giấy bỏ được mỗi năm, {day} (giờ và VND: ước tính)",
                      "Sources by copies removed a year, {day} (hours and VND: estimates)"),
    "gr_rank": ("#", "#"),
    "gr_source": ("CSDL", "Source"),
    "gr_measured": ("Đo bằng", "Measured by"),
    "gr_measured_offline": ("cho gián đoạn", "taking it offline"),
    "gr_measured_announce": ("giả định công bố", "announcing it"),
    "gr_copies_year": ("Bản/năm", "Copies/yr"),
    "gr_cond_copies_year": ("Bản/năm có điều kiện", "Conditional copies/yr"),
    "gr_hours_year": ("Giờ/năm", "Hours/yr"),
    "gr_vnd_year": ("VND/năm", "VND/yr"),
    "gr_written": ("{path} ({nodes} nút, {edges} cạnh)", "{path} ({nodes} nodes, {edges} edges)"),
    # keys
    "key_created": ("đã tạo khóa {id} ({role}); mã khóa ở trên chỉ hiện một lần này", "key {id} ({role}) created; the token above is shown only once"),
    "key_revoked": ("đã thu hồi khóa {id} ({name})", "key {id} ({name}) revoked"),
    "key_none": ("không có khóa {id}", "no key {id}"),
    "key_id": ("Mã", "Id"),
    "key_name": ("Tên", "Name"),
    "key_role": ("Vai trò", "Role"),
    "key_prefix": ("Tiền tố", "Prefix"),
    "key_rate": ("Yêu cầu/giây", "Rate/s"),
    "key_created_at": ("Tạo lúc", "Created"),
    "key_revoked_at": ("Thu hồi lúc", "Revoked"),
    "key_empty": ("Chưa có khóa nào (onceonly keys create TÊN --role portal).", "No key yet (onceonly keys create NAME --role portal)."),
    # reports
    "rp_gaps": ("Chưa tái cấu trúc (Điều 3.2): {n} thủ tục vẫn nêu giấy tờ thuộc Điều 4", "Art. 3.2 gaps: {n} procedure(s) still list an Art. 4 document"),
    "rp_estimated_volumes": ("{n} thủ tục dùng số hồ sơ ước tính", "{n} procedure(s) on an estimated volume"),
    "rp_none": ("Không có thành phần nào được cắt giảm với bộ lọc này.", "No requirement is struck or replaced with these filters."),
    # report compliance
    "co_answer": (
        "[bold]Đối chiếu Phụ lục I, II Nghị quyết 66.7/2025/NQ-CP[/bold] — ngày {day}: {asked} dòng mà hồ sơ trên Cổng vẫn nêu giấy tờ "
        "đã được thay thế ({overdue} quá hạn {days} ngày theo Điều 7); công cụ bỏ {struck}, bỏ có điều kiện {conditional}; "
        "{missing} thủ tục không có trong danh mục; {unencoded} dòng chưa mã hoá.",
        "[bold]Res. 66.7/2025/NQ-CP Appendices I and II[/bold] on {day}: {asked} rows whose portal dossier still names the replaced paper "
        "({overdue} past Art. 7's {days} days); the engine strikes {struck}, {conditional} conditionally; "
        "{missing} procedures not in the catalogue; {unencoded} rows not encoded.",
    ),
    "co_item": ("Mục", "Item"),
    "co_procedure": ("Thủ tục", "Procedure"),
    "co_paper": ("Giấy tờ", "Paper"),
    "co_state": ("Tình trạng", "State"),
    "co_days": ("Số ngày", "Days"),
    "co_overdue": (" — quá hạn", " — overdue"),
    "co_by_ministry": ("Theo bộ, ngành", "By ministry"),
    "co_rows": ("Dòng", "Rows"),
    "co_asked": ("Vẫn nêu", "Still named"),
    "co_overdue_col": ("Quá hạn", "Overdue"),
    "co_struck": ("Đã bỏ", "Struck"),
    "co_missing": ("Không có trong danh mục", "Not in catalogue"),
    "co_candidates": (
        "Ứng viên cho danh mục sau: {n} giấy tờ công cụ bỏ theo Điều 4 (qua Điều 3.2) mà không dòng Phụ lục nào nêu (--format xlsx để xem).",
        "Candidates for the next list: {n} papers struck under Art. 4 (via Art. 3.2) that no appendix row lists (see --format xlsx).",
    ),
    # law
    "law_line": ("Phụ lục {appendix}: {encoded}/{rows} dòng đã mã hoá; tên CSDL nhận ra {databases}/{rows}; giấy tờ nhận ra {documents}/{rows}",
                 "Appendix {appendix}: {encoded}/{rows} rows encoded; databases recognised {databases}/{rows}; papers recognised {documents}/{rows}"),
    "law_stale": ("chưa cập nhật: {path} (chạy `onceonly law appendices` không có --check)", "out of date: {path} (run `onceonly law appendices` without --check)"),
    # simulate
    "sim_title": ("{name} ({id}) — so sánh ngày {day}", "{name} ({id}) — diff on {day}"),
    "sim_estimate": ("ước tính: dựa trên các giả định sau", "estimate: rests on the assumptions below"),
    "sim_pop_exact": ("Người nộp: tỉ lệ kỳ vọng chính xác của {file} (mặc định; --population N để mô phỏng N người nộp tổng hợp); tỉ lệ là của người nộp, không phải của thủ tục.",
                      "Applicants: the exact expected shares of {file} (default; --population N simulates N synthetic applicants); shares are of applicants, not of procedures."),
    "sim_pop_synthetic": ("Người nộp: {size} người nộp tổng hợp (hạt giống {seed}); tỉ lệ là của người nộp, không phải của thủ tục.",
                          "Applicants: {size} synthetic applicants (seed {seed}); shares are of applicants, not of procedures."),
    "sim_no_pop": ("Không có tập người nộp: 'có điều kiện' = chỉ không phải nộp với một số người nộp.",
                   "No population: 'conditional' = struck only for some applicants."),
    "sim_affected": ("Thủ tục kịch bản có thể thay đổi: {n} trên {total}", "Procedures the scenario can change: {n} of {total}"),
    "sim_total": ("Tổng", "Total"),
    "sim_all": ("tất cả", "all"),
    "sim_scope": ("Phạm vi", "Scope"),
    "sim_by_ministry": ("Theo bộ, ngành", "By ministry"),
    "sim_by_source": ("Theo CSDL", "By source"),
    "sim_by_procedure": ("Theo thủ tục", "By procedure"),
    "sim_documents": ("Tỉ lệ người nộp không phải nộp giấy tờ", "Share of applicants for whom the document is struck"),
    "sim_document_type": ("Loại giấy tờ", "Document type"),
    "sim_baseline": ("Hiện trạng", "Baseline"),
    "sim_scenario": ("Kịch bản", "Scenario"),
    "sim_timeline": ("Theo tháng (ngày đầu mỗi tháng)", "Month by month (first day of each month)"),
    "sim_date": ("Ngày", "Date"),
    "sim_base_avoided": ("Hiện trạng: bản/năm được miễn", "Baseline copies avoided/yr"),
    "sim_scen_avoided": ("Kịch bản: bản/năm được miễn", "Scenario copies avoided/yr"),
    "sim_timeline_flat": ("Theo tháng ({first} … {last}): không thay đổi ({value} bản/năm được miễn mỗi tháng, cả hiện trạng và kịch bản).",
                          "Month by month ({first} … {last}): no change ({value} copies avoided a year every month, baseline and scenario)."),
    "sim_outage": ("Gián đoạn {source} {start}…{end} ({days} ngày, {status}): thêm {copies} bản giấy và {hours} giờ trong thời gian đó",
                   "Outage of {source} {start}..{end} ({days} day(s), {status}): {copies} copies and {hours} hours over the window"),
    "sim_chart": ("đã ghi biểu đồ vào {path}", "chart written to {path}"),
    "sim_procs": ("Thủ tục", "Procs"),
    "sim_reqs_removed": ("Thành phần giảm", "Reqs −"),
    "sim_reqs_added": ("Thành phần tăng", "Reqs +"),
    "sim_copies_removed": ("Bản giảm", "Copies −"),
    "sim_copies_added": ("Bản tăng", "Copies +"),
    "sim_copies_removed_y": ("Bản giảm/năm", "Copies −/yr"),
    "sim_copies_added_y": ("Bản tăng/năm", "Copies +/yr"),
    "sim_hours": ("Giờ tiết kiệm/năm", "Hours saved/yr"),
    "sim_vnd": ("VND tiết kiệm/năm", "VND saved/yr"),
    "sim_cond_removed": ("Có điều kiện giảm", "Cond −"),
    "sim_cond_added": ("Có điều kiện tăng", "Cond +"),
    "rm_title": ("Lộ trình ngày {day} (chọn dần theo {metric} tăng thêm)", "Roadmap on {day} (greedy by marginal {metric})"),
    "rm_metric_hours_saved_per_year": ("số giờ tiết kiệm/năm", "hours saved a year"),
    "rm_step": ("Bước", "Step"),
    "rm_candidate": ("Phương án", "Candidate"),
    "rm_cum_hours": ("Cộng dồn giờ/năm", "Cum. hours/yr"),
    "rm_cum_vnd": ("Cộng dồn VND/năm", "Cum. VND/yr"),
    "rm_note": ("* dựa trên các giả định nêu trong tệp của nó. Người nộp: {pop}", "* rests on assumptions stated in its file. Population: {pop}"),
    "rm_pop_exact": ("tỉ lệ kỳ vọng chính xác", "exact expected shares"),
    "rm_pop_synthetic": ("{size} người nộp tổng hợp", "{size} synthetic applicants"),
    "rm_not_chosen": ("Không được chọn (giới hạn --budget): {names}", "Not chosen (budget): {names}"),
}


def say(key: str, lang: str, **values) -> str:
    """The command-line text ``key`` of :data:`CLI` in ``lang``, with ``values`` filled in."""
    return label(CLI, key, lang).format(**values)


def attribute_name(attribute: str, lang: str) -> str:
    return label(ATTRIBUTE_NAMES, attribute, lang)


def attribute_value(attribute: str, value: str, lang: str) -> str:
    pair = ATTRIBUTE_VALUES.get((attribute, value))
    if pair is None:
        return value
    return pair[1] if lang == "en" else pair[0]


def applicant_words(attrs: dict, lang: str) -> str:
    """An applicant's attributes in words: "công dân Việt Nam, VNeID mức 2"."""
    return ", ".join(attribute_value(a, str(v), lang) for a, v in attrs.items())


def condition_words(struck_if: dict[str, list[str]], lang: str) -> str:
    """A ``struck_if`` condition in words: "người nộp là công dân Việt Nam"."""
    joiner = label(CLI, "and", lang)
    parts = []
    for attribute, values in struck_if.items():
        words = label(CLI, "or", lang).join(attribute_value(attribute, v, lang) for v in values)
        parts.append(f"{attribute_name(attribute, lang).lower()}: {words}")
    return joiner.join(parts)
