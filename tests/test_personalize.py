"""Issue 3: every template personalized in the browser, privately. Real Chromium through Playwright, on a real strict build.

Expected texts are computed from the inputs and the YAML content (with the generator's own fill and sentence rules),
never copied from the script's output.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest
from _personalize_helpers import (
    BLANKS,
    FORK_PREFIX,
    LABEL,
    TONES,
    XSS,
    Watched,
    blank_ids,
    card_text,
    cards,
    encode,
    expected,
    fill_profile,
    forget_everything,
    long_date,
    make_fork,
    message,
    one_line,
    open_form,
    set_profile,
    storage,
    ui_strings,
    variant,
)
from conftest import copy_project, mkdocs_build, serve
from playwright.sync_api import expect

from generator.blanks import sentences

pytestmark = pytest.mark.browser

YOU = {
    "your_name": "Priya Sharma",
    "your_email": "priya@example.com",
    "your_phone": "+44 20 7946 0958",
    "company": "Northwind Traders",
    "role": "Junior Data Analyst",
    "interview_date": "2026-03-03",
    "decision_date": "2026-03-10",
    "start_date": "2026-04-06",
}
ANNA = {
    "interviewer_title": "Ms",
    "interviewer_name": "Anna Berg",
    "interviewer_email": "anna@northwind.example",
    "topic": "how the team plans its releases",
    "clarified": "how on-call duty is shared",
}
BEN = {
    "interviewer_title": "Dr",
    "interviewer_name": "Ben Okafor",
    "interviewer_email": "ben@northwind.example",
    "topic": "the data warehouse migration",
    "clarified": "who owns the reporting backlog",
}
CHLOE = {
    "interviewer_title": "Mx",
    "interviewer_name": "Chloe Haas",
    "interviewer_email": "chloe@northwind.example",
    "topic": "mentoring new analysts",
    "clarified": "how reviews are scheduled",
}


def shown(fields: dict, iv: dict) -> dict:
    """The values a card shows: one line each, dates written out."""
    out = {k: one_line(v) for k, v in {**fields, **iv}.items()}
    for k, v in out.items():
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            out[k] = long_date(v)
    return out


class Web:
    """Pages in one browser context with clipboard access; every page is watched and checked when the test ends."""

    def __init__(self, context, base: str):
        self.base, self.context = base, context
        self.watched: list[Watched] = []
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        self.watched.append(Watched(page))
        return page

    def open(self, path: str, page=None):
        page = page or self.page
        page.goto(self.base + path)
        return page

    def close(self, allow_console: tuple[str, ...] = (), only_ours: bool = False):
        self.page.evaluate("localStorage.clear()")  # sessionStorage belongs to each page (tab) and goes with it
        for w in self.watched:
            w.page.close()
        for w in self.watched:
            w.assert_clean(self.base, allow_console, only_ours)


@pytest.fixture(scope="module")
def shared_context(browser):
    """One context for the module, so the site's assets load from its cache; tests get fresh tabs and storage."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def web(shared_context, site_url):
    w = Web(shared_context, site_url)
    yield w
    w.close()


@pytest.fixture(scope="session")
def fork_url(tmp_path_factory):
    """A fork of the project (see make_fork) built with `mkdocs build --strict` and served with a matching site_url."""
    root = tmp_path_factory.mktemp("fork")
    (root / "project").mkdir()
    project = copy_project(root / "project")
    site = root / "site"
    site.mkdir()
    url, server = serve(site)
    make_fork(project, url)
    done = mkdocs_build(project, site)
    assert done.returncode == 0, done.stderr
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def fork_context(browser):
    context = browser.new_context()
    yield context
    context.close()


