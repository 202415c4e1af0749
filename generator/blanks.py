"""Fill-in blanks: split template text into literal parts and [Label] blanks, and count its length."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of . ! ? before a space or the end; not the full stop of a day written as German does ("am 3. März").
SENTENCE_END = re.compile(r"(?<!\s\d)(?<!^\d)(?<!\s\d\d)(?<!^\d\d)[.!?]+(?=\s|$)")
BRACKET = re.compile(r"[\[\]]")  # parse jumps from one bracket to the next


@dataclass(frozen=True)
class Blank:
    """A [Label] in a template, at a character offset of the text."""

    label: str
    offset: int


@dataclass(frozen=True)
class Malformed:
    """A bracket that does not make a blank, at a character offset of the text."""

    offset: int
    found: str
    fix: str


def parse(text: str) -> list[str | Blank | Malformed]:
    """Split template text into literal strings, Blanks and Malformed brackets."""
    parts: list[str | Blank | Malformed] = []
    i = 0
    literal = ""
    while i < len(text):
        bracket = BRACKET.search(text, i)
        if bracket is None:
            literal += text[i:]
            break
        literal += text[i : bracket.start()]
        i = bracket.start()
        if text[i] == "]":
            parts.append(Malformed(i, "']' with no '[' before it", "remove it, or add the opening '['"))
            i += 1
            continue
        close = text.find("]", i + 1)
        inner_open = text.find("[", i + 1)
        newline = text.find("\n", i + 1)
        if close == -1 or (inner_open != -1 and inner_open < close) or (newline != -1 and newline < close):
            parts.append(Malformed(i, "'[' that is never closed on its line", "close the blank with ']'"))
            i += 1
            continue
        label = text[i + 1 : close]
        if not label.strip() or label != label.strip():
            parts.append(Malformed(i, f"'[{label}]'", "write the blank's label inside the brackets, with no spaces at the ends"))
        else:
            if literal:
                parts.append(literal)
                literal = ""
            parts.append(Blank(label, i))
        i = close + 1
    if literal:
        parts.append(literal)
    return parts


def fill(text: str, values: dict[str, str]) -> str:
    """Replace every blank whose label is in values; leave the rest as written."""
    out = []
    for part in parse(text):
        if isinstance(part, Blank):
            out.append(values.get(part.label, f"[{part.label}]"))
        elif isinstance(part, str):
            out.append(part)
    return "".join(out)


def sentence_end(abbreviations: list[str]) -> str:
    """SENTENCE_END's pattern for the page, where a full stop after one of the words given (titles and forms of
    address, such as Dr or Prof. Dr.) ends no sentence: "Frau Dr. Müller" is not two."""
    words = sorted({word.strip(".") for text in abbreviations for word in text.split()} - {""})
    return "".join(rf"(?<!\b{re.escape(word)})" for word in words) + SENTENCE_END.pattern


def sentences(text: str) -> int:
    """Count sentences: each '.', '!' or '?' run followed by white space or the end."""
    return len(SENTENCE_END.findall(text))


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 0-based line and column of an offset in text."""
    before = text[:offset]
    return before.count("\n"), offset - (before.rfind("\n") + 1)
