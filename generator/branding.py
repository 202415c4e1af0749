"""Check the branding settings in mkdocs.yml: colours, logo and the adviser contact."""

from __future__ import annotations

import re

from generator.errors import ContentErrors, Problem, did_you_mean
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
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")


def _locate(raw: bytes, file: str) -> Document | None:
    """Load mkdocs.yml with positions (MkDocs' own tags read as plain values), or None if it does not parse."""
    try:
        return load(raw, file, tolerant=True)
    except ContentErrors:
        return None


def check_branding(raw: bytes, file: str, theme: dict, options: dict, logo_exists) -> list[Problem]:
    """Return the problems in the palette colours, the logo and the adviser contact."""
    doc = _locate(raw, file)
    problems = []

    def add(path: tuple, message: str, **details: str) -> None:
        if doc is not None:
            problems.append(doc.problem(path, message, **details))
        else:
            problems.append(Problem(file, 1, 1, ".".join(map(str, path)), message, **details))

    palettes = theme.get("palette") or []
    palettes = [palettes] if isinstance(palettes, dict) else palettes
    for i, palette in enumerate(palettes):
        for key, allowed in (("primary", PRIMARY), ("accent", ACCENT)):
            value = palette.get(key)
            if value is not None and str(value).lower() not in allowed:
                path = ("theme", "palette", i, key) if isinstance(theme.get("palette"), list) else ("theme", "palette", key)
                add(
                    path,
                    f"unknown {key} colour",
                    expected="one of " + ", ".join(allowed),
                    found=repr(value),
                    fix=did_you_mean(str(value).lower(), allowed),
                )
    logo = theme.get("logo")
    if logo and not logo_exists(logo):
        add(
            ("theme", "logo"),
            "logo file not found",
            expected="an image path inside docs/",
            found=repr(logo),
            fix="put the image in docs/assets/ and write its path relative to docs/, such as assets/logo.svg",
        )
    plugin_path: tuple = ("plugins",)
    if doc is not None and isinstance(doc.data, dict):
        for i, item in enumerate(doc.data.get("plugins") or []):
            if isinstance(item, dict) and "after-the-interview" in item:
                plugin_path = ("plugins", i, "after-the-interview", "adviser")
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
