// Dependencies: who depends on one database or one agency. The answer first, in one sentence;
// then a sortable table of the ministries (counts, copies, hours), a drill-down to one
// ministry's procedures and on to the procedure page; then a graph at ministry level that
// opens to procedures on demand and says how many it shows of how many.
// Names, never ids (ids in the collapsed "Chi tiết kỹ thuật" toggle); dates dd/mm/yyyy.
// The route carries the state: #/graph?kind=source&id=population&as_of=2026-06-01&ministry=bo-tu-phap
import { call } from "../api.js";
import { getLang, num, t } from "../i18n.js";
import { dayInput, dmy, errorBox, field, h, loading, loadLib, PALETTE, setRoute, shorten, today } from "../dom.js";

// Kept here rather than in api.js's list while that file is edited by another change.
const DEPENDENTS = (q) => ["GET", "/graph/dependents", q];
const CHOICES = (q) => ["GET", "/graph/dependents/choices", q];
/** Ministries drawn before "show all"; procedures drawn when one ministry is opened. */
const MAX_MINISTRIES = 12;
const MAX_PROCEDURES = 20;
/** Procedure rows listed before "show more". */
const PAGE = 25;
const PAGE_PHONE = 10;

let cy = null;
/** The shell (app.js) need not wait for cytoscape before render(): the page awaits it (loadLib) once its tables are drawn. */
export const loadsOwnLibs = true;
const choicesCache = new Map(); // `${day}|${lang}` -> {at, value: choices}
const resultCache = new Map(); // `${kind}|${id}|${day}|${lang}` -> {at, value: dependents}

const copiesOf = (x) => (x.copies_per_year || 0) + (x.conditional_copies_per_year || 0);
const hoursOf = (x) => (x.hours || 0) + (x.conditional_hours || 0);
const procName = (p) => (getLang() === "en" && p.name_en ? p.name_en : p.name);

function stateOf(params) {
  const kind = params.get("kind") === "agency" || params.get("kind") === "ministry" ? "agency" : "source";
  return { kind, id: params.get("id") || "", day: params.get("as_of") || today(), ministry: params.get("ministry") || "" };
}

/** Same question, only another ministry opened: update the drill-down, keep the rest (and the graph). */
export function onRoute(main, route) {
  const s = stateOf(route.params);
  const page = main.querySelector("#gr-page");
  if (!page || !page._data || page.dataset.key !== `${s.kind}|${s.id}|${s.day}|${getLang()}`) return false;
  showMinistry(page, s.ministry);
  return true;
}

