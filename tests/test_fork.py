"""A career centre's fork: branding, scaffolding and a new message added with YAML alone, built and used in Chromium;
and a whole fork of the repository that edits the shipped content and the schema, whose own tests pass once it flips
the shipped-content switch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _project_helpers import plugin_options, set_config
from conftest import ROOT, SWITCH, copy_project, mkdocs_build, serve

pytestmark = pytest.mark.build


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=project)


def test_branding_shows_on_every_page(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "assets" / "crest.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')

    def brand(config):
        config["site_name"] = "Riverside Careers: After the Interview"
        config["theme"]["logo"] = "assets/crest.svg"
        for palette in config["theme"]["palette"]:
            palette["primary"] = "deep purple"  # not the default; teal would be refused (contrast)
        options = plugin_options(config)
        options["organisation"] = "Riverside College <Careers>"
        options["adviser"] = {
            "name": "Jo Amadi",
            "email": "careers@riverside.example",
            "phone": "+44 20 7946 0000",
            "hours": "Weekdays 9 to 5",
        }

    set_config(project, brand)
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    pages = list((tmp_path / "site").rglob("index.html"))
    assert len(pages) > 15
    for page in pages:
        html = page.read_text("utf-8")
        assert "Riverside Careers: After the Interview" in html
        assert "Riverside College &lt;Careers&gt;" in html and "<Careers>" not in html
        assert 'href="mailto:careers@riverside.example"' in html and "Jo Amadi" in html
        assert 'data-md-color-primary="deep-purple"' in html
        assert "crest.svg" in html


def test_bad_branding_stops_the_build_naming_the_line(tmp_path):
    project = copy_project(tmp_path / "p")

    def spoil(config):
        config["theme"]["palette"][0]["primary"] = "indgo"
        config["theme"]["logo"] = "assets/missing.png"
        plugin_options(config)["adviser"] = {"email": "careers@example.org?bcc=x@y.z"}
        plugin_options(config)["date_locale"] = "en_US"
        languages = [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch", "date_locale": "German"}]
        plugin_options(config)["languages"] = languages  # set here: a fork may have one language, or others

    set_config(project, spoil)
    site = tmp_path / "site"
    done = mkdocs_build(project, site)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    lines = (project / "mkdocs.yml").read_text("utf-8").splitlines()
    primary = next(i for i, t in enumerate(lines, 1) if "indgo" in t)
    logo = next(i for i, t in enumerate(lines, 1) if "missing.png" in t)
    email = next(i for i, t in enumerate(lines, 1) if "bcc=" in t)
    assert f"mkdocs.yml:{primary}:" in done.stderr and "theme.palette[0].primary: unknown primary colour" in done.stderr
    assert "did you mean 'indigo'?" in done.stderr
    assert f"mkdocs.yml:{logo}:" in done.stderr and "theme.logo: logo file not found" in done.stderr
    assert f"mkdocs.yml:{email}:" in done.stderr and "adviser.email: adviser email is not valid" in done.stderr
    us = next(i for i, t in enumerate(lines, 1) if "en_US" in t)
    german = next(i for i, t in enumerate(lines, 1) if "German" in t)
    assert f"mkdocs.yml:{us}:" in done.stderr and "write 'en-US' (hyphens, not underscores)" in done.stderr
    assert f"mkdocs.yml:{german}:" in done.stderr and "languages[1].date_locale: not a language tag" in done.stderr
    assert "write the language's tag, 'de', or with a country, such as 'de-DE'" in done.stderr
    assert not site.exists()


def test_new_message_and_step_build_at_once(tmp_path):
    project = copy_project(tmp_path / "p")
    made = run_cli(project, "new", "message", "reference-request")
    assert made.returncode == 0, made.stderr
    made = run_cli(project, "new", "step", "ask-for-references")
    assert made.returncode == 0, made.stderr
    text = (project / "content" / "messages" / "reference-request.yml").read_text("utf-8")
    assert text.count("\n# ") >= 10  # commented
    again = run_cli(project, "new", "message", "reference-request")
    assert again.returncode == 1 and "already exists" in again.stderr
    bad = run_cli(project, "new", "step", "Bad Id")
    assert bad.returncode == 1 and "not a valid id" in bad.stderr
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "messages" / "reference-request" / "index.html").exists()
    assert (tmp_path / "site" / "steps" / "ask-for-references" / "index.html").exists()


NEW_BLANK = """
  - id: reference_name
    label: Referee name
    help: Someone who has agreed to speak for your work.
    example: Dana Whitfield
    input: text
    required: true
