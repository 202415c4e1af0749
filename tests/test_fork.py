"""A career centre's fork: branding, scaffolding and a new message added with YAML alone, built and used in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_project, mkdocs_build, serve

pytestmark = pytest.mark.build


def set_config(project: Path, edit) -> None:
    """Edit mkdocs.yml as text-preserving YAML is not needed: load, change, dump."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text("utf-8"))
    edit(config)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")


def plugin_options(config: dict) -> dict:
    return next(p["after-the-interview"] for p in config["plugins"] if isinstance(p, dict) and "after-the-interview" in p)


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=project)


def test_branding_shows_on_every_page(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "assets" / "crest.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')

    def brand(config):
        config["site_name"] = "Riverside Careers: After the Interview"
        config["theme"]["logo"] = "assets/crest.svg"
        for palette in config["theme"]["palette"]:
            palette["primary"] = "teal"
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
        assert 'data-md-color-primary="teal"' in html
        assert "crest.svg" in html


def test_bad_branding_stops_the_build_naming_the_line(tmp_path):
    project = copy_project(tmp_path / "p")

    def spoil(config):
        config["theme"]["palette"][0]["primary"] = "indgo"
        config["theme"]["logo"] = "assets/missing.png"
        plugin_options(config)["adviser"] = {"email": "careers@example.org?bcc=x@y.z"}

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
variants:
  - id: formal
    label: Formal
    subject: A reference for the [Role] role
    body: |
      Dear [Interviewer name],

      Thank you again for considering me for the [Role] role. [Referee name] has kindly agreed to act as a referee. Please let me know if you need anything else.

      Kind regards,
      [Your name]
  - id: warm
    label: Warm
    subject: My referee for [Company]
    body: |
      Hi [Interviewer name],

      In case it helps, [Referee name] is happy to talk about my work. They know it well. Thank you for your time.

      Best wishes,
      [Your name]
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
