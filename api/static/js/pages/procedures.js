// Procedures: search; one procedure's decisions for an applicant profile and a date.
// The route carries the state: #/procedures/CODE?q=...&as_of=...&channel=...&a.nationality=vn
//
// One procedure's page answers first, in one sentence built from the per-paper decisions
// (components), then lists the papers that go (database, legal basis), then what stays (why,
// the Art. 8 fallback, the condition that would strike it, in words). Names, never ids: ids
// are only in the collapsed "Chi tiết kỹ thuật" toggles. Dates read dd/mm/yyyy.
import { ApiFailure, call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { dmy, dmyIn, errorBox, field, fill, h, isoOf, legalText, loading, setRoute, shorten, today } from "../dom.js";

// The document-type registry (GET /api/v1/documents): the names of the papers an entry names.
// Kept here rather than in api.js's list while that file is being edited by another change.
const DOCUMENTS = ["GET", "/documents", { limit: 1000 }];

let attributesCache = null; // id -> {description, values}; null until asked; false if the API lacks it
let sourcesCache = null;
let documentsCache = null;
const procedureCache = new Map(); // code -> the procedure (re-evaluating for a new profile or date does not re-read it)

const GONE = new Set(["struck", "replaced"]);

export function onRoute(main, route) {
  // Same procedure, new profile or date: re-evaluate only (keeps focus and search results).
  const slot = main.querySelector("#pr-detail");
  if (!slot || route.parts[1] == null || slot.dataset.code !== route.parts[1]) return false;
  if ((main.dataset.q || "") !== (route.params.get("q") || "")) return false;
  detail(slot, main.querySelector("#pr-profile-slot"), route.parts[1], route.params);
  return true;
}

export async function render(main, { parts, params }) {
  const q = params.get("q") || "";
  main.dataset.q = q;
  const input = h("input", { type: "search", value: q, placeholder: "1.001193, khai sinh…", autocomplete: "off" });
  const form = h("form", { class: "filters", role: "search", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams(params); p.set("q", input.value.trim());
    setRoute(["procedures", ...(parts[1] ? [parts[1]] : [])], p);
  } }, field("pr-q", t("pr_search"), input), h("button", { type: "submit", class: "primary" }, t("pr_search_btn")));
  const results = h("section", { class: "card side", id: "pr-results", "aria-label": t("pr_results") });
  const detailSlot = h("section", { id: "pr-detail", "aria-live": "polite" });
  const profileSlot = h("div", { id: "pr-profile-slot" });
  main.append(h("h1", {}, t("pr_title")), form, h("div", { class: "cols pr-cols" }, detailSlot, h("div", { class: "pr-aside" }, profileSlot, results)));
  if (q) fill(results, () => search(q, params, 0));
  else if (parts[1]) results.hidden = true; // nothing searched: no empty column beside the answer
  else results.append(h("p", { class: "muted" }, t("pr_pick")));
  if (parts[1]) await detail(detailSlot, profileSlot, parts[1], params);
  else detailSlot.append(h("p", { class: "muted card" }, t("pr_pick")));
  if (!parts[1]) input.focus();
}

async function search(q, params, offset) {
  const page = await call(endpoints.procedures({ q, limit: 25, offset }));
  const list = h("ul", { class: "results", "aria-label": t("pr_found", { n: page.total }) });
  const wrap = h("div", {}, h("p", { class: "muted small", role: "status" }, t("pr_found", { n: num(page.total) })), list);
  if (!page.total) return h("p", { role: "status" }, t("pr_none"));
  const add = (items) => items.forEach((p) => {
    const ps = new URLSearchParams(params); ps.set("q", q);
    list.append(h("li", {}, h("a", { href: `#/procedures/${encodeURIComponent(p.code)}?${ps}`, dataset: { code: p.code } },
      h("strong", {}, p.code), " ", getLang() === "en" && p.name_en ? p.name_en : p.name),
      h("div", { class: "muted small" }, [p.field, levelNames(p.level)].filter(Boolean).join(" · "))));
  });
  add(page.items);
  if (page.total > page.items.length + offset) {
    let next = offset + page.items.length;
    const more = h("button", { type: "button", onclick: async () => {
      more.disabled = true;
      try {
        const pg = await call(endpoints.procedures({ q, limit: 25, offset: next }));
        add(pg.items); next += pg.items.length;
        if (next >= pg.total) more.remove(); else more.disabled = false;
      } catch (e) { more.replaceWith(errorBox(e)); }
    } }, t("pr_more"));
    wrap.append(more);
  }
  return wrap;
}

