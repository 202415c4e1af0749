"""The content schema (schema.yml): check a document's fields against it, and export it as JSON Schema."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from generator.errors import Problem, describe, did_you_mean
from generator.load import Document, Path

ID_RE = re.compile(r"^[a-z][a-z0-9]*([-_][a-z0-9]+)*$")
DURATION_RE = re.compile(r"^(\d{1,3}) (hour|day|business day|week)s?$")
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "business day": 7 / 5, "week": 7}


@dataclass(frozen=True)
class Duration:
    """An amount of time: a whole number of hours, days, business days or weeks."""

    amount: int
    unit: str

    @property
    def days(self) -> float:
        """Return the length in calendar days, roughly (business days count 7/5)."""
        return self.amount * UNIT_DAYS[self.unit]

    def to_json(self) -> dict:
        """Return the duration as data for the browser."""
        return {"amount": self.amount, "unit": self.unit.replace(" ", "_")}


def parse_duration(text: str) -> Duration | None:
    """Read "24 hours" or "1 business day", or return None."""
    m = DURATION_RE.match(text.strip())
    return Duration(int(m.group(1)), m.group(2)) if m else None


@cache
def schema() -> dict:
    """Return the schema as data, read from generator/schema.yml."""
    text = resources.files("generator").joinpath("schema.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader


def fields_of(spec: dict) -> dict:
    """Return the fields of an object spec, following a named type."""
    if "fields" in spec:
        return spec["fields"]
    return schema()["types"][spec["type"]]["fields"]


def _surprise(doc: Document, path: Path, value: object) -> tuple[str, str]:
    """Explain a YAML 1.1 surprise: an unquoted word or number read as something else."""
    m = doc.mark(path)
    if m.style is None and m.raw is not None and not isinstance(value, str):
        return (f"{describe(value)}, because YAML reads the unquoted {m.raw} that way", f'put it in quotes: "{m.raw}"')
    return describe(value), "write it as text"


class _Checker:
    """Walks one document against the schema, collecting every problem."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str, *, at_key: bool = False, **details: str) -> None:
        """Record one problem."""
        self.problems.append(self.doc.problem(path, message, at_key=at_key, **details))

    def object(self, value: object, fields: dict, path: Path) -> None:
        """Check a mapping: no unknown keys, no missing required ones, each field of its type."""
        if not isinstance(value, dict):
            self.add(
                path,
                "wrong type",
                expected="a mapping of fields (key: value lines)",
                found=describe(value),
                fix="indent the fields under this key",
            )
            return
        suggested = set()
        for key in value:
            if key not in fields:
                suggested.update(difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6))
                self.add(
                    path + (key,),
                    "unknown key",
                    at_key=True,
                    expected="one of " + ", ".join(fields),
                    found=f"'{key}'",
                    fix=did_you_mean(key, list(fields)) + " Unknown keys are not allowed",
                )
        for name, spec in fields.items():
            if name not in value:
                if spec.get("required") and name not in suggested:
                    where = path if path else ()
                    self.add(
                        where,
                        f"missing required field '{name}'",
                        at_key=bool(path),
                        expected=spec["description"],
                        found="no such key",
                        fix=f"add '{name}:' here",
                    )
                continue
            self.field(value[name], spec, path + (name,))

    def field(self, value: object, spec: dict, path: Path) -> None:
        """Check one value against its field spec."""
        kind = spec["type"]
        if kind in ("text", "template"):
            self.text(value, spec, path)
        elif kind == "id":
            if not isinstance(value, str) or not ID_RE.match(value):
                found, _ = _surprise(self.doc, path, value) if not isinstance(value, str) else (describe(value), "")
                self.add(
                    path,
                    "invalid id",
                    expected="lower-case letters, digits, hyphens or underscores, starting with a letter",
                    found=found,
                    fix="rename it, for example 'thank-you'",
                )
        elif kind == "ref":
            if not isinstance(value, str) or not value:
                self.add(
                    path,
                    "wrong type",
                    expected=f"the id of a {spec['to']}",
                    found=describe(value),
                    fix=f"write the {spec['to']}'s id",
                )
        elif kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                self.add(path, "wrong type", expected="a whole number", found=describe(value), fix="write a number such as 3")
            elif not spec.get("min", value) <= value <= spec.get("max", value):
                self.add(
                    path,
                    "out of range",
                    expected=f"a number from {spec.get('min')} to {spec.get('max')}",
                    found=str(value),
                    fix="pick a number in that range",
                )
        elif kind == "bool":
            if not isinstance(value, bool):
                self.add(path, "wrong type", expected="true or false", found=describe(value), fix="write true or false")
        elif kind == "enum":
            if value not in spec["values"]:
                self.add(
                    path,
                    "unknown value",
                    expected="one of " + ", ".join(spec["values"]),
                    found=describe(value),
                    fix=did_you_mean(str(value), spec["values"]),
                )
        elif kind == "duration":
            self.duration(value, spec, path)
        elif kind == "list":
            self.list(value, spec, path)
        else:
            self.object(value, fields_of(spec), path)

    def text(self, value: object, spec: dict, path: Path) -> None:
        """Check a text: a non-empty string within its length."""
        if not isinstance(value, str):
            found, fix = _surprise(self.doc, path, value)
            self.add(path, "wrong type", expected="text", found=found, fix=fix)
        elif not value.strip():
            self.add(path, "empty text", expected="some text", found="an empty string", fix="write the text or remove the key")
        elif len(value) > spec.get("max_length", len(value)):
            self.add(
                path,
                "text too long",
                expected=f"at most {spec['max_length']} characters",
                found=f"{len(value)} characters",
                fix="shorten it",
            )

    def duration(self, value: object, spec: dict, path: Path) -> None:
        """Check a duration such as "2 business days" and its range."""
        parsed = parse_duration(value) if isinstance(value, str) else None
        if parsed is None:
            self.add(
                path,
                "invalid duration",
                expected='a number and a unit, such as "24 hours", "2 days", "1 business day" or "1 week"',
                found=describe(value),
                fix='write it like "2 days"',
            )
        elif parsed.days > spec.get("max_days", parsed.days):
            self.add(
                path,
                "timing out of range",
                expected=f"at most {spec['max_days']} days",
                found=f"{value} (about {round(parsed.days)} days)",
                fix="use a shorter time",
            )

    def list(self, value: object, spec: dict, path: Path) -> None:
        """Check a list: its type, its length and every item."""
        if not isinstance(value, list):
            self.add(
                path,
                "wrong type",
                expected="a list (lines starting with '- ')",
                found=describe(value),
                fix="write each item on its own line starting with '- '",
            )
            return
        low, high = spec.get("min_items", 0), spec.get("max_items")
        if len(value) < low or (high is not None and len(value) > high):
            want = f"exactly {low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
            self.add(path, "wrong number of items", expected=f"{want} item(s)", found=f"{len(value)}", fix="add or remove items")
        for i, item in enumerate(value):
            self.field(item, spec["items"], path + (i,))


def validate(doc: Document, kind: str) -> list[Problem]:
    """Check one document against the schema of its kind; return every problem found."""
    checker = _Checker(doc)
    checker.object(doc.data, schema()["kinds"][kind]["fields"], ())
    return checker.problems
