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

// The API's error codes (api/errors.py: {"error": {"status", "code", "message", "path"}}) -> a sentence
// in plain words with what to do next (i18n.js err_*). A code not listed falls back on its status class.
const ERROR_TEXT = {
  unknown_procedure: "err_unknown_procedure",
  unknown_source: "err_unknown_source",
  unknown_agency: "err_unknown_agency",
  unknown_ministry: "err_unknown_agency",
  unknown_scenario: "err_unknown_scenario",
  unknown_key: "err_unknown_key",
  invalid_request: "err_invalid",
  invalid_applicant: "err_invalid_applicant",
  invalid_scenario: "err_invalid_scenario",
  no_population: "err_no_population",
  no_appendix_rules: "err_no_appendix_rules",
  not_acceptable: "err_not_acceptable",
  payload_too_large: "err_too_large",
  uri_too_long: "err_too_large",
  unprocessable: "err_unprocessable",
  not_found: "err_not_found",
  not_ready: "err_not_ready",
  internal_error: "err_internal",
};
// The last part of an error's path (query.as_of, body.applicant.nationality) -> the field's name on screen.
const FIELD_TEXT = {
  as_of: "date", day_from: "date", day_to: "date", from: "wi_from", to: "wi_to", ministry: "ministry", agency: "gr_agency",
  source: "source", code: "procedure", procedure: "procedure", scenario: "wi_scenario", channel: "pr_channel",
};

/** An API failure: what happened, in words a person can act on; the codes in technical(). */
export class ApiFailure extends Error {
  constructor({ status = 0, code = "network", message = "", path = null, method = "GET", url = "", retryAfter = null }) {
    super(message);
    Object.assign(this, { status, code, path, method, url, retryAfter });
    // A route the server does not have (Starlette's own "Not Found"), not a lookup the engine failed.
    this.missingEndpoint = status === 405 || (status === 404 && code === "not_found" && (!message || message === "Not Found"));
  }
  /** The field the error is about, by its name on screen ("" when the path names none). */
  fieldName() {
    const parts = String(this.path || "").split(".").filter(Boolean);
    if (parts[0] === "body" && parts[1] === "applicant" && parts[2]) {
      const named = t(`an_${parts[2].replace(/[^A-Za-z0-9]+/g, "_")}`);
      return named.startsWith("an_") ? parts[2] : named;
    }
    const key = FIELD_TEXT[parts[parts.length - 1]];
    return key ? t(key) : "";
  }
  describe() {
    if (this.status === 0) return t("err_network");
    if (this.missingEndpoint) return t("err_missing_endpoint", { method: this.method, path: this.url });
    if (this.status === 401) return t("key_refused");
    if (this.status === 403) return t("key_role");
    if (this.status === 429) return t("err_rate", { after: this.retryAfter || 1 });
    const field = this.fieldName();
    const key = ERROR_TEXT[this.code];
    if (key === "err_invalid" && field) return t("err_invalid_field", { field });
    if (key) return t(key, { field: field ? ` (${field})` : "" });
    return t(this.status >= 500 ? "err_server" : "err_request");
  }
  /** What a technical user or the administrator needs: status, code, field path, the server's message. */
  technical() {
    if (this.status === 0) return `${this.method} ${this.url}: ${this.message || "network error"}`;
    return [`${this.status} ${this.code}`, this.path, this.message, `${this.method} ${this.url}`].filter(Boolean).join(" · ");
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
