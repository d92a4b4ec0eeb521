// What-if: a scenario (a database announced, down, covering more people...) against today's rules.
// The answer first, in one sentence; figures per year for a stated population of applicants
// (by default the expected shares of procedures/parameters/population.yaml), each tile saying
// what it counts; the assumptions in the page's language; charts only when they show a change.
// The run is in the route, so it survives a reload and a language switch:
//   #/whatif?scenario=ethnicity-database-2026&compare=...&population=expected&as_of=...&from=...&to=...&edited=...
import { ApiFailure, call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { chart, dayInput, dmy, errorBox, field, h, loading, loadLib, my, PALETTE, setRoute } from "../dom.js";

/** app.js need not wait for Chart.js: this page loads it while the simulation runs. */
export const loadsOwnLibs = true;

/** The scenario shown when none is asked for: the question officers bring (issue 13, task c). */
const DEFAULT_SCENARIO = "ethnicity-database-2026";
/** Applicants by default: the exact expected shares of the population parameters. */
const DEFAULT_POPULATION = "expected";
const SAMPLE = "10000";
const EDITED = "onceonly.whatif.";

const METRICS = [
  ["copies_removed_per_year", "wi_copies_removed_y"], ["copies_added_per_year", "wi_copies_added_y"],
  ["hours_saved_per_year", "wi_hours"], ["vnd_saved_per_year", "wi_vnd"],
  ["procedures", "wi_procs"], ["requirements_removed", "wi_reqs_removed"], ["requirements_added", "wi_reqs_added"],
  ["copies_removed", "wi_copies_removed"], ["copies_added", "wi_copies_added"],
  ["conditional_removed", "wi_cond_removed"], ["conditional_added", "wi_cond_added"],
  ["conditional_copies_removed", "wi_cond_copies_removed"], ["conditional_copies_added", "wi_cond_copies_added"],
  ["conditional_hours_per_year", "wi_cond_hours"],
];
const LABEL = Object.fromEntries(METRICS);
/** Headline figures, in order; a figure that is zero is left out (the answer says what did not change). */
const TILES = ["procedures", "copies_removed_per_year", "copies_added_per_year", "hours_saved_per_year", "vnd_saved_per_year",
  "conditional_removed", "conditional_added", "conditional_copies_removed", "conditional_copies_added", "conditional_hours_per_year"];
const MINISTRY_METRICS = ["copies_removed_per_year", "copies_added_per_year", "hours_saved_per_year", "vnd_saved_per_year",
  "conditional_removed", "conditional_added", "conditional_hours_per_year", "procedures"];

let scenarioList = null;
let runSeq = 0;

const keyOf = (id) => String(id).replace(/[^A-Za-z0-9]+/g, "_");
function tOr(key, vars) { const s = t(key, vars); return s === key ? null : s; }
const pct = (x) => new Intl.NumberFormat(getLang() === "en" ? "en-GB" : "vi-VN", { style: "percent", maximumFractionDigits: 1 }).format(x);

function hashOf(text) {
  let x = 5381;
  for (let i = 0; i < text.length; i += 1) x = ((x * 33) ^ text.charCodeAt(i)) >>> 0;
  return x.toString(36);
}

/** The run a route asks for, with the defaults filled in. */
function runOf(params, byId) {
  const id = params.get("scenario");
  const scenario = id && byId[id] ? id : (byId[DEFAULT_SCENARIO] ? DEFAULT_SCENARIO : (scenarioList[0] || {}).id);
  const compare = params.get("compare") && byId[params.get("compare")] && params.get("compare") !== scenario ? params.get("compare") : "";
  const population = params.get("population") || DEFAULT_POPULATION;
  return { scenario, compare, population, as_of: params.get("as_of") || "", from: params.get("from") || "", to: params.get("to") || "",
    edited: params.get("edited") || "", unknownScenario: id && !byId[id] ? id : "" };
}

function populationBody(p) {
  if (p === "none") return {};
  if (p === "expected") return { population: "expected" };
  const n = Number(p);
  return Number.isInteger(n) && n > 0 ? { population: n } : { population: "expected" };
}

export function onRoute(main, route) {
  // The page is already drawn: a new run (or back/forward) re-runs in place, the form kept.
  const form = main.querySelector("#wi-form");
  if (!form || !form.runRoute) return false;
  form.runRoute(route.params);
  return true;
}

export async function render(main, { params }, isCurrent = () => true) {
  delete main.dataset.ready;
  main.append(h("h1", {}, t("wi_title")));
  const slot = h("div", {}, loading());
  main.append(slot);
  // The route's run starts at once, beside the list of scenarios (it needs only the route).
  const earlyRun = params.get("edited") ? null : { scenario: params.get("scenario") || DEFAULT_SCENARIO, population: params.get("population") || DEFAULT_POPULATION,
    as_of: params.get("as_of") || undefined, from: params.get("from") || undefined, to: params.get("to") || undefined };
  let early = null;
  if (earlyRun) {
    const body = { scenario: earlyRun.scenario, as_of: earlyRun.as_of, from: earlyRun.from, to: earlyRun.to, ...populationBody(earlyRun.population) };
    early = { key: JSON.stringify(body), promise: call(endpoints.simulate(body)) };
    early.promise.catch(() => {}); // a failure is met (and shown) by the run that uses it
  }
  try {
    if (!scenarioList) scenarioList = (await call(endpoints.scenarios())).items;
  } catch (e) {
    if (!isCurrent()) return;
    slot.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }, isCurrent); }));
    main.dataset.ready = "true";
    return;
  }
  if (!isCurrent()) return;
  const byId = Object.fromEntries(scenarioList.map((s) => [s.id, s]));
  if (!scenarioList.length) { slot.replaceChildren(h("p", { class: "notice" }, t("wi_no_scenarios"))); main.dataset.ready = "true"; return; }
  const lib = loadLib("chart").catch((e) => e);

  const opt = (s, sel) => h("option", { value: s.id, selected: s.id === sel }, pick(s.name) || s.id);
  const selA = h("select", {});
  const selB = h("select", {});
  const selPop = h("select", {},
    h("option", { value: "expected" }, t("wi_pop_expected")),
    h("option", { value: SAMPLE }, t("wi_pop_sample", { n: num(Number(SAMPLE)) })),
    h("option", { value: "none" }, t("wi_pop_none")));
  const asOf = dayInput("wi-asof", "");
  const from = dayInput("wi-from", "");
  const to = dayInput("wi-to", "");
  const text = h("textarea", { rows: 14, spellcheck: "false" });
  const jsonError = h("p", { class: "error", role: "alert", hidden: true });
  const desc = h("p", { class: "small", id: "wi-desc" });
  const runBtn = h("button", { type: "submit", class: "primary", id: "wi-run" }, t("wi_run"));
  const results = h("section", { id: "wi-results", "aria-live": "polite" });
  const defaults = (id) => { const s = byId[id]; const doc = s.document || s; const period = s.period || doc.period || {};
    return { as_of: s.as_of || doc.as_of || "", from: period.from || "", to: period.to || "" }; };
  let original = "";

  /** The form shows a run (a route's, or the defaults of a newly chosen scenario). */
  const show = (run) => {
    selA.replaceChildren(...scenarioList.map((s) => opt(s, run.scenario)));
    selB.replaceChildren(h("option", { value: "" }, t("wi_no_compare")), ...scenarioList.filter((s) => s.id !== run.scenario).map((s) => opt(s, run.compare)));
    selPop.value = [...selPop.options].some((o) => o.value === run.population) ? run.population : DEFAULT_POPULATION;
    const d = defaults(run.scenario);
    asOf.value = dmy(run.as_of || d.as_of); from.value = dmy(run.from || d.from); to.value = dmy(run.to || d.to);
    const s = byId[run.scenario];
    original = JSON.stringify(s.document || s, null, 2);
    const kept = run.edited ? sessionStorage.getItem(EDITED + run.edited) : null;
    text.value = kept || original;
    const vi = getLang() !== "en";
    desc.textContent = (vi && (s.description_vi || (s.document || {}).description_vi)) || s.description || "";
    jsonError.hidden = true;
  };
  selA.addEventListener("change", () => show({ scenario: selA.value, compare: selB.value === selA.value ? "" : selB.value, population: selPop.value }));

  /** The route of what the form says (dates only when they differ from the scenario's own). */
  const routeOfForm = () => {
    const days = { as_of: asOf.iso(), from: from.iso(), to: to.iso() };
    if (Object.values(days).some((x) => x === null)) return null;
    const p = new URLSearchParams({ scenario: selA.value });
    if (selB.value) p.set("compare", selB.value);
    if (selPop.value !== DEFAULT_POPULATION) p.set("population", selPop.value);
    const d = defaults(selA.value);
    for (const k of ["as_of", "from", "to"]) if (days[k] && days[k] !== d[k]) p.set(k, days[k]);
    if (text.value !== original) {
      try { JSON.parse(text.value); } catch (e) {
        jsonError.textContent = t("wi_bad_json", { msg: e.message }); jsonError.hidden = false; text.focus(); return null;
      }
      const key = hashOf(text.value);
      sessionStorage.setItem(EDITED + key, text.value);
      p.set("edited", key);
    }
    jsonError.hidden = true;
    return p;
  };

  const form = h("form", { class: "card", id: "wi-form", onsubmit: (e) => {
    e.preventDefault();
    const p = routeOfForm();
    if (!p) return;
    delete results.dataset.done; // at once: whoever waits for this run does not read the last one
    const next = `#/whatif?${p}`;
    if (location.hash === next) runRoute(p); else setRoute(["whatif"], p);
  } },
    h("div", { class: "filters" }, field("wi-a", t("wi_scenario"), selA), field("wi-b", t("wi_compare"), selB),
      field("wi-pop", t("wi_population"), selPop),
      field("wi-asof", t("wi_as_of"), asOf), field("wi-from", t("wi_from"), from), field("wi-to", t("wi_to"), to), runBtn),
    asOf.errorNode, from.errorNode, to.errorNode,
    desc,
    h("details", { id: "wi-edit" }, h("summary", {}, t("wi_edit")), h("p", { class: "muted small" }, t("wi_edit_help")),
      field("wi-json", t("wi_edit"), text), jsonError,
      h("button", { type: "button", onclick: () => { text.value = original; jsonError.hidden = true; } }, t("wi_reset"))));
  slot.replaceChildren(form, results);

  async function runRoute(routeParams) {
    const run = runOf(routeParams, byId);
    if (routeParams.get("scenario") !== run.scenario) {
      // The default (or a replaced unknown) scenario goes into the address too: a reload shows the same run.
      const p = new URLSearchParams(routeParams);
      p.set("scenario", run.scenario);
      history.replaceState(null, "", `#/whatif?${p}`);
    }
    show(run);
    const seq = (runSeq += 1);
    delete results.dataset.done;
    const notes = [];
    if (run.unknownScenario) notes.push(h("p", { class: "notice small" }, t("wi_unknown_scenario", { id: run.unknownScenario })));
    let scenarioA = run.scenario;
    if (run.edited) {
      const kept = sessionStorage.getItem(EDITED + run.edited);
      if (kept) {
        try { scenarioA = JSON.parse(kept); } catch { /* checked when it was saved */ }
      } else {
        notes.push(h("p", { class: "notice small" }, t("wi_edit_lost")));
      }
    }
    const dates = { as_of: run.as_of || undefined, from: run.from || undefined, to: run.to || undefined };
    const touched = !!(run.as_of || run.from || run.to);
    runBtn.disabled = true;
    results.replaceChildren(loading(t("wi_running")));
    results.setAttribute("aria-busy", "true");
    const simulate = (scenario, own) => {
      const body = { scenario, ...own, ...populationBody(run.population) };
      const key = JSON.stringify(body);
      let answer;
      if (early && early.key === key) { answer = early.promise; early = null; } else answer = call(endpoints.simulate(body));
      return answer.catch((e) => {
        // A catalogue without population parameters: run without a population, and say so.
        if (e instanceof ApiFailure && e.code === "no_population") {
          notes.push(h("p", { class: "notice small" }, t("wi_no_population")));
          return call(endpoints.simulate({ scenario, ...own }));
        }
        throw e;
      });
    };
    try {
      // B keeps its own dates unless the officer changed them here (then both run on the same dates).
      const [a, b] = await Promise.all([simulate(scenarioA, dates), run.compare ? simulate(run.compare, touched ? dates : {}) : null]);
      if (seq !== runSeq || !isCurrent()) return;
      results.replaceChildren(...notes, ...showResult(a, b));
      const Chart = await lib;
      if (seq !== runSeq || !isCurrent()) return;
      if (Chart instanceof Error) results.querySelectorAll(".chart-box").forEach((x) => x.replaceChildren(errorBox(Chart)));
      else drawCharts(a, b);
      results.dataset.done = "true";
    } catch (e) {
      if (seq !== runSeq || !isCurrent()) return;
      results.replaceChildren(...notes, errorBox(e, () => runRoute(routeParams)));
      results.dataset.done = "error";
    } finally {
      if (seq === runSeq) {
        runBtn.disabled = false;
        results.removeAttribute("aria-busy");
        main.dataset.ready = "true";
      }
    }
  }
  form.runRoute = runRoute;
  await runRoute(params);
}

