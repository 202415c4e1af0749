"""The fixture project that the engine's tests build (tests/fixture/) is itself valid content."""

from __future__ import annotations

from conftest import FIXTURE

from generator.core import check
from generator.write import read_tree


def test_fixture_content_checks_without_problems():
    guide, problems = check(read_tree(FIXTURE / "content", (".yml",)))
    assert guide is not None and problems == [], "\n".join(map(str, problems))
