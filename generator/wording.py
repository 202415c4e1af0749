"""Wording rules, as pure functions: greetings by tone, optional parts, alternative sentences and text budgets."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from generator import blanks as blank_syntax


@dataclass(frozen=True)
class WordingProblem:
    """One mistake in wording data: a field path, what is wrong, and how to fix it (offset: inside the text)."""

    path: tuple
    message: str
    found: str = ""
    fix: str = ""
    offset: int | None = None
    severity: str = "error"


# --- Greetings ------------------------------------------------------------------------------------------------

PERSON_PLACEHOLDERS = ("title", "address", "given", "family", "name")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# "Dr. Lena" is refused; "Dr. Lena Fischer", the whole name, is how German greets without Frau or Herr.
TITLE_BEFORE_GIVEN = re.compile(r"\{(title|address)\}\s*\{given\}(?!\s*\{family\})")


def check_tones(tones: list[dict], address_words: frozenset[str] = frozenset()) -> list[WordingProblem]:
    """Problems in a tones list: unknown placeholders, a title before a given name, no greeting for one name."""
    known = set(PERSON_PLACEHOLDERS) | set(address_words)
    problems = []
    for t, tone in enumerate(tones):
        for key in ("greeting", "text_greeting"):
            if key in tone or key == "greeting":
                problems += _greeting_problems(tone.get(key) or [], (t, key), known)
    return problems


def _greeting_problems(patterns: list[str], where: tuple, known: set[str]) -> list[WordingProblem]:
    """Problems in one list of greeting patterns (where: its path in the tones list)."""
    problems = []
    for p, pattern in enumerate(patterns):
        path = (*where, p)
        for m in PLACEHOLDER.finditer(pattern):
            if m.group(1) not in known:
                fix = "use " + ", ".join("{" + k + "}" for k in sorted(known))
                problems.append(WordingProblem(path, "unknown placeholder", m.group(0), fix, m.start()))
        m = TITLE_BEFORE_GIVEN.search(pattern)
        if m:
            problems.append(
                WordingProblem(
                    path,
                    "a title or form of address goes before the family name, never before a given name alone",
                    m.group(0),
                    "write {" + m.group(1) + "} {family} or {" + m.group(1) + "} {given} {family}, or drop {" + m.group(1) + "}",
                    m.start(),
                )
            )
        if pattern.count("{") != pattern.count("}"):
            problems.append(WordingProblem(path, "unbalanced brace", pattern, "write each placeholder as {name}"))
    if not any(set(PLACEHOLDER.findall(p)) <= {"name"} for p in patterns):
        problems.append(
            WordingProblem(
                where,
                "no pattern greets a person known by one name only",
                f"{len(patterns)} pattern(s)",
                'end the list with a pattern that uses {name} alone, such as "Dear {name},"',
            )
        )
    return problems


def check_addresses(addresses: list[dict]) -> list[WordingProblem]:
    """Problems in a forms-of-address list: repeated ids, and words that would hide a person placeholder."""
    problems = []
    seen: set[str] = set()
    for i, entry in enumerate(addresses):
        if entry.get("id") in seen:
            found = repr(entry.get("id"))
            problems.append(WordingProblem((i, "id"), "this id is used twice", found, "give each form its own id"))
        seen.add(entry.get("id"))
        for word in entry.get("words") or {}:
            if word in PERSON_PLACEHOLDERS:
                fix = "choose another name for this word, such as 'dear'"
                problems.append(WordingProblem((i, "words", word), "this word would hide a person placeholder", repr(word), fix))
    return problems


def _clean(v: object) -> str:
    """A value as one line of single spaces, trimmed (None as "")."""
    return " ".join(str(v or "").split())


def _titled(person: dict, titles: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """The title as listed ("Dr" typed, "Dr." listed) and the given name, or a listed title typed at the start of
    the given name when the title field is empty (see names.js)."""

    def key(text: str) -> str:
        return "".join(_clean(text).lower().replace(".", "").split())

    def listed(text: str) -> str | None:
        return next((t for t in titles if key(t) == key(text)), None)

    title, words = _clean(person.get("title")), _clean(person.get("given")).split(" ")
    if title:
        return listed(title) or title, " ".join(words)
    for n in range(len(words) - 1, 0, -1):
        found = listed(" ".join(words[:n]))
        if found:
            return found, " ".join(words[n:])
    return title, " ".join(words)


def person_values(person: dict, addresses: list[dict], titles: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """The placeholder values for one person: title, address, given, family, name and the address's own words."""
    entry = next((a for a in addresses if a.get("id") == person.get("address")), {})
    title, typed = _titled(person, titles)
    said = [_clean(entry.get("text")), title]  # typed into the name as well: said once
    family = _without_leading(_clean(person.get("family")), said)
    given = _without_trailing(_without_leading(typed, said), family)  # "Tom Baker" and "Baker": said once
    values = {k: _clean(v) for k, v in (entry.get("words") or {}).items()}
    values.update(
        title=title,
        address=_clean(entry.get("text")),
        given=given,
        family=family,
        name=" ".join(x for x in (given, family) if x),
    )
    return values


