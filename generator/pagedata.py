"""The page data: everything the browser modules need from the content, decided once here and shipped as JSON."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable

from markupsafe import Markup

from generator import blanks as blank_syntax
from generator import wording
from generator.model import Guide, Message, Step
from generator.people import EDITED_BY_PLACE
from generator.result import WEEKDAYS  # in result.py: the plugin checks its weekend option against it without this module
from generator.roles import role_map

PAGE_WORDS = ("page_", "nav_", "untranslated")  # ui.yml keys only the templates and the navigation show: not shipped
DATED_ANCHORS = ("interview", "promised_date", "previous_follow_up", "offer")  # offer: the offer date, from its blank's role
MAIL_LINK_LIMIT = 1800  # characters of a mailto: URL that every common mail app opens
DATA_ID = "ati-page-data"


def words_for(ui: dict[str, str], reads: list[tuple[frozenset[str], tuple[str, ...]]]) -> dict[str, str]:
    """The interface words the page's modules may read (generator/bundle.py's words_read): each by its name or a
    prefix the code completes."""
    names = frozenset().union(*(n for n, _ in reads))
    prefixes = tuple(p for _, ps in reads for p in ps)
    return {k: v for k, v in ui.items() if k in names or k.startswith(prefixes)}


def default_prefix(site_name: str) -> str:
    """Derive a storage key prefix from the site's name: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "after-the-interview"


def placement(step: Step) -> str:
    """Say where the planner shows a step: 'dated', 'at_interview' (undated, under the interview) or 'undated'."""
    when = step.when
    if when.ongoing or when.anchor not in DATED_ANCHORS:
        return "undated"
    at_once = all(d is None or d.amount == 0 for d in (when.after, when.within))
    if when.anchor == "interview" and at_once and not step.messages:
        return "at_interview"
    return "dated" if step.messages else "undated"


def plan(guide: Guide, url: Callable[[str], str]) -> list[dict]:
    """Return the planner's steps: placement, timing and the links of each, in order."""
    steps = []
    for s in guide.steps:
        messages = [guide.message(m) for m in s.messages]
        steps.append(
            {
                "id": s.id,
                "title": s.title,
                "url": url(f"steps/{s.id}.md"),
                "label": s.when.label,
                "placement": placement(s),
                "when": s.when.to_json(),
                "messages": [{"title": m.title, "url": url(f"messages/{m.id}.md")} for m in messages],
            }
        )
    return steps


def round_fields(guide: Guide) -> list[dict]:
    """Return the blanks an interview round keeps when the next one starts (those without a role, such as the topic
    discussed): the desk archives and shows them with the round's date, interviewers and promised date."""
    return [{"id": b.id, "label": b.label} for b in guide.blanks if not b.role]


LAYOUTS = {"email": "letter", "letter": "letter", "linkedin": "note", "sms": "note", "phone": "outline"}
PEOPLE = 4  # wordings are chosen for this many interviewers; beyond, the choices repeat


def layout_of(message: Message) -> str:
    """How a card puts greeting, body and sign-off together: letter, note (one line each) or outline (body alone)."""
    return LAYOUTS.get(message.channel, "letter")


def variants_data(guide: Guide, message: Message) -> list[dict]:
    """Each variant as the card needs it: its tone's id, greeting and sign-off, and its subject and body parsed, with
    each person's wordings."""
    optional = frozenset(b.label for b in guide.blanks if not b.required)
    ids = {b.label: b.id for b in guide.blanks}
    people = PEOPLE if message.per_interviewer else 1
    out = []
    for v in message.variants:
        tone = guide.tone(v.tone)
        body, _ = wording.variant_body(v.body, optional, people, ids.__getitem__)  # problems were reported by check
        subject = wording.variant_body(v.subject, optional, people, ids.__getitem__)[0] if v.subject else None
        tone_data = wording.tone_data(wording.for_channel(tone.__dict__, message.channel))
        out.append({**tone_data, "label": v.label or tone.label, "subject": subject, "body": body})
    return out


def message_config(message: Message, guide: Guide | None = None) -> dict:
    """Return what the message card needs about one message: its channel, limits, recipients, layout and wordings."""
    limits = message.length
    config: dict = {"id": message.id, "step": message.step, "email": message.channel == "email"}
    config["perRecipient"] = message.per_interviewer
    config["recipients"] = {"to": message.recipients["to"], "cc": message.recipients.get("cc", "none")}
    if message.recipients["to"] in EDITED_BY_PLACE:
        config["recipients"]["list"] = EDITED_BY_PLACE[message.recipients["to"]]
    config["layout"] = layout_of(message)
    if guide is not None:
        config["variants"] = variants_data(guide, message)
    if message.channel == "phone":
        config["spoken"] = True  # a script for a call: no one reads two of them side by side, so none is compared
    if message.channel == "sms":
        config["sms"] = True  # one text message: the card counts GSM-7/UCS-2 units and offers an sms: link
    if "sentences" in limits:
        config["sentences"] = {"min": limits["sentences"][0], "max": limits["sentences"][1]}
    if "characters" in limits:
        config["characters"] = limits["characters"]
    if "premium_characters" in limits:
        config["premiumCharacters"] = limits["premium_characters"]
    return config


