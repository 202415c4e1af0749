"""Build benchmark: the generator stage alone, our whole `mkdocs build`, and a plain `mkdocs build` of the same pages.

For the bundled content and for content grown to 10, 100 and 1,000 messages (the bundled messages cloned under new
ids), in the same run:
  generator  read content/ and templates/ and render every page in memory (what the plugin does in on_config):
             "gen cold" is its first run in a new process, as in a real build; "generator" the median of warm runs
  ours       `mkdocs build --strict` of the project, with the plugin
  plain      `mkdocs build --strict` of the same Markdown written by hand (the generator's output saved to docs/,
             the same mkdocs.yml without the plugin, the nav written out): the baseline
  plain×N    with N languages (mkdocs.yml's `languages`), ours builds one site per language: it is set against N plain
             builds of the same pages run one after the other (ours/plain×N), the cost a fork would pay building each
             language by hand
Each build runs in a new process, as a user runs it; ours and plain alternate, and the median of --repeat runs is kept.
Prints the figures, the ratio ours/plain and the cost per message between sizes.

    python benchmarks/build.py [--sizes bundled,10,100,1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from _common import (
    ENV,
    OUT,
    ROOT,
    add_messages,
    copy_project,
    generate_pages,
    load_plugin_config,
    machine,
    median,
    mkdocs_build,
    plain_project,
    set_features,
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
    languages = 1 + sum(1 for d in (project / "content").iterdir() if (d / "ui.yml").is_file())
    ours_t, plain_t, plain_n = [], [], []
    for _ in range(repeat):
        ours_t.append(mkdocs_build(project, work / "site-ours"))
        plain_t.append(mkdocs_build(plain, work / "site-plain"))
        plain_n.append(plain_t[-1] + sum(mkdocs_build(plain, work / f"site-plain-{n}") for n in range(1, languages)))
    pages = sum(1 for _ in (work / "site-ours").rglob("*.html"))
    return {
        "size": size,
        "messages": messages,
        "pages": pages,
        "generator_s": median(gen),
        "generator_cold_s": float(cold.stdout),
        "ours_s": median(ours_t),
        "plain_s": median(plain_t),
        "languages": languages,
        "plain_n_s": median(plain_n),
        "ours_runs": ours_t,
        "plain_runs": plain_t,
        "generated_pages": len(result.pages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="bundled,10,100,1000")
    parser.add_argument("--repeat", type=int, default=3)
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
        f"{'ours/plain':>10} {'gen/msg':>8} {'ours/msg':>9} {'plain/msg':>9} {'langs':>5} {'plain×N':>8} {'ours/plain×N':>12}"
    )
    rows = []
    for size in args.sizes.split(","):
        r = bench(size, args.repeat, args.feature, args.no_feature)
        rows.append(r)
        n = r["messages"]
        print(
            f"{size:>9} {n:>8} {r['pages']:>6} {r['generator_cold_s'] * 1000:>7.0f}ms {r['generator_s'] * 1000:>8.0f}ms "
            f"{r['ours_s']:>8.2f}s {r['plain_s']:>8.2f}s "
            f"{r['ours_s'] / r['plain_s']:>10.3f} {r['generator_s'] / n * 1000:>6.2f}ms {r['ours_s'] / n * 1000:>7.1f}ms "
            f"{r['plain_s'] / n * 1000:>7.1f}ms {r['languages']:>5} {r['plain_n_s']:>7.2f}s "
            f"{r['ours_s'] / r['plain_n_s']:>12.3f}",
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
    (OUT / "build.json").write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1), "utf-8")
    print(f"\nraw figures: {(OUT / 'build.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
