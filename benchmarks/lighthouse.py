"""Lighthouse benchmark: scores of the home page and a message page, with npm `lighthouse` and Debian's Chromium.

The built site is served on loopback with text gzipped, as a static host serves it. Lighthouse runs offline (it
needs no network for these categories). Both form factors: mobile (Lighthouse's default: a mid-range phone on a
throttled 4G link, simulated) and desktop. Prints the four category scores and every audit that cost points.

    python benchmarks/lighthouse.py [--pages ,messages/appreciation/] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, ROOT, copy_project, fresh, machine, median, mkdocs_build, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url: str, preset: str, out) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={flags}", "--output=json", f"--output-path={out}", "--quiet"]
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if done.returncode or not out.exists():
        raise SystemExit(f"lighthouse failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(out.read_text("utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse: {report['runtimeError']}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=",messages/appreciation/", help="comma-separated paths; '' is the home page")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the median score is kept")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci`")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    work = OUT / "lighthouse"
    project = copy_project(work / "project")
    base, server = serve(fresh(work / "site"), gzip_text=True)
    mkdocs_build(project, work / "site", site_url=base)
    fresh(work / "reports")
    print(f"lighthouse {version}: {machine()}; Chromium {CHROMIUM}; median of {args.runs} run(s)")
    print(f"  {'page':<24} {'form factor':<12}" + "".join(f"{c:>15}" for c in CATEGORIES))
    lost: dict[str, dict[str, list[str]]] = {}
    try:
        for path in args.pages.split(","):
            for preset in ("mobile", "desktop"):
                name = (path.strip("/").replace("/", "-") or "home") + f"-{preset}"
                reports = [run(base + path, preset, work / "reports" / f"{name}-{i + 1}.json") for i in range(args.runs)]
                scores = {c: median([r["categories"][c]["score"] for r in reports]) for c in CATEGORIES}
                print(f"  /{path:<23} {preset:<12}" + "".join(f"{scores[c] * 100:>15.0f}" for c in CATEGORIES), flush=True)
                for r in reports:  # the audits that cost points: weighted in a category and not passed
                    for category in CATEGORIES:
                        for ref in r["categories"][category]["auditRefs"]:
                            audit = r["audits"][ref["id"]]
                            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                                shown = audit.get("displayValue") or f"score {audit['score']}"
                                lost.setdefault(f"/{path} {preset}", {}).setdefault(f"{category}: {ref['id']}", []).append(shown)
    finally:
        server.shutdown()
    print(f"\nfull reports: {(work / 'reports').relative_to(ROOT)}/\naudits that cost points (value in each run):")
    for where, audits in lost.items():
        print(f"  {where}:")
        for key, values in sorted(audits.items()):
            print(f"    {key} ({' / '.join(values)})")


if __name__ == "__main__":
    main()
