"""Shared fixtures: a real `mkdocs build --strict` of the repository, served on loopback, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict` of a project into site_dir (optionally for a site_url); return the process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def copy_project(dest: Path) -> Path:
    """Copy the parts of the repository a build needs into dest, as a fork would have them."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "templates", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    return dest


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 in a thread; return (base URL, server)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def _served_site(tmp_path_factory):
    """Build the repository's site once with `mkdocs build --strict` for the address it is then served at.

    site_url must match the serving address (port included) or Material's instant navigation stays off,
    as it would on a published site whose site_url is wrong.
    """
    site = tmp_path_factory.mktemp("site")
    url, server = serve(site)
    done = mkdocs_build(ROOT, site, site_url=url)
    assert done.returncode == 0, done.stderr
    yield site, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_served_site) -> Path:
    """The folder of the built site."""
    return _served_site[0]


@pytest.fixture(scope="session")
def site_url(_served_site) -> str:
    """The built site served on loopback, as a base URL ending in '/'."""
    return _served_site[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (browser downloads are blocked here) with the network-quiet flags."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
