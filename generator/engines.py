"""The engines that build the site (MkDocs, ProperDocs, Zensical), and the plain project a plugin-less engine builds.

Pure: mappings and text in, mappings and text out. The disk and process side is generator/engine_run.py.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

PLUGIN = "after-the-interview"


@dataclass(frozen=True)
class Engine:
    """One engine: its virtual environment, what is installed there, and whether our MkDocs plugin runs in it."""

    name: str
    venv: str
    command: str
    requirements: tuple[str, ...]
    with_project: bool  # the project (and so our plugin, MkDocs and Material) is installed in the venv
    runs_plugin: bool


# Versions pinned with upper bounds to what the test suite builds with (tests/test_engines.py).
ENGINES = {
    "mkdocs": Engine("mkdocs", ".venv", "mkdocs", (), with_project=True, runs_plugin=True),
    "properdocs": Engine("properdocs", ".venv-properdocs", "properdocs", ("properdocs>=1.6.7,<1.7",), True, True),
    # zensical 0.1.x needs zensical-ui, which the package index here does not carry: 0.0.73 is the newest tested.
    "zensical": Engine("zensical", ".venv-zensical", "zensical", ("zensical>=0.0.73,<0.1",), False, False),
}


class _Tagged:
    """A YAML value with a custom tag (MkDocs' !ENV, !relative, !!python/name), kept as written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    """Safe loading that keeps unknown tags as _Tagged values."""


class _Dumper(yaml.SafeDumper):
    """Safe dumping that writes _Tagged values back with their tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged("!!python/" + suffix, node))
_Dumper.add_representer(_Tagged, lambda dumper, v: type(v.node)(v.tag, v.node.value))


def read_config(text: str) -> dict:
    """Parse mkdocs.yml safely, keeping tagged values as written."""
    return yaml.load(text, Loader=_Loader) or {}


def _plugin_options(config: dict) -> dict:
    """Our plugin's options in a parsed mkdocs.yml ({} when listed without options)."""
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and PLUGIN in item:
            return item[PLUGIN] or {}
    return {}


def branding(config: dict, words: dict | None = None) -> dict:
    """The organisation, adviser contact and their words (ui.yml) that overrides/main.html shows, as the plugin gives them."""
    options = _plugin_options(config)
    adviser = {k: v for k, v in (options.get("adviser") or {}).items() if v}
    return {"organisation": options.get("organisation") or "", "adviser": adviser, "words": words or {}}


def languages_of(config: dict) -> list:
    """The languages listed in a parsed mkdocs.yml's plugin options (generator.languages.Language; [] for one)."""
    from generator import languages as langs

    return langs.from_options(_plugin_options(config).get("languages") or [])


def for_language(plain: dict, language, every: list) -> dict:
    """A plain mkdocs.yml made for one language's build: theme and search language, switcher, site_url under /code/."""
    from generator import languages as langs

    if len(every) < 2 or language is None:
        return plain
    root = urlsplit(plain.get("site_url") or "/").path
    plain["extra"] = {**plain["extra"], "alternate": langs.alternates(every, language, root or "/")}
    if language.default:
        return plain
    plain["theme"] = {**plain["theme"], "language": language.code}
    if plain.get("site_url"):
        plain["site_url"] = plain["site_url"] + language.prefix
    plugins = []
    for p in plain.get("plugins") or []:
        name = p if isinstance(p, str) else next(iter(p))
        if name in ("search", "material/search"):
            options = {} if isinstance(p, str) else dict(p[name] or {})
            p = {name: {**options, "lang": [language.code]}}
        plugins.append(p)
    plain["plugins"] = plugins
    return plain


def local_assets(config: dict) -> list[str]:
    """The project's own scripts and styles (extra_javascript, extra_css) that the build minifies."""
    scripts = [s["path"] if isinstance(s, dict) else s for s in config.get("extra_javascript") or []]
    return [p for p in scripts + list(config.get("extra_css") or []) if isinstance(p, str) and "://" not in p]


def minified(path: str, data: bytes) -> bytes:
    """A .js or .css file minified (generator.minify), as the plugin's on_post_build does."""
    from generator.minify import minify_css, minify_js

    if path.endswith((".min.js", ".min.css")):
        return data
    if path.endswith(".js"):
        return minify_js(data.decode("utf-8")).encode("utf-8")
    if path.endswith(".css"):
        return minify_css(data.decode("utf-8")).encode("utf-8")
    return data


def with_modules(assets: list[str], names: Iterable[str]) -> list[str]:
    """The listed assets and the ES modules beside each listed script that is not at the top (they load on demand)."""
    folders = {posixpath.dirname(posixpath.normpath(a)) for a in assets if a.endswith(".js")} - {""}
    modules = sorted(n for n in names if n.endswith(".js") and posixpath.dirname(n) in folders)
    return list(dict.fromkeys([posixpath.normpath(a) for a in assets] + modules))


def packed(pages: Mapping[str, str], docs: Mapping[str, bytes], assets: list[str]) -> dict[str, bytes]:
    """The packs of the module sets the generated pages start, and the listed start.js with its map of them, by path
    under docs/ (bundle.packs: what the plugin writes after a MkDocs build). Empty without a listed start.js."""
    from generator import bundle

    entry = next((a for a in map(posixpath.normpath, assets) if posixpath.basename(a) == bundle.ENTRY and a in docs), None)
    if entry is None:
        return {}
    folder = posixpath.dirname(entry)
    scripts = [n for n in docs if posixpath.dirname(n) == folder and n.endswith(".js")]
    texts = {posixpath.basename(n): docs[n].decode("utf-8") for n in scripts}
    known = set(dict(bundle.MODULE_MAP.findall(texts[bundle.ENTRY])))
    sets = {tuple(sorted(set(bundle.DATA_MODULE.findall(text)) & known)) for text in pages.values()} - {()}
    return {posixpath.join(folder, name): text.encode("utf-8") for name, text in bundle.packs(texts, sets).items()}


def docs_files(pages: Mapping[str, str], docs: Mapping[str, bytes], assets: list[str]) -> dict[str, bytes]:
    """Everything a docs folder holds for another engine: docs/ as it is with the packs of the pages' modules, assets
    minified, the generated pages."""
    docs = {**docs, **packed(pages, docs, assets)}
    names = set(with_modules(assets, docs))
    files = {name: minified(name, data) if name in names else data for name, data in docs.items()}
    for name in pages:
        if name in files:
            raise ValueError(f"docs/{name}: a file there would be replaced by a generated page. Fix: remove or rename it.")
    files.update({name: text.encode("utf-8") for name, text in pages.items()})
    return files


def plain_config(config: dict, nav: list, site_url: str | None = None, words: dict | None = None) -> dict:
    """mkdocs.yml for an engine that runs no plugin: our plugin left out, its nav and branding written in.

    The result sits beside the generated docs/ and a copy of overrides/ (docs_dir and custom_dir are relative).
    """
    plain = dict(config)
    plain["plugins"] = [p for p in config.get("plugins") or [] if not (p == PLUGIN or isinstance(p, dict) and PLUGIN in p)]
    plain["nav"] = config.get("nav") or nav
    plain["docs_dir"], plain["site_dir"] = "docs", "site"
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = "overrides"
    theme.setdefault("variant", "classic")  # Zensical's own look is "modern"; classic is Material's
    plain["theme"] = theme
    plain["extra"] = {**(config.get("extra") or {}), "ati_branding": branding(config, words)}
    if site_url:
        plain["site_url"] = site_url.rstrip("/") + "/"
    return plain


def dump_config(config: dict) -> str:
    """Write a parsed mkdocs.yml back as YAML text."""
    head = "# Written by `python -m generator.engine_run` from ../../mkdocs.yml: edit that file, not this one.\n"
    return head + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
