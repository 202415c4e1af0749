"""One guide, three engines: MkDocs, ProperDocs and Zensical build the same site, and the scripts work on each.

Each engine builds a copy of the project in its own clean virtual environment, created once per test run (set
ATI_ENGINE_VENVS=cached to reuse .venv-properdocs and .venv-zensical instead). The sites are compared page by
page with MkDocs's: the same pages, navigation, branding, minified assets, search entries, page data and templates.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _gates_helpers import wait_until_ready
from _project_helpers import ROOT, copy_project, edits_served, free_port, plugin_options, serve, set_config
from playwright.sync_api import expect

from generator.engine_run import build, ensure_venv
from generator.engines import ENGINES, local_assets, minified, read_config

pytestmark = pytest.mark.engines
OTHERS = ["properdocs", "zensical"]


@pytest.fixture(scope="session")
def engine_venvs(tmp_path_factory) -> dict[str, Path]:
    """Each engine's virtual environment: new and clean for this test run (MkDocs: the test run's own)."""
    root = tmp_path_factory.mktemp("venvs")
    venvs = {"mkdocs": Path(sys.prefix)}  # the project, MkDocs and Material are installed there
    for name in OTHERS:
        cached = os.environ.get("ATI_ENGINE_VENVS") == "cached"
        venvs[name] = ensure_venv(ENGINES[name], ROOT) if cached else ensure_venv(ENGINES[name], ROOT, root / name)
    return venvs


@pytest.fixture(scope="session")
def engine_sites(tmp_path_factory, engine_venvs):
    """Each engine's build of a copy of the project, served on loopback: {engine: (site folder, base URL)}."""
    root = tmp_path_factory.mktemp("engines")
    project = copy_project(root / "project")

    def brand(config):  # branding set (a fork's own colours replaced), so that every engine must show it
        plugin_options(config).update(organisation="Acme Careers", adviser={"name": "Sam", "email": "sam@example.org"})
        palettes = config["theme"]["palette"]
        for palette in palettes if isinstance(palettes, list) else [palettes]:
            palette["primary"] = "indigo"

    set_config(project, brand)
    sites, servers = {}, []
    for name in ENGINES:
        site = root / f"site-{name}"
        site.mkdir()
        url, server = serve(site)
        servers.append(server)
        assert build(name, project, engine_venvs[name], site, url) == 0, f"{name} build failed"
        sites[name] = (site, url)
    yield sites
    for server in servers:
        server.shutdown()


def pages(site: Path) -> set[str]:
    """The site's HTML pages, by path."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


class Page(html.parser.HTMLParser):
    """What a page shows that must not depend on the engine: tabs, header, palette, data and template elements."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tabs, self.nav, self.toc, self.ati, self.data, self.texts = [], [], [], [], [], {}
        self.primary, self.site_name, self._open = None, None, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if self.primary is None and "data-md-color-primary" in a:
            self.primary = a["data-md-color-primary"]
        ati = sorted((k, v) for k, v in attrs if k.startswith("data-ati") or k.startswith("data-") and "data-ati-message" in a)
        if ati:
            self.ati.append((tag, ati))
        capture = None
        if "md-tabs__link" in cls:
            capture = "tab"
        elif "md-nav__link" in cls and tag == "a":  # links to pages; the page's own contents (MkDocs: twice) apart
            capture = "toc" if (a.get("href") or "").startswith("#") else "nav"
        elif "md-header__topic" in cls and self.site_name is None:
            capture = "site"
        elif "ati-organisation" in cls or "ati-adviser__title" in cls:
            capture = f"branding-{len(self.texts)}"
        elif tag == "script" and a.get("type") == "application/json" and a.get("id") != "__config":
            capture = "data"
        elif "data-ati-body" in a or "data-ati-subject" in a:
            capture = f"template-{len(self.texts)}"
        self._open.append([tag, capture, []])

    def handle_endtag(self, tag):
        while self._open:
            t, capture, parts = self._open.pop()
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if capture == "tab":
                self.tabs.append(text)
            elif capture == "nav":
                self.nav.append(text)
            elif capture == "toc":
                self.toc += [text] if text not in self.toc else []
            elif capture == "site":
                self.site_name = text
            elif capture == "data":
                self.data.append(json.loads(text))
            elif capture:
                self.texts[capture] = text
            if self._open and capture is None:
                self._open[-1][2].extend(parts)
            elif self._open:
                self._open[-1][2].append(text)
            if t == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)


def parsed(site: Path, path: str) -> Page:
    return Page((site / path).read_text("utf-8"))


def language_dirs(site: Path) -> tuple[str, ...]:
    """The folders of the added languages' nested sites (site/de/), each a complete site with its own 404 page."""
    return tuple(f"{d.name}/" for d in site.iterdir() if d.is_dir() and (d / "404.html").is_file())


