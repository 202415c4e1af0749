"""Field types of the content schema: one class per `type:`, each owning its check, its JSON Schema and its label."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator import renamed
from generator.durations import DURATION_RE, UNIT_DAYS, number_pattern, parse_duration
from generator.errors import Problem, describe, did_you_mean
from generator.load import Document, Path

ID_RE = re.compile(r"^[a-z][a-z0-9]*([-_][a-z0-9]+)*$")
JS_PROPERTIES = (
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "toLocaleString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
)


@dataclass
class Context:
    """The check of one document: its problems, and the ids, references and templates the cross-file checks need."""

    doc: Document
    problems: list[Problem] = field(default_factory=list)
    ids: list[tuple[str, str, Path, str]] = field(default_factory=list)  # owner, id, path, scope
    refs: list[tuple[Ref, str, Path]] = field(default_factory=list)
    templates: list[tuple[Path, str]] = field(default_factory=list)
    incomplete: set[str] = field(default_factory=set)  # kinds and types whose ids this document may hide

    def add(self, path: Path, message: str, *, at_key: bool = False, **details: str) -> None:
        """Record one problem."""
        self.problems.append(self.doc.problem(path, message, at_key=at_key, **details))


def _key(path: Path) -> str:
    """Return the name of the key a path ends in, for fixes such as "write the text after 'title:'"."""
    named = [p for p in path if isinstance(p, str)]
    return named[-1] if named else "the key"


class Field:
    """One field of the schema: checks a value, exports JSON Schema, names its type for people."""

    options: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()

    def __init__(self, spec: dict, owner: str):
        self.spec = spec
        self.owner = owner  # the kind or named type the field belongs to
        self.required = bool(spec.get("required"))
        self.description = spec.get("description", "")

    @property
    def label(self) -> str:
        """Return the type in words, for the field reference."""
        return self.spec["type"]

    def reach(self, seen: set[str] | None = None) -> set[str]:
        """Return the named types (and kinds) whose values this field may hold."""
        return set()

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        """Check a value, recording problems; return whether it is usable."""
        raise NotImplementedError

    def schema(self, ids: dict[str, list[str]] | None) -> dict:
        """Return the JSON Schema of the field's value (without description)."""
        raise NotImplementedError

    def json(self, ids: dict[str, list[str]] | None = None) -> dict:
        """Return the JSON Schema of the field, with its description and example."""
        out = self.schema(ids)
        if self.description:
            out["description"] = self.description
        if "example" in self.spec:
            out["examples"] = [self.spec["example"]]
        return out

    def empty(self, ctx: Context, path: Path, what: str) -> None:
        """Report a key written with no value."""
        if path and isinstance(path[-1], int):
            found, fix = "nothing after the '- '", f"write {what} after the '- ', or remove the line"
        else:
            found, fix = (
                "nothing after the colon",
                f"write {what} after '{_key(path)}:'" + ("" if self.required else ", or remove the key"),
            )
        ctx.add(path, "empty value", expected=what, found=found, fix=fix)


class Text(Field):
    """A non-empty string, at most `max_length` characters."""

    options = ("max_length",)

    @property
    def label(self) -> str:
        return "text" + (f" (at most {self.spec['max_length']} characters)" if "max_length" in self.spec else "")

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None:
            self.empty(ctx, path, "text")
            return False
        if not isinstance(value, str):
            m = ctx.doc.mark(path)
            if m.style is None and m.raw is not None:
                because = f"{describe(value)}, because YAML reads the unquoted {m.raw} that way"
                ctx.add(path, "wrong type", expected="text", found=because, fix=f'put it in quotes: "{m.raw}"')
            else:
                ctx.add(path, "wrong type", expected="text", found=describe(value), fix="write it as text")
            return False
        if not value.strip():
            ctx.add(path, "empty text", expected="some text", found="an empty string", fix="write the text or remove the key")
            return False
        if len(value) > self.spec.get("max_length", len(value)):
            limit = self.spec["max_length"]
            ctx.add(
                path, "text too long", expected=f"at most {limit} characters", found=f"{len(value)} characters", fix="shorten it"
            )
        return True

    def schema(self, ids):
        out = {"type": "string", "minLength": 1, "pattern": r"\S"}
        if "max_length" in self.spec:
            out["maxLength"] = self.spec["max_length"]
        return out


class Template(Text):
    """Text that may hold fill-in blanks such as [Company], each declared in blanks.yml."""

    @property
    def label(self) -> str:
        return super().label.replace("text", "text with [blanks]", 1)

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        ok = super().check(value, ctx, path)
        if ok:
            ctx.templates.append((path, value))
        return ok