async function attributes() {
  if (attributesCache === null) {
    try {
      const rows = await call(endpoints.attributes());
      attributesCache = Object.fromEntries((rows.items || rows).map((a) => [a.id, a]));
    } catch (e) {
      if (!(e instanceof ApiFailure && e.missingEndpoint)) throw e;
      attributesCache = false;
    }
  }
  return attributesCache;
}

async function sources() {
  if (sourcesCache === null) {
    try { const s = await call(endpoints.sources()); sourcesCache = Object.fromEntries(s.items.map((x) => [x.id, x])); } catch { sourcesCache = {}; }
  }
  return sourcesCache;
}

async function documents() {
  if (documentsCache === null) {
    try { const d = await call(DOCUMENTS); documentsCache = Object.fromEntries(d.items.map((x) => [x.id, x])); } catch { documentsCache = {}; }
  }
  return documentsCache;
}

function profileOf(params) {
  const applicant = {};
  for (const [k, v] of params) if (k.startsWith("a.") && v !== "") applicant[k.slice(2)] = v;
  return applicant;
}

function go(code, params, changes) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) { if (v == null || v === "") p.delete(k); else p.set(k, v); }
  setRoute(["procedures", code], p);
}

// --- words for ids ---------------------------------------------------------------------------

const keyOf = (id) => String(id).replace(/[^A-Za-z0-9]+/g, "_");
/** t(key) or null when the table has no such key. */
function tOr(key, vars) { const s = t(key, vars); return s === key ? null : s; }
const cap = (s) => (s ? s.charAt(0).toLocaleUpperCase(getLang() === "en" ? "en" : "vi") + s.slice(1) : s);

function levelNames(levels) {
  return [].concat(levels || []).map((l) => tOr(`lv_${keyOf(l)}`) || "").filter(Boolean).join(", ");
}

/** An applicant attribute by name ("Quốc tịch"), from the table, else the API's description. */
function attrName(a, attrs) {
  return tOr(`an_${keyOf(a)}`) || (attrs && attrs[a] ? pick(attrs[a].description) : a);
}

/** One value of an attribute in words ("công dân Việt Nam"). */
function valueName(a, v) { return tOr(`av_${keyOf(a)}_${keyOf(v)}`) || v; }

/** "người nộp là công dân Việt Nam" for {nationality: ["vn"]}. */
function condition(a, values, attrs) {
  const names = values.map((v) => valueName(a, v));
  const words = names.length > 1 ? `${names.slice(0, -1).join(", ")}${t("pr_or")}${names[names.length - 1]}` : names.join("");
  return tOr(`ac_${keyOf(a)}`, { v: words }) || `${attrName(a, attrs)}: ${words}`;
}

