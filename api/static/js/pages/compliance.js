// Appendix check: Res. 66.7's Appendix I and II rows against the catalogue, the answer in one sentence first,
// then totals by ministry and the rows (still named on the portal / overdue first). No charts.
// The route carries the filters: #/compliance?as_of=2026-06-01&ministry=bo-tu-phap
import { call, endpoints } from "../api.js";
import { getLang, num, t } from "../i18n.js";
import { dmy, errorBox, field, h, isoOf, loading, setRoute, today } from "../dom.js";

const ORDER = ["required", "conditional", "struck", "not-asked", "not-in-catalogue", "not-encoded"];
const BADGE = { required: "required", conditional: "conditional", struck: "struck" };
// The ministries of the whole report, per date and language: the filter lists them all even when one is chosen.
const ministriesCache = new Map();

export async function render(main, { params }, isCurrent = () => true) {
  delete main.dataset.ready;
  const day = params.get("as_of") || today();
  const ministry = params.get("ministry") || "";
  const lang = getLang();
  // A text field in dd/mm/yyyy, as on the procedure page (a native date field
  // shows the browser's own format, often mm/dd/yyyy).
  const dateInput = h("input", { type: "text", inputmode: "numeric", autocomplete: "off", size: 11, value: dmy(day),
    placeholder: t("pr_date_format"), required: true,
    oninput: () => { dateInput.setCustomValidity(""); dateInput.removeAttribute("aria-invalid"); } });
  const ministrySelect = h("select", {}, h("option", { value: "" }, t("all")));
  const go = () => {
    const iso = isoOf(dateInput.value);
    if (!iso) {
      dateInput.setAttribute("aria-invalid", "true");
      dateInput.setCustomValidity(t("pr_date_bad", { format: t("pr_date_format") }));
      dateInput.reportValidity();
      return;
    }
    const p = new URLSearchParams({ as_of: iso });
    if (ministrySelect.value) p.set("ministry", ministrySelect.value);
    setRoute(["compliance"], p);
  };
  ministrySelect.addEventListener("change", go);
  const form = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go(); } },
    field("co-date", t("date"), dateInput),
    field("co-ministry", t("ministry"), ministrySelect),
    h("button", { type: "submit", class: "primary" }, t("apply")));
  const answer = h("section", { class: "card", id: "co-summary", "aria-live": "polite" }, loading());
  const body = h("div", { id: "co-body" });
  main.append(h("h1", {}, t("co_title")), answer, form, body);

  const query = { as_of: day, lang, ...(ministry ? { ministry } : {}) };
  let r;
  try {
    const key = `${day}|${lang}`;
    const wantAll = ministry && !ministriesCache.has(key);
    const [report, all] = await Promise.all([
      call(endpoints.compliance(query)),
      wantAll ? call(endpoints.compliance({ as_of: day, lang })) : null,
    ]);
    r = report;
    const whole = all || (!ministry ? r : null);
    if (whole) ministriesCache.set(key, Object.keys(whole.by_ministry).map((k) => [k, whole.ministry_names[k] || whole.by_ministry[k].name]));
  } catch (e) {
    if (!isCurrent()) return;
    answer.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }, isCurrent); }));
    main.dataset.ready = "true";
    return;
  }
  if (!isCurrent()) return;
  const names = (k) => (r.ministry_names && r.ministry_names[k]) || (r.by_ministry[k] && r.by_ministry[k].name) || k;
  const options = (ministriesCache.get(`${day}|${lang}`) || []).slice().sort((a, b) => a[1].localeCompare(b[1], lang));
  for (const [k, name] of options) ministrySelect.append(h("option", { value: k, selected: k === ministry }, name));

  answer.replaceChildren(...summary(r, day, ministry ? names(ministry) : "", query));
  body.replaceChildren(byMinistry(r, names, day), rowsTable(r));
  main.dataset.ready = "true";
}

function summary(r, day, ministryName, query) {
  const tot = r.total;
  const days = r.reengineer_days;
  const vars = { asked: num(tot.asked), overdue: num(tot.overdue), days: days == null ? "—" : num(days), ministry: ministryName };
  const sentence = h("p", { id: "co-answer", style: "font-size:1.15rem;font-weight:600;margin:0 0 6px" },
    t(ministryName ? "co_answer_ministry" : "co_answer", vars));
  const detail = h("p", { class: "muted small", style: "margin:0 0 6px" }, t("co_detail", {
    day: dmy(r.as_of || day), rows: num(tot.rows), struck: num(tot.struck), conditional: num(tot.conditional),
    notAsked: num(tot["not-asked"]), absent: num(tot["not-in-catalogue"]), notEncoded: num(tot["not-encoded"]),
  }));
  const extra = h("p", { class: "muted small", style: "margin:0 0 6px" }, t("co_candidates", { n: num(tot.candidates) }));
  const note = h("span", { class: "muted small", role: "status", "aria-live": "polite" });
  const link = h("a", { href: "#", id: "co-xlsx", onclick: (e) => { e.preventDefault(); download(query, link, note); } }, t("ov_download"));
  return [sentence, detail, extra, h("p", { class: "row", style: "margin:0" }, link, note)];
}

