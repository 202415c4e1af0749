"""Keyboard-only gate: the personalization form and the planner are completed with the keyboard alone.

From a fresh page load the tests only press keys (Tab, Enter, Space, arrows, typing): no click, no focus(), no
fill(). Every stop in the form must show a focus indicator. The page is then checked with axe-core in its filled
state (cards per interviewer, the planner's list of dates), which the all-pages gate never reaches.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from _gates_helpers import AXE, npm_tool, wait_until_ready
from _personalize_helpers import long_date
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The last Tab stop inside a date or time input is its picker button, inside the input's shadow tree: the input
# then no longer matches :focus-visible, and Chromium draws its own focus ring around the button (checked on a
# screenshot), which no computed style of the input shows.
FOCUSED = """() => {
    const PICKERS = ["date", "time", "datetime-local", "month", "week"];
    const e = document.activeElement, s = getComputedStyle(e);
    const label = (e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent || "").trim();
    return {tag: e.localName, type: e.type || "", name: e.name || (e.dataset && e.dataset.name) || "", label,
            inForm: !!e.closest("[data-ati-profile]"), inPlanner: !!e.closest("[data-ati-planner]"),
            add: e.matches("[data-ati-add-interviewer]"), ics: e.matches("[data-ati-ics]"),
            interviewer: e.closest("[data-ati-interviewer]") ? [...document.querySelectorAll("[data-ati-interviewer]")]
                .indexOf(e.closest("[data-ati-interviewer]")) : -1,
            ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"
                  || (PICKERS.includes(e.type) && !e.matches(":focus-visible"))};
}"""

RUN_AXE = (
    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => v.id + ': ' + "
    "v.nodes.map(n => n.target.join(' ') + ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')').join(', '))"
)

DATE = dt.date(2026, 3, 16)  # a Monday
LONG_DATE = long_date(DATE.isoformat())


def keyboard_context(browser):
    context = browser.new_context(locale="en-US", timezone_id="Europe/London", reduced_motion="reduce", accept_downloads=True)
    context.add_init_script(path=str(npm_tool(AXE)))
    return context


def tab_until(page, done, limit: int = 150, key: str = "Tab") -> dict:
    """Press Tab until the focused element satisfies done(info); return its description."""
    for _ in range(limit):
        page.keyboard.press(key)
        info = page.evaluate(FOCUSED)
        if done(info):
            return info
    pytest.fail(f"{limit} presses of {key} never reached the element")


def leave(page, info: dict) -> dict:
    """Tab out of the focused control (a date input takes one Tab per part) to the next one."""
    before = page.evaluate("document.activeElement")
    for _ in range(6):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if page.evaluate("e => document.activeElement !== e", before) or now["name"] != info["name"]:
            return now
    pytest.fail(f"could not Tab out of {info}")


def type_value(page, info: dict, value: str) -> None:
    if info["type"] == "date":
        page.keyboard.type(f"{DATE:%m%d%Y}")  # en-US: month, day, year; each part moves on by itself
    else:
        page.keyboard.type(value)


def value_for(info: dict, who: str) -> tuple[str, str]:
    """What to type into a field, and how the preview should show it."""
    if info["type"] == "date":
        return "", LONG_DATE
    if info["type"] == "email":
        text = f"{who}.{info['name']}@example.org".replace("_", "-")
    elif info["type"] == "tel":
        text = "+44 20 7946 0000"
    else:
        text = f"{who} {info['name'].replace('_', ' ')}"
    return text, text


def test_personalization_form_completed_with_keyboard_alone(browser, built_site, site_url):
    pages = [
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in sorted(built_site.glob("messages/*/index.html"))
        if '"perRecipient": true' in p.read_text("utf-8") and "data-ati-profile" in p.read_text("utf-8")
    ]
    assert pages, "no message page with the form and one card per interviewer"
    context = keyboard_context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(site_url + pages[0])
        wait_until_ready(page)
        info = tab_until(page, lambda i: i["inForm"])
        if info["tag"] == "summary" and not page.evaluate("document.activeElement.parentElement.open"):
            page.keyboard.press("Enter")
        shown: dict[tuple[int, str], str] = {}
        no_ring = []
        while True:
            if not info["ring"]:
                no_ring.append(info["label"] or info["tag"])
            if info["add"]:
                break
            if info["tag"] in ("input", "textarea") and info["type"] in ("text", "email", "tel", "date", "textarea", "url"):
                text, show = value_for(info, "First" if info["interviewer"] <= 0 else "Second")
                type_value(page, info, text)
                shown[(info["interviewer"], info["name"])] = show
                info = leave(page, info)
            else:
                if info["tag"] == "select":  # a person's form of address: left as it is, but visited
                    shown[(info["interviewer"], info["name"])] = ""
                page.keyboard.press("Tab")
                info = page.evaluate(FOCUSED)
            assert info["inForm"], f"Tab left the form before 'Add an interviewer' (at {info})"
        fields = page.evaluate(
            "[...document.querySelectorAll('[data-ati-profile] [name], [data-ati-interviewer] [data-name]')]"
            ".map(e => e.name || e.dataset.name)"
        )
        assert sorted(name for _, name in shown) == sorted(fields), "Tab order skipped or repeated a field"
        page.keyboard.press("Enter")  # Add an interviewer: focus moves into the new, second fieldset
        info = page.evaluate(FOCUSED)
        assert info["interviewer"] == 1, f"after 'Add an interviewer' the focus is on {info}"
        while info["interviewer"] == 1:
            if not info["ring"]:
                no_ring.append(info["label"] or info["tag"])
            if info["tag"] in ("input", "textarea"):
                text, show = value_for(info, "Second")
                type_value(page, info, text)
                shown[(1, info["name"])] = show
                info = leave(page, info)
            else:
                page.keyboard.press("Tab")
                info = page.evaluate(FOCUSED)
        assert not no_ring, f"no visible focus indicator on: {no_ring}"

        cards = page.locator("[data-ati-message] .ati-card")
        expect(cards).to_have_count(2)
        for i in range(2):
            blanks = cards.nth(i).locator(".ati-blank[data-blank]")
            for j in range(blanks.count()):
                blank = blanks.nth(j)
                name = blank.get_attribute("data-blank")
                want = shown.get((i, name)) or shown.get((-1, name)) or shown.get((0, name))
                assert blank.text_content() == want, f"card {i + 1}: [{name}] shows {blank.text_content()!r}, typed {want!r}"

        # Out with the message, still by keyboard: Tab to the second card's first copy button and press Enter.
        tab_until(
            page,
            lambda i: (
                i["tag"] == "button"
                and i["label"] in ("Copy both", "Copy text")
                and page.evaluate("!!document.activeElement.closest('.ati-card:nth-child(2)')")
            ),
            limit=60,
        )
        page.keyboard.press("Enter")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert shown[(1, "interviewer_name.family")] in copied, copied  # the greeting names the second interviewer

        violations = page.evaluate(RUN_AXE)
        assert not violations, f"axe, form filled with two interviewers: {violations}"
    finally:
        context.close()


def test_planner_completed_with_keyboard_alone(browser, built_site, site_url):
    if not (built_site / "planner" / "index.html").exists():
        pytest.fail("no planner page in the build")
    context = keyboard_context(browser)
    page = context.new_page()
    try:
        page.goto(site_url + "planner/")
        wait_until_ready(page)
        info = tab_until(page, lambda i: i["inPlanner"])
        assert info["type"] == "date", f"the planner's first stop is {info}, not the interview date"
        page.keyboard.type(f"{DATE:%m%d%Y}")
        no_ring = []
        decided = False
        while info["inPlanner"]:
            if not info["ring"]:
                no_ring.append(info["label"] or info["name"])
            if info["type"] == "time":
                page.keyboard.type("1030A")
            elif info["type"] == "radio" and not decided:
                page.keyboard.press("ArrowRight")  # "Yes, they gave a date": enables the decision date
                decided = True
                expect(page.locator("[data-ati-planner] input[type=date]:disabled")).to_have_count(0)
            elif info["type"] == "date" and info["name"] != "interview_date":
                page.keyboard.type(f"{DATE + dt.timedelta(days=14):%m%d%Y}")
            elif info["tag"] == "select":
                page.keyboard.type("Europe/Lon")
            info = leave(page, info)
        assert not no_ring, f"no visible focus indicator on: {no_ring}"
        assert decided, "Tab never reached the 'decision date' choice"

        typed = page.evaluate("Object.fromEntries(new FormData(document.querySelector('[data-ati-planner]')))")
        assert typed == {
            "interview_date": f"{DATE}",
            "interview_time": "10:30",
            "promised": "yes",
            "decision_date": f"{DATE + dt.timedelta(days=14)}",
            "tz": "Europe/London",
        }, typed
        expect(page.locator("[data-ati-plan] li").first).to_be_visible()
        info = info if info["ics"] else tab_until(page, lambda i: i["ics"], limit=40)
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        ics = Path(download.value.path()).read_text("utf-8")
        assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics
        assert re.search(r"^DTSTART[^:\r\n]*:202603", ics, re.M), ics[:600]

        violations = page.evaluate(RUN_AXE)
        assert not violations, f"axe, planner filled in: {violations}"
    finally:
        context.close()


DESK_FOCUSED = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    return {tag: e.localName, text: (e.textContent || "").trim(), inDesk: !!e.closest("[data-module=desk]"),
            add: e.matches("[data-ati-add]"), export: e.matches("[data-ati-export]"),
            current: e.matches(".ati-app button") && e.textContent.startsWith("Work on"),
            stage: e.matches(".ati-app__stage-choice"), remember: e.matches("[data-ati-desk-remember]"),
            ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"};
}"""


