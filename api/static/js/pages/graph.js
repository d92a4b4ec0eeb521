// Graph: who depends on whom — the agencies of one ministry (or all), or the procedures that lean on one database.
import { call, endpoints } from "../api.js";
import { getLang, num, pick, t } from "../i18n.js";
import { errorBox, field, fill, h, loading, PALETTE, setRoute, today } from "../dom.js";

let cy = null;

export async function render(main, { params }) {
  const kind = params.get("kind") === "source" ? "source" : "ministry";
  const id = params.get("id") || "";
  const day = params.get("as_of") || today();
  main.append(h("h1", {}, t("gr_title")));
  const kindSel = h("select", {}, h("option", { value: "ministry", selected: kind === "ministry" }, t("gr_by_ministry")),
    h("option", { value: "source", selected: kind === "source" }, t("gr_by_source")));
  const idSel = h("select", {}, h("option", { value: "" }, t("all")));
  const dateInput = h("input", { type: "date", value: day });
  const form = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    setRoute(["graph"], new URLSearchParams({ kind: kindSel.value, id: idSel.value, as_of: dateInput.value || day }));
  } }, field("gr-kind", t("gr_kind"), kindSel), field("gr-id", kind === "source" ? t("source") : t("ministry"), idSel),
    field("gr-date", t("date"), dateInput), h("button", { type: "submit", class: "primary" }, t("gr_show")));
  kindSel.addEventListener("change", () => setRoute(["graph"], new URLSearchParams({ kind: kindSel.value, as_of: dateInput.value || day })));
  const canvas = h("div", { id: "cy", role: "application", "aria-label": t("gr_title"), tabindex: "0" });
  const nodeList = h("ul", { class: "results", id: "gr-nodes" });
  const details = h("div", { id: "gr-details", "aria-live": "polite" }, h("p", { class: "muted" }, t("gr_click")));
  const zoom = (f) => cy && cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  const tools = h("div", { class: "row", style: "margin-bottom:6px" },
    h("button", { type: "button", onclick: () => zoom(1.25) }, t("gr_zoom_in")),
    h("button", { type: "button", onclick: () => zoom(0.8) }, t("gr_zoom_out")),
    h("button", { type: "button", onclick: () => cy && cy.fit(undefined, 30) }, t("gr_fit")));
  const status = h("div", { id: "gr-status" });
  canvas.addEventListener("keydown", (e) => {
    if (e.key === "+" || e.key === "=") zoom(1.25); else if (e.key === "-") zoom(0.8); else if (e.key === "0") cy && cy.fit(undefined, 30);
  });
  main.append(form, h("p", { class: "muted small" }, t("gr_help")), status,
    h("div", { class: "cols" }, h("div", {}, tools, canvas),
      h("div", { class: "card side" }, h("h2", {}, t("gr_details")), details, h("h2", {}, t("gr_nodes")), nodeList)));

  // Choices for the second select.
  try {
    if (kind === "source") {
      const s = await call(endpoints.sources({ as_of: day }));
      idSel.replaceChildren(...s.items.map((x) => h("option", { value: x.id, selected: x.id === id }, `${pick(x.name)} (${x.id})`)));
    }
  } catch (e) { status.replaceChildren(errorBox(e)); return; }
  const chosen = idSel.value;
  status.replaceChildren(loading());
  let graph;
  try {
    graph = kind === "source" ? await sourceGraph(chosen || "population", day) : await ministryGraph(id || null, day, idSel, id);
  } catch (e) {
    status.replaceChildren(errorBox(e, () => { main.replaceChildren(); render(main, { params }); }));
    return;
  }
  status.replaceChildren(graph.summary || "");
  if (!graph.elements.length) { status.append(h("p", { class: "notice" }, t("gr_empty"))); return; }
  draw(canvas, graph, details, nodeList);
}

