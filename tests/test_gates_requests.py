"""Privacy gate: no request leaves the site's origin, on any page, with the scripts running.

Chromium records every request of every built page (documents, styles, scripts, fonts, images, workers, fetches).
Each page is left until the network is idle, and the search (which loads its index in a worker) is used once.
A self-test on a two-line page proves the recorder sees a request to another origin.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from _gates_helpers import page_paths
from conftest import serve

pytestmark = pytest.mark.browser

# Not network requests: inline data and in-page objects (a downloaded .txt or .ics is a blob: URL).
LOCAL_SCHEMES = ("data", "blob", "about")


class Recorder:
    """Every request a browser context makes, by page, and those that leave the origin."""

    def __init__(self, browser, base_url: str):
        self.origin = urlsplit(base_url)[:2]
        self.requests: list[tuple[str, str]] = []
        self.outside: list[str] = []
        self.page_path = ""
        # Every other origin goes to a proxy that is not there, so such a request fails at once instead of waiting
        # on the network (Chromium never sends loopback through a proxy); much cheaper than routing each request
        # through Python. The request is still seen, and recorded, first.
        self.context = browser.new_context(service_workers="block", proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"})
        self.context.on("request", self.record)

    def record(self, request) -> None:
        self.requests.append((self.page_path, request.url))
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts[:2] != self.origin:
            self.outside.append(f"/{self.page_path}: {request.resource_type} {request.url}")

    def visit(self, page, base_url: str, path: str) -> None:
        """Open a page, scroll to its end, and wait until its network has been idle for half a second."""
        self.page_path = path
        page.goto(base_url + path, wait_until="domcontentloaded")
        page.mouse.wheel(0, 100_000)
        page.wait_for_load_state("networkidle")


def test_the_recorder_sees_a_request_to_another_origin(browser, tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><title>t</title><img src="https://example.org/pixel.png" alt="">'
                                         '<script>fetch("https://example.net/x").catch(() => {})</script>', "utf-8")
    url, server = serve(tmp_path)
    recorder = Recorder(browser, url)
    try:
        recorder.visit(recorder.context.new_page(), url, "")
    finally:
        recorder.context.close()
        server.shutdown()
    assert [line.split()[-1] for line in recorder.outside] == ["https://example.org/pixel.png", "https://example.net/x"]


def test_no_request_leaves_the_origin(browser, built_site, site_url):
    recorder = Recorder(browser, site_url)
    page = recorder.context.new_page()
    try:
        for path in page_paths(built_site):
            recorder.visit(page, site_url, path)
        recorder.page_path = "(search)"
        page.goto(site_url)
        page.locator(".md-search__input").click()
        page.keyboard.type("thank")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        recorder.context.close()
    assert not recorder.outside, f"{len(recorder.outside)} request(s) left the origin:\n" + "\n".join(recorder.outside)
    seen = {p for p, _ in recorder.requests}
    assert seen >= set(page_paths(built_site)), "some pages made no request at all: the recorder did not see them"
    assert any(url.endswith("/search/search_index.json") for _, url in recorder.requests), "the search index load was not seen"