def _without_leading(text: str, phrases: list[str]) -> str:
    """text without the phrases it starts with (word by word, without case or a final full stop), if any is left."""

    def key(word: str) -> str:
        return word.lower().removesuffix(".")

    words = text.split()
    for phrase in phrases:
        start = phrase.split()
        if start and len(words) > len(start) and all(key(a) == key(b) for a, b in zip(start, words, strict=False)):
            words = words[len(start) :]
    return " ".join(words)


def _without_trailing(text: str, phrase: str) -> str:
    """text without the phrase it ends with (word by word, without case), if anything is left (see names.js)."""
    words, end = text.split(), phrase.lower().split()
    if end and len(words) > len(end) and [w.lower() for w in words[-len(end) :]] == end:
        return " ".join(words[: -len(end)])
    return " ".join(words)


def greeting(person: dict, tone: dict, addresses: list[dict], unknown: str = "", titles: list[str] | tuple[str, ...] = ()) -> str:
    """The tone's first greeting pattern whose placeholders are all known for the person, filled in (see names.js)."""
    values = person_values(person, addresses, titles)
    for pattern in tone.get("greeting") or []:
        keys = PLACEHOLDER.findall(pattern)
        if all(values.get(k) for k in keys):
            return " ".join(PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern).split())
    patterns = tone.get("greeting") or []
    return " ".join(PLACEHOLDER.sub(lambda m: unknown, patterns[-1]).split()) if unknown and patterns else ""


def for_channel(tone: dict, channel: str) -> dict:
    """The tone as a message on this channel uses it: a text message (sms) greets with text_greeting, if given."""
    if channel == "sms" and tone.get("text_greeting"):
        return {**tone, "greeting": tone["text_greeting"]}
    return tone


def tone_data(tone: dict) -> dict:
    """A tone as the page data carries it to names.js."""
    return {
        "id": tone["id"],
        "label": tone["label"],
        "greeting": list(tone.get("greeting") or []),
        "signOff": tone.get("sign_off", ""),
        "signature": bool(tone.get("signature")),
    }


# --- Optional parts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionalPart:
    """A part of a template that drops out when one of the optional blanks in it is left empty."""

    parts: tuple
    needs: tuple[str, ...]
    offset: int


def parse_template(text: str, optional_labels: frozenset[str] | set[str]) -> tuple[list, list[WordingProblem]]:
    """Split a template into text, Blanks and Optional parts; problems carry the offset of the marker at fault."""
    nodes, problems = _parsed(text, frozenset(optional_labels))
    return list(nodes), list(problems)


@functools.lru_cache(maxsize=8192)
def _parsed(text: str, optional_labels: frozenset[str]) -> tuple[tuple, tuple[WordingProblem, ...]]:
    """parse_template, once for the same text and labels (the checks, the page data and the forms each parse the
    same templates, and `./dev serve` again after every save); its nodes and problems are frozen."""
    nodes, problems = _parse_template(text, optional_labels)
    return tuple(nodes), tuple(problems)


