"""A blank's shape (blanks.yml) in the browser: each language's patterns compile in Chromium's JavaScript as Python
compiles them, and match their blank's example there too. Any content, a fork's included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).resolve().parent.parent / "content"
SHAPED = [
    (f"{path.parent.name}/{blank['id']}", blank["shape"]["pattern"], blank["example"])
    for path in sorted(CONTENT.glob("**/blanks.yml"))
    for blank in yaml.safe_load(path.read_text("utf-8"))["blanks"]
    if blank.get("shape")
]


@pytest.mark.skipif(not SHAPED, reason="no blank in content/ has a shape")
def test_every_shape_compiles_in_javascript_and_matches_its_example_there(page):
    results = page.evaluate(
        """shapes => shapes.map(([where, pattern, example]) => {
            try { return [where, new RegExp(pattern, "u").test(example.trim())]; }
            catch (error) { return [where, String(error)]; }
        })""",
        SHAPED,
    )
    assert results == [[where, True] for where, _, _ in SHAPED]
