"""The MkDocs integration: generate the pages as virtual files, and rebuild when content changes."""

from __future__ import annotations

import gc
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from generator import languages as langs
from generator import project
from generator.branding import config_typos
from generator.result import WEEKDAYS, Built, Result
from generator.write import minify_assets, staging_dir, swap_in

log = logging.getLogger("mkdocs.plugins.after_the_interview")


class AdviserConfig(Config):
    """An optional adviser contact shown on every page."""

    name = c.Optional(c.Type(str))
    email = c.Optional(c.Type(str))
    phone = c.Optional(c.Type(str))
    url = c.Optional(c.URL())
    hours = c.Optional(c.Type(str))


class GuideConfig(Config):
    """Options of the plugin in mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    organisation = c.Type(str, default="")
    storage_prefix = c.Type(str, default="")  # keys of the browser's storage; forks on one host need their own
    date_locale = c.Type(str, default="")  # how dates are written (BCP 47, such as en-US); empty: the ui.yml locale
    weekend = c.ListOfItems(c.Choice(WEEKDAYS), default=["saturday", "sunday"])  # the desk's non-working days
    languages = c.Type(list, default=[])  # [{code: en, name: English}, {code: de, name: Deutsch}]: the first is the default
    adviser = c.SubConfig(AdviserConfig)


class SharedThemeCode(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory for the process's next build (each added language, each
    rebuild of serve): compiled once, not once per build. Jinja checks each template's source before reusing it."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


THEME_CODE = SharedThemeCode()


class GuidePlugin(BasePlugin[GuideConfig]):
    """Adds the guide's generated pages to the site, and replaces site/ only when the whole build succeeds."""

    result: Result | Built | None = None
    command = "build"
    site_dir: str | None = None  # the real site folder while the build writes into a staging folder beside it
    language: langs.Language | None = None  # the language this build makes (None: the default, or the only one)
    nested = False  # True in a language's build started by the default language's build

    def load_config(self, options, config_file_path=None):
        """Validate the options; name each misspelt option, and any misspelt MkDocs setting, by line with a suggestion."""
        errors, warnings = super().load_config(options, config_file_path)
        if not config_file_path or not Path(config_file_path).is_file():
            return errors, warnings
        typos = config_typos(Path(config_file_path).read_bytes(), Path(config_file_path).name)
        ours = {p.found.strip("'") for p in typos}
        warnings = [w for w in warnings if not (isinstance(w, tuple) and w[0] in ours)]
        return errors, warnings + [str(p) for p in typos]

    def on_startup(self, command, dirty):
        """Remember the command: `serve` builds into its own temporary folder and `--dirty` into site/ itself."""
        self.command = "serve" if dirty else command

    def on_config(self, config):
        """Check and render everything before MkDocs touches site_dir, then build into a staging folder."""
        if os.environ.get("SITE_URL") and not self.nested:
            config.site_url = os.environ["SITE_URL"].rstrip("/") + "/"
        every = langs.from_options(self.config.languages)
        self.language = self.language or (every[0] if every else None)
        if len(every) > 1:
            path = urlsplit(config.site_url or "/").path
            root = path.removesuffix(self.language.prefix) if self.language.prefix else path
            config.extra["alternate"] = langs.alternates(every, self.language, root or "/")
        with collector_paused(self.command == "build"):
            outcome = project.run(config, self.config, strict=bool(config.strict), cache=True, language=self.language)
        if outcome.failed:
            raise PluginError(outcome.report())
        self.result = outcome.result
        langs.localize(config, self.language, langs.branding_words(self.result.ui))
        for warning in outcome.problems:
            log.warning(str(warning))
        if config.nav is None:
            config.nav = self.result.nav
        if self.command != "serve" and not self.nested:
            self.site_dir = config.site_dir
            config.site_dir = staging_dir(config.site_dir)
        return config

    def on_env(self, env, config, files):
        """Give the theme's templates the organisation and the adviser contact (overrides/main.html); share their
        compiled code with the process's other builds."""
        env.bytecode_cache = THEME_CODE
        words = langs.branding_words(self.result.ui)
        adviser = project.adviser_of(self.config)
        env.globals["ati_branding"] = {"organisation": self.config.organisation, "adviser": adviser, "words": words}
        return env

    def on_files(self, files: Files, config) -> Files:
        """Add every generated page as a virtual file, refusing to shadow a real one."""
        for path, text in self.result.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{path}: a file there would be replaced by a generated page. Fix: remove or rename it."
                )
            files.append(File.generated(config, path, content=text))
        return files

    @event_priority(-100)  # last, after every other plugin has written to the staging folder
    def on_post_build(self, config):
        """Minify the project's own script and styles, then swap the staging folder in unless strict mode will abort."""
        local = [str(getattr(p, "path", p)) for p in config.extra_javascript] + list(config.extra_css)
        minify_assets(Path(config.site_dir), [p for p in local if "://" not in p])
        if not self.nested:
            for language in langs.from_options(self.config.languages)[1:]:
                build_language(config, language, self.command)
        if self.site_dir is None:
            return
        counted = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
        if config.strict and any(h.get_counts() for h in counted):
            return  # MkDocs aborts next; on_build_error removes the staging folder
        staged, config.site_dir, self.site_dir = config.site_dir, self.site_dir, None
        swap_in(Path(staged), Path(config.site_dir))

    def on_build_error(self, error):
        """Remove the staging folder: the previous site stays as it was."""
        if self.site_dir is not None:
            shutil.rmtree(staging_dir(self.site_dir), ignore_errors=True)
            self.site_dir = None

    def on_serve(self, server, config, builder):
        """Rebuild when a content file or a template changes."""
        root = Path(config.config_file_path).resolve().parent
        server.watch(str(root / self.config.content_dir))
        server.watch(str(root / self.config.templates_dir))
        return server


@contextmanager
def collector_paused(one_shot: bool):
    """In a one-shot build, the garbage collector around the pages' generation: what exists before it is frozen, it
    makes many objects that live on, so the collector is off, then one pass over its youngest generation, and what
    is left lives to the end of the build (frozen: never walked again). Under `serve` it runs as usual."""
    if not one_shot:
        yield
        return
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)
        gc.freeze()
        gc.enable()


def build_language(config, language: langs.Language, command: str = "build") -> None:
    """Build one added language's complete site into its folder of the site being built (site/de/), for the command
    that builds the default language (`serve`: nothing is frozen, see on_config)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_url = (config.site_url or "").rstrip("/") + "/" + language.code + "/" if config.site_url else None
    other = _fresh_config(load_config, config_file=config.config_file_path, site_dir=str(Path(config.site_dir) / language.code))
    other.strict = config.strict
    other.site_url = site_url
    other.theme["language"] = language.code
    search = other.plugins.get("material/search") or other.plugins.get("search")
    if search is not None:
        search.config.lang = [language.code]
    plugin = other.plugins[project.PLUGIN]
    plugin.language, plugin.nested, plugin.command = language, True, command
    build(other)


def _fresh_config(load_config, **options):
    """Load mkdocs.yml with new plugin instances (MkDocs reuses plugins with on_startup; the running build owns those)."""
    from mkdocs.config.defaults import MkDocsConfig

    plugins = MkDocsConfig.plugins
    saved, plugins.plugin_cache = plugins.plugin_cache, {}
    try:
        return load_config(**options)
    finally:
        plugins.plugin_cache = saved
