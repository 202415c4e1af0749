"""Privacy gate: no request leaves the site's origin, on any page, with the scripts running.

Chromium records every request of every built page (documents, styles, scripts, fonts, images, workers, fetches).
Each page is left until the network is idle, and the search (which loads its index in a worker) is used once.
A self-test on a two-line page proves the recorder sees a request to another origin.
"""

from __future__ import annotations

import time
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
        self.path_of: dict = {}  # page -> the path it shows
        self.in_flight: set = set()
        self.last = time.monotonic()
        # Every other origin goes to a proxy that is not there, so such a request fails at once instead of waiting
        # on the network (Chromium never sends loopback through a proxy); much cheaper than routing each request
        # through Python. The request is still seen, and recorded, first.
        self.context = browser.new_context(service_workers="block", proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"})
        self.context.on("request", self.record)
        for event in ("requestfinished", "requestfailed"):
            self.context.on(event, self.done)

    def where(self, request) -> str:
        try:
            return self.path_of.get(request.frame.page, "?")
        except Exception:  # a worker's request has no frame
            return "(worker)"

    def record(self, request) -> None:
        self.in_flight.add(request)
        self.last = time.monotonic()
        path = self.where(request)
        self.requests.append((path, request.url))
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts[:2] != self.origin:
            self.outside.append(f"/{path}: {request.resource_type} {request.url}")

    def done(self, request) -> None:
        self.in_flight.discard(request)
        self.last = time.monotonic()

    def visit(self, base_url: str, paths: list[str], tabs: int = 5, quiet: float = 0.5) -> None:
        """Open the pages, `tabs` at a time, scroll each to its end, then wait until no request has been in flight
        for `quiet` seconds (Playwright's "networkidle" rule, once per batch rather than once per page)."""
        pages = [self.context.new_page() for _ in range(min(tabs, len(paths)))]
        for i in range(0, len(paths), tabs):
            batch = list(zip(pages, paths[i : i + tabs], strict=False))
            for page, path in batch:
                self.path_of[page] = path
                page.goto(base_url + path, wait_until="commit")
            for page, _ in batch:
                page.wait_for_load_state("load")
                page.mouse.wheel(0, 100_000)
            deadline = time.monotonic() + 10
            while (self.in_flight or time.monotonic() - self.last < quiet) and time.monotonic() < deadline:
                pages[0].wait_for_timeout(50)
            assert not self.in_flight, f"requests still in flight after 10 s: {[r.url for r in self.in_flight]}"


def test_the_recorder_sees_a_request_to_another_origin(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><img src="https://example.org/pixel.png" alt="">'
        '<script>fetch("https://example.net/x").catch(() => {})</script>',
        "utf-8",
    )
    url, server = serve(tmp_path)
    recorder = Recorder(browser, url)
    try:
        recorder.visit(url, [""])
    finally:
        recorder.context.close()
        server.shutdown()
    assert recorder.outside == ["/: image https://example.org/pixel.png", "/: fetch https://example.net/x"]


def test_no_request_leaves_the_origin(browser, content_site, content_site_url):
    recorder = Recorder(browser, content_site_url)
    try:
        recorder.visit(content_site_url, page_paths(content_site))
        page = recorder.context.pages[0]
        recorder.path_of[page] = "(search)"
        page.goto(content_site_url)
        page.locator(".md-search__input").click()
        page.keyboard.type("thank")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_timeout(500)
    finally:
        recorder.context.close()
    assert not recorder.outside, f"{len(recorder.outside)} request(s) left the origin:\n" + "\n".join(recorder.outside)
    seen = {p for p, _ in recorder.requests}
    assert seen >= set(page_paths(content_site)), "some pages made no request at all: the recorder did not see them"
    assert any(url.endswith("/search/search_index.json") for _, url in recorder.requests), "the search index load was not seen"
