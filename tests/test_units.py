"""Unit tests of loading, blanks, escaping and rendering helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from generator import blanks
from generator.durations import number_pattern
from generator.errors import ContentErrors
from generator.load import load
from generator.render import Settings, _Renderer, front_matter_title, md
from generator.schema import schema


def test_load_records_value_and_key_positions():
    doc = load(b"title: Hello\nitems:\n  - one\n  - two\nbody: |\n  line\n", "f.yml")
    assert doc.data == {"title": "Hello", "items": ["one", "two"], "body": "line\n"}
    assert (doc.marks[("title",)].line, doc.marks[("title",)].column) == (1, 8)
    assert (doc.marks[("items", 1)].line, doc.marks[("items", 1)].column) == (4, 5)
    assert doc.marks[("body",)].style == "|"
    assert doc.marks[("title",)].style is None and doc.marks[("title",)].raw == "Hello"


def test_load_refuses_python_tags():
    with pytest.raises(ContentErrors) as e:
        load(b"a: !!python/object/apply:os.system ['true']\n", "f.yml")
    assert "unsupported" in str(e.value)


def test_load_reports_every_duplicate_key():
    with pytest.raises(ContentErrors) as e:
        load(b"a: 1\nb: 2\na: 3\nb: 4\n", "f.yml")
    assert [p.line for p in e.value.problems] == [3, 4]


def test_empty_file_loads_as_nothing():
    assert load(b"", "f.yml").data is None


@pytest.mark.parametrize(
    ("text", "labels"),
    [("Dear [Interviewer name], hi", ["Interviewer name"]), ("[A][B]", ["A", "B"]), ("no blanks", [])],
)
def test_parse_blanks(text, labels):
    assert [p.label for p in blanks.parse(text) if isinstance(p, blanks.Blank)] == labels


@pytest.mark.parametrize("text", ["[open", "close]", "[]", "[ padded ]", "[two\nlines]", "[a [b]"])
def test_malformed_blanks(text):
    assert any(isinstance(p, blanks.Malformed) for p in blanks.parse(text))


def test_fill_and_count_sentences():
    text = "Hi [Name]. Thanks! Really? See you...\n[Name]"
    assert blanks.fill(text, {"Name": "Ana"}) == "Hi Ana. Thanks! Really? See you...\nAna"
    assert blanks.sentences("Hi Ana. Thanks! Really? See you...\nAna") == 4
    assert blanks.sentences("Version 1.10 works, e.g.this") == 0


def test_md_escapes_html_and_markdown():
    assert md("<b>*x*</b> & [y](z)") == Markup("&lt;b&gt;\\*x\\*&lt;/b&gt; &amp; \\[y\\]\\(z\\)")


class _Guide:
    blanks = []
    ui = {}


@pytest.mark.parametrize(
    ("dirs", "page", "target", "url"),
    [
        (True, "index.md", "steps/a.md", "steps/a/"),
        (True, "steps/a.md", "messages/b.md#x", "../../messages/b/#x"),
        (True, "checklist.md", "index.md", "../"),
        (True, "index.md", "index.md", "./"),
        (False, "steps/a.md", "index.md", "../index.html"),
        (False, "index.md", "messages/b.md", "messages/b.html"),
    ],
)
def test_url_between_pages(dirs, page, target, url):
    renderer = _Renderer(_Guide(), {}, Settings(use_directory_urls=dirs))
    assert renderer.url(page, target) == url


def test_undefined_variable_in_a_template_names_the_template_line():
    from pathlib import Path

    from generator.core import check
    from generator.render import render
    from generator.write import read_templates, read_tree

    root = Path(__file__).resolve().parent.parent
    guide, _ = check(read_tree(root / "tests" / "fixture" / "content", (".yml",)))
    templates = read_templates(root / "templates")
    templates["step.md.j2"] = templates["step.md.j2"].replace("{{ step.summary | md }}", "{{ step.sumary }}")
    with pytest.raises(ContentErrors) as e:
        render(guide, templates)
    line = next(i for i, t in enumerate(templates["step.md.j2"].splitlines(), 1) if "step.sumary" in t)
    assert f"templates/step.md.j2:{line}:1:" in str(e.value)
    assert "sumary" in str(e.value)


def test_navigation_sections_stay_bounded_for_large_guides():
    from pathlib import Path
    from types import SimpleNamespace

    import yaml

    from generator.render import NAV_CHUNK, nav

    ui = yaml.safe_load((Path(__file__).parent / "fixture" / "content" / "ui.yml").read_text("utf-8"))

    def item(i):
        return SimpleNamespace(id=f"m{i}", title=f"<M{i}>")

    small = SimpleNamespace(steps=[], messages=[item(i) for i in range(7)], topics=[], ui=ui)
    [messages] = [e["Messages"] for e in nav(small) if "Messages" in e]
    assert messages == [{f"&lt;M{i}&gt;": f"messages/m{i}.md"} for i in range(7)]
    big = SimpleNamespace(steps=[], messages=[item(i) for i in range(2 * NAV_CHUNK + 5)], topics=[], ui=ui)
    [sections] = [e["Messages"] for e in nav(big) if "Messages" in e]
    assert [list(s)[0] for s in sections] == [
        f"Messages 1 to {NAV_CHUNK}",
        f"Messages {NAV_CHUNK + 1} to {2 * NAV_CHUNK}",
        f"Messages {2 * NAV_CHUNK + 1} to {2 * NAV_CHUNK + 5}",
    ]
    flat = [page for s in sections for entries in s.values() for page in entries]
    assert flat == [{f"&lt;M{i}&gt;": f"messages/m{i}.md"} for i in range(2 * NAV_CHUNK + 5)]
    assert max(len(entries) for s in sections for entries in s.values()) == NAV_CHUNK


@pytest.mark.parametrize("limit", [0, 5, 9, 10, 42, 60, 99, 100, 300, 999, 1440])
def test_number_pattern_of_durations_matches_exactly_zero_to_the_limit(limit):
    pattern = re.compile("^" + number_pattern(limit) + " x$")
    for number in range(1200):
        for text in (str(number), f"0{number}"):
            assert bool(pattern.match(text + " x")) == (len(text) <= 3 and number <= min(limit, 999)), text


def test_every_field_type_has_a_label_for_the_field_reference():
    labels = {name: f["label"] for name, f in schema()["kinds"]["message"]["fields"].items()}
    assert labels["order"] == "whole number (0 to 99)"
    assert labels["related"] == "list of message ids"
    assert labels["channel"] == "one of email, linkedin, phone, letter, sms"
    assert labels["length"] == "length (see below)"
    assert schema()["types"]["length"]["fields"]["sentences"]["label"] == "[fewest, most], whole numbers (1 to 20)"
    assert all("label" in f for k in schema()["kinds"].values() for f in k["fields"].values())


def test_a_front_matter_title_escapes_markup_but_keeps_quotes_for_the_themes_own_escaping():
    """The footer's aria-label escapes the title again: a quote escaped twice would be read out as "&#39;"."""
    assert front_matter_title("""A recruiter's "call" <now>""") == 'title: "A recruiter\'s \\"call\\" &lt;now&gt;"'


