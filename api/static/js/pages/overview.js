// Overview: the answer first (how many papers are no longer asked for, and where most), then
// every figure with what it means where it stands; filters (ministry, level, field, database)
// that shape the figures, the charts, the list and the Excel download; every chart bar and
// table row drills down to the list of papers, and each paper opens its procedure's page.
// The route carries the state: #/overview?as_of=2026-06-01&ministry=bo-tu-phap&level=commune&field=...&source=population
import { call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { chart, dayInput, dmy, errorBox, field, h, legalText, loading, loadLib, PALETTE, setRoute, shorten, today } from "../dom.js";

/** app.js need not wait for Chart.js: this page loads it while its data arrives. */
export const loadsOwnLibs = true;

const FILTERS = ["ministry", "level", "field", "source"];
const LEVELS = ["ministry", "province", "commune", "other"];
/** Rows whose paper is dropped without a database (Appendix II, other decrees): the report keys them "(no source: rule)". */
const NO_SOURCE = "_none";
const isNoSource = (k) => k === NO_SOURCE || k === "-" || /^\(no source/.test(k);
/** Rows of the list shown at first (fewer on a phone, where each row is a card). */
const LIST_PAGE = window.matchMedia && window.matchMedia("(max-width: 600px)").matches ? 10 : 50;
const CHART_BARS = 15;
const GONE = new Set(["struck", "replaced"]);

// The whole report's groups per day and language: the filters list every choice even when one is made.
const choicesCache = new Map();
let focusList = false; // a drill-down asked for the list: brought into view once the page is drawn

const keyOf = (id) => String(id).replace(/[^A-Za-z0-9]+/g, "_");
function tOr(key, vars) { const s = t(key, vars); return s === key ? null : s; }
const levelName = (l) => tOr(`lv_${keyOf(l)}`) || l;

function href(day, chosen, changes = {}) {
  const p = new URLSearchParams({ as_of: day });
  for (const k of FILTERS) {
    const v = k in changes ? changes[k] : chosen[k];
    if (v) p.set(k, v);
  }
  return `#/overview?${p}`;
}

/** Go to the list for these filters (a drill-down): the list comes into view. */
function drill(day, chosen, changes) {
  const next = href(day, chosen, changes);
  focusList = true;
  if (location.hash === next) showList(); else location.hash = next;
}

function showList() {
  const head = document.getElementById("ov-list-h");
  focusList = false;
  if (!head) return;
  head.scrollIntoView({ block: "start" });
  head.focus({ preventScroll: true });
}

export async function render(main, { params }, isCurrent = () => true) {
  delete main.dataset.ready;
  // The query the page answers, once ready: the previous page stays ready until the router
  // re-renders, so a wait on "ready" alone may read the previous answer.
  delete main.dataset.view;
  const started = performance.now();
  const lang = getLang();
  const day = params.get("as_of") || today();
  const chosen = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  if (isNoSource(chosen.source)) chosen.source = chosen.source ? NO_SOURCE : "";
  // What the API can filter on (rows without a database are picked out here, from the rows).
  const apiFilters = { ...chosen, source: chosen.source === NO_SOURCE ? "" : chosen.source };
  const lib = loadLib("chart").catch((e) => e);

  // --- filters: a change of list re-queries at once; the day with "Áp dụng" (or Enter)
  const dateInput = dayInput("ov-date", day, { required: true });
  const selects = Object.fromEntries(FILTERS.map((k) => [k, h("select", { dataset: { filter: k } }, h("option", { value: "" }, t("all")))]));
  const go = () => {
    const iso = dateInput.iso();
    if (!iso) return;
    const p = new URLSearchParams({ as_of: iso });
    for (const k of FILTERS) if (selects[k].value) p.set(k, selects[k].value);
    setRoute(["overview"], p);
  };
  for (const k of FILTERS) selects[k].addEventListener("change", go);
  const anyFilter = FILTERS.some((k) => chosen[k]);
  const form = h("form", { class: "filters", id: "ov-filters", "aria-label": t("ov_filters"), onsubmit: (e) => { e.preventDefault(); go(); } },
    field("ov-date", t("date"), dateInput),
    field("ov-ministry", t("ministry"), selects.ministry),
    field("ov-level", t("pr_level"), selects.level),
    field("ov-field", t("pr_field"), selects.field),
    field("ov-source", t("source"), selects.source),
    h("button", { type: "submit", class: "primary" }, t("apply")),
    anyFilter ? h("a", { href: href(day, {}), class: "button-link", id: "ov-clear" }, t("ov_clear")) : null,
    dateInput.errorNode);

  const answer = h("section", { class: "card", id: "ov-summary", "aria-live": "polite" }, loading());
  const reportSlot = h("section", { id: "ov-report", "aria-labelledby": "ov-report-h" });
  const listSlot = h("section", { class: "card", id: "ov-list", "aria-labelledby": "ov-list-h" });
  const kpiSlot = h("section", { class: "card", id: "ov-kpis", "aria-labelledby": "ov-kpi-h" });
  const sourceSlot = h("section", { class: "card", "aria-labelledby": "ov-src-h" });
  const timing = h("p", { class: "muted small", id: "ov-timing", "aria-live": "polite" });
  main.append(h("h1", {}, t("ov_title")), answer, form, reportSlot, listSlot, kpiSlot, sourceSlot, timing);

  const key = `${day}|${lang}`;
  const wantChoices = anyFilter && !choicesCache.has(key);
  const reportP = call(endpoints.unnecessary({ as_of: day, lang, ...apiFilters, limit: chosen.source === NO_SOURCE ? undefined : LIST_PAGE }));
  const choicesP = wantChoices ? call(endpoints.unnecessary({ as_of: day, lang, limit: 0 })).catch(() => null) : Promise.resolve(null);
  const sourcesP = call(endpoints.sources({ as_of: day })).catch((e) => e);
  const kpisP = kpis(kpiSlot, day, apiFilters, anyFilter);

  let r;
  try {
    r = await reportP;
  } catch (e) {
    if (!isCurrent()) return;
    answer.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }, isCurrent); }));
    await Promise.all([kpisP, sourcesTable(sourceSlot, sourcesP, day, chosen)]);
    main.dataset.ready = "true";
    main.dataset.view = params.toString();
    return;
  }
  const [whole, srcList] = await Promise.all([choicesP, sourcesP]);
  if (!isCurrent()) return;
  if (whole || !anyFilter) choicesCache.set(key, choicesOf(whole || r));
  const srcNames = {};
  if (srcList && srcList.items) for (const x of srcList.items) srcNames[x.id] = pick(x.name);
  const names = {
    ministry: (k) => (r.ministry_names && r.ministry_names[k]) || ((choicesCache.get(key) || {}).ministryNames || {})[k] || k,
    source: (k) => (isNoSource(k) ? t("ov_no_source") : srcNames[k] || t("pr_a_database")),
    level: levelName,
    field: (k) => (k === "-" ? t("none") : k),
  };
  fillChoices(selects, choicesCache.get(key), chosen, names, srcList);

  // Rows without a database: the API keys them by rule ("(no source: rule)"); one group here.
  const bySrc = {};
  for (const [k, g] of Object.entries((r.totals && r.totals.source) || {})) {
    const kk = isNoSource(k) ? NO_SOURCE : k;
    bySrc[kk] = bySrc[kk] ? sum(bySrc[kk], g) : { ...g };
  }
  let rows = r.rows || [];
  let total = r.total || {};
  let byMin = (r.totals && r.totals.ministry) || {};
  if (chosen.source === NO_SOURCE) {
    rows = rows.filter((x) => !x.source);
    total = totalsOf(rows);
    byMin = groupRows(rows, "ministry");
  }
  const ctx = { day, chosen, names, lang, whole: r };
  answer.replaceChildren(...summary(total, byMin, ctx));
  reportSlot.replaceChildren(...report(r, total, byMin, chosen.source === NO_SOURCE ? { [NO_SOURCE]: total } : bySrc, ctx));
  list(listSlot, rows, total, ctx, r);
  await Promise.all([kpisP, sourcesTable(sourceSlot, sourcesP, day, chosen)]);
  const Chart = await lib;
  if (!isCurrent()) return;
  if (Chart instanceof Error) {
    reportSlot.querySelectorAll(".chart-box").forEach((b) => b.replaceChildren(errorBox(Chart)));
  } else {
    bars(document.getElementById("ov-chart-ministry"), byMin, names.ministry, (k) => drill(day, chosen, { ministry: k }));
    bars(document.getElementById("ov-chart-source"), chosen.source === NO_SOURCE ? { [NO_SOURCE]: total } : bySrc, names.source,
      (k) => drill(day, chosen, { source: k }));
  }
  const ms = Math.round(performance.now() - started);
  main.dataset.ready = "true";
  main.dataset.view = params.toString();
  main.dataset.loadMs = String(ms);
  timing.textContent = t("ov_load_ms", { ms });
  if (focusList) showList();
}

