"""No layout shift: enhancement changes nothing already painted, on every page at 320 and 390 px (issue 16).

Two measures in real Chromium, on every HTML file of the built site (as the gates list them):
- the cumulative layout shift (a buffered PerformanceObserver for "layout-shift" entries, shifts after input
  excluded), with the CPU slowed down 4x through CDP (Emulation.setCPUThrottlingRate), until every module has
  started: under 0.02;
- the boxes of the article's blocks (headings, paragraphs, lists, forms, cards) in the first screen as first
  painted, before any module of the page has run (the project's scripts held back), against the same blocks once
  every module has started: nothing already on screen moves, nor changes size above the fold (1 px tolerance).
"""

from __future__ import annotations

import pytest
from _gates_helpers import page_paths, wait_until_ready

pytestmark = pytest.mark.browser

LIMIT = 0.02
OBSERVE = """window.__atiShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__atiShift += e.value; })
  .observe({type: "layout-shift", buffered: true});"""

# The article's top-level blocks that are painted: their position and size (scroll-independent).
BOXES = r"""() => {
  const article = document.querySelector("article.md-content__inner") || document.querySelector("article");
  const out = {};
  if (!article) return out;
  [...article.children].forEach((e, i) => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.height < 1 || s.visibility === "hidden") return;
    out[i + " " + e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\s+/)[0] : "")] =
      [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  });
  return out;
}"""


def cls_of(page, url: str) -> float:
    """The layout shift of one cold load of url until every module of the page has started, plus a settle time."""
    page.goto(url, wait_until="domcontentloaded")
    wait_until_ready(page)
    page.wait_for_timeout(150)
    return page.evaluate("() => window.__atiShift")


def moved(before: dict, after: dict, fold: int = 800) -> list[str]:
    """Blocks on the first screen before the scripts that are gone, moved, or resized above the fold after them."""
    out = []
    for key, box in before.items():
        if box[1] >= fold:
            continue  # never painted: below the first screen
        now = after.get(key)
        compared = 4 if box[1] + box[3] < fold else 3  # a block reaching below the fold may grow or shrink there
        if now is None or any(abs(a - b) > 1 for a, b in zip(box[:compared], now[:compared], strict=True)):
            out.append(f"{key}: {box} -> {now}")
    return out


@pytest.fixture(params=[320, 390], ids=lambda w: f"{w}px")
def phone(request, browser):
    """A phone-sized context with the CPU slowed down 4x and the layout-shift observer installed first."""
    context = browser.new_context(
        viewport={"width": request.param, "height": 800}, is_mobile=True, has_touch=True, reduced_motion="reduce"
    )
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    yield page
    context.close()


def test_no_page_shifts_when_its_scripts_start(phone, built_site, site_url):
    report, pages = [], page_paths(built_site)
    for path in pages:
        shift = cls_of(phone, site_url + path)
        if shift >= LIMIT:
            report.append(f"/{path}: CLS {shift:.3f}")
    assert len(pages) > 10
    assert not report, "\n".join(report)


def test_what_is_painted_first_stays_in_place(phone, built_site, site_url):
    """Boxes with the project's modules held back (what the first paint shows) equal the boxes once they ran."""
    report = []
    for path in page_paths(built_site):
        phone.route("**/assets/guide/*.js", lambda route: route.abort())
        phone.goto(site_url + path, wait_until="load")
        phone.wait_for_timeout(50)
        before = phone.evaluate(BOXES)
        phone.unroute("**/assets/guide/*.js")
        phone.goto(site_url + path, wait_until="domcontentloaded")
        wait_until_ready(phone)
        report += [f"/{path}: {line}" for line in moved(before, phone.evaluate(BOXES))]
    assert not report, "\n".join(report[:60])


def test_the_measures_see_a_shift(phone, site_url):
    """Not blind: a block inserted at the top of the article after first paint is measured, and moves the rest."""
    phone.goto(site_url, wait_until="domcontentloaded")
    wait_until_ready(phone)
    before = phone.evaluate(BOXES)
    phone.evaluate(
        """() => new Promise(done => requestAnimationFrame(() => {
             document.querySelector("article h1").insertAdjacentHTML("afterend", '<div style="height:100px"></div>');
             requestAnimationFrame(() => setTimeout(done, 100)); }))"""
    )
    assert phone.evaluate("() => window.__atiShift") >= LIMIT
    assert moved(before, phone.evaluate(BOXES))
