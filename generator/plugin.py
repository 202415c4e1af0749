"""The MkDocs integration: generate the pages as virtual files, and rebuild when content changes."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.branding import check_branding
from generator.core import Result, generate
from generator.errors import ContentErrors
from generator.render import Settings
from generator.write import minify_assets, read_templates, read_tree

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
    adviser = c.SubConfig(AdviserConfig)


def settings_from(config, options: GuideConfig, templates_label: str) -> Settings:
    """Collect what the pages need from the MkDocs configuration."""
    adviser = {k: v for k, v in dict(options.adviser).items() if v}
    return Settings(
        site_name=config.site_name,
        organisation=options.organisation,
        adviser=adviser,
        use_directory_urls=config.use_directory_urls,
        templates_label=templates_label,
        storage_prefix=options.storage_prefix,
    )


def run(config, options: GuideConfig) -> Result:
    """Read content and templates beside mkdocs.yml and generate the pages."""
    root = Path(config.config_file_path or ".").resolve().parent
    content, templates = root / options.content_dir, root / options.templates_dir
    return generate(
        read_tree(content, (".yml", ".yaml")),
        read_templates(templates),
        settings_from(config, options, options.templates_dir),
        label=options.content_dir,
        cache=jinja2.FileSystemBytecodeCache(),  # compiled templates, reused while their source is unchanged
    )


def check_branding_of(config, options: GuideConfig) -> list:
    """Check the palette, logo and adviser settings of mkdocs.yml."""
    path = Path(config.config_file_path or "mkdocs.yml")
    raw = path.read_bytes() if path.is_file() else b""
    docs = Path(config.docs_dir)
    custom = Path(config.theme.custom_dir) if getattr(config.theme, "custom_dir", None) else None

    def logo_exists(logo: str) -> bool:
        return (docs / logo).is_file() or bool(custom and (custom / logo).is_file())

    return check_branding(raw, path.name, dict(config.theme), dict(options), logo_exists)


class GuidePlugin(BasePlugin[GuideConfig]):
    """Adds the guide's generated pages to the site."""

    result: Result | None = None

    def on_config(self, config):
        """Check and render everything before MkDocs touches site_dir, so errors leave it intact."""
        if os.environ.get("SITE_URL"):
            config.site_url = os.environ["SITE_URL"].rstrip("/") + "/"
        try:
            self.result = run(config, self.config)
        except ContentErrors as e:
            raise PluginError(e.report()) from None
        branding = check_branding_of(config, self.config)
        if branding:
            raise PluginError(ContentErrors(branding).report())
        for warning in self.result.warnings:
            log.warning(str(warning))
        if config.nav is None:
            config.nav = self.result.nav
        return config

    def on_env(self, env, config, files):
        """Give the theme's templates the organisation and the adviser contact (overrides/main.html)."""
        settings = self.result.settings
        env.globals["ati_branding"] = {"organisation": settings.organisation, "adviser": settings.adviser}
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

    def on_post_build(self, config):
        """Minify the project's own script and styles in site/ (the sources in docs/assets stay readable)."""
        local = [str(getattr(p, "path", p)) for p in config.extra_javascript] + list(config.extra_css)
        minify_assets(Path(config.site_dir), [p for p in local if "://" not in p])

    def on_serve(self, server, config, builder):
        """Rebuild when a content file or a template changes."""
        root = Path(config.config_file_path).resolve().parent
        server.watch(str(root / self.config.content_dir))
        server.watch(str(root / self.config.templates_dir))
        return server
