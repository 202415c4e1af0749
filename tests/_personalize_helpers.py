"""Helpers for the personalization browser tests: the content as data, a watched browser page, and the fork build."""

from __future__ import annotations

import datetime as dt
import functools
import re
import urllib.parse
from pathlib import Path

import yaml
from _project_helpers import plugin_options, set_config

from generator.blanks import Blank, parse
from generator.blanks import fill as fill_template

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixture" / "content"  # the sites these tests use are built from it
BLANKS = yaml.safe_load((CONTENT / "blanks.yml").read_text("utf-8"))["blanks"]
LABEL = {b["id"]: b["label"] for b in BLANKS}
ID_OF = {b["label"]: b["id"] for b in BLANKS}
PREFIX = "after-the-interview:"  # the storage key prefix derived from the site_name
FORK_PREFIX = "my-fork"  # the fork's own storage_prefix option
UNSENDABLE = re.compile(r"[\[\]{}]|undefined|null|NaN")  # what a copied text must not hold: a blank, a script's gap
XSS = ['<img src=x onerror="window.__xss=1">', '"><svg onload="window.__xss=2">', "</textarea><script>window.__xss=3</script>"]


def message(mid: str) -> dict:
    """Return a message's YAML as data."""
    return yaml.safe_load((CONTENT / "messages" / f"{mid}.yml").read_text("utf-8"))


def variant(mid: str, vid: str) -> dict:
    """Return one variant (tone) of a message, its body and subject as the first wording of each sentence."""
    found = dict(next(v for v in message(mid)["variants"] if v["tone"] == vid))
    for key in ("body", "subject"):
        if isinstance(found.get(key), list):
            found[key] = " ".join(item[0] if isinstance(item, list) else item for item in found[key])
    return found


PERSONS = {b["id"] for b in BLANKS if b["input"] == "person"}
FORMS = {"Ms": "ms", "Mr": "mr", "Mx": "mx"}


def person_parts(typed: str, title: str = "") -> dict[str, str]:
    """A typed name (and an old title blank's value) as person fields: the last word is the family name."""
    words = typed.split()
    parts = {"given": " ".join(words[:-1]) or typed, "family": words[-1] if len(words) > 1 else ""}
    if title in FORMS:
        parts["address"] = FORMS[title]
    elif title:
        parts["title"] = title
    return parts


def fill_person(page, prefix: str, typed: str, title: str = "") -> None:
    """Type a person into the fields with ids starting with prefix (such as ati-your_name)."""
    for part, value in person_parts(typed, title).items():
        if part == "address":
            page.select_option(f"#{prefix}-address", value)
        else:
            page.fill(f"#{prefix}-{part}", value)


def long_date(iso: str, today: dt.date | None = None) -> str:
    """Write an ISO date the way the guide's messages show it (en-GB): '3 March', with the year only when it is not
    the current one ('3 March 2025')."""
    d = dt.date.fromisoformat(iso)
    year = "" if d.year == (today or dt.date.today()).year else f" {d.year}"
    return f"{d.day} {d:%B}{year}"


def one_line(value: str) -> str:
    """A value as a blank shows it: white space collapsed, ends trimmed."""
    return re.sub(r"\s+", " ", value).strip()


def expected(template: str, values: dict[str, str]) -> str:
    """Fill a template the way the card does, from values keyed by blank id: an optional part {...} whose blanks
    are all filled loses its braces, any other drops (the shipped parts carry their own leading space or comma)."""
    filled = {LABEL[k]: v for k, v in values.items() if v and k in LABEL}

    def part(match: re.Match) -> str:
        labels = re.findall(r"\[([^\]]+)\]", match.group(1))
        return match.group(1) if all(label in filled for label in labels) else ""

    return fill_template(re.sub(r"\{([^{}]*)\}", part, template), filled)


def blank_ids(*templates: str) -> list[str]:
    """The distinct blank ids of templates, in order of first appearance."""
    seen: list[str] = []
    for text in templates:
        for part in parse(text):
            if isinstance(part, Blank) and ID_OF[part.label] not in seen:
                seen.append(ID_OF[part.label])
    return seen


DATE_RULES = """async () => {
    const base = document.querySelector('script[src$="guide/start.js"]').src;
    const dates = await import(new URL('dates.js', base)), calendar = await import(new URL('calendar.js', base));
    window.ATIPlanner = {day: dates.dayNumber, iso: dates.isoDate, weekend: dates.isWeekend, addBusiness: dates.addBusinessDays,
        add: dates.addDuration, plan: dates.schedule, utc: calendar.utcInstant};
    window.pageData = JSON.parse(document.getElementById('ati-page-data').dataset.json);
}"""