@pytest.mark.parametrize(
    ("locale", "message", "fix"),
    [
        ('"english"', "not a language tag", "write the language's tag, 'en', or with a country, such as 'en-US'"),
        ('"fax"', "unknown language", "write a language tag such as en-GB (English, United Kingdom) or de (German)"),
        ('"en_GB"', "not a language tag", "write 'en-GB' (hyphens, not underscores)"),
        ('"en-"', "not a language tag", "write a language tag such as en-GB (English, United Kingdom) or de (German)"),
        ("1", "not a language tag", "write a language tag such as en-GB (English, United Kingdom) or de (German)"),
    ],
)
def test_a_locale_that_is_no_language_tag_is_refused_with_its_line_and_fix(locale, message, fix):
    """The browser's Intl throws on 'en_GB' and quietly writes the reader's own language for 'english'."""
    from generator.core import check
    from generator.write import read_tree

    files = read_tree(Path(__file__).parent / "golden" / "base", (".yml",))
    text = files["ui.yml"].decode("utf-8")
    assert 'locale: "en-GB"\n' in text
    files["ui.yml"] = text.replace('locale: "en-GB"\n', f"locale: {locale}\n").encode("utf-8")
    guide, problems = check(files)
    assert guide is None
    (problem,) = [p for p in problems if p.file.endswith("ui.yml")]
    assert (problem.line, problem.message, problem.fix) == (3, message, fix), problem
    assert check({**files, "ui.yml": text.replace("en-GB", "pt-BR").encode("utf-8")})[0] is not None