"""

NEW_MESSAGE = """# yaml-language-server: $schema=../../docs/schema/message.schema.json
id: reference-offer
order: 20
title: Offering a reference
summary: Tell the employer who can vouch for you, before they ask.
send_when: When they say they are checking references.
step: follow-up
channel: email
length:
  sentences: [3, 4]
include:
  - The referee's name and how they know you.
recipients:
  to: contact
variants:
  - tone: formal
    subject: A reference for the [Role] role
    body: Thank you again for considering me for the [Role] role. [Referee name] has kindly agreed to act as a referee. Please let me know if you need anything else.
  - tone: warm
    subject: My referee for [Company]
    body: In case it helps, [Referee name] is happy to talk about my work. They know it well. Thank you for your time.
"""


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    """A fork with a new blank, a new message and a new site name, built with mkdocs build --strict."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "p")
    blanks = project / "content" / "blanks.yml"
    blanks.write_text(blanks.read_text("utf-8").rstrip("\n") + "\n" + NEW_BLANK, "utf-8")
    (project / "content" / "messages" / "reference-offer.yml").write_text(NEW_MESSAGE, "utf-8")
    set_config(project, lambda c: c.update(site_name="Northside Bootcamp Guide"))
    site = project.parent / "site"
    done = mkdocs_build(project, site)
    assert done.returncode == 0, done.stderr
    return site


