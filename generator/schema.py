"""The content schema (schema.yml), compiled into field types: check documents against it and describe it."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.durations import DURATION_RE, Duration, parse_duration
from generator.errors import ContentErrors, Problem, describe, did_you_mean
from generator.fields import ID_RE, TYPES, Context, Field, Id, List, Named, Object
from generator.load import Document, Path, load

__all__ = [
    "DURATION_RE",
    "ID_RE",
    "Duration",
    "Schema",
    "compile_schema",
    "compiled",
    "parse_duration",
    "schema",
]

SCHEMA_FILE = "generator/schema.yml"
COMMON = ("type", "required", "description", "example")


def _timing_rule(value: dict, ctx: Context, path: Path) -> None:
    """Check that a timing starts, and ends, no later than its latest moment."""
    after, within, latest = (parse_duration(value[k]) if k in value else None for k in ("after", "within", "latest"))
    if latest is None:
        return
    start = after.days if after else 0
    if start > latest.days + 1e-9:
        ctx.add(
            path + ("after",),
            "timing starts after its latest moment",
            expected=f"'after' no later than 'latest' ({value['latest']})",
            found=f"{value['after']}",
            fix="shorten 'after' or lengthen 'latest'; both count from the anchor",
        )
    elif within and start + within.days > latest.days + 1e-9:
        ctx.add(
            path + ("within",),
            "timing ends after its latest moment",
            expected=f"'after' plus 'within' no later than 'latest' ({value['latest']})",
            found=f"{value.get('after', '0 days')} + {value['within']} (about {round(start + within.days, 1):g} days)",
            fix="shorten 'within' or lengthen 'latest'; 'within' counts from the start, 'latest' from the anchor",
        )


def _blank_rule(value: dict, ctx: Context, path: Path) -> None:
    """Check that a blank's example passes its own shape, so the hint never greets the example."""
    shape = value.get("shape")
    if shape and value.get("input") == "person":
        ctx.add(
            path + ("shape",),
            "shape on a person blank",
            expected="a shape only on a blank typed into one field",
            found="input: person",
            fix="remove the shape: a person is typed into given name, family name, form of address and title",
        )
        return
    if isinstance(shape, dict) and isinstance(shape.get("pattern"), str) and isinstance(value.get("example"), str):
        try:
            matched = re.search(shape["pattern"], value["example"].strip())
        except re.error:
            return  # reported by the pattern's own check
        if not matched:
            ctx.add(
                path + ("shape", "pattern"),
                "example does not match its shape",
                expected=f"a pattern the example '{value['example']}' matches",
                found=f"'{shape['pattern']}'",
                fix="correct the pattern, or the example: the example shows the reader what the shape asks for",
            )


RULES = {"timing": _timing_rule, "blank": _blank_rule}  # consistency checks across the fields of a named type


@dataclass
class Schema:
    """The compiled schema: one Object per content kind and per named type."""

    raw: dict
    kinds: dict[str, Object]
    types: dict[str, Object]
    source: Document | None = None  # schema.yml as read, to name its lines

    def require(self, needs: dict[str, tuple[str, ...]]) -> list[Problem]:
        """Report fields the generator's code reads that schema.yml no longer declares as required."""
        problems = []
        for name, fields in needs.items():
            obj = self.kinds.get(name) or self.types.get(name)
            section = "kinds" if name in self.kinds else "types"
            for field in fields:
                if obj is not None and field in obj.fields and obj.fields[field].required:
                    continue
                path = (section, name, "fields", field) if obj and field in obj.fields else (section, name)
                where = self.source.problem(path, "", at_key=True) if self.source else Problem(SCHEMA_FILE, 1, 1, "", "")
                problems.append(
                    Problem(
                        where.file,
                        where.line,
                        where.column,
                        where.field,
                        f"the generator needs '{field}' in every {name}",
                        expected=f"'{field}' declared with required: true",
                        found="optional" if obj and field in obj.fields else "no such field",
                        fix=f"restore '{field}' as a required field of '{name}' (or change the code in generator/model.py)",
                    )
                )
        return problems

    def inspect(self, doc: Document, kind: str) -> Context:
        """Check one document against its kind; return the problems, ids, references and templates found."""
        ctx = Context(doc)
        self.kinds[kind].check(doc.data, ctx, ())
        return ctx