function conditions(struckIf, attrs) {
  return Object.entries(struckIf || {}).map(([a, vs]) => condition(a, vs, attrs)).join(t("pr_and"));
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function legal(s) {
  return legalText(s, getLang());
}

/**
 * An engine sentence made readable on this page: rule ids become their legal basis, attribute
 * tests (nationality = vn) become words, ISO dates read dd/mm/yyyy; on the Vietnamese page
 * English citations are translated and English-only notes in brackets dropped.
 */
function readable(text, ctx) {
  if (!text) return "";
  let s = String(text);
  const vi = getLang() !== "en";
  for (const [id, basis] of ctx.rules) {
    if (!s.includes(id)) continue;
    const said = basis ? legal(basis) : t("pr_this_rule");
    s = s.split(vi ? `quy định ${id}` : `rule ${id}`).join(vi ? `quy định tại ${said}` : `the rule of ${said}`).split(id).join(said);
  }
  for (const a of ctx.attrIds) {
    const e = escapeRe(a);
    s = s.replace(new RegExp(`${e} = ([A-Za-z0-9_/-]+)`, "g"), (_, vs) => condition(a, vs.split("/"), ctx.attrs));
    s = s.replace(new RegExp(`${e} is ([A-Za-z0-9_-]+(?: or [A-Za-z0-9_-]+)*)`, "g"), (_, vs) => condition(a, vs.split(" or "), ctx.attrs));
    s = s.split(`(${a})`).join(`(${attrName(a, ctx.attrs)})`);
  }
  if (vi) {
    s = s.replace(/trạng thái (online|degraded|offline)\b/g, (_, st) => `trạng thái ${t(`pr_src_${st}`)}`);
    s = legalText(s, "vi");
    // Notes the catalogue keeps in English only (e.g. "(only when ...)"): not on a Vietnamese page.
    s = s.replace(/\s*\(([^()]*)\)/g, (all, inner) => (/^[\x20-\x7e]*$/.test(inner) && /[a-z]{3,} [a-z]{2,}/.test(inner) ? "" : all));
  }
  return dmyIn(s);
}

function sourceName(id, ctx) {
  if (!id) return "";
  return ctx.srcs[id] ? pick(ctx.srcs[id].name) : t("pr_a_database");
}

/** The paper's name: its own words in the entry when short, else the names of its document types. */
function paperName(c, d, ctx) {
  const own = c.text && c.text !== d.requirement.text && c.text.length <= 90 ? c.text.trim() : "";
  const named = (c.document_types || []).map((x) => (ctx.docs[x] ? pick(ctx.docs[x].name) : null)).filter(Boolean);
  if (getLang() === "en" && named.length) return named.join(", ");
  if (own) return cap(own);
  if (named.length) return named.join(", ");
  return shorten(c.text || d.requirement.text, 90);
}

// --- what goes, what stays ---------------------------------------------------------------------

const lastOf = (path) => (path && path.length ? path[path.length - 1] : null);
const samePath = (a, b) => (a || []).join("/") === (b || []).join("/");

/**
 * Each paper of an entry with its fate: "gone" (struck or replaced), "spared" (another
 * alternative of its any_of group went, or the whole entry went), "stays", "not_applicable".
 * A group is a run of consecutive papers with the same tree path (the contract gives each
 * paper the kinds of its parents, not the parents themselves: two lists of alternatives side
 * by side under one all_of are told apart by the paper between them, or by order).
 */
function papersOf(d) {
  const comps = d.components && d.components.length ? d.components : [{
    id: d.requirement.id, text: d.requirement.text, document_types: d.document_types, status: d.status, source: d.source,
    rule: d.rule, legal_basis: d.legal_basis, copies_avoided: d.copies_avoided, counted: GONE.has(d.status), struck_if: d.struck_if, path: [],
  }];
  let group = -1;
  const papers = comps.map((c, i) => {
    if (i === 0 || !samePath(c.path, comps[i - 1].path)) group += 1;
    return { ...c, group };
  });
  const entryGone = GONE.has(d.status);
  const goneGroups = new Set(papers.filter((p) => GONE.has(p.status) && lastOf(p.path) === "any_of").map((p) => p.group));
  for (const p of papers) {
    if (d.status === "not_applicable" || p.status === "not_applicable") p.fate = "not_applicable";
    else if (GONE.has(p.status)) p.fate = "gone";
    else if (entryGone || goneGroups.has(p.group)) p.fate = "spared";
    else p.fate = "stays";
  }
  return papers;
}

/** The papers of an entry the applicant no longer brings, one per paper counted by the engine. */
function goneUnits(d, papers) {
  const gone = papers.filter((p) => p.fate === "gone");
  if (!gone.length) return [];
  if (papers.some((p) => p.counted !== undefined)) {
    const counted = gone.filter((p) => p.counted);
    if (counted.length) return counted;
    return GONE.has(d.status) ? [gone[0]] : [];
  }
  const seen = new Set();
  return gone.filter((p) => {
    if (lastOf(p.path) !== "any_of") return true;
    if (seen.has(p.group)) return false;
    seen.add(p.group); return true;
  });
}

/** How many papers of an entry the applicant still brings (a list of alternatives is one). */
function stayCount(d, papers) {
  if (d.status !== "required") return 0;
  const groups = new Set();
  let n = 0;
  for (const p of papers) {
    if (p.fate !== "stays") continue;
    // Alternatives (any_of), or by case (by_case): the applicant brings one of them.
    if (lastOf(p.path) === "any_of" || lastOf(p.path) === "by_case") groups.add(p.group); else n += 1;
  }
  return Math.max(1, n + groups.size);
}

function analyse(ev) {
  return ev.decisions.map((d) => {
    const papers = papersOf(d);
    const units = goneUnits(d, papers);
    return { d, papers, units, stays: stayCount(d, papers), mixed: papers.length > 1 && new Set(papers.map((p) => p.fate)).size > 1 };
  });
}

function answerSentence(rows, ctx) {
  const gone = rows.flatMap((r) => r.units.map((u) => ({ u, d: r.d })));
  const stays = rows.reduce((n, r) => n + r.stays, 0);
  // The same paper from the same database in several entries is said once, with how many entries.
  const said = new Map();
  for (const { u, d } of gone) {
    const src = sourceName(u.source || d.source, ctx);
    const via = src ? t(u.status === "replaced" ? "pr_via_replaced" : "pr_via_struck", { source: src }) : "";
    const key = `${paperName(u, d, ctx)}\u0000${via}`;
    said.set(key, (said.get(key) || 0) + 1);
  }
  const items = [...said].map(([key, k]) => {
    const [name, via] = key.split("\u0000");
    const notes = [via, k > 1 ? t("pr_in_entries", { k: num(k) }) : ""].filter(Boolean).join(", ");
    return notes ? `${name} (${notes})` : name;
  });
  let s = gone.length
    ? t("pr_answer_gone", { n: num(gone.length), papers: t(gone.length === 1 ? "pr_paper" : "pr_papers"), list: items.join("; "),
      m: num(stays), papers2: t(stays === 1 ? "pr_paper" : "pr_papers") })
    : t("pr_answer_none", { m: num(stays), papers: t(stays === 1 ? "pr_paper" : "pr_papers") });
  const cond = rows.filter((r) => r.d.status === "required" && r.d.struck_if);
  if (cond.length) {
    const phrases = [...new Set(cond.map((r) => conditions(r.d.struck_if, ctx.attrs)))];
    const k = cond.reduce((n, r) => n + r.stays, 0);
    s += " " + (phrases.length === 1
      ? t("pr_answer_cond", { k: num(k), papers: t(k === 1 ? "pr_paper" : "pr_papers"), cond: phrases[0] })
      : t("pr_answer_conds", { k: num(k), papers: t(k === 1 ? "pr_paper" : "pr_papers") }));
  }
  return s;
}

// --- the page --------------------------------------------------------------------------------

let detailSeq = 0; // only the latest evaluation is drawn (a quick second choice may answer first)

async function detail(slot, profileSlot, code, params) {
  const seq = (detailSeq += 1);
  slot.dataset.code = code;
  slot.dataset.ready = "false";
  const day = params.get("as_of") || today();
  const channel = params.get("channel") || "";
  const applicant = profileOf(params);
  slot.replaceChildren(loading());
  slot.setAttribute("aria-busy", "true");
  let proc, ev, attrs, srcs, docs;
  try {
    [proc, ev, attrs, srcs, docs] = await Promise.all([
      procedureCache.get(code) || call(endpoints.procedure(code)).then((p) => { procedureCache.set(code, p); return p; }),
      call(endpoints.evaluate({ procedure: code, applicant, as_of: day, ...(channel ? { channel } : {}) })),
      attributes(), sources(), documents(),
    ]);
  } catch (e) {
    if (seq !== detailSeq) return;
    slot.replaceChildren(errorBox(e, () => detail(slot, profileSlot, code, params)));
    if (profileSlot) profileSlot.replaceChildren();
    slot.removeAttribute("aria-busy");
    return;
  }
  if (seq !== detailSeq) return;
  slot.removeAttribute("aria-busy");
  const rules = new Map();
  for (const d of ev.decisions) {
    for (const c of d.components || []) if (c.rule && !rules.has(c.rule)) rules.set(c.rule, c.legal_basis);
    if (d.rule && !rules.has(d.rule)) rules.set(d.rule, d.legal_basis);
  }
  const attrIds = new Set([...Object.keys(attrs || {}), ...(ev.missing_attributes || []), ...Object.keys(applicant)]);
  for (const d of ev.decisions) Object.keys(d.struck_if || {}).forEach((a) => attrIds.add(a));
  const ctx = {
    attrs, srcs, docs: docs || {},
    rules: new Map([...rules].sort((a, b) => b[0].length - a[0].length)), // longest first: an id may start another
    attrIds: [...attrIds].sort((a, b) => b.length - a.length),
  };
  const rows = analyse(ev);
  const s = ev.summary;
  const name = getLang() === "en" && proc.name && proc.name.en ? proc.name.en : pick(proc.name) || ev.procedure_name;

  // A text field in dd/mm/yyyy (a native date field shows the browser's own format, often mm/dd/yyyy).
  const dateError = h("span", { class: "small error-text", id: "pr-date-error", role: "alert", hidden: true });
  const dateInput = h("input", { type: "text", inputmode: "numeric", autocomplete: "off", size: 11, value: dmy(day),
    placeholder: t("pr_date_format"), "aria-describedby": "pr-date-error", onchange: () => {
      const iso = isoOf(dateInput.value);
      if (iso) { dateInput.removeAttribute("aria-invalid"); dateError.hidden = true; go(code, params, { as_of: iso }); return; }
      dateInput.setAttribute("aria-invalid", "true");
      dateError.textContent = t("pr_date_bad", { format: t("pr_date_format") });
      dateError.hidden = false;
    } });
  const chSelect = h("select", { onchange: () => go(code, params, { channel: chSelect.value }) },
    h("option", { value: "" }, t("pr_unknown")),
    ["online", "in_person", "post"].map((c) => h("option", { value: c, selected: c === channel }, t(`ch_${c}`))));
  const who = Object.entries(applicant).map(([a, v]) => condition(a, [v], attrs));
  const facts = [
    t("pr_on_day", { day: dmy(ev.as_of || day) }),
    channel ? t("pr_by_channel", { channel: t(`ch_${channel}`).toLocaleLowerCase() }) : null,
    who.length ? t("pr_for_whom", { who: who.join(", ") }) : t("pr_no_profile"),
    t("pr_copies", { before: num(s.copies_before), after: num(s.copies_after) }),
  ].filter(Boolean);
  const head = h("section", { class: "card", id: "pr-head", "aria-labelledby": "pr-name" },
    h("h2", { id: "pr-name" }, h("span", { class: "muted" }, code), " ", name),
    h("p", { class: "small muted" }, [proc.agency && `${t("pr_agency")}: ${proc.agency}`, proc.field && `${t("pr_field")}: ${proc.field}`,
      levelNames(proc.level) && `${t("pr_level")}: ${levelNames(proc.level)}`].filter(Boolean).join(" · ")),
    h("p", { id: "pr-answer", class: "answer" }, answerSentence(rows, ctx)),
    h("p", { id: "pr-summary", class: "small", role: "status" }, facts.join(" · ")),
    h("div", { class: "filters" }, field("pr-date", t("date"), dateInput), field("pr-channel", t("pr_channel"), chSelect), dateError));

  const goes = rows.filter((r) => GONE.has(r.d.status) || (r.d.status === "required" && r.papers.some((p) => p.fate === "gone")));
  const stays = rows.filter((r) => !goes.includes(r) && r.d.status === "required");
  const na = rows.filter((r) => r.d.status === "not_applicable");
  const nGone = goes.reduce((n, r) => n + r.units.length, 0);
  const nStay = rows.reduce((n, r) => n + r.stays, 0);
  const list = h("section", { id: "pr-decisions", "aria-label": t("requirements") });
  list.append(h("section", { class: "card", id: "pr-gone", "aria-labelledby": "pr-gone-h" },
    h("h2", { id: "pr-gone-h" }, t("pr_gone_title", { n: num(nGone) })),
    goes.length ? goes.map((r) => entry(r, ctx, code, params)) : h("p", { class: "muted" }, t("pr_gone_none"))));
  list.append(h("section", { class: "card", id: "pr-stays", "aria-labelledby": "pr-stays-h" },
    h("h2", { id: "pr-stays-h" }, t("pr_stays_title", { n: num(nStay) })),
    stays.length ? stays.map((r) => entry(r, ctx, code, params)) : h("p", { class: "muted" }, t("pr_stays_none"))));
  if (na.length) {
    list.append(h("section", { class: "card", id: "pr-na", "aria-labelledby": "pr-na-h" },
      h("h2", { id: "pr-na-h" }, t("pr_na_title", { n: num(na.length) })), na.map((r) => entry(r, ctx, code, params))));
  }
  const tech = h("details", { class: "tech card", id: "pr-tech" }, h("summary", {}, t("pr_tech")),
    h("dl", { class: "kv" },
      h("dt", {}, t("pr_tech_code")), h("dd", {}, code),
      proc.ministry ? [h("dt", {}, t("ministry")), h("dd", {}, proc.ministry)] : null,
      proc.level ? [h("dt", {}, t("pr_level")), h("dd", {}, [].concat(proc.level).join(", "))] : null,
      h("dt", {}, t("pr_tech_versions")), h("dd", {}, t("pr_versions", { cat: ev.catalogue_version, rules: ev.rules_version, state: ev.source_state_version })),
      ev.engine_version ? [h("dt", {}, t("pr_tech_engine")), h("dd", {}, ev.engine_version)] : null,
      h("dt", {}, t("pr_tech_summary")), h("dd", {}, t("pr_summary", { req: s.requirements, struck: s.struck, replaced: s.replaced, required: s.required,
        cond: s.conditional, before: s.copies_before, after: s.copies_after }))));
  slot.replaceChildren(head, list, tech);
  if (profileSlot) profileSlot.replaceChildren(profile(code, params, ev, applicant, attrs));
  slot.dataset.ready = "true";
}

/** The applicant attributes that matter here: missing ones, those in struck_if, and those already chosen. */
function profile(code, params, ev, applicant, attrs) {
  const values = {};
  const want = (id) => { values[id] = values[id] || new Set(); };
  (ev.missing_attributes || []).forEach(want);
  for (const d of ev.decisions) for (const [a, vs] of Object.entries(d.struck_if || {})) { want(a); vs.forEach((v) => values[a].add(v)); }
  for (const a of Object.keys(applicant)) { want(a); values[a].add(applicant[a]); }
  if (attrs) for (const a of Object.keys(values)) (attrs[a] && attrs[a].values || []).forEach((v) => values[a].add(v));
  const box = h("section", { class: "card", id: "pr-profile", "aria-labelledby": "pr-profile-h" },
    h("h2", { id: "pr-profile-h" }, t("pr_profile")), h("p", { class: "muted small" }, t("pr_profile_help")));
  if (ev.missing_attributes && ev.missing_attributes.length) {
    // The attribute's id stays beside its name: it is what a portal sends (a.nationality=...).
    box.append(h("p", { class: "notice small", id: "pr-missing" }, t("pr_missing", {
      attrs: ev.missing_attributes.map((a) => `${attrName(a, attrs)} (${a})`).join(", ") })));
  }
  if (!Object.keys(values).length) box.append(h("p", { class: "muted small" }, t("pr_profile_none")));
  for (const [a, vs] of Object.entries(values)) {
    const gid = `attr-${a}`;
    const group = h("div", { class: "choices", role: "group", "aria-labelledby": gid, dataset: { attribute: a } });
    const choose = (v) => go(code, params, { [`a.${a}`]: v });
    group.append(h("button", { type: "button", "aria-pressed": String(!(a in applicant)), onclick: () => choose(null) }, t("pr_unknown")));
    for (const v of [...vs]) {
      group.append(h("button", { type: "button", "aria-pressed": String(applicant[a] === v), dataset: { value: v }, onclick: () => choose(v) }, cap(valueName(a, v))));
    }
    const other = h("input", { type: "text", size: 10, "aria-label": `${a}: ${t("pr_other")}` });
    group.append(h("form", { class: "row", onsubmit: (e) => { e.preventDefault(); if (other.value.trim()) choose(other.value.trim()); } },
      other, h("button", { type: "submit" }, t("pr_set"))));
    box.append(h("div", { class: "attr" }, h("div", { id: gid }, h("strong", {}, attrName(a, attrs))), group));
  }
  if (attrs === false && Object.keys(values).length) box.append(h("p", { class: "muted small" }, t("pr_attr_values_missing")));
  return box;
}

function badge(status) { return h("span", { class: `badge ${status}` }, t(`st_${status}`)); }

function fateBadge(p) {
  if (p.fate === "gone") return badge(p.status);
  if (p.fate === "spared") return h("span", { class: "badge spared" }, t("st_spared"));
  if (p.fate === "not_applicable") return badge("not_applicable");
  return badge("required");
}

const unique = (xs) => [...new Set(xs.filter(Boolean))];

/** One dossier entry: status, its papers when there are several, why, database, basis, fallback. */
function entry(r, ctx, code, params) {
  const { d, papers, mixed } = r;
  const conditional = d.status === "required" && !!d.struck_if;
  const partial = d.status === "required" && papers.some((p) => p.fate === "gone");
  const nested = papers.length > 1;
  const going = papers.filter((p) => p.fate === "gone");
  const fallback = getLang() === "vi" ? d.fallback_vi || d.fallback : d.fallback;

  // Database and legal basis: of the papers that go; for a conditional entry, of what would strike it.
  const basisFrom = going.length ? going : papers.filter((p) => p.struck_if);
  const srcIds = unique(going.length ? [...going.map((p) => p.source), ...(GONE.has(d.status) ? d.sources || [] : [])] : [...basisFrom.map((p) => p.source), conditional ? d.source : null]);
  const bases = unique(basisFrom.map((p) => p.legal_basis).concat(basisFrom.length ? [] : [GONE.has(d.status) || conditional ? d.legal_basis : null]));

  const dl = h("dl", {});
  const row = (k, v) => { if (v && (!Array.isArray(v) || v.length)) dl.append(h("dt", {}, k), h("dd", {}, v)); };
  row(t("source"), srcIds.map((id) => sourceName(id, ctx)).join("; "));
  row(t("pr_legal"), bases.map(legal).join("; "));
  row(t("pr_explanation"), readable(pick(d.explanation), ctx));
  if (d.struck_if && d.status === "required") {
    const choices = h("div", { class: "choices" });
    for (const [a, vs] of Object.entries(d.struck_if)) {
      for (const v of vs) choices.append(h("button", { type: "button", dataset: { attribute: a, value: v },
        title: t("pr_try_hint"), onclick: () => go(code, params, { [`a.${a}`]: v }) }, t("pr_try", { cond: condition(a, [v], ctx.attrs) })));
    }
    row(t("pr_struck_if"), [h("span", {}, cap(conditions(d.struck_if, ctx.attrs)), "."), choices]);
  }
  row(t("pr_fallback"), fallback ? readable(fallback, ctx) : null);

  const shown = nested ? shorten(d.requirement.text, 110) : d.requirement.text;
  const article = h("article", { class: `req${mixed ? " mixed" : ""}`, dataset: { requirement: d.requirement.id, status: d.status,
    conditional: conditional ? "true" : "false", mixed: mixed ? "true" : "false" } },
    h("h3", {},
      badge(d.status),
      conditional ? h("span", { class: "badge conditional", title: t("st_conditional_hint") }, t("st_conditional")) : "",
      partial ? h("span", { class: "badge partial" }, t("st_partial")) : "",
      d.copies_avoided ? h("span", { class: "muted small" }, t("pr_copies_less", { n: num(d.copies_avoided) })) : "",
      h("span", { class: "req-text", title: shown !== d.requirement.text ? d.requirement.text : null }, shown)));
  if (nested) article.append(paperList(papers, d, ctx));
  article.append(dl, techOf(d, papers));
  return article;
}

/** The papers of an entry as a small nested list, grouped as the entry's tree groups them. */
function paperList(papers, d, ctx) {
  const box = h("div", { class: "papers" });
  let group = null;
  let groupPath = null; // the run of papers being listed
  for (const p of papers) {
    if (!group || groupPath !== p.group) {
      groupPath = p.group;
      const kind = lastOf(p.path) || "all_of";
      group = h("ul", { dataset: { match: kind } });
      const label = kind === "any_of" ? "pr_any_of" : kind === "by_case" ? "pr_by_case" : box.childElementCount ? "pr_with" : "pr_all_of";
      box.append(h("p", { class: "small muted group" }, t(label)), group);
    }
    const notes = [];
    if (p.fate === "gone") {
      const src = sourceName(p.source, ctx);
      if (src) notes.push(t(p.status === "replaced" ? "pr_via_replaced" : "pr_via_struck", { source: src }));
      if (p.legal_basis) notes.push(legal(p.legal_basis));
    } else if (p.fate === "spared") {
      notes.push(t("pr_spared_why"));
    } else if (p.fate === "stays" && p.struck_if) {
      notes.push(t("pr_paper_struck_if", { cond: conditions(p.struck_if, ctx.attrs) }));
    }
    if (p.surrendered) notes.push(t("pr_surrendered"));
    if (p.foreign) notes.push(t("pr_foreign"));
    if (p.condition) notes.push(readable(p.condition, ctx));
    group.append(h("li", { dataset: { paper: p.id, fate: p.fate, status: p.status } },
      fateBadge(p), " ", h("span", {}, paperName(p, d, ctx)),
      notes.length ? h("span", { class: "muted small" }, ` — ${notes.filter(Boolean).join(" · ")}`) : ""));
  }
  return box;
}

/** Ids for technical users, collapsed: the entry's, and each paper's types, rule and source. */
function techOf(d, papers) {
  const table = h("table", { class: "small" },
    h("thead", {}, h("tr", {}, [t("pr_tech_paper"), t("pr_docs"), t("status"), t("pr_rule"), t("source"), t("pr_tech_path")].map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, papers.map((p) => h("tr", {},
      h("td", {}, p.id), h("td", {}, (p.document_types || []).join(", ")), h("td", {}, p.status + (p.counted ? " (counted)" : "")),
      h("td", {}, p.rule || ""), h("td", {}, p.source || ""), h("td", {}, (p.path || []).join(" › "))))));
  return h("details", { class: "tech" }, h("summary", {}, t("pr_tech")),
    h("p", { class: "small" }, `${t("pr_tech_entry")}: ${d.requirement.id} · ${t("pr_rule")}: ${d.rule}`,
      d.struck_if ? ` · struck_if: ${JSON.stringify(d.struck_if)}` : ""),
    h("div", { class: "table-wrap" }, table));
}
