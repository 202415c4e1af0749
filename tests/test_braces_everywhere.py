"""Braces and percent signs in every text field of the content reach every page escaped, and are shown literally."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build
from test_project import HOOK

pytestmark = pytest.mark.build
MARK = "{{ 7*7 }} {% if %} 100%"
SKIP = {"label", "locale", "id"}  # labels are how templates name blanks; ids and the locale are not prose


def text_fields() -> set[str]:
    """The field names schema.yml declares as text (templates are left out: their braces are optional parts)."""
    schema = (ROOT / "generator" / "schema.yml").read_text("utf-8")
    found = re.findall(r"^\s+([a-z_]+): \{type: (?:text|list, items: \{type: text\})\b(.*)$", schema, re.M)
    short = {name for name, rest in found if int((re.search(r"max_length: (\d+)", rest) or [0, 999])[1]) < 60}
    return {name for name, _ in found} - SKIP - short  # a short label (a yes/no answer) has no room for the mark


def marked(value, fields: set[str], key: str = ""):
    """Return the YAML data with MARK added to every text field."""
    if isinstance(value, dict) and key == "length":  # room for the mark in a length budget
        return {k: v + len(MARK) + 150 if k.endswith("characters") else v for k, v in value.items()}
    if isinstance(value, dict):
        return {k: marked(v, fields, k) for k, v in value.items()}
    if isinstance(value, list):
        return [marked(v, fields, key) for v in value]
    if isinstance(value, str) and key in fields:
        return f"{MARK} {value}"
    return value


def test_every_text_field_survives_a_later_template_engine(tmp_path):
    """Every text field of every content file gets `{{ 7*7 }} {% if %} 100%`; a macros-like hook renders every page:
    a raw `{% if %}` anywhere (page, page data, form, planner) would stop the build, a raw `{{ 7*7 }}` would show 49."""
    project = copy_project(tmp_path / "p")
    fields = text_fields()
    for path in sorted((project / "content").rglob("*.yml")):
        if path.name == "addresses.yml":
            continue  # a form of address (Ms, Frau) has 20 characters at most: no room for the mark
        data = yaml.safe_load(path.read_text("utf-8"))
        path.write_text(yaml.safe_dump(marked(data, fields), allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    (project / "macros_hook.py").write_text(HOOK, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - macros_hook.py\n", "utf-8")
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    pages = {p: unescape(p.read_text("utf-8")) for p in Path(tmp_path / "site").rglob("*.html")}
    shown = {p: text for p, text in pages.items() if MARK in text}
    assert len(shown) >= 10, sorted(str(p) for p in shown)  # home, steps, messages, topics, planner, chooser...
    for path, text in pages.items():
        assert "49 {% if" not in text and "49 {%" not in text, path
    planner = next(path.read_text("utf-8") for path in pages if path.parent.name == "planner")
    data = json.loads(unescape(re.search(r"data-json='([^']*)'", planner).group(1)))  # unescaped: ' ends it
    assert data["ui"]["plan_empty"].startswith(MARK)  # what the planner shows, literally (its page ships its words)
