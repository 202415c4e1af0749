"""Shared pieces of the quality gates (tests/test_gates_*.py): the list of built pages, the npm tools, page readiness."""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTML_VALIDATE = NODE_MODULES / ".bin" / "html-validate"

# A made-up origin to resolve links against, so that "same origin" is a plain comparison of scheme and host.
SITE = "http://site.invalid/"


def npm_tool(path: Path) -> Path:
    """Return a tool installed by `npm ci`, or fail with the command that installs it (the gates are never skipped)."""
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} (`./dev test` does it for you).")
    return path


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path relative to the site root ('' for the home page).

    Walks the files rather than the nav or the sitemap (which is empty without site_url), so a page added by any
    feature, a template or the theme (404.html) is covered without touching the gates.
    """
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html") if rel == "index.html" or rel.endswith("/index.html") else rel)
    assert paths, f"no HTML page in {site}"
    return paths


def wait_until_ready(page) -> None:
    """Wait until Material has emitted document$ and every [data-module] element has started, plus one frame."""
    page.evaluate(
        """() => new Promise(done => {
               const started = () => !document.querySelector('[data-module]:not([data-module-started])');
               const settle = () => started() ? requestAnimationFrame(() => setTimeout(done)) : setTimeout(settle, 10);
               const go = () => window.document$ ? document$.subscribe(settle) : setTimeout(go, 10);
               go();
           })"""
    )


class PageIndex(HTMLParser):
    """The ids a page defines and the URLs it refers to, with the tag and attribute that refer to them."""

    # Attributes that hold a URL, per element; srcset is handled apart.
    URL_ATTRS = {
        "a": "href",
        "area": "href",
        "link": "href",
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "track": "src",
        "embed": "src",
        "object": "data",
        "form": "action",
        "use": "href",
        "image": "href",
        "input": "src",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        name = self.URL_ATTRS.get(tag)
        if name and a.get(name) is not None:
            self.refs.append((tag, name, a[name]))
        if tag in ("use", "image") and a.get("xlink:href"):
            self.refs.append((tag, "xlink:href", a["xlink:href"]))
        if a.get("srcset"):
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.refs.append((tag, "srcset", candidate.split()[0]))

    handle_startendtag = handle_starttag


def index_page(file: Path) -> PageIndex:
    parser = PageIndex()
    parser.feed(file.read_text("utf-8"))
    parser.close()
    return parser


def target_file(site: Path, url: str) -> Path | None:
    """The file a same-origin URL is served from, or None when nothing would be served."""
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Every internal URL on every page that points at no file, or at an #anchor its target page does not define.

    Internal: relative URLs, and absolute ones under site_url (the address the site was built for, which the theme
    writes into canonical links and the 404 page).
    """
    indexes = {file: index_page(file) for file in sorted(site.rglob("*.html"))}
    problems = []
    for file, index in indexes.items():
        base = urljoin(SITE, file.relative_to(site).as_posix())
        for tag, attr, ref in index.refs:
            ref = ref.strip()
            if not ref or ref.startswith(("javascript:", "mailto:", "tel:", "data:", "blob:")):
                continue
            url = urljoin(base, "/" + ref[len(site_url) :] if site_url and ref.startswith(site_url) else ref)
            if not url.startswith(SITE):
                continue  # another origin: not ours to check (the request gate keeps pages from loading it)
            where = f'{file.relative_to(site).as_posix()}: <{tag} {attr}="{ref}">'
            target = target_file(site, url)
            if target is None:
                problems.append(f"{where}: no such file")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                ids = indexes[target].ids if target in indexes else index_page(target).ids
                if fragment not in ids:
                    problems.append(f'{where}: {target.relative_to(site).as_posix()} has no id "{fragment}"')
    return problems


def run_html_validate(site: Path, config: dict, tmp: Path) -> list[dict]:
    """Run html-validate once over every page of the site; return one dict per message (file, line, rule, selector...)."""
    tool = npm_tool(HTML_VALIDATE)
    config_file, report = tmp / "htmlvalidate.json", tmp / "html-validate.json"
    config_file.write_text(json.dumps(config), "utf-8")
    done = subprocess.run(
        [str(tool), "--config", str(config_file), "--formatter", f"json={report}", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if not report.exists():
        pytest.fail(f"html-validate produced no report (exit {done.returncode}): {done.stderr}")
    messages = []
    for result in json.loads(report.read_text("utf-8")):
        for m in result["messages"]:
            messages.append({"file": Path(result["filePath"]).relative_to(site).as_posix(), **m})
    return messages
