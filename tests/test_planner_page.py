"""The follow-up planner page in Chromium: the schedule, the shared profile, the .ics download, and no JavaScript."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from _personalize_helpers import PREFIX
from _personalize_helpers import stored as stored_data
from icalendar import Calendar
from playwright.sync_api import expect
from test_dates_reference import FIXTURE, ROOT, load_steps, reference_plan

pytestmark = pytest.mark.browser

COMPANY = 'Café Ünïcode; Sales, "Ltd" \\ 東京 😀'
MESSAGES = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in (FIXTURE / "content" / "messages").glob("*.yml")}
MESSAGE_BY_ID = {m["id"]: m for m in MESSAGES.values()}


@pytest.fixture
def context(browser):
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB", accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def planner(context, site_url):
    """The planner page, with every request it makes recorded."""
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(site_url + "planner/")
    page.locator("[data-ati-planner]").wait_for()  # visible once planner.js has started
    return page


def seed(page, profile: dict, remember: bool = False) -> None:
    """Store a profile the way the personalization form does, then reload."""
    page.evaluate(
        "([k, d, r]) => { if (r) localStorage.setItem(k + 'remember', '1');"
        " (r ? localStorage : sessionStorage).setItem(k + 'data', JSON.stringify(d)) }",
        [PREFIX, stored_data(profile), remember],
    )
    page.reload()
    page.locator("[data-ati-planner]").wait_for()


def shown(page) -> list[dict]:
    """The dated items of the plan."""
    return page.eval_on_selector_all(
        "[data-ati-plan] li[data-from]",
        """ls => ls.map(l => ({from: l.dataset.from, to: l.dataset.to,
        text: l.innerText, links: [...l.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.target, a.textContent])}))""",
    )


def expected(interview: date, at: time | None = None, promised: date | None = None) -> list[dict]:
    return reference_plan(load_steps(), interview, at, promised)


def stored(page, where: str = "sessionStorage") -> dict:
    """The current application as {fields, interviewers}, from the store's data."""
    data = json.loads(page.evaluate(f"k => {where}.getItem(k)", PREFIX + "data") or "{}")
    [app] = data.get("applications") or [{"fields": {}, "recipients": []}]
    return {"fields": app["fields"], "interviewers": app["recipients"]}


def test_schedule_follows_the_rules_and_links_each_message(planner, site_url):
    page = planner
    assert page.locator("[data-ati-planner-nojs]").is_hidden()
    assert page.locator("[data-ati-plan]").is_hidden()
    assert page.get_by_role("status").inner_text().strip()
    zone = page.get_by_label("Your time zone")
    assert zone.input_value() == "" and zone.locator("option").count() == 1  # the device's zone; no list at load
    zone.focus()  # reaching the field lists every zone, the device's still chosen
    assert zone.locator("option").count() > 100 and zone.input_value() == ""
    assert "Europe/London" in zone.locator("option").all_inner_texts()
    page.get_by_label("Interview date").fill("2026-03-06")  # a Friday
    items, want = shown(page), expected(date(2026, 3, 6))
    assert [(i["from"], i["to"]) for i in items] == [(w["from"].isoformat(), w["to"].isoformat()) for w in want]
    assert all(date.fromisoformat(i["to"]).weekday() != 6 for i in items[:1])  # a Friday interview: no Sunday thank-you
    steps = {s["id"]: s for s in load_steps()}
    for item, w in zip(items, want, strict=True):
        (message, target, _), (step, _, step_title), *calendar = item["links"]  # then Google and Outlook (issue 13)
        assert [text for _, _, text in calendar] == ["Google Calendar", "Outlook calendar"]
        url = page.evaluate("h => new URL(h, location).href", message)
        wanted = f"steps/{w['id']}/" if w["move"] else f"messages/{steps[w['id']]['messages'][0]}/"
        assert url == site_url + wanted and target == "_self"  # a full load, so the message page reads the profile
        assert page.request.get(url).ok
        assert page.evaluate("h => new URL(h, location).href", step) == site_url + f"steps/{w['id']}/"
        assert step_title == steps[w["id"]]["title"]
    assert "Thank-you note" in items[0]["text"]
    assert "March" in page.get_by_role("status").inner_text()
    # Step 0 happens at the interview itself: listed first, undated, and in no other section.
    first = page.locator("[data-ati-plan] li").first
    assert first.get_attribute("data-from") is None
    at_interview = [
        s for s in load_steps() if not s.get("messages") and s["when"]["anchor"] == "interview" and not s["when"].get("ongoing")
    ]
    assert at_interview, "the shipped guide has a step done at the interview"
    expect(first).to_contain_text("At the interview")
    expect(first.get_by_role("link", name=at_interview[0]["title"]).first).to_be_visible()
    assert all(u.startswith((site_url, "data:", "blob:")) for u in page.requests), page.requests