def _parse_template(text: str, optional_labels: frozenset[str]) -> tuple[list, list[WordingProblem]]:
    """parse_template's work."""
    nodes: list = []
    problems: list[WordingProblem] = []
    start = 0
    opened = None
    nested = 0  # braces opened inside a part: reported once, and their '}' is not a lone marker
    for i, ch in enumerate(text):
        if ch == "{" and opened is not None:
            nested += 1
            problems.append(
                WordingProblem(
                    (), "an optional part inside another", "'{'", "close the first part with '}' before opening another", i
                )
            )
        elif ch == "}" and nested:
            nested -= 1
        elif ch == "{":
            nodes.extend(_plain(text[start:i], start, problems))
            opened, start = i, i + 1
        elif ch == "}" and opened is None:
            problems.append(WordingProblem((), "'}' with no '{' before it", "'}'", "remove it, or open the part with '{'", i))
        elif ch == "}":
            inner = _plain(text[start:i], start, problems)
            needs = tuple(
                dict.fromkeys(p.label for p in inner if isinstance(p, blank_syntax.Blank) and p.label in optional_labels)
            )
            if not any(isinstance(p, str) and p.strip() or isinstance(p, blank_syntax.Blank) for p in inner):
                problems.append(WordingProblem((), "an empty optional part", "'{}'", "remove the braces", opened))
            elif not needs:
                problems.append(
                    WordingProblem(
                        (),
                        "an optional part with no optional blank in it, so nothing decides when it drops",
                        repr(text[opened : i + 1]),
                        "put an optional blank inside the braces, or remove the braces",
                        opened,
                    )
                )
            nodes.append(OptionalPart(tuple(inner), needs, opened))
            opened, start = None, i + 1
    if opened is not None:
        problems.append(WordingProblem((), "'{' that is never closed", "'{'", "close the optional part with '}'", opened))
        start = opened + 1
    nodes.extend(_plain(text[start:], start, problems))
    for node in nodes:
        if isinstance(node, blank_syntax.Blank) and node.label in optional_labels:
            problems.append(
                WordingProblem(
                    (),
                    f"the optional blank [{node.label}] is outside an optional part, so its bracket stays when it is empty",
                    f"'[{node.label}]'",
                    "wrap the sentence or clause that holds it in braces: {...}",
                    node.offset,
                    "warning",
                )
            )
    return nodes, sorted(problems, key=lambda p: p.offset or 0)


def _plain(text: str, base: int, problems: list[WordingProblem]) -> list:
    """Literal text and Blanks of a stretch with no braces, offsets counted from the start of the whole template."""
    out = []
    for part in blank_syntax.parse(text):
        if isinstance(part, blank_syntax.Malformed):
            problems.append(WordingProblem((), "a bracket that makes no blank", part.found, part.fix, base + part.offset))
        elif isinstance(part, blank_syntax.Blank):
            out.append(blank_syntax.Blank(part.label, base + part.offset))
        else:
            out.append(part)
    return out


def template_data(nodes: list, key=lambda label: label) -> list:
    """Parsed template as JSON for wording.js: strings, {"blank": key}, {"optional": [...], "needs": [keys]}."""
    out: list = []
    for node in nodes:
        if isinstance(node, OptionalPart):
            out.append({"optional": template_data(list(node.parts), key), "needs": [key(n) for n in node.needs]})
        elif isinstance(node, blank_syntax.Blank):
            out.append({"blank": key(node.label), "label": node.label})
        else:
            out.append(node)
    return out


