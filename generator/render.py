"""Render the guide through the Jinja2 templates into Markdown pages, in memory."""

from __future__ import annotations

import json
import posixpath
import re
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup, escape

from generator import blanks as blank_syntax
from generator import bundle, pagedata, people, wording
from generator.errors import ContentErrors, Problem
from generator.model import Guide, first_wording
from generator.schema import schema

MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+!|~])")
# Braces and percent signs become character references, so no template engine that runs after ours (such as
# mkdocs-macros) can evaluate text from YAML as `{{ ... }}` or `{% ... %}`; the page still shows them literally.
BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
DATA_STAND_IN = "\x00ati-page-data\x00"  # where page_data goes, until the page's modules are known


@dataclass
class Settings:
    """What the pages need from the site's configuration (mkdocs.yml)."""

    site_name: str = "After the Interview"
    organisation: str = ""
    adviser: dict = field(default_factory=dict)
    use_directory_urls: bool = True
    templates_label: str = "templates"
    storage_prefix: str = ""  # the browser's storage keys; empty: derived from site_name
    date_locale: str = ""  # the language tag dates are written in; empty: the locale of content/ui.yml
    weekend: list[str] = field(default_factory=lambda: ["saturday", "sunday"])  # the desk's non-working days
    module_words: dict | None = None  # module -> the interface words its code reads (bundle.words_read); None: all
    module_preloads: tuple[str, ...] = ()  # what start.js imports (bundle.loaded_by_entry), from the docs root
    module_packs: dict[str, bool] = field(default_factory=dict)  # module -> whether the build packs it (bundle.packable)
    scripts_folder: str = ""  # start.js's folder under the docs root, where the packs go; empty: no start.js
    source_links: bool = False  # links in the pages' HTML relative to the page's source file, as Zensical reads them


def pages_of(guide: Guide) -> list[tuple[str, str, dict]]:
    """List every page as (path, template, extra context), in navigation order."""
    pages = [("index.md", "home.md.j2", {})]
    pages += [(f"steps/{s.id}.md", "step.md.j2", {"step": s}) for s in guide.steps]
    pages += [(f"messages/{m.id}.md", "message.md.j2", {"message": m}) for m in guide.messages]
    pages += [("planner.md", "planner.md.j2", {}), ("applications.md", "desk.md.j2", {})]
    pages += [("application-print.md", "print.md.j2", {})]
    pages += [("what-happened.md", "chooser.md.j2", {}), ("checklist.md", "checklist.md.j2", {})]
    pages += [(f"advice/{t.id}.md", "topic.md.j2", {"topic": t}) for t in guide.topics]
    pages += [("customize.md", "customize.md.j2", {})]
    return pages


NAV_CHUNK = 40  # Material puts a section's every link in each of its pages: bounded sections keep builds linear


def _chunked(label: str, items: list) -> list:
    """Return a section's entries as they are, or split into sub-sections of at most NAV_CHUNK entries."""
    if len(items) <= NAV_CHUNK:
        return items
    return [
        {f"{label} {i + 1} to {min(i + NAV_CHUNK, len(items))}": items[i : i + NAV_CHUNK]}
        for i in range(0, len(items), NAV_CHUNK)
    ]


def nav(guide: Guide) -> list:
    """Return the MkDocs navigation for the generated pages; titles are HTML-escaped, as the theme prints them raw."""

    t = title_text

    ui = {k: str(v) for k, v in guide.ui.items()}  # the navigation's labels, per language (content/ui.yml)
    steps, messages, advice = ui["nav_steps"], ui["nav_messages"], ui["nav_advice"]
    return [
        {ui["nav_home"]: "index.md"},
        {
            ui["nav_tools"]: [
                {ui["nav_applications"]: "applications.md"},
                {ui["nav_planner"]: "planner.md"},
                {ui["nav_chooser"]: "what-happened.md"},
                {ui["nav_checklist"]: "checklist.md"},
                {ui["nav_print"]: "application-print.md"},
            ]
        },
        {steps: _chunked(steps, [{t(s.title): f"steps/{s.id}.md"} for s in guide.steps])},
        {messages: _chunked(messages, [{t(m.title): f"messages/{m.id}.md"} for m in guide.messages])},
        {advice: _chunked(advice, [{t(tp.title): f"advice/{tp.id}.md"} for tp in guide.topics])},
        {ui["nav_customize"]: "customize.md"},
    ]


def html(text: object) -> Markup:
    """Escape text for HTML: markup characters, and braces and percent signs as character references."""
    return Markup(str(escape(text)).translate(BRACES))


def finalize(value: object) -> object:
    """Escape every value a template prints (Jinja's autoescape leaves braces alone); Markup is already escaped."""
    return value if isinstance(value, Markup) else html(value)


def json_dumps(value: object, **kwargs) -> str:
    """Write JSON for a page (the tojson filter) with braces and percent signs inside strings as \\u escapes."""
    text = json.dumps(value, **kwargs)
    return JSON_STRING.sub(lambda m: m.group(0).replace("{", "\\u007b").replace("}", "\\u007d").replace("%", "\\u0025"), text)


