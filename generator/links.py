"""The checks that span files: ids unique, references resolved, blanks declared and used, length budgets kept."""

from __future__ import annotations

from generator import blanks as blank_syntax
from generator import renamed, roles, wording, wording_check
from generator.errors import Problem, did_you_mean
from generator.fields import Context
from generator.load import Document, Path, field_path
from generator.model import Message, Variant, message_of


def _at(data: object, path: Path) -> object:
    """Return the value at a field path."""
    for part in path:
        data = data[part]
    return data


def _folded_position(doc: Document, mark, offset: int) -> tuple[int, int]:
    """Return the file position of an offset in a folded (>) scalar of one paragraph: its lines joined by spaces."""
    src_line = mark.line + 1
    while src_line <= len(doc.lines):
        source = doc.lines[src_line - 1]
        indent = len(source) - len(source.lstrip(" "))
        length = len(source.strip())
        if offset <= length:
            return (src_line, indent + offset + 1)
        offset -= length + 1
        src_line += 1
    return (mark.line, mark.column)


def _source_position(doc: Document, mark, text: str, offset: int) -> tuple[int, int]:
    """Return the file line and column of a character offset inside a template field (block, quoted or plain scalar)."""
    if mark.style == ">" and "\n" not in text.rstrip("\n"):
        return _folded_position(doc, mark, offset)
    line, col = blank_syntax.line_and_column(text, offset)
    if mark.style in ("|", ">"):
        src_line = mark.line + 1 + line
        source = doc.lines[src_line - 1] if src_line - 1 < len(doc.lines) else ""
        indent = len(source) - len(source.lstrip(" "))
        return (src_line, indent + col + 1)
    if line == 0:
        return (mark.line, mark.column + col + (1 if mark.style in ('"', "'") else 0))
    return (mark.line + line, 1)


def _optional_problems(doc: Document, path: Path, text: str, optional: frozenset[str]) -> list[Problem]:
    """Check the optional parts ({...}) of one template field: balanced, not nested, each holding an optional blank."""
    _, found = wording.parse_template(text, optional)
    mark = doc.mark(path)
    problems = []
    for p in found:
        if p.message == "a bracket that makes no blank":
            continue  # reported by _template_problems as a malformed blank
        problems.append(
            Problem(
                doc.file,
                *_source_position(doc, mark, text, p.offset or 0),
                field_path(path),
                p.message,
                expected="an optional part written as {text with an optional [Blank]}",
                found=p.found,
                fix=p.fix,
                severity=p.severity,
            )
        )
    return problems


def _template_problems(doc: Document, path: Path, text: str, labels: dict[str, str] | None, used: set[str]) -> list[Problem]:
    """Check the blanks of one template field: well-formed, and declared unless the registry is broken (labels None).

    `labels` maps each declared label to its blank's id.
    """
    problems = []
    mark = doc.mark(path)
    for part in blank_syntax.parse(text):
        if isinstance(part, str):
            continue
        where = _source_position(doc, mark, text, part.offset)
        if isinstance(part, blank_syntax.Malformed):
            problems.append(
                Problem(
                    doc.file,
                    *where,
                    field_path(path),
                    "malformed blank",
                    expected="a blank written as [Label]",
                    found=part.found,
                    fix=part.fix,
                )
            )
        elif labels is not None and part.label not in labels:
            by_id = {id: f"[{label}]" for label, id in labels.items()}
            hint = renamed.hint("blank", part.label, {**by_id, part.label: f"[{part.label}]"})
            if hint and not all(u in by_id for u in renamed.find("blank", part.label).get("use") or []):
                hint += " Declare them in blanks.yml"
            problems.append(
                Problem(
                    doc.file,
                    *where,
                    field_path(path),
                    "undeclared blank",
                    expected="a blank declared in blanks.yml",
                    found=f"[{part.label}]",
                    fix=hint or did_you_mean(part.label, set(labels)) + " Or declare it in blanks.yml",
                )
            )
        else:
            used.add(part.label)
    return problems


def _unmarked(text: str) -> str:
    """The template with its optional-part markers removed: the longest text it can give."""
    return text.replace("{", "").replace("}", "")


