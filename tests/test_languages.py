"""Languages: one complete site per language, a switcher to each page's twin, German search, untranslated pages listed."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import quote

import pytest
import yaml
from _personalize_helpers import open_form
from forkers import make_project
from playwright.sync_api import expect

from generator import languages as langs
from generator.errors import Problem

pytestmark = pytest.mark.shipped_content  # the shipped guide's languages: English and German

PAGES = ["", "steps/thank-you/", "steps/outcome/", "messages/appreciation/", "planner/", "what-happened/"]


def test_ui_keys_missing_and_extra_are_errors_with_their_place():
    base = b"locale: en-GB\ntone_legend: Tone\ncopy_text: Copy text\n"
    local = b"locale: de-DE\ncopy_text: Text kopieren\nfarbe: Farbe\n"
    found = langs.ui_key_problems(base, local, "content/ui.yml", "content/de/ui.yml")
    assert [str(p) for p in found] == [
        "content/de/ui.yml:1:1: tone_legend: interface key missing (expected the key 'tone_legend' (as in "
        "content/ui.yml:2)). Fix: add 'tone_legend:' translated from content/ui.yml",
        "content/de/ui.yml:3:1: farbe: extra interface key (found a key the default language does not have). "
        "Fix: remove it, or add it to content/ui.yml first",
    ]
    assert all(isinstance(p, Problem) for p in found)


def test_overlay_keeps_untranslated_files_and_lists_them():
    every = langs.from_options([{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}])
    files = {"ui.yml": b"en", "steps/a.yml": b"id: a", "steps/b.yml": b"id: b", "de/ui.yml": b"de", "de/steps/a.yml": b"x"}
    assert langs.overlay(files, every[1], every) == {"ui.yml": b"de", "steps/a.yml": b"x", "steps/b.yml": b"id: b"}
    assert langs.overlay(files, every[0], every) == {"ui.yml": b"en", "steps/a.yml": b"id: a", "steps/b.yml": b"id: b"}
    assert langs.untranslated(files, every[1], every) == ["steps/b.yml"]
    assert langs.alternates(every, every[1], "/guide/") == [
        {"name": "English", "lang": "en", "link": "../", "path": "/guide/"},
        {"name": "Deutsch", "lang": "de", "link": "../de/", "path": "/guide/de/"},
    ]


def test_an_untranslated_message_fits_the_language_it_falls_back_in():
    """Its blanks take the language's labels; blanks and tones the language lacks come from the default language,
    added after the language's own lines (so errors in them keep their line numbers)."""
    every = langs.from_options([{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}])
    files = {
        "blanks.yml": b"blanks:\n  - {id: role, label: Role}\n  - {id: referee, label: Referee name}\n",
        "de/blanks.yml": b"blanks:\n  - {id: role, label: Stelle}\n",
        "tones.yml": b"tones:\n  - {id: formal, label: Formal}\n  - {id: warm, label: Warm}\n",
        "de/tones.yml": b"tones:\n  - {id: sie, label: Sie}\n",
        "messages/offer.yml": b"variants:\n  - tone: warm\n    body: '[Referee name] knows my work as [Role].'\n",
    }
    fitted = langs.fit_fallbacks(files, langs.overlay(files, every[1], every), every[1], every)
    assert fitted["messages/offer.yml"] == b"variants:\n  - tone: warm\n    body: '[Referee name] knows my work as [Stelle].'\n"
    assert yaml.safe_load(fitted["blanks.yml"])["blanks"] == [
        {"id": "role", "label": "Stelle"},
        {"id": "referee", "label": "Referee name"},
    ]
    assert fitted["blanks.yml"].startswith(files["de/blanks.yml"])
    assert [t["id"] for t in yaml.safe_load(fitted["tones.yml"])["tones"]] == ["sie", "warm"]
    assert (
        langs.fit_fallbacks(files, langs.overlay(files, every[0], every), every[0], every)["messages/offer.yml"]
        == (files["messages/offer.yml"])
    )


@pytest.mark.build
def test_an_english_only_message_passes_the_check_of_every_language(tmp_path):
    """A fork adds a message in English alone: the German site shows it in English, and nothing turns red."""
    case = {"slug": "english-only", "kind": "project", "shipped": True, "files": {"content/de/messages/withdrawal.yml": None}}
    project = make_project(case, tmp_path / "p")
    done = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True, text=True, cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "content/de/messages/withdrawal.yml:1:1: not translated into Deutsch" in done.stdout


@pytest.mark.build
def test_check_lists_untranslated_pages(tmp_path):
    """`check` names each file a language lacks; removing a translation adds it to the list, and the check passes."""
    case = {"slug": "untranslated", "kind": "project", "shipped": True, "files": {"content/de/steps/08-outcome.yml": None}}
    project = make_project(case, tmp_path / "p")
    done = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True, text=True, cwd=project)
    assert done.returncode == 0, done.stderr
    assert (
        "content/de/steps/08-outcome.yml:1:1: not translated into Deutsch: the page falls back to the default "
        "language with a note. Fix: copy content/steps/08-outcome.yml to content/de/steps/08-outcome.yml and translate it"
    ) in done.stdout.splitlines()


