"""Page weight benchmark: the project's own JavaScript and CSS gzipped, and the first-view bytes of a message page.

1. Every stylesheet and script of the project listed in mkdocs.yml (extra_css, extra_javascript), as the build
   writes it to site/ (minified), gzipped at level 6 (what web servers use by default), against the target of
   10 KB (10,240 bytes) together. Every page loads all of them.
2. A message page opened in Chromium with an empty cache, next to the same page built by plain Material (the
   same Markdown, no plugin, no overrides, no project CSS or JavaScript): every response of the first view until
   the network is idle, in raw bytes and gzipped as a server would send them.

    python benchmarks/weight.py [--page messages/appreciation/]
"""

from __future__ import annotations

import argparse
import gzip
from collections import defaultdict
from urllib.parse import urlsplit

import yaml
from _common import CHROMIUM, CHROMIUM_ARGS, OUT, ROOT, _Loader, copy_project, fresh, mkdocs_build, plain_project, serve

TARGET = 10 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def own_assets() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    names = []
    for entry in (config.get("extra_css") or []) + (config.get("extra_javascript") or []):
        path = entry if isinstance(entry, str) else entry.get("path", "")
        if path and "://" not in path:
            names.append(path)
    return names


def first_view(base: str, path: str) -> dict[str, list[tuple[str, int, int]]]:
    """Every response of a cold first view of one page, by kind: (url path, raw bytes, gzipped bytes)."""
    from playwright.sync_api import sync_playwright

    seen: list = []
    kinds = defaultdict(list)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        context.on("response", lambda response: seen.append(response))
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        for response in seen:
            try:
                body = response.body()
            except Exception:  # redirects and aborted requests have no body
                continue
            kind = response.request.resource_type
            kind = {"stylesheet": "css", "script": "js", "document": "html", "fetch": "data", "xhr": "data"}.get(kind, kind)
            kinds[kind].append((urlsplit(response.url).path, len(body), gz(body)))
        browser.close()
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", default="messages/appreciation/")
    args = parser.parse_args()

    work = OUT / "weight"
    project = copy_project(work / "ours")
    plain = plain_project(project, work / "plain", assets=False, overrides=False)
    servers = {name: serve(fresh(work / f"site-{name}")) for name in ("ours", "plain")}
    mkdocs_build(project, work / "site-ours", site_url=servers["ours"][0])
    mkdocs_build(plain, work / "site-plain", site_url=servers["plain"][0])

    print("project's own JavaScript and CSS, as served from site/ (the build minifies them), gzip -6:")
    print(f"  {'':<24} {'source':>9} {'served':>9} {'gzipped':>9}")
    totals = [0, 0, 0]
    for name in own_assets():
        source, served = (ROOT / "docs" / name).read_bytes(), (work / "site-ours" / name).read_bytes()
        sizes = (len(source), len(served), gz(served))
        totals = [a + b for a, b in zip(totals, sizes, strict=True)]
        print(f"  {name:<24}" + "".join(f"{s:>8,} B" for s in sizes))
    verdict = "within" if totals[2] <= TARGET else "OVER"
    print(f"  {'together':<24}" + "".join(f"{s:>8,} B" for s in totals) + f": {verdict} the {TARGET:,} B target")

    print(f"\nfirst view of /{args.page} with an empty cache, until the network is idle:")
    rows = {"ours": first_view(servers["ours"][0], args.page), "plain Material": first_view(servers["plain"][0], args.page)}
    for _, server in servers.values():
        server.shutdown()
    kinds = sorted({k for r in rows.values() for k in r})
    print(f"  {'':<8}" + "".join(f"{name:>30}" for name in rows))
    print(f"  {'':<8}" + "".join(f"{'requests':>10}{'raw B':>10}{'gzip B':>10}" for _ in rows))
    for kind in [*kinds, "total"]:
        line = f"  {kind:<8}"
        for r in rows.values():
            items = [i for k in (kinds if kind == "total" else [kind]) for i in r.get(k, [])]
            line += f"{len(items):>10}{sum(i[1] for i in items):>10,}{sum(i[2] for i in items):>10,}"
        print(line)
    ours, plain_rows = ({i[0]: i for k in r.values() for i in k} for r in rows.values())
    extra = sorted(set(ours) - set(plain_rows))
    print("\n  only in ours: " + ", ".join(f"{p} ({ours[p][2]:,} B gz)" for p in extra))


if __name__ == "__main__":
    main()
