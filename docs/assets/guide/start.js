// Starts every [data-module] element of the page with its module, each in its own try/catch (govuk-frontend's
// pattern), loading only the modules the page uses; again after each of Material's instant page changes. Also
// registers the offline service worker. The store is loaded only on pages with modules (their HTML preloads it).

const MODULES = new Map([
  ["profile-form", "./profile-form.js"],
  ["message-card", "./message-card.js"],
  ["planner", "./planner.js"],
  ["switcher", "./switcher.js"],
  ["desk", "./desk.js"],
  ["print-view", "./print-view.js"],
  ["people-list", "./people-list.js"],
]);
// Each set of module names a page starts (sorted, joined by spaces) -> one file holding them all and what they
// import. The source's map is empty, so the modules load one by one; the build writes the packs (generator/bundle.py).
const PACKS = new Map(); // filled in by the build
const STARTED = "data-module-started"; // set on each root once its module has been started (or failed to)
let opening = null; // the store, once a page with modules asked for it

// The store, created once per page load from the prefix in the page data.
function openStore(prefix) {
  opening ??= import("./store.js").then(({ createStore }) => {
    const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(prefix) : null;
    const store = createStore({ prefix, local: storageArea("localStorage"), session: storageArea("sessionStorage"), channel });
    window.addEventListener("storage", (event) => store.storageChanged(event));
    return store;
  });
  return opening;
}

// A storage area, or an empty stand-in where the browser blocks it (reading localStorage may throw).
function storageArea(name) {
  try {
    return window[name];
  } catch {
    return { length: 0, key: () => null, getItem: () => null, setItem() {}, removeItem() {} };
  }
}

// The named modules (name -> exports), from the build's pack of exactly these names if there is one.
async function loadModules(names) {
  const url = (file) => new URL(file, import.meta.url);
  const pack = PACKS.get([...names].sort().join(" "));
  if (pack) {
    try {
      const { modules } = await import(url(pack));
      return new Map(names.map((name) => [name, modules[name]]));
    } catch (error) {
      console.error("ati pack:", error);
    }
  }
  const load = (name) => import(url(MODULES.get(name))).catch((error) => console.error(`ati ${name}:`, error));
  return new Map(await Promise.all(names.map(async (name) => [name, await load(name)])));
}

// Start the modules of the current page.
async function startAll() {
  const source = document.getElementById("ati-page-data");
  if (!source) return;
  const data = JSON.parse(source.dataset.json);
  const roots = [...document.querySelectorAll(`[data-module]:not([${STARTED}])`)];
  if (!roots.length) return;
  const names = [...new Set(roots.map((root) => root.dataset.module))].filter((name) => MODULES.has(name));
  const [store, loaded] = await Promise.all([openStore(data.storage.prefix), loadModules(names)]);
  store.reload();
  for (const [i, root] of roots.entries()) {
    if (i) await nextTask(); // the browser may paint and answer a tap between two modules: no long task of ours
    if (root.hasAttribute(STARTED) || !root.isConnected) continue; // started meanwhile, or its page has been left
    try {
      const module = loaded.get(root.dataset.module);
      if (!module) throw new Error("unknown module");
      module.start(root, { data, store });
    } catch (error) {
      console.error(`ati ${root.dataset.module}:`, error);
    }
    root.setAttribute(STARTED, "");
  }
}

// A promise that resolves in a later task (scheduler.yield where the browser has it: it keeps the page's priority).
const nextTask = () => globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

// Register the service worker (sw.js at the site root) that keeps the guide readable offline after one visit, once
// the page has loaded: its first filling of the cache fetches the whole guide, which must not slow the first view.
// Not under `mkdocs serve`: its live reload must always show the page just saved, never a cached one.
function registerOffline() {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL("../../", import.meta.url); // this file lives in <site>/assets/guide/
  if ([...document.scripts].some((s) => s.textContent.includes("livereload("))) {
    navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.scope === root.href && r.unregister()));
    return;
  }
  const register = () => navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

registerOffline();
const run = () => startAll().catch((error) => console.error("ati:", error));
if (window.document$?.subscribe) window.document$.subscribe(run);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
else run();