function byMinistry(r, names, day) {
  const cols = [["rows", "co_rows"], ["asked", "co_asked"], ["overdue", "co_overdue"], ["struck", "co_struck"],
    ["conditional", "co_conditional"], ["not-in-catalogue", "co_absent"]];
  const link = (k) => `#/compliance?${new URLSearchParams({ as_of: day, ministry: k })}`;
  return h("section", { class: "card", "aria-labelledby": "co-min-h" },
    h("h2", { id: "co-min-h" }, t("ov_by_ministry")),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": t("co_min_caption") }, h("table", { id: "co-ministries", class: "cards" },
      h("caption", { class: "sr-only" }, t("co_min_caption")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("ministry")), cols.map(([, label]) => h("th", { scope: "col", class: "n" }, t(label))))),
      h("tbody", {}, Object.entries(r.by_ministry).map(([k, g]) => h("tr", { dataset: { key: k } },
        h("th", { scope: "row" }, h("a", { href: link(k) }, names(k))),
        cols.map(([c, label]) => h("td", { class: "n", "data-label": t(label) }, num(g[c])))))))));
}

function rowsTable(r) {
  const rank = (row) => [row.overdue ? 0 : 1, row.asked ? 0 : 1, ORDER.indexOf(row.state), row.appendix === "I" ? 0 : 1, row.item];
  const rows = r.rows.slice().sort((a, b) => {
    const x = rank(a); const y = rank(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
  const label = (s) => (r.state_labels && r.state_labels[s]) || s;
  return h("section", { class: "card", "aria-labelledby": "co-rows-h" },
    h("h2", { id: "co-rows-h" }, t("co_rows_title", { n: num(rows.length) })),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": t("co_rows_table") }, h("table", { id: "co-rows", class: "cards" },
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, t("co_item")), h("th", { scope: "col", style: "width:32%" }, t("procedure")), h("th", { scope: "col" }, t("co_paper")),
        h("th", { scope: "col", style: "min-width:12em" }, t("co_state")), h("th", { scope: "col", class: "n" }, t("co_days")),
        h("th", { scope: "col", style: "min-width:16em" }, t("co_entries")))),
      h("tbody", {}, rows.map((row) => h("tr", { dataset: { state: row.state, overdue: String(row.overdue), asked: String(row.asked) } },
        h("td", { "data-label": t("co_item") }, `${row.appendix}.${row.item}`),
        h("td", { class: "co-proc" }, row.code ? h("span", { class: "muted" }, row.code) : "", row.code ? " " : "", row.procedure_name),
        h("td", { class: "co-paper" }, row.document, row.database ? h("div", { class: "muted small" }, row.database) : ""),
        h("td", { "data-label": t("co_state") }, h("span", {}, h("span", { class: `badge ${BADGE[row.state] || ""}`, style: "border-radius:6px" }, label(row.state)),
          row.overdue ? [" ", h("span", { class: "badge required" }, t("co_overdue_badge"))] : "")),
        h("td", { class: "n", "data-label": t("co_days") }, h("span", {}, row.days_in_effect == null ? "—" : num(row.days_in_effect),
          row.effective ? h("div", { class: "muted small" }, t("co_since", { day: dmy(row.effective) })) : "")),
        h("td", { class: "small co-entries" }, entries(row))))))));
}

function entries(row) {
  if (!row.entries || !row.entries.length) return "";
  return h("ul", { style: "margin:0;padding-left:1.1em" }, row.entries.map((e) => h("li", {},
    e.requirement_text || e.paper,
    e.paper && e.requirement_text && e.paper !== e.requirement_text ? h("div", { class: "muted" }, e.paper) : "")));
}

async function download(query, link, note) {
  if (link.getAttribute("aria-disabled") === "true") return;
  link.setAttribute("aria-disabled", "true");
  note.textContent = t("ov_downloading");
  try {
    const { blob, filename } = await call(endpoints.compliance({ ...query, format: "xlsx" }), {
      as: "blob", accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const name = filename || `compliance-${query.as_of}.xlsx`;
    const a = h("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    note.textContent = t("ov_downloaded", { file: name });
  } catch (e) {
    note.replaceChildren(errorBox(e));
  } finally {
    link.removeAttribute("aria-disabled");
  }
}