def md(text: object) -> Markup:
    """Escape text for Markdown inline use: HTML-escaped (braces too), and Markdown punctuation backslashed."""
    return html(MD_SPECIAL.sub(r"\\\1", str(text)))


def title_text(title: str) -> str:
    """A page title as the theme takes it: HTML-escaped, as it prints titles raw, but with its quotes as they are,
    as it escapes titles again inside attributes (the footer's aria-label), where "&#39;" would be read out."""
    return str(html(title)).replace("&#39;", "'").replace("&#34;", '"')


def front_matter_title(title: str) -> Markup:
    """Return a front-matter title line (title_text), quoted for YAML."""
    return Markup("title: " + json.dumps(title_text(title), ensure_ascii=False))


class _Renderer:
    """Holds the Jinja environment and the helpers the templates call."""

    def __init__(self, guide: Guide, templates: Mapping[str, str], settings: Settings, cache: jinja2.BytecodeCache | None = None):
        self.guide = guide
        self.settings = settings
        self.labels = {b.label: b for b in guide.blanks}
        self.env = jinja2.Environment(
            loader=jinja2.FunctionLoader(self._source),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=cache,
            finalize=finalize,
        )
        self.env.policies["json.dumps_function"] = json_dumps
        self.templates = templates
        self.data: dict[str, dict] = {}  # each page's data document, until the page is rendered (page_data)
        self.env.filters.update(md=md, meta_title=front_matter_title, blanks=self.blanks_html)
        self.env.globals.update(
            guide=guide, settings=settings, schema=schema(), url=self.html_url, src=self.src, sentences=blank_syntax.sentences
        )
        self.env.globals["ui"] = guide.ui  # the interface words of the build's language (content/ui.yml)
        self.env.globals.update(page_data=self.page_data, message_config=self.message_config, placement=pagedata.placement)
        self.env.globals.update(frame=self.frame)
        self.env.globals["weekend_note"] = self.weekend_note
        self.env.globals["people_list"] = lambda message: people.people_list(guide, message)  # issue 14's people lists

    def _source(self, name: str):
        """Load a template by name from the in-memory templates, naming its file for error messages."""
        if name not in self.templates:
            return None
        return self.templates[name], f"{self.settings.templates_label}/{name}", lambda: True

    def weekend_note(self) -> str:
        """The planner's sentence on business days: Monday to Friday, or naming the weekend mkdocs.yml sets."""
        week = pagedata.WEEKDAYS[1:] + pagedata.WEEKDAYS[:1]  # written from Monday to Sunday
        days = [d for d in week if d in self.settings.weekend]
        if days == ["saturday", "sunday"]:
            return self.guide.ui["page_planner_how_business"]
        names = ", ".join(self.guide.ui[f"page_day_{d}"] for d in days)
        return self.guide.ui["page_planner_how_weekend"].replace("{days}", names)

    def message_config(self, message) -> dict:
        """The card's configuration of one message (generator/pagedata.py)."""
        config = pagedata.message_config(message, self.guide)
        if unknown := people.unknown_name(self.guide, message):
            config["unknown"] = unknown  # how a card greets a referee or coordinator not named yet (issue 14)
        return config

    def frame(self, message, variant) -> dict:
        """What the page without JavaScript shows around a variant's body: the tone's greeting to an unnamed person,
        its sign-off and the sender's name as blanks (letter and note layouts), nothing for an outline."""
        if pagedata.layout_of(message) == "outline":
            return {"greeting": "", "sign_off": "", "name": "", "label": variant.label or self.guide.tone(variant.tone).label}
        tone = self.guide.tone(variant.tone)
        role = "recipient_name" if message.per_interviewer else "contact_name"
        label = lambda r: next((f"[{b.label}]" for b in self.guide.blanks if b.role == r), "")  # noqa: E731
        unknown = people.unknown_name(self.guide, message) or label(role) or label("recipient_name")
        return {
            "greeting": wording.greeting({}, wording.for_channel(tone.__dict__, message.channel), self.guide.addresses, unknown),
            "sign_off": tone.sign_off if pagedata.layout_of(message) == "letter" else "",
            "name": label("sender_name"),
            "label": variant.label or tone.label,
        }

    def blanks_html(self, text) -> Markup:
        """Render template text as HTML: each [Label] a marked span the script can fill, each {optional part} a span
        that names the blanks it needs (generator/wording.py). A list body shows the first wording of each sentence."""
        text = first_wording(text).rstrip()
        optional = {label for label, b in self.labels.items() if not b.required}
        nodes, _ = wording.parse_template(text, optional)  # problems were reported by `check`

        def blank(label: str) -> str:
            b = self.labels[label]
            return f'<span class="ati-blank" data-blank="{escape(b.id)}">[{html(b.label)}]</span>'

        return Markup(wording.template_html(nodes, blank, html, key=lambda label: self.labels[label].id))

    def page_data(self, page: str, with_plan: bool = False) -> Markup:
        """Return a stand-in for the page's data for the browser modules (generator/pagedata.py), put in by
        with_page_data once the page is rendered and its modules known."""
        s = self.settings
        link = lambda t: self.url(page, t)  # noqa: E731
        self.data[page] = pagedata.page_data(
            self.guide, s.site_name, s.storage_prefix, link, with_plan=with_plan, weekend=s.weekend, date_locale=s.date_locale
        )
        return Markup(DATA_STAND_IN)

    def with_page_data(self, page: str, text: str) -> str:
        """The rendered page with its data element in place, holding only the interface words its modules read."""
        if page not in self.data:
            return text
        data, reads = self.data.pop(page), self.settings.module_words
        names = ["", *bundle.DATA_MODULE.findall(text)]
        if reads is not None:
            data["ui"] = pagedata.words_for(data["ui"], [reads[n] for n in names if n in reads])
        return text.replace(DATA_STAND_IN, pagedata.element(data, self.preloads(page, names)), 1)

    def preloads(self, page: str, names: list[str]) -> Markup:
        """Links that fetch what start.js imports, and the pack of the page's modules, while the page loads: beside
        start.js, not one after another."""
        root = self.html_url(page, "index.md").removesuffix("index.html")
        paths = list(self.settings.module_preloads)
        packs = self.settings.module_packs
        used = tuple(sorted({n for n in names if n in packs}))
        if used and self.settings.scripts_folder and all(packs[n] for n in used):
            paths.append(posixpath.join(self.settings.scripts_folder, bundle.pack_name(used)))
        links = (f'<link rel="modulepreload" href="{escape(root + path)}">' for path in paths)
        return Markup("".join(links))

    @staticmethod
    def src(page: str, target: str) -> str:
        """Return the relative Markdown link from one page's source file to another's, which MkDocs checks."""
        target, _, anchor = target.partition("#")
        return posixpath.relpath(target, posixpath.dirname(page) or ".") + (f"#{anchor}" if anchor else "")

    def html_url(self, page: str, target: str) -> str:
        """url() for a link in the page's HTML: MkDocs leaves such links as written; Zensical reads them relative to
        the page's source file, as it reads Markdown links, and rewrites them (settings.source_links)."""
        return self.url(page, target, from_source=self.settings.source_links)

    def url(self, page: str, target: str, from_source: bool = False) -> str:
        """Return the relative URL from one generated page to another (with an optional #anchor), from the served
        page, or from the page's source file."""
        dirs = self.settings.use_directory_urls

        def served(path: str) -> str:
            if dirs:
                return "" if path == "index.md" else path.removesuffix(".md") + "/"
            return path.removesuffix(".md") + ".html"

        target, _, anchor = target.partition("#")
        here, there = served(page), served(target)
        start = (posixpath.dirname(page) if from_source else here.rstrip("/") if dirs else posixpath.dirname(here)) or "."
        rel = posixpath.relpath(there or ".", start)
        if dirs:
            rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def render(self) -> dict[str, str]:
        """Render every page; raise ContentErrors naming the template line on any template mistake."""
        pages: dict[str, str] = {}
        problems: list[Problem] = []
        for path, template, extra in pages_of(self.guide):
            try:
                pages[path] = self.with_page_data(path, self.env.get_template(template).render(page=path, **extra))
            except jinja2.TemplateSyntaxError as e:
                problems.append(
                    Problem(
                        f"{self.settings.templates_label}/{e.name or template}",
                        e.lineno or 1,
                        1,
                        "",
                        f"template syntax error: {e.message}",
                        fix="fix the Jinja2 syntax",
                    )
                )
            except jinja2.TemplateNotFound as e:
                problems.append(
                    Problem(
                        f"{self.settings.templates_label}/{template}",
                        1,
                        1,
                        "",
                        "template not found",
                        expected=f"a file {self.settings.templates_label}/{e.name}",
                        found="no such file",
                        fix="restore the template from the original repository",
                    )
                )
            except (jinja2.UndefinedError, TypeError, ValueError, AttributeError) as e:
                file, line = _template_frame(self.settings.templates_label)
                problems.append(
                    Problem(
                        file or f"{self.settings.templates_label}/{template}",
                        line,
                        1,
                        "",
                        f"template error while rendering {path}: {e}",
                        fix="use only variables the generator provides (see the Customize page)",
                    )
                )
        problems = list(dict.fromkeys(problems))  # a broken shared template is reported once, not once a page
        if problems:
            raise ContentErrors(problems)
        return pages


def _template_frame(label: str) -> tuple[str | None, int]:
    """Find the innermost template file and line in the current exception's traceback."""
    for frame in reversed(traceback.extract_tb(sys.exc_info()[2])):
        if frame.filename.startswith(label + "/"):
            return frame.filename, frame.lineno or 1
    return None, 1


def render(
    guide: Guide, templates: Mapping[str, str], settings: Settings | None = None, cache: jinja2.BytecodeCache | None = None
) -> dict[str, str]:
    """Render the guide into Markdown pages keyed by their path under docs (cache: compiled templates, optional)."""
    return _Renderer(guide, templates, settings or Settings(), cache).render()