export async function render(main, { params }, isCurrent = () => true) {
  const s = stateOf(params);
  const lang = getLang();
  const library = loadLib("cytoscape").then(() => true, () => false);
  const page = h("div", { id: "gr-page" });
  delete main.dataset.ready;

  const kindSel = h("select", {}, h("option", { value: "source", selected: s.kind === "source" }, t("gr_by_source")),
    h("option", { value: "agency", selected: s.kind === "agency" }, t("gr_by_agency")));
  const idSel = h("select", {}, h("option", { value: "" }, t("loading")));
  // A text field in dd/mm/yyyy, as on the procedure page (a native date field shows the browser's own format).
  const dateInput = dayInput("gr-date", s.day, { required: true });
  const go = (changes = {}) => {
    const iso = dateInput.iso(); // null: not a day, and the field says so
    if (!iso) return;
    const p = new URLSearchParams({ kind: kindSel.value, as_of: iso });
    const id = "id" in changes ? changes.id : idSel.value;
    if (id) p.set("id", id);
    setRoute(["graph"], p);
  };
  kindSel.addEventListener("change", () => go({ id: "" }));
  idSel.addEventListener("change", () => go());
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go(); } },
    field("gr-kind", t("gr_kind"), kindSel),
    field("gr-id", s.kind === "source" ? t("source") : t("gr_agency"), idSel),
    field("gr-date", t("date"), dateInput),
    h("button", { type: "submit", class: "primary" }, t("gr_show")), dateInput.errorNode);
  const answer = h("section", { class: "card", id: "gr-answer", "aria-live": "polite" }, loading());
  page.append(h("h1", {}, t("gr_title")), answer, form);
  main.append(page);

  const ask = (kind, id) => cached(resultCache, `${kind}|${id}|${s.day}|${lang}`,
    () => call(DEPENDENTS({ ...(kind === "source" ? { source: id } : { agency: id }), as_of: s.day, lang })));
  // With a database or agency in the URL, its table is asked for beside the list of names (one round trip).
  const early = s.id ? ask(s.kind, s.id) : null;
  if (early) early.catch(() => {}); // an unknown id: the list below picks another, and says nothing of it
  let choices, data;
  try {
    choices = await cached(choicesCache, `${s.day}|${lang}`, () => call(CHOICES({ as_of: s.day, lang })));
    const list = s.kind === "source" ? choices.sources : choices.agencies;
    const ranked = list.slice().sort((a, b) => b.procedures - a.procedures || a.name.localeCompare(b.name, lang));
    const id = list.some((x) => x.id === s.id) ? s.id : (ranked[0] && ranked[0].id) || "";
    idSel.replaceChildren(...list.map((x) => h("option", { value: x.id, selected: x.id === id },
      x.procedures ? t("gr_choice", { name: x.name, n: num(x.procedures) }) : t("gr_choice_none", { name: x.name }))));
    if (!id) { answer.replaceChildren(h("p", {}, t("gr_nothing"))); main.dataset.ready = "true"; return; }
    data = await (early && id === s.id ? early : ask(s.kind, id));
    s.id = id;
  } catch (e) {
    if (!isCurrent()) return;
    answer.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }, isCurrent); }));
    main.dataset.ready = "true";
    return;
  }
  if (!isCurrent()) return;
  page.dataset.key = `${s.kind}|${s.id}|${s.day}|${lang}`;
  page._data = { data, state: s };

  answer.replaceChildren(...answerOf(data));
  if (!data.total.procedures) {
    page.append(tech(data));
    main.dataset.ready = "true";
    return;
  }
  const drill = h("section", { class: "card", id: "gr-drill", "aria-labelledby": "gr-drill-h", tabindex: "-1" });
  const graphCard = h("section", { class: "card", id: "gr-graph", "aria-labelledby": "gr-graph-h" });
  page.append(ministriesCard(data, s), drill, graphCard, tech(data));
  showMinistry(page, s.ministry, false);
  main.dataset.ready = "true";
  await drawGraph(graphCard, data, s, library, isCurrent);
}

/** A minute's memory of answers (the server keeps its own, by catalogue and source-state version). */
async function cached(cache, key, load) {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.value;
  const value = await load();
  cache.delete(key);
  cache.set(key, { at: Date.now(), value });
  while (cache.size > 12) cache.delete(cache.keys().next().value);
  return value;
}

// --- the answer ------------------------------------------------------------------------------

function answerOf(d) {
  const tot = d.total;
  if (!tot.procedures) {
    return [h("p", { id: "gr-answer-text", class: "answer" }, t(d.kind === "source" ? "gr_answer_none" : "gr_answer_none_agency", { name: d.name, day: dmy(d.as_of) }))];
  }
  const top = d.ministries[0];
  const copies = copiesOf(tot);
  const cond = tot.conditional_copies_per_year || 0;
  const vars = { m: num(tot.ministries), p: num(tot.procedures), name: d.name, owner: d.owner_name,
    docs: num(tot.document_requirements), data: num(tot.data_requirements), r: num(tot.requirements) };
  let first = t(d.kind === "source" ? "gr_answer" : "gr_answer_agency", vars);
  if (copies > 0) {
    first += " " + t("gr_answer_copies", { copies: num(copies), hours: num(hoursOf(tot)) });
    if (cond > 0) first += " " + t(cond >= copies ? "gr_answer_all_cond" : "gr_answer_some_cond", { c: num(cond) });
  }
  first += " " + t("gr_answer_top", { top: top.name, n: num(top.procedures) });
  const defs = h("ul", { class: "muted small defs", id: "gr-defs" },
    cond > 0 ? h("li", {}, h("strong", {}, t("st_conditional")), ": ", t("gr_def_cond")) : null,
    h("li", {}, h("strong", {}, t("gr_col_copies")), ": ", t("gr_def_copies"), tot.volume_estimated ? ` ${t("gr_def_volume_est")}` : ""),
    h("li", {}, h("strong", {}, t("gr_col_hours")), ": ", t("gr_def_hours", {
      h: new Intl.NumberFormat(getLang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 }).format(d.hours_per_document) })),
    d.kind === "agency" ? h("li", {}, t("gr_def_agency", { sources: d.sources.map((x) => x.name).join("; ") || t("none") })) : null);
  return [h("p", { id: "gr-answer-text", class: "answer" }, first),
    h("p", { class: "muted small" }, t("gr_on_day", { day: dmy(d.as_of) })), defs];
}

