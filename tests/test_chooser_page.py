"""The "What happened?" chooser in Chromium, with and without JavaScript: each situation leads to its step and message."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect
from test_dates_reference import FIXTURE, ROOT, load_steps

pytestmark = pytest.mark.browser

SITUATIONS = yaml.safe_load((FIXTURE / "content" / "situations.yml").read_text("utf-8"))
STEPS = {s["id"]: s for s in load_steps()}
MESSAGES = {m["id"]: m for m in (yaml.safe_load(p.read_text("utf-8")) for p in (FIXTURE / "content" / "messages").glob("*.yml"))}


@pytest.mark.shipped_content
def test_content_covers_the_situations_of_the_issue():
    """Just left; promised date passed; second follow-up unanswered; offer wanted; offer declined; rejection."""
    shipped = yaml.safe_load((ROOT / "content" / "situations.yml").read_text("utf-8"))
    pairs = {(s["step"], s.get("message")) for s in shipped["situations"]}
    assert {
        ("follow-up", "inquiry"),
        ("follow-up-again", "inquiry"),
        ("outcome", "acceptance"),
        ("outcome", "declination"),
        ("outcome", "continued-interest"),
    } <= pairs
    assert any(m == "appreciation" for _, m in pairs)


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_each_situation_answers_with_its_step_and_message(browser, site_url, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "what-happened/")
    question = page.get_by_role("list", name=SITUATIONS["question"])
    assert question.get_by_role("link").count() == len(SITUATIONS["situations"])
    for situation in SITUATIONS["situations"]:
        question.get_by_role("link", name=situation["label"], exact=True).click()
        page.wait_for_url(f"**/what-happened/#{situation['id']}")
        target = page.locator(":target")
        assert target.get_attribute("id") == situation["id"]
        assert situation["label"] in target.inner_text()
        assert target.is_visible() and target.evaluate("e => e.getBoundingClientRect().top") < page.viewport_size["height"] / 2
        # The answer runs from its heading to the next one.
        answer = page.locator(f"xpath=//*[@id='{situation['id']}']/following-sibling::*[position() <= 4]")
        links = {a.get_attribute("href"): a.inner_text() for a in answer.get_by_role("link").all()}
        resolved = {page.evaluate("h => new URL(h, location).href", h): text for h, text in links.items()}
        assert resolved.get(site_url + f"steps/{situation['step']}/") == STEPS[situation["step"]]["title"]
        assert resolved.get(site_url + f"messages/{situation['message']}/") == MESSAGES[situation["message"]]["title"]
        for url in resolved:
            assert page.request.get(url).ok, url
    # Following an answer's message link lands on the message.
    last = SITUATIONS["situations"][-1]
    page.locator(f"xpath=//*[@id='{last['id']}']/following-sibling::ul[1]").get_by_role(
        "link", name=MESSAGES[last["message"]]["title"], exact=True
    ).click()
    page.wait_for_url(site_url + f"messages/{last['message']}/")
    # With instant navigation the address changes before the content is swapped in: wait for the heading.
    expect(page.get_by_role("heading", level=1)).to_contain_text(MESSAGES[last["message"]]["title"])
    context.close()


def test_chosen_answer_is_highlighted(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    first = SITUATIONS["situations"][0]["id"]
    page.goto(site_url + f"what-happened/#{first}")
    chosen = page.locator(f"#{first}")
    other = page.locator(f"#{SITUATIONS['situations'][1]['id']}")
    style = "e => getComputedStyle(e).borderLeftStyle + ' ' + getComputedStyle(e).backgroundColor"
    assert chosen.evaluate(style) != other.evaluate(style)
    context.close()
