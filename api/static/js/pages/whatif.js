// What-if: pick or edit a scenario, run it, read the diff and the monthly timeline; compare two scenarios.
import { call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { chart, errorBox, field, h, loading, PALETTE } from "../dom.js";

const METRICS = [
  ["copies_removed_per_year", "wi_copies_removed_y"], ["copies_added_per_year", "wi_copies_added_y"],
  ["hours_saved_per_year", "wi_hours"], ["vnd_saved_per_year", "wi_vnd"],
  ["procedures", "wi_procs"], ["requirements_removed", "wi_reqs_removed"], ["requirements_added", "wi_reqs_added"],
  ["copies_removed", "wi_copies_removed"], ["copies_added", "wi_copies_added"],
  ["conditional_removed", "wi_cond_removed"], ["conditional_added", "wi_cond_added"],
  ["conditional_copies_removed", "wi_cond_copies_removed"], ["conditional_copies_added", "wi_cond_copies_added"],
  ["conditional_hours_per_year", "wi_cond_hours"],
];
const TILES = ["procedures", "copies_removed_per_year", "copies_added_per_year", "hours_saved_per_year", "vnd_saved_per_year",
  "conditional_removed", "conditional_added", "conditional_hours_per_year"];

let scenarioList = null;

export async function render(main, { params }) {
  main.append(h("h1", {}, t("wi_title")));
  const slot = h("div", {}, loading());
  main.append(slot);
  try {
    if (!scenarioList) scenarioList = (await call(endpoints.scenarios())).items;
  } catch (e) {
    slot.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }); }));
    return;
  }
  const byId = Object.fromEntries(scenarioList.map((s) => [s.id, s]));
  const first = params.get("scenario") && byId[params.get("scenario")] ? params.get("scenario") : (scenarioList[0] || {}).id;
  const opt = (s, sel) => h("option", { value: s.id, selected: s.id === sel }, `${pick(s.name) || s.id} (${s.id})`);
  const selA = h("select", {}, scenarioList.map((s) => opt(s, first)));
  const selB = h("select", {}, h("option", { value: "" }, t("wi_no_compare")), scenarioList.map((s) => opt(s, params.get("compare"))));
  const asOf = h("input", { type: "date" });
  const from = h("input", { type: "date" });
  const to = h("input", { type: "date" });
  const text = h("textarea", { rows: 14, spellcheck: "false" });
  const jsonError = h("p", { class: "error", role: "alert", hidden: true });
  let original = "";
  const load = () => {
    const s = byId[selA.value];
    const doc = s.document || s;
    original = JSON.stringify(doc, null, 2);
    text.value = original;
    asOf.value = s.as_of || (doc.as_of || "");
    const period = s.period || doc.period || {};
    from.value = period.from || ""; to.value = period.to || "";
    jsonError.hidden = true;
  };
  selA.addEventListener("change", () => { [asOf, from, to].forEach((x) => delete x.dataset.touched); load(); });
  [asOf, from, to].forEach((x) => x.addEventListener("change", () => { x.dataset.touched = "1"; }));
  load();
  const desc = h("p", { class: "muted small", id: "wi-desc" });
  const showDesc = () => { const s = byId[selA.value]; desc.textContent = typeof s.description === "string" ? s.description : pick(s.description); };
  selA.addEventListener("change", showDesc); showDesc();
  const runBtn = h("button", { type: "submit", class: "primary", id: "wi-run" }, t("wi_run"));
  const results = h("section", { id: "wi-results", "aria-live": "polite" });
  const form = h("form", { class: "card", onsubmit: (e) => { e.preventDefault(); run(); } },
    h("div", { class: "filters" }, field("wi-a", t("wi_scenario"), selA), field("wi-b", t("wi_compare"), selB),
      field("wi-asof", t("wi_as_of"), asOf), field("wi-from", t("wi_from"), from), field("wi-to", t("wi_to"), to), runBtn),
    desc,
    h("details", {}, h("summary", {}, t("wi_edit")), h("p", { class: "muted small" }, t("wi_edit_help")),
      field("wi-json", t("wi_edit"), text), jsonError, h("button", { type: "button", onclick: load }, t("wi_reset"))));
  slot.replaceChildren(form, results);

  async function run() {
    let scenarioA = selA.value;
    if (text.value !== original) {
      try { scenarioA = JSON.parse(text.value); } catch (e) { jsonError.textContent = t("wi_bad_json", { msg: e.message }); jsonError.hidden = false; text.focus(); return; }
    }
    jsonError.hidden = true;
    const dates = { as_of: asOf.value || undefined, from: from.value || undefined, to: to.value || undefined };
    runBtn.disabled = true;
    results.replaceChildren(loading(t("wi_running")));
    results.setAttribute("aria-busy", "true");
    try {
      const jobs = [call(endpoints.simulate({ scenario: scenarioA, ...dates }))];
      // B keeps its own dates unless the officer changed them here (then both run on the same dates).
      const touched = [asOf, from, to].some((x) => x.dataset.touched);
      if (selB.value) jobs.push(call(endpoints.simulate({ scenario: selB.value, ...(touched ? dates : {}) })));
      const [a, b] = await Promise.all(jobs);
      results.replaceChildren(...show(a, b));
      drawCharts(a, b);
      results.dataset.done = "true";
    } catch (e) {
      results.replaceChildren(errorBox(e, run));
    } finally {
      runBtn.disabled = false;
      results.removeAttribute("aria-busy");
    }
  }
}

