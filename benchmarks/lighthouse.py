"""Lighthouse benchmark: the home, a message page, the planner and the desk, this tree next to the previous release.

Both sites are built in the same run (the previous release from git, PREVIOUS_RELEASE in a temporary worktree,
with its own generator) and served on loopback with text gzipped, as a static host serves them. Lighthouse (npm,
with Debian's Chromium) runs offline: it needs no network for these categories. Both form factors: mobile
(Lighthouse's default: a mid-range phone on a throttled 4G link, simulated) and desktop. Prints the four category
scores of each page side by side, then every audit that cost points. A page the previous release lacks shows "-".

With --ours-blocked, a third column loads this tree with its own scripts refused (Lighthouse's blocked URL
patterns): what the page scores without the project's code, so now against it is what that code costs. Runs of the
sites are taken in turn.

    python benchmarks/lighthouse.py [--pages ,messages/appreciation/,planner/,applications/] [--runs 1]
                                    [--ours-blocked]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, PREVIOUS_RELEASE, ROOT, fresh, machine, median, now_and_before

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


OURS = "*/assets/guide/*"  # the project's own scripts: start.js, the store, the modules and packs


def run(url: str, preset: str, out, blocked: bool = False) -> dict:
    """One Lighthouse report of a page (blocked: with the project's own scripts refused, as if it had none)."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={flags}", "--output=json", f"--output-path={out}", "--quiet"]
    if blocked:
        command.append(f"--blocked-url-patterns={OURS}")
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if done.returncode or not out.exists():
        raise SystemExit(f"lighthouse failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(out.read_text("utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse: {report['runtimeError']}")
    return report


def scores_of(targets: dict, path: str, preset: str, reports, runs: int, lost: dict) -> dict:
    """The median category scores of one page and form factor on each target (label -> (base URL, site)), their runs
    taken in turn so that a slow spell of the machine falls on all of them; None where the site has no such page.
    Notes the audits that cost points in `lost`."""
    there = {k: t for k, t in targets.items() if not path or (t[1] / path / "index.html").is_file()}
    name = (path.strip("/").replace("/", "-") or "home") + f"-{preset}"
    done = {k: [] for k in there}
    for i in range(runs):
        for k, (base, _) in there.items():
            done[k].append(run(base + path, preset, reports / f"{name}-{k}-{i + 1}.json", k == "blocked"))
    for k, reports_of_k in done.items():
        for r in reports_of_k:  # the audits that cost points: weighted in a category and not passed
            for category in CATEGORIES:
                for ref in r["categories"][category]["auditRefs"]:
                    audit = r["audits"][ref["id"]]
                    if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                        shown = audit.get("displayValue") or f"score {audit['score']}"
                        key = f"{category}: {ref['id']}"
                        lost.setdefault(f"{k}: /{path} {preset}", {}).setdefault(key, []).append(shown)
    medians = {k: {c: median([r["categories"][c]["score"] for r in rs]) for c in CATEGORIES} for k, rs in done.items()}
    return {k: medians.get(k) for k in targets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=",messages/appreciation/,planner/,applications/", help="'' is the home page")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the median score is kept")
    parser.add_argument("--previous", default=PREVIOUS_RELEASE, help="the commit of the release to compare with")
    parser.add_argument(
        "--ours-blocked",
        action="store_true",
        help="also this tree with the project's own scripts refused: the points its scripts cost are now against it",
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci`")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    work = OUT / "lighthouse"
    reports = fresh(work / "reports")
    with now_and_before(work, args.previous) as sites:
        targets = {"now": sites["now"], **({"blocked": sites["now"]} if args.ours_blocked else {}), "before": sites["before"]}
        print(f"lighthouse {version}: {machine()}; Chromium {CHROMIUM}; median of {args.runs} run(s)")
        print(f"now: this tree; {'blocked: this tree with its own scripts refused; ' * args.ours_blocked}", end="")
        print(f"before: release {args.previous}. Scores as {' / '.join(targets)}.")
        width = 17 + 5 * args.ours_blocked
        print(f"  {'page':<24} {'form factor':<12}" + "".join(f"{c:>{width}}" for c in CATEGORIES))
        lost: dict[str, dict[str, list[str]]] = {}
        for path in args.pages.split(","):
            for preset in ("mobile", "desktop"):
                got = scores_of(targets, path, preset, reports, args.runs, lost)
                cells = []
                for c in CATEGORIES:
                    shown = " / ".join(f"{got[k][c] * 100:.0f}" if got[k] else "-" for k in targets)
                    cells.append(f"{shown:>{width}}")
                print(f"  /{path:<23} {preset:<12}" + "".join(cells), flush=True)
    print(f"\nfull reports: {reports.relative_to(ROOT)}/\naudits that cost points (value in each run):")
    for where, audits in lost.items():
        print(f"  {where}:")
        for key, values in sorted(audits.items()):
            print(f"    {key} ({' / '.join(values)})")


if __name__ == "__main__":
    main()
