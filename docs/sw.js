// Offline after one visit: on install, caches every page of the guide (listed by the search index), the files they
// use with the scripts those import, and the index itself; then answers from the cache at once and refreshes it from
// the network in the background, so a new version shows on the next visit. Same-origin GET requests inside the site
// only: nothing else is touched, and no request leaves the site. Served from the site root (its scope), registered
// by assets/guide/start.js.
const SCOPE = self.registration.scope;
const CACHE = "ati-offline " + SCOPE; // one cache per site, even when several sites share an origin
const ASSET = /\.(?:css|js|json|svg|png|ico|webmanifest|woff2?)(?:\?[^"'#]*)?$/;

// The site-relative pages in the search index (its locations, without their #sections).
async function pages() {
  const index = await (await fetch(new URL("search/search_index.json", SCOPE))).json();
  return [...new Set(index.docs.map(doc => doc.location.split("#")[0]))].map(path => new URL(path, SCOPE).href);
}

// The site's own files a page refers to: styles, scripts, icons, and the search worker named in the theme's config.
function assets(html, base) {
  const found = new Set();
  for (const [, url] of html.matchAll(/(?:href|src|"search")\s*[=:]\s*"([^"]+)"/g)) {
    const full = new URL(url.replace(/&amp;/g, "&"), base);
    if (full.href.startsWith(SCOPE) && ASSET.test(full.pathname + full.search)) found.add(full.href);
  }
  if ([...found].some(u => u.includes("/workers/ati-search.js?material="))) {
    for (const u of [...found]) {
      const name = new URL(u).searchParams.get("material");
      if (name) found.add(new URL(name, u).href);
    }
  }
  return found;
}

// The site's own scripts that a script names by relative path ("./card.js": its imports, the modules and packs
// start.js loads on demand), followed from script to script, so that a page never visited starts offline too.
async function modules(scripts) {
  const found = new Set();
  const queue = [...scripts].filter(u => u.startsWith(SCOPE) && /\.js$/.test(new URL(u).pathname));
  while (queue.length) {
    const url = queue.shift();
    const text = await fetch(url).then(r => (r.ok ? r.text() : "")).catch(() => "");
    for (const [, path] of text.matchAll(/["'](\.\.?\/[\w./+-]+\.js)["']/g)) {
      const full = new URL(path, url).href;
      if (full.startsWith(SCOPE) && !found.has(full) && !scripts.has(full)) found.add(full) && queue.push(full);
    }
  }
  return found;
}

async function fill() {
  const cache = await caches.open(CACHE);
  const urls = new Set([new URL("search/search_index.json", SCOPE).href, new URL("404.html", SCOPE).href]);
  for (const page of await pages()) {
    const response = await fetch(page).catch(() => null);
    if (!response || !response.ok || response.redirected) continue;
    await cache.put(page, response.clone());
    for (const url of assets(await response.text(), page)) urls.add(url);
  }
  for (const url of await modules(urls)) urls.add(url);
  await Promise.all([...urls].map(url => fetch(url).then(r => r.ok && cache.put(url, r)).catch(() => null)));
}

self.addEventListener("install", event => event.waitUntil(fill().then(() => self.skipWaiting())));

self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(
    caches.open(CACHE).then(async cache => {
      const cached = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
      const fresh = fetch(request)
        .then(response => {
          // Redirected responses cannot answer a navigation later: keep only direct answers.
          if (response.ok && response.type === "basic" && !response.redirected) cache.put(request, response.clone());
          return response;
        })
        .catch(() => null);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) || (await cache.match(new URL("404.html", SCOPE).href)) || Response.error();
    })
  );
});
