"""Accessibility gate: axe-core, injected into Debian's Chromium, finds no violation on any page, light or dark.

Every HTML file of the built site is checked (the list comes from the files, not the nav), with the scripts
running, after Material's document$ and every page script have run. No rule is disabled and no page is skipped.
"""

from __future__ import annotations

import pytest
from _gates_helpers import AXE, npm_tool, page_paths, wait_until_ready

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}

RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


def with_axe(context):
    """Have Playwright inject axe-core into every page the context opens, before the page's own scripts.

    The same injection as page.add_script_tag, done once per context: sending the 550 kB script over the
    DevTools protocol for each page took longer than running axe itself.
    """
    context.add_init_script(path=str(npm_tool(AXE)))
    return context


def axe_violations(page) -> list[dict]:
    """Run axe-core (injected by with_axe) on the page as it is now and return its violations."""
    return page.evaluate(RUN_AXE)


def describe(found: dict[str, list[dict]]) -> str:
    """One line per page and rule, with the first few elements and axe's summary for the first one."""
    lines = []
    for path, violations in found.items():
        for v in violations:
            targets = ", ".join(n["target"] for n in v["nodes"][:4])
            first = " ".join(v["nodes"][0]["summary"].split())[:300]
            lines.append(f"/{path}: {v['id']} ({v['impact']}) x{len(v['nodes'])}: {targets} :: {first}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_axe_finds_no_violation_on_any_page(browser, content_site, content_site_url, scheme):
    context = with_axe(browser.new_context(color_scheme=scheme, reduced_motion="reduce"))
    page = context.new_page()
    found = {}
    try:
        for path in page_paths(content_site):
            page.goto(content_site_url + path, wait_until="domcontentloaded")
            wait_until_ready(page)
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == SCHEMES[scheme], f"/{path}: the {scheme} scheme did not apply (body has {shown!r})"
            violations = axe_violations(page)
            if violations:
                found[path] = violations
    finally:
        context.close()
    count = sum(len(v["nodes"]) for vs in found.values() for v in vs)
    assert not found, f"{scheme}: {count} violation(s) on {len(found)} page(s):\n{describe(found)}"