// --- sortable tables -------------------------------------------------------------------------

/**
 * A table whose column headers sort it (numbers: most first; text: A to Z; again: reversed).
 * columns: [{ key, label, num, value(row), cell(row), header }], limit: rows shown before "more".
 */
function sortable({ id, caption, columns, rows, sortKey, limit, more, countKey, current }) {
  let key = sortKey;
  let dir = -1;
  let shown = limit || rows.length;
  const head = h("tr", {});
  const body = h("tbody", {});
  const count = h("p", { class: "muted small", role: "status", id: `${id}-count` });
  const moreBtn = h("button", { type: "button", hidden: true, onclick: () => { shown += limit; draw(); } });
  const colOf = (k) => columns.find((c) => c.key === k);
  const draw = () => {
    const col = colOf(key);
    const sorted = rows.slice().sort((a, b) => {
      const x = col.value(a); const y = col.value(b);
      const c = col.num ? (x - y) : String(x).localeCompare(String(y), getLang());
      return c * dir || String(columns[0].value(a)).localeCompare(String(columns[0].value(b)), getLang());
    });
    const visible = sorted.slice(0, shown);
    body.replaceChildren(...visible.map((r) => h("tr", { dataset: { key: r[countKey] }, "aria-current": current && current() === r[countKey] ? "true" : null },
      columns.map((c) => (c.header
      ? h("th", { scope: "row" }, c.cell(r))
      : h("td", { class: c.num ? "n" : c.cls || null, "data-label": c.label }, c.cell ? c.cell(r) : num(c.value(r))))))));
    head.querySelectorAll("th").forEach((th) => th.setAttribute("aria-sort", th.dataset.key === key ? (dir < 0 ? "descending" : "ascending") : "none"));
    count.textContent = rows.length > visible.length ? t("gr_rows_of", { n: num(visible.length), m: num(rows.length) }) : "";
    moreBtn.hidden = visible.length >= rows.length;
    moreBtn.textContent = more ? more(Math.min(limit || 0, rows.length - visible.length)) : "";
  };
  for (const c of columns) {
    head.append(h("th", { scope: "col", class: c.num ? "n" : null, dataset: { key: c.key } },
      h("button", { type: "button", class: "sort", onclick: () => {
        if (key === c.key) dir = -dir; else { key = c.key; dir = c.num ? -1 : 1; }
        draw();
      } }, c.label)));
  }
  draw();
  return h("div", {}, h("div", { class: "table-wrap" }, h("table", { id, class: "sortable cards" },
    h("caption", { class: "sr-only" }, caption, " ", t("gr_sort_hint")), h("thead", {}, head), body)), count, moreBtn);
}

function figureColumns(d) {
  const cols = [];
  if (d.kind === "agency") {
    cols.push({ key: "document_requirements", label: t("gr_col_docs"), num: true, value: (r) => r.document_requirements });
    cols.push({ key: "data_requirements", label: t("gr_col_data"), num: true, value: (r) => r.data_requirements });
  } else {
    cols.push({ key: "requirements", label: t("gr_col_reqs"), num: true, value: (r) => r.requirements });
  }
  cols.push({ key: "copies", label: t("gr_col_copies"), num: true, value: copiesOf });
  cols.push({ key: "cond", label: t("gr_col_cond"), num: true, value: (r) => r.conditional_copies_per_year || 0 });
  cols.push({ key: "hours", label: t("gr_col_hours"), num: true, value: hoursOf });
  return cols;
}