def locale_of(guide: Guide, configured: str = "") -> str:
    """Return the language tag dates are written in: the plugin's `date_locale`, else ui.yml's `locale`, else en-GB."""
    return configured or guide.ui.get("locale") or "en-GB"


@functools.lru_cache(maxsize=16)
def latin_digits(locale: str) -> bool:
    """Whether the locale writes numbers with the digits 0-9 by default (CLDR's data, through Babel); False when
    Babel does not know the locale, so that the browser's Intl.NumberFormat decides."""
    from babel import Locale, UnknownLocaleError  # MkDocs has already imported it for the theme's language

    try:
        return Locale.parse(locale, sep="-").default_numbering_system == "latn"
    except (UnknownLocaleError, ValueError, TypeError):  # an unknown or malformed tag
        return False


def page_data(
    guide: Guide,
    site_name: str,
    storage_prefix: str,
    url: Callable[[str], str],
    *,
    with_plan: bool = False,
    date_locale: str = "",
    weekend: list[str] | None = None,
) -> dict:
    """Return the page's data document: the blanks' roles, interface strings, storage, rules, and the plan if asked."""
    days = ["saturday", "sunday"] if weekend is None else weekend
    data = {
        "dates": {"locale": locale_of(guide, date_locale)},
        # Counts written as is where the language uses 0-9: the browser's first NumberFormat sets up ICU's number
        # data, about 100 ms on a phone (benchmarks/README.md, "Our code at load").
        "numbers": {"latinDigits": latin_digits(guide.ui.get("locale") or "")},
        "version": 1,
        "storage": {"prefix": storage_prefix or default_prefix(site_name)},
        "roles": role_map([{"id": b.id, "role": b.role} for b in guide.blanks]),
        "labels": {b.id: b.label for b in guide.blanks if b.role},
        "ui": {k: v for k, v in guide.ui.items() if not k.startswith(PAGE_WORDS)},
        "rules": {
            "sentenceEnd": blank_syntax.sentence_end([*guide.titles, *(a.get("text") or "" for a in guide.addresses)]),
            "mailLinkLimit": MAIL_LINK_LIMIT,
            "weekend": sorted(WEEKDAYS.index(d) for d in set(days)),
            "urls": {"desk": url("applications.md"), "print": url("application-print.md")},
        },
        "calendar": {"product": f"-//{site_name}//Follow-up planner//EN"},
        "people": people_data(guide),
    }
    if with_plan:
        data["plan"] = plan(guide, url)
        data["roundFields"] = round_fields(guide)
    return data


PERSON_PARTS = ("given", "family", "address", "title")  # a person blank's values: `{id}.given`, ... in the store


def people_data(guide: Guide) -> dict:
    """The person blanks (asked as given name, family name, form of address, title) and the forms of address."""
    return {
        "blanks": [b.id for b in guide.blanks if b.input == "person"],
        "parts": list(PERSON_PARTS),
        "addresses": [
            {"id": a["id"], "label": a["label"], "text": a.get("text") or "", "words": dict(a.get("words") or {})}
            for a in guide.addresses
        ],
        "titles": list(guide.titles),
    }


JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _inert_braces(string: re.Match) -> str:
    """Write braces and percent signs in a JSON string as \\u escapes: no template engine after ours evaluates them."""
    return string.group(0).replace("{", "\\u007b").replace("}", "\\u007d").replace("%", "\\u0025")


def element(data: dict, inside: str = "") -> Markup:
    """Return the data as JSON in an attribute of a hidden element, HTML-escaped, around `inside`.

    Not a <script type="application/json">: Material's instant navigation re-creates every inline script of the
    new page as a classic script, without its type, and runs it (a SyntaxError, and the element loses its id)."""
    shell = _element(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return Markup(str(shell).removesuffix("</div>") + str(inside) + "</div>")


@functools.lru_cache(maxsize=64)
def _element(text: str) -> Markup:
    """The element for one JSON text: pages at the same depth share it, so each distinct text is escaped once."""
    text = JSON_STRING.sub(_inert_braces, text)
    for char, entity in (("&", "&amp;"), ("'", "&#39;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, entity)  # single-quoted: the JSON's many double quotes stay as they are
    return Markup(f"<div id=\"{DATA_ID}\" hidden data-json='{text}'></div>")
