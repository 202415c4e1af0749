"""`mkdocs serve` picks up an edit to a YAML file or a template without a restart, and does not rebuild forever."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from _project_helpers import copy_project, edits_served, free_port

pytestmark = pytest.mark.build


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
        edits_served(project, f"http://127.0.0.1:{port}/steps/thank-you/")
        time.sleep(3)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=20)
    builds = log.count("Building documentation")
    assert 3 <= builds <= 5, log  # the first build and one per edit: no endless rebuild loop
