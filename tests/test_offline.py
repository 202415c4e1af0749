"""Offline after one visit: the service worker (docs/sw.js) and the web app manifest, in real Chromium.

One online visit to the home page installs the worker, which caches every page, the files they use and the search
index. Then, with the network cut (context.set_offline), a reload and a page never visited both render with their
styles, and the search still answers. No request leaves the site's origin. A changed page shows on the visit after
the one that fetched it (stale-while-revalidate).
"""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import urljoin

import pytest
from _gates_helpers import wait_until_ready
from conftest import serve
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

READY = "() => navigator.serviceWorker.controller?.state === 'activated'"


def visit_once(page, url):
    """Open a page online and wait until the service worker has cached the site and controls the page."""
    page.goto(url)
    page.wait_for_function(READY, timeout=20_000)


WHEN_REGISTERED = """() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => ((window.atiRegisteredAt = document.readyState), register(...args));
}"""


def test_the_worker_is_registered_only_once_the_page_has_loaded(browser, site_url):
    """Its first filling of the cache fetches the whole guide: it must not compete with the page's first view."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.add_init_script(f"({WHEN_REGISTERED})()")
        visit_once(page, site_url + "messages/appreciation/")
        assert page.evaluate("window.atiRegisteredAt") == "complete"
    finally:
        context.close()


def test_the_guide_opens_offline_after_one_visit(browser, site_url):
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        visit_once(page, site_url)
        context.set_offline(True)
        page.reload()
        assert page.locator("h1").first.inner_text().rstrip("¶") == "After the Interview"
        # A page never visited, as a fresh load and through Material's instant navigation.
        page.goto(site_url + "messages/declination/")
        wait_until_ready(page)
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Declining an offer"
        assert page.evaluate("getComputedStyle(document.querySelector('.ati-keywords')).fontSize") != ""
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        page.locator(".md-content a[href*='acceptance']").first.click()
        page.wait_for_url("**/messages/acceptance/**")  # the address changes before Material swaps the content in
        expect(page.locator("h1").first).to_have_text(re.compile(r"^Accepting an offer¶?$"))
        # The search works offline too (its index and worker are cached).
        page.goto(site_url + "?q=salary")
        page.wait_for_function("() => /match/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')")
        assert page.locator(".md-search-result__item a[href*='messages/acceptance/']").count() >= 1
    finally:
        context.close()
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert not foreign, foreign


def test_the_manifest_names_the_site_and_its_icons(page, site_url, built_site):
    page.goto(site_url)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest_url = urljoin(page.url, href)
    manifest = json.loads(page.request.get(manifest_url).text())
    assert manifest["name"] == "After the Interview" and manifest["theme_color"].startswith("#")
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        response = page.request.get(urljoin(manifest_url, icon["src"]))
        assert response.ok and response.headers["content-type"] == icon["type"], icon
    assert (built_site / "sw.js").is_file()


def test_an_update_shows_on_the_next_visit(browser, built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    url, server = serve(site)
    context = browser.new_context()
    page = context.new_page()
    try:
        visit_once(page, url + "checklist/")
        target = site / "checklist" / "index.html"
        target.write_text(target.read_text("utf-8").replace("Printable checklist", "Printable checklist, new edition"), "utf-8")
        page.reload()  # answered from the cache; the new version is fetched in the background
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Printable checklist"
        page.wait_for_timeout(500)
        page.reload()
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Printable checklist, new edition"
    finally:
        context.close()
        server.shutdown()


def test_works_offline_under_a_project_path(browser, built_site, tmp_path):
    """A project Pages site lives under a path (user.github.io/guide/): the worker's scope is that path, not the host."""
    shutil.copytree(built_site, tmp_path / "host" / "guide")
    host, server = serve(tmp_path / "host")
    url = host + "guide/"
    context = browser.new_context()
    page = context.new_page()
    try:
        visit_once(page, url)
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == url + "sw.js"
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == url
        context.set_offline(True)
        page.goto(url + "steps/outcome/")
        assert page.locator("h1").first.inner_text().rstrip("¶") == "Answer the outcome"
    finally:
        context.close()
        server.shutdown()
