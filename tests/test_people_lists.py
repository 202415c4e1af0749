"""Issue 14's people in Chromium: referees and a coordinator typed on their message pages and kept in the store,
the other employers read from the desk, and the cards each of them gets (the shipped guide's own pages)."""

from __future__ import annotations

import json

import pytest
from _personalize_helpers import PREFIX, ROOT, UNSENDABLE, cards, every_card, storage, type_person
from playwright.sync_api import expect
from test_moments_messages import NEW

pytestmark = [pytest.mark.browser, pytest.mark.shipped_content]


def person(page, list_id: str, index: int, **fields: str) -> None:
    """Type a person into the list's fieldset number index (from 0), as a reader would."""
    for name, value in fields.items():
        target = page.locator(f"#ati-{list_id}-{index}-{name}")
        if name == "address":
            target.select_option(value)
        else:
            target.fill(value)


def stored_people(page) -> dict:
    """The current application's people lists as stored in the tab's session."""
    data = json.loads(storage(page)["session"]["data"])
    return data["applications"][0]["people"]


def test_referees_are_typed_kept_removed_and_each_gets_a_card(browser, content_site_url):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(content_site_url + "messages/referee-heads-up/")
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    assert page.locator("#ati-referees-0-given").evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
    person(page, "referees", 0, given="Anna", family="Berg", address="ms", email="anna@example.org")
    page.get_by_role("button", name="Add a referee").click()
    expect_focus = page.evaluate("document.activeElement.id")
    assert expect_focus == "ati-referees-1-given"
    person(page, "referees", 1, given="Tom", family="Okafor", email="tom@example.org")
    assert [p.get("given") for p in stored_people(page)["referees"]] == ["Anna", "Tom"]
    page.reload()
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    assert page.locator("#ati-referees-1-family").input_value() == "Okafor"
    assert page.locator("#ati-referees-0-address").input_value() == "ms"
    shown = cards(page, "referee-heads-up")
    assert [c["body"].split("\n")[0] for c in shown] == ["Dear Ms Berg,", "Dear Tom Okafor,"]
    assert all("[Referee]" not in c["body"] for c in shown)
    page.get_by_role("button", name="Remove Tom Okafor").click()
    assert [p.get("given") for p in stored_people(page)["referees"]] == ["Anna"]
    expect(page.get_by_role("status").filter(has_text="Removed Tom Okafor.")).to_have_count(1)  # announced after 50 ms
    assert errors == []
    context.close()


