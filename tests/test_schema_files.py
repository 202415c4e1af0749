"""JSON Schema files: generated from schema.yml, up to date, referenced by every content file, agreeing with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import core, renamed
from generator import schema as schema_module
from generator.core import check, classify, known_ids
from generator.errors import ContentErrors
from generator.fields import Context
from generator.jsonschema import all_schemas
from generator.load import load
from generator.schema import Schema, compile_schema, compiled
from generator.write import read_tree

ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").rglob("*.yml"))


@pytest.mark.shipped_content  # ./dev check, build and serve rewrite docs/schema for a fork's own content
def test_committed_schemas_are_generated_from_schema_yml():
    committed = {p.name: p.read_text("utf-8") for p in (ROOT / "docs" / "schema").glob("*.schema.json")}
    assert committed == all_schemas(known_ids(read_tree(ROOT / "content", (".yml",)))), "run: python -m generator schema"


@pytest.mark.shipped_content
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_file_points_at_its_schema_and_validates(path):
    rel = path.relative_to(ROOT / "content").as_posix()
    if (ROOT / "content" / rel.split("/")[0] / "ui.yml").is_file():  # a language's folder (content/de/...)
        rel = rel.split("/", 1)[1]
    kind = classify(rel)
    first = path.read_text("utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    schema_path = (path.parent / first.removeprefix(prefix)).resolve()
    assert schema_path == (ROOT / "docs" / "schema" / f"{kind}.schema.json").resolve()
    schema = json.loads(schema_path.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load(path.read_text("utf-8")), schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("mutate", "kind"),
    [
        (lambda d: d.update(titel="x"), "step"),
        (lambda d: d.pop("title"), "step"),
        (lambda d: d.update(order="first"), "step"),
        (lambda d: d["when"].update(after="a day"), "step"),
        (lambda d: d.update(title=""), "step"),
        (lambda d: d["variants"][0].update(id="formal"), "message"),  # the key of the previous release
        (lambda d: d["variants"][0].update(body=[["only one alternative"]]), "message"),
        (lambda d: d.update(channel="fax"), "message"),
    ],
)
def test_schema_rejects_what_the_validator_rejects(mutate, kind):
    source = {"step": "steps/01-thank-you.yml", "message": "messages/appreciation.yml"}[kind]
    data = yaml.safe_load((ROOT / "tests" / "fixture" / "content" / source).read_text("utf-8"))
    mutate(data)
    schema = json.loads(all_schemas()[f"{kind}.schema.json"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


# The schema is the source: fields added to a copy of schema.yml work with no code change, mistakes in it are named.

SCHEMA_TEXT = (ROOT / "generator" / "schema.yml").read_text("utf-8")
BASE = read_tree(ROOT / "tests" / "golden" / "base", (".yml",))


def edited_schema(old: str, new: str) -> Schema:
    """Compile schema.yml with one edit."""
    assert old in SCHEMA_TEXT
    return compile_schema(SCHEMA_TEXT.replace(old, new, 1).encode("utf-8"))


def with_lines(name: str, *lines: str) -> dict[str, bytes]:
    """Return the fixture content with lines added to one file."""
    return {**BASE, name: BASE[name] + "".join(line + "\n" for line in lines).encode("utf-8")}


STEP_FIELDS = "      related: {type: list, items: {type: ref, to: step}"
NEW_STEP_FIELDS = (
    '      note: {type: text, max_length: 20, description: "A note."}\n'
    '      see: {type: ref, to: message, description: "A message to read."}\n'
    '      pairs: {type: list, items: {type: pair}, description: "Nested refs."}\n' + STEP_FIELDS
)
NEW_TYPE = (
    "types:\n  pair:\n    description: A pair.\n    fields:\n"
    '      id: {type: id, required: true, description: "Its name."}\n'
    '      message: {type: ref, to: message, required: true, description: "A message."}\n'
    '      other: {type: ref, to: pair, description: "Another pair."}\n'
)


@pytest.fixture(scope="module")
def extended() -> Schema:
    return compile_schema(
        SCHEMA_TEXT.replace("\ntypes:\n", "\n" + NEW_TYPE, 1).replace(STEP_FIELDS, NEW_STEP_FIELDS, 1).encode("utf-8")
    )


def test_new_fields_in_the_schema_are_read_and_kept(extended):
    content = with_lines("steps/01-thank-you.yml", "note: Bring a pen.", "see: thanks", "pairs:", "  - {id: a, message: thanks}")
    guide, problems = check(content, using=extended)
    assert problems == [] and guide is not None
    assert guide.steps[0].extra == {"note": "Bring a pen.", "see": "thanks", "pairs": [{"id": "a", "message": "thanks"}]}


def test_new_fields_are_validated_and_their_references_checked_with_no_code_change(extended):
    content = with_lines(
        "steps/01-thank-you.yml",
        "note: This note is far too long for its limit.",
        "see: thank",
        "pairs:",
        "  - {id: a, message: thanks, other: b}",
        "  - {id: a, message: gone}",
    )
    guide, problems = check(content, using=extended)
    assert guide is None
    lines = [str(p) for p in problems]
    assert lines == [
        "content/steps/01-thank-you.yml:14:7: note: text too long (expected at most 20 characters, found 40 characters). Fix: shorten it",
        "content/steps/01-thank-you.yml:15:6: see: unknown message (expected the id of a message, found 'thank'). "
        "Fix: did you mean 'thanks'? If the message 'thank' was deleted: remove the 'see:' line, or restore the message 'thank'",
        "content/steps/01-thank-you.yml:17:37: pairs[0].other: unknown pair (expected the id of a pair, found 'b'). "
        "Fix: no pair has this id (was it deleted?): remove the 'other:' line, or restore the pair 'b'",
        "content/steps/01-thank-you.yml:18:10: pairs[1].id: duplicate pair id (expected a pair id used once, "
        "found 'a', already used in content/steps/01-thank-you.yml:17). Fix: rename one of them",
        "content/steps/01-thank-you.yml:18:22: pairs[1].message: unknown message (expected the id of a message, found 'gone'). "
        "Fix: no message has this id (was it deleted?): point 'message' at another message, or restore the message 'gone'",
    ]


def test_new_fields_reach_the_editors_schema(extended):
    schemas = json.loads(all_schemas({"message": ["thanks"]}, using=extended)["step.schema.json"])
    data = yaml.safe_load(BASE["steps/01-thank-you.yml"])
    jsonschema.validate({**data, "note": "Short.", "see": "thanks"}, schemas, cls=jsonschema.Draft202012Validator)
    for bad in ({"note": "x" * 21}, {"see": "thank"}, {"pairs": [{"id": "a"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, **bad}, schemas, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'order: {type: int, min: 0, max: 99, required: true, description: "Position in the journey',
            'order: {type: integer, min: 0, max: 99, required: true, description: "Position in the journey',
            "kinds.step.fields.order.type: unknown field type (expected one of text, template, id, ref, int, bool, enum, "
            "duration, locale, regex, range, list, wording, phrase, words, timing, ",
        ),
        (
            'step: {type: ref, to: step, required: true, description: "The step this',
            'step: {type: ref, to: stpe, required: true, description: "The step this',
            "kinds.message.fields.step.to: reference to nothing (expected a kind or type with an id field: address, blank, message, ",
        ),
        (
            "channel: {type: enum, values: [email, linkedin, phone, letter, sms],",
            "channel: {type: enum,",
            "kinds.message.fields.channel: 'enum' field without 'values' (expected 'values:' in the field, found no such key). "
            "Fix: add 'values:'",
        ),
        (
            'title: {type: text, max_length: 60, required: true, description: "Short heading',
            'title: {type: text, max_lenght: 60, required: true, description: "Short heading',
            "kinds.step.fields.title.max_lenght: unknown key (expected one of type, required, description, example, max_length, "
            "found 'max_lenght'). Fix: did you mean 'max_length'?",
        ),
        ("      why: {type: text,", "      why: {kind: text,", "kinds.step.fields.why: field without a type"),
    ],
    ids=["unknown type", "ref to nothing", "enum without values", "misspelt option", "no type"],
)
def test_a_mistake_in_the_schema_is_named_by_line_not_a_traceback(old, new, expected):
    line = SCHEMA_TEXT[: SCHEMA_TEXT.index(old)].count("\n") + 1
    with pytest.raises(ContentErrors) as e:
        edited_schema(old, new)
    [problem] = e.value.problems
    assert (problem.file, problem.line) == ("generator/schema.yml", line)
    assert expected in str(problem)


def test_check_reports_a_broken_schema_as_problems(monkeypatch):
    broken = SCHEMA_TEXT.replace(
        'type: duration, max_days: 60, description: "How long after the anchor',
        'type: durations, max_days: 60, description: "How long after the anchor',
        1,
    )
    monkeypatch.setattr(schema_module, "compiled", lambda: compile_schema(broken.encode("utf-8")))
    monkeypatch.setattr(core, "compiled", schema_module.compiled)
    guide, problems = check(BASE)
    assert (
        guide is None and [p.file for p in problems] == ["generator/schema.yml"] and "did you mean 'duration'" in str(problems[0])
    )


# The editors' schema carries the validator's limits.


def _doc(text: str):
    return load(text.encode("utf-8"), "x.yml")


@pytest.mark.parametrize(
    "value",
    [
        "0 days",
        "60 days",
        "61 days",
        "8 weeks",
        "9 weeks",
        "42 business days",
        "43 business days",
        "999 hours",
        "1000 hours",
        "1 hour",
        "01 day",
        "0001 day",
        "2 fortnights",
        "60 day",
        "59days",
    ],
)
def test_duration_limits_agree(value):
    """The validator and the JSON Schema accept the same durations (timing.after: at most 60 days)."""
    timing = compiled().types["timing"]
    ctx = Context(_doc("x: 1\n"))
    valid_here = timing.fields["after"].check(value, ctx, ("after",)) and not ctx.problems
    schemas = json.loads(all_schemas()["step.schema.json"])
    after = {**schemas["$defs"]["timing"]["properties"]["after"], "$defs": schemas["$defs"]}
    valid_there = jsonschema.Draft202012Validator(after).is_valid(value)
    assert valid_here == valid_there


@pytest.mark.parametrize(
    ("mutate", "kind"),
    [
        (lambda d: d["blanks"][0].update(id="constructor"), "blanks"),
        (lambda d: d["blanks"][0].update(example="x" * 81), "blanks"),
        (lambda d: d["situations"][0].update(message="nope"), "situations"),
        (lambda d: d["situations"][0].update(step="nope"), "situations"),
    ],
    ids=["reserved id", "example too long", "unknown message", "unknown step"],
)
def test_editor_schema_rejects_ids_and_references_the_validator_rejects(mutate, kind):
    data = yaml.safe_load((ROOT / "content" / f"{kind}.yml").read_text("utf-8"))
    mutate(data)
    schema = json.loads(all_schemas(known_ids(read_tree(ROOT / "content", (".yml",))))[f"{kind}.schema.json"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_renamed_names_are_recognised():
    assert renamed.hint("blank", "interviewer_name") == (
        "`interviewer_name` was split in 0.2: use `interviewer_given_name` and `interviewer_family_name`."
    )
    assert renamed.hint("blank", "company") is None


def test_a_field_the_code_needs_made_optional_or_removed_is_named():
    optional = SCHEMA_TEXT.replace(
        'summary: {type: text, max_length: 300, required: true, description: "One or two',
        'summary: {type: text, max_length: 300, description: "One or two',
        1,
    )
    line = SCHEMA_TEXT[
        : SCHEMA_TEXT.index('summary: {type: text, max_length: 300, required: true, description: "One or two')
    ].count("\n")
    guide, problems = check(BASE, using=compile_schema(optional.encode("utf-8")))
    assert guide is None
    assert [str(p) for p in problems] == [
        f"generator/schema.yml:{line + 1}:7: kinds.step.fields.summary: the generator needs 'summary' in every step "
        "(expected 'summary' declared with required: true, found optional). "
        "Fix: restore 'summary' as a required field of 'step' (or change the code in generator/model.py)"
    ]