function ministriesCard(d, s) {
  const link = (m) => {
    const p = new URLSearchParams({ kind: s.kind, id: s.id, as_of: s.day, ministry: m.ministry });
    return h("a", { href: `#/graph?${p}`, dataset: { ministry: m.ministry } }, m.name);
  };
  const columns = [
    { key: "name", label: t("ministry"), value: (r) => r.name, header: true,
      cell: (r) => [link(r), r.own ? h("span", { class: "muted small" }, ` ${t(d.kind === "source" ? "gr_owner" : "gr_itself")}`) : ""] },
    { key: "procedures", label: t("procedures"), num: true, value: (r) => r.procedures },
    ...figureColumns(d),
  ];
  return h("section", { class: "card", id: "gr-table", "aria-labelledby": "gr-table-h" },
    h("h2", { id: "gr-table-h" }, t("gr_table_title", { name: d.name, n: num(d.total.ministries) })),
    h("p", { class: "muted small" }, t("gr_table_help")),
    sortable({ id: "gr-ministries", caption: t("gr_table_title", { name: d.name, n: num(d.total.ministries) }),
      columns, rows: d.ministries, sortKey: "procedures", countKey: "ministry", current: () => s.ministry }));
}

/** The procedures of one ministry (or of all), sortable, each a link to its procedure page. */
function showMinistry(page, ministry, focus = true) {
  const { data: d, state: s } = page._data;
  const drill = page.querySelector("#gr-drill");
  if (!drill) return;
  const m = d.ministries.find((x) => x.ministry === ministry);
  s.ministry = m ? m.ministry : "";
  const rows = m ? d.procedures.filter((p) => p.ministry === m.ministry) : d.procedures;
  page.querySelectorAll("#gr-ministries tbody tr").forEach((tr) => {
    if (tr.dataset.key === ministry) tr.setAttribute("aria-current", "true"); else tr.removeAttribute("aria-current");
  });
  const procLink = (p) => h("a", { href: `#/procedures/${encodeURIComponent(p.code)}?${new URLSearchParams({ as_of: s.day })}`, dataset: { code: p.code } },
    h("span", { class: "muted" }, p.code), " ", procName(p));
  const columns = [
    { key: "name", label: t("procedure"), value: procName, header: true, cell: procLink },
    ...(m ? [] : [{ key: "ministry", label: t("ministry"), value: (r) => r.ministry_name, cell: (r) => r.ministry_name, cls: "gr-min" }]),
    ...figureColumns(d),
  ];
  const back = new URLSearchParams({ kind: s.kind, id: s.id, as_of: s.day });
  const title = m ? t("gr_drill_title", { ministry: m.name, name: d.name, n: num(rows.length) }) : t("gr_drill_all", { name: d.name, n: num(rows.length) });
  drill.replaceChildren(
    h("h2", { id: "gr-drill-h" }, title),
    m ? h("p", { class: "small" }, h("a", { href: `#/graph?${back}`, id: "gr-drill-all" }, t("gr_drill_back"))) : h("p", { class: "muted small" }, t("gr_drill_help")),
    sortable({ id: "gr-procedures", caption: title, columns, rows, sortKey: "copies", limit: window.innerWidth < 600 ? PAGE_PHONE : PAGE, countKey: "code",
      more: (n) => t("gr_more", { n: num(n) }) }));
  drill.dataset.ministry = m ? m.ministry : "";
  if (focus && m) { drill.scrollIntoView({ block: "start" }); drill.focus({ preventScroll: true }); }
}

function tech(d) {
  return h("details", { class: "tech card", id: "gr-tech" }, h("summary", {}, t("pr_tech")),
    h("dl", { class: "kv" },
      h("dt", {}, t(d.kind === "source" ? "source" : "gr_agency")), h("dd", {}, d.id),
      h("dt", {}, t("gr_owner_id")), h("dd", {}, d.owner),
      h("dt", {}, t("gr_sources_ids")), h("dd", {}, d.sources.map((x) => x.id).join(", ") || "—"),
      h("dt", {}, t("gr_ministry_ids")), h("dd", {}, d.ministries.map((m) => `${m.ministry} (${m.name})`).join("; ") || "—"),
      h("dt", {}, "API"), h("dd", {}, `GET /api/v1/graph/dependents?${d.kind}=${d.id}&as_of=${d.as_of}`)));
}

// --- the graph -------------------------------------------------------------------------------

