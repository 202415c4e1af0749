"""No-JavaScript gate: with scripts disabled, every page still reads and every template still copies.

"Reads": the page has a visible h1; every block of text in the article is rendered, except what is marked
`hidden` in the markup (the convention for parts that only work with the script: the form, the planner); and no
visible button is left that could only work with a script.
"Copies": each template's subject and body, selected and copied with Ctrl+C, put exactly their text on the clipboard.
"""

from __future__ import annotations

import pytest
from _gates_helpers import page_paths

pytestmark = pytest.mark.browser

UNREADABLE = """() => {
    const article = document.querySelector("article");
    if (!article) return ["no <article>"];
    const blocks = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, pre, blockquote, figcaption, summary, .ati-body";
    const problems = [];
    for (const el of article.querySelectorAll(blocks)) {
        if (!el.textContent.trim() || el.closest("[hidden], template, noscript")) continue;
        const style = getComputedStyle(el);
        if (!el.getClientRects().length || style.visibility !== "visible" || +style.opacity === 0)
            problems.push(`not shown: <${el.localName}> ${el.textContent.trim().slice(0, 60)}`);
    }
    for (const b of article.querySelectorAll("button")) {
        const submits = b.type === "submit" && b.form && b.form.getAttribute("action");
        if (!submits && b.getClientRects().length && !b.closest("[hidden]"))
            problems.push(`a button that needs the script: ${b.textContent.trim().slice(0, 60)}`);
    }
    return problems;
}"""

SELECT = """el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
}"""


@pytest.fixture
def no_js(browser, content_site_url):
    """A context with JavaScript disabled that may read the clipboard."""
    context = browser.new_context(java_script_enabled=False)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=content_site_url.rstrip("/"))
    yield context
    context.close()


def test_every_page_reads_without_javascript(no_js, content_site, content_site_url):
    page = no_js.new_page()
    problems = []
    for path in page_paths(content_site):
        page.goto(content_site_url + path)
        assert page.evaluate("typeof window.document$") == "undefined", "scripts ran: JavaScript is not disabled"
        if not page.locator("article h1").first.is_visible():
            problems.append(f"/{path}: no visible h1")
        if not page.locator("article").inner_text().strip():
            problems.append(f"/{path}: no visible text")
        problems += [f"/{path}: {p}" for p in page.evaluate(UNREADABLE)]
    assert not problems, "\n".join(problems)


def test_every_template_copies_without_javascript(no_js, content_site, content_site_url):
    page = no_js.new_page()
    copied = 0
    problems = []
    for path in page_paths(content_site):
        page.goto(content_site_url + path)
        for part in page.locator("[data-ati-message] [data-ati-subject], [data-ati-message] [data-ati-body]").all():
            if not part.is_visible():
                problems.append(f"/{path}: a template part is not visible: {part.text_content()[:60]}")
                continue
            page.evaluate(SELECT, part.element_handle())
            page.keyboard.press("Control+C")
            got = page.evaluate("navigator.clipboard.readText()")
            want = part.text_content().strip()
            if got.strip() != want:
                problems.append(f"/{path}: copied {got[:80]!r}, expected {want[:80]!r}")
            copied += 1
    assert not problems, "\n".join(problems)
    assert copied >= 10, f"only {copied} template parts found: did the message markup change?"
