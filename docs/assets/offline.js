// Registers the service worker (sw.js, at the site root) that keeps the guide readable offline after one visit.
// Not under `mkdocs serve`: its live reload must always show the page just saved, never a cached one.
(() => {
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  const root = new URL("../", document.currentScript.src); // this file lives in <site>/assets/
  const live = [...document.scripts].some(s => s.textContent.includes("livereload("));
  if (live) {
    navigator.serviceWorker.getRegistrations().then(all => all.forEach(r => r.scope === root.href && r.unregister()));
    return;
  }
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
})();
