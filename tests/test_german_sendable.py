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
from _personalize_helpers import (
    UNSENDABLE,
    clipboard_page,
    downloaded,
    each_tone,
    every_card,
    mail_link,
    open_form,
    type_interviewers,
    type_person,
)
from playwright.sync_api import expect

from generator import wording

pytestmark = [pytest.mark.browser, pytest.mark.shipped_content]  # the shipped German messages, on the content site

GERMAN = Path(__file__).resolve().parent.parent / "content" / "de"
if not GERMAN.is_dir():  # a fork that deleted the German guide, as README.md allows
    pytest.skip("no content/de: the shipped German guide's tests", allow_module_level=True)
CHANNEL = {p.stem: yaml.safe_load(p.read_text("utf-8"))["channel"] for p in (GERMAN / "messages").glob("*.yml")}
# The messages to interviewers and the main contact; those to people typed in a people list (referees, the
# coordinator, other employers) are read by tests/test_people_lists.py with those people filled in.
MESSAGES = sorted(
    p.stem
    for p in (GERMAN / "messages").glob("*.yml")
    if yaml.safe_load(p.read_text("utf-8"))["recipients"]["to"] in ("each-interviewer", "contact")
)
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
TEXT_GREETINGS = {**GREETINGS, "sie": ["Guten Tag Frau Berg,"]}  # a text message (sms): tones.yml's text_greeting
SIGN_OFFS = {"sie": "Mit freundlichen Grüßen", "du": "Viele Grüße"}
ENGLISH = re.compile(r"\b(Dear|Hi|Kind regards|Best wishes|Subject|March|Tuesday|Thank|interview|Ms|Mr)\b")
BLANKS = {b["id"]: b for b in yaml.safe_load((GERMAN / "blanks.yml").read_text("utf-8"))["blanks"]}


def _fill(page, topics: bool = False) -> None:
    """The job seeker, the job and three interviewers; the optional blanks empty unless `topics`."""
    open_form(page)
    type_person(page, "ati-your_name", {"given": "Jonas", "family": "Weber"})
    page.fill("#ati-your_email", "jonas.weber@example.com")
    for field in ("company", "role", "interview_date"):
        page.fill(f"#ati-{field}", BLANKS[field]["example"])
    type_interviewers(page, PEOPLE)
    for i in range(len(PEOPLE) if topics else 0):
        page.fill(f"#ati-i{i}-topic", BLANKS["topic"]["example"])
        page.fill(f"#ati-i{i}-clarified", BLANKS["clarified"]["example"])
    for blank in BLANKS.values():  # the other required blanks (the offer's, a proposal...) with their examples
        field = page.locator(f"#ati-{blank['id']}")
        if blank.get("required") and blank["input"] != "person" and field.count() and not field.input_value():
            field.fill("2026-03-10" if blank["input"] == "date" else blank["example"])


def _started(page) -> None:
    """Wait until the page's message module has started."""
    page.locator(".ati-message[data-module-started]").first.wait_for(state="attached")


@pytest.fixture()
def page(browser, content_site_url):
    url = content_site_url + "de/messages/appreciation/"
    yield from clipboard_page(browser, url, clock="2026-03-05T10:00:00", locale="de-DE")  # two days after the interview


def test_every_german_copy_button_in_both_tones_hands_over_a_sendable_german_message(page, content_site_url):
    _fill(page)
    read = []
    for mid, tone, c, card, texts in every_card(page, content_site_url + "de/", MESSAGES, GERMAN):
        assert page.locator(".ati-card").count() == (3 if mid in PER_PERSON else 1), mid
        for text in texts:
            assert not UNSENDABLE.search(text), (mid, tone, text)
            assert not ENGLISH.search(text), (mid, tone, text)
            read.append((mid, tone, c, text))
        body = card.locator(".ati-body").text_content()
        if CHANNEL[mid] != "phone":  # a phone outline has no greeting line
            greetings = TEXT_GREETINGS if CHANNEL[mid] == "sms" else GREETINGS
            assert body.startswith(greetings[tone][c if mid in PER_PERSON else 0]), (mid, tone, body)
            note = CHANNEL[mid] in ("linkedin", "sms")  # greeting, text and name, one line each; no sign-off
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
    for tone in each_tone(page):
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
    type_person(page, "ati-main_contact", {"given": "Sabine", "family": "Krüger", "address": "frau"})
    page.fill("#ati-main_contact_email", "s.krueger@nordwind.example")
    for mid in ("acceptance", "declination", "continued-interest", "inquiry"):
        page.goto(content_site_url + f"de/messages/{mid}/")
        hello = {"sie": "Sehr geehrte Frau Krüger,", "du": "Hallo Sabine,"}
        for tone in each_tone(page):
            [card] = page.locator(".ati-card").all()
            assert card.locator(".ati-body").text_content().startswith(hello[tone]), (mid, tone)
            url = mail_link(card)
            assert url.startswith("mailto:s.krueger@nordwind.example?"), url
            if mid == "acceptance":
                assert "cc=a.berg@nordwind.example,t.okafor@nordwind.example,l.fischer@nordwind.example&" in url
        text = downloaded(page, card, GERMAN)
        assert not UNSENDABLE.search(text) and "Hallo Sabine," in text and not ENGLISH.search(text)


def test_the_german_linkedin_note_fits_in_200_characters_with_the_example_values(page, content_site_url):
    _fill(page, topics=True)
    page.goto(content_site_url + "de/messages/linkedin-note/")
    for tone in each_tone(page):
        for card in page.locator(".ati-card").all():
            meta = card.locator(".ati-meta").text_content()
            assert "von 200 Zeichen" in meta and "zu viel" not in meta, (tone, meta)


def test_a_point_clarified_typed_as_a_noun_shows_its_hint_and_a_clause_clears_it(page):
    _fill(page)
    field, hint = page.locator("#ati-i1-clarified"), page.locator("#ati-i1-clarified-shape")
    assert hint.is_hidden()  # hidden until typed, so nothing moves on load
    for typed, shown in [
        ("die Einarbeitung", True),  # "…erklärt haben, wie die Einarbeitung." reads wrong: a noun, no verb
        ("die Einarbeitung in den ersten Wochen abläuft", False),
        ("wie die Einarbeitung abläuft", True),  # "wie wie…"
        ("", False),
    ]:
        field.fill(typed)
        expect(hint).to_be_visible() if shown else expect(hint).to_be_hidden()
        described = field.get_attribute("aria-describedby").split()
        assert described == ["ati-i1-clarified-help", *(["ati-i1-clarified-shape"] if shown else [])], typed
    field.fill("die Einarbeitung")
    assert "wie die Einarbeitung." in page.locator(".ati-card").nth(1).locator(".ati-body").text_content()  # soft: kept
