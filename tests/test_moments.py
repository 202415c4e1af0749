"""Issue 14's moments: the coping note names the adviser only when one is configured; the shipped journey has the new steps and situations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core import check
from generator.languages import without_languages
from generator.model import adviser_contact
from generator.render import Settings, render
from generator.write import read_templates, read_tree

ROOT = Path(__file__).resolve().parent.parent


def _outcome_page(adviser: dict) -> str:
    """Render the fixture guide and return the outcome step's Markdown."""
    guide, _ = check(read_tree(ROOT / "tests" / "fixture" / "content", (".yml",)))
    pages = render(guide, read_templates(ROOT / "templates"), Settings(adviser=adviser))
    return next(text for path, text in pages.items() if path == "steps/outcome.md")


def test_coping_note_without_adviser_has_no_adviser_sentence():
    page = _outcome_page({})
    assert 'class="ati-coping"' in page
    assert "says little about your worth." in page
    assert "talk it over" not in page and "{adviser}" not in page


def test_coping_note_names_the_configured_adviser_and_escapes_it():
    page = _outcome_page({"name": "Sam <Lee>", "email": "careers@example.org"})
    assert "you can reach Sam &lt;Lee&gt; (careers@example.org)." in page
    assert "<Lee>" not in page


@pytest.mark.parametrize(
    ("adviser", "contact"),
    [
        ({}, ""),
        ({"name": "Careers team"}, "Careers team"),
        ({"phone": "+44 20 7946 0000"}, "+44 20 7946 0000"),
        ({"name": "Careers team", "phone": "0123", "email": "a@b.org"}, "Careers team (a@b.org)"),
        ({"hours": "9 to 5"}, ""),
    ],
)
def test_adviser_contact_names_one_way_to_reach_them(adviser, contact):
    assert adviser_contact(adviser) == contact


SHIPPED = ROOT / "content"


@pytest.mark.shipped_content
def test_shipped_journey_has_the_new_steps_in_order():
    steps = {d["id"]: d for d in (yaml.safe_load(p.read_text("utf-8")) for p in (SHIPPED / "steps").glob("*.yml"))}
    order = [s for s, _ in sorted(((i, d["order"]) for i, d in steps.items()), key=lambda x: x[1])]
    assert order.index("references") < order.index("weigh-offer") < order.index("outcome") < order.index("after-accepting")
    assert steps["weigh-offer"]["when"] == {**steps["weigh-offer"]["when"], "anchor": "offer", "deadline": "offer_deadline"}
    assert "adviser" in steps["outcome"]["coping"] and "title, pay and start date" in " ".join(steps["outcome"]["actions"])


# The chooser's answers that lead to issue 14's moments: step -> {situation: message}.
MOMENTS = {
    "thank-you": {"panel": "coordinator-thanks"},
    "follow-up": {"recruiter-called": "recruiter-call", "cannot-call-back": "recruiter-text"},
    "references": {"references-asked": "referee-heads-up"},
    "weigh-offer": {
        "offer-by-phone": "offer-in-writing",
        "need-time": "time-to-decide",
        "want-better-terms": "negotiation",
        "other-offer": "sooner-decision",
    },
    "outcome": {"feedback": "feedback-request", "thank-referees": "referee-thanks"},
    "after-accepting": {"accepted-elsewhere": "accepted-elsewhere"},
    "keep-applying": {"withdraw": "withdrawal"},
}


@pytest.mark.shipped_content
def test_shipped_chooser_has_the_new_moments():
    situations = yaml.safe_load((SHIPPED / "situations.yml").read_text("utf-8"))
    answers = {s["id"]: (s["step"], s.get("message")) for s in situations["situations"]}
    assert situations["question"] == "Where are you now?"
    for step, leads in MOMENTS.items():
        assert {situation: (step, mid) for situation, mid in leads.items()}.items() <= answers.items(), step


@pytest.mark.shipped_content
def test_shipped_checklist_and_chooser_pages_show_the_new_moments():
    guide, problems = check(without_languages(read_tree(SHIPPED, (".yml",))))
    assert guide is not None, problems
    pages = render(guide, read_templates(ROOT / "templates"), Settings())
    checklist, chooser = pages["checklist.md"], pages["what-happened.md"]
    for step in ("references", "weigh-offer", "after-accepting"):
        s = guide.step(step)
        assert f"## {s.order}. {s.title}" in checklist
        assert all(action.replace("'", "&#39;") in checklist for action in s.actions)
    for situation, message in (pair for leads in MOMENTS.values() for pair in leads.items()):
        assert f'id="{situation}"' in chooser or f"#{situation}" in chooser, situation
        assert f"messages/{message}.md" in chooser, message
