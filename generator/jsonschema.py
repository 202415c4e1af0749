"""Export the content schema (schema.yml) as one JSON Schema per content kind, for editors such as VS Code."""

from __future__ import annotations

import json

from generator.schema import DURATION_RE, ID_RE, schema


def _field(spec: dict) -> dict:
    """Translate one field spec into JSON Schema."""
    kind = spec["type"]
    out: dict = {}
    if kind in ("text", "template"):
        out = {"type": "string", "minLength": 1, "pattern": r"\S"}
        if "max_length" in spec:
            out["maxLength"] = spec["max_length"]
    elif kind == "id":
        out = {"type": "string", "pattern": ID_RE.pattern}
    elif kind == "ref":
        out = {"type": "string", "minLength": 1}
    elif kind == "int":
        out = {"type": "integer", "minimum": spec["min"], "maximum": spec["max"]}
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind == "enum":
        out = {"enum": list(spec["values"])}
    elif kind == "duration":
        out = {"type": "string", "pattern": DURATION_RE.pattern}
    elif kind == "list":
        out = {"type": "array", "items": _field(spec["items"])}
        if "min_items" in spec:
            out["minItems"] = spec["min_items"]
        if "max_items" in spec:
            out["maxItems"] = spec["max_items"]
    else:
        out = {"$ref": f"#/$defs/{kind}"}
    if "description" in spec:
        out["description"] = spec["description"]
    if "example" in spec:
        out["examples"] = [spec["example"]]
    return out


def _object(fields: dict, description: str) -> dict:
    """Translate a mapping of fields into a closed JSON Schema object."""
    return {
        "type": "object",
        "description": description,
        "properties": {name: _field(spec) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.get("required")],
        "additionalProperties": False,
    }


def kind_schema(kind: str) -> dict:
    """Return the JSON Schema of one content kind."""
    spec = schema()["kinds"][kind]
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"After the Interview: {kind}",
        **_object(spec["fields"], spec["description"]),
    }
    out["$defs"] = {name: _object(t["fields"], t["description"]) for name, t in schema()["types"].items()}
    return out


def all_schemas() -> dict[str, str]:
    """Return every kind's JSON Schema as formatted text, keyed by file name."""
    return {
        f"{kind}.schema.json": json.dumps(kind_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in schema()["kinds"]
    }
