"""Issue 12, done when: every copy button, in every tone, on every message page hands over a message ready to send.

Three interviewers (Ms Anna Berg; Tom Okafor with no form of address; Dr Lena Fischer), the optional blanks left
empty: no bracket, brace or `undefined` in any copied text, mail link or .txt; each greeting right for its person;
notes to different people share at most half their sentences; outcome messages go to the main contact (interviewer 1
when there is none); the LinkedIn over-limit warning; a single name typed before names were split is migrated.
"""

from __future__ import annotations

import urllib.parse

import pytest
from _personalize_helpers import (
    CONTENT,
    TONES,
    UNSENDABLE,
    clipboard_page,
    copy_all,
    downloaded,
    each_tone,
    every_card,
    forget_everything,
    mail_link,
    open_form,
    storage,
    type_interviewers,
    type_person,
)
from playwright.sync_api import expect

from generator import wording

pytestmark = pytest.mark.browser

MESSAGES = sorted(p.stem for p in (CONTENT / "messages").glob("*.yml"))
PEOPLE = [
    {"given": "Anna", "family": "Berg", "address": "ms", "email": "anna.berg@northwind.example"},
    {"given": "Tom", "family": "Okafor", "address": "", "email": "tom.okafor@northwind.example"},
    {"given": "Lena", "family": "Fischer", "address": "ms", "title": "Dr", "email": "lena.fischer@northwind.example"},
]
FORMAL = ["Dear Ms Berg,", "Dear Tom Okafor,", "Dear Dr Fischer,"]
WARM = ["Hi Anna,", "Hi Tom,", "Hi Lena,"]


def _fill(page, contact: dict | None = None) -> None:
    """The job seeker, the job and three interviewers, optional blanks left empty."""
    open_form(page)
    type_person(page, "ati-your_name", {"given": "Priya", "family": "Sharma"})
    page.fill("#ati-your_email", "priya.sharma@example.com")
    page.fill("#ati-company", "Northwind Traders")
    page.fill("#ati-role", "Junior Data Analyst")
    page.fill("#ati-interview_date", "2026-03-03")
    type_interviewers(page, PEOPLE)
    if contact:
        type_person(page, "ati-main_contact", contact)
        page.fill("#ati-main_contact_email", contact["email"])


def _cards(page) -> list:
    """The cards of the page's message, once its module has started."""
    page.locator(".ati-message[data-module-started]").first.wait_for(state="attached")
    return page.locator(".ati-card").all()


@pytest.fixture()
def page(browser, site_url):
    yield from clipboard_page(browser, site_url + "messages/appreciation/")


def test_every_copy_button_in_every_tone_on_every_message_page_hands_over_a_sendable_message(page, site_url):
    _fill(page)
    read = []
    for mid, tone, c, card, texts in every_card(page, site_url, MESSAGES):
        for text in texts:
            assert not UNSENDABLE.search(text), (mid, tone, text)
            read.append((mid, tone, c, text))
        body = card.locator(".ati-body").text_content()
        if mid in ("appreciation", "linkedin-note"):
            expected = (WARM if TONES[tone]["greeting"][0].startswith("Hi {given}") else FORMAL)[c]
            assert body.startswith(expected), (mid, tone, body)
        href = card.locator("a.ati-btn[href^=mailto]")
        if href.count():
            url = href.get_attribute("href")
            assert not UNSENDABLE.search(urllib.parse.unquote(url)), url
    assert {mid for mid, *_ in read} == set(MESSAGES)
    assert len(read) > 40


def test_notes_to_different_people_share_at_most_half_their_sentences(page):
    _fill(page)
    for _tone in each_tone(page):
        bodies = page.locator(".ati-card .ati-body").all_text_contents()
        assert len(bodies) == 3
        notes = [wording.sentences(b.split("\n\n")[1]) for b in bodies]  # the body between greeting and closing
        for a in range(3):
            for b in range(a + 1, 3):
                assert not wording.too_similar(notes[a], notes[b]), (notes[a], notes[b])


