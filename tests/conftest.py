"""Shared fixtures: real `mkdocs build --strict` runs served on loopback, Debian's Chromium, and the test lanes' markers.

Two sites are built, each once per run and shared by every pytest-xdist worker:
- `built_site` / `site_url`: the fixture project tests/fixture/ (a frozen copy of the guide's content, built with
  the repository's templates, overrides and assets). Tests of the engine use it, so a fork's content edits
  cannot break them.
- `content_site` / `content_site_url`: the repository's own mkdocs.yml and content/. The page gates (axe, links,
  html-validate, requests, JavaScript off) use it: they hold for any content, a fork's included.

Tests marked `shipped_content` pin the shipped guide's own facts; `shipped_content_tests = false` under
[tool.pytest.ini_options] in pyproject.toml skips them (the one switch a fork flips), and each one that fails
says so in its report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _project_helpers import CHROMIUM, CHROMIUM_ARGS, FIXTURE, ROOT, copy_project, mkdocs_build, serve
from filelock import FileLock

__all__ = ["FIXTURE", "ROOT", "copy_project", "mkdocs_build", "serve"]  # the shared helpers, for the test modules
SWITCH = "shipped_content_tests"
FORK_HINT = (
    f"In a fork that edits content/, set `{SWITCH} = false` under [tool.pytest.ini_options] in pyproject.toml "
    "to skip the tests of the shipped guide's own facts."
)
# Fixtures that need a real build (marked `build`) or a browser (marked `browser`), so the fast lane leaves them out.
BUILD_FIXTURES = {"built_site", "site_url", "content_site", "content_site_url"}
BROWSER_FIXTURES = {"browser", "context", "page"}


def pytest_addoption(parser):
    parser.addini(SWITCH, type="bool", default=True, help="run the tests marked shipped_content (false in a fork)")


def pytest_collection_modifyitems(config, items):
    """Mark tests by the fixtures they use, and skip the shipped-content tests when the switch is off."""
    skip = pytest.mark.skip(reason=f"{SWITCH} = false in pyproject.toml (a fork's own content)")
    run_shipped = config.getini(SWITCH)
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if not run_shipped and item.get_closest_marker("shipped_content"):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Add the switch to the report of every failed shipped-content test."""
    report = yield
    if report.failed and item.get_closest_marker("shipped_content"):
        report.sections.append(("shipped content", "This test checks the shipped guide's own content. " + FORK_HINT))
    return report


def pytest_terminal_summary(terminalreporter):
    """Repeat the switch once under the failures when a shipped-content test failed."""
    failed = [r for r in terminalreporter.stats.get("failed", []) if "shipped_content" in r.keywords]
    if failed:
        terminalreporter.write_line(f"{len(failed)} shipped-content test(s) failed. {FORK_HINT}", yellow=True)


def shared_folder(tmp_path_factory) -> Path:
    """A folder of this run shared by every pytest-xdist worker (as xdist's docs do), or this session's own folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def served_build(tmp_path_factory, name: str, project: Path) -> tuple[Path, str]:
    """Build a project once per run for the address it is served at, and return (site folder, base URL).

    The first worker to take the lock starts one server for the whole run (tests/_site_server.py, which stops when
    the run does) and builds for its address: site_url must match it, port included, or Material's instant
    navigation stays off, as it would on a published site whose site_url is wrong. The other workers read the
    result, a failed build included, from the shared folder.
    """
    shared = shared_folder(tmp_path_factory)
    record = shared / f"{name}.json"
    with FileLock(str(record) + ".lock"):
        if not record.is_file():
            site = shared / name
            site.mkdir()
            run_pid = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
            server = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "_site_server.py"), str(site), str(run_pid)],
                stdout=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
            )
            url = server.stdout.readline().strip()
            server.stdout.close()
            done = mkdocs_build(project, site, site_url=url)
            built = {"site": str(site), "url": url, "returncode": done.returncode, "stderr": done.stderr}
            record.write_text(json.dumps(built), "utf-8")
    built = json.loads(record.read_text("utf-8"))
    assert built["url"].startswith("http://127.0.0.1:"), f"the server for {name} did not start"
    assert built["returncode"] == 0, f"mkdocs build of {project} failed:\n{built['stderr']}"
    return Path(built["site"]), built["url"]


def served_site(name: str, project: Path, folder_doc: str, url_doc: str):
    """The two session fixtures of one served build (see served_build): its site folder, and its base URL."""

    def folder(tmp_path_factory) -> Path:
        return served_build(tmp_path_factory, name, project)[0]

    def url(tmp_path_factory) -> str:
        return served_build(tmp_path_factory, name, project)[1]

    folder.__doc__, url.__doc__ = folder_doc, url_doc
    return pytest.fixture(scope="session")(folder), pytest.fixture(scope="session")(url)


built_site, site_url = served_site(
    "fixture-site",
    FIXTURE,
    "The folder of the fixture project's built site (tests/fixture/).",
    "The fixture project's site served on loopback, as a base URL ending in '/'.",
)
content_site, content_site_url = served_site(
    "content-site",
    ROOT,
    "The folder of the repository's own site, built from content/ (a fork's content in a fork).",
    "The repository's own site served on loopback, as a base URL ending in '/'.",
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (browser downloads are blocked here) with the network-quiet flags."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
