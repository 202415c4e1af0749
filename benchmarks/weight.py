"""Page weight benchmark: the project's own JavaScript, CSS and page data on a page, gzipped, against 12 KB.

A page is opened in Chromium with an empty cache (service worker blocked) until the network is idle. Counted:
every response of the project's own files (those under docs/ in the source: start.js and exactly the modules the
page imports, the project's stylesheet), and the page data inlined in the HTML (the JSON of
#ati-page-data and every data-config attribute), each gzipped at level 6 as a web server sends it. Material's own
files are listed apart, and so is what bundling would give (the same JS, or CSS, gzipped as one file). The same
page of the previous release (built from git, PREVIOUS_RELEASE in a temporary worktree) is measured in the same
run, side by side. Then what each of this tree's modules costs the page: the page's own JS (start.js, the modules
its data-module names start and all they import, from docs/, minified as the build does) gzipped as one stream, and
how many bytes that stream loses without each module: the figures a decision to drop or defer a feature needs.

    python benchmarks/weight.py [--page messages/appreciation/] [--previous c69cf24]
"""

from __future__ import annotations

import argparse
import gzip
from urllib.parse import urlsplit

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, PREVIOUS_RELEASE, ROOT, machine, now_and_before

BUDGET = 12 * 1024
PAGE_DATA = """() => [document.getElementById("ati-page-data")?.dataset.json || "",
  ...[...document.querySelectorAll("[data-config]")].map(e => e.dataset.config)]"""


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_view(base: str, path: str, site) -> dict[str, int]:
    """gzipped bytes of one cold view, by row: each own file, 'page data', 'Material' and 'HTML'."""
    from playwright.sync_api import sync_playwright

    seen, rows, own = [], {}, {"script": b"", "stylesheet": b""}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block", viewport={"width": 390, "height": 800})
        context.on("response", lambda response: seen.append(response))
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        data = page.evaluate(PAGE_DATA)
        for response in seen:
            try:
                body = response.body()
            except Exception:  # redirects and aborted requests have no body
                continue
            url = urlsplit(response.url).path
            kind = response.request.resource_type
            if kind == "document" and url == "/" + path:
                rows["HTML (with the page data inline)"] = gz(body)
            elif url.startswith("/assets/") and kind in ("script", "stylesheet") and not _material(url):
                rows[url.removeprefix("/assets/")] = gz(body)
                own[kind] += body + b"\n"
            elif kind in ("script", "stylesheet"):
                label = "Material's own " + ("JS" if kind == "script" else "CSS")
                rows[label] = rows.get(label, 0) + gz(body)
        rows["page data (inline JSON)"] = sum(gz(d.encode()) for d in data if d)
        rows["what-if: own JS as one file"] = gz(own["script"])
        rows["what-if: own CSS as one file"] = gz(own["stylesheet"])
        browser.close()
    return rows


def module_costs(site) -> tuple[int, list[tuple[str, int, int]]]:
    """The page's own JS from docs/ as one gzip stream, and each module's (file, marginal bytes, bytes alone)."""
    import re

    from generator import bundle
    from generator.minify import minify_js

    folder = ROOT / "docs" / "assets" / "guide"
    html = (site / "index.html").read_text("utf-8") if site.is_dir() else site.read_text("utf-8")
    files: list[str] = []
    for entry in ["start.js", *(f"{name}.js" for name in sorted(set(re.findall(r'data-module="([\w-]+)"', html))))]:
        files += [f for f in bundle.closure(folder, entry) if f not in files]
    code = {f: minify_js((folder / f).read_text("utf-8")) for f in files}
    stream = lambda names: gz("\n".join(code[f] for f in names).encode())  # noqa: E731
    whole = stream(files)
    costs = [(f, whole - stream([g for g in files if g != f]), gz(code[f].encode())) for f in files]
    return whole, sorted(costs, key=lambda c: -c[1])


def _material(url: str) -> bool:
    return url.startswith(("/assets/javascripts/", "/assets/stylesheets/"))


def own_total(rows: dict[str, int]) -> int:
    return sum(v for k, v in rows.items() if not k.startswith(("Material", "HTML", "what-if")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", default="messages/appreciation/")
    parser.add_argument("--previous", default=PREVIOUS_RELEASE, help="the commit of the release to compare with")
    args = parser.parse_args()

    with now_and_before(OUT / "weight", args.previous, gzip_text=False) as sites:
        labels = {"now": "this tree", "before": f"release {args.previous}"}
        figures = {labels[k]: first_view(base, args.page, site) for k, (base, site) in sites.items()}

    names = list(figures)
    keys = sorted({k for f in figures.values() for k in f}, key=lambda k: (k.startswith(("Material", "HTML", "what-if")), k))
    print(f"/{args.page}, cold first view at 390 px, service worker blocked; gzip -6 bytes")
    print(f"  {'':<40}" + "".join(f"{n:>22}" for n in names))
    for key in keys:
        print(f"  {key:<40}" + "".join(f"{figures[n].get(key, 0):>20,} B" if key in figures[n] else f"{'-':>22}" for n in names))
    print(f"  {'own JS + CSS + page data':<40}" + "".join(f"{own_total(figures[n]):>20,} B" for n in names))
    print(f"\nbudget: own JS + CSS + page data at most {BUDGET:,} B gzipped ({machine()})")
    for name in names:
        total = own_total(figures[name])
        verdict = "pass" if total <= BUDGET else "FAIL"
        print(f"  {name:<22} {total:>8,} B  {verdict} ({total - BUDGET:+,} B)")

    whole, costs = module_costs(sites["now"][1] / args.page)
    print(f"\nthis tree's modules on /{args.page} (docs/assets/guide, minified), one gzip stream: {whole:,} B")
    print(f"  {'module':<22}{'without it':>12}{'alone':>10}")
    for file, marginal, alone in costs:
        print(f"  {file:<22}{-marginal:>10,} B{alone:>8,} B")


if __name__ == "__main__":
    main()
