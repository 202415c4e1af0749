"""Helpers the tests and the benchmarks share: project copies, real builds, a loopback server, a served page's wait.

tests/conftest.py re-exports them for the tests; benchmarks/_common.py imports them (tests/ on its path).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_command(project: Path, site_dir: Path, *extra: str) -> list[str]:
    """The command line of `mkdocs build --strict` of a project into site_dir."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra]


def build_env(site_url: str | None = None) -> dict[str, str]:
    """The environment of a build: SITE_URL set to site_url, or left out so that mkdocs.yml's own address applies."""
    env = {k: v for k, v in ENV.items() if k != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    return env


def mkdocs_build(project: Path, site_dir: Path, *extra: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict` of a project into site_dir (optionally for a site_url); return the process."""
    command = mkdocs_command(project, site_dir, *extra)
    return subprocess.run(command, capture_output=True, text=True, env=build_env(site_url), cwd=project)


def set_config(project: Path, edit) -> None:
    """Edit a project's mkdocs.yml through edit(config) on the loaded YAML (its comments are lost), never by finding
    text in it: a fork's own mkdocs.yml holds other names, colours and options."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text("utf-8"))
    edit(config)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")


def plugin_options(config: dict) -> dict:
    """The after-the-interview plugin's options in a loaded mkdocs.yml."""
    return next(p["after-the-interview"] for p in config["plugins"] if isinstance(p, dict) and "after-the-interview" in p)


def copy_project(dest: Path, content: Path = FIXTURE / "content") -> Path:
    """Copy what a build needs into dest, as a fork would have it: the repository's mkdocs.yml, templates, docs and
    overrides, with the fixture's content (or the given content folder)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "templates", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    shutil.copytree(content, dest / "content")
    return dest


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A static file handler that logs nothing."""

    def log_message(self, *args):
        pass

    def handle(self):
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser left while a file was sent
            super().handle()


def serve(directory: Path, handler: type[http.server.BaseHTTPRequestHandler] = Quiet):
    """Serve a folder on 127.0.0.1 in a thread; return (base URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or '' while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60, every: float = 0.3) -> float | None:
    """Poll the page every `every` seconds until it contains text; return the moment it did (perf_counter), or None
    when it still did not after `seconds`."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        if text in fetch(url):
            return time.perf_counter()
        time.sleep(every)
    return None


def edits_served(project: Path, url: str) -> None:
    """Edit the first step's YAML file, then the step template, in a served copy of the project; assert that the
    step's page at url shows each edit (a server that rebuilds on save)."""
    assert wait_for(url, "<h1")
    step = next((project / "content" / "steps").glob("01-*.yml"))
    step.write_text(step.read_text("utf-8").replace("title: ", "title: Edited live ", 1), "utf-8")
    assert wait_for(url, "Edited live")
    template = project / "templates" / "step.md.j2"
    template.write_text(template.read_text("utf-8") + "\nTemplate edited live.\n", "utf-8")
    assert wait_for(url, "Template edited live.")