async function ministryGraph(ministry, day, idSel, wanted) {
  // Agencies for the select come from the whole graph (one call); the chosen ministry's edges from the same rows.
  const all = await call(endpoints.dependencies({ as_of: day }));
  const names = {};
  for (const r of all.dependencies) { names[r.from] = r.from_name; names[r.to] = r.to_name; }
  idSel.replaceChildren(h("option", { value: "" }, t("all")),
    ...Object.entries(names).sort((a, b) => a[1].localeCompare(b[1])).map(([k, v]) => h("option", { value: k, selected: k === wanted }, v)));
  const rows = ministry ? all.dependencies.filter((r) => r.from === ministry || r.to === ministry) : all.dependencies;
  const nodes = new Map();
  const edges = [];
  const max = Math.max(1, ...rows.map((r) => r.requirements));
  for (const r of rows) {
    for (const [k, label] of [[r.from, r.from_name], [r.to, r.to_name]]) {
      if (!nodes.has(k)) nodes.set(k, { data: { id: `a:${k}`, ident: k, label, kind: "agency", focus: k === ministry ? 1 : 0, links: [] } });
    }
    nodes.get(r.from).data.links.push(r);
    if (r.to !== r.from) nodes.get(r.to).data.links.push(r);
    edges.push({ data: { id: `e:${r.from}>${r.to}`, source: `a:${r.from}`, target: `a:${r.to}`, w: 1 + 7 * (r.requirements / max), label: String(r.requirements), row: r } });
  }
  return { elements: [...nodes.values(), ...edges], agency: true };
}

async function sourceGraph(source, day) {
  const r = await call(endpoints.impact(source, { as_of: day }));
  const nodes = [{ data: { id: `s:${source}`, ident: source, label: source, kind: "source", focus: 1 } }];
  const byProc = new Map();
  for (const f of r.flips || []) {
    if (!byProc.has(f.procedure)) byProc.set(f.procedure, { flips: [], ministry: f.ministry });
    byProc.get(f.procedure).flips.push(f);
  }
  const procs = [...byProc.entries()].sort((a, b) => (b[1].flips[0].volume_per_year || 0) - (a[1].flips[0].volume_per_year || 0)).slice(0, 80);
  const parents = new Set();
  const edges = [];
  for (const [code, p] of procs) {
    if (p.ministry && !parents.has(p.ministry)) { parents.add(p.ministry); nodes.push({ data: { id: `m:${p.ministry}`, label: p.ministry, kind: "ministry" } }); }
    nodes.push({ data: { id: `p:${code}`, ident: code, label: code, kind: "procedure", parent: p.ministry ? `m:${p.ministry}` : undefined, flips: p.flips } });
    edges.push({ data: { id: `e:${code}`, source: `p:${code}`, target: `s:${source}`, w: 1 + Math.min(6, p.flips.length), label: String(p.flips.length) } });
  }
  const summary = h("p", { class: "card small", id: "gr-impact" }, t("gr_impact", {
    source, change: r.change, n: num(r.requirements_flipped), p: num(r.procedures_affected),
    copies: num((r.copies_per_year || 0) + (r.conditional_copies_per_year || 0)), hours: num((r.hours || 0) + (r.conditional_hours || 0)) }));
  return { elements: [...nodes, ...edges], summary, impact: r };
}

