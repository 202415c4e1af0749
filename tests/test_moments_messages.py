"""The twelve messages of issue 14's nine moments, as shipped: budgets, blanks, tones, recipients, their place in
the steps, the chooser and the planner, and their German twins (property tests of this guide's own content)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from generator import blanks, wording

pytestmark = pytest.mark.shipped_content  # every test here reads this guide's own content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURE_MESSAGES = ROOT / "tests" / "fixture" / "content" / "messages"  # the engine tests' messages (test_sendable.py)
# Issue 14's twelve moments: the messages the guide has beyond the engine's fixture (a fork's own additions too).
NEW = sorted({p.stem for p in (CONTENT / "messages").glob("*.yml")} - {p.stem for p in FIXTURE_MESSAGES.glob("*.yml")})
LANGUAGES = {"": "en", "de/": "de"}
RECIPIENTS = {"each-interviewer", "contact", "coordinator", "each-referee", "each-employer"}
EXAMPLE_PERSON = {"given": "Anna", "family": "Berg", "address": "ms"}


def load(path: Path) -> dict:
    """A content file, loaded safely."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def folder(lang: str) -> Path:
    """The content folder of a language ("" for the default, "de/")."""
    return CONTENT / lang if lang else CONTENT


def blank_list(lang: str) -> list[dict]:
    """The blanks of a language."""
    return load(folder(lang) / "blanks.yml")["blanks"]


def message(lang: str, mid: str) -> dict:
    """One message of a language."""
    return load(folder(lang) / "messages" / f"{mid}.yml")


def texts(value, keep: bool) -> list[str]:
    """Every text a subject or body can give (each combination of alternatives), optional parts kept or dropped."""
    out = []
    for combo in itertools.product(*wording.body_items(value)):
        text = " ".join(combo)
        out.append(wording.OPTIONAL_PART.sub((lambda m: m.group(0)[1:-1]) if keep else "", text))
    return out


CASES = [(lang, mid) for lang in LANGUAGES for mid in NEW]
IDS = [f"{LANGUAGES[lang]}-{mid}" for lang, mid in CASES]


def test_the_nine_moments_are_twelve_message_types_in_both_languages():
    assert len(NEW) >= 12, NEW
    for lang in LANGUAGES:
        for mid in NEW:
            assert (folder(lang) / "messages" / f"{mid}.yml").exists(), (lang, mid)


@pytest.mark.parametrize(("lang", "mid"), CASES, ids=IDS)
def test_message_parses_and_uses_declared_tones_and_blanks(lang, mid):
    found = message(lang, mid)
    tones = {t["id"] for t in load(folder(lang) / "tones.yml")["tones"]}
    known = blank_list(lang)
    labels = {b["label"] for b in known}
    optional = frozenset(b["label"] for b in known if not b.get("required"))
    assert found["id"] == mid and found["recipients"]["to"] in RECIPIENTS
    assert len({v["tone"] for v in found["variants"]}) >= 2, "at least two tones"
    for variant in found["variants"]:
        assert variant["tone"] in tones
        for field in ("subject", "body"):
            if field in variant:
                _data, problems = wording.variant_body(variant[field], optional, 1)
                assert problems == [], (variant["tone"], field, problems)
                used = {label[1:-1] for text in texts(variant[field], True) for label in wording.BLANK.findall(text)}
                assert used <= labels, used - labels
    if found["channel"] == "email":
        assert all(v.get("subject") for v in found["variants"])


@pytest.mark.parametrize(("lang", "mid"), CASES, ids=IDS)
def test_message_keeps_its_budget_whatever_is_left_empty(lang, mid):
    found = message(lang, mid)
    known = blank_list(lang)
    examples = {b["label"]: b["example"] for b in known}
    tones = {t["id"]: t for t in load(folder(lang) / "tones.yml")["tones"]}
    addresses = load(folder(lang) / "addresses.yml")["addresses"]
    person = EXAMPLE_PERSON | ({"address": addresses[0]["id"]} if lang else {})
    sender = next(b["example"] for b in known if b.get("role") == "sender_name")
    low, high = found["length"].get("sentences", [0, 99])
    for variant in found["variants"]:
        for keep in (True, False):
            for text in texts(variant["body"], keep):
                filled = re.sub(r"\[([^\]]+)\]", lambda m: examples[m.group(1)], text)
                if found["channel"] == "email":
                    assert low <= blanks.sentences(filled) <= high, (variant["tone"], keep, filled)
                if found["channel"] == "sms":
                    hello = wording.greeting(person, wording.for_channel(tones[variant["tone"]], "sms"), addresses)
                    note = f"{hello}\n{filled}\n{sender}"
                    budget = wording.sms_budget(note)
                    assert (budget["encoding"], budget["over"]) == ("GSM-7", 0), (budget, note)
                    assert found["length"]["characters"] == 160


