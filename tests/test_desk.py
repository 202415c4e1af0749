"""The applications page ("the desk") in Chromium with Playwright's clock: several applications, what is due,
Mark as sent, the backup round trip and hostile files, web compose and calendar links, and the print view."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from _personalize_helpers import PREFIX, cards, fill_profile, open_form
from _project_helpers import plugin_options, set_config
from conftest import FIXTURE, copy_project, served_build

pytestmark = pytest.mark.browser

INTERVIEW, PROMISED = "2026-11-30", "2026-12-04"  # a Monday, and the Friday they promised an answer by


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The fixture's content built as a fork has it (templates inside the project), served on loopback."""
    project = copy_project(tmp_path_factory.mktemp("desk-project") / "p", FIXTURE / "content")
    set_config(project, lambda config: plugin_options(config).update(storage_prefix=PREFIX.rstrip(":")))  # as seeded
    return served_build(tmp_path_factory, "desk-site", project)[1]


@pytest.fixture
def context(browser):
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB", accept_downloads=True)
    yield context
    context.close()


def open_page(context, url: str, today: str = "2026-12-01"):
    """A page with the clock fixed at noon on a day, at url."""
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{today}T12:00:00"))
    page.goto(url)
    return page


def seed(page, apps: list[dict], settings: dict | None = None) -> None:
    """Store applications in this tab's session (store version 2) and reload."""
    state = {"version": 2, "applications": apps, "settings": settings or {}}
    page.evaluate("([k, d]) => sessionStorage.setItem(k, JSON.stringify(d))", [PREFIX + "data", state])
    page.reload()


def app(id_: str, company: str, history=(), **fields) -> dict:
    return {
        "id": id_,
        "name": "",
        "fields": {"company": company, **fields},
        "recipients": [],
        "history": list(history),
        "round": 1,
        "edits": {},
    }


def due(page) -> list[tuple[str, str]]:
    page.locator(".ati-desk:not([hidden])").wait_for()
    return page.eval_on_selector_all("[data-ati-today] li", "ls => ls.map(l => [l.dataset.state || '', l.textContent])")


def test_two_applications_switched_each_message_page_shows_the_current_one(context, site_url):
    page = open_page(context, site_url + "messages/appreciation/")
    own = {"your_name": "Priya Sharma", "your_email": "priya@example.com"}
    fill_profile(page, {**own, "company": "Northwind Traders"})  # the first application, created by typing
    page.goto(site_url + "applications/")
    page.locator(".ati-desk:not([hidden])").wait_for()
    page.click("[data-ati-add]")
    page.goto(site_url + "messages/appreciation/")
    open_form(page)  # the new application starts with the person's own details, and nothing of the first one
    assert [page.input_value(s) for s in ("#ati-your_name-given", "#ati-your_email", "#ati-company")] == [
        "Priya",
        "priya@example.com",
        "",
    ]
    fill_profile(page, {"company": "Fabrikam"})
    assert "Fabrikam" in cards(page)[0]["body"]
    assert cards(page)[0]["body"].rstrip().endswith("Priya Sharma\npriya@example.com")
    page.select_option(".ati-switcher select", label="Northwind Traders")
    assert "Northwind Traders" in cards(page)[0]["body"]
    page.goto(site_url + "messages/inquiry/")
    assert "Northwind Traders" in " ".join(c["body"] + (c["subject"] or "") for c in cards(page))
    page.goto(site_url + "applications/")
    page.locator(".ati-desk:not([hidden])").wait_for()
    page.check("[data-ati-desk-remember]")  # kept on the device: every tab shares the data
    other = context.new_page()  # another tab: the same data, its own current application (the first)
    other.goto(site_url + "applications/")
    other.locator(".ati-app__name").nth(1).wait_for()
    names = other.eval_on_selector_all(".ati-app__name", "hs => hs.map(h => h.textContent)")
    assert names[0].startswith("Northwind Traders") and names[1].startswith("Fabrikam")


