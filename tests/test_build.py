"""End to end: real `mkdocs build --strict` runs of the repository's content and of modified copies of the fixture project.

The checks on the repository's own site hold for any content (a fork's too); the edits that name ids and wording
are made to copies of tests/fixture/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import escape, unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, mkdocs_build

from generator.blanks import parse

CONTENT = ROOT / "content"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def text_of(html: str) -> str:
    """Return the HTML with tags removed and entities decoded, for looking up visible text."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_every_step_and_message_has_its_page(content_site):
    for file in sorted((CONTENT / "steps").glob("*.yml")):
        step = load(file)
        html = page(content_site, f"steps/{step['id']}")
        assert re.search(r"<h1[^>]*>" + re.escape(escape(step["title"])), html)
        for action in step["actions"]:
            assert action in text_of(html)
    for file in sorted((CONTENT / "messages").glob("*.yml")):
        message = load(file)
        html = page(content_site, f"messages/{message['id']}")
        for variant in message["variants"]:
            assert f'data-ati-variant="{variant["tone"]}"' in html
            body = variant["body"]  # the page without JavaScript shows the first wording of each sentence
            body = body if isinstance(body, str) else " ".join(i[0] if isinstance(i, list) else i for i in body)
            literal = [p for p in parse(body) if isinstance(p, str)]
            longest = max(literal, key=len).strip().split("\n")[0]
            assert longest in text_of(html)


def test_home_timeline_lists_steps_in_order_with_timing(content_site):
    html = page(content_site, ".")
    steps = sorted((load(f) for f in (CONTENT / "steps").glob("*.yml")), key=lambda s: s["order"])
    timeline = html[html.index('class="ati-timeline"') : html.index("</ol>", html.index('class="ati-timeline"'))]
    positions = [timeline.index(f"steps/{s['id']}/") for s in steps]
    assert positions == sorted(positions)
    for s in steps:
        assert s["when"]["label"] in timeline


def test_checklist_chooser_customize_pages(content_site):
    checklist = page(content_site, "checklist")
    steps = [load(f) for f in (CONTENT / "steps").glob("*.yml")]
    lists = re.findall(r'<ul class="ati-checklist">(.*?)</ul>', checklist, re.S)
    assert len(lists) == len(steps)
    assert sum(lst.count('type="checkbox"') for lst in lists) == sum(len(s["actions"]) for s in steps)
    chooser = page(content_site, "what-happened")
    for s in load(CONTENT / "situations.yml")["situations"]:
        assert f'id="{s["id"]}"' in chooser
    customize = page(content_site, "customize")
    schema = yaml.safe_load((ROOT / "generator" / "schema.yml").read_text("utf-8"))
    for kind in schema["kinds"].values():
        for name in kind["fields"]:
            assert f"<code>{name}</code>" in customize
    # every kind and type has its own heading and table (not swallowed into the table before it)
    headings = re.findall(r"<h3 id=\"[^\"]+\">([^<]+)", customize)
    assert headings == [n.capitalize() for n in schema["kinds"]] + [
        f"{n.capitalize()} (inside other files)" for n in schema["types"]
    ]
    assert customize.count("<table>") == 3 + len(schema["kinds"]) + len(schema["types"])  # + branding, files, blanks


def test_search_index_and_navigation_cover_every_message(content_site):
    index = json.loads((content_site / "search" / "search_index.json").read_text("utf-8"))
    titles = {d["title"] for d in index["docs"]}
    home = page(content_site, ".")
    for file in (CONTENT / "messages").glob("*.yml"):
        message = load(file)
        assert message["title"] in titles
        assert f"messages/{message['id']}/" in home


def test_no_resource_from_another_origin(content_site):
    """No element that loads something (script, style, image, frame, media) points at another origin."""
    loads = re.compile(r"<(script|img|link|iframe|source|video|audio|embed|object)\b([^>]*)>", re.I)
    for html in content_site.rglob("*.html"):
        text = html.read_text("utf-8")
        for tag, attrs in loads.findall(text):
            if tag == "link" and re.search(r'rel="(canonical|alternate)"', attrs):
                continue  # names the page's address; loads nothing
            url = re.search(r'\b(?:src|href|data)="((?:https?:)?//[^"]+)"', attrs)
            assert url is None, f"{html}: <{tag}> loads {url.group(1)}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


@pytest.mark.build
def test_yaml_text_is_escaped_in_html(tmp_path):
    project = copy_project(tmp_path / "p")
    step_file = next((project / "content" / "steps").glob("01-*.yml"))
    data = step_file.read_text("utf-8")
    data = re.sub(r"^title: .*$", 'title: "<script>alert(1)</script> & *bold*"', data, count=1, flags=re.M)
    data = re.sub(r"^summary: .*?(?=^\w)", 'summary: "<img src=x onerror=alert(2)>"\n', data, count=1, flags=re.M | re.S)
    step_file.write_text(data, "utf-8")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    for html in (tmp_path / "site").rglob("*.html"):
        text = html.read_text("utf-8")
        assert "<script>alert(1)" not in text and "<img src=x" not in text
    step_html = (tmp_path / "site" / "steps" / "thank-you" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*" in step_html
    assert "&lt;img src=x onerror=alert(2)&gt;" in step_html


@pytest.mark.build
def test_failed_build_reports_every_error_and_keeps_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "p")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    (project / "content" / "situations.yml").write_text("question: [unclosed\n", "utf-8")
    message = project / "content" / "messages" / "inquiry.yml"
    message.write_text(message.read_text("utf-8").replace("send_when:", "sendwhen:"), "utf-8")
    done = mkdocs_build(project, site)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert re.search(r"content/situations\.yml:\d+:\d+: \(file\): YAML syntax error", done.stderr)
    assert re.search(r"content/messages/inquiry\.yml:\d+:1: sendwhen: unknown key .*did you mean 'send_when'", done.stderr)
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.build
def test_cli_build_writes_markdown_that_plain_mkdocs_builds(tmp_path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "pages"
    done = run_cli("build", "--out", str(out), cwd=project)
    assert done.returncode == 0, done.stderr
    steps = list((project / "content" / "steps").glob("*.yml"))
    assert len(list((out / "steps").glob("*.md"))) == len(steps)
    # The saved pages build without the plugin: the Markdown stands on its own.
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = ["search"]
    config["docs_dir"] = str(out)
    config["theme"].pop("custom_dir", None)
    config["theme"].pop("static_templates", None)  # the manifest template lives in custom_dir
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    done = mkdocs_build(tmp_path, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "messages" / "appreciation" / "index.html").exists()


@pytest.mark.build
def test_cli_check_exits_nonzero_without_traceback(tmp_path):
    project = copy_project(tmp_path / "p")
    ok = run_cli("check", cwd=project)
    assert ok.returncode == 0 and "OK" in ok.stdout
    blanks = project / "content" / "blanks.yml"
    blanks.write_text(blanks.read_text("utf-8").replace("label: Company", "label: Company\n    colour: blue", 1), "utf-8")
    bad = run_cli("check", cwd=project)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert re.search(r"^content/blanks\.yml:\d+:5: blanks\[\d+\]\.colour: unknown key", bad.stderr, re.M)
