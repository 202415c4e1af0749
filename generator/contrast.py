"""Text contrast of a Material palette colour, read from the installed theme's own stylesheets (WCAG 2 ratios)."""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

WANTED = 4.5  # WCAG AA for normal text, what the accessibility gate checks
RULE = re.compile(r"([^{};]+)\{([^{}]*)\}")
COLOUR = re.compile(r"#([0-9a-f]{3,8})\b|hsla?\(([^)]*)\)|rgba?\(([^)]*)\)", re.I)
VAR = re.compile(r"var\((--[\w-]+)\)")


@functools.cache
def material_rules() -> tuple[tuple[tuple[str, ...], dict[str, str]], ...] | None:
    """Every rule of Material's main and palette stylesheets as (selectors, custom properties), or None without it."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "assets" / "stylesheets"
    files = sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))
    if len(files) != 2:
        return None
    rules = []
    for file in files:
        for selectors, body in RULE.findall(file.read_text(encoding="utf-8")):
            pairs = [d.split(":", 1) for d in body.split(";") if d.strip().startswith("--")]
            if pairs:
                rules.append((tuple(s.strip() for s in selectors.split(",")), {k.strip(): v.strip() for k, v in pairs}))
    return tuple(rules)


def _specificity(selector: str, scheme: str, primary: str) -> int | None:
    """How many attributes a selector of a page's root needs, or None when it does not apply to this palette."""
    bare = re.sub(r"^(html|:root)\s*", "", selector) or ":root"
    parts = re.findall(r":not\(\[data-md-color-(\w+)=([\w-]+)\]\)|\[data-md-color-(\w+)=([\w-]+)\]|(:root)", bare)
    if not parts or re.sub(r":not\(\[[^]]*\]\)|\[[^]]*\]|:root", "", bare):
        return None  # a rule for elements inside the page, not for the page's own variables
    have = {"scheme": scheme, "primary": primary}
    for not_key, not_value, key, value, _root in parts:
        if (not_key and have.get(not_key) == not_value) or (key and have.get(key) != value):
            return None
    return sum(1 for part in parts if not part[4])


def variable(name: str, scheme: str, primary: str) -> str | None:
    """The value a custom property has on a page of that scheme and primary colour (the cascade's winner)."""
    rules = material_rules() or ()
    found = []
    for order, (selectors, declared) in enumerate(rules):
        if name in declared:
            weights = [w for w in (_specificity(s, scheme, primary) for s in selectors) if w is not None]
            if weights:
                found.append((max(weights), order, declared[name]))
    return max(found)[2] if found else None


def rgba(text: str, scheme: str, primary: str, depth: int = 0) -> tuple[float, float, float, float]:
    """A colour value as red, green, blue (0-255) and alpha, with its var() resolved in the same palette."""
    text = VAR.sub(lambda m: variable(m.group(1), scheme, primary) or "", text) if depth < 8 else text
    if "var(" in text:
        return rgba(text, scheme, primary, depth + 1)
    match = COLOUR.search(text)
    if match is None:
        raise ValueError(f"not a colour: {text!r}")
    hexa, hsl, rgb = match.groups()
    if hexa:
        digits = "".join(c * 2 for c in hexa) if len(hexa) in (3, 4) else hexa
        values = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        return (*values[:3], values[3] / 255 if len(values) == 4 else 1.0)
    numbers = [float(re.sub(r"[^\d.]", "", part)) for part in (hsl or rgb).split(",")]
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    if rgb:
        return (*numbers[:3], alpha)
    hue, saturation, lightness = numbers[0], numbers[1] / 100, numbers[2] / 100
    chroma = (1 - abs(2 * lightness - 1)) * saturation

    def channel(n: int) -> float:
        k = (n + hue / 30) % 12
        return 255 * (lightness - chroma / 2 * max(-1, min(k - 3, 9 - k, 1)))

    return (channel(0), channel(8), channel(4), alpha)


def over(top: tuple, below: tuple) -> tuple[float, float, float, float]:
    """A colour painted over an opaque one."""
    a = top[3]
    return (*(top[i] * a + below[i] * (1 - a) for i in range(3)), 1.0)


def ratio(one: tuple, other: tuple) -> float:
    """The WCAG contrast ratio of two opaque colours."""

    def luminance(colour: tuple) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_contrasts(scheme: str, primary: str) -> dict[str, float] | None:
    """The contrast of the header's text on its colour and of links on the page, or None without Material's CSS."""
    if material_rules() is None:
        return None

    def colour(name: str) -> tuple:
        return rgba(f"var({name})", scheme, primary)

    page = over(colour("--md-default-bg-color"), (255, 255, 255, 1.0))
    header = over(colour("--md-primary-fg-color"), page)
    return {
        "header text": ratio(over(colour("--md-primary-bg-color"), header), header),
        "links": ratio(over(colour("--md-typeset-a-color"), page), page),
    }


def too_low(scheme: str, colour: str) -> dict[str, float]:
    """The contrasts under 4.5:1 of a primary colour as mkdocs.yml names it ("deep purple"); none without Material."""
    measured = text_contrasts(scheme, colour.replace(" ", "-")) or {}
    return {what: value for what, value in measured.items() if value < WANTED}