def test_promised_date_and_its_removal(planner):
    page = planner
    page.get_by_label("Interview date").fill("2026-03-02")
    assert page.get_by_label("Decision date").is_disabled()
    page.get_by_label("Yes").check()
    page.get_by_label("Decision date").fill("2026-03-13")  # a Friday: the inquiry goes out on Monday
    assert [(i["from"], i["to"]) for i in shown(page)] == [
        (w["from"].isoformat(), w["to"].isoformat()) for w in expected(date(2026, 3, 2), None, date(2026, 3, 13))
    ]
    assert "2026-03-16" in [i["from"] for i in shown(page)]
    fields = stored(page)["fields"]
    assert (fields["interview_date"], fields["decision_date"]) == ("2026-03-02", "2026-03-13")
    page.get_by_label("Decision date").fill("2026-02-27")  # before the interview: not used, and the reader is told
    assert "before the interview" in page.get_by_role("status").inner_text()
    assert [i["from"] for i in shown(page)] == [w["from"].isoformat() for w in expected(date(2026, 3, 2))]
    page.get_by_label("No", exact=True).check()
    assert page.get_by_label("Decision date").is_disabled()
    assert stored(page)["fields"]["decision_date"] == ""


def test_profile_is_shared_with_the_messages(planner, site_url):
    page = planner
    seed(
        page,
        {
            "fields": {"interview_date": "2026-01-30", "decision_date": "2026-02-06", "company": COMPANY, "role": "Analyst"},
            "interviewers": [{"interviewer_name": "Anna Berg"}],
        },
    )
    assert page.get_by_label("Interview date").input_value() == "2026-01-30"
    assert page.get_by_label("Yes").is_checked() and page.get_by_label("Decision date").input_value() == "2026-02-06"
    assert [i["from"] for i in shown(page)] == [
        w["from"].isoformat() for w in expected(date(2026, 1, 30), None, date(2026, 2, 6))
    ]
    page.get_by_label("Interview date").fill("2026-02-02")
    profile = stored(page)
    assert profile["fields"]["interview_date"] == "2026-02-02" and profile["fields"]["company"] == COMPANY
    [anna] = profile["interviewers"]  # the name as typed before names were split, and its split for the form
    assert anna["interviewer_name"] == "Anna Berg" and anna["interviewer_name.given"] == "Anna"
    page.locator("[data-ati-plan] li[data-from]").first.get_by_role("link", name="Thank-you note", exact=True).click()
    page.wait_for_url(site_url + "messages/appreciation/")
    expect(page.locator("#ati-interview_date")).to_have_value("2026-02-02")


def test_remembered_profile_stays_in_local_storage(planner):
    page = planner
    seed(page, {"fields": {"your_name": "Priya"}, "interviewers": []}, remember=True)
    page.get_by_label("Interview date").fill("2026-05-05")
    fields = stored(page, "localStorage")["fields"]  # with the typed name's split for the form (issue 12's migration)
    assert {k: fields[k] for k in ("your_name", "interview_date", "decision_date")} == {
        "your_name": "Priya",
        "interview_date": "2026-05-05",
        "decision_date": "",
    }
    assert fields["your_name.given"] == "Priya"
    assert page.evaluate("k => sessionStorage.getItem(k)", PREFIX + "data") is None


def test_planner_page_loads_only_the_modules_it_uses(planner):
    page = planner
    page.get_by_label("Interview date").fill("2026-03-04")
    assert len(shown(page)) == len(expected(date(2026, 3, 4)))
    modules = {u.rsplit("/", 1)[-1] for u in page.requests if "/assets/guide/" in u}
    loaded = {part for name in modules for part in name.removeprefix("pack-").removesuffix(".js").split(".")}
    assert "planner" in loaded, modules  # planner.js, alone or in the pack of the page's modules
    assert not loaded & {"profile-form", "message-card", "card"}, modules


def unfold(raw: str) -> list[str]:
    return raw.replace("\r\n ", "").split("\r\n")