def expose_date_rules(page) -> None:
    """Import the site's own (minified) dates.js and calendar.js into the page as window.ATIPlanner, and the page data."""
    page.evaluate(DATE_RULES)


def encode(value: str) -> str:
    """JavaScript's encodeURIComponent."""
    return urllib.parse.quote(value, safe="-_.!~*'()")


class Watched:
    """A page whose requests, script errors and dialogs are recorded, to assert none went wrong."""

    def __init__(self, page):
        self.page, self.requests, self.errors, self.dialogs, self.console = page, [], [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(f"{e.message}\n{e.stack}"))
        page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        page.on("dialog", self._dialog)
        page.ati_watched = self

    def _dialog(self, dialog) -> None:
        """Answer the confirmation a test expects (forget_everything), else record the dialog and dismiss it."""
        answer = getattr(self.page, "ati_answer_next", None)
        if dialog.type == "confirm" and answer is not None:
            self.page.ati_answer_next = None
            dialog.accept() if answer else dialog.dismiss()
            return
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self, base: str, allow_console: tuple[str, ...] = (), only_ours: bool = False) -> None:
        """No request left the local site, no script error (only_ours: none from assets/guide/), no dialog."""
        outside = [u for u in self.requests if not u.startswith((base, "blob:" + base, "data:"))]
        assert not outside, f"requests left the site: {outside}"
        errors = [e for e in self.errors if not only_ours or "assets/guide/" in e]
        assert not errors, errors
        assert not self.dialogs, self.dialogs
        unexpected = [c for c in self.console if not any(a in c for a in allow_console)]
        assert not unexpected, unexpected


def forget_everything(page, answer: bool = True) -> None:
    """Press the form's Forget everything and answer its confirmation, as a reader would (yes unless answer=False)."""
    if getattr(page, "ati_watched", None):
        page.ati_answer_next = answer
    else:
        page.once("dialog", lambda d: d.accept() if answer else d.dismiss())
    page.get_by_role("button", name="Forget everything").click()


def type_person(page, prefix: str, person: dict) -> None:
    """Type a person (given, family, title, address) into the fields with ids starting with prefix, as a reader would."""
    for part in ("given", "family", "title"):
        if person.get(part):
            page.fill(f"#{prefix}-{part}", person[part])
    if person.get("address"):
        page.select_option(f"#{prefix}-address", person["address"])


def type_interviewers(page, people: list[dict]) -> None:
    """Type interviewers (a person with an email each) into the form, adding fieldsets as needed."""
    for i, person in enumerate(people):
        if page.locator("[data-ati-interviewer]").count() <= i:
            page.click("[data-ati-add-interviewer]")
        type_person(page, f"ati-i{i}-interviewer_name", person)
        page.fill(f"#ati-i{i}-interviewer_email", person["email"])


@functools.cache
def ui_strings(content: Path = CONTENT) -> dict:
    """The interface strings of a content folder's language (its ui.yml)."""
    return yaml.safe_load((content / "ui.yml").read_text("utf-8"))


def copy_labels(content: Path = CONTENT) -> frozenset[str]:
    """The copy buttons' labels in a content folder's language."""
    return frozenset(ui_strings(content)[key] for key in ("copy_subject", "copy_body", "copy_both", "copy_text"))


def mail_link(card) -> str:
    """The href of a card's mail link."""
    return card.locator("a.ati-btn[href^=mailto]").get_attribute("href")


def downloaded(page, card, content: Path = CONTENT) -> str:
    """The text the card's .txt download button saves (its label in content's language)."""
    with page.expect_download() as download:
        card.get_by_role("button", name=ui_strings(content)["download"]).click()
    return download.value.path().read_text("utf-8")


def copy_all(page, card, content: Path = CONTENT) -> list[str]:
    """What every visible copy button of a card hands over, its labels in content's language (pressed again after a
    warning, as a reader would)."""
    texts = []
    buttons = card.locator(".ati-actions button")
    for i in range(buttons.count()):
        button = buttons.nth(i)
        if not button.is_visible() or button.text_content().strip() not in copy_labels(content):
            continue
        page.evaluate("navigator.clipboard.writeText('sentinel')")
        button.click()
        page.wait_for_timeout(60)
        if page.evaluate("navigator.clipboard.readText()") == "sentinel":
            button.click()  # the first press warned (too long): the second copies
            page.wait_for_timeout(60)
        texts.append(page.evaluate("navigator.clipboard.readText()"))
    return texts