async function drawGraph(card, d, s, library, isCurrent) {
  const count = h("p", { id: "gr-graph-count", role: "status", "aria-live": "polite" });
  const canvas = h("div", { id: "cy", role: "application", "aria-label": t("gr_graph_label", { name: d.name }), tabindex: "0" });
  const details = h("div", { id: "gr-details", "aria-live": "polite" }, h("p", { class: "muted small" }, t("gr_click")));
  const nodeList = h("ul", { class: "results", id: "gr-nodes" });
  const zoom = (f) => cy && cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  const allBtn = h("button", { type: "button", id: "gr-all-ministries", hidden: d.ministries.length <= MAX_MINISTRIES });
  const closeBtn = h("button", { type: "button", id: "gr-close-all" }, t("gr_close_all"));
  const tools = h("div", { class: "row gr-tools" },
    h("button", { type: "button", onclick: () => zoom(1.25) }, t("gr_zoom_in")),
    h("button", { type: "button", onclick: () => zoom(0.8) }, t("gr_zoom_out")),
    h("button", { type: "button", onclick: () => cy && cy.fit(undefined, 24) }, t("gr_fit")), allBtn, closeBtn);
  canvas.addEventListener("keydown", (e) => {
    if (e.key === "+" || e.key === "=") zoom(1.25); else if (e.key === "-") zoom(0.8); else if (e.key === "0") cy && cy.fit(undefined, 24);
  });
  card.replaceChildren(h("h2", { id: "gr-graph-h" }, t("gr_graph_title")), count, tools,
    h("div", { class: "cols" }, canvas, h("div", { class: "side" }, h("h3", {}, t("gr_details")), details, h("h3", {}, t("gr_nodes")), nodeList)));
  if (!(await library)) { canvas.replaceChildren(errorBox(new Error(t("gr_no_graph")))); return; }
  if (!isCurrent()) return;

  const view = { all: false, open: new Set() };
  const byMinistry = new Map();
  for (const p of d.procedures) {
    if (!byMinistry.has(p.ministry)) byMinistry.set(p.ministry, []);
    byMinistry.get(p.ministry).push(p);
  }
  let focus = null; // the ministry just opened: the view frames it and its procedures
  const redraw = () => {
    const ministries = view.all ? d.ministries : d.ministries.slice(0, MAX_MINISTRIES);
    for (const k of [...view.open]) if (!ministries.some((m) => m.ministry === k)) view.open.delete(k);
    const elements = [{ data: { id: "t", label: d.name, kind: "target" } }];
    const maxP = Math.max(1, ...ministries.map((m) => m.procedures));
    let procShown = 0;
    for (const m of ministries) {
      const open = view.open.has(m.ministry);
      elements.push({ data: { id: `m:${m.ministry}`, label: `${m.name}\n${t("gr_n_procs", { n: num(m.procedures) })}`, kind: "ministry",
        own: m.own ? 1 : 0, open: open ? 1 : 0, size: 22 + 26 * Math.sqrt(m.procedures / maxP), row: m } });
      elements.push({ data: { id: `e:${m.ministry}`, source: `m:${m.ministry}`, target: "t", w: 1 + 7 * (m.procedures / maxP) } });
      if (!open) continue;
      for (const p of (byMinistry.get(m.ministry) || []).slice(0, MAX_PROCEDURES)) {
        procShown += 1;
        elements.push({ data: { id: `p:${p.code}`, label: shorten(procName(p), 38), kind: "procedure", row: p } });
        elements.push({ data: { id: `e:${m.ministry}:${p.code}`, source: `p:${p.code}`, target: `m:${m.ministry}`, w: 1 } });
      }
    }
    count.textContent = t("gr_graph_count", { a: num(ministries.length), A: num(d.ministries.length), b: num(procShown), B: num(d.procedures.length) })
      + " " + t(view.open.size ? "gr_graph_hint_open" : "gr_graph_hint");
    count.dataset.ministries = String(ministries.length);
    count.dataset.procedures = String(procShown);
    allBtn.textContent = view.all ? t("gr_top_ministries", { n: num(MAX_MINISTRIES) }) : t("gr_all_ministries", { n: num(d.ministries.length) });
    closeBtn.hidden = !view.open.size;
    draw(canvas, elements, view.open.size ? ring(ministries, view.open, byMinistry) : null, focus);
    const show = (node) => { cy.$(":selected").unselect(); node.select(); showNode(node, d, s, details, toggle); };
    cy.on("tap", "node", (e) => show(e.target));
    cy.on("dbltap", "node[kind = 'ministry']", (e) => toggle(e.target.data("row").ministry));
    nodeList.replaceChildren(...cy.nodes().filter((n) => n.data("kind") !== "target").map((n) => h("li", { class: n.data("kind") === "procedure" ? "sub" : null },
      h("button", { type: "button", class: "link", dataset: { node: n.id() },
        onclick: () => { show(n); if (!inView(n, canvas)) cy.center(n); } },
      n.data("kind") === "ministry" ? n.data("row").name : n.data("label")))));
  };
  const toggle = (ministry) => {
    if (view.open.has(ministry)) { view.open.delete(ministry); focus = null; } else { view.open.add(ministry); focus = ministry; }
    redraw();
    const node = cy.getElementById(`m:${ministry}`);
    if (node.nonempty()) { node.select(); showNode(node, d, s, details, toggle); }
    const again = details.querySelector("button.gr-toggle");
    if (again) again.focus(); // the keyboard stays on the button that opened (or closes) the procedures
  };
  allBtn.addEventListener("click", () => { view.all = !view.all; focus = null; redraw(); });
  closeBtn.addEventListener("click", () => { view.open.clear(); focus = null; redraw(); });
  redraw();
}

