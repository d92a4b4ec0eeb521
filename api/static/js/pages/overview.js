// Overview: live KPIs and the unnecessary-copies report (by ministry and by database) for a date.
import { call, endpoints } from "../api.js";
import { num, pick, t } from "../i18n.js";
import { chart, errorBox, field, h, loading, PALETTE, setRoute, today } from "../dom.js";

export async function render(main, { params }) {
  const started = performance.now();
  const day = params.get("as_of") || today();
  const dateInput = h("input", { type: "date", value: day, required: true });
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); setRoute(["overview"], new URLSearchParams({ as_of: dateInput.value })); } },
    field("ov-date", t("date"), dateInput),
    h("button", { type: "submit", class: "primary" }, t("apply")));
  const kpiSlot = h("section", { class: "card", "aria-labelledby": "ov-kpi-h" });
  const reportSlot = h("section", { "aria-labelledby": "ov-report-h" });
  const sourceSlot = h("section", { class: "card", "aria-labelledby": "ov-src-h" });
  const timing = h("p", { class: "muted small", id: "ov-timing", "aria-live": "polite" });
  main.append(h("h1", {}, t("ov_title")), form, kpiSlot, reportSlot, sourceSlot, timing);
  kpiSlot.append(h("h2", { id: "ov-kpi-h" }, t("ov_kpis"), " ", h("span", { class: "muted small" }, t("ov_kpi_day", { day }))), loading());
  reportSlot.append(h("h2", { id: "ov-report-h", class: "sr-only" }, t("ov_report", { day })), loading());
  sourceSlot.append(h("h2", { id: "ov-src-h" }, t("ov_sources")), loading());

  const sourcesP = call(endpoints.sources({ as_of: day })).catch((e) => e);
  await Promise.all([
    kpis(kpiSlot, day),
    report(reportSlot, day, sourcesP),
    sourcesTable(sourceSlot, sourcesP),
  ]);
  const ms = Math.round(performance.now() - started);
  main.dataset.ready = "true";
  main.dataset.loadMs = String(ms);
  timing.textContent = t("ov_load_ms", { ms });
}

function tile(label, value, key) {
  return h("div", { class: "kpi", dataset: { kpi: key } }, h("div", { class: "v" }, value), h("div", { class: "l" }, label));
}

async function kpis(slot, day) {
  const head = slot.firstChild;
  try {
    const k = await call(endpoints.kpis({ day_from: day, day_to: day, group_by: ["source"] }));
    const tot = k.totals;
    const box = h("div", { class: "kpis" },
      tile(t("kpi_evaluations"), num(tot.evaluations), "evaluations"),
      tile(t("kpi_documents"), num(tot.documents), "documents"),
      tile(t("kpi_copies"), num(tot.copies), "copies"),
      tile(t("kpi_before_after"), `${num(tot.copies_before)} → ${num(tot.copies_after)}`, "before_after"));
    slot.replaceChildren(head, box);
    if (!tot.evaluations) slot.append(h("p", { class: "muted small" }, t("ov_no_kpis")));
  } catch (e) {
    slot.replaceChildren(head, errorBox(e, () => kpis(slot, day)));
  }
}

async function sourceNames(sourcesP) {
  const s = await sourcesP;
  const names = {};
  if (s && s.items) for (const x of s.items) names[x.id] = pick(x.name);
  return names;
}

