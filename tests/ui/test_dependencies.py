"""The Dependencies page end to end (issue 13, task d), plain-language errors, and phone width.

Real server, real headless Chromium; every figure on screen is checked against the API
(``GET /api/v1/graph/dependents``), never against a number written here. Screenshots go to
``test-artifacts/ui/``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest

from .conftest import ARTIFACTS, ROOT, onceonly_cmd, shot, start_server

pytestmark = pytest.mark.browser

DAY = "2026-06-01"
PORTAL_DATA = Path(os.environ.get("ONCEONLY_PORTAL_DATA", ROOT.parent / "shared" / "data" / "portal-2026"))
#: Agency and database ids: never on screen outside the "Chi tiết kỹ thuật" toggles.
IDS = re.compile(r"\b(bo-[a-z-]+|population|civil-status|ngan-hang-nha-nuoc|toa-an-nhan-dan)\b")


def dependents(server, **query) -> dict:
    status, body = server.get(f"/api/v1/graph/dependents?{urlencode({'as_of': DAY, **query})}")
    assert status == 200, body
    return json.loads(body)


def number(text: str) -> int:
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else 0


def visible_text(page) -> str:
    """The page's text as a person sees it (innerText leaves closed <details> out)."""
    return page.locator("#main").inner_text()


def column(page, table: str, key: str) -> list[int]:
    index = page.locator(f"{table} thead th").evaluate_all(
        f"(ths) => ths.findIndex((th) => th.dataset.key === {json.dumps(key)})")
    cells = page.locator(f"{table} tbody tr > :nth-child({index + 1})")
    return [number(cells.nth(i).inner_text()) for i in range(cells.count())]


# --- task (d): which agencies depend on the population database? ----------------------------

def test_officer_finds_who_depends_on_the_population_database(page, server):
    api = dependents(server, source="population")
    justice = next(m for m in api["ministries"] if m["ministry"] == "bo-tu-phap")
    # From another page, as an officer would: the menu, then the database by its name, then the day.
    page.goto(f"{server.base}/#/procedures")
    page.get_by_role("link", name="Phụ thuộc liên ngành").click()
    page.locator("#main[data-ready='true'] #gr-answer-text").wait_for()
    assert page.get_by_label("Xem theo").locator("option:checked").inner_text() == "Cơ sở dữ liệu"
    page.get_by_label("Ngày áp dụng").fill("01/06/2026")
    page.get_by_role("button", name="Hiển thị").click()
    page.wait_for_url(re.compile(f"as_of={DAY}"))
    page.locator("#main[data-ready='true'] #gr-answer-text").wait_for()
    database = page.get_by_label("Cơ sở dữ liệu", exact=True)
    database.select_option(label=f"Cơ sở dữ liệu quốc gia về dân cư ({api['total']['procedures']} thủ tục)")
    page.wait_for_url(re.compile("id=population"))
    page.locator("#main[data-ready='true'] #gr-ministries").wait_for()

    # The answer first, in one sentence, with the figures of the API.
    answer = page.locator("#gr-answer-text").inner_text()
    assert answer.startswith(f"{api['total']['ministries']} bộ, ngành với {api['total']['procedures']} thủ tục cần Cơ sở dữ liệu quốc gia về dân cư"), answer
    assert "Bộ Công an" in answer and "Bộ Tư pháp" in answer
    assert "Có điều kiện" in page.locator("#gr-defs").inner_text()  # "conditional" is explained where it is used

    # The agencies table: the Ministry of Justice row, on screen, with its procedure count.
    row = page.locator("#gr-ministries tbody tr", has=page.get_by_role("link", name="Bộ Tư pháp", exact=True))
    assert row.is_visible()
    row.scroll_into_view_if_needed()
    assert number(row.locator("td").nth(0).inner_text()) == justice["procedures"] > 0
    assert number(row.locator("td[data-label='Bản giấy/năm không phải nộp']").inner_text()) == round(
        justice["copies_per_year"] + justice["conditional_copies_per_year"])
    assert page.locator("#gr-ministries tbody tr").count() == api["total"]["ministries"]
    assert not IDS.search(visible_text(page)), IDS.search(visible_text(page))
    shot(page, "dependencies-population")

    # Sortable: by copies a year, most first, then reversed.
    header = page.locator("#gr-ministries thead th[data-key='copies']")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    copies = column(page, "#gr-ministries", "copies")
    assert copies == sorted(copies, reverse=True)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert column(page, "#gr-ministries", "copies") == sorted(copies)

    # Open one agency: its procedures, and only its.
    page.get_by_role("link", name="Bộ Tư pháp", exact=True).click()
    page.wait_for_url(re.compile("ministry=bo-tu-phap"))
    drill = page.locator("#gr-drill[data-ministry='bo-tu-phap']")
    drill.wait_for()
    assert drill.locator("h2").inner_text().startswith("Thủ tục của Bộ Tư pháp cần Cơ sở dữ liệu quốc gia về dân cư")
    mine = [p for p in api["procedures"] if p["ministry"] == "bo-tu-phap"]
    shown = drill.locator("#gr-procedures tbody tr")
    assert shown.count() == min(len(mine), 25)
    assert {shown.nth(i).get_attribute("data-key") for i in range(shown.count())} <= {p["code"] for p in mine}
    shot(page, "dependencies-justice")

    # And on to a procedure: its page opens on the same day.
    first = drill.locator("#gr-procedures tbody tr a").first
    code = first.get_attribute("data-code")
    first.click()
    page.wait_for_url(re.compile(rf"#/procedures/{re.escape(code)}\?as_of={DAY}"))
    page.locator(f"#pr-detail[data-ready='true'][data-code='{code}'] #pr-answer").wait_for()
    shot(page, "dependencies-procedure")
    # Back: the same table, the same ministry opened.
    page.go_back()
    page.locator("#gr-drill[data-ministry='bo-tu-phap']").wait_for()