@pytest.mark.build
def test_each_language_is_a_complete_site_with_its_language(content_site):
    for page in PAGES:
        english = (content_site / page / "index.html").read_text("utf-8")
        german = (content_site / "de" / page / "index.html").read_text("utf-8")
        assert '<html lang="en"' in english and '<html lang="de"' in german, page
    index = (content_site / "de" / "search" / "search_index.json").read_text("utf-8")
    assert '"lang":["de"]' in index.replace(" ", "")


@pytest.mark.build
def test_an_untranslated_page_says_so(tmp_path):
    """A language lacking a file shows the default language's page with the note; its own pages carry none."""
    case = {"slug": "untranslated", "kind": "project", "shipped": True, "files": {"content/de/topics/channel.yml": None}}
    project = make_project(case, tmp_path / "p")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], capture_output=True, text=True, cwd=project
    )
    assert done.returncode == 0, done.stderr
    german = (project / "site" / "de" / "advice" / "channel" / "index.html").read_text("utf-8")
    assert 'class="ati-untranslated"' in german and "noch nicht übersetzt" in german
    translated = (project / "site" / "de" / "advice" / "tone" / "index.html").read_text("utf-8")
    assert "ati-untranslated" not in translated


def test_check_lists_no_untranslated_page_of_the_shipped_guide():
    done = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "not translated" not in done.stdout + done.stderr


PAGE_WORDS_EN = ["When:", "When to send:", "Also searched as", "The journey at a glance", "Pick the situation", "Why it matters"]
PAGE_WORDS_EN += ["Printable checklist", "The template", "Your details for the templates", "e.g. ", "Choose another situation"]
PAGE_WORDS_EN += [
    "What to do today",
    "Keep your data",
    "Export a backup",
    "Import a backup",
    "Backup file",
    "Print every message",
]
PAGE_WORDS_EN += ["This page needs JavaScript", ">Application<", "Your applications"]


@pytest.mark.build
def test_no_german_page_falls_back_or_shows_the_english_page_words(content_site):
    pages = sorted(p for p in (content_site / "de").rglob("index.html") if "search" not in p.parts)
    assert len(pages) >= 20
    for file in pages:
        html = file.read_text("utf-8")
        assert "ati-untranslated" not in html, file
        assert not [w for w in PAGE_WORDS_EN if w in html], (file, [w for w in PAGE_WORDS_EN if w in html])


@pytest.mark.build
def test_the_theme_speaks_each_language_too(content_site):
    """Description, copyright, dark/light switches, footer credit, heading links and 404: German on /de/ only."""
    english, german = (content_site / "index.html").read_text("utf-8"), (content_site / "de" / "index.html").read_text("utf-8")
    for words in ('title="Switch to dark mode"', "Made with", "What to do once a job interview is over", "Guide text CC BY"):
        assert words in english and words not in german, words
    for words in ('title="Zum dunklen Design wechseln"', 'title="Zum hellen Design wechseln"', "Erstellt mit"):
        assert words in german, words
    assert '<meta name="description" content="Was nach einem Vorstellungsgespräch zu tun ist' in german
    step = (content_site / "de" / "steps" / "thank-you" / "index.html").read_text("utf-8")
    assert 'title="Link zu diesem Abschnitt"' in step and "Permanent link" not in step
    assert "<h1>404 – Seite nicht gefunden" in (content_site / "de" / "404.html").read_text("utf-8")
    assert "<h1>404 - Not found" in (content_site / "404.html").read_text("utf-8")


def test_localize_renames_an_added_languages_theme_words_in_a_plain_config():
    de = langs.from_options([{"code": "en"}, {"code": "de", "site_description": "Beschreibung", "copyright": "Text"}])[1]
    toggle = {"scheme": "default", "toggle": {"icon": "x", "name": "Switch to dark mode"}}
    config = {
        "site_description": "About",
        "theme": {"palette": [toggle, {"scheme": "slate", "toggle": {"name": "Switch to light mode"}}]},
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}],
    }
    words = {"page_theme_to_dark": "Dunkel", "page_theme_to_light": "Hell", "page_theme_permalink": "Link"}
    langs.localize(config, de, words)
    assert [o["toggle"]["name"] for o in config["theme"]["palette"]] == ["Dunkel", "Hell"]
    assert config["site_description"] == "Beschreibung" and config["copyright"] == "Text"
    assert config["markdown_extensions"] == ["tables", {"toc": {"permalink": True, "permalink_title": "Link"}}]
    assert toggle["toggle"]["name"] == "Switch to dark mode"  # the configuration read from mkdocs.yml is left alone
    english = {"site_description": "About", "theme": {}}
    langs.localize(english, langs.from_options([{"code": "en"}])[0], words)
    assert english == {"site_description": "About", "theme": {}}


