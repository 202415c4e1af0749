"""The forker's table (FORKING.md) cannot pass vacuously: enough rows, each with a file:line and words of a fix."""

from __future__ import annotations

import re

import pytest
from forkers import ROOT, cases

CASES = cases()
LOCATION = re.compile(r"^[^\s:]+:(\d+|\{n\}):(\d+|\{n\}): ")


def test_at_least_the_49_kinds_of_issue_11():
    assert len(CASES) >= 49
    assert len({c["slug"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["slug"] for c in CASES])
def test_every_row_names_a_file_line_and_a_fix(case):
    """test_check_and_build_agree checks `fix` against check's output: an empty one would prove nothing."""
    assert LOCATION.match(case["first"]), case["first"]
    fix = case.get("fix") or case["first"].partition("Fix: ")[2]
    assert len(fix.split()) >= 2, f"{case['slug']}: give the words of the fix (key 'fix')"
    if case.get("fix") and "Fix: " in case["first"]:
        assert case["fix"] in case["first"]


def test_the_readme_fork_steps_name_the_switch_first():
    """Issue 10: the README's fork steps name the shipped-content switch in their first step."""
    readme = (ROOT / "README.md").read_text("utf-8")
    steps = readme.split("## Customize it for your organisation", 1)[1]
    first = re.search(r"^1\. (.*?)(?=^\d+\. )", steps, re.M | re.S).group(1)
    assert "shipped_content_tests = false" in first and "pyproject.toml" in first
