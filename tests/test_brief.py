"""The bundled content covers the content brief: every step, message, short form and rule it lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import blanks as blank_syntax
from generator import wording
from generator.core import check
from generator.languages import without_languages
from generator.wording_check import candidate_texts
from generator.write import read_tree

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.shipped_content  # the shipped guide's own facts: a fork skips them (see conftest.py)


@pytest.fixture(scope="module")
def guide():
    guide, problems = check(without_languages(read_tree(ROOT / "content", (".yml",))))
    assert guide is not None, "\n".join(map(str, problems))
    assert [p for p in problems if p.severity == "warning"] == []
    return guide


def filled(guide, text: str) -> str:
    return blank_syntax.fill(text, {b.label: b.example for b in guide.blanks})


def test_the_steps_in_time_order(guide):
    """The brief's seven steps, with issue 14's references, offer and after-accepting in their places."""
    ids = [s.id for s in guide.steps]
    first = ["before-you-leave", "thank-you", "linkedin", "keep-applying", "follow-up", "follow-up-again"]
    assert ids == [*first, "references", "weigh-offer", "outcome", "after-accepting"]
    assert [s.order for s in guide.steps] == list(range(10))


def test_step_timing_matches_the_brief(guide):
    t = {s.id: s.when for s in guide.steps}
    assert (t["thank-you"].anchor, t["thank-you"].within.amount, t["thank-you"].within.unit) == ("interview", 24, "hour")
    assert t["thank-you"].latest.days == 2
    assert t["linkedin"].within.days == 1
    assert t["keep-applying"].ongoing
    inquiry = t["follow-up"]
    assert (inquiry.anchor, inquiry.after.amount, inquiry.after.unit) == ("promised_date", 1, "business day")
    assert inquiry.fallback["anchor"] == "interview"
    assert 5 <= inquiry.fallback["after"].amount <= 7 and inquiry.fallback["after"].unit == "business day"
    again = t["follow-up-again"]
    assert again.anchor == "previous_follow_up" and 1 <= again.repeat["times"] <= 2 and again.repeat["every"].days == 7


EMAILS = ["appreciation", "inquiry", "continued-interest", "acceptance", "declination"]


@pytest.mark.parametrize("message_id", EMAILS)
def test_five_messages_three_or_four_sentences_with_tones(guide, message_id):
    message = guide.message(message_id)
    assert message.channel == "email"
    assert len(message.variants) >= 2
    for v in message.variants:
        assert v.subject
        for text in candidate_texts(v.body, 4):  # each interviewer's note, optional parts kept
            assert 3 <= blank_syntax.sentences(filled(guide, text.replace("{", "").replace("}", ""))) <= 4, v.tone


def test_thank_you_and_linkedin_note_are_per_interviewer_and_personal(guide):
    for message_id in ("appreciation", "linkedin-note"):
        message = guide.message(message_id)
        assert message.per_interviewer and message.recipients == {"to": "each-interviewer"}
        for v in message.variants:  # the greeting names the person; every wording they may draw names their topic
            for text in candidate_texts(v.body, 4):
                labels = {p.label for p in blank_syntax.parse(text) if isinstance(p, blank_syntax.Blank)}
                assert "Topic discussed" in labels, (message_id, v.tone, text)


def test_linkedin_note_fits_200_characters_with_realistic_examples(guide):
    message = guide.message("linkedin-note")
    assert message.length["characters"] == 200 and message.length["premium_characters"] == 300
    anna = {"given": "Anna", "family": "Berg", "address": "ms"}
    for v in message.variants:  # the note as sent: greeting, body and name, one line each
        greeting = wording.greeting(anna, guide.tone(v.tone).__dict__, guide.addresses)
        for text in candidate_texts(v.body, 4):
            note = "\n".join([greeting, filled(guide, text.replace("{", "").replace("}", "")), "Priya Sharma"])
            assert len(note) <= 200, (v.tone, note)


def test_phone_call_outline_and_short_forms(guide):
    phone = guide.message("phone-call")
    assert phone.channel == "phone"
    assert guide.message("linkedin-note").channel == "linkedin"


def test_channel_and_tone_advice(guide):
    assert {t.id for t in guide.topics} >= {"channel", "tone"}


def test_chooser_covers_the_six_situations(guide):
    wanted = {
        "just-left": ("thank-you", "appreciation"),
        "no-word": ("follow-up", "inquiry"),
        "second-unanswered": ("follow-up-again", None),
        "offer-want": ("outcome", "acceptance"),
        "offer-decline": ("outcome", "declination"),
        "rejection": ("outcome", "continued-interest"),
    }
    found = {s.id: s for s in guide.situations}
    assert set(wanted) <= set(found)  # issue 14's moments: tests/test_moments.py
    for sid, (step, message) in wanted.items():
        assert found[sid].step == step
        if message:
            assert found[sid].message == message


def test_templates_ask_for_the_details_the_brief_lists(guide):
    ids = {b.id for b in guide.blanks}
    assert ids >= {
        "your_name",
        "company",
        "role",
        "interview_date",
        "interviewer_name",
        "main_contact",
        "topic",
        "clarified",
        "decision_date",
        "start_date",
    }
    per = {b.id for b in guide.blanks if b.per_interviewer}
    assert per == {"interviewer_name", "interviewer_email", "topic", "clarified"}
    people = {b.id for b in guide.blanks if b.input == "person"}
    assert people == {"your_name", "interviewer_name", "main_contact"}