// --- filters -------------------------------------------------------------------------------------

function choicesOf(report) {
  const totals = report.totals || {};
  return {
    ministry: Object.keys(totals.ministry || {}),
    ministryNames: report.ministry_names || {},
    field: Object.keys(totals.field || {}),
    source: Object.keys(totals.source || {}),
  };
}

function fillChoices(selects, choices, chosen, names, srcList) {
  const lang = getLang();
  const add = (k, values) => {
    const seen = new Set();
    const opts = [];
    for (const v of values) if (!seen.has(v)) { seen.add(v); opts.push([v, names[k](v)]); }
    if (chosen[k] && !seen.has(chosen[k])) opts.push([chosen[k], names[k](chosen[k])]);
    opts.sort((a, b) => a[1].localeCompare(b[1], lang));
    for (const [v, label] of opts) selects[k].append(h("option", { value: v, selected: v === chosen[k] }, label));
  };
  add("ministry", (choices && choices.ministry) || []);
  add("field", ((choices && choices.field) || []).filter((f) => f !== "-"));
  for (const l of LEVELS) selects.level.append(h("option", { value: l, selected: l === chosen.level }, levelName(l)));
  const srcs = srcList && srcList.items ? srcList.items.map((x) => x.id) : [];
  add("source", srcs.concat(((choices && choices.source) || []).filter((s) => !isNoSource(s))));
  if (((choices && choices.source) || []).some(isNoSource) || chosen.source === NO_SOURCE) {
    selects.source.append(h("option", { value: NO_SOURCE, selected: chosen.source === NO_SOURCE }, t("ov_no_source")));
  }
}

