"""Language tags (BCP 47) as a fork writes them: in ui.yml's `locale` and mkdocs.yml's `date_locale`."""

from __future__ import annotations

import re

# A well-formed language tag (BCP 47): language, then script, region, variants, extensions and a private part.
LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(-[0-9A-WYZa-wyz](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?$"
)

LANGUAGE_TAG_EXPECTED = "a language tag (BCP 47) of a known language, such as en-GB, de or pt-BR"


NOT_A_TAG = "not a language tag"  # its form is wrong: the editors' JSON Schema says so too (LANGUAGE_TAG)
UNKNOWN_LANGUAGE = "unknown language"  # well formed, such as "english", but no language CLDR has: the build alone says so


def language_tag_problem(value: object) -> tuple[str, str] | None:
    """None for a well-formed language tag of a language CLDR knows; else what is wrong (NOT_A_TAG or
    UNKNOWN_LANGUAGE) and how to write it."""
    if not isinstance(value, str) or not LANGUAGE_TAG.match(value):
        return NOT_A_TAG, _tag_fix(value)
    return None if _known_language(value) else (UNKNOWN_LANGUAGE, _tag_fix(value))


def _known_language(tag: str) -> bool:
    """True if CLDR (through Babel) has data for the tag's language ("english" is well formed, but no language)."""
    from babel import localedata

    return localedata.exists(tag.split("-")[0].lower())


def _tag_fix(value: object) -> str:
    """How to write a wrong language tag: hyphens for underscores, or the tag of a language written by its name."""
    text = str(value).strip()
    hyphens = text.replace("_", "-")
    if hyphens != text and LANGUAGE_TAG.match(hyphens) and _known_language(hyphens):
        return f"write '{hyphens}' (hyphens, not underscores)"
    from babel import Locale
    from babel.core import get_global

    codes = {name.lower(): code for code, name in Locale("en").languages.items() if _known_language(code)}
    if code := codes.get(text.lower()):
        region = get_global("likely_subtags").get(code, code).split("_")[-1]
        with_region = f", or with a country, such as '{code}-{region}'" if region != code else ""
        return f"write the language's tag, '{code}'{with_region}"
    return "write a language tag such as en-GB (English, United Kingdom) or de (German)"