def test_form_is_generated_from_the_blank_registry_and_usable_by_keyboard(web):
    page = web.open("messages/appreciation/")
    form = page.locator("[data-ati-profile]")
    expect(form).to_be_visible()
    for b in BLANKS:
        scope = form.locator("[data-ati-interviewer]").first if b.get("per_interviewer") else form.locator(".ati-fieldset").first
        if b["input"] == "person":  # a group named by the label, with given name, family name, form of address, title
            person = scope.get_by_role("group", name=b["label"], exact=True)
            expect(person).to_have_accessible_description(b["help"])  # the person's help, under the legend
            given_help = ui_strings()["page_person_given_help"]
            expect(person.get_by_label("Given name", exact=True)).to_have_accessible_description(given_help)
            expect(person.get_by_role("combobox", name="Form of address")).to_have_count(1)
            continue
        field = scope.get_by_label(b["label"], exact=True)
        expect(field).to_have_count(1)
        expect(field).to_have_attribute("type", b["input"])
        expect(field).to_have_accessible_description(b["help"])
    # Keyboard only: tab from the first field to "Add an interviewer", press Enter, land in the new fieldset.
    page.focus("#ati-your_name-given")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-ati-add-interviewer]')"):
            break
    else:
        pytest.fail("Tab never reached 'Add an interviewer'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "no visible focus"
    page.keyboard.press("Enter")
    expect(page.locator("[data-ati-interviewer]")).to_have_count(2)
    assert page.evaluate("document.activeElement.id") == "ati-i1-interviewer_name-given"
    expect(page.get_by_role("group", name="Interviewer 2").get_by_label("Given name")).to_be_focused()


def test_typing_fills_the_preview_at_once(web):
    page = web.open("messages/appreciation/")
    fill_profile(page, YOU, [ANNA])
    [card] = cards(page)
    assert card["body"] == card_text("appreciation", "formal", shown(YOU, ANNA))
    assert card["subject"] == card_text("appreciation", "formal", shown(YOU, ANNA), field="subject")
    assert long_date(YOU["interview_date"]) in card["body"]
    # No lag: the preview changes in the same task as the input event.
    body = page.evaluate("""() => {
        const input = document.querySelector('#ati-company');
        input.value = 'Fabrikam';
        input.dispatchEvent(new Event('input', {bubbles: true}));
        return document.querySelector('.ati-card .ati-body').textContent;
    }""")
    assert body == card_text("appreciation", "formal", shown({**YOU, "company": "Fabrikam"}, ANNA))


def without_optional_parts(template: str) -> str:
    """The template as shown while every blank is empty: its optional parts `{...}` dropped (issue 12)."""
    return re.sub(r"\{[^{}]*\}", "", template)


def test_unfilled_blanks_stay_marked_and_are_counted(web):
    page = web.open("messages/inquiry/")
    formal = variant("inquiry", "formal")
    shown = [without_optional_parts(formal[k]) for k in ("subject", "body")]  # an empty optional blank drops its part
    ids = blank_ids(shown[0]) + ["main_contact", "your_name"]  # subject, then the greeting's and closing's names
    ids += [i for i in blank_ids(shown[1]) if i not in ids]
    card = page.locator(".ati-card").first
    unfilled = card.locator(".ati-blank:not(.is-filled)")
    expect(unfilled).to_have_count(len(re.findall(r"\[[^\]]+\]", "".join(shown))))  # the names are plain text
    assert unfilled.first.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dashed"
    expect(card.locator(".ati-meta")).to_contain_text(f"{len(ids)} blanks to fill: " + ", ".join(LABEL[i] for i in ids))
    page.fill("#ati-company", "Fabrikam")
    page.fill("#ati-role", "Analyst")
    left = [i for i in ids if i not in ("company", "role")]
    expect(card.locator(".ati-meta")).to_contain_text(f"{len(left)} blanks to fill: " + ", ".join(LABEL[i] for i in left))
    assert card.locator(".ati-blank.is-filled").first.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"


def test_copy_puts_exactly_the_previewed_text_on_the_clipboard(web):
    page = web.open("messages/appreciation/")
    set_profile(page, {"fields": YOU, "interviewers": [ANNA]})
    card = page.locator(".ati-card").first
    subject = card.locator(".ati-subject > span").last.text_content()
    body = card.locator(".ati-body").text_content()
    for button, text in (("Copy subject", subject), ("Copy body", body), ("Copy both", f"Subject: {subject}\n\n{body}")):
        page.evaluate("navigator.clipboard.writeText('sentinel')")
        card.get_by_role("button", name=button).click()
        expect(card.locator(".ati-status")).to_contain_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as download:
        card.get_by_role("button", name="Download .txt").click()
    assert download.value.suggested_filename.endswith(".txt")
    assert Path(download.value.path()).read_text("utf-8") == f"Subject: {subject}\n\n{body}"


def test_mailto_decodes_to_exactly_the_message_and_hostile_input_adds_no_header(web):
    fields = {
        **YOU,
        "your_name": "Zoë Ñandú 🚀",
        "company": "A&B Co; bcc=evil@example.com",
        "role": "Analyst\r\nBcc: evil@example.com",
    }
    iv = {
        "clarified": "?subject=x&body=y%0D%0Abcc:evil@example.com #frag",
        **ANNA,
        "interviewer_name": "Ånna 🙂 O'Brien",
        "topic": "100% & more\nBCC: evil@example.com\r\n",
        "interviewer_email": "anna@example.com?bcc=evil@example.com&cc=x@example.com",
    }
    page = web.open("messages/appreciation/")
    set_profile(page, {"fields": fields, "interviewers": [iv]})
    [card] = cards(page)
    href = card["href"]
    assert href.startswith("mailto:")
    assert not re.search(r"[\s<>\"#]", href), "unencoded characters in the link"
    assert href.count("?") == 1 and href.count("&") == 1, href
    to, query = href[len("mailto:") :].split("?")
    assert urllib.parse.unquote(to) == one_line(iv["interviewer_email"])
    pairs = [p.split("=", 1) for p in query.split("&")]
    assert [k for k, _ in pairs] == ["subject", "body"], "input added a header"
    subject, body = (urllib.parse.unquote(v, errors="strict") for _, v in pairs)
    assert subject == card["subject"] and "\r" not in subject and "\n" not in subject
    assert body == card["body"].replace("\n", "\r\n")
    assert not re.search(r"(?<!%0D)%0A", query), "a line break not written as %0D%0A"
    assert card["body"] == card_text("appreciation", "formal", shown(fields, iv))
    assert "Zoë Ñandú 🚀" in body and "Dear Ms O'Brien," in body


def test_a_mail_link_too_long_for_mail_apps_is_replaced_by_advice_to_copy(web):
    page = web.open("messages/appreciation/")
    set_profile(page, {"fields": YOU, "interviewers": [ANNA]})
    open_form(page)
    card = page.locator(".ati-card").first
    for topic in ("short", "long " * 400):
        page.fill("#ati-i0-topic", topic)
        [c] = cards(page)
        length = len(
            "mailto:"
            + ANNA["interviewer_email"]
            + "?subject="
            + encode(c["subject"])
            + "&body="
            + encode(c["body"].replace("\n", "\r\n"))
        )
        link, note = card.get_by_role("link", name="Open in email app"), card.locator(".ati-note")
        if length <= 1800:
            expect(link).to_be_visible()
            expect(note).to_be_hidden()
            assert len(link.get_attribute("href")) == length
        else:
            expect(link).to_be_hidden()
            expect(note).to_be_visible()
            expect(note).to_contain_text("copy")
            expect(card.get_by_role("button", name="Copy both")).to_be_visible()
    assert length > 1800, "the long topic did not exercise the limit"


def test_unfilled_blanks_warn_before_copy_send_or_download(web):
    page = web.open("messages/inquiry/")
    page.fill("#ati-company", "Fabrikam")
    card = page.locator(".ati-card").first
    status = card.locator(".ati-status")
    formal = variant("inquiry", "formal")
    shown = [without_optional_parts(formal[k]) for k in ("subject", "body")]  # an empty optional blank drops its part
    missing = [LABEL[i] for i in blank_ids(*shown) if i != "company"] + ["Main contact", "Your name"]  # greeting, closing
    page.evaluate("navigator.clipboard.writeText('sentinel')")
    card.get_by_role("button", name="Copy body").click()
    expect(status).to_contain_text(f"{len(missing)} blanks still unfilled")
    for label in missing:
        expect(status).to_contain_text(label)
    assert page.evaluate("navigator.clipboard.readText()") == "sentinel", "copied without a warning"
    card.get_by_role("button", name="Copy body").click()  # pressed again: goes ahead, and says so
    expect(status).to_contain_text("unfilled")
    expect(status).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == card.locator(".ati-body").text_content()
    url = page.url
    card.get_by_role("link", name="Open in email app").click()
    expect(status).to_contain_text("still unfilled")
    assert page.url == url
    card.get_by_role("button", name="Download .txt").click()
    expect(status).to_contain_text("press again to download")


@pytest.mark.parametrize("mid", ["appreciation", "linkedin-note"])
def test_per_interviewer_messages_come_out_once_per_interviewer_and_differ(web, mid):
    page = web.open(f"messages/{mid}/")
    people = [ANNA, BEN, CHLOE]
    set_profile(page, {"fields": YOU, "interviewers": people})
    got = cards(page, mid)
    assert len(got) == len(people)
    assert len({c["body"] for c in got}) == len(people), "two notes are identical"
    first = message(mid)["variants"][0]
    for i, (card, person) in enumerate(zip(got, people, strict=True)):
        assert card["body"] == card_text(mid, first["tone"], shown(YOU, person), index=i)
        assert person["topic"] in card["body"] and person["interviewer_name"] in card["who"]
        assert not any(o["interviewer_name"] in card["body"] for o in people if o is not person)
        if message(mid)["channel"] == "email":
            assert card["href"].startswith("mailto:" + person["interviewer_email"] + "?")
    # A message for one person (the inquiry) stays one card, for the first interviewer.
    page.goto(web.base + "messages/inquiry/")
    [one] = cards(page)
    assert one["body"].startswith("Dear Ms Berg,") and one["href"].startswith("mailto:" + ANNA["interviewer_email"])


def test_length_guidance_counts_characters_and_sentences_live(web):
    page = web.open("messages/linkedin-note/")
    set_profile(page, {"fields": YOU, "interviewers": [ANNA]})
    open_form(page)
    limits = message("linkedin-note")["length"]
    [card] = cards(page)
    assert f"{len(card['body'])} of {limits['characters']} characters" in card["meta"]
    page.fill("#ati-i0-topic", "x" * 200)
    [card] = cards(page)
    over = len(card["body"]) - limits["characters"]
    assert f"{len(card['body'])} of {limits['characters']} characters: you have {over} characters too many" in card["meta"]
    page.get_by_label(f"Premium account ({limits['premium_characters']} characters)").check()
    [card] = cards(page)
    assert f"{len(card['body'])} of {limits['premium_characters']} characters" in card["meta"]
    assert page.locator(".ati-meta").get_attribute("aria-live") == "polite"
    page.goto(web.base + "messages/appreciation/")
    open_form(page)  # folded now that the profile has details
    low, high = message("appreciation")["length"]["sentences"]
    for name in ("the plan. Ha! Really?", "the plan"):  # input that adds sentence ends is counted the generator's way
        page.fill("#ati-i0-topic", name)
        [card] = cards(page)
        n = sentences(card["body"])
        assert f"{n} sentence{'s' if n != 1 else ''} ({low} to {high} advised)" in card["meta"]


def test_tone_switch_is_a_keyboard_radio_group_remembered_across_pages(web):
    page = web.open("messages/appreciation/")
    set_profile(page, {"fields": YOU, "interviewers": [ANNA]})
    formal = page.get_by_role("radio", name="Formal")
    expect(formal).to_be_checked()
    formal.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="Warm")).to_be_checked()
    [card] = cards(page)
    assert card["subject"] == card_text("appreciation", "warm", shown(YOU, ANNA), field="subject")
    assert card["body"].startswith("Hi Anna,")
    assert json.loads(storage(page)["session"]["data"])["settings"]["variant"] == "warm"
    page.goto(web.base + "messages/inquiry/")
    expect(page.get_by_role("radio", name="Warm")).to_be_checked()
    [card] = cards(page)
    assert card["subject"] == card_text("inquiry", "warm", shown(YOU, ANNA), field="subject")
    page.reload()
    expect(page.get_by_role("radio", name="Warm")).to_be_checked()
    page.goto(web.base + "messages/phone-call/")  # one tone only: no switch, its only template shown
    expect(page.locator(".ati-message").get_by_role("radio")).to_have_count(0)
    expect(page.locator(".ati-card")).to_have_count(1)


