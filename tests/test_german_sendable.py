"""Issue 15 with issue 12: every German copy button, in the Sie and the du tone, hands over a message ready to send.

Three interviewers (Frau Anna Berg; Tom Okafor with no form of address; Frau Dr. Lena Fischer), the optional blanks
left empty: no bracket, brace, `undefined` or English word in any copied text; each greeting right for its person
and tone; dates as Germans write them; notes to different people share at most half their sentences; outcome
messages go to the main contact; the LinkedIn note fits with the example values.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
import yaml
from _personalize_helpers import open_form

from generator import wording

pytestmark = [pytest.mark.browser, pytest.mark.shipped_content]  # the shipped German messages, on the content site

GERMAN = Path(__file__).resolve().parent.parent / "content" / "de"
MESSAGES = sorted(p.stem for p in (GERMAN / "messages").glob("*.yml"))
PER_PERSON = {"appreciation", "linkedin-note"}
PEOPLE = [
    {"given": "Anna", "family": "Berg", "address": "frau", "email": "a.berg@nordwind.example"},
    {"given": "Tom", "family": "Okafor", "address": "none", "email": "t.okafor@nordwind.example"},
    {"given": "Lena", "family": "Fischer", "address": "frau", "title": "Dr.", "email": "l.fischer@nordwind.example"},
]
GREETINGS = {
    "sie": ["Sehr geehrte Frau Berg,", "Guten Tag Tom Okafor,", "Sehr geehrte Frau Dr. Fischer,"],
    "du": ["Hallo Anna,", "Hallo Tom,", "Hallo Lena,"],
}
SIGN_OFFS = {"sie": "Mit freundlichen Grüßen", "du": "Viele Grüße"}
UNSENDABLE = re.compile(r"[\[\]{}]|undefined|null|NaN")
ENGLISH = re.compile(r"\b(Dear|Hi|Kind regards|Best wishes|Subject|March|Tuesday|Thank|interview|Ms|Mr)\b")
BLANKS = {b["id"]: b for b in yaml.safe_load((GERMAN / "blanks.yml").read_text("utf-8"))["blanks"]}


def _person(page, prefix: str, person: dict) -> None:
    """Type a person into its fields as a reader would."""
    for part in ("given", "family", "title"):
        if person.get(part):
            page.fill(f"#{prefix}-{part}", person[part])
    if person.get("address"):
        page.select_option(f"#{prefix}-address", person["address"])


def _fill(page, topics: bool = False) -> None:
    """The job seeker, the job and three interviewers; the optional blanks empty unless `topics`."""
    open_form(page)
    _person(page, "ati-your_name", {"given": "Jonas", "family": "Weber"})
    page.fill("#ati-your_email", "jonas.weber@example.com")
    for field in ("company", "role", "interview_date"):
        page.fill(f"#ati-{field}", BLANKS[field]["example"])
    for i, person in enumerate(PEOPLE):
        if page.locator("[data-ati-interviewer]").count() <= i:
            page.click("[data-ati-add-interviewer]")
        _person(page, f"ati-i{i}-interviewer_name", person)
        page.fill(f"#ati-i{i}-interviewer_email", person["email"])
        if topics:
            page.fill(f"#ati-i{i}-topic", BLANKS["topic"]["example"])
            page.fill(f"#ati-i{i}-clarified", BLANKS["clarified"]["example"])


def _copy_all(page, card) -> list[str]:
    """What every copy button of a card hands over (pressed again after a warning, as a reader would)."""
    texts = []
    buttons = card.locator(".ati-actions button")
    for i in range(buttons.count()):
        button = buttons.nth(i)
        if not button.is_visible() or "kopieren" not in button.text_content():
            continue
        page.evaluate("navigator.clipboard.writeText('sentinel')")
        button.click()
        page.wait_for_timeout(60)
        if page.evaluate("navigator.clipboard.readText()") == "sentinel":
            button.click()  # the first press warned: the second copies
            page.wait_for_timeout(60)
        texts.append(page.evaluate("navigator.clipboard.readText()"))
    return texts


def _started(page) -> None:
    """Wait until the page's message module has started."""
    page.locator(".ati-message[data-module-started]").first.wait_for(state="attached")


def _tone(page, tone: str) -> None:
    """Pick a tone by its id."""
    page.locator(f".ati-tones input[value='{tone}']").check()


@pytest.fixture()
def page(browser, content_site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True, locale="de-DE")
    page = context.new_page()
    page.clock.set_fixed_time("2026-03-05T10:00:00")  # two days after the interview, in the same year
    errors = []
    page.on("pageerror", lambda e: errors.append(e.message))
    page.goto(content_site_url + "de/messages/appreciation/")
    yield page
    context.close()
    assert errors == []