/** "Bộ Tư pháp · cấp xã": the filters in words. */
function filterWords(ctx) {
  return FILTERS.filter((k) => ctx.chosen[k]).map((k) => (k === "level" ? t("ov_at_level", { level: levelName(ctx.chosen.level).toLocaleLowerCase(ctx.lang) })
    : k === "field" ? t("ov_in_field", { field: ctx.chosen.field }) : ctx.names[k](ctx.chosen[k]))).join(" · ");
}

// --- the answer, the figures -----------------------------------------------------------------

function sum(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) if (typeof v === "number") out[k] = (out[k] || 0) + v;
  return out;
}

function totalsOf(rows) {
  const procs = new Set(rows.map((x) => x.procedure));
  const t0 = { requirements: 0, copies: 0, conditional_requirements: 0, conditional_copies: 0, procedures: procs.size };
  for (const x of rows) {
    if (x.conditional) { t0.conditional_requirements += 1; t0.conditional_copies += x.copies; } else { t0.requirements += 1; t0.copies += x.copies; }
  }
  return t0;
}

function groupRows(rows, by) {
  const groups = {};
  for (const x of rows) (groups[x[by]] = groups[x[by]] || []).push(x);
  return Object.fromEntries(Object.entries(groups).map(([k, xs]) => [k, totalsOf(xs)]));
}