def test_outcome_messages_go_to_the_main_contact_or_interviewer_one(page, site_url):
    _fill(page)
    page.goto(site_url + "messages/acceptance/")
    [card] = _cards(page)
    url = mail_link(card)
    assert url.startswith("mailto:anna.berg@northwind.example?cc=tom.okafor@northwind.example,lena.fischer@northwind.example&")
    assert card.locator(".ati-body").text_content().startswith("Dear Ms Berg,")
    open_form(page)
    type_person(page, "ati-main_contact", {"given": "Sam", "family": "Patel", "address": "mx"})
    page.fill("#ati-main_contact_email", "sam.patel@northwind.example")
    for mid in ("acceptance", "declination", "continued-interest", "inquiry"):
        page.goto(site_url + f"messages/{mid}/")
        [card] = _cards(page)
        assert card.locator(".ati-card__for").text_content().startswith("For Sam Patel")
        assert card.locator(".ati-body").text_content().startswith("Dear Mx Patel,"), mid
        url = mail_link(card)
        assert url.startswith("mailto:sam.patel@northwind.example?"), url
        if mid == "acceptance":
            copies = "anna.berg@northwind.example,tom.okafor@northwind.example,lena.fischer@northwind.example"
            assert f"cc={copies}&" in url
            webmail = card.locator(".ati-send a").all()  # Gmail and Outlook: the same copies
            assert [urllib.parse.parse_qs(urllib.parse.urlsplit(a.get_attribute("href")).query)["cc"] for a in webmail] == [
                [copies]
            ] * 2
        text = downloaded(page, card)
        assert not UNSENDABLE.search(text) and "Dear Mx Patel," in text and text.rstrip().endswith("priya.sharma@example.com")


def test_the_webmail_links_warn_of_unfilled_blanks_before_opening_like_the_mail_link(page):
    """A blind reader's find: with only their own name typed, "Open in email app" warned of the blanks, and "Open in
    Gmail" and "Open in Outlook on the web" opened a draft full of brackets at once."""
    open_form(page)
    type_person(page, "ati-your_name", {"given": "Priya", "family": "Sharma"})
    card = _cards(page)[0]
    opened = []
    page.context.on("page", lambda new: opened.append(new))
    for name in ("Open in Gmail", "Open in Outlook on the web"):
        page.evaluate("document.querySelectorAll('.ati-status').forEach(s => (s.textContent = ''))")
        card.get_by_role("link", name=name).click()
        expect(card.locator(".ati-status")).to_contain_text("Not ready:")
    page.wait_for_timeout(200)
    assert opened == []


def test_call_scripts_to_each_interviewer_are_not_compared_like_notes(page, site_url):
    """A blind reader's find: the phone-call scripts, spoken and never read side by side, drew the warning to
    reword notes that share sentences. Written notes still do (test_two_notes_typed_into_the_same_shape_...)."""
    _fill(page)
    page.goto(site_url + "messages/phone-call/")
    assert len(_cards(page)) == 3
    page.wait_for_timeout(100)
    assert page.locator(".ati-message > .ati-status.is-warn").is_hidden()


def test_an_over_long_linkedin_note_warns_on_the_first_press(page, site_url):
    _fill(page)
    page.goto(site_url + "messages/linkedin-note/")
    open_form(page)
    page.fill("#ati-i0-topic", "how the analytics team moved its nightly reporting onto the new warehouse last spring")
    card = _cards(page)[0]
    assert "characters too many" in card.locator(".ati-meta").text_content()
    page.evaluate("navigator.clipboard.writeText('sentinel')")
    card.get_by_role("button", name="Copy text").click()
    page.wait_for_timeout(80)
    assert page.evaluate("navigator.clipboard.readText()") == "sentinel"
    assert "Too long" in card.locator(".ati-status").text_content()


