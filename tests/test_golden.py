"""Golden error cases: one file per case in tests/golden/errors/, project files in, the exact problem lines out.

Each case holds `name`, `files` (paths from the project root, such as `content/situations.yml`; null deletes a
file; `latin1` files are written as Latin-1 bytes; `pad_to` pads them to a size) and `expect`, the exact lines
`check` reports, in order. The fixture project is tests/golden/base/ as content/. Set UPDATE_GOLDEN=1 to rewrite
every case's `expect` after an intended change, then review the diff.
"""

from __future__ import annotations

import os

import pytest
from _golden_cases import GOLDEN, project_files, read_cases, write_case

from generator.core import check
from generator.write import read_tree

CASES = read_cases()


def run(files: dict[str, bytes]) -> tuple[bool, list[str]]:
    """Check a project's files; return whether a guide was built and every problem line."""
    outside = sorted(name for name in files if not name.startswith("content/"))
    assert not outside, f"these cases need the project adapter to check {outside}"
    guide, problems = check({name.removeprefix("content/"): data for name, data in files.items()})
    has_error = any(p.severity == "error" for p in problems)
    assert (guide is None) == has_error
    return guide is not None, [str(p) for p in problems]


def test_base_is_valid():
    guide, problems = check(read_tree(GOLDEN / "base", (".yml",)))
    assert guide is not None and problems == []


def test_case_names_are_unique():
    names = [case["name"] for _, case in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("path", "case"), CASES, ids=[path.stem for path, _ in CASES])
def test_golden_error(path, case):
    _, lines = run(project_files(case))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        write_case(path, {**case, "expect": lines})
    assert lines == case["expect"]
