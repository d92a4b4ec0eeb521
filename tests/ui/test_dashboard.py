"""The dashboard end to end: real server, real headless Chromium (issue 7).

Each page is opened, used as an officer would, and photographed into
``test-artifacts/ui/``. Parts that call an endpoint the API does not serve yet
check that the page says so (a clear error state), then skip with that reason.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, onceonly_cmd, shot, start_server, wait_overview

pytestmark = pytest.mark.browser

PORTAL_DATA = Path(os.environ.get("ONCEONLY_PORTAL_DATA", ROOT.parent / "shared" / "data" / "portal-2026"))
DAY = "2026-06-01"


def open_route(page, server, route: str) -> None:
    page.goto(f"{server.base}/#/{route}")


def expect_missing(page, selector: str, what: str) -> None:
    """The page states that the endpoint is missing (not a blank or a stack trace)."""
    box = page.locator(f"{selector} .error[data-code='not_found']").first
    box.wait_for()
    text = box.inner_text()
    assert "API" in text, text
    pytest.skip(f"{what} is not served by the API yet; the page shows: {text!r}")


def number(text: str) -> float:
    digits = re.sub(r"[^\d\-]", "", text)
    return float(digits) if digits not in ("", "-") else 0.0


# --- the page is served ----------------------------------------------------------------------

def test_static_assets_are_served_without_cdn(server):
    status, body = server.get("/")
    assert status == 200 and b'<html lang="vi">' in body
    assert b"http://" not in body and b"https://" not in body, "no CDN: every asset is local"
    for asset in ("/ui/app.css", "/ui/js/app.js", "/ui/vendor/chart-4.6.1.umd.min.js", "/ui/vendor/cytoscape-3.34.4.min.js"):
        status, _ = server.get(asset)
        assert status == 200, asset
    # Unknown API paths keep the API's JSON error shape.
    status, body = server.get("/api/v1/no-such-thing")
    assert status == 404 and b'"error"' in body


# --- key ---------------------------------------------------------------------------------------

def test_asks_for_the_key_once_and_refuses_a_bad_one(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(server.base + "/")
        dialog = page.locator("#key-dialog")
        dialog.wait_for(state="visible")
        page.get_by_role("textbox", name="Khoá API").fill("oo_not-a-real-key")
        page.locator("#key-form button[type=submit]").click()
        page.locator("#key-error").wait_for(state="visible")
        assert "không hợp lệ" in page.locator("#key-error").inner_text()
        page.get_by_role("textbox", name="Khoá API").fill(server.key)
        page.locator("#key-form button[type=submit]").click()
        page.locator("#main[data-ready='true']").wait_for()
        assert page.evaluate("localStorage.getItem('onceonly.apiKey')") == server.key
        page.reload()  # stored: not asked again
        page.locator("#main[data-ready='true']").wait_for()
        assert not dialog.is_visible()
    finally:
        context.close()


# --- overview ----------------------------------------------------------------------------------

def test_overview(page, server):
    # Some traffic first, so the live KPIs have something to count.
    for nationality in ("vn", "foreign"):
        status, _ = server.post("/api/v1/evaluations", {"procedure": "1.001193", "applicant": {"nationality": nationality}, "as_of": DAY})
        assert status == 200
    open_route(page, server, "overview")
    page.locator("#main[data-ready='true']").wait_for()
    assert page.locator("nav a[aria-current='page']").inner_text() == "Tổng quan"
    assert number(page.locator("[data-kpi='evaluations'] .v").first.inner_text()) >= 2
    assert page.locator("#ov-sources tbody tr").count() >= 9
    if not server.has_route("get", "/api/v1/reports/unnecessary"):
        shot(page, "overview")
        expect_missing(page, "#main", "GET /api/v1/reports/unnecessary")
    # A chosen date: the route carries it and the report follows.
    page.get_by_label("Ngày áp dụng").fill(DAY)
    page.get_by_role("button", name="Áp dụng").click()
    page.wait_for_url(re.compile(r"as_of=2026-06-01"))
    wait_overview(page)
    assert page.locator("#ov-table-ministry tbody tr").count() >= 1
    assert page.locator("#ov-table-ministry tbody tr[data-key='bo-tu-phap']").count() == 1
    assert number(page.locator("#ov-totals [data-kpi='conditional_copies'] .v").inner_text()) > 0
    assert page.locator("#ov-chart-ministry").bounding_box()["height"] > 100
    shot(page, "overview")
    with page.expect_download() as dl:
        page.locator("#ov-xlsx").click()
    path = dl.value.path()
    assert dl.value.suggested_filename.endswith(".xlsx")
    assert Path(path).read_bytes()[:2] == b"PK", "an xlsx file (a zip)"


# --- procedures --------------------------------------------------------------------------------

def choose(page, attribute: str, value: str) -> None:
    group = page.locator(f"#pr-profile [data-attribute='{attribute}']")
    button = group.locator(f"button[data-value='{value}']")
    if button.count():
        button.click()
    else:  # values not served by the API: type it
        group.get_by_label(re.compile(f"^{attribute}:")).fill(value)
        group.locator("form button[type=submit]").click()


def status_of(page, requirement: str) -> str:
    return page.locator(f"#pr-decisions [data-requirement='{requirement}']").get_attribute("data-status")


def test_procedure_search_and_decision_flip(page, server):
    open_route(page, server, "procedures")
    page.get_by_label("Mã hoặc từ khoá").fill("khai sinh")
    page.get_by_role("button", name="Tìm").click()
    link = page.locator("#pr-results a[data-code='1.001193']")
    link.wait_for()
    assert page.locator("#pr-results a").count() >= 2
    link.click()
    page.locator("#pr-decisions").wait_for()
    page.get_by_label("Ngày áp dụng").fill(DAY)
    page.get_by_label("Ngày áp dụng").dispatch_event("change")
    page.wait_for_url(re.compile("as_of=2026-06-01"))
    page.locator("#pr-decisions").wait_for()
    # No profile: identity hangs on nationality (required, conditional, struck_if offered).
    identity = page.locator("#pr-decisions [data-requirement='identity']")
    assert identity.get_attribute("data-conditional") == "true"
    assert "nationality" in page.locator("#pr-missing").inner_text()
    assert identity.locator("button[data-attribute='nationality'][data-value='vn']").count() == 1
    for label in ("Căn cứ pháp lý", "Nếu không khai thác được", "Giải thích", "Cơ sở dữ liệu"):
        assert label in identity.inner_text()
    # nationality vn -> struck
    choose(page, "nationality", "vn")
    page.wait_for_url(re.compile(r"a\.nationality=vn"))
    page.locator("#pr-decisions [data-requirement='identity'][data-status='struck']").wait_for()
    assert status_of(page, "identity") == "struck"
    assert page.locator("#pr-profile [data-attribute='nationality'] button[data-value='vn']").get_attribute("aria-pressed") == "true"
    shot(page, "procedure-vn")
    # foreign -> required (not conditional any more)
    choose(page, "nationality", "foreign")
    page.wait_for_url(re.compile(r"a\.nationality=foreign"))
    page.locator("#pr-decisions [data-requirement='identity'][data-status='required']").wait_for()
    assert status_of(page, "identity") == "required"
    assert page.locator("#pr-decisions [data-requirement='identity']").get_attribute("data-conditional") == "false"
    # The struck_if choice on the requirement itself flips it back.
    shot(page, "procedure-foreign")


def test_unknown_procedure_says_so(page, server):
    open_route(page, server, "procedures/9.999999")
    box = page.locator("#pr-detail .error")
    box.wait_for()
    # In plain words (issue 13); the status and code only in the technical details.
    assert "Không có thủ tục này" in box.inner_text() and "unknown_procedure" not in box.inner_text()
    box.locator("details.tech summary").click()
    assert "404 unknown_procedure" in box.inner_text()


# --- what-if -----------------------------------------------------------------------------------

def test_whatif_run_and_compare(page, server):
    open_route(page, server, "whatif")
    if not server.has_route("post", "/api/v1/simulations"):
        page.locator("#main .error").first.wait_for()
        shot(page, "whatif")
        expect_missing(page, "#main", "The simulations API (GET /api/v1/simulations/scenarios, POST /api/v1/simulations)")
    page.get_by_label("Kịch bản", exact=True).select_option("population-outage")
    page.get_by_role("button", name="Chạy").click()
    page.locator("#wi-results[data-done='true'] #wi-totals").wait_for(timeout=120_000)
    shown = number(page.locator("#wi-totals [data-metric='procedures'] .v").inner_text())
    # The page assumes applicants by default (the population parameters' expected shares).
    status, direct = server.post("/api/v1/simulations", {"scenario": "population-outage", "population": "expected"})
    assert status == 200
    assert shown == direct["totals"]["procedures"] > 0
    assert page.locator("#wi-chart-timeline").bounding_box()["height"] > 100
    # Two scenarios side by side.
    page.get_by_label("So sánh với").select_option("diplomas-database-2025")
    page.get_by_role("button", name="Chạy").click()
    page.locator("#wi-results[data-done='true'] #wi-compare").wait_for(timeout=120_000)
    assert page.locator("#wi-compare tbody tr").count() >= 8
    shot(page, "whatif")
    # An edited scenario with a mistake: the page says what is wrong.
    page.locator("#wi-edit summary").click()
    page.locator("#wi-json").fill("{not json")
    page.get_by_role("button", name="Chạy").click()
    assert "JSON" in page.get_by_role("alert").first.inner_text()


# --- graph -------------------------------------------------------------------------------------

def test_graph_ministry_and_source(page, server):
    open_route(page, server, f"graph?as_of={DAY}")
    if not server.has_route("get", "/api/v1/graph/dependents"):
        page.locator("#gr-answer .error").wait_for()
        shot(page, "graph")
        expect_missing(page, "#gr-answer", "GET /api/v1/graph/dependents")
    page.locator("#cy[data-nodes]").wait_for()
    assert int(page.locator("#cy").get_attribute("data-nodes")) >= 3
    # By agency: who needs the Ministry of Public Security's papers or data.
    page.get_by_label("Xem theo").select_option("agency")
    page.wait_for_url(re.compile("kind=agency"))
    page.get_by_label("Cơ quan", exact=True).select_option("bo-cong-an")
    page.wait_for_url(re.compile("id=bo-cong-an"))
    page.locator("#cy[data-nodes]").wait_for()
    # Keyboard: the node list is buttons; pressing one shows the ministry and its figures.
    button = page.locator("#gr-nodes button[data-node='m:bo-tu-phap']")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#gr-node-title").inner_text() == "Bộ Tư pháp"
    page.locator("#gr-details dl").wait_for()
    # Zoom by the buttons and by the canvas itself (mouse wheel).
    before = page.evaluate("document.querySelector('#cy') && 1")
    page.get_by_role("button", name="Phóng to").click()
    box = page.locator("#cy").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    assert before == 1
    shot(page, "graph")
    page.get_by_label("Xem theo").select_option("source")
    page.wait_for_url(re.compile("kind=source"))
    page.get_by_label("Cơ sở dữ liệu", exact=True).select_option("population")
    page.wait_for_url(re.compile("id=population"))
    page.locator("#gr-answer-text").wait_for()
    page.locator("#cy[data-nodes]").wait_for()
    page.locator("#gr-nodes button").first.click()
    page.locator("#gr-node-title").wait_for()
    shot(page, "graph-source")


# --- language ----------------------------------------------------------------------------------

def test_language_switch(page, server):
    open_route(page, server, "procedures/1.001193?as_of=2026-06-01&a.nationality=vn")
    page.locator("#pr-decisions").wait_for()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("nav a[data-route='procedures']").inner_text() == "Thủ tục"
    page.get_by_role("button", name="English").click()
    page.locator("#pr-decisions").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("nav a[data-route='overview']").inner_text() == "Overview"
    assert "Struck" in page.locator("#pr-decisions [data-requirement='identity'] .badge").first.inner_text()
    assert "Birth registration" in page.locator("#pr-name").inner_text()
    shot(page, "procedure-en")
    open_route(page, server, "overview")
    page.locator("#main[data-ready='true']").wait_for()
    assert "Overview" in page.locator("h1").inner_text()
    shot(page, "overview-en")
    page.get_by_role("button", name="Tiếng Việt").click()
    assert page.locator("nav a[data-route='overview']").inner_text() == "Tổng quan"


def test_every_ui_string_has_both_languages():
    text = (ROOT / "api" / "static" / "js" / "i18n.js").read_text(encoding="utf-8")
    body = text.split("const STRINGS = {", 1)[1].split("\n};", 1)[0]
    entries = re.findall(r'^\s*(\w+):\s*\["((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\]', body, re.M)
    keys = re.findall(r"^\s*(\w+):", body, re.M)
    assert len(entries) == len(keys) > 100
    used = set()
    for js in (ROOT / "api" / "static" / "js").rglob("*.js"):
        used |= set(re.findall(r'\bt\("(\w+)"', js.read_text(encoding="utf-8")))
    html = (ROOT / "api" / "static" / "index.html").read_text(encoding="utf-8")
    used |= set(re.findall(r'data-i18n(?:-aria)?="(\w+)"', html))
    missing = used - set(keys)
    assert not missing, f"strings used but not in the i18n table: {sorted(missing)}"


# --- overview load on the national catalogue ---------------------------------------------------

@pytest.mark.shared
def test_overview_load_on_national_catalogue(browser, tmp_path):
    if not PORTAL_DATA.is_dir():
        pytest.skip(f"the national catalogue fixture is absent ({PORTAL_DATA})")
    db = tmp_path / "national.db"
    url = f"sqlite:///{db}"
    env = {**os.environ, "ONCEONLY_HOME": str(tmp_path / "home")}
    subprocess.run([*onceonly_cmd(), "import", str(PORTAL_DATA), "--into", url], env=env, cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    srv = start_server(tmp_path / "home", catalogue=url)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(f"localStorage.setItem('onceonly.apiKey', '{srv.key}'); localStorage.setItem('onceonly.lang', 'vi');")
    page = context.new_page()
    try:
        status, body = srv.get("/api/v1/catalogue")
        assert status == 200
        timings = []
        for _ in range(4):  # the first one also fills the server's decision cache and the browser's
            page.goto("about:blank")  # a real navigation each time (a hash change would not reload)
            page.goto(f"{srv.base}/#/overview?as_of={DAY}")
            page.locator("#main[data-ready='true']").wait_for(timeout=120_000)
            # From navigation start to every section (KPIs, report, charts, tables, sources) shown.
            timings.append(page.evaluate("performance.now()"))
        has_report = srv.has_route("get", "/api/v1/reports/unnecessary")
        procedures = page.locator("[data-kpi='evaluated'] .v").inner_text() if has_report else "n/a"
        print(f"\n[ui] overview load on the national catalogue ({procedures} procedures evaluated; "
              f"report endpoint {'present' if has_report else 'ABSENT: KPIs and sources only'}): "
              f"cold {timings[0]:.0f} ms, warm {' / '.join(f'{t:.0f}' for t in timings[1:])} ms (target <= 1000 ms)")
        ARTIFACTS = ROOT / "test-artifacts" / "ui"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "overview-national.png"), full_page=True)
        (ARTIFACTS / "overview-national-load.txt").write_text(
            f"cold {timings[0]:.0f} ms; warm {' / '.join(f'{t:.0f}' for t in timings[1:])} ms; target <= 1000 ms\n"
        )
        # Speed is a measured figure (printed above, kept as an artifact), not a
        # pass/fail timing; what must hold is that the whole catalogue was shown.
        if has_report:
            assert procedures.replace(".", "").replace(",", "").isdigit() and int(procedures.replace(".", "").replace(",", "")) >= 2000
    finally:
        context.close()
        srv.stop()


# --- appendix check (compliance report) --------------------------------------------------------

def test_appendix_check(page, server):
    import json

    open_route(page, server, f"compliance?as_of={DAY}")
    if not server.has_route("get", "/api/v1/reports/compliance"):
        page.locator("#co-summary .error").wait_for()
        shot(page, "compliance")
        expect_missing(page, "#co-summary", "GET /api/v1/reports/compliance")
    page.locator("#main[data-ready='true'] #co-answer").wait_for(timeout=120_000)
    assert page.locator("nav a[aria-current='page']").inner_text() == "Đối chiếu Phụ lục"
    # The answer first, in one Vietnamese sentence, with the figures of the API.
    answer = page.locator("#co-answer").inner_text()
    assert "dòng Phụ lục I, II mà hồ sơ trên Cổng vẫn nêu giấy tờ đã được thay thế" in answer
    assert "quá hạn" in answer and "(Điều 7)" in answer
    status, body = server.get(f"/api/v1/reports/compliance?as_of={DAY}")
    assert status == 200
    total = json.loads(body)["total"]
    assert answer.startswith(f"{total['asked']} dòng"), answer
    assert "01/06/2026" in page.locator("#co-summary").inner_text()
    # The day field reads dd/mm/yyyy too (not the browser's own date format).
    assert page.locator("#co-date").input_value() == "01/06/2026"
    # A table by ministry, by name (no ids), and the rows, still-named first.
    ministries = page.locator("#co-ministries tbody tr")
    assert ministries.count() >= 1
    assert page.locator("#co-ministries tbody tr[data-key='bo-tu-phap'] th").inner_text() == "Bộ Tư pháp"
    assert page.locator("#co-rows tbody tr").first.get_attribute("data-asked") == "true"
    shot(page, "compliance")
    # The ministry filter re-queries with ministry=.
    page.get_by_label("Bộ, ngành", exact=True).select_option("bo-tu-phap")
    page.wait_for_url(re.compile("ministry=bo-tu-phap"))
    page.locator("#main[data-ready='true'] #co-answer").wait_for()
    assert page.locator("#co-answer").inner_text().startswith("Bộ Tư pháp:")
    assert page.locator("#co-ministries tbody tr").count() == 1
    with page.expect_download() as dl:
        page.get_by_role("link", name="Tải Excel").click()
    assert dl.value.suggested_filename.endswith(".xlsx")
    assert Path(dl.value.path()).read_bytes()[:2] == b"PK", "an xlsx file (a zip)"


# --- procedure page: the answer first, papers that go, then what stays (issue 13, task a) ------

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def ids_in(evaluation: dict, procedure: dict) -> set[str]:
    """The internal ids of an answer: rules, document types, sources, ministry, level, attribute values."""
    ids = {procedure.get("ministry") or "", *procedure.get("level", [])}
    for d in evaluation["decisions"]:
        ids |= {d["rule"], d["source"] or "", *d["document_types"], *d.get("sources", [])}
        for values in (d.get("struck_if") or {}).values():
            ids |= set(values)
        for c in d.get("components", []):
            ids |= {c["rule"], c["source"] or "", *c["document_types"]}
    ids |= set(evaluation["applicant"].values())
    return {i for i in ids if i}


def visible_ids(text: str, ids: set[str]) -> list[str]:
    return sorted(i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))


def test_procedure_answer_first_names_not_ids(page, server):
    import json

    open_route(page, server, f"procedures/1.001193?as_of={DAY}&a.nationality=vn")
    page.locator("#pr-detail[data-ready='true']").wait_for()
    answer = page.locator("#pr-answer")
    text = answer.inner_text()
    # One sentence that answers: how many papers go, which, from which database; how many stay.
    assert text.startswith("Không phải nộp 2 giấy tờ:"), text
    assert "Giấy tờ chứng minh nơi cư trú (khai thác từ Cơ sở dữ liệu quốc gia về dân cư)" in text, text
    assert re.search(r"vẫn phải nộp \d+ giấy tờ\.", text), text
    # It comes first: before the lists and before every table of the page, and above them on screen.
    assert page.locator("#main table").count() >= 1
    assert page.evaluate("""() => {
        const a = document.getElementById('pr-answer');
        return [...document.querySelectorAll('#main table, #pr-decisions, #pr-gone, #pr-stays')]
          .every((el) => a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert answer.bounding_box()["y"] < page.locator("#pr-decisions").bounding_box()["y"]
    # The papers that go are listed first, with database and legal basis in Vietnamese.
    assert page.evaluate("""() => document.getElementById('pr-gone')
        .compareDocumentPosition(document.getElementById('pr-stays')) & Node.DOCUMENT_POSITION_FOLLOWING""")
    residence = page.locator("#pr-gone [data-requirement='residence']")
    assert residence.get_attribute("data-status") == "struck"
    assert "Cơ sở dữ liệu quốc gia về dân cư" in residence.inner_text()
    assert "Nghị quyết 66.7/2025/NQ-CP" in residence.inner_text() and "Resolution" not in residence.inner_text()
    assert page.locator("#pr-stays [data-requirement='declaration']").count() == 1
    # Dates read dd/mm/yyyy; no ISO date anywhere on the page.
    assert "01/06/2026" in page.locator("#pr-summary").inner_text()
    main_text = page.locator("#main").inner_text()
    assert not ISO_DATE.search(main_text), ISO_DATE.search(main_text)
    # Names, never ids, outside the collapsed technical details.
    status, body = server.get("/api/v1/procedures/1.001193")
    assert status == 200
    status, evaluation = server.post("/api/v1/evaluations", {"procedure": "1.001193", "applicant": {"nationality": "vn"}, "as_of": DAY})
    assert status == 200
    ids = ids_in(evaluation, json.loads(body))
    assert {"default-required", "application-form", "bo-tu-phap", "vn", "population"} <= ids
    assert visible_ids(main_text, ids) == []
    # The ids are there for technical users, in a toggle that starts closed.
    tech = page.locator("#pr-stays [data-requirement='declaration'] details.tech")
    assert tech.get_attribute("open") is None
    assert "Chi tiết kỹ thuật" in tech.locator("summary").inner_text()
    tech.locator("summary").click()
    assert "default-required" in tech.inner_text() and "application-form" in tech.inner_text()
    shot(page, "procedure-answer")


def test_procedure_without_profile_explains_the_condition(page, server):
    open_route(page, server, f"procedures/1.001193?as_of={DAY}")
    page.locator("#pr-detail[data-ready='true']").wait_for()
    text = page.locator("#pr-answer").inner_text()
    assert text.startswith("Chưa có giấy tờ nào được miễn: vẫn phải nộp"), text
    assert "không phải nộp nếu người nộp là công dân Việt Nam" in text, text
    identity = page.locator("#pr-stays [data-requirement='identity']")
    assert identity.get_attribute("data-conditional") == "true"
    assert "Không phải nộp nếu" in identity.inner_text() and "Người nộp là công dân Việt Nam" in identity.inner_text()
    assert "nationality = vn" not in page.locator("#main").inner_text()
    # Attribute values in words on the profile's buttons.
    assert page.locator("#pr-profile [data-attribute='nationality'] button[data-value='vn']").inner_text() == "Công dân Việt Nam"


def test_procedure_mixed_entries_show_their_papers(page, server):
    # Any of: the family relationship of 1.004222 goes because its birth and marriage certificates
    # are looked up; the third alternative is spared with them.
    open_route(page, server, f"procedures/1.004222?as_of={DAY}&a.nationality=vn&a.vneid=level2&a.by-proxy=no&channel=online")
    page.locator("#pr-detail[data-ready='true']").wait_for()
    entry = page.locator("#pr-gone [data-requirement='family-relationship']")
    assert entry.get_attribute("data-mixed") == "true"
    assert "Một trong các giấy tờ" in entry.locator(".papers").inner_text()
    items = entry.locator(".papers ul[data-match='any_of'] li")
    assert items.count() == 3
    badges = {items.nth(i).locator(".badge").inner_text() for i in range(items.count())}
    assert badges == {"Được miễn", "Không cần nộp"}, badges
    assert "Giấy khai sinh" in entry.locator(".papers").inner_text()
    assert entry.locator("h3 .req-text").inner_text().endswith("…")  # the entry text, shortened
    shot(page, "procedure-mixed-any-of")
    # All of: 2.001478 asks for a CV with a criminal-record certificate; only the certificate goes.
    open_route(page, server, f"procedures/2.001478?as_of={DAY}&a.nationality=vn")
    page.locator("#pr-detail[data-ready='true'][data-code='2.001478']").wait_for()
    entry = page.locator("#pr-decisions [data-requirement='responsible-person-vn']")
    assert entry.get_attribute("data-status") == "required"
    assert "Một phần không phải nộp" in entry.locator("h3").inner_text()
    assert "kèm theo" in entry.locator(".papers").inner_text()
    items = entry.locator(".papers ul[data-match='all_of'] li")
    statuses = {items.nth(i).get_attribute("data-status"): items.nth(i).locator(".badge").inner_text() for i in range(items.count())}
    assert statuses == {"required": "Vẫn yêu cầu", "struck": "Được miễn"}, statuses
    assert "Cơ sở dữ liệu lý lịch tư pháp" in entry.inner_text()
    shot(page, "procedure-mixed-all-of")


def test_procedure_page_fits_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True)
    context.add_init_script(f"localStorage.setItem('onceonly.apiKey', '{server.key}'); localStorage.setItem('onceonly.lang', 'vi');")
    page = context.new_page()
    try:
        for code, query in (("1.004222", "&a.nationality=vn&a.vneid=level2&a.by-proxy=no"), ("1.001193", "")):
            open_route(page, server, f"procedures/{code}?as_of={DAY}{query}")
            page.locator(f"#pr-detail[data-ready='true'][data-code='{code}']").wait_for()
            page.locator("#pr-decisions details.tech summary").first.click()  # an opened table scrolls in its own box
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{code}: the page scrolls sideways ({width} px wide at 390 px)"
        shot(page, "procedure-phone")
    finally:
        context.close()


# --- security headers (issue 12) ---------------------------------------------------------------

def test_pages_and_docs_keep_to_the_content_security_policy(browser, server):
    """Every page works under the server's CSP (no violation reported); /docs and /redoc
    draw from vendored files; nothing is requested from another host (ReDoc's
    "API docs by Redocly" logo is the one foreign URL, and the CSP refuses it)."""
    import json

    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    context.add_init_script(
        f"localStorage.setItem('onceonly.apiKey', {json.dumps(server.key)}); localStorage.setItem('onceonly.lang', 'vi');"
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));"
    )
    page = context.new_page()
    errors, sent = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: sent.append(req.url))
    page.set_default_timeout(120_000)
    try:
        status, _ = server.get("/")
        assert status == 200
        for route, ready in (
            ("overview", "#main[data-ready='true'] #ov-totals"),
            (f"procedures/1.001193?as_of={DAY}&a.nationality=vn", "#pr-decisions"),
            (f"graph?as_of={DAY}", "#cy[data-nodes]"),  # cytoscape writes its one <style> (allowed by hash)
        ):
            open_route(page, server, route)
            page.locator(ready).wait_for()
            page.wait_for_timeout(300)
            assert page.evaluate("window.__csp") == [], route
        open_route(page, server, "whatif")
        page.get_by_label("Kịch bản", exact=True).select_option("population-outage")
        page.get_by_role("button", name="Chạy").click()
        page.locator("#wi-results[data-done='true'] #wi-totals").wait_for()  # chart.js draws
        assert page.evaluate("window.__csp") == []

        page.goto(f"{server.base}/docs")
        page.locator(".swagger-ui .info .title").wait_for()
        page.locator(".opblock-summary-path", has_text="/api/v1/evaluations").first.wait_for()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__csp") == []
        shot(page, "docs-swagger-ui")

        page.goto(f"{server.base}/redoc")
        page.locator("redoc h1", has_text="onceonly").first.wait_for()
        page.wait_for_timeout(500)
        assert all("cdn.redoc.ly" in v for v in page.evaluate("window.__csp")), page.evaluate("window.__csp")
        shot(page, "docs-redoc")
        foreign = [u for u in sent if not u.startswith((server.base, "data:", "blob:"))]
        assert all(u.startswith("https://cdn.redoc.ly/") for u in foreign), foreign
        assert not errors, errors
    finally:
        context.close()