@pytest.mark.parametrize(("today", "state"), [("2026-12-04", "next"), ("2026-12-07", "today"), ("2026-12-08", "overdue")])
def test_a_promised_friday_makes_the_follow_up_due_monday_and_overdue_tuesday(context, site_url, today, state):
    page = open_page(context, site_url + "applications/", today)
    sent = [{"kind": "sent", "date": INTERVIEW, "step": s, "round": 1} for s in ("thank-you", "linkedin")]
    seed(page, [app("a", "Northwind Traders", sent, interview_date=INTERVIEW, decision_date=PROMISED)])
    rows = [r for r in due(page) if "Follow-up inquiry" in r[1]]
    assert rows and rows[0][0] == state, due(page)
    assert "Northwind Traders" in rows[0][1]
    assert rows[0][1].endswith("(they promised an answer by Friday 4 December)")  # the words; the clock is in 2026
    assert "Monday 7 December" in rows[0][1]
    if state == "overdue":
        assert rows[0][1].startswith("Overdue")
        planner = page
        planner.goto(site_url + "planner/")
        planner.locator("[data-ati-plan]:not([hidden])").wait_for()
        assert planner.locator("li.is-overdue").count() >= 1


def test_mark_as_sent_removes_the_thank_you_from_today(context, site_url):
    page = open_page(context, site_url + "applications/", "2026-11-30")
    seed(page, [app("a", "Northwind Traders", interview_date=INTERVIEW)])
    assert any("Thank-you note" in text for _, text in due(page))
    page.goto(site_url + "messages/appreciation/")
    cards(page)
    page.locator(".ati-send button").first.click()
    page.goto(site_url + "applications/")
    assert not any("Thank-you note" in text for _, text in due(page))
    assert "sent Thank-you note" in page.locator(".ati-app__history").inner_text()


def export(page) -> dict:
    with page.expect_download() as download:
        page.click("[data-ati-export]")
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def test_export_forget_import_round_trip_and_hostile_files_refused(context, site_url, tmp_path):
    page = open_page(context, site_url + "applications/")
    edited = app("a", "Northwind Traders", [{"kind": "offer", "date": "2026-12-01", "round": 1}], interview_date=INTERVIEW)
    edited["edits"] = {"appreciation": {"1": {"text": "My own words", "basis": "Made", "variant": "warm"}}}
    seed(page, [edited, app("b", "Fabrikam")], {"variant": "warm", "premium": True})
    due(page)
    first = export(page)
    assert first["state"]["applications"][0]["edits"] == edited["edits"]  # per message and card (issue 12)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-ati-desk-forget]")  # the desk's own Forget everything, asked first
    page.locator("[data-ati-desk-status]", has_text="forgotten").wait_for()
    assert page.locator(".ati-app").count() == 0
    assert page.evaluate("k => sessionStorage.getItem(k)", PREFIX + "data") is None
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(first), "utf-8")
    page.set_input_files("[data-ati-import]", str(backup))
    page.locator("[data-ati-backup-status]", has_text="Imported").wait_for()
    again = export(page)
    assert again["state"] == first["state"]
    hostile = {
        "not-json.json": ("{oops", "not JSON"),
        "shape.json": (json.dumps({"format": "something else"}), "not a backup of this guide"),
        "proto.json": (json.dumps(first).replace('"fields": {', '"fields": {"__proto__": {"x": "1"}, ', 1), "__proto__"),
        "constructor.json": (json.dumps(first).replace('"settings": {', '"settings": {"constructor": 1, ', 1), "constructor"),
        "big.json": ('{"x": "' + "a" * (2 * 1024 * 1024 + 10) + '"}', "larger than 2 MB"),
        "newer.json": (json.dumps({**first, "version": 99}), "newer version"),
        "apps.json": (json.dumps({**first, "state": {"applications": [{"id": 1}]}}), "wrong applications"),
    }
    for name, (text, says) in hostile.items():
        path = tmp_path / name
        path.write_text(text, "utf-8")
        page.set_input_files("[data-ati-import]", str(path))
        page.locator("[data-ati-backup-status]", has_text=says).wait_for()
        assert export(page)["state"] == first["state"], name
    other = tmp_path / "other.json"  # merge: the imported application is added to the two already here
    other.write_text(json.dumps({**first, "state": {**first["state"], "applications": [app("c", "Contoso")]}}), "utf-8")
    page.check("[data-ati-import-mode][value='merge']")
    page.set_input_files("[data-ati-import]", str(other))
    page.locator("[data-ati-backup-status]", has_text="3 applications").wait_for()
    merged = export(page)["state"]
    assert [a["id"] for a in merged["applications"]] == ["a", "b", "c"] and merged["settings"] == first["state"]["settings"]