const weight = (g) => (g.copies || 0) + (g.conditional_copies || 0);
const ranked = (groups) => Object.entries(groups).sort((a, b) => weight(b[1]) - weight(a[1]) || (b[1].copies || 0) - (a[1].copies || 0));

function summary(total, byMin, ctx) {
  const where = filterWords(ctx);
  const vars = { day: dmy(ctx.day), copies: num(total.copies), reqs: num(total.requirements), cond: num(total.conditional_copies),
    procs: num(total.procedures) };
  const nothing = !total.copies && !total.conditional_copies;
  let s = nothing ? t("ov_answer_none", vars) : t("ov_answer", vars);
  if (where) s = `${where}: ${s.charAt(0).toLocaleLowerCase(ctx.lang) + s.slice(1)}`;
  const out = [h("p", { id: "ov-answer", class: "answer" }, s)];
  const top = ranked(byMin);
  if (!ctx.chosen.ministry && top.length > 1 && weight(top[0][1])) {
    const [k, g] = top[0];
    out.push(h("p", { id: "ov-top" }, t("ov_top", { ministry: ctx.names.ministry(k), copies: num(g.copies), cond: num(g.conditional_copies) }), " ",
      h("a", { href: href(ctx.day, ctx.chosen, { ministry: k }), onclick: () => { focusList = true; } }, t("ov_top_list"))));
  }
  out.push(h("p", { class: "muted small", id: "ov-conditional-help" }, t("ov_conditional_help")));
  return out;
}

/** A figure with its name and, under it, what it counts. */
function tile(label, value, key, help) {
  return h("div", { class: "kpi", dataset: { kpi: key } }, h("div", { class: "v" }, value), h("div", { class: "l" }, label),
    help ? h("div", { class: "d" }, help) : null);
}

function report(r, total, byMin, bySrc, ctx) {
  const { day, chosen } = ctx;
  const dl = h("button", { type: "button", id: "ov-xlsx" }, t("ov_download"));
  const note = h("span", { class: "muted small", role: "status", "aria-live": "polite" });
  dl.addEventListener("click", () => download(ctx, dl, note));
  const gaps = Array.isArray(r.gaps) ? r.gaps.length : r.gaps_count;
  const tiles = h("div", { class: "kpis", id: "ov-totals" },
    tile(t("ov_total_copies"), num(total.copies), "copies", t("ov_def_copies")),
    tile(t("ov_total_reqs"), num(total.requirements), "requirements", t("ov_def_reqs")),
    tile(t("conditional_copies"), num(total.conditional_copies), "conditional_copies", t("ov_def_conditional")),
    tile(t("ov_total_procs"), num(total.procedures), "procedures", t("ov_def_procs")),
    tile(t("ov_evaluated"), num(r.procedures_evaluated), "evaluated", t("ov_def_evaluated")),
    tile(t("ov_gaps"), num(gaps), "gaps", t("ov_def_gaps")));
  const where = filterWords(ctx);
  const head = h("div", { class: "card" },
    h("div", { class: "row" }, h("h2", { id: "ov-report-h", class: "grow" }, t("ov_report", { day: dmy(day) }), where ? ` — ${where}` : ""), dl, note),
    chosen.source === NO_SOURCE ? h("p", { class: "notice small" }, t("ov_no_source_xlsx")) : null,
    tiles);
  const minEntries = ranked(byMin);
  const srcEntries = ranked(bySrc);
  const chartCard = (id, title, entries, what) => h("div", { class: "card" }, h("h2", {}, title),
    entries.length
      ? [h("p", { class: "muted small" }, t("ov_chart_help"), entries.length > CHART_BARS ? ` ${t("ov_chart_top", { n: CHART_BARS, of: num(entries.length), what })}` : ""),
        h("div", { class: "chart-box" }, h("canvas", { id, role: "img", "aria-label": `${title}: ${t("ov_chart_alt")}` }))]
      : h("p", { class: "muted" }, t("ov_nothing")));
  return [head,
    h("div", { class: "grid two" },
      chartCard("ov-chart-ministry", t("ov_by_ministry"), minEntries, t("ov_what_ministries")),
      chartCard("ov-chart-source", t("ov_by_source"), srcEntries, t("ov_what_sources"))),
    h("div", { class: "grid two" },
      h("div", { class: "card table-wrap" }, totalsTable("ov-table-ministry", t("ov_table_caption"), t("ministry"), minEntries, ctx.names.ministry,
        (k) => href(day, chosen, { ministry: k }))),
      h("div", { class: "card table-wrap" }, totalsTable("ov-table-source", t("ov_src_caption"), t("source"), srcEntries, ctx.names.source,
        (k) => href(day, chosen, { source: k }))))];
}