# Every engine builds every language now (generator/engine_run.py exports and builds one plain project per
# language for Zensical); an engine listed here would be compared on the default language only.
ONE_LANGUAGE: set[str] = set()


def comparable(name: str, paths, mk_site: Path) -> set[str]:
    """The paths an engine's site is compared on: all, or for a one-language engine those outside language folders."""
    skip = language_dirs(mk_site) if name in ONE_LANGUAGE else ()
    return {p for p in paths if not (skip and p.startswith(skip))}


def test_every_engine_builds_the_same_pages(engine_sites):
    mk_site = engine_sites["mkdocs"][0]
    expected = pages(mk_site)
    assert "messages/appreciation/index.html" in expected and len(expected) > 20
    for name in OTHERS:
        assert pages(engine_sites[name][0]) == comparable(name, expected, mk_site), name


THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search", "sitemap.xml")


def own_files(site: Path) -> dict[str, bytes]:
    """The site's files that are not HTML pages and not the theme's or the engine's own (bundles, search, sitemap),
    in the site and in each language's nested site."""
    roots = ("", *language_dirs(site))
    theme = tuple(root + name for root in roots for name in THEME_FILES)
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".html" and not p.relative_to(site).as_posix().startswith(theme)
    }


def test_every_engine_copies_the_same_other_files(engine_sites):
    """Assets, JSON Schema files and any generated data file: the same names and the same bytes."""
    mk_site = engine_sites["mkdocs"][0]
    mk = own_files(mk_site)
    assert "assets/guide/start.js" in mk and "assets/guide/store.js" in mk and any(name.startswith("schema/") for name in mk)
    assert any(PACK.search(name) for name in mk), "the plugin packs the modules each page starts"
    for name in OTHERS:
        expected = {k: v for k, v in mk.items() if k in comparable(name, mk, mk_site)}
        assert own_files(engine_sites[name][0]) == expected, name


PACK = re.compile(r"(^|/)pack-[^/]*\.js$")  # a bundle of the modules a page starts (generator/bundle.py)
LINKED = re.compile(r'<(?:a|link)\b[^>]*\shref="([^"]*)"|<(?:script|img)\b[^>]*\ssrc="([^"]*)"')


def broken_links(site: Path, path: str) -> list[str]:
    """The page's relative links and sources that lead to no file of the site (a browser hides a link that climbs
    above the site's root by stopping there, so a site served from a sub-path, as on GitHub Pages, breaks)."""
    page = site / path
    broken = []
    for pair in LINKED.findall(page.read_text("utf-8")):
        link = html.unescape(pair[0] or pair[1]).split("#")[0].split("?")[0]
        if not link or re.match(r"^[a-z][a-z0-9+.-]*:|^/", link):
            continue  # an anchor on the page, another site, mail, data
        target = Path(os.path.normpath(page.parent / link))
        if not target.is_relative_to(site) or not (target.is_file() or (target / "index.html").is_file()):
            broken.append(link)
    return broken


def test_every_link_and_preload_of_every_page_leads_to_a_file_of_the_site(engine_sites):
    """Relative links in the pages' HTML, the theme's and ours (the planner's steps, the desk's, the preloads of
    start.js's imports and of each page's pack) lead to files of the same site on every engine."""
    for name, (site, _) in engine_sites.items():
        packed = 0
        for path in sorted(pages(site)):
            assert not broken_links(site, path), f"{name}: {path}: {broken_links(site, path)}"
            packed += bool(
                re.search(r'<link rel="modulepreload" href="[^"]*/pack-[^"/]*\.js">', (site / path).read_text("utf-8"))
            )
        assert packed >= 7, f"{name}: the message pages preload their pack"


def unpacked(data: bytes) -> bytes:
    """A file with start.js's map of packs emptied, as it is in the source: the build fills it in."""
    return re.sub(rb"PACKS=new Map\(\[.*?\]\)", b"PACKS=new Map", data, count=1)


def test_navigation_sections_and_branding_are_the_same(engine_sites):
    mk = parsed(engine_sites["mkdocs"][0], "index.html")
    assert mk.tabs[:3] == ["Home", "Tools", "The steps"] and mk.primary == "indigo" and mk.site_name
    assert list(mk.texts.values()) == ["Talk it over with Sam at Acme Careers", "This guide is published by Acme Careers."]
    for name in OTHERS:
        other = parsed(engine_sites[name][0], "index.html")
        assert (other.tabs, other.site_name, other.primary, other.texts) == (mk.tabs, mk.site_name, mk.primary, mk.texts), name


