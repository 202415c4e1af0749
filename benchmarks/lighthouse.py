"""Lighthouse benchmark: the home, a message page, the planner and the desk, this tree next to the previous release.

Both sites are built in the same run (the previous release from git, PREVIOUS_RELEASE in a temporary worktree,
with its own generator) and served on loopback with text gzipped, as a static host serves them. Lighthouse (npm,
with Debian's Chromium) runs offline: it needs no network for these categories. Both form factors: mobile
(Lighthouse's default: a mid-range phone on a throttled 4G link, simulated) and desktop. Prints the four category
scores of each page side by side, then every audit that cost points. A page the previous release lacks shows "-".

    python benchmarks/lighthouse.py [--pages ,messages/appreciation/,planner/,applications/] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, PREVIOUS_RELEASE, ROOT, fresh, machine, median, now_and_before

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


def scores_of(base: str, site, path: str, preset: str, reports, runs: int, lost: dict, label: str) -> dict | None:
    """The median category scores of one page and form factor (None if the site has no such page); notes lost audits."""
    if not (site / path / "index.html").is_file() and path:
        return None
    name = (path.strip("/").replace("/", "-") or "home") + f"-{preset}-{label}"
    done = [run(base + path, preset, reports / f"{name}-{i + 1}.json") for i in range(runs)]
    for r in done:  # the audits that cost points: weighted in a category and not passed
        for category in CATEGORIES:
            for ref in r["categories"][category]["auditRefs"]:
                audit = r["audits"][ref["id"]]
                if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                    shown = audit.get("displayValue") or f"score {audit['score']}"
                    key = f"{category}: {ref['id']}"
                    lost.setdefault(f"{label}: /{path} {preset}", {}).setdefault(key, []).append(shown)
    return {c: median([r["categories"][c]["score"] for r in done]) for c in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=",messages/appreciation/,planner/,applications/", help="'' is the home page")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the median score is kept")
    parser.add_argument("--previous", default=PREVIOUS_RELEASE, help="the commit of the release to compare with")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci`")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    work = OUT / "lighthouse"
    reports = fresh(work / "reports")
    with now_and_before(work, args.previous) as sites:
        print(f"lighthouse {version}: {machine()}; Chromium {CHROMIUM}; median of {args.runs} run(s)")
        print(f"now: this tree; before: release {args.previous}. Scores as now / before.")
        print(f"  {'page':<24} {'form factor':<12}" + "".join(f"{c:>17}" for c in CATEGORIES))
        lost: dict[str, dict[str, list[str]]] = {}
        for path in args.pages.split(","):
            for preset in ("mobile", "desktop"):
                got = {k: scores_of(b, s, path, preset, reports, args.runs, lost, k) for k, (b, s) in sites.items()}
                cells = []
                for c in CATEGORIES:
                    now, before = (f"{got[k][c] * 100:.0f}" if got[k] else "-" for k in ("now", "before"))
                    cells.append(f"{now + ' / ' + before:>17}")
                print(f"  /{path:<23} {preset:<12}" + "".join(cells), flush=True)
    print(f"\nfull reports: {reports.relative_to(ROOT)}/\naudits that cost points (value in each run):")
    for where, audits in lost.items():
        print(f"  {where}:")
        for key, values in sorted(audits.items()):
            print(f"    {key} ({' / '.join(values)})")


if __name__ == "__main__":
    main()
