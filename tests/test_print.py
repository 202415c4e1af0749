"""The print stylesheet prints a template cleanly: the text, without the site's chrome, the form or the buttons."""

from __future__ import annotations

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
    assert "[Interviewer name]" in bodies.first.inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
