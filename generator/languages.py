"""Languages: one site per language, each reading its own folder over the default language's content and templates."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from generator.errors import Problem
from generator.load import LOADER

BRANDING_KEYS = ("page_adviser_", "page_published_by", "page_theme_")  # the ui.yml words overrides/ shows
UNTRANSLATED_KEY = "untranslated"  # the ui.yml string of the note on a page shown in the default language


@dataclass(frozen=True)
class Language:
    """One language of the site: its code (the folder and the URL prefix) and the name the switcher shows."""

    code: str
    name: str
    default: bool = False
    date_locale: str = ""  # how this language writes dates (BCP 47); empty: its ui.yml locale
    site_description: str = ""  # mkdocs.yml's site_description in this language; empty: mkdocs.yml's own
    copyright: str = ""  # mkdocs.yml's copyright line in this language; empty: mkdocs.yml's own

    @property
    def prefix(self) -> str:
        """The language's folder under content/ and templates/, and its path under the site ('' for the default)."""
        return "" if self.default else self.code + "/"


def from_options(items: list) -> list[Language]:
    """Read the plugin's `languages` option; the first is the default language. An empty list means one language."""
    return [
        Language(
            str(i["code"]),
            str(i.get("name", i["code"])),
            default=n == 0,
            date_locale=str(i.get("date_locale") or ""),
            site_description=str(i.get("site_description") or ""),
            copyright=str(i.get("copyright") or ""),
        )
        for n, i in enumerate(items or [])
    ]


def folders(languages: list[Language]) -> set[str]:
    """The folders of the added languages, which the default language's reading leaves out."""
    return {lang.code for lang in languages if not lang.default}


def own_files(files: dict[str, bytes], languages: list[Language]) -> dict[str, bytes]:
    """The default language's files: everything outside the added languages' folders."""
    skip = folders(languages)
    return {name: data for name, data in files.items() if name.split("/", 1)[0] not in skip or "/" not in name}


def overlay(files: dict[str, bytes], language: Language, languages: list[Language]) -> dict[str, bytes]:
    """The language's files laid over the default language's ones (a file not yet translated stays as it is)."""
    base = own_files(files, languages)
    if language.default:
        return base
    local = {n.removeprefix(language.prefix): d for n, d in files.items() if n.startswith(language.prefix)}
    return base | local


def untranslated(content: dict[str, bytes], language: Language, languages: list[Language]) -> list[str]:
    """Content files of the default language that the language's folder does not have, sorted."""
    if language.default:
        return []
    base = own_files(content, languages)
    return sorted(n for n in base if n.endswith(".yml") and language.prefix + n not in content)


LABEL = re.compile(r"\[([^\[\]\n]+)\]")  # a blank in a template: [Company]


def _data(raw: bytes | None) -> dict:
    """A YAML file's mapping, or {} when it is missing or does not parse (the check reports it elsewhere)."""
    try:
        data = yaml.load(raw or b"", Loader=LOADER)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _items(raw: bytes | None, key: str) -> list[dict]:
    """The mappings listed under a file's key (blanks.yml's blanks, tones.yml's tones)."""
    found = _data(raw).get(key)
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _append(raw: bytes, key: str, items: list[dict]) -> bytes:
    """A file whose list under key gains items, its own lines kept where they were (so its errors keep their line)."""
    if not items:
        return raw
    if list(_keys(raw))[-1:] != [key]:  # the list is not the file's last entry: write it anew
        return yaml.safe_dump({**_data(raw), key: _items(raw, key) + items}, allow_unicode=True, sort_keys=False).encode()
    dumped = yaml.safe_dump(items, allow_unicode=True, sort_keys=False)
    return raw.rstrip(b"\n") + b"\n" + "".join("  " + line + "\n" for line in dumped.splitlines()).encode()


def fit_fallbacks(files: dict[str, bytes], merged: dict[str, bytes], language: Language, languages) -> dict[str, bytes]:
    """Untranslated messages made to fit the language they fall back in: their blanks' labels in its words, and the
    default language's blanks and tones they use that it lacks, added to its blanks.yml and tones.yml."""
    fallback = [n for n in untranslated(files, language, languages) if n.startswith("messages/")]
    if language.default or not fallback:
        return merged
    base_blanks, local_blanks = _items(files.get("blanks.yml"), "blanks"), _items(merged.get("blanks.yml"), "blanks")
    local_label = {b.get("id"): b.get("label") for b in local_blanks}
    relabel = {b.get("label"): local_label[b.get("id")] for b in base_blanks if b.get("id") in local_label}
    out, used, tones = dict(merged), set(), set()
    for name in fallback:
        text = merged[name].decode("utf-8", "replace")
        used |= set(LABEL.findall(text))
        tones |= {v.get("tone") for v in _items(merged[name], "variants")}
        out[name] = LABEL.sub(lambda m: f"[{relabel.get(m.group(1), m.group(1))}]", text).encode("utf-8")
    extra_blanks = [b for b in base_blanks if b.get("label") in used and b.get("id") not in local_label]
    local_tones = {t.get("id") for t in _items(merged.get("tones.yml"), "tones")}
    extra_tones = [t for t in _items(files.get("tones.yml"), "tones") if t.get("id") in tones - local_tones]
    if "blanks.yml" in merged:
        out["blanks.yml"] = _append(merged["blanks.yml"], "blanks", extra_blanks)
    if "tones.yml" in merged:
        out["tones.yml"] = _append(merged["tones.yml"], "tones", extra_tones)
    return out


