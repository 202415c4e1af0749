"""Dates as a person writes them (issue 12): the configured locale, the year only when it is not the current one
(Playwright's clock decides what "now" is), ISO dates read as local calendar dates in any time zone, and the
planner through the same formatter."""

from __future__ import annotations

import datetime as dt

import pytest
from _personalize_helpers import cards, set_profile

NOW_2026 = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
NOW_2027 = dt.datetime(2027, 1, 15, 12, 0, tzinfo=dt.UTC)
PROFILE = {"fields": {"company": "Fabrikam", "interview_date": "2026-03-03", "decision_date": "2026-03-10"}}


def message_page(browser, site_url, now: dt.datetime, zone: str):
    """The inquiry page in a browser whose clock reads now, in the given time zone, with the profile stored."""
    context = browser.new_context(timezone_id=zone, locale="en-US")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.goto(site_url + "messages/inquiry/")
    set_profile(page, PROFILE)
    return context, page


@pytest.mark.browser
@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Auckland"])
def test_a_date_of_this_year_is_written_without_its_year(browser, site_url, zone):
    context, page = message_page(browser, site_url, NOW_2026, zone)
    body = cards(page, "inquiry")[0]["body"]
    context.close()
    assert "3 March" in body and "3 March 2026" not in body, body  # en-GB from ui.yml, whatever the browser's locale
    assert "2 March" not in body and "4 March" not in body, "the date moved by a day in " + zone


@pytest.mark.browser
def test_a_date_of_another_year_keeps_its_year(browser, site_url):
    context, page = message_page(browser, site_url, NOW_2027, "America/Los_Angeles")
    body = cards(page, "inquiry")[0]["body"]
    context.close()
    assert "3 March 2026" in body, body


@pytest.mark.browser
def test_the_planner_writes_dates_with_the_same_formatter(browser, site_url):
    context = browser.new_context(timezone_id="Europe/London", locale="en-US")
    page = context.new_page()
    page.clock.set_fixed_time(NOW_2026)
    page.goto(site_url + "planner/")
    page.locator("[data-ati-planner]").wait_for()
    page.fill("#ati-plan-date", "2026-03-06")
    first = page.locator("[data-ati-plan] li[data-from] strong:not(.ati-plan__overdue)").first.inner_text()
    page.clock.set_fixed_time(NOW_2027)
    page.fill("#ati-plan-date", "2026-03-05")
    later = page.locator("[data-ati-plan] li[data-from] strong:not(.ati-plan__overdue)").first.inner_text()
    context.close()
    assert first.startswith("Friday 6 March") and "2026" not in first, first
    assert later.startswith("Thursday") and "5 March 2026" in later, later
