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


def hint(what: str, name: str) -> str | None:
    """Return "`old` was split in 0.2: use `a` and `b`." for a name an earlier release used, else None."""
    for entry in table():
        olds = entry["old"] if isinstance(entry["old"], list) else [entry["old"]]
        if entry["what"] == what and name in olds:
            use = entry.get("use") or []
            text = f"`{name}` was {entry['change']} in {entry['release']}"
            if use:
                text += ": use " + " and ".join(f"`{u}`" for u in use)
            return text + "."
    return None
