"""Shared pieces of the benchmarks: project copies, synthetic content, the hand-written baseline, a static server."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"  # git-ignored
PLUGIN = "after-the-interview"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the helpers the tests and the benchmarks share

from _project_helpers import CHROMIUM, CHROMIUM_ARGS, ENV, Quiet, build_env, free_port, mkdocs_command, wait_for  # noqa: E402
from _project_helpers import copy_project as _copy_project  # noqa: E402
from _project_helpers import mkdocs_build as _mkdocs_build  # noqa: E402
from _project_helpers import serve as _serve  # noqa: E402

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ENV", "free_port", "wait_for"]  # the shared helpers, for the benchmarks


def fresh(path: Path) -> Path:
    """An empty folder at path (removed first if it exists)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def copy_project(dest: Path) -> Path:
    """Copy what a build needs (as a fork has it, with the repository's own content/) into dest, emptied first."""
    return _copy_project(fresh(dest), ROOT / "content")


def set_features(project: Path, add: list[str] = (), remove: list[str] = ()) -> None:
    """Add or remove Material theme features in a project copy's mkdocs.yml (text edit: keeps comments and tags)."""
    path = project / "mkdocs.yml"
    text = path.read_text("utf-8")
    for feature in remove:
        text = re.sub(rf"^ +- {re.escape(feature)}[ \t]*(#.*)?\n", "", text, flags=re.M)
    for feature in add:
        if not re.search(rf"^ +- {re.escape(feature)}\b", text, re.M):
            text, n = re.subn(r"^(  features:\n)", rf"\1    - {feature}\n", text, count=1, flags=re.M)
            assert n == 1, "no theme.features list in mkdocs.yml"
    path.write_text(text, "utf-8")


def add_messages(project: Path, total: int) -> int:
    """Grow content/messages to `total` messages by cloning the bundled ones under new ids; return the count.

    Each language's own messages (content/CODE/messages/) are cloned under the same ids, so every language's build
    has the new messages in its own words."""
    folders = [project / "content" / "messages", *sorted((project / "content").glob("*/messages"))]
    for folder in folders:
        _clone_messages(folder, total)
    return len(list(folders[0].glob("*.yml")))


def _clone_messages(folder: Path, total: int) -> None:
    """Clone a messages folder's files, in name order, until it holds `total` (ids `ID-copy-N`)."""
    originals = sorted(folder.glob("*.yml"))
    texts = [f.read_text("utf-8") for f in originals]
    for i in range(total - len(originals)):
        text = texts[i % len(texts)]
        mid = re.search(r"^id: (\S+)$", text, re.M).group(1)
        new_id = f"{mid}-copy-{i + 1}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        text = re.sub(r"^order: .*$", "order: 99", text, count=1, flags=re.M)
        text = re.sub(r"^(title: .*)$", rf"\1 (copy {i + 1})", text, count=1, flags=re.M)
        (folder / f"{new_id}.yml").write_text(text, "utf-8")


def load_plugin_config(project: Path):
    """mkdocs.yml loaded by MkDocs itself (so !ENV and defaults apply), with this plugin's options."""
    import logging

    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    return config, config.plugins[PLUGIN].config


def generate_pages(project: Path, loaded=None, language=None):
    """Run the generator stage alone, exactly as the plugin's on_config does; return its Result.

    language: an added language (generator.languages.Language) to generate instead of the default one.
    """
    from generator.project import run

    config, options = loaded or load_plugin_config(project)
    return run(config, options, strict=True, language=language).result


def added_languages(project: Path) -> list:
    """The project's languages after the default one (generator.languages.Language), [] for one language."""
    from generator import languages as langs

    return langs.from_options(load_plugin_config(project)[1].languages)[1:]


class _Tagged:
    """A YAML value with a custom tag (such as MkDocs' !ENV), kept as written."""

    def __init__(self, tag, node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: type(value.node)(value.tag, value.node.value))


