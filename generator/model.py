"""The guide as typed objects, built from validated documents, with the checks that span files."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from generator import blanks as blank_syntax
from generator import roles
from generator.errors import Problem, did_you_mean
from generator.load import Document, Path, field_path
from generator.schema import Duration, parse_duration


@dataclass
class Timing:
    """When a step happens: its label and the data the planner computes dates from."""

    label: str
    anchor: str
    after: Duration | None = None
    within: Duration | None = None
    latest: Duration | None = None
    fallback: dict | None = None
    repeat: dict | None = None
    ongoing: bool = False

    def to_json(self) -> dict:
        """Return the timing as data for the browser."""

        def conv(v):
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            return v.to_json() if isinstance(v, Duration) else v

        return {f.name: conv(getattr(self, f.name)) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass
class Step:
    """One step of the journey."""

    id: str
    order: int
    title: str
    summary: str
    when: Timing
    actions: list[str]
    why: str = ""
    dos: list[str] = field(default_factory=list)
    donts: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass
class Variant:
    """One tone of a message's template."""

    id: str
    label: str
    body: str
    subject: str = ""


@dataclass
class Message:
    """One message with its templates."""

    id: str
    order: int
    title: str
    summary: str
    send_when: str
    step: str
    channel: str
    length: dict
    include: list[str]
    variants: list[Variant]
    per_interviewer: bool = False
    avoid: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A section of an advice page."""

    title: str
    text: str = ""
    points: list[str] = field(default_factory=list)


@dataclass
class Topic:
    """A page of general advice."""

    id: str
    order: int
    title: str
    summary: str
    sections: list[Section]
    related: list[str] = field(default_factory=list)


@dataclass
class BlankDef:
    """A fill-in blank declared in the registry."""

    id: str
    label: str
    help: str
    example: str
    input: str
    per_interviewer: bool = False
    required: bool = False
    form_only: bool = False
    role: str = ""


@dataclass
class Situation:
    """One answer of the "What happened?" chooser."""

    id: str
    label: str
    advice: str
    step: str
    message: str = ""


@dataclass
class Guide:
    """The whole guide, ready to render."""

    steps: list[Step]
    messages: list[Message]
    topics: list[Topic]
    blanks: list[BlankDef]
    question: str
    situations: list[Situation]
    ui: dict = field(default_factory=dict)

    def step(self, id: str) -> Step:
        """Return the step with this id."""
        return next(s for s in self.steps if s.id == id)

    def message(self, id: str) -> Message:
        """Return the message with this id."""
        return next(m for m in self.messages if m.id == id)


def _timing(data: dict) -> Timing:
    """Build a Timing, turning duration strings into Durations."""

    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return (parse_duration(v) if isinstance(v, str) else None) or v

    return Timing(**{k: conv(v) for k, v in data.items()})


def _step(d: dict) -> Step:
    return Step(**{**d, "when": _timing(d["when"])})


def _message(d: dict) -> Message:
    return Message(**{**d, "variants": [Variant(**v) for v in d["variants"]]})


def _topic(d: dict) -> Topic:
    return Topic(**{**d, "sections": [Section(**s) for s in d["sections"]]})


class _Linker:
    """Runs the checks that need the whole guide: ids, references, blanks and length budgets."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, Document]] = {"step": {}, "message": {}, "topic": {}, "blank": {}}
        self.id_paths: dict[tuple[str, str], Path] = {}

    def register(self, kind: str, doc: Document, path: Path, id: str) -> None:
        """Record an id, reporting it if another item of the kind already has it."""
        if id in self.ids[kind]:
            other = self.ids[kind][id]
            first = other.mark(self.id_paths[(kind, id)])
            self.problems.append(
                doc.problem(
                    path,
                    f"duplicate {kind} id",
                    expected=f"a {kind} id used once",
                    found=f"'{id}', already used in {other.file}:{first.line}",
                    fix="rename one of them",
                )
            )
            return
        self.ids[kind][id] = doc
        self.id_paths[(kind, id)] = path

    def ref(self, kind: str, doc: Document, path: Path, target: str) -> None:
        """Report a reference to a kind's id that does not exist."""
        if target and target not in self.ids[kind]:
            self.problems.append(
                doc.problem(
                    path,
                    f"unknown {kind}",
                    expected=f"the id of a {kind}",
                    found=f"'{target}'",
                    fix=did_you_mean(target, set(self.ids[kind])),
                )
            )


def _template_problems(doc: Document, path: Path, text: str, labels: set[str], used: set[str]) -> list[Problem]:
    """Check the blanks of one template field: well-formed and declared."""
    problems = []
    mark = doc.mark(path)
    for part in blank_syntax.parse(text):
        if isinstance(part, str):
            continue
        line, col = blank_syntax.line_and_column(text, part.offset)
        if mark.style in ("|", ">"):
            src_line = mark.line + 1 + line
            source = doc.lines[src_line - 1] if src_line - 1 < len(doc.lines) else ""
            indent = len(source) - len(source.lstrip(" "))
            where = (src_line, indent + col + 1)
        elif line == 0:
            where = (mark.line, mark.column + col + (1 if mark.style in ('"', "'") else 0))
        else:
            where = (mark.line + line, 1)
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
        elif part.label not in labels:
            problems.append(
                Problem(
                    doc.file,
                    *where,
                    field_path(path),
                    "undeclared blank",
                    expected="a blank declared in blanks.yml",
                    found=f"[{part.label}]",
                    fix=did_you_mean(part.label, labels) + " Or declare it in blanks.yml",
                )
            )
        else:
            used.add(part.label)
    return problems


