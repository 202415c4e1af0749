"""The people lists of issue 14 on a message page: which list a message's recipients need, and its form, decided
here for the people-list partial (templates/_people.html.j2) and docs/assets/guide/people-list.js."""

from __future__ import annotations

from generator.model import Guide, Message

# recipients.to -> (the list's id, the most people it holds: 0 for any number); the employers list is read-only,
# read from the desk's other applications.
LISTS = {"each-referee": ("referees", 0), "coordinator": ("coordinator", 1), "each-employer": ("employers", 0)}
# recipients.to -> the list whose people can be removed one by one, so that a card's edit is kept by its addressee's
# place in it (docs/assets/guide/edits.js: dropPerson keeps the places in step).
EDITED_BY_PLACE = {"each-interviewer": "interviewers", "each-referee": "referees"}
# A person's fields in the order the form asks them: (name, input type); "select" is the form of address.
PERSON_FIELDS = (
    ("given", "text"),
    ("family", "text"),
    ("address", "select"),
    ("title", "text"),
    ("email", "email"),
    ("phone", "tel"),
)


def recipients_of(message: Message) -> dict:
    """Return a message's recipients ({to, cc}), or an empty mapping."""
    return message.recipients or {}


def address_options(guide: Guide) -> list[dict]:
    """Return the forms of address for the select: {value, label}, none chosen first, then the language's list."""
    return [{"value": "", "label": ""}] + [{"value": a["id"], "label": a["label"]} for a in guide.addresses]


def people_list(guide: Guide, message: Message) -> dict | None:
    """Return the people list a message's cards need ({id, max, editable, words, fields}), or None when it needs none."""
    found = LISTS.get(recipients_of(message).get("to", ""))
    if not found:
        return None
    list_id, most = found
    ui = guide.ui
    keys = {word: f"page_people_{list_id}_{word}" for word in ("legend", "help", "one", "add")}
    words = {word: ui[key] for word, key in keys.items() if key in ui}
    options = address_options(guide)
    fields = [
        {"name": name, "input": kind, "label": ui[f"page_people_{name}"], "options": options if kind == "select" else []}
        for name, kind in PERSON_FIELDS
    ]
    return {"id": list_id, "max": most, "editable": list_id != "employers", "words": words, "fields": fields}


def unknown_name(guide: Guide, message: Message) -> str:
    """Return how the page without JavaScript names a referee or coordinator it cannot know, such as "[Referee]"."""
    found = LISTS.get(recipients_of(message).get("to", ""))
    key = f"page_people_{found[0]}_one" if found else ""
    return f"[{guide.ui[key]}]" if key in guide.ui else ""
