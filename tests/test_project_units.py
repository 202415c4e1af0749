"""Fast checks of the project adapter's parts, without a build: spelling of mkdocs.yml, links, escaping, swapping."""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.branding import config_typos
from generator.errors import Problem
from generator.project import Outcome
from generator.render import html, json_dumps, md
from generator.write import read_tree, swap_in

CONFIG = b"""site_name: Guide
site_descripton: What to do
theme:
  name: material
  palete: {}
  palette:
    - primary: indigo
      acent: indigo
plugins:
  - search
  - after-the-interview:
      organization: Riverside
      adviser:
        emial: careers@example.org
"""


def test_config_typos_name_line_column_and_suggestion():
    lines = [str(p) for p in config_typos(CONFIG, "mkdocs.yml")]
    assert lines == [
        "mkdocs.yml:2:1: site_descripton: unknown MkDocs setting (expected a known MkDocs setting, "
        "found 'site_descripton'). Fix: did you mean 'site_description'?",
        "mkdocs.yml:5:3: theme.palete: unknown theme setting (expected a known theme setting, found 'palete'). "
        "Fix: did you mean 'palette'?",
        "mkdocs.yml:8:7: theme.palette[0].acent: unknown palette setting (expected one of media, scheme, primary, "
        "accent, toggle, found 'acent'). Fix: did you mean 'accent'?",
        "mkdocs.yml:12:7: plugins[1].after-the-interview.organization: unknown after-the-interview option (expected "
        "a known after-the-interview option, found 'organization'). "
        "Fix: did you mean 'organisation'?",
        "mkdocs.yml:14:9: plugins[1].after-the-interview.adviser.emial: unknown adviser field (expected one of name, "
        "email, phone, url, hours, found 'emial'). Fix: did you mean 'email'?",
    ]


def test_a_misspelt_plugin_name_is_found():
    raw = b"site_name: Guide\nplugins:\n  - search\n  - after-the-interveiw\n"
    (problem,) = config_typos(raw, "mkdocs.yml")
    assert str(problem).startswith("mkdocs.yml:4:5: plugins[1]: the 'after-the-interview' plugin is not listed")
    assert problem.fix == "write 'after-the-interview'"


def test_read_tree_never_follows_links(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text("secret: 1\n")
    root = tmp_path / "content"
    (root / "steps").mkdir(parents=True)
    (root / "steps" / "a.yml").write_text("id: a\n")
    (root / "steps" / "link.yml").symlink_to(outside / "secret.yml")
    (root / "more").symlink_to(outside)
    (root / "inside").symlink_to(root / "steps")
    refused: list[str] = []
    files = read_tree(root, (".yml",), refused)
    assert files == {"steps/a.yml": b"id: a\n"}
    assert refused == ["inside", "more", "steps/link.yml"]


def test_braces_and_percent_signs_become_references():
    assert html("{{ 7*7 }} {% if %} 5% <b>") == Markup(
        "&#123;&#123; 7*7 &#125;&#125; &#123;&#37; if &#37;&#125; 5&#37; &lt;b&gt;"
    )
    assert "{" not in md("{{ x }}") and "%" not in md("{% x %}")
    text = json_dumps({"a": ["{{ 7*7 }} 100%"]})
    assert text == '{"a": ["\\u007b\\u007b 7*7 \\u007d\\u007d 100\\u0025"]}'
    assert json.loads(text) == {"a": ["{{ 7*7 }} 100%"]}


def test_a_warning_fails_only_a_strict_outcome():
    warning = Problem("content/blanks.yml", 3, 5, "blanks[0]", "blank declared but never used", severity="warning")
    assert Outcome(object(), [warning], strict=True).failed
    assert not Outcome(object(), [warning], strict=False).failed
    assert Outcome(object(), [warning], strict=True).report().endswith("the build is strict, so nothing was built.")


def test_swap_in_replaces_the_folder_whole(tmp_path):
    old, new = tmp_path / "site", tmp_path / "staged"
    old.mkdir()
    (old / "stale.html").write_text("old")
    new.mkdir()
    (new / "index.html").write_text("new")
    swap_in(new, old)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert [p.name for p in old.iterdir()] == ["index.html"]