/**
 * Positions when procedures are open: the database (or agency) in the middle, the ministries on a
 * ring, each opened ministry's procedures on a circle around it. The ring gives each ministry an
 * arc as wide as it needs (a closed one its label, an opened one its circle), so nothing overlaps.
 */
function ring(ministries, open, byMinistry) {
  const LABEL = 190; // room for a ministry's label along the ring
  const radiusOf = (k) => Math.max(120, (k * 140) / (2 * Math.PI));
  const kOf = (m) => Math.min(MAX_PROCEDURES, (byMinistry.get(m.ministry) || []).length);
  const widths = ministries.map((m) => (open.has(m.ministry) ? 2 * radiusOf(kOf(m)) + LABEL : LABEL));
  const total = widths.reduce((a, b) => a + b, 0);
  const opened = ministries.filter((m) => open.has(m.ministry)).map((m) => radiusOf(kOf(m)));
  const R = Math.max(200, total / (2 * Math.PI), ...opened.map((r) => r + 220));
  const at = { t: { x: 0, y: 0 } };
  let acc = 0;
  ministries.forEach((m, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * (acc + widths[i] / 2)) / total;
    acc += widths[i];
    const c = { x: R * Math.cos(a), y: R * Math.sin(a) };
    at[`m:${m.ministry}`] = c;
    if (!open.has(m.ministry)) return;
    const procs = (byMinistry.get(m.ministry) || []).slice(0, MAX_PROCEDURES);
    const r = radiusOf(procs.length);
    procs.forEach((p, j) => {
      const b = a + (2 * Math.PI * (j + 0.5)) / procs.length; // starting outward, round the ministry
      at[`p:${p.code}`] = { x: c.x + r * Math.cos(b), y: c.y + r * Math.sin(b) };
    });
  });
  return at;
}

