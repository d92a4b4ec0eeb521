// Procedures: search; one procedure's decisions for an applicant profile and a date.
// The route carries the state: #/procedures/CODE?q=...&as_of=...&channel=...&a.nationality=vn
import { ApiFailure, call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { errorBox, field, fill, h, loading, setRoute, today } from "../dom.js";

let attributesCache = null; // id -> {description, values}; null until asked; false if the API lacks it
let sourcesCache = null;

export function onRoute(main, route) {
  // Same procedure, new profile or date: re-evaluate only (keeps focus and search results).
  const slot = main.querySelector("#pr-detail");
  if (!slot || route.parts[1] == null || slot.dataset.code !== route.parts[1]) return false;
  if ((main.dataset.q || "") !== (route.params.get("q") || "")) return false;
  detail(slot, route.parts[1], route.params);
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
  main.append(h("h1", {}, t("pr_title")), form, h("div", { class: "cols" }, detailSlot, results));
  if (q) fill(results, () => search(q, params, 0)); else results.append(h("p", { class: "muted" }, t("pr_pick")));
  if (parts[1]) await detail(detailSlot, parts[1], params);
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
      h("div", { class: "muted small" }, [p.ministry, p.field].filter(Boolean).join(" · "))));
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

async function detail(slot, code, params) {
  slot.dataset.code = code;
  const day = params.get("as_of") || today();
  const channel = params.get("channel") || "";
  const applicant = profileOf(params);
  slot.replaceChildren(loading());
  slot.setAttribute("aria-busy", "true");
  let proc, ev, attrs, srcs;
  try {
    [proc, ev, attrs, srcs] = await Promise.all([
      call(endpoints.procedure(code)),
      call(endpoints.evaluate({ procedure: code, applicant, as_of: day, ...(channel ? { channel } : {}) })),
      attributes(), sources(),
    ]);
  } catch (e) {
    slot.replaceChildren(errorBox(e, () => detail(slot, code, params)));
    slot.removeAttribute("aria-busy");
    return;
  }
  slot.removeAttribute("aria-busy");
  const s = ev.summary;
  const dateInput = h("input", { type: "date", value: day, onchange: () => dateInput.value && go(code, params, { as_of: dateInput.value }) });
  const chSelect = h("select", { onchange: () => go(code, params, { channel: chSelect.value }) },
    h("option", { value: "" }, t("pr_unknown")),
    ["online", "in_person", "post"].map((c) => h("option", { value: c, selected: c === channel }, t(`ch_${c}`))));
  const head = h("div", { class: "card" },
    h("h2", { id: "pr-name" }, h("span", { class: "muted" }, code), " ", getLang() === "en" && proc.name && proc.name.en ? proc.name.en : pick(proc.name) || ev.procedure_name),
    h("p", { class: "small muted" }, [proc.ministry && `${t("pr_agency")}: ${proc.agency || proc.ministry}`, proc.field && `${t("pr_field")}: ${proc.field}`,
      proc.level && `${t("pr_level")}: ${[].concat(proc.level).join(", ")}`].filter(Boolean).join(" · ")),
    h("div", { class: "filters" }, field("pr-date", t("date"), dateInput), field("pr-channel", t("pr_channel"), chSelect)),
    h("p", { id: "pr-summary", role: "status" }, t("pr_summary", { req: s.requirements, struck: s.struck, replaced: s.replaced, required: s.required,
      cond: s.conditional, before: s.copies_before, after: s.copies_after })),
    h("p", { class: "muted small" }, t("pr_versions", { cat: ev.catalogue_version, rules: ev.rules_version, state: ev.source_state_version })));
  slot.replaceChildren(head, profile(code, params, ev, applicant, attrs), decisions(code, params, ev, srcs));
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
    box.append(h("p", { class: "notice small", id: "pr-missing" }, t("pr_missing", { attrs: ev.missing_attributes.join(", ") })));
  }
  for (const [a, vs] of Object.entries(values)) {
    const desc = attrs && attrs[a] ? pick(attrs[a].description) : "";
    const gid = `attr-${a}`;
    const group = h("div", { class: "choices", role: "group", "aria-labelledby": gid, dataset: { attribute: a } });
    const choose = (v) => go(code, params, { [`a.${a}`]: v });
    group.append(h("button", { type: "button", "aria-pressed": String(!(a in applicant)), onclick: () => choose(null) }, t("pr_unknown")));
    for (const v of [...vs]) {
      group.append(h("button", { type: "button", "aria-pressed": String(applicant[a] === v), dataset: { value: v }, onclick: () => choose(v) }, v));
    }
    const other = h("input", { type: "text", size: 10, "aria-label": `${a}: ${t("pr_other")}` });
    group.append(h("form", { class: "row", onsubmit: (e) => { e.preventDefault(); if (other.value.trim()) choose(other.value.trim()); } },
      other, h("button", { type: "submit" }, t("pr_set"))));
    box.append(h("div", { style: "margin:8px 0" }, h("div", { id: gid }, h("strong", {}, a), desc ? h("span", { class: "muted small" }, ` — ${desc}`) : ""), group));
  }
  if (attrs === false && Object.keys(values).length) box.append(h("p", { class: "muted small" }, t("pr_attr_values_missing")));
  return box;
}

function decisions(code, params, ev, srcs) {
  const list = h("section", { class: "card", id: "pr-decisions", "aria-label": t("requirements") });
  for (const d of ev.decisions) {
    const conditional = d.status === "required" && d.struck_if;
    const src = d.source ? srcs[d.source] : null;
    const rows = [
      [t("pr_docs"), (d.document_types || []).join(", ")],
      [t("source"), d.source ? `${src ? pick(src.name) : d.source} (${d.source})` : null],
      [t("pr_rule"), d.rule],
      [t("pr_legal"), d.legal_basis],
      [t("pr_fallback"), getLang() === "vi" ? d.fallback_vi || d.fallback : d.fallback],
      [t("pr_explanation"), pick(d.explanation)],
    ];
    const dl = h("dl", {});
    for (const [k, v] of rows) if (v) dl.append(h("dt", {}, k), h("dd", {}, v));
    if (d.struck_if) {
      const choices = h("div", { class: "choices" });
      for (const [a, vs] of Object.entries(d.struck_if)) {
        for (const v of vs) choices.append(h("button", { type: "button", dataset: { attribute: a, value: v },
          onclick: () => go(code, params, { [`a.${a}`]: v }) }, `${a} = ${v}`));
      }
      dl.append(h("dt", {}, t("pr_struck_if")), h("dd", {}, choices));
    }
    list.append(h("article", { class: "req", dataset: { requirement: d.requirement.id, status: d.status, conditional: conditional ? "true" : "false" } },
      h("h3", {}, h("span", { class: `badge ${d.status}` }, t(`st_${d.status}`)),
        conditional ? h("span", { class: "badge conditional" }, t("st_conditional")) : "",
        d.copies_avoided ? h("span", { class: "muted small" }, `−${d.copies_avoided} ${t("copies")}`) : "",
        h("span", {}, d.requirement.text)),
      dl));
  }
  return list;
}