class Id(Field):
    """A name made of lower-case letters, digits, hyphens and underscores; unique among its owner's items."""

    options = ("scope",)

    @property
    def label(self) -> str:
        return "id" + (" (unique in its file)" if self.spec.get("scope") == "file" else " (unique)")

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None:
            self.empty(ctx, path, f"the {self.owner}'s id")
        elif value in JS_PROPERTIES:
            ctx.add(
                path,
                "reserved id",
                expected="an id that is not a built-in property of JavaScript objects (" + ", ".join(JS_PROPERTIES[:3]) + "...)",
                found=f"'{value}'",
                fix=f"rename it, for example '{self.owner}-{value.lower().strip('_')}' "
                "(the page's script would read JavaScript's built-in value instead of yours)",
            )
        elif not isinstance(value, str) or not ID_RE.fullmatch(value):
            m = ctx.doc.mark(path)
            found = describe(value)
            if not isinstance(value, str) and m.style is None and m.raw:
                found += f", because YAML reads the unquoted {m.raw} that way"
            ctx.add(
                path,
                "invalid id",
                expected="lower-case letters, digits, hyphens or underscores, starting with a letter",
                found=found,
                fix="rename it, for example 'thank-you'",
            )
        else:
            ctx.ids.append((self.owner, value, path, self.spec.get("scope", "all")))
            return True
        ctx.incomplete.add(self.owner)
        return False

    def schema(self, ids):
        reserved = [name for name in JS_PROPERTIES if ID_RE.fullmatch(name)]  # the pattern already refuses the others
        return {"type": "string", "pattern": ID_RE.pattern, "not": {"enum": reserved}}


class Ref(Field):
    """The id of an item of kind or type `to`."""

    options = ("to",)
    needs = ("to",)

    @property
    def label(self) -> str:
        return f"id of a {self.spec['to']}"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None:
            self.empty(ctx, path, f"the id of a {self.spec['to']}")
            return False
        if not isinstance(value, str) or not value:
            to = self.spec["to"]
            ctx.add(path, "wrong type", expected=f"the id of a {to}", found=describe(value), fix=f"write the {to}'s id")
            return False
        ctx.refs.append((self, value, path))
        return True

    def schema(self, ids):
        known = (ids or {}).get(self.spec["to"])
        return {"enum": sorted(known)} if known else {"type": "string", "minLength": 1}


class Int(Field):
    """A whole number from `min` to `max`."""

    options = ("min", "max")
    needs = ("min", "max")

    @property
    def label(self) -> str:
        return f"whole number ({self.spec['min']} to {self.spec['max']})"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None:
            self.empty(ctx, path, "a whole number")
        elif not isinstance(value, int) or isinstance(value, bool):
            ctx.add(path, "wrong type", expected="a whole number", found=describe(value), fix="write a number such as 3")
        elif not self.spec["min"] <= value <= self.spec["max"]:
            low, high = self.spec["min"], self.spec["max"]
            ctx.add(
                path,
                "out of range",
                expected=f"a number from {low} to {high}",
                found=str(value),
                fix="pick a number in that range",
            )
        else:
            return True
        return False

    def schema(self, ids):
        return {"type": "integer", "minimum": self.spec["min"], "maximum": self.spec["max"]}


class Bool(Field):
    """True or false."""

    @property
    def label(self) -> str:
        return "true or false"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if not isinstance(value, bool):
            ctx.add(path, "wrong type", expected="true or false", found=describe(value), fix="write true or false")
            return False
        return True

    def schema(self, ids):
        return {"type": "boolean"}


class Enum(Field):
    """One of `values`."""

    options = ("values",)
    needs = ("values",)

    @property
    def label(self) -> str:
        return "one of " + ", ".join(map(str, self.spec["values"]))

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        values = self.spec["values"]
        if value not in values:
            fix = did_you_mean(str(value), values)
            ctx.add(path, "unknown value", expected="one of " + ", ".join(values), found=describe(value), fix=fix)
            return False
        return True

    def schema(self, ids):
        return {"enum": list(self.spec["values"])}


class DurationField(Field):
    """A whole number and a unit, such as "24 hours" or "2 business days", at most `max_days` long."""

    options = ("max_days",)

    @property
    def label(self) -> str:
        return "duration" + (f" (at most {self.spec['max_days']} days)" if "max_days" in self.spec else "")

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        parsed = parse_duration(value) if isinstance(value, str) else None
        if parsed is None:
            ctx.add(
                path,
                "invalid duration",
                expected='a number and a unit, such as "24 hours", "2 days", "1 business day" or "1 week"',
                found=describe(value),
                fix=f"write it like \"2 days\" after '{_key(path)}:'" if value is None else 'write it like "2 days"',
            )
            return False
        if parsed.days > self.spec.get("max_days", parsed.days):
            ctx.add(
                path,
                "timing out of range",
                expected=f"at most {self.spec['max_days']} days",
                found=f"{value} (about {round(parsed.days)} days)",
                fix="use a shorter time",
            )
        return True

    def schema(self, ids):
        if "max_days" not in self.spec:
            return {"type": "string", "pattern": DURATION_RE.pattern}
        limit = self.spec["max_days"]
        units = [(unit, int(limit / days + 1e-9)) for unit, days in UNIT_DAYS.items()]
        alternatives = [f"{number_pattern(most)} {unit}s?" for unit, most in units]
        return {"type": "string", "pattern": "^(" + "|".join(alternatives) + ")$"}


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


TYPES: dict[str, type[Field]] = {
    "text": Text,
    "template": Template,
    "id": Id,
    "ref": Ref,
    "int": Int,
    "bool": Bool,
    "enum": Enum,
    "duration": DurationField,
    "range": Range,
    "list": List,
}


def _wording_types() -> dict[str, type[Field]]:
    """The wording kinds' field types (generator/fields_wording.py), imported late: they build on these classes."""
    from generator.fields_wording import WORDING_TYPES

    return WORDING_TYPES


TYPES.update(_wording_types())