@pytest.mark.parametrize(("lang", "mid"), CASES, ids=IDS)
def test_avoid_items_read_as_the_thing_to_avoid(lang, mid):
    for item in message(lang, mid).get("avoid", []):
        first = item.split()[0]
        assert first[0].isupper() and first.lower() not in {"avoid", "don't", "do", "never", "not", "vermeiden", "nie"}, item


@pytest.mark.parametrize("mid", NEW)
def test_german_twin_matches_its_english_message(mid):
    en, de = message("", mid), message("de/", mid)
    for field in ("id", "order", "step", "channel", "recipients", "length", "related"):
        assert de.get(field) == en.get(field), field
    assert len(de["keywords"]) >= 3 and len(en["keywords"]) >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_message_is_listed_by_its_step_and_reached_from_the_chooser(lang):
    steps = {load(p)["id"]: load(p) for p in sorted((folder(lang) / "steps").glob("*.yml"))}
    situations = load(folder(lang) / "situations.yml")["situations"]
    for mid in NEW:
        found = message(lang, mid)
        assert mid in steps[found["step"]].get("messages", []), (lang, mid)
        leading = [s for s in situations if s.get("message") == mid]
        assert leading, f"no situation leads to {mid}"
        assert all(mid in steps[s["step"]].get("messages", []) for s in leading), mid


def test_new_blanks_keep_sentence_counts_and_exist_in_both_languages():
    english, german = blank_list(""), {b["id"]: b for b in blank_list("de/")}
    for blank in english:
        assert blanks.sentences(blank["example"]) == 0, blank["example"]
        if blank["id"] in {"answer_date", "other_deadline", "proposal", "reason", "points_to_stress", "panel_names"}:
            assert german[blank["id"]]["input"] == blank["input"], blank["id"]


def test_negotiation_invents_no_figure():
    for lang in LANGUAGES:
        found = message(lang, "negotiation")
        for variant in found["variants"]:
            assert not re.search(r"\d", " ".join(texts(variant["body"], True))), variant["tone"]
        examples = {b["id"]: b["example"] for b in blank_list(lang)}
        assert not re.search(r"\d", examples["proposal"])


def test_acceptance_restates_the_title_pay_and_start_date_agreed():
    for variant in message("", "acceptance")["variants"]:
        text = " ".join(texts(variant["body"], True))
        assert all(label in text for label in ("[Role]", "[Pay agreed]", "[Start date]")), variant["tone"]


def test_dated_moments_sit_in_dated_steps():
    # The offer's moments are counted from the offer date and closed by its deadline; the planner places them.
    steps = {load(p)["id"]: load(p) for p in sorted((CONTENT / "steps").glob("*.yml"))}
    assert steps["weigh-offer"]["when"]["anchor"] == "offer" and steps["weigh-offer"]["when"]["deadline"] == "offer_deadline"
    for mid in ("sooner-decision", "time-to-decide", "offer-in-writing", "negotiation"):
        assert message("", mid)["step"] == "weigh-offer"


def test_negotiation_points_to_research_first():
    for lang, word in (("", "research"), ("de/", "informieren")):
        assert any(word in tip.lower() for tip in message(lang, "negotiation")["tips"]), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_text_message_fits_one_gsm_message_and_a_curly_apostrophe_would_cut_it_to_70(lang):
    for variant in message(lang, "recruiter-text")["variants"]:
        for text in texts(variant["body"], True):
            assert wording.sms_budget(text)["outside"] == "", text
            assert wording.sms_budget(text.replace(".", "\u2019", 1))["limit"] == 70


def test_the_planner_and_desk_show_the_dated_moments_at_their_time():
    from generator import pagedata
    from generator.core import check
    from generator.languages import without_languages
    from generator.write import read_tree

    guide, problems = check(without_languages(read_tree(CONTENT, (".yml",))))
    assert guide is not None, problems
    plan = {s["id"]: s for s in pagedata.plan(guide, lambda target: target)}
    offer = plan["weigh-offer"]
    assert offer["placement"] == "dated" and offer["when"]["anchor"] == "offer"
    assert offer["when"]["deadline"] == "offer_deadline"
    titles = [m["title"] for m in offer["messages"]]
    for mid in ("offer-in-writing", "time-to-decide", "negotiation", "sooner-decision"):
        assert guide.message(mid).title in titles
    assert plan["thank-you"]["placement"] == "dated" and "messages/coordinator-thanks.md" in {
        m["url"] for m in plan["thank-you"]["messages"]
    }
    assert {"messages/recruiter-call.md", "messages/recruiter-text.md"} <= {m["url"] for m in plan["follow-up"]["messages"]}
    assert plan["references"]["placement"] == "undated"  # it happens whenever an employer asks
