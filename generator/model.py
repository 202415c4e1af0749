"""The guide as typed objects, built from documents that passed every check."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

from generator.durations import Duration, parse_duration
from generator.load import Document


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
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet

    def to_json(self) -> dict:
        """Return the timing as data for the browser."""

        def conv(v):
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            return v.to_json() if isinstance(v, Duration) else v

        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        return {k: conv(v) for k, v in {**data, **self.extra}.items() if v is not None}


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
    keywords: list[str] = field(default_factory=list)
    coping: dict = field(default_factory=dict)  # {title, text, adviser}: a kind note in a box of its own
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet

    def coping_text(self, adviser: dict) -> str:
        """Return the coping note, with its adviser sentence when mkdocs.yml names an adviser with a way to reach them."""
        if not self.coping:
            return ""
        contact = adviser_contact(adviser)
        sentence = self.coping.get("adviser", "")
        return f"{self.coping['text']} {sentence.replace('{adviser}', contact)}" if contact and sentence else self.coping["text"]


def adviser_contact(adviser: dict) -> str:
    """Name the configured adviser and one way to reach them, such as "Sam Lee (sam@example.org)"; empty if none."""
    way = adviser.get("email") or adviser.get("phone") or adviser.get("url") or ""
    name = adviser.get("name") or ""
    return f"{name} ({way})" if name and way else name or way


@dataclass
class Variant:
    """One tone of a message's template: text, or a list of sentences whose items may be lists of alternatives."""

    tone: str
    body: str | list
    subject: str | list = ""
    label: str = ""
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet

    @property
    def id(self) -> str:
        """The variant's name in the page and the store: its tone."""
        return self.tone

    @property
    def text(self) -> str:
        """The body as one template: the first wording of each sentence (what the page shows without JavaScript)."""
        return first_wording(self.body)

    @property
    def subject_text(self) -> str:
        """The subject as one template, first wordings."""
        return first_wording(self.subject)


def first_wording(value: str | list) -> str:
    """A text or a list of sentences (alternatives as lists) as one template: the first wording of each, joined."""
    if isinstance(value, str):
        return value
    return " ".join(item[0] if isinstance(item, list) else item for item in value)


@dataclass
class Tone:
    """How a message greets its reader and signs off (content/tones.yml)."""

    id: str
    label: str
    greeting: list[str]
    sign_off: str
    signature: bool = False
    text_greeting: list[str] = field(default_factory=list)  # a text message's greeting; empty: `greeting`
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet


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
    recipients: dict
    avoid: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet

    @property
    def per_interviewer(self) -> bool:
        """One card per interviewer, each drawing its own wordings."""
        return self.recipients.get("to") == "each-interviewer"


@dataclass
class Section:
    """A section of an advice page."""

    title: str
    text: str = ""
    points: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet


@dataclass
class Topic:
    """A page of general advice."""

    id: str
    order: int
    title: str
    summary: str
    sections: list[Section]
    related: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet


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
    shape: dict = field(default_factory=dict)  # {pattern, hint}: the hint under the field while a value misses it
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet

    @property
    def example_parts(self) -> dict[str, str]:
        """A person blank's example for its name fields: the first word as the given name, the rest as the family's."""
        given, _, family = self.example.partition(" ")
        return {"given": given, "family": family}


@dataclass
class Situation:
    """One answer of the "What happened?" chooser."""

    id: str
    label: str
    advice: str
    step: str
    message: str = ""
    extra: dict = field(default_factory=dict)  # fields added to schema.yml that no code reads yet


@dataclass
class Guide:
    """The whole guide, ready to render."""

    steps: list[Step]
    messages: list[Message]
    topics: list[Topic]
    blanks: list[BlankDef]
    question: str
    situations: list[Situation]
    documents: dict[str, list] = field(default_factory=dict)  # every kind's data as read, for kinds no code reads yet
    ui: dict = field(default_factory=dict)  # the interface strings (content/ui.yml)
    tones: list[Tone] = field(default_factory=list)
    addresses: list[dict] = field(default_factory=list)  # forms of address: {id, label, text, words}
    titles: list[str] = field(default_factory=list)

    def tone(self, id: str) -> Tone:
        """Return the tone with this id."""
        return next(t for t in self.tones if t.id == id)

    def step(self, id: str) -> Step:
        """Return the step with this id."""
        return next(s for s in self.steps if s.id == id)

    def message(self, id: str) -> Message:
        """Return the message with this id."""
        return next(m for m in self.messages if m.id == id)


SOURCES = {
    "step": Step,
    "message": Message,
    "topic": Topic,
    "timing": Timing,
    "variant": Variant,
    "tone": Tone,
    "section": Section,
    "blank": BlankDef,
    "situation": Situation,
}  # the kind or type of schema.yml each class is built from


def needs() -> dict[str, tuple[str, ...]]:
    """Return, for each kind or type, the fields the classes here cannot do without."""
    return {
        name: tuple(f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING)
        for name, cls in SOURCES.items()
    }


def _make(cls, data: dict, **converted):
    """Build a dataclass from validated data; fields it does not declare go to its `extra`."""
    names = {f.name for f in fields(cls)} - {"extra"}
    known = {k: v for k, v in data.items() if k in names}
    extra = {k: v for k, v in data.items() if k not in names}
    return cls(**{**known, **converted}, extra=extra)


def _timing(data: dict) -> Timing:
    """Build a Timing, turning duration strings into Durations."""

    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return (parse_duration(v) if isinstance(v, str) else None) or v

    return _make(Timing, {k: conv(v) for k, v in data.items()})


def _step(d: dict) -> Step:
    """Build a Step and its Timing from validated data."""
    return _make(Step, d, when=_timing(d["when"]))


def message_of(d: dict) -> Message:
    """Build a Message and its Variants from validated data."""
    return _make(Message, d, variants=[_make(Variant, v) for v in d["variants"]])


def _topic(d: dict) -> Topic:
    """Build a Topic and its Sections from validated data."""
    return _make(Topic, d, sections=[_make(Section, s) for s in d["sections"]])


def build(docs: dict[str, list[Document]]) -> Guide:
    """Build the Guide from documents that passed every check (one blanks and one situations file)."""
    blanks = docs["blanks"][0].data
    situations = docs["situations"][0].data
    return Guide(
        steps=sorted((_step(d.data) for d in docs.get("step", [])), key=lambda s: (s.order, s.id)),
        messages=sorted((message_of(d.data) for d in docs.get("message", [])), key=lambda m: (m.order, m.id)),
        topics=sorted((_topic(d.data) for d in docs.get("topic", [])), key=lambda t: (t.order, t.id)),
        blanks=[_make(BlankDef, b) for b in blanks["blanks"]],
        question=situations["question"],
        situations=[_make(Situation, s) for s in situations["situations"]],
        documents={kind: [d.data for d in found] for kind, found in docs.items()},
        ui=docs["ui"][0].data if docs.get("ui") else {},
        tones=[_make(Tone, t) for t in docs["tones"][0].data["tones"]] if docs.get("tones") else [],
        addresses=list(docs["addresses"][0].data["addresses"]) if docs.get("addresses") else [],
        titles=list(docs["addresses"][0].data.get("titles") or []) if docs.get("addresses") else [],
    )