function totalsTable(id, caption, keyLabel, entries, name, link) {
  const cols = ["procedures", "requirements", "copies", "conditional_requirements", "conditional_copies"];
  return h("table", { id, class: "drill stack" },
    h("caption", {}, caption, h("span", { class: "muted small" }, ` — ${t("ov_table_help")}`)),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, keyLabel), cols.map((c) => h("th", { scope: "col", class: "n" }, t(c))))),
    h("tbody", {}, entries.map(([k, g]) => {
      const a = h("a", { href: link(k), onclick: () => { focusList = true; } }, name(k));
      return h("tr", { dataset: { key: k }, onclick: (e) => { if (e.target.closest("a")) return; focusList = true; a.click(); } },
        h("th", { scope: "row" }, a), cols.map((c) => h("td", { class: "n", dataset: { label: t(c) } }, num(g[c]))));
    })));
}

function bars(canvas, groups, name, onPick) {
  if (!canvas) return;
  const entries = ranked(groups).slice(0, CHART_BARS);
  const narrow = canvas.parentElement.clientWidth < 520;
  const labels = entries.map(([k]) => name(k));
  const c = chart(canvas, {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: t("ov_total_copies"), data: entries.map(([, g]) => g.copies), backgroundColor: PALETTE[0] },
        { label: t("conditional_copies"), data: entries.map(([, g]) => g.conditional_copies), backgroundColor: PALETTE[1] },
      ],
    },
    options: {
      locale: getLang() === "en" ? "en-GB" : "vi-VN",
      indexAxis: "y",
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { autoSkip: false, callback: (v, i) => shorten(labels[i], narrow ? 22 : 44) } } },
      plugins: { tooltip: { callbacks: { title: (items) => (items.length ? labels[items[0].dataIndex] : "") } } },
      onHover: (evt, els) => { evt.native.target.style.cursor = els.length ? "pointer" : "default"; },
      onClick: (evt) => {
        // The whole band of a bar answers (its label side too), not only the coloured part.
        const els = c.getElementsAtEventForMode(evt, "y", { intersect: false }, true);
        if (els.length) onPick(entries[els[0].index][0]);
      },
    },
  });
  if (c) canvas.dataset.keys = JSON.stringify(entries.map(([k]) => k));
}

// --- the list --------------------------------------------------------------------------------

function condWords(struckIf) {
  return Object.entries(struckIf || {}).map(([a, vs]) => {
    const names = vs.map((v) => tOr(`av_${keyOf(a)}_${keyOf(v)}`) || v);
    const words = names.length > 1 ? `${names.slice(0, -1).join(", ")}${t("pr_or")}${names[names.length - 1]}` : names.join("");
    return tOr(`ac_${keyOf(a)}`, { v: words }) || `${tOr(`an_${keyOf(a)}`) || a}: ${words}`;
  }).join(t("pr_and"));
}

