"""JSON Schema files: generated from schema.yml, up to date, referenced by every content file, agreeing with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.core import classify
from generator.jsonschema import all_schemas

ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").rglob("*.yml"))


def test_committed_schemas_are_generated_from_schema_yml():
    committed = {p.name: p.read_text("utf-8") for p in (ROOT / "docs" / "schema").glob("*.schema.json")}
    assert committed == all_schemas(), "run: python -m generator schema"


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_file_points_at_its_schema_and_validates(path):
    rel = path.relative_to(ROOT / "content").as_posix()
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
        (lambda d: d["variants"][0].update(tone="x"), "message"),
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
