"""The page data and blank roles: decided once in Python, checked with file:line errors; the browser modules hold
no content and no English, and survive minifying."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import pagedata
from generator.core import check
from generator.languages import without_languages
from generator.minify import minify_js
from generator.render import Settings, _Renderer
from generator.write import read_templates, read_tree

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "docs" / "assets" / "guide").glob("*.js"))


def content(**changes: bytes) -> dict[str, bytes]:
    """The shipped content, with some files replaced."""
    files = without_languages(read_tree(ROOT / "content", (".yml",)))
    files.update({name.replace("__", "/"): data for name, data in changes.items()})
    return files


def blanks_text() -> str:
    return (ROOT / "content" / "blanks.yml").read_text("utf-8")


def test_an_email_message_needs_a_blank_with_the_recipient_email_role():
    text = blanks_text().replace("    role: recipient_email\n", "")
    guide, problems = check(content(**{"blanks.yml": text.encode()}))
    assert guide is None
    [problem] = [p for p in problems if "recipient's email" in p.message]
    assert problem.file.startswith("content/messages/") and problem.line > 1
    assert "role: recipient_email" in problem.fix


def test_a_role_on_two_blanks_is_an_error_at_the_second():
    text = blanks_text().replace("    role: sender_email\n", "    role: recipient_email\n")
    guide, problems = check(content(**{"blanks.yml": text.encode()}))
    [problem] = [p for p in problems if p.message == "role used twice"]
    line = text.splitlines().index("    role: recipient_email", text.index("interviewer_email") and 0)
    assert problem.file == "content/blanks.yml" and problem.line > line


def test_a_renamed_email_blank_keeps_its_role():
    text = blanks_text().replace("id: interviewer_email", "id: contact_address")
    guide, problems = check(content(**{"blanks.yml": text.encode()}))
    assert guide is not None, problems
    data = pagedata.page_data(guide, "Guide", "", str)
    assert data["roles"]["recipient_email"] == "contact_address"


def test_ui_strings_are_checked_by_the_schema():
    """On the golden base, not the shipped ui.yml: a fork that rewords a string keeps this test green."""
    files = read_tree(ROOT / "tests" / "golden" / "base", (".yml",))
    text = files["ui.yml"].decode("utf-8")
    assert 'copy_body: "Copy body"\n' in text and 'tone_legend: "Tone"\n' in text
    text = text.replace('copy_body: "Copy body"\n', "").replace(
        'tone_legend: "Tone"\n', 'tone_legend: "Tone"\ntone_label: "Tone"\n'
    )
    guide, problems = check({**files, "ui.yml": text.encode()})
    assert guide is None
    found = {(p.message, p.file) for p in problems}
    assert ("missing required field 'copy_body'", "content/ui.yml") in found
    assert ("unknown key", "content/ui.yml") in found
    assert all(p.line >= 1 for p in problems)


@pytest.mark.shipped_content  # the shipped steps' own timings
def test_which_steps_are_dated_is_decided_once():
    guide, _ = check(content())
    places = {s.id: pagedata.placement(s) for s in guide.steps}
    assert places["before-you-leave"] == "at_interview"
    assert places["keep-applying"] == "undated" and places["outcome"] == "undated"
    dated = {"thank-you", "linkedin", "follow-up", "follow-up-again", "weigh-offer"}  # weigh-offer: from the offer date
    assert {k for k, v in places.items() if v == "dated"} == dated
    plan = pagedata.plan(guide, lambda target: target)
    assert [s["placement"] for s in plan] == [places[s.id] for s in guide.steps]


def test_page_data_is_inert_html_and_the_prefix_follows_the_site_name():
    guide, _ = check(content())
    guide.ui = {**guide.ui, "tone": '"><script>alert(1)</script>&amp;'}
    data = pagedata.page_data(guide, "Career Centre: Guide", "", str)
    assert data["storage"]["prefix"] == "career-centre-guide"
    assert pagedata.page_data(guide, "X", "my-fork", str)["storage"]["prefix"] == "my-fork"
    html = str(pagedata.element(data))
    assert "<script" not in html and html.count("'") == 2  # the data's attribute, nothing else
    value = re.search(r"data-json='([^']*)'", html).group(1)
    import html as html_lib

    assert json.loads(html_lib.unescape(value))["ui"]["tone"] == guide.ui["tone"]


def test_templates_build_no_json_and_the_planner_page_carries_the_plan():
    templates = read_templates(ROOT / "templates")
    assert "tojson" not in templates["planner.md.j2"] and "namespace(" not in templates["planner.md.j2"]
    guide, _ = check(content())
    pages = _Renderer(guide, templates, Settings()).render()
    assert pages["planner.md"].count('id="ati-page-data"') == 1 and '"plan":' in pages["planner.md"]
    assert pages["messages/appreciation.md"].count('id="ati-page-data"') == 1
    assert "ati-page-data" not in pages["index.md"]


def module_offences(name: str, source: str, guide) -> list[tuple[str, str]]:
    """Return each content id, blank label or interface string a browser module's source holds."""
    words = {b.id for b in guide.blanks} | {b.label for b in guide.blanks}
    words |= {s.id for s in guide.steps} | {m.id for m in guide.messages} | {t.id for t in guide.topics}
    strings = {
        v for k, v in guide.ui.items() if k != "locale" and not k.startswith(pagedata.PAGE_WORDS)
    }  # page words: templates only
    roles = {b.role for b in guide.blanks if b.role}  # the role names are the modules' vocabulary: roles.interview_date
    literals = re.findall(r'"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`', source)
    literals = {a or b for a, b in literals}
    literals -= set(re.findall(r'(?:set|remove|get)Attribute\("([^"]+)"', source))  # HTML attribute names
    found = []
    for word in words:
        if word in literals or (word not in roles and re.search(rf"\.{re.escape(word)}\b", source)):
            found.append((name, word))
    for text in strings:
        if text in literals or (" " in text and text in source):
            found.append((name, text))
    return found