def test_calendar_file(planner, tmp_path):
    page = planner
    seed(page, {"fields": {"company": COMPANY}, "interviewers": []})
    page.get_by_label("Interview date").fill("2026-03-28")  # the day before British Summer Time starts
    page.get_by_label("Start time (optional)").fill("15:00")
    page.get_by_label("Yes").check()
    page.get_by_label("Decision date").fill("2026-04-03")
    want = expected(date(2026, 3, 28), time(15, 0), date(2026, 4, 3))
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar").click()
    assert download.value.suggested_filename.endswith(".ics")
    raw = download.value.path().read_bytes()

    # RFC 5545 on the raw bytes: CRLF only, lines of at most 75 octets, no character split by a fold.
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n") and b"\r" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    for line in lines:
        line.decode("utf-8")
    text = raw.decode("utf-8")
    logical = unfold(text)
    assert logical[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in logical and any(x.startswith("PRODID:") for x in logical)

    calendar = Calendar.from_ical(raw)
    assert not calendar.errors
    events = calendar.walk("VEVENT")
    assert len(events) == len(want) == len(shown(page))
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert logical.count("BEGIN:VEVENT") == sum(x.startswith("DTSTAMP:") for x in logical) == len(events)
    deadline = datetime(2026, 3, 29, 15, 0, tzinfo=ZoneInfo("Europe/London")).astimezone(UTC)
    for event, w in zip(events, want, strict=True):
        assert not event.errors
        summary = str(event["SUMMARY"])
        assert summary.endswith(" – " + COMPANY)
        assert isinstance(event.decoded("DTSTAMP"), datetime)
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY" and alarms[0].decoded("TRIGGER") < timedelta(0)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if w["time"] is None:
            assert type(start) is date and type(end) is date
            assert (start, end) == (w["from"], w["to"] + timedelta(days=1))
        else:
            assert end == deadline and start < end and start.tzinfo is not None
    assert str(events[0]["SUMMARY"]) == MESSAGE_BY_ID["appreciation"]["title"] + " – " + COMPANY
    all_day = [x for x in logical if x.startswith("DTSTART")]
    assert sum(x.startswith("DTSTART;VALUE=DATE:") for x in all_day) == sum(w["time"] is None for w in want)
    assert "\\;" in text and "\\," in text and "\\\\" in text

    # The reader's time zone moves the timed deadline, and only that.
    page.get_by_label("Your time zone").focus()
    page.get_by_label("Your time zone").select_option("America/New_York")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar").click()
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert events[0].decoded("DTEND") == datetime(2026, 3, 29, 15, 0, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
    assert [e.decoded("DTSTART") for e in events[1:]] == [w["from"] for w in want[1:]]
    page.reload()  # the chosen zone is kept, shown beside the device's before the list is built
    expect(page.get_by_label("Your time zone")).to_have_value("America/New_York")
    assert page.get_by_label("Your time zone").locator("option").count() == 2


def test_without_javascript_the_planner_says_so(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "planner/")
    notice = page.locator("[data-ati-planner-nojs]")
    assert notice.is_visible() and "needs JavaScript" in notice.inner_text()
    assert page.locator("[data-ati-planner]").is_hidden() and page.locator("[data-ati-plan]").is_hidden()
    links = notice.get_by_role("link")
    assert links.count() == len(load_steps())
    for i in range(links.count()):
        assert page.request.get(page.evaluate("h => new URL(h, location).href", links.nth(i).get_attribute("href"))).ok
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filled_planner_has_no_axe_violation(browser, site_url, scheme):
    """The gate scans pages as they load; this scans the planner with its schedule and every control showing."""
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.fail(f"{axe} is missing: run `npm ci`")
    context = browser.new_context(color_scheme=scheme, timezone_id="Europe/London")
    context.add_init_script(path=str(axe))
    page = context.new_page()
    page.goto(site_url + "planner/")
    page.locator("[data-ati-planner]").wait_for()
    page.get_by_label("Interview date").fill("2026-03-06")
    page.get_by_label("Start time (optional)").fill("10:30")
    page.get_by_label("Yes").check()
    page.get_by_label("Decision date").fill("2026-03-01")  # before the interview: the warning shows too
    assert page.locator("[data-ati-plan] li").count() and "before the interview" in page.get_by_role("status").inner_text()
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    context.close()
    assert not violations, violations
