"""A text-message card in Chromium: its GSM count, 70 after a curly apostrophe, and an encoded sms: link (fixture's text-reply)."""

from __future__ import annotations

import urllib.parse

import pytest
from _personalize_helpers import cards, fill_person, open_form

pytestmark = pytest.mark.browser


def _sms(page) -> tuple[dict, str]:
    """The only card of the page and its sms: link."""
    [card] = cards(page)
    href = page.get_by_role("link", name="Open in messages app").get_attribute("href")
    return card, href


def test_sms_card_counts_gsm_units_and_drops_to_70_after_a_curly_apostrophe(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "messages/text-reply/")
    open_form(page)
    fill_person(page, "ati-your_name", "Priya")
    fill_person(page, "ati-main_contact", "Sam Patel")  # a text reply goes to the main contact
    page.fill("#ati-role", "Data Analyst")
    card, href = _sms(page)
    assert card["body"].startswith("Hi Sam,\nThanks for your call about the Data Analyst role.")
    assert card["body"].endswith("\nPriya")  # a text: greeting, message and name, one line each
    assert f"{len(card['body'])} of 160 characters in one text message" in card["meta"]
    assert "outside the basic text alphabet" not in card["meta"]
    assert href == "sms:?body=" + urllib.parse.quote(card["body"], safe="")
    page.fill("#ati-role", "Analyst & Planner\u2019s aide")  # a curly apostrophe: one text holds 70 (UCS-2)
    card, href = _sms(page)
    over = len(card["body"]) - 70
    assert f"{len(card['body'])} of 70 characters in one text message" in card["meta"]
    assert "\u2019 is outside the basic text alphabet" in card["meta"] and f"you have {over} characters too many" in card["meta"]
    assert "&" not in href.split("?body=", 1)[1] and urllib.parse.unquote(href.split("?body=", 1)[1]) == card["body"]
    context.close()