def _length_problems(doc: Document, path: Path, message: Message, variant: Variant, examples: dict) -> list[Problem]:
    """Check a variant's body against the message's length budget, with blanks filled by their examples."""
    problems = []
    body = blank_syntax.fill(variant.body, examples)
    limits = message.length
    if "sentences" in limits:
        low, high = limits["sentences"]
        count = blank_syntax.sentences(body)
        if not low <= count <= high:
            problems.append(
                doc.problem(
                    path + ("body",),
                    "template outside its length budget",
                    expected=f"{low} to {high} sentences",
                    found=f"{count} sentences",
                    fix="shorten or lengthen the body; a sentence ends with '.', '!' or '?'",
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


def build(docs: dict[str, list[Document]]) -> tuple[Guide | None, list[Problem]]:
    """Link documents that all fit the schema (one blanks and one situations file) into a Guide; return it and the problems."""
    link = _Linker()
    for kind in ("step", "message", "topic"):
        for doc in docs.get(kind, []):
            link.register(kind, doc, ("id",), doc.data["id"])
    [blanks_doc], [situations_doc] = docs["blanks"], docs["situations"]
    registry = blanks_doc.data["blanks"]
    labels: dict[str, tuple[Document, Path]] = {}
    for i, b in enumerate(registry):
        link.register("blank", blanks_doc, ("blanks", i, "id"), b["id"])
        if b["label"] in labels:
            link.problems.append(
                blanks_doc.problem(
                    ("blanks", i, "label"),
                    "duplicate blank label",
                    expected="each label once",
                    found=f"'{b['label']}'",
                    fix="give each blank its own label",
                )
            )
        labels.setdefault(b["label"], (blanks_doc, ("blanks", i, "label")))
    examples = {b["label"]: b["example"] for b in registry}
    form_only = {b["label"] for b in registry if b.get("form_only")}
    used: set[str] = set()
    for doc in docs.get("step", []):
        for i, m in enumerate(doc.data.get("messages", [])):
            link.ref("message", doc, ("messages", i), m)
        for i, s in enumerate(doc.data.get("related", [])):
            link.ref("step", doc, ("related", i), s)
    for doc in docs.get("message", []):
        d = doc.data
        link.ref("step", doc, ("step",), d["step"])
        for i, m in enumerate(d.get("related", [])):
            link.ref("message", doc, ("related", i), m)
        seen_variants: set[str] = set()
        message = _message(d)
        for i, v in enumerate(message.variants):
            vpath: Path = ("variants", i)
            if v.id in seen_variants:
                link.problems.append(
                    doc.problem(
                        vpath + ("id",),
                        "duplicate variant id",
                        expected="each tone once per message",
                        found=f"'{v.id}'",
                        fix="rename one of them",
                    )
                )
            seen_variants.add(v.id)
            if d["channel"] == "email" and not v.subject:
                link.problems.append(
                    doc.problem(
                        vpath,
                        "missing subject",
                        at_key=True,
                        expected="a subject line for an email message",
                        found="no 'subject' key",
                        fix="add 'subject:' to this variant",
                    )
                )
            before = len(link.problems)
            for name in ("subject", "body"):
                if getattr(v, name):
                    link.problems += _template_problems(doc, vpath + (name,), getattr(v, name), set(labels), used)
            if len(link.problems) == before:
                link.problems += _length_problems(doc, vpath, message, v, examples)
    for doc in docs.get("topic", []):
        for i, m in enumerate(doc.data.get("related", [])):
            link.ref("message", doc, ("related", i), m)
    for i, s in enumerate(situations_doc.data["situations"]):
        link.ref("step", situations_doc, ("situations", i, "step"), s["step"])
        if "message" in s:
            link.ref("message", situations_doc, ("situations", i, "message"), s["message"])
    if not link.problems:
        for label, (doc, path) in labels.items():
            if label not in used and label not in form_only:
                link.problems.append(
                    doc.problem(
                        path,
                        "blank declared but never used",
                        severity="warning",
                        expected="a blank used by at least one template",
                        found=f"[{label}]",
                        fix="use it in a template or remove it",
                    )
                )
    link.problems += roles.problems(blanks_doc, docs.get("message", []))
    if any(p.severity == "error" for p in link.problems):
        return None, link.problems
    guide = Guide(
        steps=sorted((_step(d.data) for d in docs.get("step", [])), key=lambda s: (s.order, s.id)),
        messages=sorted((_message(d.data) for d in docs.get("message", [])), key=lambda m: (m.order, m.id)),
        topics=sorted((_topic(d.data) for d in docs.get("topic", [])), key=lambda t: (t.order, t.id)),
        blanks=[BlankDef(**b) for b in registry],
        question=situations_doc.data["question"],
        situations=[Situation(**s) for s in situations_doc.data["situations"]],
        ui=docs["ui"][0].data if docs.get("ui") else {},
    )
    return guide, link.problems