function draw(container, elements, positions, focus) {
  if (cy) { cy.destroy(); cy = null; }
  // A narrow frame (a phone): narrower, larger labels, so that once fitted they still read.
  const narrow = container.clientWidth < 520;
  cy = window.cytoscape({
    container,
    elements,
    minZoom: 0.2, maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": narrow ? 15 : 12, "text-wrap": "wrap", "text-max-width": narrow ? 110 : 150, "text-valign": "bottom",
        "text-margin-y": 4, color: "#1b1f24", "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
        "background-color": PALETTE[0], width: "data(size)", height: "data(size)" } },
      { selector: "node[kind = 'target']", style: { shape: "round-rectangle", "background-color": PALETTE[2], width: 34, height: 34, "font-size": 13, "font-weight": "bold" } },
      { selector: "node[kind = 'procedure']", style: { "background-color": PALETTE[1], width: 12, height: 12, "font-size": 10, "text-max-width": 120, "min-zoomed-font-size": 7 } },
      { selector: "node[own = 1]", style: { "border-width": 2, "border-color": PALETTE[2] } },
      { selector: "node[open = 1]", style: { "border-width": 3, "border-color": "#ffbf47" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#b3261e" } },
      { selector: "edge", style: { width: "data(w)", "line-color": "#9fb3c8", "target-arrow-color": "#9fb3c8", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
    ],
    layout: positions
      ? { name: "preset", positions: (n) => positions[n.id()] || { x: 0, y: 0 }, fit: false }
      : { name: "concentric", animate: false, padding: 24, avoidOverlap: true, nodeDimensionsIncludeLabels: true, minNodeSpacing: narrow ? 14 : 24,
        concentric: (n) => (n.data("kind") === "target" ? 2 : 1), levelWidth: () => 1 },
  });
  cy.fit(undefined, 24);
  const w = container.clientWidth; const ht = container.clientHeight;
  // Nodes whose label runs past the frame with the whole graph fitted (only when it is too big for minZoom).
  container.dataset.cut = String(cy.nodes().filter((n) => {
    const b = n.renderedBoundingBox({ includeLabels: true });
    return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > ht + 1;
  }).length);
  const cluster = focus ? cy.getElementById(`m:${focus}`) : null;
  if (cluster && cluster.nonempty()) cy.fit(cluster.union(cluster.incomers("node")), 24);
  container.dataset.zoom = cy.zoom().toFixed(2);
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.overlaps = String(overlaps(cy.nodes()));
}

function inView(node, container) {
  const p = node.renderedPosition();
  return p.x >= 0 && p.y >= 0 && p.x <= container.clientWidth && p.y <= container.clientHeight;
}

/** How many pairs of nodes, labels included, overlap on screen. */
function overlaps(nodes) {
  const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true }));
  let k = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]; const b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) k += 1;
    }
  }
  return k;
}

function showNode(node, d, s, details, toggle) {
  const x = node.data();
  if (x.kind === "ministry") {
    const m = x.row;
    const open = !!x.open;
    const p = new URLSearchParams({ kind: s.kind, id: s.id, as_of: s.day, ministry: m.ministry });
    details.replaceChildren(h("h4", { id: "gr-node-title" }, m.name), figures(m, d),
      h("p", { class: "row" },
        h("button", { type: "button", class: "gr-toggle", "aria-expanded": String(open), onclick: () => toggle(m.ministry) },
          open ? t("gr_close_procs") : t("gr_open_procs", { n: num(Math.min(MAX_PROCEDURES, m.procedures)), m: num(m.procedures) })),
        h("a", { href: `#/graph?${p}` }, t("gr_to_table"))));
  } else if (x.kind === "procedure") {
    const r = x.row;
    details.replaceChildren(h("h4", { id: "gr-node-title" },
      h("a", { href: `#/procedures/${encodeURIComponent(r.code)}?${new URLSearchParams({ as_of: s.day })}` }, h("span", { class: "muted" }, r.code), " ", procName(r))),
      h("p", { class: "muted small" }, r.ministry_name), figures(r, d));
  } else {
    details.replaceChildren(h("h4", { id: "gr-node-title" }, d.name), h("p", { class: "small" }, t("gr_owned_by", { owner: d.owner_name })), figures(d.total, d));
  }
}

function figures(r, d) {
  const row = (k, v) => [h("dt", {}, k), h("dd", {}, v)];
  return h("dl", { class: "kv small" },
    r.procedures != null ? row(t("procedures"), num(r.procedures)) : null,
    d.kind === "agency" ? [row(t("gr_col_docs"), num(r.document_requirements)), row(t("gr_col_data"), num(r.data_requirements))] : row(t("gr_col_reqs"), num(r.requirements)),
    row(t("gr_col_copies"), num(copiesOf(r))),
    r.conditional_copies_per_year ? row(t("gr_col_cond"), num(r.conditional_copies_per_year)) : null,
    row(t("gr_col_hours"), num(hoursOf(r))),
    row(t("gr_volume"), `${num(r.volume_per_year)}${r.volume_estimated ? ` ${t("gr_est")}` : ""}`));
}