def test_profile_is_session_only_until_remembered_and_forget_clears_everything(web):
    page = web.open("messages/appreciation/")
    page.evaluate("localStorage.setItem('after-the-interview:planner-done', '1'); localStorage.setItem('other-site-key', 'keep')")
    fill_profile(page, {"your_name": "Priya Sharma", "company": "Fabrikam"}, [ANNA])
    stored = storage(page)
    data = json.loads(stored["session"]["data"])
    assert data["version"] == 2 and len(data["applications"]) == 1  # store v2 since issue 13 (migrations.js)
    app = data["applications"][0]
    assert (app["fields"]["your_name"], app["fields"]["your_name.given"], app["fields"]["company"]) == (
        "Priya Sharma",
        "Priya",
        "Fabrikam",
    )
    assert app["recipients"][0]["interviewer_name"] == ANNA["interviewer_name"]  # the full name, kept for the desk
    assert "data" not in stored["local"]
    other = web.open("messages/inquiry/", web.new_page())  # a new tab: no session data
    expect(other.locator("#ati-your_name-given")).to_have_value("")
    page.get_by_label("Remember on this device").check()
    stored = storage(page)
    assert stored["local"].get("remember") == "1" and "data" not in stored["session"]
    assert json.loads(stored["local"]["data"])["applications"][0]["fields"]["your_name"] == "Priya Sharma"
    third = web.open("messages/inquiry/", web.new_page())
    open_form(third)
    expect(third.locator("#ati-your_name-given")).to_have_value("Priya")
    expect(third.get_by_label("Remember on this device")).to_be_checked()
    forget_everything(third)
    expect(third.locator("[data-ati-form-status]")).to_contain_text("forgotten")
    assert storage(third) == {"local": {}, "session": {}}
    assert third.evaluate("localStorage.getItem('other-site-key')") == "keep"
    expect(third.locator("#ati-your_name-given")).to_have_value("")
    expect(third.get_by_label("Remember on this device")).not_to_be_checked()
    expect(third.locator(".ati-card .ati-blank:not(.is-filled)").first).to_be_visible()
    expect(page.locator("#ati-your_name-given")).to_have_value("")  # the first tab forgot too, without a reload
    assert storage(page) == {"local": {}, "session": {}}
    page.reload()
    expect(page.locator("#ati-your_name-given")).to_have_value("")


