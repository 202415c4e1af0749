"""The shipped-content switch: one line in pyproject.toml skips the marked tests, and a marked test that fails names it.

Runs this repository's conftest.py in a throwaway project with one failing shipped-content test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FORK_HINT, ROOT, SWITCH

TESTS = """
import pytest

@pytest.mark.shipped_content
def test_follow_up_waits_five_business_days():
    assert 3 == 5

def test_engine():
    assert True
"""


ENV = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}  # not this run's xdist worker settings


def run_project(tmp_path: Path, switch: str) -> subprocess.CompletedProcess:
    """Run pytest in a small project that uses this repository's conftest.py (and the helpers it imports), with the
    switch set as given."""
    for name in ("conftest.py", "_project_helpers.py"):
        shutil.copy(ROOT / "tests" / name, tmp_path / name)
    (tmp_path / "test_guide.py").write_text(TESTS, "utf-8")
    markers = '["shipped_content: the shipped guide", "browser: browser", "build: build"]'
    (tmp_path / "pyproject.toml").write_text(f"[tool.pytest.ini_options]\n{switch}\nmarkers = {markers}\n", "utf-8")
    plugins = ["-p", "no:playwright", "-p", "no:xdist", "-p", "no:hypothesispytest", "-p", "no:cacheprovider"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", *plugins], capture_output=True, text=True, cwd=tmp_path, env=ENV
    )


@pytest.mark.parametrize("switch", [f"{SWITCH} = true", ""], ids=["switch on", "switch left out"])
def test_a_failing_shipped_content_test_names_the_switch(tmp_path, switch):
    done = run_project(tmp_path, switch)
    assert done.returncode == 1
    assert "1 failed, 1 passed" in done.stdout.splitlines()[-1]
    report = done.stdout[done.stdout.index("test_follow_up_waits_five_business_days _") :]
    assert "- shipped content -" in report and FORK_HINT in report  # in the test's own failure report
    assert f"1 shipped-content test(s) failed. {FORK_HINT}" in done.stdout  # and once under all the failures


def test_the_switch_off_skips_shipped_content_tests_only(tmp_path):
    done = run_project(tmp_path, f"{SWITCH} = false")
    assert done.returncode == 0, done.stdout
    assert "1 passed, 1 skipped" in done.stdout.splitlines()[-1]
    assert f"{SWITCH} = false in pyproject.toml" in done.stdout
