"""Export the content schema as one JSON Schema per content kind, for editors such as VS Code.

Every limit the validator applies that JSON Schema can say is here: id pattern (and the reserved JavaScript
names), duration pattern with its maximum, number ranges, text lengths, list sizes. References become `enum`s of
the ids the content holds when the ids are given (`python -m generator schema` reads them from content/), so an
editor flags a dangling reference as you type; rerun that command after adding or removing an item. What JSON
Schema cannot say (ids unique across files, a range's fewest before its most, a timing's `after` before its
`latest`, blanks declared) is left to `check`.
"""

from __future__ import annotations

import json

from generator.schema import Schema, compiled


def kind_schema(kind: str, ids: dict[str, list[str]] | None = None, using: Schema | None = None) -> dict:
    """Return the JSON Schema of one content kind; references list the given ids."""
    using = using or compiled()
    obj = using.kinds[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"After the Interview: {kind}",
        "description": obj.description,
        **obj.schema(ids),
        "$defs": {name: {"description": t.description, **t.schema(ids)} for name, t in using.types.items()},
    }


def all_schemas(ids: dict[str, list[str]] | None = None, using: Schema | None = None) -> dict[str, str]:
    """Return every kind's JSON Schema as formatted text, keyed by file name."""
    using = using or compiled()
    return {
        f"{kind}.schema.json": json.dumps(kind_schema(kind, ids, using), indent=2, ensure_ascii=False) + "\n"
        for kind in using.kinds
    }