def test_forget_asks_first_and_no_keeps_everything(web):
    """One tap on a phone must not lose every application: Forget everything asks, and No changes nothing."""
    page = web.open("messages/appreciation/")
    fill_profile(page, {"your_name": "Priya Sharma", "company": "Fabrikam"}, [ANNA])
    page.get_by_label("Remember on this device").check()
    before = storage(page)
    forget_everything(page, answer=False)
    expect(page.locator("[data-ati-form-status]")).not_to_contain_text("forgotten")
    assert storage(page) == before
    expect(page.locator("#ati-company")).to_have_value("Fabrikam")
    forget_everything(page)
    expect(page.locator("[data-ati-form-status]")).to_contain_text("forgotten")
    assert storage(page) == {"local": {}, "session": {}}


def test_remembered_details_follow_in_every_open_tab(web):
    page = web.open("messages/appreciation/")
    open_form(page)
    page.get_by_label("Remember on this device").check()
    other = web.open("messages/inquiry/", web.new_page())
    page.fill("#ati-company", "Fabrikam")
    [card] = cards(other)
    expect(other.locator(".ati-card .ati-body").first).to_contain_text("Fabrikam")
    page.get_by_role("radio", name="Warm").check()
    expect(other.get_by_role("radio", name="Warm")).to_be_checked()