@pytest.mark.build
def test_the_german_customize_page_is_german_and_links_to_the_generated_field_reference(content_site):
    html = (content_site / "de" / "customize" / "index.html").read_text("utf-8")
    assert "Diesen Leitfaden anpassen" in html and "Eine Sprache hinzufügen" in html and "Abwechselnde Formulierungen" in html
    assert "<code>[Gesprächsthema]</code>" in html  # the blank table comes from content/de/blanks.yml
    assert 'href="../../customize/#field-reference"' in html
    assert "Make your own copy" not in html and "Field reference" not in html


@pytest.mark.browser
def test_the_switcher_leads_to_the_twin_page_and_back(page, content_site, content_site_url):
    every = sorted(str(p.parent.relative_to(content_site)) + "/" for p in content_site.rglob("index.html"))
    every = ["" if p == "./" else p for p in every if not p.startswith(("de/", "search/"))]
    assert len(every) >= 20 and set(PAGES) <= set(every)
    for path in every:
        page.goto(content_site_url + path)
        page.locator('a.md-select__link[hreflang="de"]').first.evaluate("a => a.click()")
        page.wait_for_url(content_site_url + "de/" + path)
        assert page.locator("html").get_attribute("lang") == "de"
        page.locator('a.md-select__link[hreflang="en"]').first.evaluate("a => a.click()")
        page.wait_for_url(content_site_url + path)
        assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.browser
def test_german_search_finds_the_rejection_page(page, content_site_url):
    page.goto(content_site_url + "de/?q=" + quote("Absage"), wait_until="domcontentloaded")
    page.wait_for_function(
        """() => /ergebnis|treffer|match/i.test(document.querySelector(".md-search-result__meta")?.textContent || "")"""
    )
    hrefs = page.evaluate("""() => [...document.querySelectorAll(".md-search-result__item > a")].map(a => a.href)""")
    assert any(h.split("#")[0].split("?")[0].endswith("de/steps/outcome/") for h in hrefs[:3]), hrefs


@pytest.mark.browser
def test_one_store_for_both_languages(page, content_site_url):
    """An application typed in English shows in German: the storage keys are the same in every language."""
    page.goto(content_site_url + "messages/appreciation/")
    open_form(page)
    page.fill("#ati-company", "Fabrikam")
    page.goto(content_site_url + "de/messages/appreciation/")
    open_form(page)
    expect(page.locator("#ati-company")).to_have_value("Fabrikam")


ENGLISH = ["Copy", "Subject", "Remember", "Forget", "blank", "Interviewer", "Tone", "Formal", "Warm", "Download", "e.g."]
ENGLISH += ["When to send", "Also searched", "Your details", "Open in", "characters", "sentences", "Tuesday", "March"]


@pytest.mark.browser
def test_a_personalized_german_thank_you_is_german_in_both_tones(page, content_site_url):
    """No English interface word, German dates through Intl (de-DE from the German ui.yml), a Sie tone and a du tone."""
    page.goto(content_site_url + "de/messages/appreciation/")
    open_form(page)
    page.fill("#ati-your_name-given", "Jonas")
    page.fill("#ati-your_name-family", "Weber")
    for field, value in {"company": "Nordwind", "role": "Analyst", "interview_date": "2026-03-03"}.items():
        page.fill(f"#ati-{field}", value)
    page.fill("#ati-i0-interviewer_name-given", "Anna")
    page.fill("#ati-i0-interviewer_name-family", "Berg")
    page.select_option("#ati-i0-interviewer_name-address", "frau")
    page.fill("#ati-i0-topic", "den Aufbau der Monatsberichte")
    card = page.locator(".ati-message")
    expect(card).to_contain_text("Sehr geehrte Frau Berg,")
    expect(card).to_contain_text("3. März")  # as a person writes it: no weekday, the year only if not this one
    expect(card).to_contain_text("Mit freundlichen Grüßen\nJonas Weber")
    text = page.inner_text(".md-main")
    assert not [w for w in ENGLISH if w in text], [w for w in ENGLISH if w in text]
    page.get_by_role("radio", name="Persönlich (du)").check()
    expect(card).to_contain_text("Hallo Anna,")
    assert not [w for w in ENGLISH if w in page.inner_text(".md-main")]


@pytest.mark.browser
def test_the_german_planner_writes_its_dates_in_german(page, content_site_url):
    """The planner's dates through Intl with the page's language: German weekday and month names."""
    page.clock.set_fixed_time("2026-03-01T10:00:00Z")
    page.goto(content_site_url + "de/planner/")
    page.fill("#ati-plan-date", "2026-03-03")
    page.locator("#ati-plan-date").dispatch_event("change")
    plan = page.locator(".ati-plan__list")
    expect(plan).to_contain_text("Dienstag, 3. März")
    text = plan.inner_text()
    assert any(day in text for day in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")), text
    assert not [w for w in ("March", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday") if w in text], text
