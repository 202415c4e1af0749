"""The project adapter: `check` and a real strict build agree on every bad input, and a failed build keeps site/."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build
from forkers import TABLE, cases, first_line_pattern, make_project, updated

CASES = cases()
pytestmark = pytest.mark.build  # real builds and subprocesses: the build lane


def run_cli(project: Path, *args: str, python: str = sys.executable) -> subprocess.CompletedProcess:
    return subprocess.run([python, "-m", "generator", *args], capture_output=True, text=True, cwd=project)


def snapshot(folder: Path) -> dict[str, str]:
    """Hash every file under a folder, to show it byte-identical later."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    """A site built once from the unmodified project: what each failing build must leave as it was."""
    base = tmp_path_factory.mktemp("previous")
    project = copy_project(base / "p")
    done = mkdocs_build(project, base / "site")
    assert done.returncode == 0, done.stderr
    return base / "site"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.shipped_content) if c.get("shipped") else c for c in CASES],
    ids=[c["slug"] for c in CASES],
)
def test_check_and_build_agree(case, tmp_path, previous_site):
    """Both fail; check's first line names the file:line and the fix; the build says the same; site/ is unchanged."""
    project = make_project(case, tmp_path / "p")
    checked = run_cli(project, "check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    first = checked.stderr.splitlines()[0]
    assert first_line_pattern(case).match(first), first
    assert case.get("fix", "") in first
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    before = snapshot(site)
    built = mkdocs_build(project, site)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert case.get("build_says", first) in built.stderr
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "site"]  # no staging folder left behind


def test_forkers_table_is_up_to_date():
    text = TABLE.read_text("utf-8")
    assert text == updated(text), "FORKING.md's table is out of date: run .venv/bin/python tests/forkers.py"
    assert len(CASES) >= 49


def test_warning_after_the_plugin_keeps_the_previous_site(tmp_path, previous_site):
    """A strict build that MkDocs itself stops at the end (a broken link in a hand-written page) keeps site/."""
    project = copy_project(tmp_path / "p")
    (project / "docs" / "extra.md").write_text("# Extra\n\n[broken](nowhere.md)\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nnot_in_nav: |\n  /extra.md\n", "utf-8")
    assert run_cli(project, "check").returncode == 0  # MkDocs finds the broken link only while it builds
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    before = snapshot(site)
    built = mkdocs_build(project, site)
    assert built.returncode != 0 and "nowhere.md" in built.stderr
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "site"]


def test_successful_build_replaces_the_site(tmp_path, previous_site):
    project = copy_project(tmp_path / "p")
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    (site / "stale.html").write_text("old", "utf-8")
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "site"]


def test_linked_system_file_is_neither_read_nor_quoted(tmp_path):
    project = copy_project(tmp_path / "p")
    secret = tmp_path / "secret.yml"
    secret.write_text("id: [do-not-quote-me\n", "utf-8")
    (project / "content" / "topics" / "secret.yml").symlink_to(secret)
    checked = run_cli(project, "check")
    assert checked.returncode == 1
    assert "content/topics/secret.yml:1:1: (file): symbolic link refused" in checked.stderr
    assert "do-not-quote-me" not in checked.stderr


HOOK = '''"""Render each page's Markdown through Jinja2, as mkdocs-macros does."""
import jinja2


def on_page_markdown(markdown, page, config, files):
    return jinja2.Environment().from_string(markdown).render()
'''


def test_braces_from_yaml_survive_a_later_template_engine(tmp_path):
    """`{{ 7*7 }}` and `{% if %}` in YAML are shown literally even when a macros-like hook renders every page.

    Only prose fields get them: in a template (subject, body) braces are optional parts since issue 12."""
    project = copy_project(tmp_path / "p")
    message = project / "content" / "messages" / "inquiry.yml"
    text = re.sub(
        r"^send_when: .*$",
        'send_when: "Send {{ 7*7 }} days later {% if %} at 100%"',
        message.read_text("utf-8"),
        count=1,
        flags=re.M,
    )
    message.write_text(text, "utf-8")
    blanks = project / "content" / "blanks.yml"
    blanks.write_text(
        re.sub(r"^(    help: )(.*)$", r'\1"{% if %} {{ 7*7 }} \2"', blanks.read_text("utf-8"), count=1, flags=re.M), "utf-8"
    )
    (project / "macros_hook.py").write_text(HOOK, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - macros_hook.py\n", "utf-8")
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site" / "messages" / "inquiry" / "index.html").read_text("utf-8")
    shown = unescape(html)  # what the browser displays
    assert "Send {{ 7*7 }} days later {% if %} at 100%" in shown
    assert "{% if %} {{ 7*7 }} " in shown  # the first blank's help
    assert "49" not in re.sub(r"<[^>]+>", "", shown)


@pytest.mark.parametrize("content", ["fixture", "content"])
def test_new_message_and_step_through_dev(tmp_path, content):
    """On the fixture and on the repository's own content/, with its second language (a fork's, in a fork): a
    blind audit found `./dev new` refusing the shipped guide, its German files "in an unexpected place"."""
    project = copy_project(tmp_path / "p", **({"content": ROOT / "content"} if content == "content" else {}))
    shutil.copy2(ROOT / "dev", project / "dev")
    (project / "pyproject.toml").write_text("", "utf-8")
    os.utime(project / "pyproject.toml", (0, 0))  # older than the install stamps: ./dev installs nothing
    os.symlink(Path(sys.prefix), project / ".venv")  # the environment running the tests
    for kind, id in (("message", "scaffolded-note"), ("step", "scaffolded-step")):
        made = subprocess.run(["./dev", "new", kind, id], capture_output=True, text=True, cwd=project)
        assert made.returncode == 0, made.stderr
        assert "./dev check" in made.stdout
    assert run_cli(project, "check").returncode == 0


def test_outside_the_virtual_environment_a_hint_not_a_traceback(tmp_path):
    python = shutil.which("python3", path="/usr/bin:/bin")
    probe = subprocess.run([python, "-c", "import mkdocs"], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("the system Python has mkdocs installed")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [python, "-m", "generator", "new", "message", "x"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().endswith(
        "run ./dev check, or .venv/bin/python -m generator ... (the generator needs the project's virtual environment)"
    )
    assert len(done.stderr.strip().splitlines()) == 1