@pytest.mark.parametrize(
    "failure",
    [
        # Storage blocked outright (cookies off): reading the property throws. Material's own scripts fail too; ours must not.
        """for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {get() { throw new DOMException('blocked', 'SecurityError'); }});""",
        # Private mode or a full quota: reads work, every write throws.
        """Storage.prototype.setItem = Storage.prototype.removeItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); };""",
    ],
)
def test_storage_failures_degrade_quietly_to_memory(browser, site_url, failure):
    context = browser.new_context()
    web = Web(context, site_url)
    page = web.page
    page.add_init_script(failure)
    web.open("messages/appreciation/")
    fill_profile(page, {"your_name": "Priya Sharma"}, [ANNA])
    page.get_by_label("Remember on this device").check()
    page.get_by_role("radio", name="Brief").check()
    [card] = cards(page)
    assert card["body"].endswith("Priya Sharma") and card["body"].startswith("Dear Ms Berg,")
    forget_everything(page)
    expect(page.locator("#ati-your_name-given")).to_have_value("")
    context.close()
    web.watched[0].assert_clean(site_url, only_ours=True)


def test_xss_payloads_in_every_field_stay_inert_text(web):
    page = web.open("messages/appreciation/")
    before = page.evaluate("document.querySelectorAll('img, svg, script').length")
    fields = {b["id"]: XSS[i % len(XSS)] for i, b in enumerate(BLANKS) if not b.get("per_interviewer") and b["input"] != "date"}
    per = [b["id"] for b in BLANKS if b.get("per_interviewer")]
    people = [{bid: XSS[(i + j) % len(XSS)] for j, bid in enumerate(per)} for i in range(2)]
    fill_profile(page, fields, people)
    for name in ("Formal", "Warm", "Brief"):
        page.get_by_role("radio", name=name).check()
        for card in cards(page):
            assert any(x in card["body"] for x in XSS)
    page.reload()
    assert page.evaluate("document.querySelectorAll('img, svg, script').length") == before
    assert page.evaluate("window.__xss") is None
    assert page.locator(".ati-card .ati-blank.is-filled").first.text_content() in XSS