def test_every_german_copy_button_in_both_tones_hands_over_a_sendable_german_message(page, content_site_url):
    _fill(page)
    read = []
    for mid in MESSAGES:
        page.goto(content_site_url + f"de/messages/{mid}/")
        _started(page)
        for tone in ("sie", "du"):
            _tone(page, tone)
            cards = page.locator(".ati-card")
            assert cards.count() == (3 if mid in PER_PERSON else 1), mid
            for c in range(cards.count()):
                card = cards.nth(c)
                for text in _copy_all(page, card):
                    assert not UNSENDABLE.search(text), (mid, tone, text)
                    assert not ENGLISH.search(text), (mid, tone, text)
                    read.append((mid, tone, c, text))
                body = card.locator(".ati-body").text_content()
                if mid != "phone-call":
                    assert body.startswith(GREETINGS[tone][c if mid in PER_PERSON else 0]), (mid, tone, body)
                    note = mid == "linkedin-note"  # greeting, text and name, one line each; no sign-off
                    after = body.split("\n" if note else "\n\n")[1]
                    assert after[0].islower(), (mid, tone, after)  # after "Hallo Anna," the text starts in lower case
                    assert note or SIGN_OFFS[tone] in body
                if mid in ("appreciation", "inquiry", "phone-call"):  # every wording names the interview day
                    assert "3. März" in body and "2026" not in body, (mid, tone, body)  # no year in this year
                href = card.locator("a.ati-btn[href^=mailto]")
                if href.count():
                    url = urllib.parse.unquote(href.get_attribute("href"))
                    assert not UNSENDABLE.search(url) and not ENGLISH.search(url), url
    assert {mid for mid, *_ in read} == set(MESSAGES)
    assert len({(mid, tone) for mid, tone, *_ in read}) == 2 * len(MESSAGES)


@pytest.mark.parametrize("topics", [False, True], ids=["optional-empty", "optional-filled"])
def test_german_notes_to_different_people_share_at_most_half_their_sentences(page, topics):
    _fill(page, topics)
    for tone in ("sie", "du"):
        _tone(page, tone)
        bodies = page.locator(".ati-card .ati-body").all_text_contents()
        assert len(bodies) == 3
        notes = [wording.sentences(b.split("\n\n")[1]) for b in bodies]  # the text between greeting and sign-off
        for a in range(3):
            for b in range(a + 1, 3):
                assert not wording.too_similar(notes[a], notes[b]), (tone, notes[a], notes[b])


def test_german_outcome_messages_go_to_the_main_contact(page, content_site_url):
    _fill(page)
    page.goto(content_site_url + "de/messages/acceptance/")
    _started(page)
    open_form(page)
    _person(page, "ati-main_contact", {"given": "Sabine", "family": "Krüger", "address": "frau"})
    page.fill("#ati-main_contact_email", "s.krueger@nordwind.example")
    for mid in ("acceptance", "declination", "continued-interest", "inquiry"):
        page.goto(content_site_url + f"de/messages/{mid}/")
        _started(page)
        for tone, hello in (("sie", "Sehr geehrte Frau Krüger,"), ("du", "Hallo Sabine,")):
            _tone(page, tone)
            [card] = page.locator(".ati-card").all()
            assert card.locator(".ati-body").text_content().startswith(hello), (mid, tone)
            url = card.locator("a.ati-btn[href^=mailto]").get_attribute("href")
            assert url.startswith("mailto:s.krueger@nordwind.example?"), url
            if mid == "acceptance":
                assert "cc=a.berg@nordwind.example,t.okafor@nordwind.example,l.fischer@nordwind.example&" in url
        with page.expect_download() as download:
            card.get_by_role("button", name="Als .txt speichern").click()
        text = download.value.path().read_text("utf-8")
        assert not UNSENDABLE.search(text) and "Hallo Sabine," in text and not ENGLISH.search(text)


def test_the_german_linkedin_note_fits_in_200_characters_with_the_example_values(page, content_site_url):
    _fill(page, topics=True)
    page.goto(content_site_url + "de/messages/linkedin-note/")
    _started(page)
    for tone in ("sie", "du"):
        _tone(page, tone)
        for card in page.locator(".ati-card").all():
            meta = card.locator(".ati-meta").text_content()
            assert "von 200 Zeichen" in meta and "zu viel" not in meta, (tone, meta)
