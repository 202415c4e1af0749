"""Check mkdocs.yml: the spelling of every setting we know, and the branding (colours, logo, adviser contact)."""

from __future__ import annotations

import re

from generator import contrast
from generator.errors import ContentErrors, Problem, did_you_mean
from generator.language_tags import LANGUAGE_TAG_EXPECTED, language_tag_problem
from generator.load import Document, load

PRIMARY = [
    "red",
    "pink",
    "purple",
    "deep purple",
    "indigo",
    "blue",
    "light blue",
    "cyan",
    "teal",
    "green",
    "light green",
    "lime",
    "yellow",
    "amber",
    "orange",
    "deep orange",
    "brown",
    "grey",
    "blue grey",
    "black",
    "white",
    "custom",
]
ACCENT = PRIMARY[:16] + ["custom"]
PAINTED = PRIMARY[:-1]  # the colours Material's own stylesheets paint ("custom" is the fork's own CSS)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")
PLUGIN = "after-the-interview"  # the plugin's name in mkdocs.yml
# Material's theme settings (its mkdocs_theme.yml, and those its templates read), which MkDocs does not check.
MATERIAL_THEME = ["name", "custom_dir", "static_templates", "locale", "language", "direction", "features", "palette"]
MATERIAL_THEME += ["font", "icon", "logo", "favicon"]
MATERIAL_PALETTE = ["media", "scheme", "primary", "accent", "toggle"]


def locate(raw: bytes, file: str) -> Document | None:
    """Load mkdocs.yml with positions (MkDocs' own tags read as plain values), or None if it does not parse."""
    try:
        return load(raw, file, tolerant=True)
    except ContentErrors:
        return None


def _colour_fix(value: str, key: str, allowed: list[str]) -> str:
    """Suggest the nearest colour, or point at the list when none is near."""
    nearest = did_you_mean(value, allowed)
    return nearest if nearest.startswith("did you mean") else f"use one of the {key} colours listed"


def check_branding(raw: bytes, file: str, theme: dict, options: dict, logo_exists) -> list[Problem]:
    """Return the problems in the palette colours, the logo, the adviser contact and the date locales."""
    doc = locate(raw, file)
    problems = []

    def add(path: tuple, message: str, **details: str) -> None:
        if doc is not None:
            problems.append(doc.problem(path, message, **details))
        else:
            problems.append(Problem(file, 1, 1, ".".join(map(str, path)), message, **details))

    palettes = theme.get("palette") or []
    palettes = [palettes] if isinstance(palettes, dict) else palettes
    for i, palette in enumerate(palettes):
        where = ("theme", "palette", i) if isinstance(theme.get("palette"), list) else ("theme", "palette")
        for key, allowed in (("primary", PRIMARY), ("accent", ACCENT)):
            value = palette.get(key)
            if value is not None and str(value).lower() not in allowed:
                add(
                    (*where, key),
                    f"unknown {key} colour",
                    expected="one of " + ", ".join(allowed),
                    found=repr(value),
                    fix=_colour_fix(str(value).lower(), key, allowed),
                )
        primary, scheme = str(palette.get("primary") or "").lower(), str(palette.get("scheme") or "default")
        if primary in PAINTED and scheme in ("default", "slate"):  # a scheme of the fork's own CSS is its own
            _check_contrast(add, (*where, "primary"), scheme, primary)
    logo = theme.get("logo")
    if logo and not logo_exists(logo):
        add(
            ("theme", "logo"),
            "logo file not found",
            expected="an image path inside docs/",
            found=repr(logo),
            fix="put the image in docs/assets/ and write its path relative to docs/, such as assets/logo.svg",
        )
    plugin: tuple = ("plugins",)
    if doc is not None and isinstance(doc.data, dict):
        for i, item in enumerate(doc.data.get("plugins") or []):
            if isinstance(item, dict) and PLUGIN in item:
                plugin = ("plugins", i, PLUGIN)
    languages = [(i, item) for i, item in enumerate(options.get("languages") or []) if isinstance(item, dict)]
    locales = [((*plugin, "date_locale"), options.get("date_locale"))]
    locales += [((*plugin, "languages", i, "date_locale"), item.get("date_locale")) for i, item in languages]
    for path, value in locales:
        problem = language_tag_problem(value) if value else None
        if problem:
            add(path, problem[0], expected=LANGUAGE_TAG_EXPECTED, found=repr(value), fix=problem[1])
    plugin_path = (*plugin, "adviser") if len(plugin) > 1 else plugin
    adviser = options.get("adviser") or {}
    for key, pattern, example in (("email", EMAIL, "careers@example.org"), ("phone", PHONE, "+44 20 7946 0000")):
        value = adviser.get(key)
        if value and not pattern.match(value):
            add(
                plugin_path + (key,),
                f"adviser {key} is not valid",
                expected=f"a value such as {example}",
                found=repr(value),
                fix=f"correct plugins: after-the-interview: adviser: {key}",
            )
    return problems


