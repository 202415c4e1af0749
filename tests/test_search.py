"""Search that understands job seekers: real queries, typed into Material's own search in Chromium, find their page.

Each query runs through the theme's search box (opened with `?q=`, as Material's shared search links do), with the
theme's worker wrapped by docs/assets/javascripts/workers/ati-search.js (stemming on typed words). The page named for
a query must be among the first three distinct pages of the results. No query is a page title word for word: these
are the words readers type, found through each page's `keywords` (shown as "Also searched as") and stemming.
"""

from __future__ import annotations

import html
import json
from urllib.parse import quote

import pytest

# (what a reader types, the page it must find in the first three results)
QUERIES = [
    ("ghosted", "steps/follow-up-again/"),
    ("ghosting", "steps/follow-up-again/"),  # stemming: no page says "ghosting"
    ("ghosted by recruiter", "steps/follow-up-again/"),
    ("when to give up", "steps/follow-up-again/"),
    ("second follow up email", "steps/follow-up-again/"),
    ("salary", "messages/acceptance/"),
    ("accept job offer", "messages/acceptance/"),
    ("offer letter", "messages/acceptance/"),
    ("start date", "messages/acceptance/"),
    ("no reply", "messages/inquiry/"),
    ("any news", "messages/inquiry/"),
    ("status update email", "messages/inquiry/"),
    ("checking in", "messages/inquiry/"),
    ("no response", "steps/follow-up/"),
    ("haven't heard back", "steps/follow-up/"),
    ("heard nothing", "steps/follow-up/"),
    ("chase recruiter", "steps/follow-up/"),
    ("check on application status", "steps/follow-up/"),
    ("turned down", "messages/continued-interest/"),
    ("rejected", "messages/continued-interest/"),
    ("rejections", "messages/continued-interest/"),  # stemming: the page says "rejection", "rejected"
    ("rejection email", "messages/continued-interest/"),
    ("unsuccessful application", "messages/continued-interest/"),
    ("not selected", "messages/continued-interest/"),
    ("turn down an offer", "messages/declination/"),
    ("decline offer", "messages/declination/"),
    ("withdraw", "messages/declination/"),
    ("say no to a job offer", "messages/declination/"),
    ("accepted another job", "messages/declination/"),
    ("got the job", "steps/outcome/"),
    ("ask for feedback", "steps/outcome/"),
    ("interview result", "steps/outcome/"),
    ("thank you email", "messages/appreciation/"),
    ("thank you letter", "messages/appreciation/"),
    ("voicemail", "messages/phone-call/"),
    ("what to say on the phone", "messages/phone-call/"),
    ("linkedin invite", "messages/linkedin-note/"),
    ("connection request", "messages/linkedin-note/"),
    ("add interviewer on linkedin", "steps/linkedin/"),
    ("questions to ask", "steps/before-you-leave/"),
    ("business card", "steps/before-you-leave/"),
    ("end of interview questions", "steps/before-you-leave/"),
    ("job hunt", "steps/keep-applying/"),
    ("job search while waiting", "steps/keep-applying/"),
    ("other applications", "steps/keep-applying/"),
    ("email or phone", "advice/channel/"),
    ("whatsapp", "advice/channel/"),
    ("text message", "advice/channel/"),
    ("too pushy", "advice/tone/"),
    ("desperate", "advice/tone/"),
    ("formal or casual", "advice/tone/"),
]

RESULTS = """() => [...document.querySelectorAll(".md-search-result__item > a.md-search-result__link")].map(a => a.href)"""
SETTLED = """() => /match/i.test(document.querySelector(".md-search-result__meta")?.textContent || "")"""


def index(site) -> dict:
    """The search index the build wrote."""
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


def test_the_query_list_is_long_and_no_query_is_a_title(built_site):
    titles = {html.unescape(d["title"]).casefold() for d in index(built_site)["docs"] if "#" not in d["location"]}
    assert len(QUERIES) >= 30
    assert len({q for q, _ in QUERIES}) == len(QUERIES)
    assert not [q for q, _ in QUERIES if q.casefold() in titles]
    assert all((built_site / page / "index.html").is_file() for _, page in QUERIES)


def test_stemming_is_on_and_keywords_are_indexed_and_shown(built_site):
    """The index stems English, and each page's keywords are its search tags and visible text on the page."""
    data = index(built_site)
    assert data["config"]["lang"] == ["en"] and "stemmer" in data["config"]["pipeline"]
    tagged = [d for d in data["docs"] if d.get("tags") and "#" not in d["location"]]
    assert len(tagged) >= 16  # every step, message and topic has keywords
    for doc in tagged:
        page = (built_site / doc["location"] / "index.html").read_text("utf-8")
        shown = page.split('class="ati-keywords"', 1)[1].split("</p>", 1)[0]
        assert "Also searched as:" in shown
        assert all(html.unescape(tag) in html.unescape(shown) for tag in doc["tags"]), doc["location"]


@pytest.mark.browser
def test_each_query_finds_its_page_in_the_first_three(page, site_url):
    misses = []
    for query, expected in QUERIES:
        page.goto(site_url + "?q=" + quote(query), wait_until="domcontentloaded")
        page.wait_for_function(SETTLED)
        pages = []
        for href in page.evaluate(RESULTS):
            path = href.removeprefix(site_url).split("?")[0].split("#")[0]
            if path not in pages:
                pages.append(path)
        if expected not in pages[:3]:
            misses.append(f"{query!r}: expected /{expected} in the first three, found {pages[:3]}")
    assert not misses, "\n".join(misses)


@pytest.mark.browser
def test_keywords_are_visible_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "steps/follow-up-again/")
    shown = page.locator(".ati-keywords")
    assert shown.is_visible()
    assert "Also searched as: ghosted" in shown.inner_text()
