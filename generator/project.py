"""The project adapter: read mkdocs.yml, content/ and templates/, and check everything a build checks, in one run.

The command line (`check`, `build --out`) and the MkDocs plugin both call `run`, so they agree on every outcome.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator import bundle
from generator import languages as langs
from generator.branding import PLUGIN, check_branding, config_typos, locate
from generator.errors import ContentErrors, Problem, did_you_mean
from generator.result import Built, Result
from generator.write import read_tree

if TYPE_CHECKING:
    from generator.render import Settings

LINK_FIX = "replace the link with the file itself (content is read from inside the project only)"


@dataclass
class Outcome:
    """What a check found: the generated result (None on errors) and every problem, warnings included."""

    result: Result | Built | None  # Built: the pages taken from, or put in, the build cache
    problems: list[Problem] = field(default_factory=list)
    strict: bool = True
    notes: list[Problem] = field(default_factory=list)  # pages shown in the default language, listed by `check`

    @property
    def failed(self) -> bool:
        """True when a build would stop: any error, or any warning in a strict build."""
        return self.result is None or any(p.severity == "error" or self.strict for p in self.problems)

    def report(self) -> str:
        """Return every problem, one a line, and a last line saying why nothing was built."""
        lines = [str(p) for p in sorted(self.problems)]
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        if errors:
            lines.append(f"{errors} error{'s' if errors != 1 else ''} in the project; nothing was built.")
        elif warnings and self.strict:
            lines.append(f"{warnings} warning{'s' if warnings != 1 else ''}: the build is strict, so nothing was built.")
        return "\n".join(lines)


def _mkdocs_load(path: Path):
    """Load mkdocs.yml with MkDocs, never aborting on warnings; return (config or None, MkDocs' messages)."""
    from mkdocs.config import load_config as mkdocs_load
    from mkdocs.exceptions import Abort, ConfigurationError

    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    saved = logger.handlers, logger.propagate, logger.level
    logger.handlers, logger.propagate, logger.level = [handler], False, logging.WARNING  # collect, do not print
    config, messages = None, []
    try:
        config = mkdocs_load(config_file=str(path), strict=False)
    except (Abort, ConfigurationError) as e:
        messages.append(str(e))
    finally:
        logger.handlers, logger.propagate, logger.level = saved
    return config, [r.getMessage() for r in records] + messages


def load_config(config_file: str | Path):
    """Load mkdocs.yml and check its spelling; return (config or None, problems), MkDocs' own ones located by key."""
    path = Path(config_file)
    if not path.is_file():
        return None, [Problem(str(config_file), 1, 1, "", "configuration file not found", fix="run from the project folder")]
    raw = path.read_bytes()
    problems = config_typos(raw, path.name)
    found = [p.found.strip("'") for p in problems if p.found.startswith("'")]
    said = [str(p) for p in problems] + [f"'{f}'" for f in found] + [f'"{f}"' for f in found]
    unreadable = any(not p.field for p in problems)  # our own reading failed and said where: MkDocs' words add nothing
    config, messages = _mkdocs_load(path)
    doc = locate(raw, path.name)
    for text in messages:
        if unreadable or text.startswith("Aborted with") or any(s in text for s in said):
            continue
        key = re.match(r"Config value '([^']+)': (.*)", text, re.S)
        fix = "correct mkdocs.yml as the message says"
        if key and doc is not None:
            problems.append(doc.problem((key.group(1),), key.group(2), at_key=True, fix=fix))
        else:
            problems.append(Problem(path.name, 1, 1, "", text, fix=fix))
    if config is not None and PLUGIN not in config.plugins and not any("plugin is not listed" in p.message for p in problems):
        problems.append(
            Problem(path.name, 1, 1, "plugins", f"the '{PLUGIN}' plugin is not listed", fix=f"add '- {PLUGIN}' under plugins")
        )
    return (config if config is not None and PLUGIN in config.plugins else None), problems


def date_locale_of(options, language=None) -> str:
    """The configured date locale of a language: its own `date_locale` in `languages`, else (for the default or only
    language) the plugin's `date_locale`; empty leaves it to the language's ui.yml `locale`."""
    if language is not None and language.date_locale:
        return language.date_locale
    return options.date_locale if language is None or language.default else ""


def settings_from(config, options, language=None, source_links: bool = False) -> Settings:
    """Collect what the pages need from the MkDocs configuration (for one language, if given)."""
    from generator.render import Settings

    return Settings(**settings_fields(config, options, language, source_links=source_links))


def settings_fields(config, options, language=None, keyed: bool = False, source_links: bool = False) -> dict:
    """render.Settings' fields as a dict (a build whose pages come from the build cache never imports the renderer).
    keyed: for a cache key, the fields read from the scripts (script_fields) are the scripts' digest instead."""
    fields = {
        "site_name": config.site_name,
        "organisation": options.organisation,
        "adviser": adviser_of(options),
        "use_directory_urls": config.use_directory_urls,
        "templates_label": options.templates_dir,
        "storage_prefix": options.storage_prefix,
        "date_locale": date_locale_of(options, language),
        "weekend": list(options.weekend),
    }
    digest = scripts_digest(config) if keyed else None
    fields |= {"scripts_folder": posixpath.dirname(_entry(config) or ""), "source_links": source_links}
    return fields | (dict.fromkeys(SCRIPT_FIELDS, digest) if keyed else script_fields(config))


SCRIPT_FIELDS = ("module_words", "module_preloads", "module_packs")


def script_fields(config) -> dict:
    """The settings read from the scripts beside the listed start.js."""
    return {
        "module_words": module_words(config),
        "module_preloads": module_preloads(config),
        "module_packs": module_packs(config),
    }


def adviser_of(options) -> dict:
    """The adviser contact's given fields."""
    return {k: v for k, v in dict(options.adviser).items() if v}


def _entry(config) -> str | None:
    """The path of the listed start.js under docs/, or None."""
    for script in config.extra_javascript:
        path = str(getattr(script, "path", script))
        if path.endswith("/" + bundle.ENTRY) and "://" not in path:
            return path
    return None


def module_words(config) -> dict | None:
    """What each browser module reads of the interface words, from the sources beside the listed start.js."""
    entry = _entry(config)
    return _from_scripts("words", (Path(config.docs_dir) / entry).parent, bundle.words_read) if entry else None


def module_preloads(config) -> tuple[str, ...]:
    """What the listed start.js imports, directly or not, as paths under docs/ (none without a start.js)."""
    entry = _entry(config)
    if not entry:
        return ()
    folder = posixpath.dirname(entry)
    return tuple(f"{folder}/{name}" for name in sorted(bundle.loaded_by_entry(Path(config.docs_dir) / folder)))


def module_packs(config) -> dict[str, bool]:
    """Each module of the listed start.js's map -> whether the build packs it (bundle.packable); empty without one."""
    entry = _entry(config)
    return _from_scripts("packable", (Path(config.docs_dir) / entry).parent, bundle.packable) if entry else {}


def scripts_digest(config) -> str | None:
    """A digest of the scripts beside the listed start.js (a cache key stands for what is read from them with it)."""
    entry = _entry(config)
    return _scripts_key((Path(config.docs_dir) / entry).parent) if entry else None


def _scripts_key(folder: Path) -> str | None:
    """A digest of the folder's name and its scripts, or None where they cannot be read."""
    from generator import buildcache

    try:
        return buildcache.key(folder.name, {p.name: p.read_bytes() for p in folder.glob("*.js")})
    except OSError:
        return None


def _from_scripts(kind: str, folder: Path, read):
    """read(folder) of the scripts in a folder, or what it gave an earlier build for the same scripts."""
    from generator import buildcache

    digest = _scripts_key(folder)
    if digest is None:
        return read(folder)
    found = buildcache.load(kind, digest)
    if not isinstance(found, dict):
        found = read(folder)
        buildcache.store(kind, digest, found)
    return found


def _read(root: Path, folder: str, suffixes: tuple[str, ...], confined: bool = True) -> tuple[dict[str, bytes], list[Problem]]:
    """Read a project folder (confined: inside the project) without following any link; name each refused link."""
    refused: list[str] = []
    base = root / folder
    inside = base.resolve().is_relative_to(root) or not confined
    if base.is_symlink() or not inside:
        fix = "in mkdocs.yml, name a folder inside the project (not a link) under plugins: after-the-interview"
        problem = Problem(folder, 1, 1, "", "folder outside the project, or a symbolic link", found=str(base), fix=fix)
        return {}, [problem]
    if not base.is_dir():
        folders = [d.name for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")]
        fix = f"in mkdocs.yml, under plugins: after-the-interview, name a folder that exists; {did_you_mean(folder, folders)}"
        return {}, [Problem(folder, 1, 1, "", "folder not found", found=f"no folder {folder}/ beside mkdocs.yml", fix=fix)]
    files = read_tree(base, suffixes, refused)
    found = "a symbolic link (links are not followed)"
    problems = [Problem(f"{folder}/{name}", 1, 1, "", "symbolic link refused", found=found, fix=LINK_FIX) for name in refused]
    return files, problems


def docs_problems(pages, config, shown: str) -> list[Problem]:
    """Report files in docs/ that a generated page would replace, and pages the generated navigation leaves out."""
    from mkdocs.structure.files import InclusionLevel, get_files

    problems = []
    warn_omitted = config.nav is None and config.validation.nav.omitted_files >= logging.WARNING
    for file in get_files(config):  # MkDocs' own listing, with its exclude_docs and not_in_nav rules
        if file.src_uri in pages:
            problems.append(
                Problem(
                    f"{shown}/{file.src_uri}",
                    1,
                    1,
                    "",
                    "a file here would be replaced by a generated page",
                    found="a file written by hand",
                    fix="remove or rename it (the generator writes this page)",
                )
            )
        elif warn_omitted and file.is_documentation_page() and file.inclusion == InclusionLevel.INCLUDED:
            problems.append(
                Problem(
                    f"{shown}/{file.src_uri}",
                    1,
                    1,
                    "",
                    "page not in the navigation",
                    severity="warning",
                    expected="only generated pages, or pages listed under not_in_nav in mkdocs.yml",
                    found="a page written by hand",
                    fix=f"add '{file.src_uri}' under not_in_nav in mkdocs.yml (then link to it from a page), or remove it",
                )
            )
    return problems


def _language_files(root, options, language) -> tuple[dict, dict, list[Problem], list[Problem], set[str]]:
    """Read content and templates for one language (its folder over the default's).

    Return them with the problems, the notes on untranslated pages and the names of the language's own content files.
    """
    content, problems = _read(root, options.content_dir, (".yml", ".yaml"))
    raw_templates, refused = _read(
        root, options.templates_dir, (".j2",), confined=False
    )  # a shared engine folder may sit outside
    problems += refused
    every = langs.from_options(options.languages)
    notes: list[Problem] = []
    translated: set[str] = set()
    if language is not None:
        if not language.default and "ui.yml" in content and language.prefix + "ui.yml" in content:
            local = f"{options.content_dir}/{language.prefix}ui.yml"
            ui = content[language.prefix + "ui.yml"]
            problems += langs.ui_key_problems(content["ui.yml"], ui, f"{options.content_dir}/ui.yml", local)
        notes = langs.untranslated_problems(content, language, every, options.content_dir)
        if not language.default:
            translated = {n.removeprefix(language.prefix) for n in content if n.startswith(language.prefix)}
        content = langs.fit_fallbacks(content, langs.overlay(content, language, every), language, every)
        raw_templates = langs.overlay(raw_templates, language, every)
    return content, raw_templates, problems, notes, translated


def _relocate(problems: list[Problem], files: set[str], label: str, language) -> list[Problem]:
    """Point problems in a language's own files at its folder (content/de/...), not at the default language's."""
    if language is None or language.default:
        return problems
    moved = {f"{label}/{n}": f"{label}/{language.prefix}{n}" for n in files}
    return [replace(p, file=moved.get(p.file, p.file)) for p in problems]


def run(config, options, strict: bool, cache: bool = False, language=None, source_links: bool = False) -> Outcome:
    """Check branding, content, templates and docs/ clashes of a loaded configuration; generate the pages.

    With `language` (generator.languages.Language), the language's folders are laid over the default ones. With
    `cache`, the pages of an earlier build with the very same inputs are reused (generator/buildcache.py). With
    `source_links`, the pages are for an engine that runs no plugin (Zensical; render.Settings.source_links).
    """
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    every = langs.from_options(options.languages)
    language = language or (every[0] if every else None)
    content, raw_templates, problems, notes, translated = _language_files(root, options, language)
    outside = any(p.file in (options.content_dir, options.templates_dir) for p in problems)
    problems += check_branding_of(config, options)
    templates = {name: data.decode("utf-8", "replace") for name, data in raw_templates.items()}
    result = None
    marked = untranslated_pages(notes, content, options.content_dir, language)
    try:
        if not outside and cache:
            fields = settings_fields(config, options, language, keyed=True, source_links=source_links)
            result = generate_cached(content, templates, fields, options.content_dir, marked, lambda: script_fields(config))
        elif not outside:
            result = generate(
                content, templates, settings_from(config, options, language, source_links), label=options.content_dir
            )
            mark_untranslated(result.pages, marked, result.ui)
    except ContentErrors as e:
        problems += e.problems
    if result is not None:
        docs = Path(config.docs_dir)
        shown = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)
        problems += result.warnings + docs_problems(result.pages, config, shown)
    problems = _relocate(problems, translated, options.content_dir, language)
    outcome = Outcome(result, problems, strict, notes)
    if outcome.failed:
        outcome.result = None
    return outcome


def generate(content: dict, templates: dict, settings: Settings, label: str, cache=None) -> Result:
    """core.generate, imported on first use: a build whose pages come from the build cache never loads the checks."""
    from generator import core

    return core.generate(content, templates, settings, label=label, cache=cache)


def generate_cached(content: dict, templates: dict, settings: dict, label: str, marked=(), scripts=None) -> Built:
    """core.generate's pages with the untranslated ones marked, or what an earlier build kept of them for the same
    content, templates, settings (settings_fields) and marked pages, and the same code (generator/buildcache.py).
    With `scripts` (giving script_fields), the settings hold the scripts' digest for those fields until a miss."""
    from generator import buildcache

    digest = buildcache.key(content, templates, settings, label, list(marked))
    built = buildcache.load("pages", digest)
    if isinstance(built, Built):
        return built
    from generator.render import Settings

    settings = settings | scripts() if scripts else settings
    built = generate(content, templates, Settings(**settings), label=label, cache=buildcache.templates()).built()
    mark_untranslated(built.pages, marked, built.ui)
    buildcache.store("pages", digest, built, keep=16)  # a guide of 1,000 messages: some 50 MB an entry
    return built


def untranslated_pages(notes: list[Problem], content: dict, label: str, language) -> list[str]:
    """The pages still in the default language (from `notes`, one for each of the language's untranslated files)."""
    names = [note.file.removeprefix(f"{label}/{language.prefix}") for note in notes]
    return [langs.page_of(name, content.get(name, b"")) for name in names]


def mark_untranslated(pages: dict[str, str], marked: list[str], ui: dict[str, str]) -> None:
    """Put the language's visible note at the top of each page still in the default language."""
    text = ui.get(langs.UNTRANSLATED_KEY, "")
    for page in marked:
        if page in pages and text:
            pages[page] = _with_note(pages[page], text)


def _with_note(page: str, text: str) -> str:
    """Insert the note after the page's front matter and its first heading."""
    from generator.render import BRACES

    note = f'\n<p class="ati-untranslated" role="note">{html.escape(text).translate(BRACES)}</p>\n'  # braces: see BRACES
    lines = page.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join(lines[:at] + [note] + lines[at:])


def check(config_file: str | Path = "mkdocs.yml", strict: bool = True, source_links: bool = False) -> Outcome:
    """Load mkdocs.yml and run every check a strict build runs, for every language; the command line's one entry point.
    source_links: the pages are for an engine that runs no plugin (run's `source_links`)."""
    config, problems = load_config(config_file)
    if config is None:
        return Outcome(None, problems, strict)
    options = config.plugins[PLUGIN].config
    every = langs.from_options(options.languages) or [None]
    outcome = run(config, options, strict, language=every[0], source_links=source_links)
    for language in every[1:]:
        other = run(config, options, strict, language=language, source_links=source_links)
        outcome.problems += [p for p in other.problems if p not in outcome.problems]
        outcome.notes += other.notes
    outcome.problems = problems + outcome.problems
    if outcome.failed:
        outcome.result = None
    return outcome


def check_branding_of(config, options) -> list[Problem]:
    """Check the palette, logo and adviser settings of mkdocs.yml."""
    path = Path(config.config_file_path or "mkdocs.yml")
    raw = path.read_bytes() if path.is_file() else b""
    docs = Path(config.docs_dir)
    custom = Path(config.theme.custom_dir) if getattr(config.theme, "custom_dir", None) else None

    def logo_exists(logo: str) -> bool:
        return (docs / logo).is_file() or bool(custom and (custom / logo).is_file())

    return check_branding(raw, path.name, dict(config.theme), dict(options), logo_exists)
