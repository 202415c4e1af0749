"""Write a valid, commented starting file for a new message or step."""

from __future__ import annotations

from pathlib import Path

from generator.core import check
from generator.languages import without_languages
from generator.schema import ID_RE, schema
from generator.write import read_tree


def _comment(kind: str, field: str) -> str:
    """Return a field's description from the schema, as a YAML comment."""
    return "# " + schema()["kinds"][kind]["fields"][field]["description"]


def _message(id: str, order: int, step: str, labels: dict[str, str], tone: str) -> str:
    """Return the text of a new message file."""
    c = lambda f: _comment("message", f)  # noqa: E731
    company = labels["company"]
    return f"""# yaml-language-server: $schema=../../docs/schema/message.schema.json
# A new message. Change every text below; `./dev check` says what is wrong and how to fix it.
# The "Customize this guide" page describes every field.
{c("id")}
id: {id}
{c("order")}
order: {order}
{c("title")}
title: {id.replace("-", " ").replace("_", " ").capitalize()}
{c("summary")}
summary: Say in a sentence what this message is for.
{c("send_when")}
send_when: Say when to send it.
{c("step")}
step: {step}
{c("channel")} One of email, linkedin, phone, letter, sms.
channel: email
{c("recipients")} to: each-interviewer (one note per interviewer, with alternative wordings) or contact.
recipients:
  to: contact
{c("length")} Use `characters: 200` for a short note instead.
length:
  sentences: [3, 4]
{c("include")}
include:
  - Thanks for their time.
{c("avoid")}
avoid:
  - Anything you would not say to their face.
{c("variants")}
# Blanks are labels in square brackets, declared in content/blanks.yml. The tone (content/tones.yml)
# adds the greeting and the sign-off: write the message itself.
variants:
  - tone: {tone}
    subject: A message about [{company}]
    body: |
      Write your first sentence here. Keep the message to three or four sentences. Mention [{company}] where it helps.
"""


def _step(id: str, order: int) -> str:
    """Return the text of a new step file."""
    c = lambda f: _comment("step", f)  # noqa: E731
    return f"""# yaml-language-server: $schema=../../docs/schema/step.schema.json
# A new step. Change every text below; `./dev check` says what is wrong and how to fix it.
# The "Customize this guide" page describes every field.
{c("id")}
id: {id}
{c("order")}
order: {order}
{c("title")}
title: {id.replace("-", " ").replace("_", " ").capitalize()}
{c("summary")}
summary: Say in a sentence or two what this step is about.
{c("when")}
# anchor is one of interview, promised_date, previous_follow_up, offer, outcome;
# durations read like "24 hours", "2 days", "1 business day" or "1 week".
when:
  label: Within two days
  anchor: interview
  after: 0 days
  within: 2 days
{c("why")}
why: Say why the step matters.
{c("actions")}
actions:
  - The first thing to do.
{c("messages")}
messages: []
"""


def new_file(content_dir: Path, kind: str, id: str) -> Path:
    """Create content/<kind>s/<id>.yml with a starting text that passes every check; return its path."""
    if not ID_RE.match(id):
        raise ValueError(f"'{id}' is not a valid id: use lower-case letters, digits and hyphens, starting with a letter")
    files = without_languages(read_tree(content_dir, (".yml", ".yaml")))  # the default language's, where new files go
    guide, problems = check(files)
    if guide is None:
        raise ValueError("fix the existing content first (run: ./dev check)")
    items = guide.steps if kind == "step" else guide.messages
    if any(item.id == id for item in items):
        raise ValueError(f"a {kind} with the id '{id}' already exists")
    order = min(99, max((item.order for item in items), default=0) + 1)
    if kind == "step":
        name, text = f"steps/{order:02d}-{id}.yml", _step(id, order)
    else:
        by_id = {b.id: b.label for b in guide.blanks}
        labels = {"company": by_id.get("company", guide.blanks[0].label)}
        name, text = f"messages/{id}.yml", _message(id, order, guide.steps[0].id, labels, guide.tones[0].id)
    path = content_dir / name
    if path.exists():
        raise ValueError(f"{path} already exists")
    after, problems = check({**files, name: text.encode("utf-8")})
    if after is None:
        raise RuntimeError("the starting file does not pass the checks:\n" + "\n".join(map(str, problems)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
