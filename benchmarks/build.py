"""Build benchmark: the generator stage, our `mkdocs build`, a plain `mkdocs build` of the same pages, and the other engines.

For the bundled content and for content grown to 10, 100 and 1,000 messages (the bundled messages cloned under new
ids), in the same run:
  generator  read content/ and templates/ and render every page in memory (what the plugin does in on_config):
             "gen cold" is its first run in a new process, as in a real build; "generator" the median of warm runs
  ours       `mkdocs build --strict` of the project, with the plugin
  plain      `mkdocs build --strict` of the same Markdown written by hand (the generator's output saved to docs/,
             the same mkdocs.yml without the plugin, the nav written out): the baseline, default language only
  plain×L    with more than one language: the plain builds of every language's pages (one per language, each in
             its own theme and search language) added up, the baseline of "ours", which builds every language;
             "ours/pL" is their paired ratio
  properdocs `properdocs build --strict` of the project (it runs our plugin), in .venv-properdocs
  zensical   what `./dev build --engine zensical` runs: `python -m generator.engine_run build --engine zensical`
             (the generator writes the plain project, then `zensical build --clean --strict`), in .venv-zensical
Each build runs in a new process, as a user runs it. The four alternate in every round (paired runs); each figure
is the median of --repeat rounds, and ours/plain is the median of the paired ratios. Prints the figures, the ratios
and the cost per message between sizes; then, unless --rebuild-trials 0, the generator's share of a `./dev serve`
rebuild (its warm run, as in the serve process) beside the whole save-to-served loop (benchmarks/rebuild.py).

    python benchmarks/build.py [--sizes bundled,10,100,1000] [--repeat 10] [--rebuild-trials 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from _common import (
    ENGINE_VENVS,
    ENV,
    OUT,
    ROOT,
    add_messages,
    added_languages,
    copy_project,
    generate_pages,
    load_plugin_config,
    machine,
    median,
    mkdocs_build,
    plain_project,
    set_features,
    timed,
)

# The generator's first run in a new process, as in a real build (schema, templates and caches not yet loaded);
# mkdocs.yml is loaded (and the generator imported) before the clock starts.
COLD = """
import sys, time
sys.path.insert(0, "benchmarks")
from _common import generate_pages, load_plugin_config
from pathlib import Path
project = Path(sys.argv[1])
loaded = load_plugin_config(project)
start = time.perf_counter()
generate_pages(project, loaded)
print(time.perf_counter() - start)
"""


def bench(size: str, repeat: int, add: list[str], remove: list[str]) -> dict:
    work = OUT / "build" / size
    project = copy_project(work / "ours")
    set_features(project, add, remove)
    messages = add_messages(project, int(size)) if size != "bundled" else len(list((project / "content/messages").glob("*.yml")))
    cold = subprocess.run([sys.executable, "-c", COLD, str(project)], capture_output=True, text=True, env=ENV, check=True)
    loaded = load_plugin_config(project)
    gen = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = generate_pages(project, loaded)
        gen.append(time.perf_counter() - start)
    plain = plain_project(project, work / "plain")
    others = [plain_project(project, work / f"plain-{lang.code}", language=lang) for lang in added_languages(project)]
    properdocs = [str(ENGINE_VENVS["properdocs"] / "bin" / "properdocs"), "build", "--strict", "-q", "-d", str(work / "site-pd")]
    zensical = [sys.executable, "-m", "generator.engine_run", "build", "--engine", "zensical"]
    zensical += ["--venv", str(ENGINE_VENVS["zensical"]), "--site-dir", str(work / "site-zen")]
    ours_t, plain_t, all_t, pd_t, zen_t = [], [], [], [], []
    for _ in range(repeat):
        ours_t.append(mkdocs_build(project, work / "site-ours"))
        plain_t.append(mkdocs_build(plain, work / "site-plain"))
        all_t.append(plain_t[-1] + sum(mkdocs_build(o, work / f"site-{o.name}") for o in others))
        pd_t.append(timed(properdocs, project))
        zen_t.append(timed(zensical, project))
    pages = sum(1 for _ in (work / "site-ours").rglob("*.html"))
    return {
        "size": size,
        "messages": messages,
        "pages": pages,
        "generator_s": median(gen),
        "generator_cold_s": float(cold.stdout),
        "ours_s": median(ours_t),
        "plain_s": median(plain_t),
        "properdocs_s": median(pd_t),
        "zensical_s": median(zen_t),
        "ours_plain": median([o / p for o, p in zip(ours_t, plain_t, strict=True)]),
        "languages": 1 + len(others),
        "plain_all_s": median(all_t),
        "ours_plain_all": median([o / p for o, p in zip(ours_t, all_t, strict=True)]),
        "plain_all_runs": all_t,
        "ours_runs": ours_t,
        "plain_runs": plain_t,
        "properdocs_runs": pd_t,
        "zensical_runs": zen_t,
        "generated_pages": len(result.pages),
    }


def rebuild_share(trials: int) -> dict:
    """The generator's warm run (its share of a serve rebuild) beside the whole save-to-served loop of `mkdocs serve`."""
    from rebuild import measure

    project = copy_project(OUT / "build" / "rebuild-share")
    loaded = load_plugin_config(project)
    generate_pages(project, loaded)  # the serve process has run it once already
    warm = []
    for _ in range(max(trials, 10)):
        start = time.perf_counter()
        generate_pages(project, loaded)
        warm.append(time.perf_counter() - start)
    took, rebuilds = measure(trials, verbose=False)
    return {"generator_s": median(warm), "served_s": median(took), "rebuild_s": median([r for r in rebuilds if r == r])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="bundled,10,100,1000")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rebuild-trials", type=int, default=10, help="saves in `mkdocs serve` (0: skip that part)")
    parser.add_argument(
        "--feature",
        action="append",
        default=[],
        metavar="NAME",
        help="add a Material feature to both projects' mkdocs.yml (to compare)",
    )
    parser.add_argument(
        "--no-feature",
        action="append",
        default=[],
        metavar="NAME",
        help="remove a Material feature from both projects' mkdocs.yml (to compare)",
    )
    args = parser.parse_args()
    changed = " ".join([f"+{f}" for f in args.feature] + [f"-{f}" for f in args.no_feature])
    print(f"build benchmark: {machine()}; median of {args.repeat} run(s) each" + (f"; features {changed}" if changed else ""))
    print(
        f"{'content':>9} {'messages':>8} {'pages':>6} {'gen cold':>9} {'generator':>10} {'ours':>9} {'plain':>9} "
        f"{'ours/plain':>10} {'plain×L':>9} {'ours/pL':>8} {'properdocs':>10} {'zensical':>9} "
        f"{'pd/ours':>8} {'zen/ours':>8} {'gen/msg':>8} {'ours/msg':>9}"
    )
    rows = []
    for size in args.sizes.split(","):
        r = bench(size, args.repeat, args.feature, args.no_feature)
        rows.append(r)
        n = r["messages"]
        print(
            f"{size:>9} {n:>8} {r['pages']:>6} {r['generator_cold_s'] * 1000:>7.0f}ms {r['generator_s'] * 1000:>8.0f}ms "
            f"{r['ours_s']:>8.2f}s {r['plain_s']:>8.2f}s {r['ours_plain']:>10.3f} "
            f"{r['plain_all_s']:>8.2f}s {r['ours_plain_all']:>8.3f} "
            f"{r['properdocs_s']:>9.2f}s {r['zensical_s']:>8.2f}s {r['properdocs_s'] / r['ours_s']:>8.2f} "
            f"{r['zensical_s'] / r['ours_s']:>8.2f} {r['generator_s'] / n * 1000:>6.2f}ms {r['ours_s'] / n * 1000:>7.1f}ms",
            flush=True,
        )
    grown = [r for r in rows if r["size"] != "bundled"]
    if len(grown) > 1:
        print("\nmarginal cost of one more message (slope between sizes):")
        for a, b in zip(grown, grown[1:], strict=False):
            dn = b["messages"] - a["messages"]
            slope = {k: (b[k] - a[k]) / dn * 1000 for k in ("generator_s", "ours_s", "plain_s")}
            print(
                f"  {a['messages']:>5} -> {b['messages']:<5} generator {slope['generator_s']:6.2f} ms"
                f"   ours {slope['ours_s']:6.1f} ms   plain {slope['plain_s']:6.1f} ms"
            )
    share = None
    if args.rebuild_trials:
        share = rebuild_share(args.rebuild_trials)
        print(
            f"\n./dev serve rebuild (bundled content, {args.rebuild_trials} saves): the generator's warm run "
            f"{share['generator_s'] * 1000:.0f} ms (goal under 200 ms); the whole rebuild as mkdocs serve logs it "
            f"{share['rebuild_s'] * 1000:.0f} ms; save -> page served with the change {share['served_s'] * 1000:.0f} ms (medians)"
        )
    figures = {"machine": machine(), "rows": rows, "rebuild": share}
    (OUT / "build.json").write_text(json.dumps(figures, indent=1), "utf-8")
    print(f"\nraw figures: {(OUT / 'build.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