function list(slot, rows, total, ctx, r, shown = LIST_PAGE) {
  const all = (total.requirements || 0) + (total.conditional_requirements || 0);
  const where = filterWords(ctx);
  const head = h("h2", { id: "ov-list-h", tabindex: "-1" }, t("ov_list_title", { n: num(all) }), where ? ` — ${where}` : "");
  if (!rows.length) { slot.replaceChildren(head, h("p", { class: "muted" }, t("ov_nothing"))); return; }
  const showing = rows.slice(0, shown);
  const cols = [t("procedure"), ctx.chosen.ministry ? null : t("ministry"), t("ov_paper"), t("status"), t("source"), t("copies")].filter(Boolean);
  const table = h("table", { id: "ov-rows", class: "drill stack" },
    h("caption", { class: "sr-only" }, t("ov_list_title", { n: num(all) })),
    h("thead", {}, h("tr", {}, cols.map((c, i) => h("th", { scope: "col", class: i === cols.length - 1 ? "n" : null }, c)))),
    h("tbody", {}, showing.map((x) => {
      const open = h("a", { href: `#/procedures/${encodeURIComponent(x.procedure)}?as_of=${ctx.day}`, dataset: { code: x.procedure } },
        h("span", { class: "muted" }, x.procedure), " ", x.procedure_name);
      const status = x.conditional
        ? [h("span", { class: "badge conditional" }, t("st_conditional")), " ", h("span", { class: "small" }, t("pr_paper_struck_if", { cond: condWords(x.struck_if) }))]
        : h("span", { class: `badge ${GONE.has(x.status) ? x.status : "struck"}` }, t(`st_${x.status}`));
      return h("tr", { dataset: { procedure: x.procedure, ministry: x.ministry, conditional: String(!!x.conditional) },
        onclick: (e) => { if (!e.target.closest("a")) open.click(); } },
        h("th", { scope: "row" }, open),
        ctx.chosen.ministry ? null : h("td", { dataset: { label: t("ministry") } }, x.ministry_name || ctx.names.ministry(x.ministry)),
        h("td", { class: "paper", title: x.requirement_text, dataset: { label: t("ov_paper") } }, shorten(x.paper_text || x.requirement_text, 140)),
        h("td", { dataset: { label: t("status") } }, status),
        h("td", { dataset: { label: t("source") } }, x.source ? ctx.names.source(x.source) : t("ov_dropped_by", { basis: legalText(x.legal_basis, ctx.lang) })),
        h("td", { class: "n", dataset: { label: t("copies") } }, num(x.copies)));
    })));
  const out = [head, h("p", { class: "muted small" }, t("ov_list_help")), h("div", { class: "table-wrap" }, table)];
  if (all > showing.length) {
    const more = h("button", { type: "button", id: "ov-more" }, t("ov_more", { n: num(showing.length), of: num(all) }));
    more.addEventListener("click", async () => {
      more.disabled = true;
      const want = shown * 4;
      try {
        let next = rows;
        if (rows.length < Math.min(all, want)) {
          const api = { ...ctx.chosen, source: ctx.chosen.source === NO_SOURCE ? "" : ctx.chosen.source };
          const got = await call(endpoints.unnecessary({ as_of: ctx.day, lang: ctx.lang, ...api, limit: want }));
          next = ctx.chosen.source === NO_SOURCE ? got.rows.filter((x) => !x.source) : got.rows;
        }
        list(slot, next, total, ctx, r, want);
        const rowsNow = slot.querySelectorAll("#ov-rows tbody tr");
        if (rowsNow[shown]) rowsNow[shown].querySelector("a").focus();
      } catch (e) {
        more.replaceWith(errorBox(e));
      }
    });
    out.push(h("p", {}, more, " ", h("span", { class: "muted small" }, t("ov_more_xlsx"))));
  }
  slot.replaceChildren(...out);
}