def template_html(nodes: list, blank_html, escape, key=None) -> str:
    """The template for the page without JavaScript: optional parts in a span, braces kept, blanks by blank_html.

    With `key` (label -> blank id), each part's span names the blanks it needs in data-needs, for the card script."""
    out = []
    for node in nodes:
        if isinstance(node, OptionalPart):
            inner = template_html(list(node.parts), blank_html, escape, key)
            needs = f' data-needs="{escape(" ".join(key(n) for n in node.needs))}"' if key else ""
            out.append(f'<span class="ati-optional" title="optional"{needs}>{{{inner}}}</span>')
        elif isinstance(node, blank_syntax.Blank):
            out.append(blank_html(node.label))
        else:
            out.append(str(escape(node)))
    return "".join(out)


def plain_text(nodes: list) -> str:
    """The template with markers removed and blanks as [Label]: the longest text it can give."""
    out = []
    for node in nodes:
        if isinstance(node, OptionalPart):
            out.append(plain_text(list(node.parts)))
        elif isinstance(node, blank_syntax.Blank):
            out.append(f"[{node.label}]")
        else:
            out.append(node)
    return "".join(out)


# --- Alternatives and sentence sharing -------------------------------------------------------------------------

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
BLANK = re.compile(r"\[[^\[\]\n]*\]")
OPTIONAL_PART = re.compile(r"\{[^{}]*\}")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def words(sentence: str) -> Counter:
    """The words of a sentence, lower case, with blanks (names, topics) and optional-part braces set aside."""
    text = unicodedata.normalize("NFC", BLANK.sub(" ", sentence)).replace("\u2019", "'").lower()
    return Counter(WORD.findall(text))


def sentences(text: str) -> list[str]:
    """Split text into its sentences, each trimmed."""
    return [s for s in SENTENCE_BREAK.split(text.replace("{", "").replace("}", "").strip()) if s]


@functools.lru_cache(maxsize=4096)
def same_sentence(a: str, b: str) -> bool:
    """Shared: the words in common are more than half of the two sentences' average length (4 x common > a + b)."""
    wa, wb = words(a), words(b)
    common = sum((wa & wb).values())
    return 4 * common > sum(wa.values()) + sum(wb.values())


def shared_sentences(a: list[str], b: list[str]) -> int:
    """How many sentences of note a pair off with a shared sentence of note b, each used once."""
    used: set[int] = set()
    for s in a:
        j = next((j for j, t in enumerate(b) if j not in used and same_sentence(s, t)), None)
        if j is not None:
            used.add(j)
    return len(used)


def too_similar(a: list[str], b: list[str]) -> bool:
    """Too alike: shared sentences are more than half of the notes' average sentence count (4 x shared > a + b)."""
    return 4 * shared_sentences(a, b) > len(a) + len(b)


def body_items(body: str | list) -> list[list[str]]:
    """A variant body as a list of items, each a list of its alternative wordings (a plain string is one item)."""
    if isinstance(body, str):
        return [[body]]
    return [list(item) if isinstance(item, list) else [item] for item in body]


def choose(items: list[list[str]], people: int = 4) -> list[list[int]] | None:
    """Alternatives for persons 0..people-1 (person 0 takes every first wording) so no two notes are too alike,
    with their optional parts kept and with them all dropped."""
    key = tuple(tuple(alts) for alts in items)
    try:
        found = _chosen(key, people)  # once for the same wordings: the checks and the page data each ask several
    except TypeError:  # times, and `./dev serve` again after every save; TypeError: a wording that is not text
        found = _choose(key, people)
    return None if found is None else [list(combo) for combo in found]


def _choose(items: tuple[tuple[str, ...], ...], people: int) -> tuple[tuple[int, ...], ...] | None:
    """choose's search, its answer as tuples."""
    combos = list(itertools.product(*(range(len(alts)) for alts in items)))
    full = [[s for i, c in enumerate(combo) for s in sentences(items[i][c])] for combo in combos]
    short = [[s for i, c in enumerate(combo) for s in sentences(OPTIONAL_PART.sub("", items[i][c]))] for combo in combos]
    alike: dict[tuple[int, int], bool] = {}

    def compatible(j: int, k: int) -> bool:
        if (j, k) not in alike:
            alike[j, k] = not too_similar(full[j], full[k]) and not too_similar(short[j], short[k])
        return alike[j, k]

    def preference(person: int) -> list[int]:
        first = combos.index(tuple(person % len(alts) for alts in items))
        return [first] + [k for k in range(len(combos)) if k != first]

    def search(chosen: list[int]) -> list[int] | None:
        if len(chosen) == people:
            return chosen
        for k in preference(len(chosen)):
            if all(compatible(k, c) for c in chosen):
                found = search(chosen + [k])
                if found:
                    return found
        return None

    found = search([0])
    return None if found is None else tuple(combos[k] for k in found[:people])