def test_fork_new_message_in_navigation_and_search(fork):
    home = (fork / "index.html").read_text("utf-8")
    assert "Northside Bootcamp Guide" in home
    sibling = (fork / "messages" / "appreciation" / "index.html").read_text("utf-8")  # its section's nav (pruned elsewhere)
    assert re.search(r'href="\.\./reference-offer/"[^>]*>\s*<span[^>]*>\s*Offering a reference', sibling)
    index = json.loads((fork / "search" / "search_index.json").read_text("utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("messages/reference-offer/")]
    assert docs and any("agreed to act as a referee" in d["text"] for d in docs)


@pytest.mark.browser
def test_fork_new_blank_is_personalizable_in_chromium(fork, browser):
    url, server = serve(fork)
    try:
        page = browser.new_page()
        page.goto(url + "messages/reference-offer/")
        field = page.get_by_label("Referee name", exact=True)
        field.fill("Dana <b>Whitfield</b>")
        previews = page.locator(".ati-message[data-ati-message='reference-offer'] .ati-card .ati-body")
        assert any("Dana <b>Whitfield</b> has kindly agreed" in t for t in previews.all_text_contents())
        assert page.locator(".ati-message b").count() == 0
        page.close()
    finally:
        server.shutdown()


# A whole fork of the repository (issue 10, "Tests that let forks publish"). It edits the shipped content, so these
# tests are themselves shipped-content tests: a fork skips them along with the rest.

NOT_COPIED = {".git", ".venv", "node_modules", "site", "build", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
NEW_FIELDS = """      audience: {type: enum, values: [recruiter, hiring-manager, anyone], description: "Who the message is written for.", example: recruiter}
      next: {type: ref, to: message, description: "The message to send after this one.", example: inquiry}
"""
DELETED = "declination"  # the message the fork deletes, with every reference to it


def copy_repository(dest: Path) -> Path:
    """Copy the repository's working tree as a fork's clone would hold it (no git data, environments or outputs)."""

    def ignore(folder, names):
        return [n for n in names if n in NOT_COPIED or n.endswith(".egg-info") or n == "test-results"]

    shutil.copytree(ROOT, dest, ignore=ignore)
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")  # the fork's own `npm ci`, without the download
    return dest


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace text that must be there exactly once (the edit a fork's maintainer makes by hand)."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{path.relative_to(path.parents[2])}: expected {old!r} once"
    path.write_text(text.replace(old, new), "utf-8")


def delete_references(path: Path, ref: str) -> None:
    """Remove the lines that refer to an id (`- id` items and `key: id` entries), and any key left with no value."""
    lines = [t for t in path.read_text("utf-8").splitlines() if not re.fullmatch(rf"\s*(- |[\w-]+: ){re.escape(ref)}\s*", t)]
    kept = []
    for i, line in enumerate(lines):
        key = re.fullmatch(r"(\s*)[\w-]+:\s*", line)
        after = lines[i + 1] if i + 1 < len(lines) else ""
        indent = len(after) - len(after.lstrip())
        if key and not (after.strip() and (indent > len(key.group(1)) or after.lstrip().startswith("- "))):
            continue  # an emptied list: drop its key too
        kept.append(line)
    path.write_text("\n".join(kept) + "\n", "utf-8")


def fork_env(fork: Path) -> dict:
    """The environment of a fork's own commands: its generator first, none of this run's pytest(-xdist) settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHONPATH"))}
    return {**env, "PYTHONPATH": str(fork), "NO_MKDOCS_2_WARNING": "1"}


def in_fork(fork: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=fork, env=fork_env(fork))


def set_switch(fork: Path, on: bool) -> None:
    """Set the one line a fork flips in pyproject.toml."""
    path = fork / "pyproject.toml"
    text, found = re.subn(rf"(?m)^{SWITCH} = (true|false)$", f"{SWITCH} = {'true' if on else 'false'}", path.read_text("utf-8"))
    assert found == 1, f"pyproject.toml: expected one line `{SWITCH} = ...`"
    path.write_text(text, "utf-8")


@pytest.fixture(scope="module")
def edited_fork(tmp_path_factory):
    """A fork that shortens a wait, deletes a message and the references to it, and adds two fields to the schema."""
    fork = copy_repository(tmp_path_factory.mktemp("repo") / "fork")
    content = fork / "content"
    follow_up = next((content / "steps").glob("*follow-up.yml"))
    replace_once(follow_up, "after: 5 business days", "after: 3 business days")
    replace_once(follow_up, "5 to 7 working days", "3 to 5 working days")
    for path in content.rglob(f"{DELETED}.yml"):  # the message and its translations (content/de/...)
        path.unlink()
    for path in sorted(content.rglob("*.yml")):
        delete_references(path, DELETED)
    schema = fork / "generator" / "schema.yml"
    anchor = '      related: {type: list, items: {type: ref, to: message}, description: "Other messages worth reading next.", example: [inquiry]}\n'
    replace_once(schema, anchor, anchor + NEW_FIELDS)
    made = in_fork(fork, "-m", "generator", "schema")  # the fork's editors' JSON Schema follows its schema.yml
    assert made.returncode == 0, made.stderr
    checked = in_fork(fork, "-m", "generator", "check")
    assert checked.returncode == 0, checked.stderr
    assert not list(content.rglob(f"{DELETED}.yml")) and DELETED not in "".join(p.read_text() for p in content.rglob("*.yml"))
    return fork


def run_fork_tests(fork: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run the fork's own pytest (this file left out: it would fork again) and time it."""
    start = time.monotonic()
    done = in_fork(fork, "-m", "pytest", "-p", "no:cacheprovider", "--ignore=tests/test_fork.py", *args)
    return done, time.monotonic() - start


@pytest.mark.shipped_content
def test_fork_tests_fail_on_its_timing_edit_and_name_the_switch(edited_fork):
    """Fault 4 of issue 10: the fork's edit fails the shipped-content tests, and each failure says what to do."""
    set_switch(edited_fork, on=True)
    done, _ = run_fork_tests(edited_fork, "-m", "shipped_content and not browser", "-p", "no:playwright", "-q")
    assert done.returncode == 1, done.stdout[-3000:]
    assert "FAILED tests/test_brief.py::test_step_timing_matches_the_brief" in done.stdout
    failed = done.stdout.count("\nFAILED ") + done.stdout.count("\nERROR ")  # a failed setup says it too
    assert done.stdout.count(f"set `{SWITCH} = false`") == failed + 1  # each failure's report, and once at the end


@pytest.mark.shipped_content
def test_fork_tests_pass_with_the_switch_flipped(edited_fork):
    """The fork's suite without a browser (its lint, fast lane, strict build and every page gate that needs no
    browser) passes, and every shipped-content test is reported as skipped, browser ones included."""
    set_switch(edited_fork, on=False)
    ruff = str(Path(sys.executable).with_name("ruff"))
    for lint in ([ruff, "check", "."], [ruff, "format", "--check", "."]):
        done = subprocess.run(lint, capture_output=True, text=True, cwd=edited_fork)
        assert done.returncode == 0, done.stdout + done.stderr
    shipped = in_fork(edited_fork, "-m", "pytest", "--collect-only", "-q", "-m", "shipped_content", "--ignore=tests/test_fork.py")
    count = int(re.search(r"(\d+)/\d+ tests? collected", shipped.stdout).group(1))
    assert count >= 10, shipped.stdout[-2000:]
    done, seconds = run_fork_tests(edited_fork, "-m", "not browser or shipped_content", "-p", "no:playwright")
    print(f"the fork's tests took {seconds:.1f} s")
    assert done.returncode == 0, done.stdout[-5000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert re.search(rf"\b{count} skipped\b", summary) and "failed" not in summary and "error" not in summary, summary
    assert done.stdout.count(f"{SWITCH} = false in pyproject.toml") >= 1
    assert re.search(r"\b(\d{2,}) passed\b", summary), summary
    built = in_fork(edited_fork, "-m", "mkdocs", "build", "--strict", "-d", str(edited_fork / "site"))
    assert built.returncode == 0, built.stderr
    assert not (edited_fork / "site" / "messages" / DELETED).exists()
    follow_up = (edited_fork / "site" / "steps" / "follow-up" / "index.html").read_text("utf-8")
    assert "3 to 5 working days" in follow_up and "5 to 7" not in follow_up


def use_new_fields(fork: Path, audience: str, next_message: str) -> Path:
    """Give one message values for the fork's two new schema fields; return its file."""
    path = fork / "content" / "messages" / "inquiry.yml"
    path.write_text(path.read_text("utf-8") + f"audience: {audience}\nnext: {next_message}\n", "utf-8")
    return path


@pytest.mark.shipped_content
def test_fork_new_schema_fields_are_validated(tmp_path):
    """The fork's new enum and ref fields work when right, and fail with a located error, never a traceback."""
    fork = copy_repository(tmp_path / "fork")
    schema = fork / "generator" / "schema.yml"
    anchor = '      related: {type: list, items: {type: ref, to: message}, description: "Other messages worth reading next.", example: [inquiry]}\n'
    replace_once(schema, anchor, anchor + NEW_FIELDS)
    assert in_fork(fork, "-m", "generator", "schema").returncode == 0
    path = use_new_fields(fork, "recruiter", "acceptance")
    good = in_fork(fork, "-m", "generator", "check")
    assert good.returncode == 0 and "Traceback" not in good.stderr, good.stderr
    built = in_fork(fork, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    path.write_text(path.read_text("utf-8").replace("audience: recruiter\nnext: acceptance\n", ""), "utf-8")
    use_new_fields(fork, "nobody", "no-such-message")
    bad = in_fork(fork, "-m", "generator", "check")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr, bad.stderr
    lines = path.read_text("utf-8").splitlines()
    assert re.search(rf"content/messages/inquiry\.yml:{len(lines) - 1}:\d+: audience: .*nobody", bad.stderr), bad.stderr
    assert re.search(rf"content/messages/inquiry\.yml:{len(lines)}:\d+: next: .*no-such-message", bad.stderr), bad.stderr