def each_tone(page):
    """Check the page's tone radios one after the other, yielding each one's value ("" once when it has one tone)."""
    page.locator(".ati-message[data-module-started]").first.wait_for(state="attached")
    radios = page.locator(".ati-tones input[type=radio]").all()
    if not radios:
        yield ""
    for radio in radios:
        radio.check()
        yield radio.get_attribute("value")


def every_card(page, base: str, messages: list[str], content: Path = CONTENT):
    """Open each message's page under base, and in every tone yield (message id, tone, index, card, what its copy
    buttons hand over) for each card."""
    for mid in messages:
        page.goto(base + f"messages/{mid}/")
        for tone in each_tone(page):
            cards = page.locator(".ati-card")
            for c in range(cards.count()):
                yield mid, tone, c, cards.nth(c), copy_all(page, cards.nth(c), content)


def clipboard_page(browser, url: str, clock: str | None = None, **options):
    """A page that may use the clipboard and download, opened at url (at a fixed time when clock is given); after
    the test, no script error (the body of a fixture: `yield from`)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True, **options)
    page = context.new_page()
    if clock:
        page.clock.set_fixed_time(clock)
    errors = []
    page.on("pageerror", lambda e: errors.append(e.message))
    page.goto(url)
    yield page
    context.close()
    assert errors == []


def open_form(page) -> None:
    """Open the form's disclosure if a filled profile has folded it (once its module has started and decided)."""
    page.locator("[data-ati-profile][data-module-started]").wait_for(state="attached")
    details = page.locator("[data-ati-profile] details")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()


def fill_profile(page, fields: dict[str, str], interviewers: list[dict[str, str]] = ()) -> None:
    """Type a profile into the form as a user would, adding interviewer fieldsets as needed."""
    open_form(page)
    for bid, value in fields.items():
        if bid in PERSONS:
            fill_person(page, f"ati-{bid}", value)
        else:
            page.fill(f"#ati-{bid}", value)
    for i, iv in enumerate(interviewers):
        if page.locator("[data-ati-interviewer]").count() <= i:
            page.click("[data-ati-add-interviewer]")
        for bid, value in iv.items():
            if bid in PERSONS:
                fill_person(page, f"ati-i{i}-{bid}", value, iv.get("interviewer_title", ""))
            elif bid != "interviewer_title":
                page.fill(f"#ati-i{i}-{bid}", value)


def stored(profile: dict, settings: dict | None = None) -> dict:
    """The store's data for one application with these fields and interviewers (recipients)."""
    app = {"id": "application-1", "fields": profile.get("fields", {}), "recipients": profile.get("interviewers", [])}
    return {"version": 1, "applications": [app], "settings": settings or {}}


def set_profile(page, profile: dict) -> None:
    """Store a profile in the tab's session, as the script would, and reload."""
    page.evaluate("([k, d]) => sessionStorage.setItem(k, JSON.stringify(d))", [PREFIX + "data", stored(profile)])
    page.reload()


def cards(page, mid: str | None = None) -> list[dict]:
    """The visible cards of a message: subject, body, meta line and mail link."""
    scope = f".ati-message[data-ati-message='{mid}'] " if mid else ""
    page.locator(f".ati-message[data-module-started]{'' if not mid else f'[data-ati-message={mid!r}]'}").first.wait_for(
        state="attached"
    )  # the modules start asynchronously
    return page.eval_on_selector_all(
        scope + ".ati-card",
        """cs => cs.map(c => ({
            who: c.querySelector('.ati-card__for').hidden ? null : c.querySelector('.ati-card__for').textContent,
            subject: c.querySelector('.ati-subject').hidden ? null : c.querySelector('.ati-subject > span:last-child').textContent,
            body: c.querySelector('.ati-body').textContent,
            meta: c.querySelector('.ati-meta').textContent,
            href: c.querySelector('a.ati-btn') && c.querySelector('a.ati-btn').getAttribute('href'),
        }))""",
    )


