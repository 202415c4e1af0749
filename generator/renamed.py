"""Names from earlier releases (renamed.yml): recognise them and say what to write instead."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def table() -> list[dict]:
    """Return the entries of generator/renamed.yml."""
    text = resources.files("generator").joinpath("renamed.yml").read_text("utf-8")
    return yaml.safe_load(text) or []


def find(what: str, name: str) -> dict | None:
    """Return the entry of a name an earlier release used for a `what` (blank, field, step...), or None."""
    for entry in table():
        olds = entry["old"] if isinstance(entry["old"], list) else [entry["old"]]
        if entry["what"] == what and name in olds:
            return entry
    return None


def hint(what: str, name: str, shown: dict[str, str] | None = None) -> str | None:
    """Return "`old` was split in 0.2: use `a` and `b`." for a name an earlier release used, else None.

    `shown` writes names as the content knows them (such as a blank's [Label]) instead of `id`.
    """
    entry = find(what, name)
    if entry is None:
        return None
    use = [(shown or {}).get(u, f"`{u}`") for u in entry.get("use") or []]
    text = f"{(shown or {}).get(name, f'`{name}`')} was {entry['change']} in {entry['release']}"
    return text + (": use " + " and ".join(use) if use else "") + "."