def test_a_single_name_typed_before_names_were_split_is_migrated_for_the_person_to_confirm(page):
    old = {"ati-profile": {"fields": {"your_name": "Priya Sharma"}, "interviewers": [
        {"interviewer_name": "Jan van Dijk", "interviewer_title": "Dr"},
        {"interviewer_name": "Anna-Lena Berg-Okafor", "interviewer_title": "Mx"},
        {"interviewer_name": "Madonna"},
    ]}}  # fmt: skip
    page.evaluate("p => sessionStorage.setItem('ati-profile', JSON.stringify(p))", old["ati-profile"])
    page.reload()
    open_form(page)
    assert page.input_value("#ati-i0-interviewer_name-given") == "Jan"
    assert page.input_value("#ati-i0-interviewer_name-family") == "van Dijk"
    assert page.input_value("#ati-i0-interviewer_name-title") == "Dr"
    note = page.locator("[data-ati-interviewer]").first.locator("[data-ati-person-check]")
    assert note.is_visible() and "Dr Jan van Dijk" in note.text_content()
    bodies = [c.locator(".ati-body").text_content() for c in _cards(page)]
    assert [b.split("\n")[0] for b in bodies] == ["Dear Dr van Dijk,", "Dear Mx Berg-Okafor,", "Dear Madonna,"]
    assert all(b.rstrip().endswith("Priya Sharma") for b in bodies)
    page.fill("#ati-i0-interviewer_name-given", "Jan")  # confirming by editing hides the note
    assert not note.is_visible()
    assert page.evaluate("sessionStorage.getItem('ati-profile')") is None  # the old key is gone
    assert "Jan" in "".join(storage(page)["session"].values())  # the split name is written under the prefix
    assert page.evaluate("sessionStorage.getItem('ati-profile')") is None


EDITED = "Dear Dr Fischer,\n\nThank you for walking me through the data pipeline.\n\nKind regards,\nPriya Sharma"


def _edit(page, card, text: str) -> None:
    """Open a card's editor from the keyboard and type text in place of its note."""
    toggle = card.get_by_role("button", name="Edit this note")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    area = card.get_by_label("Your wording of this note")
    assert area.evaluate("a => a === document.activeElement && getComputedStyle(a).fontSize") == "16px"
    assert area.input_value() == card.locator(".ati-body").text_content()  # the card's current text to start from
    area.fill(text)


def test_a_card_edited_in_place_is_what_copy_mail_and_txt_hand_over_until_dropped(page, site_url):
    """Issue 12: Lena's card edited in place; copy, mailto and .txt use it; kept over a reload; a changed blank
    under it is said, and the edit can be dropped; one card in the warm tone; forget clears edits in two tabs."""
    _fill(page)
    cards = page.locator(".ati-card")
    lena = cards.nth(2)
    _edit(page, lena, EDITED)
    expect(lena.locator(".ati-body")).to_have_text(EDITED)
    texts = copy_all(page, lena)
    subject, body, both = texts
    assert body == EDITED and both == f"Subject: {subject}\n\n{EDITED}", texts
    mail = urllib.parse.parse_qs(urllib.parse.urlsplit(lena.locator("a[href^=mailto]").get_attribute("href")).query)
    assert mail["body"] == [EDITED.replace("\n", "\r\n")]
    assert downloaded(page, lena).endswith(EDITED)
    assert cards.nth(0).locator(".ati-body").text_content().startswith("Dear Ms Berg,")  # the other cards are theirs
    assert lena.locator(".ati-edit__changed").is_hidden()
    page.reload()
    lena = page.locator(".ati-card").nth(2)
    expect(lena.locator(".ati-body")).to_have_text(EDITED)  # kept
    open_form(page)
    page.fill("#ati-company", "Contoso")
    notice = lena.locator(".ati-edit__changed")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("The details changed since you edited this note")
    expect(lena.locator(".ati-body")).to_have_text(EDITED)  # still the edit until the reader drops it
    notice.get_by_role("button", name="Drop my edit").click()
    expect(notice).to_be_hidden()
    expect(lena.locator(".ati-body")).to_contain_text("Contoso")
    assert lena.get_by_role("button", name="Edit this note").evaluate("b => b === document.activeElement")

    cards.nth(0).get_by_label("Tone of this note").select_option(label="Warm")  # one card in its own tone
    bodies = [c.locator(".ati-body").text_content() for c in page.locator(".ati-card").all()]
    assert [b.split("\n")[0] for b in bodies] == ["Hi Anna,", "Dear Tom Okafor,", "Dear Dr Fischer,"]
    assert page.locator(".ati-tones input:checked").get_attribute("value") == "formal"
    assert cards.nth(1).get_by_label("Tone of this note").input_value() == "formal"

    _edit(page, lena, EDITED)
    page.check("[data-ati-remember]")  # on the device: a second tab reads the same edits
    other = page.context.new_page()
    other.goto(site_url + "messages/appreciation/")
    other.locator(".ati-message[data-module-started]").first.wait_for(state="attached")
    expect(other.locator(".ati-card").nth(2).locator(".ati-body")).to_have_text(EDITED)
    assert other.locator(".ati-card .ati-body").first.text_content().startswith("Hi Anna,")
    forget_everything(page)
    for tab in (page, other):
        expect(tab.locator(".ati-card .ati-body").first).not_to_contain_text("Anna")
        assert EDITED not in tab.locator(".ati-cards").inner_text()
        assert storage(tab) == {"local": {}, "session": {}}


