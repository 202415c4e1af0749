"""Golden render cases: the base fixture's pages, and template text to HTML, compared with tests/golden/render/.

Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.core import generate
from generator.render import Settings, _Renderer
from generator.write import read_templates, read_tree

GOLDEN = Path(__file__).parent / "golden"
ROOT = GOLDEN.parent.parent
PAGES = ["steps/thank-you.md", "messages/thanks.md", "what-happened.md"]


@pytest.fixture(scope="module")
def result():
    return generate(read_tree(GOLDEN / "base", (".yml",)), read_templates(ROOT / "templates"))


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(result, page):
    expected = GOLDEN / "render" / page
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(result.pages[page], "utf-8")
    assert result.pages[page] == expected.read_text("utf-8")


CASES = yaml.safe_load((GOLDEN / "blanks_html.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_template_text_to_html(result, case):
    renderer = _Renderer(result.guide, {}, Settings())
    assert str(renderer.blanks_html(case["text"])) == case["html"]
