"""Field types that hold other fields: lists, ranges, objects (a content kind or a named type) and named types."""

from __future__ import annotations

import difflib

from generator import renamed
from generator.errors import describe, did_you_mean
from generator.fields import Context, Field, Id, Ref, _key
from generator.load import Path


class List(Field):
    """A list of `items`, with `min_items` to `max_items` of them."""

    options = ("items", "min_items", "max_items")
    needs = ("items",)

    def __init__(self, spec: dict, owner: str, items: Field):
        super().__init__(spec, owner)
        self.items = items

    @property
    def label(self) -> str:
        if isinstance(self.items, Ref):
            return f"list of {self.items.spec['to']} ids"
        return f"list of {self.items.label}"

    def reach(self, seen=None):
        return self.items.reach(seen)

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if not isinstance(value, list):
            fix = "write each item on its own line starting with '- '" + (f", under '{_key(path)}:'" if value is None else "")
            found = "nothing after the colon" if value is None else describe(value)
            message = "empty value" if value is None else "wrong type"
            ctx.add(path, message, expected="a list (lines starting with '- ')", found=found, fix=fix)
            ctx.incomplete |= self.reach()
            return False
        low, high = self.spec.get("min_items", 0), self.spec.get("max_items")
        if len(value) < low or (high is not None and len(value) > high):
            want = f"exactly {low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
            ctx.add(path, "wrong number of items", expected=f"{want} item(s)", found=f"{len(value)}", fix="add or remove items")
        results = [self.items.check(item, ctx, path + (i,)) for i, item in enumerate(value)]
        return all(results)

    def schema(self, ids):
        out = {"type": "array", "items": self.items.json(ids)}
        if "min_items" in self.spec:
            out["minItems"] = self.spec["min_items"]
        if "max_items" in self.spec:
            out["maxItems"] = self.spec["max_items"]
        return out


class Range(Field):
    """Two whole numbers from `min` to `max`, the fewest first: [3, 4]."""

    options = ("min", "max")
    needs = ("min", "max")

    @property
    def label(self) -> str:
        return f"[fewest, most], whole numbers ({self.spec['min']} to {self.spec['max']})"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        low, high = self.spec["min"], self.spec["max"]
        pair = value if isinstance(value, list) and len(value) == 2 else None
        if pair is None or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair):
            ctx.add(
                path,
                "wrong type",
                expected="two whole numbers in brackets, the fewest first",
                found=describe(value),
                fix="write it like [3, 4]",
            )
        elif not all(low <= v <= high for v in pair):
            ctx.add(
                path, "out of range", expected=f"numbers from {low} to {high}", found=str(value), fix="pick numbers in that range"
            )
        elif pair[0] > pair[1]:
            ctx.add(
                path,
                "range upside down",
                expected="the fewest first, then the most",
                found=f"{pair} ({pair[0]} is more than {pair[1]})",
                fix=f"swap them: [{pair[1]}, {pair[0]}]",
            )
        else:
            return True
        return False

    def schema(self, ids):
        number = {"type": "integer", "minimum": self.spec["min"], "maximum": self.spec["max"]}
        return {"type": "array", "prefixItems": [number, number], "items": False, "minItems": 2, "maxItems": 2}


class Object(Field):
    """A mapping whose keys are the `fields`: a content kind, or a named type under `types:`."""

    def __init__(self, name: str, fields: dict[str, Field], description: str, rule=None):
        super().__init__({"type": name, "description": description}, name)
        self.name = name
        self.fields = fields
        self.rule = rule  # a consistency check across fields, run once they all pass

    def reach(self, seen=None):
        seen = set() if seen is None else seen
        if self.name not in seen:
            seen.add(self.name)
            for f in self.fields.values():
                f.reach(seen)
        return seen

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if not isinstance(value, dict):
            self._not_a_mapping(value, ctx, path)
            ctx.incomplete |= self.reach()
            return False
        ok = True
        suggested = set()
        names = list(self.fields)
        for key in value:
            if key not in self.fields:
                close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
                suggested.update(close)
                hint = renamed.hint("field", key) or did_you_mean(key, names)
                fix = hint + " Unknown keys are not allowed"
                ctx.add(
                    path + (key,), "unknown key", at_key=True, expected="one of " + ", ".join(names), found=f"'{key}'", fix=fix
                )
        for name, f in self.fields.items():
            if name in value:
                ok = f.check(value[name], ctx, path + (name,)) and ok
                continue
            if f.required:
                ok = False
                ctx.incomplete |= f.reach() | ({self.name} if isinstance(f, Id) else set())
                if name not in suggested:
                    ctx.add(
                        path,
                        f"missing required field '{name}'",
                        at_key=bool(path),
                        expected=f.description,
                        found="no such key",
                        fix=f"add '{name}:' here",
                    )
        if ok and self.rule:
            self.rule(value, ctx, path)
        return ok

    def _not_a_mapping(self, value: object, ctx: Context, path: Path) -> None:
        """Report a value that should hold this object's fields."""
        required = ", ".join(n for n, f in self.fields.items() if f.required)
        if path == () and value is None:
            ctx.add(
                path,
                "the file is empty",
                expected=f"the fields of a {self.name} ({required})",
                found="an empty file",
                fix=f"write the {self.name}'s fields, one 'key: value' a line (the Customize page lists them)",
            )
        elif path == ():
            ctx.add(
                path,
                "wrong type",
                expected=f"the fields of a {self.name}, one 'key: value' a line",
                found=describe(value),
                fix="write the file as 'key: value' lines, starting with no indentation",
            )
        else:
            ctx.add(
                path,
                "empty value" if value is None else "wrong type",
                expected=f"the fields of a {self.name} ({required})",
                found="nothing after the colon" if value is None else describe(value),
                fix=f"write the fields on the lines under '{_key(path)}:', indented",
            )

    def schema(self, ids):
        return {
            "type": "object",
            "properties": {name: f.json(ids) for name, f in self.fields.items()},
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


class Named(Field):
    """A field whose value is of a named type under `types:` (such as `timing`)."""

    def __init__(self, spec: dict, owner: str, registry: dict[str, Object]):
        super().__init__(spec, owner)
        self.registry = registry

    @property
    def target(self) -> Object:
        """Return the named type's object."""
        return self.registry[self.spec["type"]]

    @property
    def label(self) -> str:
        return self.spec["type"] + " (see below)"

    def reach(self, seen=None):
        return self.target.reach(seen)

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        return self.target.check(value, ctx, path)

    def schema(self, ids):
        return {"$ref": f"#/$defs/{self.spec['type']}"}