async function report(slot, day, sourcesP) {
  const head = slot.firstChild;
  let r;
  try {
    r = await call(endpoints.unnecessary({ as_of: day, limit: 0 }));
  } catch (e) {
    slot.replaceChildren(head, h("div", { class: "card" }, h("h2", {}, t("ov_report", { day })), errorBox(e, () => report(slot, day, sourcesP))));
    return;
  }
  const srcNames = await sourceNames(sourcesP);
  const minNames = Object.assign({}, r.ministry_names || {});
  for (const row of r.rows || []) if (row.ministry_name) minNames[row.ministry] = row.ministry_name;
  const total = r.total || {};
  const byMin = (r.totals && r.totals.ministry) || {};
  const bySrc = (r.totals && r.totals.source) || {};

  const dl = h("button", { type: "button", id: "ov-xlsx", onclick: () => download(day, dl, note) }, t("ov_download"));
  const note = h("span", { class: "muted small", role: "status", "aria-live": "polite" });
  const tiles = h("div", { class: "kpis", id: "ov-totals" },
    tile(t("ov_total_copies"), num(total.copies), "copies"),
    tile(t("ov_total_reqs"), num(total.requirements), "requirements"),
    tile(t("conditional_copies"), num(total.conditional_copies), "conditional_copies"),
    tile(t("ov_total_procs"), num(total.procedures), "procedures"),
    tile(t("ov_evaluated"), num(r.procedures_evaluated), "evaluated"),
    tile(t("ov_gaps"), num(Array.isArray(r.gaps) ? r.gaps.length : r.gaps_count), "gaps"));
  const minCanvas = h("canvas", { id: "ov-chart-ministry", role: "img", "aria-label": t("ov_by_ministry") });
  const srcCanvas = h("canvas", { id: "ov-chart-source", role: "img", "aria-label": t("ov_by_source") });
  slot.replaceChildren(head,
    h("div", { class: "card" }, h("div", { class: "row" }, h("h2", { style: "flex:1" }, t("ov_report", { day })), dl, note), tiles),
    h("div", { class: "grid two" },
      h("div", { class: "card" }, h("h2", {}, t("ov_by_ministry")), h("div", { class: "chart-box" }, minCanvas)),
      h("div", { class: "card" }, h("h2", {}, t("ov_by_source")), h("div", { class: "chart-box" }, srcCanvas))),
    h("div", { class: "grid two" },
      h("div", { class: "card table-wrap" }, totalsTable("ov-table-ministry", t("ov_table_caption"), t("ministry"), byMin, (k) => minNames[k] || k)),
      h("div", { class: "card table-wrap" }, totalsTable("ov-table-source", t("ov_src_caption"), t("source"), bySrc, (k) => srcNames[k] || (k === "-" ? t("none") : k)))));
  bars(minCanvas, byMin, (k) => minNames[k] || k);
  bars(srcCanvas, bySrc, (k) => srcNames[k] || (k === "-" ? t("none") : k));
}

function totalsTable(id, caption, keyLabel, groups, name) {
  const cols = ["procedures", "requirements", "copies", "conditional_requirements", "conditional_copies"];
  return h("table", { id },
    h("caption", { class: "sr-only" }, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, keyLabel), cols.map((c) => h("th", { scope: "col", class: "n" }, t(c))))),
    h("tbody", {}, Object.entries(groups).map(([k, g]) =>
      h("tr", { dataset: { key: k } }, h("th", { scope: "row" }, name(k)), cols.map((c) => h("td", { class: "n" }, num(g[c])))))));
}

function bars(canvas, groups, name) {
  const entries = Object.entries(groups).slice(0, 15);
  chart(canvas, {
    type: "bar",
    data: {
      labels: entries.map(([k]) => name(k)),
      datasets: [
        { label: t("copies"), data: entries.map(([, g]) => g.copies), backgroundColor: PALETTE[0] },
        { label: t("conditional_copies"), data: entries.map(([, g]) => g.conditional_copies), backgroundColor: PALETTE[1] },
      ],
    },
    options: { indexAxis: "y", scales: { x: { stacked: true }, y: { stacked: true, ticks: { autoSkip: false } } } },
  });
}

async function download(day, button, note) {
  button.disabled = true;
  note.textContent = t("ov_downloading");
  try {
    const { blob, filename } = await call(endpoints.unnecessary({ as_of: day, format: "xlsx" }), {
      as: "blob", accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const name = filename || `unnecessary-${day}.xlsx`;
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

async function sourcesTable(slot, sourcesP) {
  const head = slot.firstChild;
  const s = await sourcesP;
  if (s instanceof Error) { slot.replaceChildren(head, errorBox(s)); return; }
  slot.replaceChildren(head, h("div", { class: "table-wrap" }, h("table", { id: "ov-sources" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("source")), h("th", { scope: "col" }, "id"), h("th", { scope: "col" }, t("status")), h("th", { scope: "col" }, t("pr_legal")))),
    h("tbody", {}, s.items.map((x) => h("tr", {},
      h("td", {}, pick(x.name)), h("td", {}, h("code", {}, x.id)),
      h("td", {}, h("span", { class: `badge ${x.status === "online" ? "struck" : x.status === "offline" ? "required" : "conditional"}` }, x.status)),
      h("td", { class: "small" }, legal(x.legal_basis))))))));
}

function legal(basis) {
  if (!basis) return "";
  if (typeof basis === "string") return basis;
  return [basis.act, basis.article].filter(Boolean).join(", ");
}
