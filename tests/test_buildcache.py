"""The build cache (generator/buildcache.py): reused only for the very same inputs, and a warm build is the cold one."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from _project_helpers import copy_project, mkdocs_command, plugin_options, set_config

from generator import buildcache, project
from generator.render import Settings
from generator.write import read_templates, read_tree

FIXTURE = Path(__file__).parent / "fixture"
ROOT = Path(__file__).parent.parent


def test_code_digest_changes_with_any_generator_file(tmp_path):
    (tmp_path / "render.py").write_text("X = 1\n", "utf-8")
    (tmp_path / "schema.yml").write_text("kinds: {}\n", "utf-8")
    first = buildcache.code_digest(tmp_path, {})
    assert buildcache.code_digest(tmp_path, {}) == first
    (tmp_path / "render.py").write_text("X = 2\n", "utf-8")
    second = buildcache.code_digest(tmp_path, {})
    (tmp_path / "schema.yml").write_text("kinds: {a: 1}\n", "utf-8")
    third = buildcache.code_digest(tmp_path, {})
    (tmp_path / "new.py").write_text("", "utf-8")
    assert len({first, second, third, buildcache.code_digest(tmp_path, {})}) == 4


def test_code_digest_changes_with_the_engine_and_library_versions(tmp_path):
    def mkdocs(version):
        return types.SimpleNamespace(__version__=version, __file__=str(tmp_path / "missing.py"))

    digests = {
        buildcache.code_digest(tmp_path, {"mkdocs": mkdocs("1.6.1")}),
        buildcache.code_digest(tmp_path, {"mkdocs": mkdocs("1.6.2")}),
        buildcache.code_digest(tmp_path, {"mkdocs": None}),
    }
    library = tmp_path / "minify.so"  # a library without a version: its file's identity
    library.write_bytes(b"one")
    before = buildcache.code_digest(tmp_path, {"minify": types.SimpleNamespace(__file__=str(library))})
    library.write_bytes(b"other build")
    after = buildcache.code_digest(tmp_path, {"minify": types.SimpleNamespace(__file__=str(library))})
    assert len(digests) == 3 and before != after


def test_key_tells_parts_apart():
    assert buildcache.key("ab", "c") != buildcache.key("a", "bc")
    assert buildcache.key({"a.yml": b"x"}) != buildcache.key({"a.yml": b"y"}) != buildcache.key({"b.yml": b"x"})
    assert buildcache.key({"a": 1, "b": 2}) == buildcache.key({"b": 2, "a": 1})


def test_generated_pages_are_reused_only_for_the_same_content_templates_and_settings(tmp_path, monkeypatch):
    monkeypatch.setenv(buildcache.CACHE_ENV, str(tmp_path / "cache"))
    calls = []
    real = project.generate
    monkeypatch.setattr(project, "generate", lambda *a, **k: calls.append(1) or real(*a, **k))
    content = read_tree(FIXTURE / "content", (".yml",))
    templates = read_templates(ROOT / "templates")
    settings = {"site_name": "Guide"}

    def pages(content=content, templates=templates, settings=settings, marked=()):
        return project.generate_cached(content, templates, settings, "content", marked).pages

    cold = pages()
    assert pages() == cold and len(calls) == 1  # the same inputs: reused
    assert cold == real(content, templates, Settings(**settings), label="content").pages
    step = next(name for name in content if name.startswith("steps/"))
    edited = {**content, step: content[step].replace(b"\ntitle: ", b"\ntitle: Edited ", 1)}
    assert "Edited" in "".join(pages(content=edited).values())
    home = {**templates, "home.md.j2": templates["home.md.j2"] + "\nA line added to the home template.\n"}
    assert "A line added to the home template." in pages(templates=home)["index.md"]
    assert "Another guide" in "".join(pages(settings={"site_name": "Another guide"}).values())
    assert len(calls) == 4
    assert pages() == cold and len(calls) == 4
    assert "ati-untranslated" in pages(marked=["index.md"])["index.md"] and len(calls) == 5


def _build(project_dir: Path, site: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", buildcache.CACHE_ENV: str(cache)}
    env.pop("SITE_URL", None)
    command = mkdocs_command(project_dir, site, *extra)
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project_dir)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_a_warm_build_is_the_cold_build_and_follows_every_change(tmp_path):
    p = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    assert _build(p, tmp_path / "cold", cache).returncode == 0
    assert (cache / "pages").is_dir() and (cache / "assets").is_dir()
    assert _build(p, tmp_path / "warm", cache).returncode == 0
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")
    step = next((p / "content" / "steps").glob("01-*.yml"))
    step.write_text(step.read_text("utf-8").replace("\ntitle: ", "\ntitle: Edited ", 1), "utf-8")
    (p / "templates" / "home.md.j2").write_text((p / "templates" / "home.md.j2").read_text("utf-8") + "\nHome line.\n")
    style = p / "docs" / "assets" / "ati.css"
    style.write_text(style.read_text("utf-8") + "\n.ati-cache-test { color: red; }\n", "utf-8")
    card = p / "docs" / "assets" / "guide" / "card.js"  # packed into the message pages' pack
    card.write_text(card.read_text("utf-8") + '\nexport const cacheTestMarker = "ati-cache-test";\n', "utf-8")
    set_config(p, lambda config: plugin_options(config).update(organisation="Cache College"))
    assert _build(p, tmp_path / "edited", cache).returncode == 0
    edited = _tree(tmp_path / "edited")
    assert any(b"Edited " in data for name, data in edited.items() if name.startswith("steps/"))
    assert b"Home line." in edited["index.html"] and b"Cache College" in edited["index.html"]
    assert b".ati-cache-test{color:red}" in edited["assets/ati.css"]
    assert b"ati-cache-test" in edited["assets/guide/card.js"]
    assert any(b"ati-cache-test" in data for name, data in edited.items() if name.startswith("assets/guide/pack-"))


@pytest.mark.build
def test_warnings_of_a_reused_build_still_stop_a_strict_build(tmp_path):
    p = copy_project(tmp_path / "p")
    blanks = p / "content" / "blanks.yml"
    unused = "  - id: unused_blank\n    label: Unused blank\n    help: Never used.\n    example: Nothing\n    input: text\n\n"
    blanks.write_text(blanks.read_text("utf-8").replace("  - id: your_name\n", unused + "  - id: your_name\n", 1), "utf-8")
    cache, site = tmp_path / "cache", tmp_path / "site"
    assert _build(p, site, cache, "--no-strict").returncode == 0  # fills the cache, warning and all
    for _ in range(2):
        done = _build(p, site, cache)
        assert done.returncode != 0 and "blank declared but never used" in done.stderr


def test_key_is_the_same_in_every_process():
    """Sets (the settings' module_words) are keyed in an order of their own, not in the process's hash order."""
    script = (
        "from generator import buildcache; from generator.render import Settings; "
        "print(buildcache.key(Settings(module_words={'card': (frozenset({'a', 'b', 'c', 'd'}), ('x_',))})))"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


@pytest.mark.parametrize(
    ("kind", "read", "added", "changed"),
    [
        (
            "words",
            "words_read",
            "export const extraWord = (ui) => ui.page_cache_test_word;",
            lambda new, old: "page_cache_test_word" in new["message-card"][0] - old["message-card"][0],
        ),
        ("packable", "packable", "export let unwrappable = 1;", lambda new, old: old["message-card"] and not new["message-card"]),
    ],
)
def test_what_the_build_reads_from_the_scripts_is_reused_until_a_script_changes(
    tmp_path, monkeypatch, kind, read, added, changed
):
    monkeypatch.setenv(buildcache.CACHE_ENV, str(tmp_path / "cache"))
    calls = []
    real = getattr(project.bundle, read)
    counted = lambda folder: calls.append(1) or real(folder)  # noqa: E731
    folder = tmp_path / "guide"
    shutil.copytree(ROOT / "docs" / "assets" / "guide", folder)
    first = project._from_scripts(kind, folder, counted)
    assert first == real(folder) and first
    assert project._from_scripts(kind, folder, counted) == first and len(calls) == 1
    card = folder / "message-card.js"
    card.write_text(card.read_text("utf-8") + "\n" + added + "\n", "utf-8")
    assert changed(project._from_scripts(kind, folder, counted), first) and len(calls) == 2


def test_an_added_language_built_by_serve_freezes_nothing(monkeypatch):
    """gc.freeze() is for one-shot builds: in `mkdocs serve`, each rebuild's garbage would stay for good."""
    import mkdocs.commands.build
    from mkdocs.config import load_config

    from generator import languages, plugin

    built = []
    monkeypatch.setattr(mkdocs.commands.build, "build", built.append)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    added = languages.from_options([{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}])[1]  # any fork's
    for command in ("serve", "build"):
        plugin.build_language(config, added, command)
    assert [c.plugins[project.PLUGIN].command for c in built] == ["serve", "build"]
    assert all(c.plugins[project.PLUGIN].nested for c in built)


def test_page_sets_finds_what_the_whole_unescaped_pages_hold(tmp_path):
    import html

    from generator import bundle

    pages = {
        "a.html": '<div data-module="card"></div><p data-module="plan">',
        "b/index.html": "<pre>data-module=&quot;desk&quot; and data-module=&#34;card&#34;</pre><i data-module='x'>",
        "c.html": '<p>no modules</p><b data-module="unknown"></b>',
        "d.html": 'data-module="people" at the end, no tag after',
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    known = {"card", "plan", "desk", "people"}
    whole = (set(bundle.DATA_MODULE.findall(html.unescape(text))) & known for text in pages.values())
    assert bundle.page_sets(tmp_path, known) == {tuple(sorted(names)) for names in whole if names}
    assert bundle.page_sets(tmp_path, known) == {("card", "plan"), ("card", "desk"), ("people",)}


def test_minified_files_are_reused_only_for_the_same_files(tmp_path, monkeypatch):
    monkeypatch.setenv(buildcache.CACHE_ENV, str(tmp_path / "cache"))
    calls = []
    real = buildcache.minified
    monkeypatch.setattr(buildcache, "minified", lambda path, data: calls.append(path) or real(path, data))
    files = {"a.js": b"const  x = 1; // one\n", "b.css": b"p {  color: red; }\n"}
    first = buildcache.minified_files(files)
    assert first == {path: real(path, data) for path, data in files.items()} and len(calls) == 2
    assert buildcache.minified_files(dict(files)) == first and len(calls) == 2
    changed = buildcache.minified_files({**files, "b.css": b"p {  color: blue; }\n"})
    assert b"blue" in changed["b.css"] and len(calls) == 4
    assert set(buildcache.minified_files({"a.js": files["a.js"]})) == {"a.js"}


def test_a_warm_build_imports_neither_the_checks_nor_the_renderer(tmp_path):
    """A build whose pages come from the cache loads the pages, not the guide's model (nor what renders or checks it)."""
    p = copy_project(tmp_path / "p")
    script = (
        "import sys; from mkdocs.config import load_config; from generator import project; "
        f"c = load_config(config_file={str(p / 'mkdocs.yml')!r}); o = c.plugins[project.PLUGIN].config; "
        "out = project.run(c, o, strict=True, cache=True); assert not out.failed, out.report(); "
        "print(sorted(m for m in sys.modules if m.startswith('generator.')))"
    )
    env = {**os.environ, buildcache.CACHE_ENV: str(tmp_path / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    run = lambda: subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)  # noqa: E731
    cold, warm = run().stdout, run().stdout
    assert "generator.render" in cold and "generator.core" in cold
    heavy = {"generator.render", "generator.core", "generator.model", "generator.schema", "generator.wording"}
    assert not heavy & set(ast.literal_eval(warm)), warm


def test_the_scripts_digest_stands_for_what_is_read_from_the_scripts_in_the_key(tmp_path, monkeypatch):
    """The cached pages are keyed on the scripts' digest; the words are read from the scripts only on a miss."""
    monkeypatch.setenv(buildcache.CACHE_ENV, str(tmp_path / "cache"))
    content = read_tree(FIXTURE / "content", (".yml",))
    templates = read_templates(ROOT / "templates")
    folder = ROOT / "docs" / "assets" / "guide"
    read = []

    def pages(digest):
        words = lambda: read.append(digest) or {"module_words": project.bundle.words_read(folder), "module_preloads": ()}  # noqa: E731
        keyed = {"module_words": digest, "module_preloads": digest}
        return project.generate_cached(content, templates, keyed, "content", (), words).pages

    first = pages("scripts-1")
    assert pages("scripts-1") == first and read == ["scripts-1"]
    pages("scripts-2")
    assert read == ["scripts-1", "scripts-2"]
    assert (
        first == project.generate(content, templates, Settings(module_words=project.bundle.words_read(folder)), "content").pages
    )


def test_choose_answers_once_for_the_same_wordings_and_hands_out_fresh_lists():
    from generator import wording

    items = [["Thank you for the talk.", "Meeting the team on Monday showed me the work."], ["Best wishes.", "Kind regards."]]
    first = wording.choose(items, 2)
    assert first is not None and len(first) == 2
    assert first == [list(c) for c in wording._choose(tuple(map(tuple, items)), 2)]
    first[0][0] = 99  # a caller's change does not reach the next caller
    assert wording.choose([list(alts) for alts in items], 2) == [list(c) for c in wording._choose(tuple(map(tuple, items)), 2)]
    assert wording._chosen.cache_info().hits >= 1


def test_parse_template_answers_once_and_hands_out_fresh_lists():
    from generator import wording

    text = "Hello [Name], {thank you for [Topic].} See you [Day]"
    nodes, problems = wording.parse_template(text, {"Topic"})
    assert (nodes, problems) == wording._parse_template(text, frozenset({"Topic"}))
    nodes.append("changed")
    problems.clear()
    again = wording.parse_template(text, frozenset({"Topic"}))
    assert again == wording._parse_template(text, frozenset({"Topic"})) and "changed" not in again[0]
    assert wording._parsed.cache_info().hits >= 1


def test_a_rebuild_in_the_same_process_follows_an_edited_message(tmp_path, monkeypatch):
    """As in `./dev serve`: the pages are generated again in the process that built them (its caches of wordings and
    templates kept); the edited message's page and every page that lists it show the new title, none the old one."""
    from mkdocs.config import load_config

    monkeypatch.setenv(buildcache.CACHE_ENV, str(tmp_path / "cache"))
    p = copy_project(tmp_path / "p")
    config = load_config(config_file=str(p / "mkdocs.yml"))
    options = config.plugins[project.PLUGIN].config
    first = project.run(config, options, strict=True, cache=True)
    listing = {name for name, text in first.result.pages.items() if "Accepting an offer" in text}
    assert len(listing) > 1  # the message's own page and the pages that list it
    message = p / "content" / "messages" / "acceptance.yml"
    message.write_text(message.read_text("utf-8").replace("title: Accepting an offer", "title: Saying yes to it"), "utf-8")
    second = project.run(config, options, strict=True, cache=True)
    assert not second.failed, second.report()
    assert {name for name, text in second.result.pages.items() if "Saying yes to it" in text} == listing
    assert not any("Accepting an offer" in text for text in second.result.pages.values())
    fresh = project.run(config, options, strict=True)  # no build cache: the same pages
    assert fresh.result.pages == second.result.pages
