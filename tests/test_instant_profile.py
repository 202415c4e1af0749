"""Dates set on the planner reach the templates when the reader moves on through the site's own menu (instant navigation)."""

from __future__ import annotations

import pytest
from _personalize_helpers import long_date
from playwright.sync_api import expect


@pytest.mark.browser
def test_planner_dates_reach_a_message_page_opened_by_instant_navigation(page, site_url):
    page.goto(site_url + "messages/inquiry/")
    page.fill("#ati-company", "Fabrikam")
    page.evaluate("window.stayed = true")
    page.locator(".md-tabs a[href$='/planner/'], .md-nav a[href$='/planner/']").first.click()
    page.wait_for_url("**/planner/")
    page.fill("#ati-plan-date", "2026-03-06")
    page.locator(".md-tabs").get_by_role("link", name="Messages").click()
    page.wait_for_url("**/messages/appreciation/")
    page.locator(".md-sidebar--primary a[href$='/messages/inquiry/']").first.click()
    page.wait_for_url("**/messages/inquiry/")
    assert page.evaluate("window.stayed") is True, "the page was reloaded: not instant navigation"
    card = page.locator(".ati-card .ati-body").first
    expect(card).to_contain_text(long_date("2026-03-06"))
    expect(card).to_contain_text("Fabrikam")