def _sentence_hint(body: str, examples: dict) -> tuple[str, str]:
    """Say which blank examples hold a sentence-ending mark that changes the count; also the first one without it."""
    body = _unmarked(body)
    count = blank_syntax.sentences(blank_syntax.fill(body, examples))
    culprits, plains = [], []
    for label, example in examples.items():
        plain = example.translate(str.maketrans("", "", ".!?"))
        if plain != example and blank_syntax.sentences(blank_syntax.fill(body, {**examples, label: plain})) != count:
            culprits.append(f"[{label}] ('{example}')")
            plains.append(plain)
    if not culprits:
        return "", ""
    return "; the example of " + " and ".join(culprits) + " holds a '.', '!' or '?' that counts as a sentence end", plains[0]


def _length_problems(doc: Document, path: Path, message: Message, variant: Variant, examples: dict) -> list[Problem]:
    """Check a variant's body, as each interviewer's note draws it, against the message's length budget."""
    people = wording_check.PEOPLE if message.per_interviewer else 1
    for text in wording_check.candidate_texts(variant.body, people):
        found = _length_of(doc, path, message, text, examples)
        if found:
            return found
    return []


def _length_of(doc: Document, path: Path, message: Message, template: str, examples: dict) -> list[Problem]:
    """Check one body text against the message's length budget, with blanks filled by their examples."""
    problems = []
    body = blank_syntax.fill(_unmarked(template), examples)
    limits = message.length
    if "sentences" in limits:
        low, high = limits["sentences"]
        count = blank_syntax.sentences(body)
        if not low <= count <= high:
            hint, plain = _sentence_hint(template, examples)
            fix = "shorten or lengthen the body; a sentence ends with '.', '!' or '?'"
            if hint:
                fix = f"write the example in blanks.yml without the mark (such as '{plain}'), or change the body"
            problems.append(
                doc.problem(
                    path + ("body",),
                    "template outside its length budget",
                    expected=f"exactly {low} sentence{'s' * (low != 1)}" if low == high else f"{low} to {high} sentences",
                    found=f"{count} sentences{hint}",
                    fix=fix,
                )
            )
    if "characters" in limits and len(body) > limits["characters"]:
        problems.append(
            doc.problem(
                path + ("body",),
                "template over its length budget",
                expected=f"at most {limits['characters']} characters with the blanks filled by their examples",
                found=f"{len(body)} characters",
                fix="shorten the body",
            )
        )
    return problems


