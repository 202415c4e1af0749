"""Gates on the built HTML of every page: no broken internal link or anchor, and valid HTML (html-validate, `standard`).

Exceptions are listed one by one below with the reason, and only for the theme's own markup; an exception that
no longer matches anything fails the test, so it is removed once the theme stops needing it.
"""

from __future__ import annotations

import re

import pytest
from _gates_helpers import broken_links, page_paths, run_html_validate

# html-validate's `standard` preset: the rules that follow the WHATWG HTML standard, without style opinions.
HTML_VALIDATE_CONFIG = {"extends": ["html-validate:standard"]}

# (rule, file pattern, selector pattern, reason). Keep this list short; prefer an override in overrides/partials/.
HTML_EXCEPTIONS = [
    (
        "valid-autocomplete",
        r".*",
        r"#__(drawer|search)",
        "Material's base.html (not a partial, so not overridable without taking over overrides/main.html) puts "
        'autocomplete="off" on its two hidden checkbox toggles so that Firefox does not restore the drawer or the '
        "search open after Back. The attribute is not allowed on checkboxes but every browser ignores it there.",
    ),
]


def excepted(message: dict) -> int | None:
    """The index of the exception that covers a message, or None."""
    for i, (rule, file, selector, _reason) in enumerate(HTML_EXCEPTIONS):
        if (
            message["ruleId"] == rule
            and re.fullmatch(file, message["file"])
            and re.fullmatch(selector, message.get("selector") or "")
        ):
            return i
    return None


def test_every_page_is_found(content_site):
    pages = page_paths(content_site)
    assert "" in pages and "404.html" in pages
    assert any(p.startswith("messages/") for p in pages) and any(p.startswith("steps/") for p in pages)
    assert "applications/" in pages and "application-print/" in pages, "the desk's pages escape the gates"


@pytest.mark.shipped_content
def test_every_german_page_is_found(content_site):
    """The German site (a nested build in site/de/) is walked by every gate like the English one."""
    pages = page_paths(content_site)
    assert "de/" in pages and "de/applications/" in pages and "de/application-print/" in pages
    assert any(p.startswith("de/messages/") for p in pages) and any(p.startswith("de/steps/") for p in pages)


def test_no_broken_internal_link_or_anchor(content_site, content_site_url):
    problems = broken_links(content_site, content_site_url)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_the_link_check_reads_absolute_links_to_the_site(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>', "utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#top">ok</a> <a href="https://example.org/x">elsewhere</a>'
        '<a href="http://127.0.0.1:9/a/#gone">anchor</a> <link rel="canonical" href="http://127.0.0.1:9/b/">',
        "utf-8",
    )
    assert broken_links(tmp_path, "http://127.0.0.1:9/") == [
        'index.html: <a href="http://127.0.0.1:9/a/#gone">: a/index.html has no id "gone"',
        'index.html: <link href="http://127.0.0.1:9/b/">: no such file',
    ]


def test_every_page_is_valid_html(content_site, tmp_path):
    messages = run_html_validate(content_site, HTML_VALIDATE_CONFIG, tmp_path)
    used = {excepted(m) for m in messages} - {None}
    left = [m for m in messages if excepted(m) is None]
    report = [f"{m['file']}:{m['line']}:{m['column']}: {m['ruleId']}: {m['message']} ({m.get('selector')})" for m in left]
    assert not left, f"{len(left)} HTML error(s) on {len({m['file'] for m in left})} page(s):\n" + "\n".join(report)
    stale = [HTML_EXCEPTIONS[i][:3] for i in range(len(HTML_EXCEPTIONS)) if i not in used]
    assert not stale, f"exceptions that match nothing any more; remove them: {stale}"
