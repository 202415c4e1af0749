"""Field types of the content schema: one class per `type:`, each owning its check, its JSON Schema and its label."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.durations import DURATION_RE, UNIT_DAYS, number_pattern, parse_duration
from generator.errors import Problem, describe, did_you_mean
from generator.language_tags import LANGUAGE_TAG, LANGUAGE_TAG_EXPECTED, language_tag_problem
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


# Regular-expression syntax Python accepts and the browser's JavaScript does not (or reads otherwise).
PYTHON_ONLY = re.compile(r"\(\?P|\(\?#|\(\?[aiLmsux-]+[:)]|\\[AZ]|\\[0-7]{2,}|\*\+|\+\+|\?\+|\}\+|\(\?>")


class Regex(Field):
    """A regular expression written in what Python's re and the browser's JavaScript (flag u) both read alike."""

    @property
    def label(self) -> str:
        return "regular expression (the syntax Python and JavaScript share)"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.empty(ctx, path, "a regular expression")
            return False
        if not isinstance(value, str):
            ctx.add(path, "wrong type", expected="a regular expression, as text", found=describe(value), fix="write it in quotes")
            return False
        try:
            re.compile(value)
        except re.error as error:
            ctx.add(
                path,
                "not a regular expression",
                expected="a regular expression",
                found=f"'{value}' ({error})",
                fix="correct the expression; single quotes around it in YAML keep backslashes as written",
            )
            return False
        python_only = PYTHON_ONLY.search(value)
        if python_only:
            ctx.add(
                path,
                "Python-only syntax",
                expected="syntax the browser's JavaScript reads too",
                found=f"'{python_only.group()}' in '{value}'",
                fix="write it without named groups (?P<…>), comments (?#…), inline flags such as (?i), \\A, \\Z, atomic groups or"
                " possessive quantifiers",
            )
            return False
        return True

    def schema(self, ids):
        return {"type": "string", "minLength": 1, "format": "regex"}


class LanguageTag(Field):
    """A language tag (BCP 47) whose language CLDR knows, such as en-GB: the browser writes dates and counts in it."""

    @property
    def label(self) -> str:
        return "language tag (BCP 47), such as en-GB"

    def check(self, value: object, ctx: Context, path: Path) -> bool:
        if value is None:
            self.empty(ctx, path, "a language tag")
            return False
        problem = language_tag_problem(value)
        if problem:
            ctx.add(path, problem[0], expected=LANGUAGE_TAG_EXPECTED, found=describe(value), fix=problem[1])
        return problem is None

    def schema(self, ids):
        return {"type": "string", "pattern": LANGUAGE_TAG.pattern}


from generator.fields_nested import List, Named, Object, Range  # noqa: E402, F401  (built on the classes above; re-exported)

TYPES: dict[str, type[Field]] = {
    "text": Text,
    "template": Template,
    "id": Id,
    "ref": Ref,
    "int": Int,
    "bool": Bool,
    "enum": Enum,
    "duration": DurationField,
    "locale": LanguageTag,
    "regex": Regex,
    "range": Range,
    "list": List,
}


def _wording_types() -> dict[str, type[Field]]:
    """The wording kinds' field types (generator/fields_wording.py), imported late: they build on these classes."""
    from generator.fields_wording import WORDING_TYPES

    return WORDING_TYPES


TYPES.update(_wording_types())
