"""Content problems: where they are, what was expected, what was found, and the fix."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or warning) in the content, located by file, line, column and field."""

    file: str
    line: int
    column: int
    field: str
    message: str
    expected: str = ""
    found: str = ""
    fix: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        """Render as `path:line:column: field: message: expected ..., found .... Fix: ...`."""
        where = f"{self.file}:{self.line}:{self.column}: {self.field or '(file)'}: "
        text = self.message
        if self.severity == "warning":
            text = "warning: " + text
        details = []
        if self.expected:
            details.append(f"expected {self.expected}")
        if self.found:
            details.append(f"found {self.found}")
        if details:
            text += " (" + ", ".join(details) + ")"
        if self.fix:
            text += ". Fix: " + self.fix
        return where + text


class ContentErrors(Exception):
    """Every error found in one run, raised together so a user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Return all problems, one a line, with a count at the end."""
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the content; nothing was built.")
        return "\n".join(lines)


def describe(value: object, limit: int = 40) -> str:
    """Describe a found value briefly, in words a YAML author understands."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    """Suggest the nearest valid choice, or list them all when none is close."""
    ordered = sorted(choices)
    close = difflib.get_close_matches(word, ordered, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if len(ordered) <= 8:
        return "use one of " + ", ".join(f"'{c}'" for c in ordered)
    return "check the spelling"