// --- words -----------------------------------------------------------------------------------

function name(r) { return pick(r.scenario.name) || r.scenario.id; }
const names = (r, kind, id) => { const n = ((r.names || {})[kind] || {})[id]; return n ? pick(n) : (kind === "sources" ? t("pr_a_database") : id); };
const attrName = (a) => tOr(`an_${keyOf(a)}`) || a;
const valueName = (a, v) => tOr(`av_${keyOf(a)}_${keyOf(v)}`) || v;

/** A figure for a tile: hours and VND lost are shown as positive figures under their own name. */
function figure(r, k) {
  const v = r.totals[k] || 0;
  if ((k === "hours_saved_per_year" || k === "vnd_saved_per_year") && v < 0) return { value: -v, label: k === "hours_saved_per_year" ? "wi_hours_lost" : "wi_vnd_lost", lost: true };
  if (k === "conditional_hours_per_year" && v < 0) return { value: -v, label: "wi_cond_hours_lost", lost: true };
  return { value: v, label: LABEL[k], lost: false };
}

function costParam(r, p) {
  const x = r.cost_model && r.cost_model.parameters && r.cost_model.parameters[p];
  return x ? x.value : null;
}

function definition(r, k, lost) {
  const hpd = costParam(r, "hours_per_document");
  const vars = { day: dmy(r.as_of), hpd: hpd == null ? "—" : new Intl.NumberFormat(getLang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(hpd),
    tariff: num(costParam(r, "hourly_tariff_vnd")),
    copy: num(costParam(r, "vnd_per_copy")) };
  const key = { hours_saved_per_year: lost ? "wi_def_hours_lost" : "wi_def_hours", vnd_saved_per_year: lost ? "wi_def_vnd_lost" : "wi_def_vnd" }[k] || `wi_def_${k}`;
  if ((k === "hours_saved_per_year" || k === "vnd_saved_per_year") && !r.cost_model) return t("wi_def_no_costs");
  return tOr(key, vars);
}

/** One sentence: what the scenario changes on its day, for whom. */
function answer(r) {
  const T = r.totals;
  const vars = { day: dmy(r.as_of), scenario: name(r), procs: num(T.procedures),
    removed: num(T.copies_removed_per_year), added: num(T.copies_added_per_year),
    hours: num(Math.abs(T.hours_saved_per_year || 0)), vnd: num(Math.abs(T.vnd_saved_per_year || 0)),
    cond: num((T.conditional_removed || 0) + (T.conditional_added || 0)) };
  const parts = [];
  if (T.copies_removed_per_year > 0) parts.push(t(r.cost_model ? "wi_ans_removed" : "wi_ans_removed_nocost", vars));
  if (T.copies_added_per_year > 0) parts.push(t(r.cost_model ? "wi_ans_added" : "wi_ans_added_nocost", vars));
  if (parts.length) return t("wi_ans", { ...vars, what: parts.join("; ") });
  if (T.conditional_removed || T.conditional_added) return t(r.population ? "wi_ans_cond" : "wi_ans_cond_nopop", vars);
  const later = (r.timeline || []).find((x) => x.procedures);
  if (later) return t("wi_ans_other_day", { ...vars, month: my(later.date) });
  return t("wi_ans_none", vars);
}

function populationNote(r) {
  const pop = r.population;
  if (!pop) return h("p", { class: "small", id: "wi-population" }, t("wi_pop_note_none"));
  // The attributes the scenario's operations speak of (coverage, added attributes): their shares inline.
  const attrs = new Set();
  for (const op of r.scenario.operations || []) {
    if (op.attribute) attrs.add(typeof op.attribute === "string" ? op.attribute : op.attribute.id);
    if (op.source && typeof op.source === "object") for (const c of op.source.coverage || []) attrs.add(c.attribute);
  }
  const marg = pop.marginals || {};
  const line = (a) => `${attrName(a)}: ${Object.entries(marg[a]).filter(([, x]) => x > 0).map(([v, x]) => `${valueName(a, v)} ${pct(x)}`).join(", ")}`;
  const inline = [...attrs].filter((a) => marg[a]).map(line);
  const who = pop.exact_expectation ? t("wi_pop_note_expected") : t("wi_pop_note_sample", { n: num(pop.size), seed: pop.seed });
  return h("div", { id: "wi-population", class: "small" },
    h("p", {}, who, inline.length ? ` ${inline.join("; ")}.` : "", " ", t("wi_pop_note_year")),
    h("details", {}, h("summary", {}, t("wi_pop_all")), h("ul", {}, Object.keys(marg).map((a) => h("li", {}, line(a))))));
}

function tiles(r, id) {
  const shown = TILES.filter((k) => k === "procedures" || (r.totals[k] || 0) !== 0);
  return h("div", { class: "kpis", id }, shown.map((k) => {
    const f = figure(r, k);
    const def = definition(r, k, f.lost);
    return h("div", { class: "kpi", dataset: { metric: k } }, h("div", { class: "v" }, num(f.value)), h("div", { class: "l" }, t(f.label)),
      def ? h("div", { class: "d" }, def) : null);
  }));
}

function assumptions(r) {
  const sc = r.scenario;
  if (!sc.estimate) return null;
  const vi = getLang() !== "en";
  return h("div", { class: "notice small", id: "wi-assumptions" }, t("wi_estimate"),
    h("ul", {}, (sc.assumptions || []).map((x) => h("li", {}, vi && x.statement_vi ? x.statement_vi : x.statement))));
}

function showResult(a, b) {
  const out = [];
  const head = h("div", { class: "card", id: "wi-summary" },
    h("h2", {}, t("wi_result_title", { scenario: name(a), day: dmy(a.as_of) })),
    h("p", { class: "answer", id: "wi-answer" }, answer(a)),
    populationNote(a),
    tiles(a, "wi-totals"),
    assumptions(a));
  for (const o of a.outages || []) {
    head.append(h("p", { class: "small wi-outage" }, t("wi_outage", { source: names(a, "sources", o.source), from: dmy(o.from), to: dmy(o.to), days: o.days,
      copies: num(o.copies_added_over_window), hours: num(o.hours_lost_over_window) })));
  }
  if (a.cost_note) head.append(h("p", { class: "notice small" }, t("wi_cost_note", { note: a.cost_note })));
  out.push(head);
  if (b) {
    out.push(side(a, b));
    head.append(h("p", { class: "muted small" }, t("wi_dates", { a: name(a), da: dmy(a.as_of), b: name(b), db: dmy(b.as_of) })));
  }
  out.push(h("div", { class: "grid two" },
    h("div", { class: "card", id: "wi-timeline" }, h("h2", {}, t("wi_timeline")), timelineBox(a, b)),
    h("div", { class: "card", id: "wi-ministries" }, h("h2", {}, t("wi_by_ministry")), ministryBox(a, b))));
  const procs = (a.procedures || []).slice(0, 20);
  if (procs.length) {
    const cols = ["copies_removed_per_year", "copies_added_per_year", "hours_saved_per_year", "conditional_removed", "conditional_added"]
      .filter((c) => procs.some((p) => p[c]));
    out.push(h("div", { class: "card table-wrap" }, h("h2", {}, t("wi_top_procs")), h("table", { id: "wi-procs", class: "stack" },
      h("caption", { class: "sr-only" }, t("wi_top_procs")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("procedure")), h("th", { scope: "col" }, t("ministry")),
        cols.map((c) => h("th", { scope: "col", class: "n" }, t(LABEL[c]))))),
      h("tbody", {}, procs.map((p) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/procedures/${encodeURIComponent(p.code)}?as_of=${a.as_of}` },
          h("span", { class: "muted" }, p.code), " ", getLang() === "en" && p.name_en ? p.name_en : p.name)),
        h("td", { dataset: { label: t("ministry") } }, names(a, "ministries", p.ministry)),
        cols.map((c) => h("td", { class: "n", dataset: { label: t(LABEL[c]) } }, num(p[c])))))))));
  }
  return out;
}

function side(a, b) {
  return h("div", { class: "card table-wrap" }, h("h2", {}, t("wi_side")), h("table", { id: "wi-compare", class: "stack" },
    h("caption", { class: "sr-only" }, t("wi_side")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("wi_metric")), h("th", { scope: "col", class: "n" }, `${name(a)} (${dmy(a.as_of)})`),
      h("th", { scope: "col", class: "n" }, `${name(b)} (${dmy(b.as_of)})`))),
    h("tbody", {}, METRICS.map(([k, label]) => h("tr", { dataset: { metric: k } }, h("th", { scope: "row" }, t(label)),
      h("td", { class: "n", dataset: { label: name(a) } }, num(a.totals[k])), h("td", { class: "n", dataset: { label: name(b) } }, num(b.totals[k])))))));
}

// --- charts, or a sentence when a chart would show nothing ------------------------------------

const avoided = (x, side) => x[side].copies_avoided_per_year;

function timelineBox(a, b) {
  const runs = [a, b].filter(Boolean);
  const changes = runs.some((r) => (r.timeline || []).some((x) => avoided(x, "before") !== avoided(x, "after")));
  const tl = a.timeline || [];
  if (!tl.length) return h("p", { class: "muted", id: "wi-timeline-text" }, t("wi_tl_empty"));
  if (!changes) {
    const v = avoided(tl[0], "before");
    const flat = tl.every((x) => avoided(x, "before") === v);
    return h("p", { id: "wi-timeline-text" }, t(flat ? "wi_tl_flat" : "wi_tl_same", { from: my(tl[0].date), to: my(tl[tl.length - 1].date), n: num(v) }));
  }
  const first = tl.find((x) => avoided(x, "before") !== avoided(x, "after"));
  const said = first ? t("wi_tl_change", { month: my(first.date), before: num(avoided(first, "before")), after: num(avoided(first, "after")) }) : "";
  return [h("p", { class: "small", id: "wi-timeline-text" }, said),
    h("div", { class: "chart-box" }, h("canvas", { id: "wi-chart-timeline", role: "img", "aria-label": `${t("wi_timeline")}. ${said}` }))];
}

function ministryValues(r, k) { return Object.entries(r.by_ministry || {}).filter(([, m]) => (m[k] || 0) !== 0); }

function ministryBox(a, b) {
  const runs = [a, b].filter(Boolean);
  const usable = MINISTRY_METRICS.filter((k) => runs.some((r) => ministryValues(r, k).length));
  if (!usable.length) return h("p", { id: "wi-ministry-text" }, t("wi_min_none"));
  const select = h("select", { id: "wi-metric" }, usable.map((k) => h("option", { value: k }, t(LABEL[k]))));
  const box = h("div", { id: "wi-ministry-box" });
  const draw = () => {
    const k = select.value;
    const ids = [...new Set(runs.flatMap((r) => ministryValues(r, k).map(([m]) => m)))];
    if (ids.length <= 1 && !b) {
      const [m, v] = ministryValues(a, k)[0] || [];
      box.replaceChildren(h("p", { id: "wi-ministry-text" }, m ? t("wi_min_one", { ministry: names(a, "ministries", m), n: num(v[k]), metric: t(LABEL[k]).toLocaleLowerCase(getLang() === "en" ? "en" : "vi") }) : t("wi_min_none")));
      return;
    }
    box.replaceChildren(h("div", { class: "chart-box" }, h("canvas", { id: "wi-chart-ministry", role: "img", "aria-label": `${t("wi_by_ministry")}: ${t(LABEL[k])}` })));
    if (window.Chart) {
      const sets = runs.map((r, i) => ({ label: name(r), data: ids.map((m) => ((r.by_ministry || {})[m] || {})[k] || 0), backgroundColor: PALETTE[i] }));
      chart(document.getElementById("wi-chart-ministry"), { type: "bar", data: { labels: ids.map((m) => names(a, "ministries", m) || names(b || a, "ministries", m)), datasets: sets },
        options: { locale: getLang() === "en" ? "en-GB" : "vi-VN", indexAxis: "y", scales: { y: { ticks: { autoSkip: false } } } } });
    }
  };
  select.addEventListener("change", draw);
  box.draw = draw;
  return [field("wi-metric", t("wi_metric"), select), box];
}

function drawCharts(a, b) {
  const canvas = document.getElementById("wi-chart-timeline");
  if (canvas) {
    const line = (label, data, color, dashed) => ({ label, data, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [], spanGaps: true, stepped: true });
    const dates = [...new Set([...(a.timeline || []), ...((b && b.timeline) || [])].map((x) => x.date))].sort();
    const series = (r, s) => { const m = Object.fromEntries((r.timeline || []).map((x) => [x.date, avoided(x, s)])); return dates.map((d) => m[d] ?? null); };
    // Each scenario's baseline is over its own scope (the procedures it can change): drawn per scenario.
    const datasets = [line(`${t("wi_baseline")} (${name(a)})`, series(a, "before"), PALETTE[0], true), line(name(a), series(a, "after"), PALETTE[0], false)];
    if (b) datasets.push(line(`${t("wi_baseline")} (${name(b)})`, series(b, "before"), PALETTE[1], true), line(name(b), series(b, "after"), PALETTE[1], false));
    chart(canvas, { type: "line", data: { labels: dates.map(my), datasets },
      options: { locale: getLang() === "en" ? "en-GB" : "vi-VN", scales: { y: { beginAtZero: true } } } });
  }
  const box = document.getElementById("wi-ministry-box");
  if (box && box.draw) box.draw();
}