def _check_contrast(add, path: tuple, scheme: str, primary: str) -> None:
    """Warn (which stops a strict build) when Material's text on this primary colour is under 4.5:1."""
    low = contrast.too_low(scheme, primary)
    if low:
        passing = [colour for colour in PAINTED if not contrast.too_low(scheme, colour)]
        add(
            path,
            f"text on this colour is hard to read in the {scheme} scheme",
            severity="warning",
            expected=f"a contrast of at least {contrast.WANTED}:1 for the header text and for links (WCAG AA)",
            found=", ".join(f"{what} {value:.1f}:1" for what, value in low.items()),
            fix="choose one of " + ", ".join(passing),
        )


def _names(config_class) -> list[str]:
    """Return the option names a MkDocs config class accepts."""
    return [name for name, _ in config_class._schema if name != "config_file_path"]


def _unknown(doc: Document, path: tuple, data: object, allowed: list[str], what: str) -> list[Problem]:
    """Report each key of a mapping that is not an allowed name, with the nearest valid one."""
    if not isinstance(data, dict):
        return []
    return [
        doc.problem(
            path + (key,),
            f"unknown {what}",
            at_key=True,
            expected=("one of " + ", ".join(allowed)) if len(allowed) <= 8 else f"a known {what}",
            found=repr(str(key)),
            fix=did_you_mean(str(key), allowed),
        )
        for key in data
        if key not in allowed
    ]


def config_typos(raw: bytes, file: str) -> list[Problem]:
    """Find misspelt names in mkdocs.yml: top-level settings, this plugin's options and the adviser's fields."""
    from mkdocs.config.defaults import MkDocsConfig

    from generator.plugin import AdviserConfig, GuideConfig

    try:
        doc = load(raw, file, tolerant=True)
    except ContentErrors as e:
        return e.problems
    if not isinstance(doc.data, dict):
        return []
    problems = _unknown(doc, (), doc.data, _names(MkDocsConfig) + ["INHERIT"], "MkDocs setting")
    theme = doc.data.get("theme")
    if isinstance(theme, dict) and theme.get("name") == "material":
        problems += _unknown(doc, ("theme",), theme, MATERIAL_THEME, "theme setting")
        palettes = theme.get("palette")
        for i, palette in enumerate(palettes if isinstance(palettes, list) else [palettes]):
            where = ("theme", "palette", i) if isinstance(palettes, list) else ("theme", "palette")
            problems += _unknown(doc, where, palette, MATERIAL_PALETTE, "palette setting")
    names = [next(iter(item), "") if isinstance(item, dict) else str(item) for item in doc.data.get("plugins") or []]
    if isinstance(doc.data.get("plugins"), list) and PLUGIN not in names:
        close = [(i, n) for i, n in enumerate(names) if n and "did you mean" in did_you_mean(PLUGIN, [n])]
        at = ("plugins", close[0][0]) if close else ("plugins",)
        found = repr(close[0][1]) if close else "no such plugin listed"
        fix = f"write '{PLUGIN}'" if close else f"add '- {PLUGIN}' under plugins"
        problems.append(doc.problem(at, f"the '{PLUGIN}' plugin is not listed", expected=repr(PLUGIN), found=found, fix=fix))
    for i, item in enumerate(doc.data.get("plugins") or []):
        if isinstance(item, dict) and isinstance(item.get(PLUGIN), dict):
            options = item[PLUGIN]
            where = ("plugins", i, PLUGIN)
            problems += _unknown(doc, where, options, _names(GuideConfig) + ["enabled"], f"{PLUGIN} option")
            problems += _unknown(doc, where + ("adviser",), options.get("adviser"), _names(AdviserConfig), "adviser field")
    return problems