class _Linker:
    """Runs the checks that need the whole guide: ids, references, blanks and length budgets."""

    def __init__(self, checked: list[tuple[str, Context]], incomplete: set[str]):
        self.checked = checked
        self.incomplete = incomplete  # kinds and types whose ids a broken part may hide
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, tuple[Document, Path]]] = {}
        self.optional: set[str] = set()  # labels of blanks not required: they may sit in optional parts

    def register(self) -> None:
        """Record every id of every kind and type, reporting duplicates with both places."""
        for _, ctx in self.checked:
            local: dict[str, dict[str, tuple[Document, Path]]] = {}
            for owner, id, path, scope in ctx.ids:
                table = local.setdefault(owner, {}) if scope == "file" else self.ids.setdefault(owner, {})
                if id in table:
                    other, first = table[id]
                    line = other.mark(first).line
                    self.problems.append(
                        ctx.doc.problem(
                            path,
                            f"duplicate {owner} id",
                            expected=f"a {owner} id used once" + (" in its file" if scope == "file" else ""),
                            found=f"'{id}', already used in {other.file}:{line}",
                            fix="rename one of them",
                        )
                    )
                else:
                    table[id] = (ctx.doc, path)

    def references(self) -> None:
        """Report every reference, in any field of any kind, to an id that does not exist."""
        for _, ctx in self.checked:
            for ref, target, path in ctx.refs:
                to = ref.spec["to"]
                known = self.ids.get(to, {})
                if to in self.incomplete or target in known:
                    continue
                fix = renamed.hint(to, target) or _unknown_fix(ref, path, to, target, did_you_mean(target, set(known)))
                self.problems.append(
                    ctx.doc.problem(path, f"unknown {to}", expected=f"the id of a {to}", found=f"'{target}'", fix=fix)
                )

    def blanks(self) -> tuple[dict[str, tuple[Document, Path]], dict[str, str], set[str], dict[str, str]]:
        """Return the declared blanks' labels (with their place), examples, form-only labels and ids by label."""
        labels: dict[str, tuple[Document, Path]] = {}
        examples, form_only, ids = {}, set(), {}
        for doc, path in self.ids.get("blank", {}).values():
            item = _at(doc.data, path[:-1])
            label, lpath = item.get("label"), path[:-1] + ("label",)
            if not isinstance(label, str):
                self.incomplete.add("blank")  # a blank without a readable label: templates may well use it
                continue
            if not item.get("required"):
                self.optional.add(label)
            if label in labels:
                self.problems.append(
                    doc.problem(
                        lpath,
                        "duplicate blank label",
                        expected="each label once",
                        found=f"'{label}'",
                        fix="give each blank its own label",
                    )
                )
                continue
            labels[label] = (doc, lpath)
            ids[label] = _at(doc.data, path)
            examples[label] = item.get("example") if isinstance(item.get("example"), str) else ""
            if item.get("form_only") is True or item.get("input") == "person":
                form_only.add(label)  # a person is used by greetings and sign-offs too
        return labels, examples, form_only, ids

    def messages(self, examples: dict, declared: dict[str, str] | None, used: set[str]) -> None:
        """Check every template's blanks, email subjects and length budgets."""
        bad_templates: set[tuple[str, Path]] = set()
        for _, ctx in self.checked:
            for path, text in ctx.templates:
                found = _template_problems(ctx.doc, path, text, declared, used)
                if declared is not None:
                    found += _optional_problems(ctx.doc, path, text, frozenset(self.optional))
                if any(p.severity == "error" for p in found):
                    bad_templates.add((ctx.doc.file, path[:-1]))
                self.problems += found
        for kind, ctx in self.checked:
            if kind != "message" or ctx.problems:
                continue  # a message with schema problems cannot be measured
            message = message_of(ctx.doc.data)
            for i, v in enumerate(message.variants):
                vpath: Path = ("variants", i)
                if message.channel == "email" and not v.subject:
                    self.problems.append(
                        ctx.doc.problem(
                            vpath,
                            "missing subject",
                            at_key=True,
                            expected="a subject line for an email message",
                            found="no 'subject' key",
                            fix="add 'subject:' to this variant",
                        )
                    )
                if declared is not None and (ctx.doc.file, vpath) not in bad_templates:
                    self.problems += _length_problems(ctx.doc, vpath, message, v, examples)


def link(checked: list[tuple[str, Context]], incomplete: set[str]) -> list[Problem]:
    """Run the cross-file checks on every document that loaded; return their problems (and unused-blank warnings)."""
    linker = _Linker(checked, incomplete)
    linker.register()
    linker.references()
    labels, examples, form_only, ids = linker.blanks()
    used: set[str] = set()
    declared = None if "blank" in incomplete else ids
    linker.messages(examples, declared, used)
    linker.problems += wording_check.tone_problems(checked, _source_position)
    linker.problems += wording_check.duplicate_tones(checked)
    if declared is not None:
        linker.problems += wording_check.alternative_problems(checked)
    registries = [ctx.doc for kind, ctx in checked if kind == "blanks" and not ctx.problems]
    if registries:
        linker.problems += roles.problems(registries[0], [ctx.doc for kind, ctx in checked if kind == "message"])
    clean = not linker.problems and not incomplete and not any(ctx.problems for _, ctx in checked)
    if clean:
        for label, (doc, path) in labels.items():
            if label not in used and label not in form_only:
                linker.problems.append(
                    doc.problem(
                        path,
                        "blank declared but never used",
                        severity="warning",
                        expected="a blank used by at least one template",
                        found=f"[{label}]",
                        fix="use it in a template or remove it",
                    )
                )
    return linker.problems


def _unknown_fix(ref, path: Path, to: str, target: str, near: str) -> str:
    """Say what to do about a reference to a missing id: a near name if there is one, and what to do if it was deleted."""
    where = "remove it from this list" if isinstance(path[-1], int) else f"point '{path[-1]}' at another {to}"
    if not ref.required and not isinstance(path[-1], int):
        where = f"remove the '{path[-1]}:' line"
    deleted = f"{where}, or restore the {to} '{target}'"
    if near.startswith("did you mean"):
        return f"{near} If the {to} '{target}' was deleted: {deleted}"
    return f"no {to} has this id (was it deleted?): {deleted}"
