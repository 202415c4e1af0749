"""The print stylesheet prints a template cleanly: the text, without the site's chrome, the form or the buttons."""

from __future__ import annotations

import re

import pytest


@pytest.mark.browser
def test_message_page_prints_only_the_templates(page, site_url):
    page.goto(site_url + "messages/inquiry/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-ati-profile]"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator(".ati-message button:visible").count() == 0
    bodies = page.locator(".ati-message .ati-body:visible")
    assert bodies.count() >= 1  # the tone chosen on screen prints
    assert "Dear [Main contact]," in bodies.first.inner_text()  # inquiry goes to the main contact
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF Chromium printed (its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_checklist_prints_on_one_sheet(page, site_url, paper):
    page.goto(site_url + "checklist/")
    boxes = page.locator(".ati-checklist input[type=checkbox]").count()
    assert boxes >= 30  # the whole checklist is there to print
    page.emulate_media(media="print")
    assert page.locator(".ati-checklist input:visible").count() == boxes
    assert pdf_pages(page.pdf(format=paper)) == 1


@pytest.mark.browser
def test_planner_prints_the_dates_without_the_form_or_buttons(page, site_url):
    page.goto(site_url + "planner/")
    page.fill("#ati-plan-date", "2026-03-02")
    page.locator("[data-ati-plan] li").first.wait_for()
    page.emulate_media(media="print")
    assert page.locator("[data-ati-plan] li:visible").count() >= 3  # the dates print
    assert page.locator("button:visible, input:visible, select:visible, .ati-planner:visible").count() == 0
    assert page.locator(".md-header").first.is_hidden()
    assert pdf_pages(page.pdf(format="A4")) >= 1


@pytest.mark.browser
def test_message_page_prints_no_search_keywords_or_form(page, site_url):
    page.goto(site_url + "messages/declination/")
    page.emulate_media(media="print")
    assert page.locator(".ati-keywords").is_hidden()
    assert page.locator("button:visible, input:visible, textarea:visible, select:visible").count() == 0