def test_browser_modules_hold_no_content_id_no_blank_label_and_no_interface_string():
    guide, _ = check(content())
    assert len(MODULES) >= 10 and len(guide.blanks) >= 5 and len(guide.ui) >= 20  # nothing vacuous
    for module in MODULES:
        assert module_offences(module.name, module.read_text("utf-8"), guide) == []


def test_the_module_check_finds_each_kind_it_forbids():
    """The check above cannot pass vacuously: a blank id, a label, a step id and an interface string are each found."""
    guide, _ = check(content())
    blank, step = guide.blanks[0], guide.steps[0]
    ui = next(v for k, v in guide.ui.items() if k != "locale" and " " in v)
    samples = [
        (f'const v = values.get("{blank.id}");', blank.id),
        (f"const v = values.{blank.id};", blank.id),
        (f"label.textContent = `{blank.label}`;", blank.label),
        (f'if (id === "{step.id}") show();', step.id),
        (f'button.textContent = "{ui}";', ui),
    ]
    for source, word in samples:
        assert ("x.js", word) in module_offences("x.js", source, guide), source
    clean = 'el.setAttribute("data-blank", key); el.textContent = ui.copy_body; roles.recipient_email;'
    assert module_offences("x.js", clean, guide) == []


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js")
def test_modules_survive_minifying(tmp_path):
    for module in MODULES:
        small = tmp_path / (module.stem + ".mjs")
        small.write_text(minify_js(module.read_text("utf-8")), "utf-8")
        done = subprocess.run(["node", "--check", str(small)], capture_output=True, text=True)
        assert done.returncode == 0, (module.name, done.stderr)
    imports = {m.name for m in MODULES}
    start = (ROOT / "docs" / "assets" / "guide" / "start.js").read_text("utf-8")
    for name in re.findall(r'"\./([\w-]+\.js)"', start):
        assert name in imports
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nmarkdown_extensions:")[0] + "\n") is not None


def test_dates_follow_the_configured_locale_else_the_language_of_ui_yml():
    guide, _ = check(content())
    assert pagedata.page_data(guide, "X", "", str)["dates"] == {"locale": guide.ui["locale"]}
    assert pagedata.page_data(guide, "X", "", str, date_locale="en-US")["dates"] == {"locale": "en-US"}
    guide.ui = {k: v for k, v in guide.ui.items() if k != "locale"}
    assert pagedata.locale_of(guide) == "en-GB"


def test_counts_skip_the_browsers_number_format_only_where_the_language_writes_0_to_9():
    assert [pagedata.latin_digits(tag) for tag in ("en-GB", "de", "de-CH", "sr-Cyrl-RS")] == [True] * 4
    assert [pagedata.latin_digits(tag) for tag in ("ar-EG", "fa", "bn", "mr")] == [False] * 4  # their own digits
    assert [pagedata.latin_digits(tag) for tag in ("", "xx-ZZ", "not a tag")] == [False] * 3  # unknown: Intl decides
    guide, _ = check(content())
    guide.ui = {**guide.ui, "locale": "fa-IR"}
    assert pagedata.page_data(guide, "X", "", str)["numbers"] == {"latinDigits": False}
