"""Phones: on every page at 320 and 390 px wide, readable text, tappable controls and no sideways scroll.

Measured in real Chromium with the scripts running, on every HTML file of the built site (as the gates list them):
- inputs, textareas and selects at 16 px or more (iOS zooms into smaller ones);
- no visible text under 12 px (help text included), and no help text over a label, legend or field;
- every control 24 x 24 px or more, or spaced as WCAG 2.2's target-size rule allows (a 24 px circle on its centre
  meets no other target); links inside running text are exempt, as in that rule;
- the main actions (.ati-btn: copy, send, add, remove, forget; .md-button) 44 px tall or more;
- no sideways scroll: the page's scrollWidth is at most its clientWidth.
"""

from __future__ import annotations

import pytest
from _gates_helpers import page_paths, wait_until_ready

pytestmark = pytest.mark.browser

MEASURE = r"""() => {
  const visible = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.opacity !== "0"; };
  const shown = e => visible(e) && getComputedStyle(e).pointerEvents !== "none";
  const name = e => (e.id ? "#" + e.id : e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : "")) + " '" + (e.textContent || e.value || "").trim().slice(0, 30) + "'";
  const inline = a => a.tagName === "A" && getComputedStyle(a).display === "inline" && a.parentElement.textContent.trim() !== a.textContent.trim();
  const out = {scroll: [], inputs: [], small: [], targets: [], main: [], covered: []};
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth) out.scroll.push(de.scrollWidth + " > " + de.clientWidth);
  for (const e of document.querySelectorAll("input:not([type=checkbox], [type=radio], [type=hidden]), textarea, select")) {
    if (!shown(e)) continue;
    const f = parseFloat(getComputedStyle(e).fontSize); if (f < 16) out.inputs.push(name(e) + " " + f + "px");
  }
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), seen = new Set();
  for (let n; (n = walk.nextNode());) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el) || !visible(el) || el.closest(".md-search")) continue;
    seen.add(el);
    const f = parseFloat(getComputedStyle(el).fontSize); if (f < 12) out.small.push(name(el) + " " + f + "px");
  }
  // WCAG 2.2 target size (minimum): 24 x 24 px, or a 24 px circle on its centre that meets no other target nor circle.
  const targets = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, label:has(input)")]
    .filter(e => shown(e) && !inline(e)).map(e => ({e, r: e.getBoundingClientRect()}));
  const small = t => t.r.width < 24 || t.r.height < 24;
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const gap = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  for (const t of targets.filter(small)) {
    const c = centre(t.r);
    const crowded = targets.some(o => o !== t && !o.e.contains(t.e) && !t.e.contains(o.e) &&
      (gap(c, o.r) < 12 || (small(o) && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < 24)));
    if (crowded) out.targets.push(name(t.e) + " " + Math.round(t.r.width) + "x" + Math.round(t.r.height));
  }
  for (const e of document.querySelectorAll(".ati-btn, .md-button")) {
    if (!shown(e)) continue;
    const r = e.getBoundingClientRect(); if (r.height < 44) out.main.push(name(e) + " " + Math.round(r.height));
  }
  // Help text never covers a label, legend or field of its form (nor they it).
  const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  for (const h of document.querySelectorAll("form .ati-help, form small")) {
    if (!visible(h)) continue;
    const r = h.getBoundingClientRect(), fields = [...h.closest("form").querySelectorAll("label, legend, input, textarea, select")];
    for (const f of fields.filter(shown)) if (!f.contains(h) && over(r, f.getBoundingClientRect())) out.covered.push(name(h) + " covers " + name(f));
  }
  return out;
}"""


def problems(found: dict) -> list[str]:
    """One line per problem kind and element."""
    return [f"{kind}: {item}" for kind, items in found.items() for item in items]


def phone_report(browser, url: str, pages: list[str], width: int) -> list[str]:
    """The problems MEASURE finds on the given pages at the given width, one line each."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True, reduced_motion="reduce"
    )
    page = context.new_page()
    report = []
    try:
        for path in pages:
            page.goto(url + path, wait_until="domcontentloaded")
            wait_until_ready(page)
            report += [f"/{path} at {width} px: {line}" for line in problems(page.evaluate(MEASURE))]
    finally:
        context.close()
    return report


@pytest.mark.parametrize("width", [320, 390])
def test_every_page_is_readable_and_tappable_on_a_phone(browser, built_site, site_url, width):
    pages = page_paths(built_site)
    report = phone_report(browser, site_url, pages, width)
    assert len(pages) > 10 and "applications/" in pages and "application-print/" in pages
    assert not report, "\n".join(report[:60])


@pytest.mark.shipped_content
@pytest.mark.parametrize("width", [320, 390])
def test_every_german_page_is_readable_and_tappable_on_a_phone(browser, content_site, content_site_url, width):
    """The German site's pages (the fixture has no second language): German words run longer."""
    pages = [p for p in page_paths(content_site) if p.startswith("de/")]
    report = phone_report(browser, content_site_url, pages, width)
    assert len(pages) > 10
    assert not report, "\n".join(report[:60])


@pytest.mark.parametrize("width", [320, 390])
def test_focused_help_covers_no_label(browser, site_url, width):
    """Focusing each field of the form (where help text used to pop up over the next label) covers nothing."""
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "messages/appreciation/", wait_until="domcontentloaded")
        wait_until_ready(page)
        fields = page.locator(".ati-form :is(input, textarea):visible")
        assert fields.count() >= 5
        for i in range(fields.count()):
            fields.nth(i).focus()
            found = page.evaluate(MEASURE)
            assert not found["covered"], found["covered"]
            assert not found["scroll"], found["scroll"]
    finally:
        context.close()


def test_the_measure_sees_a_small_input(browser, site_url):
    """The measure is not blind: a 14 px input, a 10 px note, a tiny button and a wide box are each reported."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="domcontentloaded")
        wait_until_ready(page)
        page.evaluate(
            """() => document.querySelector("article").insertAdjacentHTML("beforeend",
                '<input style="font-size:14px"><p style="font-size:10px">tiny</p>' +
                '<button class="ati-btn" style="min-height:0;height:30px">a</button>' +
                '<button style="width:10px;height:10px;padding:0"></button><button style="width:10px;height:10px;padding:0"></button>' +
                '<div style="width:600px">wide</div>')"""
        )
        found = page.evaluate(MEASURE)
    finally:
        context.close()
    assert found["inputs"] and found["small"] and found["main"] and found["targets"] and found["scroll"], found