def test_without_javascript_the_plain_templates_stay_readable_and_copyable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "messages/appreciation/")
    expect(page.locator("[data-ati-profile]")).to_be_hidden()
    expect(page.locator(".ati-card")).to_have_count(0)
    for raw in message("appreciation")["variants"]:
        v = variant("appreciation", raw["tone"])  # the first wording of each sentence
        section = page.locator(f"[data-ati-variant='{v['tone']}']")
        expect(section.get_by_role("heading", name=v.get("label") or TONES[v["tone"]]["label"])).to_be_visible()
        assert section.locator("[data-ati-body]").text_content() == v["body"].rstrip()
        greeting = "Hi [Interviewer name]," if v["tone"] == "warm" else "Dear [Interviewer name],"
        assert section.locator(".ati-body").text_content().startswith(greeting + "\n")
        assert section.locator("[data-ati-body]").evaluate("e => getComputedStyle(e).userSelect") != "none"
    context.close()


def test_instant_navigation_starts_each_new_page_once(fork_context, fork_url):
    web = Web(fork_context, fork_url)
    page = web.open("messages/appreciation/")
    anna = {k: v for k, v in ANNA.items() if k != "interviewer_email"}  # renamed in the fork
    fill_profile(page, {"your_name": "Priya Sharma"}, [anna])
    page.get_by_role("radio", name="Brief").check()
    page.evaluate("window.stayed = true")
    for mid in ("linkedin-note", "appreciation"):
        page.locator(f".md-sidebar--primary a[href$='/messages/{mid}/']").first.click()
        page.wait_for_url(f"**/messages/{mid}/")
        expect(page.locator(f"[data-ati-message='{mid}'] .ati-toolbar")).to_have_count(1)  # modules start asynchronously
        expect(page.locator(".ati-message .ati-toolbar")).to_have_count(1)
        assert page.evaluate("window.stayed") is True, "the page was reloaded: not instant navigation"
        [card] = cards(page)
        assert card["body"].rstrip().endswith("Priya Sharma") and card["body"].startswith(("Hi Anna,", "Dear Ms Berg,"))
    expect(page.get_by_role("radio", name="Brief")).to_be_checked()
    open_form(page)
    expect(page.locator("#ati-your_name-given")).to_have_value("Priya")
    page.go_back()
    page.wait_for_url("**/messages/linkedin-note/")
    expect(page.locator(".ati-card")).to_have_count(1)
    web.close()


def test_several_templates_one_broken_and_a_new_blank_in_a_fork(fork_context, fork_url):
    web = Web(fork_context, fork_url)
    page = web.open("messages/inquiry/")
    broken = page.locator("[data-ati-message='broken']")
    expect(broken.get_by_text("A template whose body went missing.")).to_be_visible()  # left as it was
    expect(page.locator(".ati-toolbar")).to_have_count(2)  # the two sound templates both started
    page.fill("#ati-company", "Fabrikam")
    for mid in ("inquiry", "appreciation"):
        [card] = cards(page, mid)
        assert "Fabrikam" in card["body"]
    page.get_by_role("radio", name="Warm").first.check()
    for mid in ("inquiry", "appreciation"):
        [card] = cards(page, mid)
        assert card["subject"] == expected(variant(mid, "warm")["subject"], {"company": "Fabrikam"})
    # The new blank got a field with its label and help, and the template that uses it fills from it.
    field = page.get_by_label("Referrer", exact=True)
    expect(page.get_by_role("link", name="Open in email app").first).to_have_attribute("href", re.compile("^mailto:[?]"))
    expect(field).to_have_accessible_description("Who suggested that you apply.")
    page.goto(fork_url + "messages/phone-call/")
    [card] = cards(page)
    assert "Mention: [Referrer] suggested that I call." in card["body"]
    open_form(page)
    page.get_by_label("Referrer", exact=True).fill("Sam Lee")
    [card] = cards(page)
    assert "Mention: Sam Lee suggested that I call." in card["body"]
    # The interviewer's email blank is renamed in the fork: the mail link finds it by its role.
    page.goto(fork_url + "messages/inquiry/")
    fill_profile(page, {}, [{"contact_address": "anna@northwind.example"}])
    [card] = cards(page, "inquiry")
    assert card["href"].startswith("mailto:anna@northwind.example?subject=")
    keys = storage(page, FORK_PREFIX + ":")
    assert "data" in keys["session"] and not storage(page)["session"]  # the fork's own storage prefix
    web.close(allow_console=("ati message-card:",))


