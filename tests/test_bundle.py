"""The build's bundler (generator/bundle.py): one pack per module set, run in Node as the browser would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.bundle import Unbundlable, pack, pack_name, packable, parse, write_packs
from generator.minify import minify_js

ROOT = Path(__file__).resolve().parent.parent
node = pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js")

START = """import { createStore } from "./store.js";
const MODULES = new Map([
  ["a", "./a.js"],
  ["b", "./b.js"],
]);
const PACKS = new Map(); // filled in by the build
"""
FILES = {
    "store.js": "let opened = null;\nexport function open() { opened ??= { n: 0 }; return opened; }\nexport const createStore = open;\n",
    "util.js": "const twice = (x) => x * 2;\nexport function double(x) { return twice(x); }\nexport { twice as times2 };\n",
    "a.js": 'import { double, times2 as t } from "./util.js";\nimport * as store from "./store.js";\n'
    "export function start() { store.open().n += 1; return double(1) + t(1); }\n",
    "b.js": 'import { open } from "./store.js";\nimport { double } from "./util.js";\nconst twice = 7; // the same name as util.js\'s\n'
    "export function start() { return [open().n, double(twice)]; }\n",
}


def project(tmp_path: Path, files=FILES) -> Path:
    folder = tmp_path / "site" / "assets" / "guide"
    folder.mkdir(parents=True)
    (folder / "start.js").write_text(START, "utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    (tmp_path / "site" / "page.html").write_text('<div data-module="b"></div><div data-module="a"></div>', "utf-8")
    (tmp_path / "site" / "other.html").write_text('<div data-module="b"></div><div data-module="nope"></div>', "utf-8")
    return tmp_path / "site"


def test_imports_and_exports_become_a_scope_and_its_return():
    imports, exports, body = parse(FILES["a.js"])
    assert imports == [("{ double, times2: t }", "util.js"), ("store", "store.js")]
    assert exports == ["start"] and "import" not in body and "export" not in body
    assert parse(FILES["util.js"])[1] == ["double", "times2: twice"]


@pytest.mark.parametrize(
    "source",
    ["export let x = 1;", "await 1;\nexport const y = 2;", 'import x from "./x.js";', "export default 3;", 'import "./side.js";'],
)
def test_what_cannot_be_wrapped_faithfully_is_refused(source):
    with pytest.raises(Unbundlable):
        parse(source)


def test_a_cycle_leaves_the_set_unbundled(tmp_path):
    files = {**FILES, "util.js": 'import { start } from "./a.js";\nexport function double(x) { return x; }\n'}
    site = project(tmp_path, files)
    with pytest.raises(Unbundlable):
        pack(site / "assets" / "guide", ["a"], {"a": "a.js"})


def test_one_pack_per_module_set_of_the_pages_and_start_js_knows_them(tmp_path):
    site = project(tmp_path)
    written = write_packs(site, "assets/guide/start.js")
    assert written == ["assets/guide/" + pack_name(("a", "b")), "assets/guide/" + pack_name(("b",))]
    start = (site / "assets" / "guide" / "start.js").read_text("utf-8")
    assert 'new Map([["a b", "./pack-a.b.js"], ["b", "./pack-b.js"]]);' in start
    assert write_packs(site, "assets/guide/start.js") == []  # filled in once: a rebuild copies start.js afresh


def test_packable_says_which_modules_pack_wraps_each_file_parsed_once(tmp_path):
    start = START.replace('["b", "./b.js"],', '["b", "./b.js"],\n  ["c", "./c.js"],\n  ["d", "./d.js"],\n  ["e", "./e.js"],')
    files = {
        **FILES,
        "c.js": 'import { double } from "./util.js";\nexport let c = 1;\n',  # an exported let
        "d.js": 'import { f } from "./f.js";\nexport function start() {}\n',
        "f.js": 'import { start } from "./d.js";\nexport const f = 1;\n',  # a cycle back to d
    }  # e.js is missing
    folder = project(tmp_path, files) / "assets" / "guide"
    (folder / "start.js").write_text(start, "utf-8")
    found = packable(folder)
    assert found == {"a": True, "b": True, "c": False, "d": False, "e": False}
    modules = {n: f"{n}.js" for n in found}
    for name, can in found.items():  # the same answer as pack() itself
        try:
            pack(folder, [name], modules)
            assert can, name
        except (Unbundlable, OSError):
            assert not can, name
    texts = {p.name: p.read_text("utf-8") for p in folder.glob("*.js")}
    assert packable(texts) == found  # the folder's texts by name do as well as the folder


def test_another_engine_s_docs_get_the_packs_the_plugin_writes_after_a_build(tmp_path):
    from generator.engines import packed

    site = project(tmp_path)
    folder = site / "assets" / "guide"
    docs = {f"assets/guide/{p.name}": p.read_bytes() for p in folder.glob("*.js")}
    pages = {"page.md": '<div data-module="b"></div>\n<div data-module="a"></div>', "other.md": '<div data-module="b">'}
    got = packed(pages, docs, ["assets/guide/start.js", "assets/ati.css"])
    write_packs(site, "assets/guide/start.js")
    assert got == {f"assets/guide/{name}": (folder / name).read_bytes() for name in ("pack-a.b.js", "pack-b.js", "start.js")}
    assert packed(pages, docs, ["assets/ati.css"]) == {}  # no start.js listed: no packs


def test_what_the_store_imports_is_imported_by_the_pack_not_copied(tmp_path):
    files = {**FILES, "store.js": 'import { double } from "./util.js";\n' + FILES["store.js"]}
    text = pack(project(tmp_path, files) / "assets" / "guide", ["a", "b"], {"a": "a.js", "b": "b.js"})
    assert 'import * as $util from "./util.js";' in text and "function double" not in text
    assert 'import * as $store from "./store.js";' in text


@node
@pytest.mark.parametrize("small", [False, True], ids=["as written", "minified"])
def test_a_pack_runs_as_the_modules_did_with_one_store(tmp_path, small):
    site = project(tmp_path)
    folder = site / "assets" / "guide"
    write_packs(site, "assets/guide/start.js")
    if small:
        for file in folder.glob("*.js"):
            file.write_text(minify_js(file.read_text("utf-8")), "utf-8")
    for file in folder.glob("*.js"):
        file.rename(file.with_suffix(".mjs"))
    for file in folder.glob("*.mjs"):
        file.write_text(file.read_text("utf-8").replace('.js"', '.mjs"'), "utf-8")
    script = (
        'const { modules } = await import("./pack-a.b.mjs");'
        'const { open } = await import("./store.mjs");'
        "console.log(JSON.stringify([modules.a.start(), modules.b.start(), open().n]));"
    )
    done = subprocess.run(["node", "--input-type=module", "-e", script], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[4,[1,14],1]"  # b saw a's count: one store; b's own `twice` did not clash


def test_the_guide_s_modules_all_pack(tmp_path):
    folder = ROOT / "docs" / "assets" / "guide"
    start = (folder / "start.js").read_text("utf-8")
    assert "const PACKS = new Map(); // filled in by the build" in start
    from generator.bundle import MODULE_MAP

    modules = dict(MODULE_MAP.findall(start))
    assert {"message-card", "profile-form", "planner", "desk", "switcher", "print-view"} <= set(modules)
    for name in modules:
        assert pack(folder, [name], modules).endswith(
            f'export const modules = {{ "{name}": ${modules[name][:-3].replace("-", "_")} }};\n'
        )


def test_every_word_a_module_reads_is_shipped_in_the_page_data():
    """The page data leaves out template-only words (pagedata.PAGE_WORDS); no module may read one of them."""
    import re

    from generator.pagedata import PAGE_WORDS

    for module in (ROOT / "docs" / "assets" / "guide").glob("*.js"):
        words = re.findall(r"\bui\.(\w+)|\bui\[[\"'`](\w+)", module.read_text("utf-8"))
        assert not [w for pair in words for w in pair if w.startswith(PAGE_WORDS)], module.name


def test_every_computed_read_of_a_word_is_one_words_read_understands():
    """Pages ship only the words their modules read (bundle.words_read): by name, by a literal prefix completed in
    the code (ui[`stage_${kind}`]) or as counted(ui, "noun", n)'s plural forms. Any other computed read (ui[x])
    must be added there, or a page would lack the word it reads."""
    import re

    from generator.bundle import WORD_PREFIX

    known = ("ui[key]", "ui[`${noun}_")  # desk.js: key from a map of literal names; text.js's counted()
    for module in (ROOT / "docs" / "assets" / "guide").glob("*.js"):
        text = module.read_text("utf-8")
        for found in re.finditer(r"\bui\[", text):
            rest = text[found.start() :]
            assert WORD_PREFIX.match(rest) or rest.startswith(known), f"{module.name}: {rest[:40]!r}"


def test_a_page_ships_the_words_its_modules_read_and_no_others(tmp_path):
    from generator.bundle import words_read
    from generator.pagedata import words_for

    files = {
        **FILES,
        "a.js": FILES["a.js"] + 'const say = (ui, n) => [ui.copy_text, ui[`stage_${n}`], counted(ui, "blank", n)];\n',
    }
    reads = words_read(project(tmp_path, files) / "assets" / "guide")
    ui = dict.fromkeys(["copy_text", "stage_offer", "stage_waiting", "blank_one", "blank_other", "desk_only", "copy"], "w")
    assert set(words_for(ui, [reads[""], reads["a"]])) == {
        "copy_text",
        "stage_offer",
        "stage_waiting",
        "blank_one",
        "blank_other",
    }
    assert words_for(ui, [reads[""], reads["b"]]) == {}


def test_pages_with_modules_preload_what_start_js_imports_at_their_own_depth():
    from types import SimpleNamespace

    from generator.bundle import DATA_MODULE, loaded_by_entry
    from generator.core import generate
    from generator.project import module_preloads
    from generator.render import Settings
    from generator.write import read_templates, read_tree

    config = SimpleNamespace(docs_dir=str(ROOT / "docs"), extra_javascript=["assets/guide/start.js"])
    preloads = module_preloads(config)
    assert preloads and {p.rsplit("/", 1)[1] for p in preloads} == loaded_by_entry(ROOT / "docs" / "assets" / "guide")
    assert all((ROOT / "docs" / p).is_file() for p in preloads)
    golden = ROOT / "tests" / "golden"
    for dirs, roots in (
        (True, {"messages/thanks.md": "../../", "what-happened.md": "../"}),
        (False, {"messages/thanks.md": "../"}),
    ):
        settings = Settings(use_directory_urls=dirs, module_preloads=preloads)
        pages = generate(read_tree(golden / "base", (".yml",)), read_templates(ROOT / "templates"), settings).pages
        for page, root in roots.items():
            assert DATA_MODULE.search(pages[page]), page
            links = re.findall(r'<link rel="modulepreload" href="([^"]+)">', pages[page])
            assert links == [root + p for p in preloads], (dirs, page)
            tags = "".join(f'<link rel="modulepreload" href="{link}">' for link in links)
            assert f"'>{tags}</div>" in pages[page], "the links sit inside the page data's element, which is closed"
    packs = {name: True for name in ("message-card", "profile-form", "switcher", "planner")}
    settings = Settings(module_preloads=preloads, module_packs=packs, scripts_folder="assets/guide")
    pages = generate(read_tree(golden / "base", (".yml",)), read_templates(ROOT / "templates"), settings).pages
    for page in ("messages/thanks.md", "planner.md"):
        names = tuple(sorted(set(DATA_MODULE.findall(pages[page]))))
        links = re.findall(r'<link rel="modulepreload" href="([^"]+)">', pages[page])
        assert links[-1] == "../" * page.count("/") + "../assets/guide/" + pack_name(names), page
    settings.module_packs = {**packs, "switcher": False}  # one module the bundler cannot wrap: no pack for its pages
    pages = generate(read_tree(golden / "base", (".yml",)), read_templates(ROOT / "templates"), settings).pages
    assert "pack-" not in pages["messages/thanks.md"]


def test_what_start_js_imports_dynamically_is_shared_not_copied(tmp_path):
    from generator.bundle import loaded_by_entry

    site = project(tmp_path, {**FILES, "store.js": 'import { double } from "./util.js";\n' + FILES["store.js"]})
    folder = site / "assets" / "guide"
    start = START.replace('import { createStore } from "./store.js";\n', "")
    (folder / "start.js").write_text(start + 'const opening = () => import("./store.js");\n', "utf-8")
    assert loaded_by_entry(folder) == {"store.js", "util.js"}
    text = pack(folder, ["a", "b"], {"a": "a.js", "b": "b.js"})
    assert 'import * as $store from "./store.js";' in text and "function double" not in text


@pytest.mark.parametrize("source_links", [False, True])
def test_links_in_the_pages_html_are_written_for_the_engine_that_reads_them(source_links):
    """MkDocs leaves a link in a page's HTML as written: relative to the served page (planner.md is served as
    planner/). Zensical reads it relative to the page's source file and rewrites it: we write it so."""
    from generator.core import generate
    from generator.render import Settings
    from generator.write import read_templates, read_tree

    settings = Settings(module_preloads=("assets/guide/store.js",), source_links=source_links)
    pages = generate(read_tree(ROOT / "tests" / "golden" / "base", (".yml",)), read_templates(ROOT / "templates"), settings).pages
    up = "" if source_links else "../"
    assert f'<a href="{up}steps/thank-you/">' in pages["planner.md"]
    assert f'<link rel="modulepreload" href="{up or "./"}assets/guide/store.js">' in pages["planner.md"]
    assert f'<link rel="modulepreload" href="{up}../assets/guide/store.js">' in pages["messages/thanks.md"]
    assert 'href="steps/thank-you/"' in pages["index.md"]  # the home page is served where its source is
