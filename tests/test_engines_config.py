"""The plain project a plugin-less engine (Zensical) builds: its mkdocs.yml and its docs folder, from the pure core."""

from __future__ import annotations

import pytest

from generator.engines import branding, docs_files, dump_config, for_language, local_assets, plain_config, read_config
from generator.minify import shortens_names

CONFIG = """\
site_name: Careers guide
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme:
  name: material
  custom_dir: my-overrides
plugins:
  - search
  - after-the-interview:
      organisation: Acme
      adviser:
        name: Sam
        phone: ""
extra_css: [assets/ati.css, https://example.org/x.css]
extra_javascript: [assets/ati.js, {path: assets/planner.js, defer: true}, assets/vendor.min.js]
"""
NAV = [{"Home": "index.md"}, {"Messages": [{"Thank-you note": "messages/appreciation.md"}]}]


def test_plain_config_drops_our_plugin_and_writes_in_nav_branding_and_folders():
    plain = plain_config(read_config(CONFIG), NAV)
    assert plain["plugins"] == ["search"]
    assert plain["nav"] == NAV
    assert (plain["docs_dir"], plain["site_dir"], plain["theme"]["custom_dir"]) == ("docs", "site", "overrides")
    assert plain["theme"]["variant"] == "classic"
    assert plain["extra"]["ati_branding"] == {"organisation": "Acme", "adviser": {"name": "Sam"}, "words": {}}


def test_plain_config_keeps_tags_and_a_written_nav_and_takes_the_site_url():
    config = read_config(CONFIG.replace("theme:", "nav: [index.md]\ntheme:"))
    text = dump_config(plain_config(config, NAV))
    assert "!ENV" in text and "nav:\n- index.md\n" in text
    assert plain_config(config, NAV, "https://example.org/guide")["site_url"] == "https://example.org/guide/"


def test_branding_without_options_is_empty():
    assert branding(read_config("site_name: x\nplugins: [search, after-the-interview]\n")) == {
        "organisation": "",
        "adviser": {},
        "words": {},
    }


def test_docs_files_minify_the_local_assets_and_their_modules_and_add_the_pages():
    assets = local_assets(read_config(CONFIG))
    assert assets == ["assets/ati.js", "assets/planner.js", "assets/vendor.min.js", "assets/ati.css"]
    js = b"/* comment */\nfunction  f ( a ) {\n  return a;  // note\n}\n"
    docs = {
        "assets/ati.js": js,
        "assets/module.js": js,  # beside a listed script: an ES module it may import, minified too
        "extra/other.js": js,
        "assets/ati.css": b"a {\n  color : red ;\n}\n",
        "img/logo.png": b"\x89PNG",
    }
    files = docs_files({"index.md": "# Home\n"}, docs, assets)
    small = b"function f(e){return e}" if shortens_names() else b"function f(a){return a;}"  # generator/minify.py
    assert files["assets/ati.js"] == small
    assert files["assets/ati.css"] == b"a{color:red}"
    assert files["assets/module.js"] == small
    assert files["extra/other.js"] == js and files["img/logo.png"] == b"\x89PNG"
    assert files["index.md"] == b"# Home\n"


def test_docs_files_refuse_to_shadow_a_real_file():
    with pytest.raises(ValueError, match=r"docs/index\.md: a file there would be replaced"):
        docs_files({"index.md": "# Home\n"}, {"index.md": b"mine"}, [])


def test_for_language_sets_theme_search_switcher_and_site_url_of_an_added_language():
    from generator.languages import Language

    every = [Language("en", "English", default=True), Language("de", "Deutsch")]
    plain = {"site_url": "https://x.example/guide/", "theme": {"name": "material"}, "extra": {}, "plugins": ["search"]}
    german = for_language(dict(plain), every[1], every)
    assert german["theme"]["language"] == "de" and german["plugins"] == [{"search": {"lang": ["de"]}}]
    assert german["site_url"] == "https://x.example/guide/de/"
    assert [a["link"] for a in german["extra"]["alternate"]] == ["../", "../de/"]
    english = for_language(dict(plain), every[0], every)
    assert "language" not in english["theme"] and [a["link"] for a in english["extra"]["alternate"]] == ["", "de/"]