def storage(page, prefix: str = PREFIX) -> dict:
    """Every key of both storages that starts with the site's prefix, without it."""
    return page.evaluate(
        """p => Object.fromEntries([['local', localStorage], ['session', sessionStorage]].map(([n, s]) =>
            [n, Object.fromEntries(Object.keys(s).filter(k => k.startsWith(p)).map(k => [k.slice(p.length), s.getItem(k)]))]))""",
        prefix,
    )


def make_fork(project: Path, site_url: str) -> None:
    """Turn a copy of the project into a fork: a site_url (so Material's instant navigation runs), its own storage
    prefix, the interviewer's email blank renamed, a new blank used by a template, and an inquiry
    page carrying a broken widget before its own and a second message's."""

    def fork(config):
        config["site_url"] = site_url
        plugin_options(config)["storage_prefix"] = FORK_PREFIX

    set_config(project, fork)
    blanks = project / "content" / "blanks.yml"
    text = blanks.read_text("utf-8")
    assert "  - id: interviewer_email\n" in text
    blanks.write_text(
        text.replace("  - id: interviewer_email\n", "  - id: contact_address\n", 1)
        + "\n  - id: referrer\n    label: Referrer\n    help: Who suggested that you apply.\n    example: Sam Lee\n    input: text\n    required: true\n",
        "utf-8",
    )
    phone = project / "content" / "messages" / "phone-call.yml"
    text = phone.read_text("utf-8")
    assert "      Check: " in text
    phone.write_text(text.replace("      Check: ", "      Mention: [Referrer] suggested that I call.\n      Check: ", 1), "utf-8")
    page = project / "templates" / "message.md.j2"
    text = page.read_text("utf-8")
    broken = (
        '{% if message.id == "inquiry" %}\n'
        '<div class="ati-message" data-module="message-card" data-ati-message="broken" data-config=\'{"id": "broken"}\'>\n'
        '<section class="ati-variant" data-ati-variant="x"><h3 class="ati-variant__title">Broken</h3>'
        "<p>A template whose body went missing.</p></section>\n</div>\n\n{% endif %}\n"
    )
    second = (
        '\n{% if message.id == "inquiry" %}\n## The thank-you note too\n\n'
        '{% with message = guide.message("appreciation") %}{% include "_message.html.j2" %}{% endwith %}\n{% endif %}\n'
    )
    assert "## {{ ui.page_template | md }}\n" in text
    page.write_text(
        text.replace("## {{ ui.page_template | md }}\n", broken + "## {{ ui.page_template | md }}\n", 1) + second, "utf-8"
    )


TONES = {t["id"]: t for t in yaml.safe_load((CONTENT / "tones.yml").read_text("utf-8"))["tones"]}
ADDRESSES = yaml.safe_load((CONTENT / "addresses.yml").read_text("utf-8"))["addresses"]
LAYOUT = {"email": "letter", "letter": "letter", "linkedin": "note", "sms": "note", "phone": "outline"}


def card_text(mid: str, tone: str, values: dict[str, str], index: int = 0, field: str = "body") -> str:
    """What a card shows, computed in Python as a cross-check of the browser: the person's wordings filled in, with
    the tone's greeting for the addressee and its closing for the sender (values as `shown` gives them)."""
    from generator import wording

    msg, found = message(mid), variant(mid, tone)
    raw = next(v for v in msg["variants"] if v["tone"] == tone)[field]
    items = wording.body_items(raw)
    people = 4 if msg["recipients"]["to"] == "each-interviewer" else 1
    choices = next(c for n in range(people, 0, -1) if (c := wording.choose(items, n)))
    choice = choices[index % len(choices)]
    text = expected(" ".join(items[i][c] for i, c in enumerate(choice)).rstrip(), values)
    layout = LAYOUT[msg["channel"]]
    if field == "subject" or layout == "outline":
        return text
    person = person_parts(values.get("interviewer_name", ""), values.get("interviewer_title", ""))
    label = "[Interviewer name]" if people == 4 or values.get("interviewer_name") else "[Main contact]"
    hello = wording.greeting(person, wording.for_channel(TONES[tone], msg["channel"]), ADDRESSES, label)
    name = values.get("your_name") or "[Your name]"
    signature = [values.get(k, "") for k in ("your_phone", "your_email")] if TONES[tone].get("signature") else []
    if layout == "note":
        return "\n".join(x for x in (hello, text, name) if x)
    closing = "\n".join(x for x in (TONES[tone]["sign_off"], name, *signature) if x)
    assert found  # the variant exists
    return f"{hello}\n\n{text}\n\n{closing}"