def test_agency_view_lists_who_needs_its_papers_or_data(page, server):
    api = dependents(server, agency="bo-cong-an")
    page.goto(f"{server.base}/#/graph?kind=agency&id=bo-cong-an&as_of={DAY}")
    page.locator("#main[data-ready='true'] #gr-ministries").wait_for()
    assert page.get_by_label("Cơ quan", exact=True).locator("option:checked").inner_text().startswith("Bộ Công an")
    answer = page.locator("#gr-answer-text").inner_text()
    assert answer.startswith(f"{api['total']['ministries']} bộ, ngành với {api['total']['procedures']} thủ tục cần giấy tờ hoặc dữ liệu của Bộ Công an")
    for m in api["ministries"]:
        row = page.locator(f"#gr-ministries tbody tr[data-key='{m['ministry']}']")
        assert row.locator("th").inner_text().startswith(m["name"])
        assert number(row.locator("td[data-label='Cần giấy tờ do cơ quan này cấp']").inner_text()) == m["document_requirements"]
    assert not IDS.search(visible_text(page))
    shot(page, "dependencies-agency")
    # The day reads and takes dd/mm/yyyy (not the browser's own date field); a day that does not exist is refused.
    day = page.get_by_label("Ngày áp dụng")
    assert day.get_attribute("type") == "text" and day.input_value() == "01/06/2026"
    day.fill("31/02/2026")
    page.get_by_role("button", name="Hiển thị").click()
    assert "Ngày không hợp lệ" in page.locator("#gr-date-error").inner_text()
    assert day.get_attribute("aria-invalid") == "true" and f"as_of={DAY}" in page.url


# --- the graph at ministry level, opened on demand -----------------------------------------------