def test_the_branded_pages_pass_axe_on_every_engine(engine_sites, browser):
    """Branding is off in the shipped guide, so the accessibility gate never saw it: a fork audit found the
    organisation line outside every landmark (axe: region). The branded home and message pages, each engine."""
    from test_gates_a11y import axe_violations, describe, with_axe

    context = with_axe(browser.new_context(reduced_motion="reduce"))
    page = context.new_page()
    found = {}
    for name, (_, url) in engine_sites.items():
        for path in ("", "messages/appreciation/"):
            page.goto(url + path, wait_until="domcontentloaded")
            wait_until_ready(page)
            expect(page.locator(".ati-organisation")).to_contain_text("Acme Careers")
            if violations := axe_violations(page):
                found[f"{name}: {path}"] = violations
    context.close()
    assert not found, describe(found)


def test_assets_are_minified_alike(engine_sites):
    config = read_config((ROOT / "mkdocs.yml").read_text("utf-8"))
    assets = local_assets(config)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        source = (ROOT / "docs" / asset).read_bytes()
        want = minified(asset, source)
        assert len(want) < len(source), asset
        for name, (site, _) in engine_sites.items():
            built = (site / asset).read_bytes()
            assert unpacked(built) == want, f"{name}: {asset}"


def test_page_data_templates_and_forms_are_the_same_on_every_page(engine_sites):
    mk_site = engine_sites["mkdocs"][0]
    checked = 0
    for path in sorted(pages(mk_site)):
        mk = parsed(mk_site, path)
        for name in OTHERS:
            if path not in comparable(name, [path], mk_site):
                continue
            other = parsed(engine_sites[name][0], path)
            assert other.data == mk.data, f"{name}: {path}: page data"
            assert other.texts == mk.texts, f"{name}: {path}: template text"
            assert other.ati == mk.ati, f"{name}: {path}: data-ati elements"
            assert (other.nav, other.toc) == (mk.nav, mk.toc), f"{name}: {path}: navigation and contents"
        checked += bool(mk.texts)
    assert checked >= 7  # every message page has templates to compare


def search_pages(site: Path) -> dict[str, str]:
    """The pages in the search index, by location, with their titles (MkDocs and Zensical write different files)."""
    for index in (site / "search" / "search_index.json", site / "search.json"):
        if index.is_file():
            data = json.loads(index.read_text("utf-8"))
            entries = data.get("docs") or data.get("items")
            return {e["location"]: e["title"] for e in entries if "#" not in e["location"]}
    raise AssertionError(f"no search index in {site}")


def test_search_indexes_list_the_same_pages(engine_sites):
    mk = search_pages(engine_sites["mkdocs"][0])
    assert "messages/appreciation/" in mk
    for name in OTHERS:
        assert search_pages(engine_sites[name][0]) == mk, name


@pytest.mark.browser
@pytest.mark.parametrize("name", list(ENGINES))
def test_smoke_personalize_and_plan_on_each_engine(engine_sites, browser, name):
    """In Chromium: the form personalizes a message, instant navigation restarts it, the planner plans; all offline."""
    url = engine_sites[name][1]
    context = browser.new_context()
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(e.message))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "messages/appreciation/")
    assert page.evaluate("typeof window.document$?.subscribe") == "function", "the theme's document$ is missing"
    body = page.locator(".ati-card .ati-body").first
    expect(page.locator("[data-ati-profile]")).to_be_visible()
    page.fill("#ati-company", "Fabrikam Engines")
    expect(body).to_contain_text("Fabrikam Engines")
    # Instant navigation (on every engine) swaps the page without a reload: the script must start on the new one.
    page.get_by_role("link", name="Follow-up inquiry").first.click()
    page.wait_for_url("**/messages/inquiry/")
    expect(page.locator(".ati-card .ati-body").first).to_contain_text("Fabrikam Engines")
    page.goto(url + "planner/")
    page.locator("[data-ati-planner]").wait_for()  # visible once the planner module has started
    page.fill("#ati-plan-date", "2026-03-03")
    expect(page.locator("[data-ati-plan] li").first).to_be_visible()
    context.close()
    assert not errors, errors
    assert [u for u in requests if not u.startswith((url, "data:", "blob:"))] == [], "a request left the site"


@pytest.mark.parametrize("name", OTHERS)
def test_serve_rebuilds_on_save(engine_venvs, tmp_path, name):
    """`./dev serve --engine NAME` picks up a YAML edit and a template edit (Zensical: through our own watcher)."""
    project = copy_project(tmp_path / "p")
    venv = engine_venvs[name]
    port = free_port()
    command = [sys.executable, "-m", "generator.engine_run", "serve", "--engine", name, "--venv", str(venv)]
    server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stderr=subprocess.DEVNULL)
    try:
        edits_served(project, f"http://127.0.0.1:{port}/steps/thank-you/")
    finally:
        server.terminate()
        server.wait(timeout=20)
