"""The palette contrast check (generator/contrast.py) reads Material's colours as Chromium paints them."""

from __future__ import annotations

import re

import pytest
import yaml

from generator import contrast
from generator.branding import PAINTED, check_branding

COLOURS = [c.replace(" ", "-") for c in PAINTED]
AS_PAINTED = """([scheme, primary]) => {
    document.body.setAttribute("data-md-color-switching", "");  // Material's own switch: colours change at once
    document.body.setAttribute("data-md-color-scheme", scheme);
    document.body.setAttribute("data-md-color-primary", primary);
    let link = document.getElementById("contrast-probe");
    if (!link) {
        link = Object.assign(document.createElement("a"), {id: "contrast-probe", href: "#", textContent: "a link"});
        document.querySelector("article.md-typeset").append(link);  // a plain link in the text, as a page has
    }
    const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
    return {page: style("body", "backgroundColor"), header: style(".md-header", "backgroundColor"),
            headerText: style(".md-header", "color"), link: style("#contrast-probe", "color")};
}"""


def parsed(text: str) -> tuple:
    """rgb(...) or rgba(...) as Chromium writes a computed colour, to a tuple with alpha."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def test_ratios_match_wcag_and_what_axe_reported():
    assert contrast.ratio((0, 0, 0, 1), (255, 255, 255, 1)) == pytest.approx(21)
    assert contrast.ratio((64, 81, 181, 1), (64, 81, 181, 1)) == pytest.approx(1)
    assert contrast.text_contrasts("default", "teal")["header text"] == pytest.approx(3.77, abs=0.01)  # axe: 3.77


def test_the_check_passes_the_shipped_colour_and_names_only_passing_ones():
    assert min(contrast.text_contrasts("default", "indigo").values()) >= contrast.WANTED
    assert min(contrast.text_contrasts("slate", "indigo").values()) >= contrast.WANTED
    failing = [c for c in COLOURS if min(contrast.text_contrasts("default", c).values()) < contrast.WANTED]
    assert "teal" in failing and "indigo" not in failing and len(failing) < len(COLOURS)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_colour_as_chromium_paints_it(page, site_url, scheme):
    """For every primary colour, the header's text, its background, links and the page as Python resolves them from
    Material's stylesheets are the colours Chromium computes on a built page."""
    page.goto(site_url + "messages/appreciation/")
    for primary in COLOURS:
        seen = {k: parsed(v) for k, v in page.evaluate(AS_PAINTED, [scheme, primary]).items()}
        page_colour = contrast.over(seen["page"], (255, 255, 255, 1))
        header = contrast.over(seen["header"], page_colour)
        measured = {
            "header text": contrast.ratio(contrast.over(seen["headerText"], header), header),
            "links": contrast.ratio(contrast.over(seen["link"], page_colour), page_colour),
        }
        expected = contrast.text_contrasts(scheme, primary)
        assert measured == pytest.approx(expected, rel=0.01), (scheme, primary, measured, expected)


def branding_problems(palette: list[dict]) -> list:
    """check_branding's problems for mkdocs.yml with these palettes and nothing else."""
    raw = yaml.safe_dump({"theme": {"name": "material", "palette": palette}}).encode()
    return check_branding(raw, "mkdocs.yml", {"palette": palette}, {}, lambda logo: True)


def test_the_check_warns_per_scheme_and_leaves_a_scheme_of_the_fork_s_own_css_alone():
    light, dark, own = {"scheme": "default", "primary": "teal"}, {"scheme": "slate", "primary": "teal"}, {"scheme": "ours"}
    problems = branding_problems([light, dark, {**own, "primary": "teal"}, {"scheme": "slate", "primary": "lime"}])
    assert [(p.field, p.severity) for p in problems] == [
        ("theme.palette[0].primary", "warning"),
        ("theme.palette[1].primary", "warning"),
    ]
    assert "links" in problems[0].found and "links" not in problems[1].found  # slate's teal links are light enough
    assert "indigo" in problems[0].fix and "teal" not in problems[0].fix