_chosen = functools.lru_cache(maxsize=2048)(_choose)


def check_alternatives(message_id: str, body: str | list, people: int = 4) -> list[WordingProblem]:
    """A problem when the alternatives of a per-person body cannot give `people` notes that differ enough."""
    items = body_items(body)
    if choose(items, people) is not None:
        return []
    most = max((n for n in range(1, people) if choose(items, n) is not None), default=1)
    return [
        WordingProblem(
            ("body",),
            f"message '{message_id}': the alternatives give at most {most} note{'s' * (most != 1)} that share no more than"
            " half their sentences",
            f"{people} interviewers",
            "add another wording to more sentences: a list of alternatives in place of a sentence",
        )
    ]


def check_body(body: object) -> list[WordingProblem]:
    """Shape problems in a list body: each item a sentence or a list of at least two alternative sentences."""
    if isinstance(body, str):
        return []
    if not isinstance(body, list) or not body:
        fix = "write the text, or a list of sentences"
        return [WordingProblem((), "expected text or a list of sentences", type(body).__name__, fix)]
    problems = []
    for i, item in enumerate(body):
        if isinstance(item, dict):
            problems.append(
                WordingProblem(
                    (i,),
                    "an item that YAML read as a mapping",
                    "a mapping",
                    'put the item in quotes when it starts with "{" or "["',
                )
            )
        elif not isinstance(item, (str, list)):
            problems.append(WordingProblem((i,), "expected a sentence", type(item).__name__, "write the sentence as text"))
        elif isinstance(item, list) and (len(item) < 2 or not all(isinstance(s, str) for s in item)):
            problems.append(
                WordingProblem(
                    (i,),
                    "alternatives must be two or more sentences",
                    f"{len(item)} item(s)",
                    "add a wording, or write the sentence alone",
                )
            )
    return problems


def variant_body(body: str | list, optional_labels: frozenset[str], people: int = 1, key=lambda label: label):
    """A variant body as page data, {"items": [[alternative nodes]], "choices": [per person]}, and its problems."""
    problems = check_body(body)
    if problems:
        return {"items": [], "choices": []}, problems
    items = body_items(body)
    parsed = []
    for i, alts in enumerate(items):
        row = []
        for a, text in enumerate(alts):
            nodes, found = parse_template(text, optional_labels)
            path = () if isinstance(body, str) else (i, a) if len(alts) > 1 else (i,)
            problems += [replace(p, path=path) for p in found]
            row.append(template_data(nodes, key))
        parsed.append(row)
    most = next((n for n in range(people, 0, -1) if choose(items, n) is not None), 1)
    return {"items": parsed, "choices": choose(items, most)}, problems


# --- Text message budget ------------------------------------------------------------------------------------------

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
    "abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = set("^{}\\[~]|€\f")


def sms_budget(text: str) -> dict:
    """Length of one text message: GSM-7 units (extension characters count two) out of 160, or UTF-16 units of 70."""
    outside = next((ch for ch in text if ch not in GSM_BASIC and ch not in GSM_EXTENSION), "")
    if outside:
        units, limit = len(text.encode("utf-16-le")) // 2, 70
    else:
        units, limit = sum(2 if ch in GSM_EXTENSION else 1 for ch in text), 160
    encoding = "UCS-2" if outside else "GSM-7"
    return {"encoding": encoding, "units": units, "limit": limit, "over": max(0, units - limit), "outside": outside}
