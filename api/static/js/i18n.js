// Every UI string, Vietnamese first, English second. t(key, vars) picks the current language.
const STRINGS = {
  skip: ["Bỏ qua điều hướng", "Skip navigation"],
  tagline: ["Giấy tờ không cần yêu cầu lại (NQ 66.7/2025/NQ-CP)", "Documents no longer to ask for (Res. 66.7/2025/NQ-CP)"],
  nav: ["Điều hướng chính", "Main navigation"],
  nav_overview: ["Tổng quan", "Overview"],
  nav_procedures: ["Thủ tục", "Procedures"],
  nav_whatif: ["Giả định", "What-if"],
  nav_graph: ["Đồ thị liên ngành", "Agency graph"],
  lang_switch: ["English", "Tiếng Việt"],
  loading: ["Đang tải…", "Loading…"],
  save: ["Lưu", "Save"],
  key_title: ["Khoá API", "API key"],
  key_change: ["Khoá API", "API key"],
  key_help: ["Dán khoá API của cán bộ (vai trò officer). Khoá chỉ được lưu trong trình duyệt này.",
    "Paste an officer API key (role officer). It is kept in this browser only."],
  key_label: ["Khoá API", "API key"],
  key_forget: ["Xoá khoá", "Forget key"],
  key_needed: ["Cần khoá API để xem dữ liệu.", "An API key is needed to see the data."],
  key_enter: ["Nhập khoá API", "Enter an API key"],
  key_refused: ["Khoá API không hợp lệ hoặc đã bị thu hồi.", "The API key is unknown or revoked."],
  key_role: ["Khoá này không đủ quyền: cần vai trò officer (cán bộ).", "This key may not do this: the officer role is needed."],
  err_network: ["Không kết nối được máy chủ ({detail}).", "Cannot reach the server ({detail})."],
  err_http: ["Máy chủ trả lỗi {status} ({code}): {message}", "The server answered {status} ({code}): {message}"],
  err_missing_endpoint: ["Máy chủ này chưa có chức năng {method} {path} (API chưa triển khai). Phần này sẽ hoạt động khi API được cập nhật.",
    "This server does not offer {method} {path} yet (not in the API). This part works once the API has it."],
  err_rate: ["Quá nhiều yêu cầu; thử lại sau {after} giây.", "Too many requests; try again in {after} s."],
  retry: ["Thử lại", "Retry"],
  date: ["Ngày áp dụng", "As of"],
  ministry: ["Bộ, ngành", "Ministry"],
  source: ["Cơ sở dữ liệu", "Database"],
  all: ["Tất cả", "All"],
  apply: ["Áp dụng", "Apply"],
  none: ["(không có)", "(none)"],
  procedures: ["Thủ tục", "Procedures"],
  procedure: ["Thủ tục", "Procedure"],
  requirements: ["Thành phần hồ sơ", "Requirements"],
  copies: ["Bản giấy", "Copies"],
  conditional_copies: ["Bản giấy có điều kiện", "Conditional copies"],
  conditional_requirements: ["Thành phần có điều kiện", "Conditional requirements"],
  // overview
  ov_title: ["Tổng quan: giấy tờ không cần yêu cầu", "Overview: documents no longer asked for"],
  ov_kpis: ["Chỉ số vận hành (từ các lượt đánh giá thực tế)", "Live KPIs (from real evaluations)"],
  ov_kpi_day: ["trong ngày {day}", "on {day}"],
  kpi_evaluations: ["Lượt đánh giá", "Evaluations"],
  kpi_documents: ["Giấy tờ không phải nộp", "Documents not requested"],
  kpi_copies: ["Bản giấy không phải nộp", "Copies not requested"],
  kpi_before_after: ["Bản giấy trước → sau", "Copies before → after"],
  ov_report: ["Bản sao không cần thiết theo quy định tại ngày {day}", "Unnecessary copies under the rules on {day}"],
  ov_total_copies: ["Bản giấy được miễn", "Copies no longer needed"],
  ov_total_reqs: ["Thành phần hồ sơ được miễn", "Requirements struck or replaced"],
  ov_total_procs: ["Thủ tục có thay đổi", "Procedures affected"],
  ov_evaluated: ["Thủ tục đã đánh giá", "Procedures evaluated"],
  ov_gaps: ["Thủ tục chưa tái cấu trúc (Điều 3.2)", "Procedures not re-engineered (Art. 3.2)"],
  ov_by_ministry: ["Theo bộ, ngành", "By ministry"],
  ov_by_source: ["Theo cơ sở dữ liệu", "By database"],
  ov_download: ["Tải Excel", "Download Excel"],
  ov_downloading: ["Đang tạo tệp Excel…", "Building the Excel file…"],
  ov_downloaded: ["Đã tải {file}", "Downloaded {file}"],
  ov_table_caption: ["Tổng hợp bản giấy không cần thiết theo bộ, ngành", "Unnecessary copies by ministry"],
  ov_src_caption: ["Tổng hợp theo cơ sở dữ liệu", "By database"],
  ov_load_ms: ["Tải trong {ms} ms", "Loaded in {ms} ms"],
  ov_no_kpis: ["Chưa có lượt đánh giá nào được ghi nhận cho ngày này.", "No evaluations recorded for this day yet."],
  ov_sources: ["Cơ sở dữ liệu được công bố", "Announced databases"],
  status: ["Trạng thái", "Status"],
  // procedures
  pr_title: ["Tra cứu thủ tục", "Find a procedure"],
  pr_search: ["Mã hoặc từ khoá", "Code or words"],
  pr_results: ["Kết quả tìm kiếm", "Search results"],
  pr_search_btn: ["Tìm", "Search"],
  pr_found: ["{n} thủ tục", "{n} procedures"],
  pr_none: ["Không tìm thấy thủ tục nào.", "No procedure found."],
  pr_more: ["Xem thêm", "More"],
  pr_profile: ["Hồ sơ người yêu cầu", "Applicant profile"],
  pr_profile_help: ["Chọn giá trị cho các thuộc tính làm thay đổi quyết định; mỗi lựa chọn sẽ đánh giá lại.",
    "Choose values for the attributes that change the decision; each choice re-evaluates."],
  pr_unknown: ["Chưa biết", "Not given"],
  pr_other: ["Giá trị khác", "Other value"],
  pr_set: ["Đặt", "Set"],
  pr_channel: ["Kênh nộp", "Channel"],
  ch_online: ["Trực tuyến", "Online"],
  ch_in_person: ["Trực tiếp", "In person"],
  ch_post: ["Bưu chính", "Post"],
  pr_summary: ["{req} thành phần: {struck} miễn, {replaced} thay thế, {required} vẫn yêu cầu ({cond} có điều kiện). Bản giấy: {before} → {after}.",
    "{req} requirements: {struck} struck, {replaced} replaced, {required} still required ({cond} conditional). Copies: {before} → {after}."],
  pr_missing: ["Quyết định phụ thuộc vào: {attrs}", "The decision depends on: {attrs}"],
  pr_struck_if: ["Được miễn nếu", "Struck if"],
  pr_legal: ["Căn cứ pháp lý", "Legal basis"],
  pr_fallback: ["Nếu không khai thác được", "If the lookup fails"],
  pr_explanation: ["Giải thích", "Explanation"],
  pr_rule: ["Quy tắc", "Rule"],
  pr_docs: ["Loại giấy tờ", "Document types"],
  pr_versions: ["Danh mục {cat}, quy tắc {rules}, trạng thái nguồn {state}", "Catalogue {cat}, rules {rules}, source state {state}"],
  pr_pick: ["Chọn một thủ tục trong kết quả tìm kiếm.", "Pick a procedure from the search results."],
  pr_agency: ["Cơ quan", "Agency"],
  pr_field: ["Lĩnh vực", "Field"],
  pr_level: ["Cấp thực hiện", "Level"],
  st_required: ["Vẫn yêu cầu", "Required"],
  st_struck: ["Được miễn", "Struck"],
  st_replaced: ["Được thay thế", "Replaced"],
  st_not_applicable: ["Không áp dụng", "Not applicable"],
  st_conditional: ["Có điều kiện", "Conditional"],
  pr_attr_values_missing: ["(Danh sách giá trị thuộc tính chưa có từ API: chỉ hiện các giá trị trong struck_if; có thể nhập giá trị khác.)",
    "(Attribute values are not served by the API yet: only struck_if values shown; another value can be typed.)"],
  // what-if
  wi_title: ["Giả định: nếu cơ sở dữ liệu X được công bố, gián đoạn…", "What-if: if database X is announced, goes down…"],
  wi_scenario: ["Kịch bản", "Scenario"],
  wi_compare: ["So sánh với", "Compare with"],
  wi_no_compare: ["(không so sánh)", "(no comparison)"],
  wi_run: ["Chạy", "Run"],
  wi_running: ["Đang mô phỏng…", "Simulating…"],
  wi_edit: ["Chỉnh sửa kịch bản (JSON)", "Edit the scenario (JSON)"],
  wi_edit_help: ["Sửa ngày, nguồn, phạm vi trong các thao tác; khi chạy, kịch bản đã sửa được gửi kèm.",
    "Edit dates, sources, coverage in the operations; the edited scenario is sent when you run."],
  wi_reset: ["Khôi phục", "Reset"],
  wi_bad_json: ["JSON không hợp lệ: {msg}", "Invalid JSON: {msg}"],
  wi_as_of: ["Ngày so sánh", "Diff on"],
  wi_from: ["Từ tháng", "From"],
  wi_to: ["Đến tháng", "To"],
  wi_totals: ["Tổng", "Totals"],
  wi_copies_removed: ["Bản giấy giảm", "Copies removed"],
  wi_copies_added: ["Bản giấy tăng", "Copies added"],
  wi_copies_removed_y: ["Bản giấy giảm/năm", "Copies removed/yr"],
  wi_copies_added_y: ["Bản giấy tăng/năm", "Copies added/yr"],
  wi_hours: ["Giờ tiết kiệm/năm", "Hours saved/yr"],
  wi_vnd: ["VND tiết kiệm/năm", "VND saved/yr"],
  wi_reqs_removed: ["Thành phần giảm", "Requirements removed"],
  wi_reqs_added: ["Thành phần tăng", "Requirements added"],
  wi_cond_removed: ["Có điều kiện giảm", "Conditional removed"],
  wi_cond_added: ["Có điều kiện tăng", "Conditional added"],
  wi_procs: ["Thủ tục bị ảnh hưởng", "Procedures affected"],
  wi_timeline: ["Theo tháng: bản giấy được miễn/năm", "Month by month: copies avoided a year"],
  wi_baseline: ["Hiện trạng", "Baseline"],
  wi_by_ministry: ["Theo bộ, ngành", "By ministry"],
  wi_estimate: ["Ước tính: dựa trên các giả định dưới đây", "Estimate: rests on the assumptions below"],
  wi_cost_note: ["Lưu ý mô hình chi phí: {note}", "Cost model note: {note}"],
  wi_outage: ["Gián đoạn {source} {from}…{to} ({days} ngày): thêm {copies} bản giấy, {hours} giờ", "Outage of {source} {from}…{to} ({days} day(s)): {copies} more copies, {hours} hours"],
  wi_cond_copies_removed: ["Bản giấy có điều kiện giảm", "Conditional copies removed"],
  wi_cond_copies_added: ["Bản giấy có điều kiện tăng", "Conditional copies added"],
  wi_cond_hours: ["Giờ tiết kiệm có điều kiện/năm", "Conditional hours saved/yr"],
  wi_dates: ["{a}: so sánh tại {da}; {b}: tại {db} (mỗi kịch bản dùng ngày của nó trừ khi bạn đổi ngày ở trên). Mỗi kịch bản so với hiện trạng trên phạm vi thủ tục của nó.",
    "{a}: diff on {da}; {b}: on {db} (each scenario keeps its own dates unless you change them above). Each is compared with the baseline over the procedures it can change."],
  wi_side: ["So sánh hai kịch bản", "Two scenarios side by side"],
  wi_metric: ["Chỉ số", "Metric"],
  wi_top_procs: ["Thủ tục thay đổi nhiều nhất", "Procedures that change most"],
  // graph
  gr_title: ["Đồ thị phụ thuộc liên ngành", "Cross-agency dependency graph"],
  gr_kind: ["Xem theo", "View by"],
  gr_by_ministry: ["Bộ, ngành", "Ministry"],
  gr_by_source: ["Cơ sở dữ liệu", "Database"],
  gr_show: ["Hiển thị", "Show"],
  gr_help: ["Mũi tên A → B: thủ tục của A cần giấy tờ hoặc dữ liệu do B cấp, giữ. Cuộn để phóng to, kéo để di chuyển, bấm vào nút để xem chi tiết; phím Tab chọn nút trong danh sách bên cạnh.",
    "Arrow A → B: A's procedures need documents issued, or data held, by B. Scroll to zoom, drag to pan, click a node for details; Tab through the list beside it."],
  gr_fit: ["Vừa khung", "Fit"],
  gr_zoom_in: ["Phóng to", "Zoom in"],
  gr_zoom_out: ["Thu nhỏ", "Zoom out"],
  gr_nodes: ["Các nút", "Nodes"],
  gr_details: ["Chi tiết", "Details"],
  gr_click: ["Bấm vào một nút để xem thủ tục và số liệu.", "Click a node for its procedures and figures."],
  gr_empty: ["Không có phụ thuộc nào cho lựa chọn này.", "No dependency for this choice."],
  gr_needs: ["{from} cần {to}", "{from} needs {to}"],
  gr_doc_reqs: ["Thành phần cần giấy tờ", "Document requirements"],
  gr_data_reqs: ["Thành phần khai thác dữ liệu", "Data requirements"],
  gr_volume: ["Hồ sơ/năm", "Dossiers/yr"],
  gr_est: ["(một phần ước tính)", "(partly estimated)"],
  gr_edges: ["Quan hệ", "Links"],
  gr_agency_procs: ["Thủ tục của cơ quan này", "This agency's procedures"],
  gr_impact: ["Nếu {source} {change}: {n} thành phần của {p} thủ tục thay đổi; {copies} bản giấy/năm ({hours} giờ).",
    "If {source} goes {change}: {n} requirements in {p} procedures flip; {copies} copies a year ({hours} hours)."],
  gr_flips: ["Thành phần thay đổi", "Requirements that flip"],
  before: ["Trước", "Before"],
  after: ["Sau", "After"],
};

let lang = localStorage.getItem("onceonly.lang") === "en" ? "en" : "vi";

export function getLang() { return lang; }

export function setLang(next) {
  lang = next === "en" ? "en" : "vi";
  localStorage.setItem("onceonly.lang", lang);
  document.documentElement.lang = lang;
}

export function t(key, vars = {}) {
  const pair = STRINGS[key];
  let s = pair ? pair[lang === "en" ? 1 : 0] : key;
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** A {vi, en} object (or a plain string) in the current language. */
export function pick(text) {
  if (text == null) return "";
  if (typeof text === "string") return text;
  return (lang === "en" ? text.en || text.vi : text.vi || text.en) || "";
}

/** Fill every [data-i18n] element (and [data-i18n-aria] aria-label) of root. */
export function applyStatic(root = document) {
  root.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll("[data-i18n-aria]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.i18nAria)); });
}

const nf = () => new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 0 });
export function num(v) { return v == null || Number.isNaN(v) ? "—" : nf().format(v); }

export const STRING_KEYS = Object.keys(STRINGS);
