// Small DOM helpers: h() builds elements (text is always set as text, never as HTML).
import { ApiFailure } from "./api.js";
import { t } from "./i18n.js";

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function loading(label = t("loading")) {
  return h("p", { class: "status", role: "status", "aria-live": "polite" }, label);
}

/** An error box that says what happened; retry (optional) re-runs the failed step. */
export function errorBox(err, retry) {
  const text = err instanceof ApiFailure ? err.describe() : String(err && err.message ? err.message : err);
  const box = h("div", { class: "error", role: "alert", dataset: { code: err && err.code ? err.code : "error" } }, text);
  if (err instanceof ApiFailure && (err.status === 401 || err.status === 403)) {
    box.append(" ", h("button", { type: "button", onclick: () => document.getElementById("key-button").click() }, t("key_enter")));
  }
  if (retry) box.append(" ", h("button", { type: "button", onclick: retry }, t("retry")));
  // The status, code and field path, for a technical user or the administrator: out of the way.
  if (err instanceof ApiFailure && err.technical) {
    box.append(h("details", { class: "tech" }, h("summary", {}, t("err_tech")), h("code", { class: "small" }, err.technical())));
  }
  return box;
}

/** Run loader() and put its result (a Node) into slot, with a loading state before and an error box on failure. */
export async function fill(slot, loader) {
  slot.replaceChildren(loading());
  slot.setAttribute("aria-busy", "true");
  try {
    const node = await loader();
    slot.replaceChildren(...(Array.isArray(node) ? node : [node]).filter(Boolean));
  } catch (e) {
    if (e.name === "AbortError") return;
    console.error(e);
    slot.replaceChildren(errorBox(e, () => fill(slot, loader)));
  } finally {
    slot.removeAttribute("aria-busy");
  }
}

export function field(id, label, control) {
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The query part of the hash route (#/procedures/1.001193?as_of=...). */
export function routeParams() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function setRoute(parts, params) {
  const q = params && [...params].length ? `?${params}` : "";
  const next = `#/${parts.map(encodeURIComponent).join("/")}${q}`;
  if (location.hash !== next) location.hash = next;
}

// Charts: one Chart.js instance per canvas, destroyed before re-use.
const charts = new Map();
export function chart(canvas, config) {
  if (!window.Chart) return null;
  const old = charts.get(canvas.id);
  if (old) old.destroy();
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
  const c = new window.Chart(canvas, config);
  charts.set(canvas.id, c);
  return c;
}
export function destroyCharts() { charts.forEach((c) => c.destroy()); charts.clear(); }

export const PALETTE = ["#0b5cad", "#e8710a", "#137333", "#b3261e", "#7b3fa1", "#00838f", "#9e6a03", "#5f6368", "#c2185b", "#3949ab"];

/** An ISO date (2026-06-01, or a timestamp starting with one) as dd/mm/yyyy; other values unchanged. */
export function dmy(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso == null ? "" : iso));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso == null ? "" : iso);
}

/** Every ISO date inside a text (2026-06-01) rewritten as dd/mm/yyyy. */
export function dmyIn(text) {
  return String(text == null ? "" : text).replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3/$2/$1");
}

/** The first n characters of a text, cut at a word, with an ellipsis when cut. */
export function shorten(text, n = 120) {
  const s = String(text == null ? "" : text).trim();
  if (s.length <= n) return s;
  const cut = s.slice(0, n);
  const at = cut.lastIndexOf(" ");
  return `${(at > n * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:(]+$/, "")}…`;
}

/** A typed day (dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd) as yyyy-mm-dd; null when it is not a real date. */
export function isoOf(text) {
  const s = String(text == null ? "" : text).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y, mo, d;
  if (m) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, mo, y] = [+m[1], +m[2], +m[3]];
  else return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// --- heavy libraries, loaded only by the pages that draw with them (issue 13) -----------------
// Versioned file names: the server sends them with a one-year, immutable cache lifetime.
export const LIBS = {
  chart: { src: "/ui/vendor/chart-4.6.1.umd.min.js", global: "Chart" },
  cytoscape: { src: "/ui/vendor/cytoscape-3.34.4.min.js", global: "cytoscape" },
};
const libLoads = new Map();

/** Load a vendored library once (a <script> from this server: allowed by the CSP); resolves when its global is there. */
export function loadLib(name) {
  const lib = LIBS[name];
  if (!lib) return Promise.reject(new Error(`unknown library ${name}`));
  if (window[lib.global]) return Promise.resolve(window[lib.global]);
  if (!libLoads.has(name)) {
    libLoads.set(name, new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = lib.src;
      s.async = true;
      s.onload = () => resolve(window[lib.global]);
      s.onerror = () => { libLoads.delete(name); s.remove(); reject(new Error(t("err_lib", { lib: name }))); };
      document.head.append(s);
    }));
  }
  return libLoads.get(name);
}

/**
 * A day field that reads and takes dd/mm/yyyy (a native date field shows the browser's own
 * format, often mm/dd/yyyy). value: an ISO day or ""; the field's .iso() gives the typed day as
 * ISO, "" when empty, or null (and marks the field invalid, with the message) when it is not a day.
 */
export function dayInput(id, value, { required = false } = {}) {
  const error = h("span", { class: "small error-text", id: `${id}-error`, role: "alert", hidden: true });
  const input = h("input", { type: "text", inputmode: "numeric", autocomplete: "off", size: 11, value: value ? dmy(value) : "",
    placeholder: t("pr_date_format"), "aria-describedby": `${id}-error`, required,
    oninput: () => { input.removeAttribute("aria-invalid"); error.hidden = true; } });
  input.iso = () => {
    const text = input.value.trim();
    if (!text && !required) return "";
    const iso = isoOf(text);
    if (iso) return iso;
    input.setAttribute("aria-invalid", "true");
    error.textContent = t("pr_date_bad", { format: t("pr_date_format") });
    error.hidden = false;
    input.focus();
    return null;
  };
  input.errorNode = error;
  return input;
}

/** A month (2026-09-01) as mm/yyyy. */
export function my(iso) {
  const m = /^(\d{4})-(\d{2})/.exec(String(iso == null ? "" : iso));
  return m ? `${m[2]}/${m[1]}` : String(iso == null ? "" : iso);
}

/** A legal citation as the catalogue writes it (in English) in Vietnamese words, on a Vietnamese page. */
export function legalText(s, lang) {
  if (!s) return "";
  if (lang === "en") return dmyIn(s);
  return dmyIn(String(s)
    .replace(/\bRes(?:olution|\.)\s/g, "Nghị quyết ")
    .replace(/\bDecree\s/g, "Nghị định ").replace(/\/ND-CP\b/g, "/NĐ-CP")
    .replace(/\bCircular\s/g, "Thông tư ")
    .replace(/\bAppendix\b/g, "Phụ lục").replace(/\bitem\b/g, "mục")
    .replace(/\bArt\.\s*(\d+)\((\d+)\)/g, "khoản $2 Điều $1")
    .replace(/\bArt\.\s*(\d+)\.(\d+)/g, "khoản $2 Điều $1")
    .replace(/\bArt\.\s*(\d+)/g, "Điều $1")
    .replace(/VNeID integrated documents/g, "Giấy tờ tích hợp trên ứng dụng VNeID")
    .replace(/\s*\((?:secondary source|means of proving residence)[^)]*\)/g, "")
    .replace(/secondary source/g, "nguồn thứ cấp"));
}
