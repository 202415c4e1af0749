"""`mkdocs serve` picks up an edit to a YAML file or a template without a restart, and does not rebuild forever."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import copy_project

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_yaml_and_template_edits(tmp_path):
    project = copy_project(tmp_path / "p")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/steps/thank-you/"
        assert wait_for(url, "<h1")
        step = next((project / "content" / "steps").glob("01-*.yml"))
        step.write_text(step.read_text("utf-8").replace("title: ", "title: Edited live ", 1), "utf-8")
        assert wait_for(url, "Edited live")
        template = project / "templates" / "step.md.j2"
        template.write_text(template.read_text("utf-8") + "\nTemplate edited live.\n", "utf-8")
        assert wait_for(url, "Template edited live.")
        time.sleep(3)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    builds = log.count("Building documentation")
    assert 3 <= builds <= 5, log  # the first build and one per edit: no endless rebuild loop