function name(r) { return pick(r.scenario.name) || r.scenario.id; }

function totals(r, id) {
  return h("div", { class: "kpis", id }, METRICS.filter(([k]) => TILES.includes(k)).map(([k, label]) =>
    h("div", { class: "kpi", dataset: { metric: k } }, h("div", { class: "v" }, num(r.totals[k])), h("div", { class: "l" }, t(label)))));
}

function show(a, b) {
  const out = [];
  const head = h("div", { class: "card", id: "wi-summary" }, h("h2", {}, `${name(a)} — ${a.as_of}`), totals(a, "wi-totals"));
  if (a.scenario.estimate) {
    head.append(h("div", { class: "notice small" }, t("wi_estimate"),
      h("ul", {}, (a.scenario.assumptions || []).map((x) => h("li", {}, x.statement)))));
  }
  if (a.cost_note) head.append(h("p", { class: "notice small" }, t("wi_cost_note", { note: a.cost_note })));
  for (const o of a.outages || []) {
    head.append(h("p", { class: "small" }, t("wi_outage", { source: o.source, from: o.from, to: o.to, days: o.days, copies: num(o.copies_added_over_window), hours: num(o.hours_lost_over_window) })));
  }
  out.push(head);
  if (b) out.push(side(a, b));
  if (b) head.append(h("p", { class: "muted small" }, t("wi_dates", { a: name(a), da: a.as_of, b: name(b), db: b.as_of })));
  out.push(h("div", { class: "grid two" },
    h("div", { class: "card" }, h("h2", {}, t("wi_timeline")), h("div", { class: "chart-box" }, h("canvas", { id: "wi-chart-timeline", role: "img", "aria-label": t("wi_timeline") }))),
    h("div", { class: "card" }, h("h2", {}, t("wi_by_ministry")),
      field("wi-metric", t("wi_metric"), h("select", {}, MINISTRY_METRICS.map(([k, l]) => h("option", { value: k }, t(l))))),
      h("div", { class: "chart-box" }, h("canvas", { id: "wi-chart-ministry", role: "img", "aria-label": t("wi_by_ministry") })))));
  const procs = (a.procedures || []).slice(0, 20);
  if (procs.length) {
    const cols = ["copies_removed_per_year", "copies_added_per_year", "hours_saved_per_year", "conditional_added", "conditional_removed"];
    out.push(h("div", { class: "card table-wrap" }, h("h2", {}, t("wi_top_procs")), h("table", { id: "wi-procs" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("procedure")), cols.map((c) => h("th", { scope: "col", class: "n" }, t(METRICS.find((m) => m[0] === c)[1]))))),
      h("tbody", {}, procs.map((p) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/procedures/${encodeURIComponent(p.code)}?as_of=${a.as_of}` }, p.code), " ", getLang() === "en" && p.name_en ? p.name_en : p.name),
        cols.map((c) => h("td", { class: "n" }, num(p[c])))))))));
  }
  return out;
}

function side(a, b) {
  return h("div", { class: "card table-wrap" }, h("h2", {}, t("wi_side")), h("table", { id: "wi-compare" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("wi_metric")), h("th", { scope: "col", class: "n" }, `${name(a)} (${a.as_of})`), h("th", { scope: "col", class: "n" }, `${name(b)} (${b.as_of})`))),
    h("tbody", {}, METRICS.map(([k, label]) => h("tr", { dataset: { metric: k } }, h("th", { scope: "row" }, t(label)),
      h("td", { class: "n" }, num(a.totals[k])), h("td", { class: "n" }, num(b.totals[k])))))));
}

function drawCharts(a, b) {
  const line = (label, data, color, dashed) => ({ label, data, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [], spanGaps: true });
  const dates = [...new Set([...(a.timeline || []), ...((b && b.timeline) || [])].map((x) => x.date))].sort();
  const series = (r, side) => { const m = Object.fromEntries((r.timeline || []).map((x) => [x.date, x[side].copies_avoided_per_year])); return dates.map((d) => m[d] ?? null); };
  // Each scenario's baseline is over its own scope (the procedures it can change): drawn per scenario.
  const datasets = [line(`${t("wi_baseline")} (${name(a)})`, series(a, "before"), PALETTE[0], true), line(name(a), series(a, "after"), PALETTE[0], false)];
  if (b) datasets.push(line(`${t("wi_baseline")} (${name(b)})`, series(b, "before"), PALETTE[1], true), line(name(b), series(b, "after"), PALETTE[1], false));
  const tl = dates.map((date) => ({ date }));
  chart(document.getElementById("wi-chart-timeline"), { type: "line", data: { labels: tl.map((x) => x.date.slice(0, 7)), datasets } });
  const select = document.getElementById("wi-metric");
  const keys = [...new Set([...Object.keys(a.by_ministry || {}), ...Object.keys((b && b.by_ministry) || {})])];
  const nonzero = MINISTRY_METRICS.find(([k]) => keys.some((m) => ((a.by_ministry[m] || {})[k] || 0) !== 0));
  if (nonzero && !select.dataset.touched) select.value = nonzero[0];
  const drawBars = () => {
    const k = select.value;
    const sets = [{ label: name(a), data: keys.map((m) => (a.by_ministry[m] || {})[k] || 0), backgroundColor: PALETTE[0] }];
    if (b) sets.push({ label: name(b), data: keys.map((m) => (b.by_ministry[m] || {})[k] || 0), backgroundColor: PALETTE[1] });
    chart(document.getElementById("wi-chart-ministry"), { type: "bar", data: { labels: keys, datasets: sets } });
  };
  select.onchange = () => { select.dataset.touched = "1"; drawBars(); };
  drawBars();
}

const MINISTRY_METRICS = [
  ["hours_saved_per_year", "wi_hours"], ["copies_removed_per_year", "wi_copies_removed_y"], ["copies_added_per_year", "wi_copies_added_y"],
  ["vnd_saved_per_year", "wi_vnd"], ["conditional_added", "wi_cond_added"], ["conditional_removed", "wi_cond_removed"],
  ["conditional_hours_per_year", "wi_cond_hours"], ["procedures", "wi_procs"],
];
