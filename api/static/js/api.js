// The one place that talks to the HTTP API (/api/v1). Every endpoint the dashboard uses is listed here.
import { t } from "./i18n.js";

export const BASE = "/api/v1";
const KEY = "onceonly.apiKey";

export const endpoints = {
  procedures: (q) => ["GET", "/procedures", q],
  procedure: (code) => ["GET", `/procedures/${encodeURIComponent(code)}`],
  evaluate: (body) => ["POST", "/evaluations", null, body],
  sources: (q) => ["GET", "/sources", q],
  kpis: (q) => ["GET", "/kpis", q],
  // Not in the API yet when the dashboard was written (see ui/README.md): shapes expected there.
  attributes: () => ["GET", "/attributes"],
  unnecessary: (q) => ["GET", "/reports/unnecessary", q],
  compliance: (q) => ["GET", "/reports/compliance", q],
  dependencies: (q) => ["GET", "/graph/dependencies", q],
  impact: (source, q) => ["GET", `/graph/sources/${encodeURIComponent(source)}/impact`, q],
  scenarios: () => ["GET", "/simulations/scenarios"],
  simulate: (body) => ["POST", "/simulations", null, body],
};

export function getKey() { return localStorage.getItem(KEY) || ""; }
export function setKey(k) { if (k) localStorage.setItem(KEY, k.trim()); else localStorage.removeItem(KEY); }

/** An API failure: what happened, in words a person can act on. */
export class ApiFailure extends Error {
  constructor({ status = 0, code = "network", message = "", path = null, method = "GET", url = "", retryAfter = null }) {
    super(message);
    Object.assign(this, { status, code, path, method, url, retryAfter });
    this.missingEndpoint = (status === 404 && code === "not_found") || status === 405;
  }
  describe() {
    if (this.status === 0) return t("err_network", { detail: this.message });
    if (this.missingEndpoint) return t("err_missing_endpoint", { method: this.method, path: this.url });
    if (this.status === 401) return t("key_refused");
    if (this.status === 403) return t("key_role");
    if (this.status === 429) return t("err_rate", { after: this.retryAfter || 1 });
    return t("err_http", { status: this.status, code: this.code, message: this.message + (this.path ? ` [${this.path}]` : "") });
  }
}

function qs(query) {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v == null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x)); else p.append(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** call(endpoints.x(...), {as: "json"|"blob", signal}) -> parsed body (or {blob, filename}). */
export async function call([method, path, query, body], { as = "json", signal, accept } = {}) {
  // X-Onceonly-Client: the dashboard's own evaluations are not counted as portal traffic (api/kpis.py).
  const headers = { Accept: accept || (as === "json" ? "application/json" : "*/*"), "X-Onceonly-Client": "dashboard" };
  const key = getKey();
  if (key) headers["X-API-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res;
  try {
    res = await fetch(BASE + path + qs(query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiFailure({ status: 0, message: e.message, method, url: BASE + path });
  }
  if (!res.ok) {
    let err = {};
    try { err = (await res.json()).error || {}; } catch { /* not JSON */ }
    throw new ApiFailure({
      status: res.status, code: err.code || String(res.status), message: err.message || res.statusText,
      path: err.path, method, url: BASE + path, retryAfter: res.headers.get("Retry-After"),
    });
  }
  if (as === "blob") {
    const cd = res.headers.get("Content-Disposition") || "";
    const m = /filename="?([^";]+)"?/.exec(cd);
    return { blob: await res.blob(), filename: m ? m[1] : null, headers: res.headers };
  }
  const data = await res.json();
  Object.defineProperty(data, "_headers", { value: res.headers, enumerable: false });
  return data;
}