PAGE_FOLDERS = {"steps": "steps", "messages": "messages", "topics": "advice"}  # content folder -> page folder


def page_of(content_file: str, raw: bytes) -> str:
    """The page a content file becomes (steps/01-thank-you.yml with id thank-you -> steps/thank-you.md), or ''."""
    folder = content_file.split("/", 1)[0]
    try:
        data = yaml.load(raw, Loader=LOADER)
    except yaml.YAMLError:
        return ""
    found = data.get("id") if isinstance(data, dict) else None
    return f"{PAGE_FOLDERS[folder]}/{found}.md" if folder in PAGE_FOLDERS and found else ""


def _keys(raw: bytes) -> dict[str, tuple[int, int]]:
    """The top-level keys of a YAML mapping with their line and column (1-based); {} when it does not parse."""
    try:
        node = yaml.compose(raw.decode("utf-8", "replace"), Loader=LOADER)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: (k.start_mark.line + 1, k.start_mark.column + 1) for k, _v in node.value}


def ui_key_problems(base: bytes, local: bytes, base_file: str, local_file: str) -> list[Problem]:
    """Compare a language's ui.yml with the default one: each missing or extra key is an error with its place."""
    ours, theirs = _keys(base), _keys(local)
    problems = []
    for key, (line, _col) in ours.items():
        if key not in theirs:
            expected = f"the key '{key}' (as in {base_file}:{line})"
            fix = f"add '{key}:' translated from {base_file}"
            problems.append(Problem(local_file, 1, 1, key, "interface key missing", expected=expected, fix=fix))
    for key, (line, col) in theirs.items():
        if key not in ours:
            fix = f"remove it, or add it to {base_file} first"
            found = "a key the default language does not have"
            problems.append(Problem(local_file, line, col, key, "extra interface key", found=found, fix=fix))
    return problems


def untranslated_problems(content: dict[str, bytes], language: Language, languages, label: str) -> list[Problem]:
    """List each page shown in the default language, as a warning-free note the check prints (severity 'note')."""
    return [
        Problem(
            f"{label}/{language.prefix}{name}",
            1,
            1,
            "",
            f"not translated into {language.name}: the page falls back to the default language with a note",
            severity="note",
            fix=f"copy {label}/{name} to {label}/{language.prefix}{name} and translate it",
        )
        for name in untranslated(content, language, languages)
    ]


def alternates(languages: list[Language], current: Language, root: str = "/") -> list[dict]:
    """Material's extra.alternate for one build: each language's root relative to the current build's root (link),
    and as an absolute path under the default language's root path (path: for the 404 page, served at any depth)."""
    up = "" if current.default else "../"
    return [{"name": lang.name, "lang": lang.code, "link": up + lang.prefix, "path": root + lang.prefix} for lang in languages]


def without_languages(files: dict[str, bytes]) -> dict[str, bytes]:
    """The default language's files of a content tree read whole: a folder with its own ui.yml is a language."""
    found = {name.split("/", 1)[0] for name in files if name.count("/") == 1 and name.endswith("/ui.yml")}
    return {name: data for name, data in files.items() if name.split("/", 1)[0] not in found or "/" not in name}


def branding_words(ui: dict) -> dict:
    """The interface words of the theme's own template (overrides/main.html): adviser box and footer line."""
    return {k: str(v) for k, v in ui.items() if k.startswith(BRANDING_KEYS)}


def localize(config, language: Language | None, words: dict) -> None:
    """An added language's build in its own words (a MkDocs config or a plain mkdocs.yml dict): site description and
    copyright from its `languages` entry, the palette switches and heading links from its ui.yml `page_theme_*`."""
    if language is None or language.default:
        return  # the default language keeps mkdocs.yml's words
    if language.site_description:
        config["site_description"] = language.site_description
    if language.copyright:
        config["copyright"] = language.copyright
    theme = config["theme"]
    palette = theme.get("palette") if hasattr(theme, "get") else None
    if isinstance(palette, list):
        to = {"slate": words.get("page_theme_to_light")}
        theme["palette"] = [_renamed(option, to.get(option.get("scheme"), words.get("page_theme_to_dark"))) for option in palette]
    title = words.get("page_theme_permalink")
    if title and "mdx_configs" in config:  # MkDocs: the toc extension's options by name
        toc = config["mdx_configs"].get("toc")
        if isinstance(toc, dict) and toc.get("permalink"):
            config["mdx_configs"]["toc"] = {**toc, "permalink_title": title}
    elif title:  # a plain mkdocs.yml: markdown_extensions as written
        config["markdown_extensions"] = [_toc_titled(e, title) for e in config.get("markdown_extensions") or []]


def _renamed(option, name: str | None):
    """A palette option with its switch renamed (options without a switch, or no word, stay as they are)."""
    if not isinstance(option, dict) or not isinstance(option.get("toggle"), dict) or not name:
        return option
    return {**option, "toggle": {**option["toggle"], "name": name}}


def _toc_titled(extension, title: str):
    """A markdown_extensions entry, the toc one with heading links titled in the language."""
    if isinstance(extension, dict) and isinstance(extension.get("toc"), dict) and extension["toc"].get("permalink"):
        return {"toc": {**extension["toc"], "permalink_title": title}}
    return extension