class _Compiler:
    """Builds field objects from schema.yml's data, collecting every mistake with its line in schema.yml."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self.objects: dict[str, Object] = {}
        self.refs: list[tuple[Field, Path]] = []

    def fail(self, path: Path, message: str, *, at_key: bool = False, **details: str) -> None:
        """Record one mistake in schema.yml."""
        self.problems.append(self.doc.problem(path, message, at_key=at_key, **details))

    def mapping(self, value: object, path: Path, allowed: tuple[str, ...] | None, what: str) -> dict:
        """Return a mapping after reporting its unknown keys (any key when allowed is None), or {} when it is not one."""
        if not isinstance(value, dict):
            self.fail(path, "wrong type", expected=what, found=describe(value), fix="write it as 'key: value' lines")
            return {}
        for key in value if allowed is not None else ():
            if key not in allowed:
                fix = did_you_mean(str(key), list(allowed))
                self.fail(
                    path + (key,), "unknown key", at_key=True, expected="one of " + ", ".join(allowed), found=f"'{key}'", fix=fix
                )
        return value

    def run(self) -> Schema:
        """Compile the whole schema, or raise ContentErrors listing every mistake."""
        data = self.mapping(self.doc.data, (), ("kinds", "types"), "a mapping with 'kinds:' and 'types:'")
        kinds = self.mapping(data.get("kinds"), ("kinds",), None, "the content kinds")
        types = self.mapping(data.get("types") or {}, ("types",), None, "the named types")
        for name in set(kinds) & set(types):
            self.fail(
                ("types", name),
                "a type with the name of a kind",
                at_key=True,
                expected="distinct names",
                found=f"'{name}'",
                fix="rename the type",
            )
        specs = {}
        for section, entries, extra in (("types", types, ()), ("kinds", kinds, ("folder", "file"))):
            for name, spec in entries.items():
                path = (section, name)
                spec = self.mapping(spec, path, ("description", "fields", *extra), "a description and its fields")
                if section == "kinds" and ("folder" in spec) == ("file" in spec):
                    self.fail(
                        path,
                        "a kind needs a place",
                        at_key=True,
                        expected="either 'folder:' or 'file:'",
                        found="both" if "folder" in spec else "neither",
                        fix="keep one of them",
                    )
                self.objects[name] = Object(str(name), {}, spec.get("description", ""), RULES.get(name))
                specs[name] = (path, spec)
        for name, (path, spec) in specs.items():
            fields = self.mapping(spec.get("fields"), path + ("fields",), None, "the fields")
            for fname, fspec in fields.items():
                made = self.field(fspec, path + ("fields", fname), name, types)
                if made is not None:
                    self.objects[name].fields[fname] = made
        owners = {n for n, o in self.objects.items() if any(isinstance(f, Id) for f in o.fields.values())}
        for f, path in self.refs:
            if f.spec["to"] not in owners:
                fix = did_you_mean(str(f.spec["to"]), owners)
                self.fail(
                    path + ("to",),
                    "reference to nothing",
                    expected="a kind or type with an id field: " + ", ".join(sorted(owners)),
                    found=repr(f.spec["to"]),
                    fix=fix,
                )
        if self.problems:
            raise ContentErrors(self.problems)
        return Schema(self.doc.data, {n: self.objects[n] for n in kinds}, {n: self.objects[n] for n in types}, self.doc)

    def field(self, spec: object, path: Path, owner: str, types: dict) -> Field | None:
        """Compile one field spec, or report why it cannot be."""
        if not isinstance(spec, dict) or "type" not in spec:
            self.fail(
                path,
                "field without a type",
                expected="a mapping such as {type: text, description: ...}",
                found=describe(spec),
                fix="add 'type:' to the field",
            )
            return None
        kind = spec["type"]
        cls = TYPES.get(kind)
        if cls is None and kind not in types:
            choices = [*TYPES, *types]
            self.fail(
                path + ("type",),
                "unknown field type",
                expected="one of " + ", ".join(choices),
                found=repr(kind),
                fix=did_you_mean(str(kind), choices),
            )
            return None
        options = cls.options if cls else ()
        self.mapping(spec, path, COMMON + options, "a field spec")
        for need in cls.needs if cls else ():
            if need not in spec:
                self.fail(
                    path,
                    f"'{kind}' field without '{need}'",
                    at_key=True,
                    expected=f"'{need}:' in the field",
                    found="no such key",
                    fix=f"add '{need}:'",
                )
                return None
        for key in ("min", "max", "max_length", "min_items", "max_items"):
            if key in spec and (not isinstance(spec[key], int) or isinstance(spec[key], bool)):
                self.fail(path + (key,), "wrong type", expected="a whole number", found=describe(spec[key]), fix="write a number")
                return None
        if kind == "enum" and not (
            isinstance(spec["values"], list) and spec["values"] and all(isinstance(v, str) for v in spec["values"])
        ):
            self.fail(
                path + ("values",),
                "wrong type",
                expected="a list of words",
                found=describe(spec["values"]),
                fix="write the values as [a, b]",
            )
            return None
        if cls is None:
            return Named(spec, owner, self.objects)
        if cls is List:
            items = self.field(spec["items"], path + ("items",), owner, types)
            return List(spec, owner, items) if items else None
        made = cls(spec, owner)
        if kind == "ref":
            self.refs.append((made, path))
        return made


def compile_schema(raw: bytes, file: str = SCHEMA_FILE) -> Schema:
    """Compile schema.yml's bytes, or raise ContentErrors naming each mistake by file:line."""
    return _Compiler(load(raw, file)).run()


@cache
def compiled() -> Schema:
    """Return the compiled generator/schema.yml."""
    return compile_schema(resources.files("generator").joinpath("schema.yml").read_bytes())


@cache
def schema() -> dict:
    """Return the schema as data, each field with its human `label` (for the field reference)."""
    raw = copy.deepcopy(compiled().raw)
    for section, objects in (("kinds", compiled().kinds), ("types", compiled().types)):
        for name, obj in objects.items():
            for fname, f in obj.fields.items():
                raw[section][name]["fields"][fname]["label"] = f.label
    return raw