def test_the_coordinator_gets_one_thank_you_that_names_the_panel(browser, content_site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(content_site_url + "messages/coordinator-thanks/")
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    assert page.locator("[data-ati-add-entry]").is_hidden()  # one coordinator, no second
    person(page, "coordinator", 0, given="Lena", family="Fischer", title="Dr", email="lena@example.org")
    page.locator("details.ati-details").evaluate("d => d.open = true")
    page.fill("#ati-panel_names", "Anna Berg and Tom Okafor")
    [card] = cards(page, "coordinator-thanks")
    assert card["body"].startswith("Dear Dr Fischer,")
    assert "pass my thanks on to the panel: Anna Berg and Tom Okafor." in card["body"]
    assert card["href"].startswith("mailto:lena@example.org?")
    assert stored_people(page)["coordinator"][0]["family"] == "Fischer"
    context.close()


def desk_page(browser, site_url: str, applications: list[dict], path: str):
    """A new tab whose desk holds these applications (the first one current), opened at path once started."""
    context = browser.new_context()
    page = context.new_page()
    state = {"version": 2, "applications": applications, "settings": {}}
    page.goto(site_url)
    page.evaluate("([key, value]) => { sessionStorage.setItem(key, value); }", [PREFIX + "data", json.dumps(state)])
    page.goto(site_url + path)
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    return context, page


def test_the_other_employers_come_from_the_desk(browser, content_site_url):
    applications = [
        {
            "id": "won",
            "fields": {"company": "Contoso", "role": "Analyst"},
            "history": [{"kind": "accepted", "date": "2026-03-01"}],
        },
        {
            "id": "open",
            "fields": {
                "company": "Fabrikam",
                "role": "Planner",
                "main_contact": "Sam Patel",
                "main_contact.given": "Sam",
                "main_contact.family": "Patel",
                "main_contact_email": "sam@fabrikam.example",
            },
            "history": [],
        },
        {"id": "no", "fields": {"company": "Litware"}, "history": [{"kind": "rejected", "date": "2026-02-01"}]},
    ]
    context, page = desk_page(browser, content_site_url, applications, "messages/accepted-elsewhere/")
    items = page.locator("[data-ati-employers] li").all_inner_texts()
    assert items == ["Fabrikam, Planner · Sam Patel"]
    [card] = cards(page, "accepted-elsewhere")
    assert card["body"].startswith("Dear Sam Patel,\n\nThank you for considering me for the Planner position at Fabrikam.")
    assert "Contoso" not in card["body"] and card["href"].startswith("mailto:sam@fabrikam.example?")
    context.close()


def test_with_no_other_employer_on_the_desk_the_card_greets_the_main_contact_and_names_no_company(browser, content_site_url):
    """The one application (the accepted one) must not fill another employer's card: its blanks stay to fill."""
    you = {"your_name.given": "Priya", "your_name.family": "Sharma"}
    applications = [{"id": "won", "fields": {"company": "Contoso", "role": "Analyst", **you}, "history": []}]
    context, page = desk_page(browser, content_site_url, applications, "messages/accepted-elsewhere/")
    [card] = cards(page, "accepted-elsewhere")
    assert card["body"].startswith("Dear [Main contact],"), card["body"]
    assert "Contoso" not in card["body"] and "Analyst" not in card["body"] and "[Company]" in card["body"]
    assert card["body"].rstrip().endswith("Priya Sharma"), card["body"]
    # A blind reader's find: the card said "3 blanks to fill: Role, Main contact, Company" with all three filled in.
    meta = page.locator(".ati-card .ati-meta").inner_text()
    assert meta.endswith("No other open applications on your desk yet.") and "to fill" not in meta, meta
    context.close()


def test_every_copy_button_of_the_new_messages_hands_over_a_sendable_message(browser, content_site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    other = {"company": "Fabrikam", "role": "Planner", "main_contact.given": "Sam", "main_contact.family": "Patel"}
    other |= {"main_contact": "Sam Patel", "main_contact_email": "sam@fabrikam.example"}
    state = {"version": 2, "applications": [{"id": "now", "fields": {}}, {"id": "other", "fields": other}], "settings": {}}
    page.goto(content_site_url)
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [PREFIX + "data", json.dumps(state)])
    page.goto(content_site_url + "messages/referee-heads-up/")
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    person(page, "referees", 0, given="Anna", family="Berg", address="ms", email="anna@example.org")
    page.get_by_role("button", name="Add a referee").click()
    person(page, "referees", 1, given="Tom", family="Okafor", email="tom@example.org")
    page.locator("details.ati-details").evaluate("d => d.open = true")
    type_person(page, "ati-your_name", {"given": "Priya", "family": "Sharma"})
    type_person(page, "ati-main_contact", {"given": "Sam", "family": "Patel", "address": "mr"})
    for field, value in {
        "your_email": "priya@example.com",
        "main_contact_email": "sam@northwind.example",
        "company": "Northwind",
    }.items():
        page.fill(f"#ati-{field}", value)
    for field, value in {"role": "Data Analyst", "interview_date": "2026-03-03", "answer_date": "2026-03-17"}.items():
        page.fill(f"#ati-{field}", value)
    page.fill("#ati-proposal", "a start date four weeks later")
    page.goto(content_site_url + "messages/coordinator-thanks/")
    page.wait_for_selector(".ati-people[data-module-started]:not([hidden])")
    person(page, "coordinator", 0, given="Lena", family="Fischer", title="Dr")
    read = {}
    for mid, _tone, _c, _card, texts in every_card(page, content_site_url, NEW, ROOT / "content"):
        for text in texts:
            assert not UNSENDABLE.search(text), (mid, text)
            read.setdefault(mid, []).append(text)
    assert set(read) == set(NEW)
    assert any(t.startswith("Dear Ms Berg,") for t in read["referee-heads-up"])
    assert any(t.startswith("Dear Tom Okafor,") for t in read["referee-heads-up"])
    assert any(t.startswith("Dear Dr Fischer,") for t in read["coordinator-thanks"])
    assert any(t.startswith("Dear Mr Patel,") for t in read["negotiation"])
    assert any("Fabrikam" in t and "Northwind" not in t for t in read["accepted-elsewhere"])
    assert errors == []
    context.close()