def test_ministry_level_graph_says_how_many_it_shows(page, server):
    api = dependents(server, source="population")
    m_all, p_all = api["total"]["ministries"], api["total"]["procedures"]
    m_shown = min(12, m_all)
    page.goto(f"{server.base}/#/graph?kind=source&id=population&as_of={DAY}")
    page.locator("#cy[data-nodes]").wait_for()
    count = page.locator("#gr-graph-count")
    assert count.inner_text().startswith(f"Đồ thị hiển thị {m_shown} trên {m_all} bộ, ngành và 0 trên {p_all} thủ tục."), count.inner_text()
    canvas = page.locator("#cy")
    assert int(canvas.get_attribute("data-nodes")) == 1 + m_shown  # the database and its ministries, no procedure
    assert canvas.get_attribute("data-overlaps") == "0", "ministry nodes (with their labels) overlap"
    assert canvas.get_attribute("data-cut") == "0", "a label runs past the frame"
    # The list beside the graph names ministries by name (keyboard access to every node).
    names = page.locator("#gr-nodes button").all_inner_texts()
    assert names == [m["name"] for m in api["ministries"][:m_shown]]
    shot(page, "dependencies-graph")

    # Open the Ministry of Justice's procedures, by keyboard.
    justice = next(m for m in api["ministries"] if m["ministry"] == "bo-tu-phap")
    button = page.locator("#gr-nodes button[data-node='m:bo-tu-phap']")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#gr-node-title").inner_text() == "Bộ Tư pháp"
    toggle = page.locator("#gr-details button.gr-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    opened = min(20, justice["procedures"])
    page.locator(f"#gr-graph-count[data-procedures='{opened}']").wait_for()
    assert count.inner_text().startswith(f"Đồ thị hiển thị {m_shown} trên {m_all} bộ, ngành và {opened} trên {p_all} thủ tục.")
    assert int(canvas.get_attribute("data-nodes")) == 1 + m_shown + opened
    assert page.locator("#gr-details button.gr-toggle").get_attribute("aria-expanded") == "true"
    assert canvas.get_attribute("data-overlaps") == "0"
    # A procedure node leads to its page.
    page.locator("#gr-nodes li.sub button").first.click()
    link = page.locator("#gr-node-title a")
    assert link.get_attribute("href").startswith("#/procedures/")
    shot(page, "dependencies-graph-open")
    page.get_by_role("button", name="Thu gọn").click()
    page.locator("#gr-graph-count[data-procedures='0']").wait_for()


# --- errors in plain words ---------------------------------------------------------------------

def test_errors_read_in_plain_vietnamese(page, server):
    # An unknown procedure: what happened and what to do, no status code or id in sight.
    page.goto(f"{server.base}/#/procedures/9.999999")
    box = page.locator("#pr-detail .error")
    box.wait_for()
    text = box.inner_text()
    assert "Không có thủ tục này trong danh mục" in text and "Thủ tục" in text, text
    for technical in ("404", "unknown_procedure", "path.code", "Máy chủ trả lỗi"):
        assert technical not in text, text
    box.locator("details.tech summary").click()  # the codes are there, for whoever needs them
    assert "404 unknown_procedure" in box.locator("details.tech").inner_text()
    shot(page, "error-unknown-procedure")

    # The server cannot be reached: said in words, with "Thử lại" that works once it is back.
    page.route("**/api/v1/**", lambda route: route.abort("connectionrefused"))
    page.goto(f"{server.base}/#/graph?kind=source&id=population&as_of={DAY}")
    box = page.locator("#gr-answer .error")
    box.wait_for()
    text = box.inner_text()
    assert "Không kết nối được máy chủ" in text and "Thử lại" in text, text
    assert "Failed to fetch" not in text and "fetch" not in text.lower()
    shot(page, "error-network")
    page.unroute("**/api/v1/**")
    box.get_by_role("button", name="Thử lại").click()
    page.locator("#main[data-ready='true'] #gr-ministries").wait_for()


# --- phone width -------------------------------------------------------------------------------

@pytest.fixture()
def phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True)
    context.add_init_script(f"localStorage.setItem('onceonly.apiKey', {json.dumps(server.key)}); localStorage.setItem('onceonly.lang', 'vi');")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.set_default_timeout(60_000)
    yield pg
    context.close()
    assert not errors, errors