def test_optional_parts_left_empty_drop_cleanly_from_preview_copy_and_mail_link(web):
    """Issue 12: with the optional blanks empty, no bracket or brace reaches the preview, the clipboard or mailto."""
    page = web.open("messages/appreciation/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    set_profile(page, {"fields": YOU, "interviewers": [{"interviewer_name": "Tom Okafor"}]})
    for tone in ("Formal", "Warm", "Brief"):
        page.get_by_role("radio", name=tone).first.check()
        card = page.locator(".ati-card").first
        body = card.locator(".ati-body").text_content()
        assert not re.search(r"[\[\]{}]|undefined|  | ,| \.", body), (tone, body)
        page.evaluate("navigator.clipboard.writeText('sentinel')")
        card.get_by_role("button", name="Copy body").click()
        expect(card.locator(".ati-status")).to_contain_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == body
        href = cards(page)[0]["href"]
        assert urllib.parse.unquote(href.split("&body=")[1]).replace("\r\n", "\n") == body, tone
    page.get_by_role("radio", name="Formal").first.check()
    assert "Dear Tom Okafor," in page.locator(".ati-card .ati-body").first.text_content()


def test_optional_parts_show_as_optional_without_javascript(browser, site_url):
    """Without the script the template keeps its braces, marked as optional."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "messages/appreciation/")
    part = page.locator(".ati-optional").first
    expect(part).to_have_attribute("title", "optional")
    assert part.text_content().startswith("{") and part.text_content().endswith("}")
    context.close()


def test_a_linkedin_note_over_its_limit_warns_on_the_first_press_and_copies_on_the_second(web):
    """Issue 12: over the channel's limit, the first press warns with the count, as an unfilled blank does."""
    page = web.open("messages/linkedin-note/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    long_topic = "how the team plans its releases and shares on-call duty across several time zones and two offices"
    set_profile(page, {"fields": YOU, "interviewers": [{**ANNA, "topic": long_topic}]})
    card = page.locator(".ati-card").first
    expect(card.locator(".ati-meta")).to_contain_text("characters too many")
    page.evaluate("navigator.clipboard.writeText('sentinel')")
    card.get_by_role("button", name="Copy text").click()
    expect(card.locator(".ati-status")).to_contain_text("Too long: you have")
    assert page.evaluate("navigator.clipboard.readText()") == "sentinel"
    card.get_by_role("button", name="Copy text").click()
    expect(card.locator(".ati-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == card.locator(".ati-body").text_content()


def test_forget_clears_a_session_only_tab_and_a_chosen_tone_everywhere(web):
    """Forget in one tab clears another tab's own session data (BroadcastChannel), its form and its cards, at once,
    and a tone chosen before leaves no key behind (issue 12)."""
    page = web.open("messages/appreciation/")
    fill_profile(page, {"your_name": "Priya Sharma", "company": "Fabrikam"}, [ANNA])
    page.get_by_role("radio", name="Warm").check()
    other = web.open("messages/inquiry/", web.new_page())  # its own session: typed separately, never remembered
    fill_profile(other, {"your_name": "Priya Sharma", "company": "Contoso"})
    expect(other.locator(".ati-card .ati-body").first).to_contain_text("Contoso")
    assert storage(other)["session"] and storage(page)["session"]
    forget_everything(page)
    expect(other.locator("#ati-company")).to_have_value("")  # the other tab cleared its form without a reload
    expect(other.locator(".ati-card .ati-body").first).not_to_contain_text("Contoso")
    expect(other.locator(".ati-card .ati-blank:not(.is-filled)").first).to_be_visible()
    assert storage(other) == {"local": {}, "session": {}} and storage(page) == {"local": {}, "session": {}}
    expect(page.get_by_role("radio", name="Formal")).to_be_checked()  # the chosen tone is forgotten too
