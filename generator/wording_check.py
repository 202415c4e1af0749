"""The wording checks of `generator check`: tones, forms of address and alternatives, as file:line:column problems."""

from __future__ import annotations

from generator import wording
from generator.errors import Problem
from generator.fields import Context
from generator.load import Document, Path, field_path

PEOPLE = 4  # notes to this many interviewers must differ enough (issue 12)
NO_ALTERNATIVES = ("phone",)  # channels whose texts are outlines for the reader, not notes people compare


def problem(doc: Document, path: Path, found: wording.WordingProblem, expected: str, position) -> Problem:
    """A WordingProblem as a content Problem: the field's place, moved to the offset inside its text if it has one."""
    mark = doc.mark(path)
    text = _at(doc.data, path)
    if found.offset is not None and isinstance(text, str):
        line, column = position(doc, mark, text, found.offset)
    else:
        line, column = mark.line, mark.column
    return Problem(
        doc.file, line, column, field_path(path), found.message, expected=expected, found=found.found, fix=found.fix,
        severity=found.severity,
    )  # fmt: skip


def _at(data: object, path: Path) -> object:
    """The value at a field path, or None where the path leads nowhere."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def tone_problems(checked: list[tuple[str, Context]], position) -> list[Problem]:
    """Check tones.yml's greetings (placeholders known, no title before a given name) and addresses.yml's words."""
    docs = {kind: ctx.doc for kind, ctx in checked if kind in ("tones", "addresses") and not ctx.problems}
    out: list[Problem] = []
    words: set[str] = set()
    if "addresses" in docs:
        entries = docs["addresses"].data["addresses"]
        words = {w for entry in entries for w in entry.get("words") or {}}
        for p in wording.check_addresses(entries):
            if p.path[-1] != "id":  # a repeated id is reported by the schema's id check
                expected = "word names other than " + ", ".join(wording.PERSON_PLACEHOLDERS)
                out.append(problem(docs["addresses"], ("addresses", *p.path), p, expected, position))
    if "tones" in docs:
        doc = docs["tones"]
        for p in wording.check_tones(doc.data["tones"], frozenset(words)):
            out.append(problem(doc, ("tones", *p.path), p, "greeting patterns with known placeholders", position))
    return out


def alternative_problems(checked: list[tuple[str, Context]]) -> list[Problem]:
    """Check that each message to every interviewer can give four notes that share no more than half their sentences."""
    out: list[Problem] = []
    for kind, ctx in checked:
        data = ctx.doc.data
        if kind != "message" or ctx.problems or data["recipients"].get("to") != "each-interviewer":
            continue
        if data["channel"] in NO_ALTERNATIVES:
            continue
        for i, variant in enumerate(data["variants"]):
            for p in wording.check_alternatives(data["id"], variant["body"], PEOPLE):
                out.append(
                    ctx.doc.problem(
                        ("variants", i, "body"),
                        p.message,
                        expected=f"notes for {PEOPLE} interviewers that share at most half their sentences",
                        found=p.found,
                        fix=p.fix,
                    )
                )
    return out


def duplicate_tones(checked: list[tuple[str, Context]]) -> list[Problem]:
    """Report a message with two variants in the same tone: the reader's choice of tone could not tell them apart."""
    out: list[Problem] = []
    for kind, ctx in checked:
        variants = ctx.doc.data.get("variants") if kind == "message" and isinstance(ctx.doc.data, dict) else None
        seen: dict[str, int] = {}
        for i, variant in enumerate(variants if isinstance(variants, list) else []):
            tone = variant.get("tone") if isinstance(variant, dict) else None
            if not isinstance(tone, str):
                continue
            if tone in seen:
                line = ctx.doc.mark(("variants", seen[tone], "tone")).line
                out.append(
                    ctx.doc.problem(
                        ("variants", i, "tone"),
                        "two variants in the same tone",
                        expected="each tone once in a message",
                        found=f"'{tone}', already used in {ctx.doc.file}:{line}",
                        fix="name another tone of tones.yml, or merge the two variants",
                    )
                )
            else:
                seen[tone] = i
    return out


def candidate_texts(body: str | list, people: int) -> list[str]:
    """The texts a body can give its first `people` readers (each person's chosen wordings), for the length checks."""
    if isinstance(body, str):
        return [body]
    items = wording.body_items(body)
    most = next((n for n in range(people, 0, -1) if wording.choose(items, n) is not None), 1)
    choices = wording.choose(items, most) or [[0] * len(items)]
    texts = [" ".join(items[i][c] for i, c in enumerate(choice)) for choice in choices]
    return list(dict.fromkeys(texts))