function draw(container, graph, details, nodeList) {
  if (cy) { cy.destroy(); cy = null; }
  if (!window.cytoscape) { container.replaceChildren(errorBox(new Error("cytoscape did not load"))); return; }
  cy = window.cytoscape({
    container,
    elements: graph.elements,
    minZoom: 0.1, maxZoom: 4,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 110, "background-color": PALETTE[0], color: "#1b1f24", width: 22, height: 22 } },
      { selector: "node[kind = 'source']", style: { shape: "round-rectangle", "background-color": PALETTE[2], width: 40, height: 26 } },
      { selector: "node[kind = 'procedure']", style: { "background-color": PALETTE[1], width: 16, height: 16, "font-size": 8 } },
      { selector: "node[kind = 'ministry']", style: { "background-opacity": 0.08, "border-width": 1, "border-color": "#aab3bd", "text-valign": "top" } },
      { selector: "node[focus = 1]", style: { "border-width": 3, "border-color": "#ffbf47" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#b3261e" } },
      { selector: "edge", style: { width: "data(w)", "line-color": "#9fb3c8", "target-arrow-color": "#9fb3c8", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#5b6470" } },
    ],
    layout: { name: graph.agency ? "cose" : "concentric", animate: false, padding: 30, nodeRepulsion: () => 9000,
      concentric: (n) => (n.data("kind") === "source" ? 10 : 1), levelWidth: () => 1 },
  });
  const show = (node) => { cy.$(":selected").unselect(); node.select(); showNode(node, graph, details); };
  cy.on("tap", "node", (e) => show(e.target));
  cy.on("tap", "edge", (e) => showEdge(e.target.data("row"), details));
  const nodes = cy.nodes().filter((n) => n.data("kind") !== "ministry").sort((a, b) => a.data("label").localeCompare(b.data("label")));
  nodeList.replaceChildren(...nodes.map((n) => h("li", {}, h("button", { type: "button", class: "link", dataset: { node: n.id() },
    onclick: () => { show(n); cy.animate({ center: { eles: n } }, { duration: 0 }); } }, n.data("label")))));
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
}

function showEdge(r, details) {
  if (!r) return;
  details.replaceChildren(h("p", {}, h("strong", {}, t("gr_needs", { from: r.from_name, to: r.to_name }))), figures(r));
}

function figures(r) {
  return h("dl", { class: "small" },
    h("dt", {}, t("requirements")), h("dd", {}, num(r.requirements)),
    h("dt", {}, t("gr_doc_reqs")), h("dd", {}, num(r.document_requirements)),
    h("dt", {}, t("gr_data_reqs")), h("dd", {}, num(r.data_requirements)),
    h("dt", {}, t("gr_volume")), h("dd", {}, `${num(r.volume_per_year)} ${r.volume_estimated ? t("gr_est") : ""}`),
    h("dt", {}, t("procedures")), h("dd", {}, num(r.procedures)));
}

function showNode(node, graph, details) {
  const d = node.data();
  if (d.kind === "agency") {
    const procSlot = h("div", {});
    details.replaceChildren(h("h3", { id: "gr-node-title" }, d.label),
      h("table", { class: "small" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("gr_edges")), h("th", { scope: "col", class: "n" }, t("requirements")), h("th", { scope: "col", class: "n" }, t("gr_volume")))),
        h("tbody", {}, d.links.map((r) => h("tr", {}, h("td", {}, t("gr_needs", { from: r.from_name, to: r.to_name })),
          h("td", { class: "n" }, num(r.requirements)), h("td", { class: "n" }, num(r.volume_per_year)))))),
      h("h3", {}, t("gr_agency_procs")), procSlot);
    fill(procSlot, async () => {
      const page = await call(endpoints.procedures({ ministry: d.ident, limit: 50 }));
      if (!page.total) return h("p", { class: "muted small" }, t("pr_none"));
      return [h("p", { class: "muted small" }, t("pr_found", { n: num(page.total) })), h("ul", { class: "results small" }, page.items.map((p) =>
        h("li", {}, h("a", { href: `#/procedures/${encodeURIComponent(p.code)}` }, p.code), " ", getLang() === "en" && p.name_en ? p.name_en : p.name)))];
    });
  } else if (d.kind === "procedure") {
    details.replaceChildren(h("h3", { id: "gr-node-title" }, h("a", { href: `#/procedures/${encodeURIComponent(d.ident)}` }, d.ident)),
      h("table", { class: "small" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("gr_flips")), h("th", {}, t("before")), h("th", {}, t("after")), h("th", { class: "n" }, t("copies")), h("th", { class: "n" }, t("gr_volume")))),
        h("tbody", {}, d.flips.map((f) => h("tr", {}, h("td", {}, f.text || f.requirement), h("td", {}, f.before), h("td", {}, f.after),
          h("td", { class: "n" }, num(f.copies)), h("td", { class: "n" }, `${num(f.volume_per_year)}${f.volume_estimated ? "*" : ""}`))))));
  } else if (d.kind === "source" && graph.impact) {
    details.replaceChildren(h("h3", { id: "gr-node-title" }, d.label), graph.summary.cloneNode(true));
  }
}
