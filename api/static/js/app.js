// The single-page app: hash routes, the API key dialog, the language switch.
import { getKey, setKey, call, endpoints, ApiFailure } from "./api.js";
import { applyStatic, getLang, setLang, t } from "./i18n.js";
import { destroyCharts, errorBox, h, loadLib, routeParams } from "./dom.js";
import * as overview from "./pages/overview.js";
import * as procedures from "./pages/procedures.js";
import * as whatif from "./pages/whatif.js";
import * as graph from "./pages/graph.js";
import * as compliance from "./pages/compliance.js";

const PAGES = { overview, procedures, whatif, graph, compliance };
// The heavy libraries each page draws with, loaded on its first visit only (not by the shell).
const PAGE_LIBS = { overview: ["chart"], whatif: ["chart"], graph: ["cytoscape"] };
const main = document.getElementById("main");
let renderSeq = 0;

function pageName() {
  const { parts } = routeParams();
  return PAGES[parts[0]] ? parts[0] : "overview";
}

export async function render() {
  const seq = ++renderSeq;
  const name = pageName();
  document.querySelectorAll("nav a[data-route]").forEach((a) => {
    if (a.dataset.route === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  document.title = `${t(`nav_${name}`)} · onceonly`;
  destroyCharts();
  main.replaceChildren();
  main.dataset.page = name;
  if (!getKey()) {
    main.append(h("div", { class: "notice", role: "alert" }, t("key_needed"), " ",
      h("button", { type: "button", class: "primary", onclick: openKeyDialog }, t("key_enter"))));
    openKeyDialog();
    return;
  }
  try {
    // A page that says so loads them itself while its data arrives; the others wait for them here.
    const libs = Promise.all((PAGE_LIBS[name] || []).map(loadLib));
    if (PAGES[name].loadsOwnLibs) libs.catch(() => {}); else await libs;
    if (seq !== renderSeq) return;
    await PAGES[name].render(main, routeParams(), () => seq === renderSeq);
  } catch (e) {
    console.error(e);
    if (seq === renderSeq) main.replaceChildren(errorBox(e, render));
  }
}

// A box that scrolls (a long table) can be reached and scrolled from the keyboard, and is named
// after its heading, on every page and whatever a page adds later (axe: scrollable-region-focusable).
function focusableScrollers(root) {
  for (const box of root.querySelectorAll(".table-wrap, .side")) {
    // Cheap tests first: reading the sizes makes the browser lay the page out.
    if (box.hasAttribute("tabindex") || box.querySelector("a[href], button, input, select, textarea, [tabindex]")) continue;
    if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) continue;
    box.tabIndex = 0;
    if (!box.hasAttribute("role")) box.setAttribute("role", "region");
    const label = box.querySelector("caption, h2, h3") || box.closest("section, .card")?.querySelector("h2, h3");
    if (label && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", label.textContent.trim());
  }
}
let scrollCheck = 0;
new MutationObserver(() => {
  if (scrollCheck) return;
  scrollCheck = requestAnimationFrame(() => { scrollCheck = 0; focusableScrollers(main); });
}).observe(main, { childList: true, subtree: true });

// --- API key dialog --------------------------------------------------------------------------
const dialog = document.getElementById("key-dialog");
const keyInput = document.getElementById("key-input");
const keyError = document.getElementById("key-error");

function openKeyDialog() {
  keyInput.value = getKey();
  keyError.hidden = true;
  if (!dialog.open) dialog.showModal();
  keyInput.focus();
}

document.getElementById("key-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const previous = getKey();
  setKey(keyInput.value);
  try {
    await call(endpoints.kpis({ day_from: "2000-01-01", day_to: "2000-01-01" })); // cheap check of the key and its role
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      setKey(previous);
      keyError.textContent = e.describe();
      keyError.hidden = false;
      return;
    }
  }
  dialog.close();
  render();
});
document.getElementById("key-forget").addEventListener("click", () => { setKey(""); keyInput.value = ""; dialog.close(); render(); });
document.getElementById("key-button").addEventListener("click", openKeyDialog);

// --- language --------------------------------------------------------------------------------
const langButton = document.getElementById("lang-toggle");
function showLang() {
  document.documentElement.lang = getLang();
  applyStatic();
  langButton.textContent = t("lang_switch");
  langButton.setAttribute("lang", getLang() === "vi" ? "en" : "vi");
  langButton.setAttribute("aria-pressed", String(getLang() === "en"));
}
langButton.addEventListener("click", () => { setLang(getLang() === "vi" ? "en" : "vi"); showLang(); render(); });

window.addEventListener("hashchange", () => {
  // A page may re-route within itself (search params) without a full re-render.
  const page = PAGES[pageName()];
  if (main.dataset.page === pageName() && page.onRoute && page.onRoute(main, routeParams())) return;
  render();
});

showLang();
if (!location.hash) history.replaceState(null, "", "#/overview");
render();
