"""Golden cases: YAML files in, the exact error lines out (tests/golden/errors.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core import check
from generator.write import read_tree

GOLDEN = Path(__file__).parent / "golden"
CASES = yaml.safe_load((GOLDEN / "errors.yml").read_text("utf-8"))


def case_files(case: dict) -> dict[str, bytes]:
    """Return the base content with the case's files applied."""
    files = read_tree(GOLDEN / "base", (".yml",))
    for name, text in (case.get("files") or {}).items():
        if text is None:
            files.pop(name, None)
        else:
            data = text.encode("utf-8")
            if "pad_to" in case:
                data = data.ljust(case["pad_to"], b"#")
            files[name] = data
    for name, text in (case.get("latin1") or {}).items():
        files[name] = text.encode("latin-1")
    return files


def test_base_is_valid():
    guide, problems = check(read_tree(GOLDEN / "base", (".yml",)))
    assert guide is not None and problems == []


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_error(case):
    guide, problems = check(case_files(case))
    assert [str(p) for p in problems] == case["expect"]
    has_error = any(p.severity == "error" for p in problems)
    assert (guide is None) == has_error