def test_webmail_and_calendar_links_carry_exactly_the_card_text(context, site_url):
    page = open_page(context, site_url + "messages/appreciation/")
    fill_profile(
        page, {"company": "Café & Co; 100% + more", "interview_date": INTERVIEW}, [{"interviewer_email": "anna@example.com"}]
    )
    card = cards(page)[0]
    links = page.eval_on_selector_all(".ati-send a", "as => as.map(a => a.href)")
    gmail, outlook = (parse_qs(urlsplit(u).query) for u in links[:2])
    assert gmail["to"] == ["anna@example.com"] and outlook["to"] == ["anna@example.com"]
    assert gmail["su"] == [card["subject"]] and outlook["subject"] == [card["subject"]]
    assert gmail["body"] == [card["body"].replace("\n", "\r\n")] == outlook["body"]
    page.goto(site_url + "planner/")
    page.locator("[data-ati-plan]:not([hidden])").wait_for()
    item = page.locator("[data-ati-plan] li[data-from]").first
    google = parse_qs(urlsplit(item.locator(".ati-plan__links a").first.get_attribute("href")).query)
    assert google["text"][0].endswith("Café & Co; 100% + more")
    start, end = google["dates"][0].split("/")
    assert start == item.get_attribute("data-from").replace("-", "") and len(end) == 8
    outlook_calendar = parse_qs(urlsplit(item.locator(".ati-plan__links a").nth(1).get_attribute("href")).query)
    assert outlook_calendar["subject"] == google["text"] and outlook_calendar["body"] == google["details"]
    assert outlook_calendar["startdt"] == [item.get_attribute("data-from")] and outlook_calendar["allday"] == ["true"]


def test_print_view_of_one_application_on_paper(context, site_url):
    page = open_page(context, site_url + "application-print/")
    people = [
        {"interviewer_name.given": "Anna", "interviewer_name.family": "Berg", "interviewer_name": "Anna Berg"},
        {"interviewer_name.given": "Tom", "interviewer_name.family": "Okafor", "interviewer_name": "Tom Okafor"},
    ]
    edited = {**app("a", "Northwind Traders"), "recipients": people}
    edited["edits"] = {
        "inquiry": {"0": {"text": "My own follow-up words,\nwritten on the card."}},
        "appreciation": {"1": {"variant": "formal"}},
    }
    seed(page, [edited], {"variant": "warm"})  # the tone the person chose, one card they edited, one in its own tone
    page.locator(".ati-print[data-module-started]").wait_for(state="attached")
    thanks = page.locator("[data-ati-print='appreciation'] .ati-card")
    assert thanks.count() == 2  # one card per interviewer, as on the message page
    first, second = thanks.nth(0).inner_text(), thanks.nth(1).inner_text()
    assert "Anna Berg" in first and "Hi Anna," in first and "Dear Tom Okafor," in second  # Tom's card: its own tone
    assert "Best wishes," in first and "Kind regards" not in first  # the warm tone, not the first (formal)
    assert "Northwind Traders" in page.locator(".ati-print").inner_text()
    inquiry = page.locator("[data-ati-print='inquiry']")
    assert inquiry.locator(".ati-card .ati-body").inner_text() == "My own follow-up words,\nwritten on the card."
    page.emulate_media(media="print")
    assert page.locator(".ati-print button, .ati-switcher").evaluate_all("ns => ns.every(n => !n.offsetParent)")
    breaks = page.eval_on_selector_all(".ati-print__message", "ms => ms.map(m => getComputedStyle(m).breakInside)")
    assert set(breaks) == {"avoid"}
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_a_new_round_keeps_the_one_before_with_its_people_promise_and_topics(context, site_url):
    page = open_page(context, site_url + "applications/")
    first = app("a", "Northwind Traders", interview_date=INTERVIEW, decision_date=PROMISED, topic="the data team")
    first["recipients"] = [{"interviewer_name": "Anna Berg"}, {"interviewer_name": "Tom Okafor"}]
    seed(page, [first])
    due(page)
    page.select_option(".ati-app__stage-choice", "next_round")
    rounds = page.locator(".ati-app__rounds")
    rounds.wait_for()
    text = rounds.inner_text()
    assert "Round 1: interview on 30 November" in text
    assert "With Anna Berg, Tom Okafor" in text
    assert "They promised an answer by 4 December" in text
    assert "Topic discussed: the data team" in text
    assert "Interview:" not in page.locator(".ati-app").inner_text()  # round 2 starts without a date or people
    page.goto(site_url + "messages/appreciation/")
    body = cards(page)[0]["body"]
    assert "Northwind Traders" in body and "Anna Berg" not in body and "the data team" not in body
    page.goto(site_url + "applications/")
    due(page)
    assert "Topic discussed: the data team" in page.locator(".ati-app__rounds").inner_text()  # kept in storage


