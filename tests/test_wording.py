"""Unit tests of generator/wording.py: tones, optional parts, alternatives, text budgets, and the shared JS cases."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import blanks, wording

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "js"
DRAFTS = ROOT / "content-drafts"
# The content folders of the languages the repository has: its own, and German unless a fork deleted it.
LANGUAGES = ["", *(["de/"] if (ROOT / "content" / "de").is_dir() else [])]


def shared(name: str):
    """A case file that tests/js/*.test.mjs reads too."""
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def draft(path: str):
    """A draft content file, or the shipped one once it has moved to content/, loaded safely."""
    found = DRAFTS / path if (DRAFTS / path).exists() else ROOT / "content" / path
    return yaml.safe_load(found.read_text(encoding="utf-8"))


# --- Greetings ---------------------------------------------------------------------------------------------------


@pytest.mark.shipped_content  # the cases hold the shipped tones: a fork's own tones.yml differs
@pytest.mark.parametrize("folder", LANGUAGES)
def test_shared_greeting_cases_hold_the_draft_tones_and_python_agrees(folder):
    data = shared("greeting-cases.json")
    lang = data["languages"]["de" if folder else "en"]
    tones, addresses = draft(folder + "tones.yml")["tones"], draft(folder + "addresses.yml")["addresses"]
    assert lang["tones"] == [wording.tone_data(t) for t in tones]
    assert lang["addresses"] == addresses and lang["titles"] == draft(folder + "addresses.yml")["titles"]
    by_id = {t["id"]: t for t in tones}
    for case in lang["cases"]:
        person = data["people"][case["person"]]
        assert wording.greeting(person, by_id[case["tone"]], addresses, data["unknown"], lang["titles"]) == case["expected"], case


@pytest.mark.shipped_content  # the shipped thank-you note has four wordings of each sentence; a fork's may have fewer
@pytest.mark.parametrize("folder", LANGUAGES)
def test_the_thank_you_note_gives_four_interviewers_four_notes_with_no_sentence_in_common(folder):
    for variant in draft(folder + "messages/appreciation.yml")["variants"]:
        items = wording.body_items(variant["body"])
        notes = [[items[i][c] for i, c in enumerate(choice)] for choice in wording.choose(items, 4)]
        for a, b in itertools.combinations(notes, 2):
            assert wording.shared_sentences(a, b) == 0, (variant["tone"], a, b)


@pytest.mark.parametrize("folder", LANGUAGES)
def test_draft_tones_pass_their_check(folder):
    words = {k for a in draft(folder + "addresses.yml")["addresses"] for k in a.get("words", {})}
    assert wording.check_tones(draft(folder + "tones.yml")["tones"], frozenset(words)) == []


def test_tone_check_refuses_a_title_before_a_given_name_and_unknown_placeholders():
    whole = "Guten Tag {title} {given} {family},"  # before the whole name, as German greets without Frau or Herr
    tones = [{"id": "x", "greeting": ["Dear {title} {given},", "Hi {adress} {family},", "Dear {address}  {given}!", whole]}]
    problems = wording.check_tones(tones)
    found = [(p.path, p.message.split(",")[0], p.found, p.offset) for p in problems]
    assert found == [
        ((0, "greeting", 0), "a title or form of address goes before the family name", "{title} {given}", 5),
        ((0, "greeting", 1), "unknown placeholder", "{adress}", 3),
        ((0, "greeting", 2), "a title or form of address goes before the family name", "{address}  {given}", 5),
        ((0, "greeting"), "no pattern greets a person known by one name only", "4 pattern(s)", None),
    ]
    assert "{address}" in problems[1].fix and "{name}" in problems[3].fix


def test_tone_check_knows_words_declared_by_addresses():
    tones = [{"id": "sie", "greeting": ["{dear} {address} {family},", "Guten Tag {name},"]}]
    assert wording.check_tones(tones, frozenset({"dear"})) == []
    assert [p.found for p in wording.check_tones(tones)] == ["{dear}"]


# --- Optional parts -----------------------------------------------------------------------------------------------

OPTIONAL = frozenset({"Point clarified", "Topic discussed"})


def test_shared_optional_cases_hold_what_python_parses():
    """The nodes in optional-cases.json are Python's parse; UPDATE_GOLDEN=1 rewrites them after adding a case."""
    data = shared("optional-cases.json")
    assert len(data["cases"]) >= 20
    for case in data["cases"]:
        nodes, problems = wording.parse_template(case["template"], frozenset(data["optional"]))
        assert [p for p in problems if p.severity == "error"] == []
        if os.environ.get("UPDATE_GOLDEN"):
            case["nodes"] = wording.template_data(nodes)
        assert wording.template_data(nodes) == case["nodes"], case["name"]
    if os.environ.get("UPDATE_GOLDEN"):
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        (CASES / "optional-cases.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message", "offset", "fix"),
    [
        ("Thanks. {Thank you for [Point clarified].", "'{' that is never closed", 8, "close the optional part with '}'"),
        ("Thanks. Thank you for [Point clarified].}", "'}' with no '{' before it", 40, "remove it, or open the part with '{'"),
        ("{Thanks {for [Point clarified]}.}", "an optional part inside another", 8, "close the first part"),
        ("Thanks{}.", "an empty optional part", 6, "remove the braces"),
        ("Thanks{ }.", "an empty optional part", 6, "remove the braces"),
        ("Hello. {We met at [Company].}", "an optional part with no optional blank in it", 7, "put an optional blank inside"),
        ("Hello. {We met at the office.}", "an optional part with no optional blank in it", 7, "put an optional blank inside"),
        ("Hello. {We met at [Company.}", "a bracket that makes no blank", 18, "close the blank"),
    ],
)
def test_optional_part_errors_name_the_offset_and_a_fix(text, message, offset, fix):
    problems = [p for p in wording.parse_template(text, OPTIONAL)[1] if p.message.startswith(message)]
    assert [(p.severity, p.offset) for p in problems] == [("error", offset)]
    assert problems[0].fix.startswith(fix)


def test_a_nested_part_is_one_error_not_two():
    problems = wording.parse_template("{Thanks {for [Point clarified]} today.} Bye.", OPTIONAL)[1]
    assert [(p.message, p.offset) for p in problems] == [("an optional part inside another", 8)]


def test_every_error_of_a_template_is_reported_in_one_run():
    problems = wording.parse_template("A {B [Company].} C}. {D [Topic discussed].", OPTIONAL)[1]
    assert [(p.offset, p.severity) for p in problems] == [(2, "error"), (18, "error"), (21, "error"), (24, "warning")]


def test_an_optional_blank_outside_a_part_is_a_warning():
    nodes, problems = wording.parse_template("Thank you for explaining [Point clarified].", OPTIONAL)
    assert [(p.severity, p.offset, p.found) for p in problems] == [("warning", 25, "'[Point clarified]'")]
    assert "wrap the sentence" in problems[0].fix


def test_a_part_drops_on_its_optional_blanks_only_and_keys_follow_the_mapping():
    nodes, problems = wording.parse_template("{At [Company] you explained [Point clarified].}", OPTIONAL)
    assert problems == []
    ids = {"Company": "company", "Point clarified": "clarified"}
    data = wording.template_data(nodes, ids.get)
    assert data[0]["needs"] == ["clarified"]
    assert data[0]["optional"][1] == {"blank": "company", "label": "Company"}


def test_the_page_without_javascript_shows_optional_parts_as_optional():
    nodes, _ = wording.parse_template("Hi & bye. {Thanks for [Point clarified].}", OPTIONAL)
    html = wording.template_html(nodes, lambda label: f"<b>[{label}]</b>", lambda s: s.replace("&", "&amp;"))
    assert html == 'Hi &amp; bye. <span class="ati-optional" title="optional">{Thanks for <b>[Point clarified]</b>.}</span>'
    assert wording.plain_text(nodes) == "Hi & bye. Thanks for [Point clarified]."


# --- Text message budget ------------------------------------------------------------------------------------------


def test_shared_sms_cases_agree_with_python():
    for case in shared("sms-cases.json"):
        budget = wording.sms_budget(case["text"])
        assert {k: budget[k] for k in case["expected"]} == case["expected"], case["name"]


def test_sms_budget_names_the_first_character_outside_the_gsm_alphabet():
    assert wording.sms_budget("Hi it’s me ’")["outside"] == "’"
    assert wording.sms_budget("Hi [me]")["outside"] == ""


# --- Alternatives and sentence sharing ---------------------------------------------------------------------------


def test_shared_similarity_cases_agree_with_python():
    data = shared("similarity-cases.json")
    for case in data["sentences"]:
        assert wording.same_sentence(case["a"], case["b"]) is case["same"], case["why"]
        assert wording.same_sentence(case["b"], case["a"]) is case["same"], case["why"]
    for case in data["notes"]:
        a, b = wording.sentences(case["a"]), wording.sentences(case["b"])
        assert wording.shared_sentences(a, b) == case["shared"]
        assert wording.too_similar(a, b) is case["tooSimilar"]


THANKS = [
    [
        "Thank you for meeting me on [Interview date].",
        "I was glad to talk with you on [Interview date].",
        "It was a pleasure to meet you.",
        "Many thanks for your time and questions.",
    ],
    [
        "I enjoyed our talk about [Topic discussed].",
        "Our conversation about [Topic discussed] stayed with me.",
        "Hearing about [Topic discussed] was the highlight.",
        "You made [Topic discussed] sound like fun work.",
    ],
    "I look forward to hearing from you.",
]


def test_choice_gives_four_notes_that_share_at_most_half_and_person_one_takes_first_wordings():
    items = wording.body_items(THANKS)
    choices = wording.choose(items, 4)
    assert choices[0] == [0, 0, 0] and len(choices) == 4
    notes = [[s for i, c in enumerate(choice) for s in wording.sentences(items[i][c])] for choice in choices]
    for a in range(4):
        for b in range(a + 1, 4):
            assert not wording.too_similar(notes[a], notes[b]), (a, b)
    assert wording.choose(items, 2) == choices[:2]


def test_alternatives_that_cannot_serve_four_interviewers_are_a_problem_naming_the_message():
    body = [["Thank you for your time.", "Thanks so much for your time today."], "I enjoyed our talk.", "I hope to hear soon."]
    problems = wording.check_alternatives("appreciation", body)
    assert len(problems) == 1
    assert "'appreciation'" in problems[0].message and "at most 1 note that" in problems[0].message
    assert wording.check_alternatives("appreciation", THANKS) == []


def test_body_shape_problems():
    problems = wording.check_body(["One.", {"Thanks [Topic discussed].": None}, ["Only one."], ["A.", 3]])
    assert [(p.path, p.message) for p in problems] == [
        ((1,), "an item that YAML read as a mapping"),
        ((2,), "alternatives must be two or more sentences"),
        ((3,), "alternatives must be two or more sentences"),
    ]
    assert wording.check_body("Any text.") == []
    assert [p.message for p in wording.check_body(None)] == ["expected text or a list of sentences"]
    assert [p.message for p in wording.check_body([])] == ["expected text or a list of sentences"]
    assert [(p.path, p.found) for p in wording.check_body(["A.", 3])] == [((1,), "int")]
    assert wording.variant_body(None, OPTIONAL)[0] == {"items": [], "choices": []}


def test_variant_body_as_page_data_with_problem_paths():
    body = ["Hello [Company].", ["{Thanks for [Point clarified].} We met.", "It was a pleasure to see the office."]]
    data, problems = wording.variant_body(body, OPTIONAL, people=2)
    assert data["items"][0] == [["Hello ", {"blank": "Company", "label": "Company"}, "."]]
    assert data["items"][1][0][0]["needs"] == ["Point clarified"]
    assert data["choices"] == [[0, 0], [0, 1]] and problems == []
    data, problems = wording.variant_body(["Hi.", ["A.", "{B [Point clarified]."]], OPTIONAL, people=2)
    assert [(p.path, p.offset, p.severity) for p in problems] == [((1, 1), 0, "error"), ((1, 1), 3, "warning")]
    data, problems = wording.variant_body("Just [Company].", OPTIONAL, people=4)
    assert data["choices"] == [[0]] and problems == []


def test_dropped_optional_parts_count_when_choosing():
    body = ["Hello.", ["{Thanks for [Point clarified].} We met.", "{About [Point clarified].} We met."]]
    assert wording.choose(wording.body_items(body), 2) is None


# --- The draft content ----------------------------------------------------------------------------------------------

SHIPPED_BLANKS = yaml.safe_load((ROOT / "content" / "blanks.yml").read_text(encoding="utf-8"))["blanks"]
DRAFT_BLANKS = draft("blanks.yml")["blanks"]
BLANKS = SHIPPED_BLANKS + DRAFT_BLANKS
LABELS = {b["label"] for b in BLANKS}
OPTIONAL_LABELS = frozenset(b["label"] for b in BLANKS if not b.get("required"))
EXAMPLES = {b["label"]: b["example"] for b in BLANKS}
MESSAGES = sorted([*(DRAFTS / "messages").glob("*.yml"), *(ROOT / "content" / "messages").glob("*.yml")], key=lambda p: p.name)
EXAMPLE_PERSON = {"given": "Anna", "family": "Berg", "address": "ms"}


def variant_texts(variant: dict, keep: bool) -> list[str]:
    """Every body a variant can give (each combination of alternatives), optional parts kept or all dropped."""
    items = wording.body_items(variant["body"])
    out = []
    for combo in itertools.product(*items):
        text = " ".join(combo)
        out.append(text if keep else wording.OPTIONAL_PART.sub("", text))
    return out


@pytest.mark.shipped_content
def test_every_shipped_message_is_in_the_new_shape():
    for path in (ROOT / "content" / "messages").glob("*.yml"):
        message = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert message["recipients"]["to"] in {"each-interviewer", "contact", "coordinator", "each-referee", "each-employer"}, (
            path.name
        )
        assert all("tone" in v and "id" not in v for v in message["variants"]), path.name


@pytest.mark.shipped_content  # reads this guide's own drafts and content
@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.stem)
def test_draft_message_parses_without_problems_and_uses_declared_tones_and_blanks(path):
    message = yaml.safe_load(path.read_text(encoding="utf-8"))
    tones = {t["id"] for t in draft("tones.yml")["tones"]}
    per_person = message["recipients"]["to"] == "each-interviewer" and message["channel"] != "phone"
    people = 4 if per_person else 1
    for variant in message["variants"]:
        assert variant["tone"] in tones
        for field in ("subject", "body"):
            if field not in variant:
                continue
            data, problems = wording.variant_body(variant[field], OPTIONAL_LABELS, people)
            assert problems == [], (variant["tone"], field, problems)
            texts = [text for alts in wording.body_items(variant[field]) for text in alts]
            assert {label[1:-1] for text in texts for label in wording.BLANK.findall(text)} <= LABELS
        if per_person:
            assert wording.check_alternatives(message["id"], variant["body"]) == []
            assert len(data["choices"]) == 4


@pytest.mark.shipped_content  # reads this guide's own drafts and content
@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.stem)
def test_draft_message_keeps_its_length_budget_whatever_is_left_empty(path):
    message = yaml.safe_load(path.read_text(encoding="utf-8"))
    tones = {t["id"]: t for t in draft("tones.yml")["tones"]}
    addresses = draft("addresses.yml")["addresses"]
    for variant in message["variants"]:
        low, high = message["length"].get("sentences", [0, 99])
        for keep in (True, False):
            for text in variant_texts(variant, keep):
                filled = re.sub(r"\[([^\]]+)\]", lambda m: EXAMPLES[m.group(1)], text)
                if message["channel"] == "email":
                    assert low <= blanks.sentences(filled) <= high, (variant["tone"], keep, filled)
                if "characters" in message["length"]:
                    tone = wording.for_channel(tones[variant["tone"]], message["channel"])
                    hello = wording.greeting(EXAMPLE_PERSON, tone, addresses)
                    note = f"{hello}\n{filled}\n{EXAMPLES['Your name']}"
                    assert len(note) <= message["length"]["characters"], (len(note), note)
                if message["channel"] == "sms":
                    budget = wording.sms_budget(note)
                    assert (budget["encoding"], budget["over"]) == ("GSM-7", 0), (budget, note)
                    assert message["length"]["characters"] == 160


@pytest.mark.shipped_content  # reads this guide's own drafts and content
@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.stem)
def test_draft_avoid_items_read_as_the_thing_to_avoid(path):
    message = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in message.get("avoid", []):
        first = item.split()[0]
        assert first[0].isupper() and first.lower() not in {"avoid", "don't", "do", "never", "not"}, item


def test_address_lists_pass_and_bad_ones_are_refused():
    for folder in LANGUAGES:
        assert wording.check_addresses(draft(folder + "addresses.yml")["addresses"]) == []
    bad = [{"id": "ms", "text": "Ms"}, {"id": "ms", "text": "Mrs", "words": {"given": "x", "dear": "y"}}]
    assert [p.path for p in wording.check_addresses(bad)] == [(1, "id"), (1, "words", "given")]


def test_tone_check_finds_an_unbalanced_brace():
    problems = wording.check_tones([{"id": "x", "greeting": ["Dear {title {family},", "Dear {name},"]}])
    assert [(p.path, p.message) for p in problems] == [((0, "greeting", 0), "unbalanced brace")]


# --- The JavaScript side, so that ./dev test runs it too -------------------------------------------------------------

JS_TESTS = ["names", "wording", "wording-dates", "wording-fuzz", "similarity"]


def test_node_unit_tests_of_the_wording_modules_pass():
    files = [str(CASES / f"{name}.test.mjs") for name in JS_TESTS]
    run = subprocess.run(["node", "--test", *files], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout


def test_the_fallback_for_an_unknown_name_is_used_literally():
    assert wording.greeting({}, {"greeting": ["Dear {name},"]}, [], "[$& \\1]") == "Dear [$& \\1],"


def test_a_text_message_greets_with_the_tone_s_text_greeting_and_it_is_checked_like_the_greeting():
    tone = {"id": "formal", "greeting": ["Dear {address} {family},", "Dear {name},"], "text_greeting": ["Hello {name},"]}
    person = {"given": "Anna", "family": "Berg", "address": "ms"}
    addresses = [{"id": "ms", "label": "Ms", "text": "Ms"}]
    assert wording.greeting(person, wording.for_channel(tone, "sms"), addresses) == "Hello Anna Berg,"
    assert wording.greeting(person, wording.for_channel(tone, "email"), addresses) == "Dear Ms Berg,"
    assert wording.for_channel({"id": "warm", "greeting": ["Hi {name},"]}, "sms")["greeting"] == ["Hi {name},"]
    bad = [{**tone, "text_greeting": ["Hello {address} {given},"]}]
    assert [(p.path, p.message) for p in wording.check_tones(bad)] == [
        ((0, "text_greeting", 0), "a title or form of address goes before the family name, never before a given name alone"),
        ((0, "text_greeting"), "no pattern greets a person known by one name only"),
    ]