def overflow(page) -> tuple[int, list[str]]:
    """The page's width, and the elements reaching past the right edge (none when it fits)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    # clientWidth, not innerWidth: on a phone the layout viewport grows with what overflows.
    culprits = page.locator("#main *").evaluate_all(
        "(els) => { const w = document.documentElement.clientWidth;"
        " return els.filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('details:not([open]), .sr-only'))"
        ".slice(0, 5).map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className); }")
    return width, culprits


def test_dependencies_and_compliance_fit_a_phone(phone, server):
    page = phone
    for route, ready, name in (
        (f"graph?kind=source&id=population&as_of={DAY}", "#cy[data-nodes]", "dependencies-phone"),
        (f"graph?kind=source&id=population&as_of={DAY}&ministry=bo-tu-phap", "#gr-drill[data-ministry='bo-tu-phap']", "dependencies-drill-phone"),
        (f"graph?kind=agency&id=bo-cong-an&as_of={DAY}", "#cy[data-nodes]", "dependencies-agency-phone"),
        (f"compliance?as_of={DAY}", "#main[data-ready='true']", "compliance-phone"),
        (f"compliance?as_of={DAY}&ministry=bo-tu-phap", "#main[data-ready='true']", "compliance-ministry-phone"),
    ):
        page.goto(f"{server.base}/#/{route}")
        page.locator(ready).wait_for()
        width, culprits = overflow(page)
        assert width <= 390 and not culprits, f"{route}: the page scrolls sideways ({width} px wide at 390 px): {culprits}"
        if route.startswith("graph"):
            assert page.locator("#cy").get_attribute("data-cut") == "0", f"{route}: a graph label is cut"
            assert page.locator("#cy").get_attribute("data-overlaps") == "0", f"{route}: graph labels overlap"
            # Fitted to 390 px, the labels (15 px on a phone) are still drawn at >= 10 px.
            assert float(page.locator("#cy").get_attribute("data-zoom")) * 15 >= 10, f"{route}: graph labels too small to read"
            # Tables read as one card per row: the figures of a row fit the screen.
            box = page.locator("#gr-ministries").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        if route.startswith("graph"):
            shot(page, name)
        else:  # hundreds of appendix rows: the first screen is the picture
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


# --- first and later load on the national catalogue ------------------------------------------------

@pytest.mark.shared
def test_dependencies_load_on_national_catalogue(browser, tmp_path):
    """First and later loads of the Dependencies page (population database) on the imported
    national catalogue, from the browser's own timings (navigation and resource timing)."""
    if not PORTAL_DATA.is_dir():
        pytest.skip(f"the national catalogue fixture is absent ({PORTAL_DATA})")
    url = f"sqlite:///{tmp_path / 'national.db'}"
    env = {**os.environ, "ONCEONLY_HOME": str(tmp_path / "home")}
    subprocess.run([*onceonly_cmd(), "import", str(PORTAL_DATA), "--into", url], env=env, cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    srv = start_server(tmp_path / "home", catalogue=url)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(f"localStorage.setItem('onceonly.apiKey', {json.dumps(srv.key)}); localStorage.setItem('onceonly.lang', 'vi');")
    page = context.new_page()
    route = f"{srv.base}/#/graph?kind=source&id=population&as_of={DAY}"
    try:
        runs = []
        for _ in range(5):  # the first also fills the server's analysis cache and the browser's
            page.goto("about:blank")
            page.goto(route)
            page.locator("#main[data-ready='true'] #gr-ministries").wait_for(timeout=300_000)
            page.locator("#cy[data-nodes]").wait_for(timeout=60_000)
            runs.append(page.evaluate("""() => {
                const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/graph/'));
                const lib = performance.getEntriesByType('resource').find((e) => e.name.includes('cytoscape'));
                return { total: performance.now(), api: Math.max(0, ...api.map((e) => e.responseEnd)) ,
                  api_ms: api.map((e) => Math.round(e.duration)), lib_bytes: lib ? lib.transferSize : -1 };
            }"""))
        api = json.loads(srv.get(f"/api/v1/graph/dependents?source=population&as_of={DAY}")[1])
        justice = next((m for m in api["ministries"] if m["ministry"] == "bo-tu-phap"), None)
        assert justice is not None and justice["procedures"] > 0
        row = page.locator("#gr-ministries tbody tr[data-key='bo-tu-phap'] td").first
        assert number(row.inner_text()) == justice["procedures"]
        later = [r["total"] for r in runs[1:]]
        line = (f"dependencies page (population database, {api['total']['ministries']} ministries, "
                f"{api['total']['procedures']} procedures; Ministry of Justice {justice['procedures']}): "
                f"first {runs[0]['total']:.0f} ms (API {runs[0]['api_ms']} ms), later median {statistics.median(later):.0f} ms "
                f"({' / '.join(f'{x:.0f}' for x in later)} ms; API {[r['api_ms'] for r in runs[1:]]} ms); "
                f"cytoscape transfer {runs[0]['lib_bytes']} B first, {runs[-1]['lib_bytes']} B later")
        print(f"\n[ui] {line}")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "dependencies-national-load.txt").write_text(line + "\n")
        page.screenshot(path=str(ARTIFACTS / "dependencies-national.png"), full_page=True)
    finally:
        context.close()
        srv.stop()