@pytest.fixture(scope="module")
def friday_saturday_url(tmp_path_factory):
    """The fixture built by a fork whose weekend is Friday and Saturday (the plugin's weekend option)."""
    project = copy_project(tmp_path_factory.mktemp("desk-weekend") / "p", FIXTURE / "content")
    set_config(
        project, lambda config: plugin_options(config).update(storage_prefix=PREFIX.rstrip(":"), weekend=["friday", "saturday"])
    )
    return served_build(tmp_path_factory, "desk-weekend-site", project)[1]


def test_a_fork_with_a_friday_saturday_weekend_counts_its_own_working_days(context, friday_saturday_url):
    """Promised by Thursday 3 December: the follow-up is due on Sunday 6 December, overdue on Monday."""
    sent = [{"kind": "sent", "date": INTERVIEW, "step": s, "round": 1} for s in ("thank-you", "linkedin")]
    for today, state in (("2026-12-04", "next"), ("2026-12-06", "today"), ("2026-12-07", "overdue")):
        page = open_page(context, friday_saturday_url + "applications/", today)
        seed(page, [app("a", "Northwind Traders", sent, interview_date=INTERVIEW, decision_date="2026-12-03")])
        rows = [r for r in due(page) if "Follow-up inquiry" in r[1]]
        assert rows and rows[0][0] == state and "Sunday 6 December" in rows[0][1], (today, due(page))
        page.close()
    page = open_page(context, friday_saturday_url + "planner/", "2026-12-04")
    seed(page, [app("a", "Northwind Traders", sent, interview_date=INTERVIEW, decision_date="2026-12-03")])
    page.locator("[data-ati-plan]:not([hidden])").wait_for()
    froms = page.eval_on_selector_all("[data-ati-plan] li[data-from]", "ls => ls.map(l => l.dataset.from)")
    assert "2026-12-06" in froms  # the planner counts the same working days
    assert "Business days are every day but the weekend (Friday, Saturday)." in page.locator("article").inner_text()


@pytest.mark.shipped_content
def test_the_german_desk_and_print_view_speak_german(context, content_site_url):
    """The shipped guide's /de/ pages: the desk's own words, its due sentences and a kept round are German."""
    page = open_page(context, content_site_url + "de/applications/", "2026-12-07")
    german = app("a", "Northwind", interview_date=INTERVIEW, decision_date=PROMISED)
    german["recipients"] = [{"interviewer_name": "Anna Berg"}]
    seed(page, [german])
    rows = due(page)
    assert any(text.endswith("(Antwort zugesagt bis Freitag, 4. Dezember)") for _, text in rows), rows
    desk = page.locator("article").inner_text()
    for words in ("Was heute zu tun ist", "Sicherung exportieren", "Alle Nachrichten der aktuellen Bewerbung drucken"):
        assert words in desk
    page.select_option(".ati-app__stage-choice", "next_round")
    assert "Runde 1: Gespräch am 30. November" in page.locator(".ati-app__rounds").inner_text()
    page.goto(content_site_url + "de/application-print/")
    page.locator(".ati-print[data-module-started]").wait_for(state="attached")
    assert "Northwind" in page.locator(".ati-print").inner_text()
    assert page.locator(".ati-switcher__choice span").inner_text() == "Bewerbung"