def test_an_edited_note_stays_with_its_person_when_an_interviewer_before_them_is_removed(page):
    """A blind reader's find: Lena's edited note, then interviewer 1 (Anna) removed: the edit moved to Tom's card
    (one place later), mailed to him. Now the edit and the card's own tone follow Lena; removing her forgets them."""
    _fill(page)
    cards = page.locator(".ati-card")
    _edit(page, cards.nth(2), EDITED)
    cards.nth(1).get_by_label("Tone of this note").select_option(label="Warm")
    page.get_by_role("button", name="Remove interviewer 1").click()
    expect(cards).to_have_count(2)
    tom, lena = cards.nth(0), cards.nth(1)
    expect(lena.locator(".ati-body")).to_have_text(EDITED)
    assert tom.locator(".ati-body").text_content().startswith("Hi Tom,")  # his own tone, his own text
    assert "tom.okafor@" in tom.locator("a[href^=mailto]").get_attribute("href")
    assert "data pipeline" not in tom.locator(".ati-body").text_content()
    page.reload()
    expect(page.locator(".ati-card").nth(1).locator(".ati-body")).to_have_text(EDITED)
    open_form(page)
    page.get_by_role("button", name="Remove interviewer 2").click()
    expect(page.locator(".ati-card")).to_have_count(1)
    assert EDITED not in page.locator(".ati-cards").inner_text()
    type_interviewers(page, PEOPLE[:2])  # a new second interviewer does not inherit Lena's note
    expect(page.locator(".ati-card")).to_have_count(2)
    assert "data pipeline" not in page.locator(".ati-cards").inner_text()


def test_two_notes_typed_into_the_same_shape_are_named_with_what_to_change(page):
    """Issue 12: Tom's note edited to say what Anna's says (her name swapped for his): the page names the pair and
    how many sentences to reword; dropping the edit ends the warning."""
    _fill(page)
    cards = page.locator(".ati-card")
    warning = page.locator(".ati-message [role=status]").filter(has_text="Your notes to")
    expect(warning).to_be_hidden()  # the notes the guide writes differ enough
    anna = cards.nth(0).locator(".ati-body").text_content()
    _edit(page, cards.nth(1), anna.replace("Dear Ms Berg,", "Dear Tom Okafor,"))
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Your notes to Anna Berg and Tom Okafor share")
    expect(warning).to_contain_text("reword")
    cards.nth(1).get_by_role("button", name="Reset to the template").click()
    expect(warning).to_be_hidden()