def _search_in(plugin, code: str):
    """A plugins entry of mkdocs.yml with the search plugin's language set to code (other entries as they are)."""
    if plugin == "search" or isinstance(plugin, dict) and "search" in plugin:
        options = plugin["search"] if isinstance(plugin, dict) else None
        return {"search": {**(options or {}), "lang": [code]}}
    return plugin


def plain_project(project: Path, dest: Path, *, assets: bool = True, overrides: bool = True, language=None) -> Path:
    """The baseline: the generator's output saved as hand-written Markdown, built by plain MkDocs + Material.

    Same mkdocs.yml, theme, overrides and docs/ as the project, minus the plugin; the nav the plugin would set
    is written out. With assets=False the project's own CSS and JavaScript are left out too, and with
    overrides=False the theme overrides (plain Material). language: an added language's pages, in its own theme
    and search language (the plain twin of the plugin's build of site/<code>/).
    """
    result = generate_pages(project, language=language)
    fresh(dest)
    shutil.copytree(project / "docs", dest / "docs")
    if overrides and (project / "overrides").is_dir():
        shutil.copytree(project / "overrides", dest / "overrides")
    for path, text in result.pages.items():
        target = dest / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    config["plugins"] = [p for p in config["plugins"] if not (p == PLUGIN or isinstance(p, dict) and PLUGIN in p)]
    config["nav"] = result.nav
    alternate = _alternates(project)
    if alternate is not None:  # as the plugin sets it: the language menu of a site in more than one language
        config.setdefault("extra", {})["alternate"] = alternate(language)
    if language is not None:
        config["theme"]["language"] = language.code
        if isinstance(config.get("site_url"), str):  # the language's site is published under /CODE/
            config["site_url"] = config["site_url"].rstrip("/") + "/" + language.prefix
        config["plugins"] = [_search_in(p, language.code) for p in config["plugins"]]
    if not assets:
        config.pop("extra_css", None)
        config.pop("extra_javascript", None)
        shutil.rmtree(dest / "docs" / "assets", ignore_errors=True)
    if not overrides:
        config["theme"].pop("custom_dir", None)
    (dest / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), "utf-8")
    return dest


def _alternates(project: Path):
    """For a project in more than one language, a function of a language (None: the default) giving Material's
    extra.alternate as the plugin sets it; None for a project in one language."""
    from urllib.parse import urlsplit

    from generator import languages as langs

    config, options = load_plugin_config(project)
    every = langs.from_options(options.languages)
    if len(every) < 2:
        return None
    root = urlsplit(config.site_url or "/").path or "/"
    return lambda language: langs.alternates(every, language or every[0], root)


def one_language(project: Path, dest: Path) -> Path:
    """A copy of a project reduced to its default language, as a fork in one language has it: the plugin's
    `languages` list deleted from mkdocs.yml, and the added languages' folders of content/ and templates/ removed."""
    copy = fresh(dest)
    shutil.copytree(project, copy, dirs_exist_ok=True)
    for language in added_languages(project):
        for folder in ("content", "templates"):
            shutil.rmtree(copy / folder / language.code, ignore_errors=True)
    path = copy / "mkdocs.yml"
    text, n = re.subn(r"^( +)languages:[^\n]*\n(?:\1  +\S[^\n]*\n)+", "", path.read_text("utf-8"), flags=re.M)
    assert n <= 1, "more than one languages list in mkdocs.yml"
    path.write_text(text, "utf-8")
    return copy