def desk_tab_until(page, done, limit: int = 80) -> dict:
    """Press Tab until the focused element of the desk satisfies done(info); fail when it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(DESK_FOCUSED)
        if done(info):
            assert info["ring"], f"no visible focus indicator on {info}"
            return info
    pytest.fail(f"{limit} presses of Tab never reached the element")


def test_desk_main_actions_with_keyboard_alone(browser, built_site, site_url):
    """Add two applications, switch the current one, record a stage, remember and export: keys only."""
    if not (built_site / "applications" / "index.html").exists():
        pytest.fail("no applications page (the desk) in the build")
    context = keyboard_context(browser)
    page = context.new_page()
    try:
        page.goto(site_url + "applications/")
        wait_until_ready(page)
        desk_tab_until(page, lambda i: i["add"])
        page.keyboard.press("Enter")
        page.keyboard.press("Space")
        expect(page.locator(".ati-app")).to_have_count(2)
        expect(page.locator(".ati-app__current")).to_have_count(1)
        first_current = page.locator(".ati-app").first.locator(".ati-app__current").count()
        desk_tab_until(page, lambda i: i["current"])
        page.keyboard.press("Enter")
        expect(page.locator(".ati-app__current")).to_have_count(1)
        assert page.locator(".ati-app").first.locator(".ati-app__current").count() != first_current
        desk_tab_until(page, lambda i: i["stage"])
        page.keyboard.press("ArrowDown")  # a closed select changes its value (and fires change) on an arrow key
        expect(page.locator(".ati-app__history li")).not_to_have_count(0)
        desk_tab_until(page, lambda i: i["remember"])
        page.keyboard.press("Space")
        expect(page.locator("[data-ati-desk-remember]")).to_be_checked()
        desk_tab_until(page, lambda i: i["export"])
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        backup = json.loads(Path(download.value.path()).read_text("utf-8"))
        assert len(backup["state"]["applications"]) == 2, backup
        violations = page.evaluate(RUN_AXE)
        assert not violations, f"axe, desk with two applications: {violations}"
    finally:
        context.close()