async function download(ctx, button, note) {
  button.disabled = true;
  note.textContent = t("ov_downloading");
  const api = { ...ctx.chosen, source: ctx.chosen.source === NO_SOURCE ? "" : ctx.chosen.source };
  try {
    const { blob, filename } = await call(endpoints.unnecessary({ as_of: ctx.day, lang: ctx.lang, ...api, format: "xlsx" }), {
      as: "blob", accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    // The file's name says what it holds: the day and the filters.
    const tags = FILTERS.map((k) => api[k]).filter(Boolean).map((v) => String(v).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase());
    const base = (filename || `unnecessary-${ctx.day}.xlsx`).replace(/\.xlsx$/, "");
    const name = `${[base, ...tags].join("-")}.xlsx`;
    const a = h("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    note.textContent = t("ov_downloaded", { file: name });
  } catch (e) {
    note.replaceChildren(errorBox(e));
  } finally {
    button.disabled = false;
  }
}

// --- live KPIs -------------------------------------------------------------------------------

async function kpis(slot, day, filters, anyFilter) {
  const head = h("h2", { id: "ov-kpi-h" }, t("ov_kpis"), " ", h("span", { class: "muted small" }, t("ov_kpi_day", { day: dmy(day) })));
  slot.replaceChildren(head, loading());
  const query = { day_from: day, day_to: day, group_by: ["source"], ministry: filters.ministry || undefined, source: filters.source || undefined };
  try {
    const k = await call(endpoints.kpis(query));
    const tot = k.totals;
    const box = h("div", { class: "kpis" },
      tile(t("kpi_evaluations"), num(tot.evaluations), "evaluations", t("kpi_def_evaluations")),
      tile(t("kpi_documents"), num(tot.documents), "documents", t("kpi_def_documents")),
      tile(t("kpi_copies"), num(tot.copies), "copies", t("kpi_def_copies")),
      tile(t("kpi_before_after"), `${num(tot.copies_before)} → ${num(tot.copies_after)}`, "before_after", t("kpi_def_before_after")));
    slot.replaceChildren(head, h("p", { class: "muted small" }, t("ov_kpi_help")), box);
    if (anyFilter && (filters.level || filters.field)) slot.append(h("p", { class: "muted small" }, t("ov_kpi_filters")));
    if (!tot.evaluations) slot.append(h("p", { class: "muted small" }, t("ov_no_kpis")));
  } catch (e) {
    slot.replaceChildren(head, errorBox(e, () => kpis(slot, day, filters, anyFilter)));
  }
}

// --- the announced databases -----------------------------------------------------------------

const STATUS_BADGE = { online: "struck", offline: "required", degraded: "conditional" };

async function sourcesTable(slot, sourcesP, day, chosen) {
  const head = h("h2", { id: "ov-src-h" }, t("ov_sources"));
  const s = await sourcesP;
  if (s instanceof Error) { slot.replaceChildren(head, errorBox(s)); return; }
  const lang = getLang();
  slot.replaceChildren(head, h("p", { class: "muted small" }, t("ov_sources_help")), h("div", { class: "table-wrap" }, h("table", { id: "ov-sources", class: "drill stack" },
    h("caption", { class: "sr-only" }, t("ov_sources")),
    h("thead", {}, h("tr", {}, [t("source"), t("status"), t("ov_announced"), t("pr_legal")].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, s.items.map((x) => {
      const a = h("a", { href: href(day, chosen, { source: x.id }), onclick: () => { focusList = true; } }, pick(x.name));
      return h("tr", { dataset: { source: x.id }, onclick: (e) => { if (!e.target.closest("a")) { focusList = true; a.click(); } } },
        h("th", { scope: "row" }, a),
        h("td", { dataset: { label: t("status") } }, h("span", { class: `badge ${STATUS_BADGE[x.status] || "conditional"}` }, t(`pr_src_${x.status}`))),
        h("td", { dataset: { label: t("ov_announced") } }, x.announced ? dmy(x.announced) : "—"),
        h("td", { class: "small", dataset: { label: t("pr_legal") } }, legalText(basisOf(x.legal_basis), lang)));
    })))));
}

function basisOf(basis) {
  if (!basis) return "";
  if (typeof basis === "string") return basis;
  return [basis.act, basis.article].filter(Boolean).join(", ");
}