def run_timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run a command in a new process; return its (wall, CPU) time in seconds, CPU being user + system time of the
    process and the processes it waited for (steadier than wall time on a loaded machine). Exit on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:4])} failed in {cwd}:\n{done.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def mkdocs_times(project: Path, site: Path, *extra: str) -> tuple[float, float]:
    """Run `mkdocs build --strict` of a project as a user would (a new process); return its (wall, CPU) seconds."""
    return run_timed(mkdocs_command(project, site, "-q", *extra), project, build_env())


def mkdocs_build(project: Path, site: Path, *extra: str, site_url: str | None = None) -> float:
    """Run `mkdocs build --strict` as a user would (a new process); return its wall time in seconds.

    site_url: the address the site will be served at (SITE_URL), so that Material's instant navigation is on, as
    on the published site; without it the default of mkdocs.yml applies.
    """
    start = time.perf_counter()
    done = _mkdocs_build(project, site, "-q", *extra, site_url=site_url)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"mkdocs build failed in {project}:\n{done.stderr}")
    return took


def _engine_venvs() -> dict[str, Path]:
    """The other engines' virtual environments (.venv-properdocs, .venv-zensical), created on first use."""
    from generator.engine_run import ensure_venv
    from generator.engines import ENGINES

    return {name: ensure_venv(ENGINES[name], ROOT) for name in ("properdocs", "zensical")}


class _Lazy(dict):
    """ENGINE_VENVS: filled on first use, so that the benchmarks that do not need the engines do not install them."""

    def __missing__(self, key):
        self.update(_engine_venvs())
        return self[key]


ENGINE_VENVS = _Lazy()


def median(values) -> float:
    return statistics.median(values)


def spread(values) -> tuple[float, float]:
    """The first and third quartiles (the middle half of the values lies between them)."""
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def load() -> float:
    """The one-minute load average (nan where the system does not say)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def percentile(values, q: float) -> float:
    """The q-th percentile (0 to 100), nearest-rank."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


class _Gzip(Quiet):
    """Like a real static host (GitHub Pages, Netlify): text files gzipped when the browser accepts it."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent redirects /dir to /dir/
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, *, gzip_text: bool = False):
    """Serve a folder on 127.0.0.1 in a thread (gzipping text if asked); return (base URL, server)."""
    return _serve(directory, _Gzip if gzip_text else Quiet)


def machine() -> str:
    """A one-line description of where the figures were taken."""
    return f"{os.cpu_count()} CPUs, load average {load():.1f}, Python {sys.version.split()[0]}"


PREVIOUS_RELEASE = "c69cf24"  # wave 1's last commit: the release the benchmarks compare with


def release_project(commit: str, dest: Path) -> Path:
    """A detached git worktree of an earlier commit at dest (replaced if present), to build that release as it was."""
    subprocess.run(["git", "worktree", "remove", "--force", str(dest)], cwd=ROOT, capture_output=True)
    shutil.rmtree(dest, ignore_errors=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "worktree", "add", "--detach", "-f", str(dest), commit], cwd=ROOT, check=True, capture_output=True)
    return dest


def drop_release(dest: Path) -> None:
    """Remove a worktree made by release_project."""
    subprocess.run(["git", "worktree", "remove", "--force", str(dest)], cwd=ROOT, capture_output=True)


def build_release(project: Path, site: Path, site_url: str) -> None:
    """Build a release worktree with its own generator (its folder first on the import path), strict, for site_url."""
    env = {**ENV, "SITE_URL": site_url, "PYTHONPATH": str(project)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"mkdocs build of {project} failed:\n{done.stderr[-3000:]}")


@contextlib.contextmanager
def now_and_before(work: Path, previous: str, *, gzip_text: bool = True):
    """Build this tree and an earlier commit (each with its own generator) under work, serve both on loopback, and
    yield {"now": (base URL, site), "before": (base URL, site)}; the servers and the worktree go afterwards."""
    servers, sites = [], {}
    try:
        for label in ("now", "before"):
            site = fresh(work / f"site-{label}")
            base, server = serve(site, gzip_text=gzip_text)
            servers.append(server)
            if label == "now":
                mkdocs_build(copy_project(work / "project"), site, site_url=base)
            else:
                build_release(release_project(previous, work / "previous"), site, base)
            sites[label] = (base, site)
        yield sites
    finally:
        for server in servers:
            server.shutdown()
        drop_release(work / "previous")
