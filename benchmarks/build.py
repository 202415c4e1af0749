"""Build benchmark: our `mkdocs build` against a plain `mkdocs build` of the same pages, and the other engines.

For the bundled content and for content grown to 10, 100 and 1,000 messages (the bundled messages cloned under new
ids), in the same run:
  generator  read content/ and templates/ and render every page in memory (what the plugin does in on_config):
             "cold" is its first run in a new process, as in a real build; "warm" the median of later runs
             (CPU time of the one process)
  ours       `mkdocs build --strict` of the project reduced to one language (a fork in one language), with the plugin,
             twice: "cold" with an empty build cache (generator/buildcache.py: a fresh clone, a CI runner; emptied
             before every such build) and "warm" with the cache of the previous build of the same project (what a
             second `mkdocs build` on the same machine reuses: the generator's pages, compiled templates, minified
             assets; the cache is filled once before the rounds)
  plain      `mkdocs build --strict` of the same Markdown written by hand (the generator's output saved to docs/,
             the same mkdocs.yml without the plugin, the nav written out): the baseline
  ours×L     with more than one language: `mkdocs build --strict` of the project as it is, every language, cold and
             warm as above
  plain×L    its baseline: the plain build of each language's pages (each in its own theme and search language,
             with the language menu the plugin sets) in its own process, added up
  properdocs `properdocs build --strict` of the project (it runs our plugin, cold), in .venv-properdocs
  zensical   what `./dev build --engine zensical` runs: `python -m generator.engine_run build --engine zensical`
             (the generator writes the plain project, then `zensical build --clean --strict`), in .venv-zensical
The generator's bytecode is written first (compileall), as its first run leaves it; a fresh clone compiles it once,
40 to 60 ms, not counted in "cold". Each build runs in a new process, as a user runs it, and is timed twice: wall
time, and CPU time (user + system, the process and what it waited for), which moves far less than wall time when
other work shares the machine.
Paired runs: each round builds every project once, in the opposite order to the round before; a ratio is the
median of the rounds' ratios, printed with its middle half (first to third quartile). The load average is printed
before and after each size. Then, unless --rebuild-trials 0, the generator's share of a `./dev serve` rebuild
(what the plugin runs after a content file is saved, in a process that has built once: the pages generated
again, the templates' compiled code reused) beside the whole save-to-served loop (benchmarks/rebuild.py).

    python benchmarks/build.py [--sizes bundled,10,100,1000] [--repeat 10] [--rebuild-trials 10] [--no-engines]
                               [--one-language]
    python benchmarks/build.py --quick     # bundled content, 3 rounds, MkDocs only: about two minutes
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _common import (
    ENGINE_VENVS,
    ENV,
    OUT,
    ROOT,
    add_messages,
    added_languages,
    build_env,
    copy_project,
    fresh,
    generate_pages,
    load,
    load_plugin_config,
    machine,
    median,
    mkdocs_command,
    mkdocs_times,
    one_language,
    plain_project,
    run_timed,
    set_features,
    spread,
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
start = time.process_time()
generate_pages(project, loaded)
print(time.process_time() - start)
"""


def projects(size: str, add: list[str], remove: list[str], engines: bool, every: bool = True) -> tuple[dict, int, int]:
    """Write the projects of one size; return {name: build command runner}, the message count and the languages
    (every=False: the one-language builds only)."""
    work = OUT / "build" / size
    project = copy_project(work / "ours-all")
    set_features(project, add, remove)
    folder = project / "content" / "messages"
    messages = add_messages(project, int(size)) if size != "bundled" else len(list(folder.glob("*.yml")))
    others = added_languages(project)
    single = one_language(project, work / "ours") if others else project
    others = others if every else []
    plain = plain_project(single, work / "plain")
    runs = {
        "ours cold": ours_build(single, work / "site-ours", work / "cache-cold", cold=True),
        "ours warm": ours_build(single, work / "site-ours-warm", work / "cache-warm", cold=False),
        "plain": lambda: mkdocs_times(plain, work / "site-plain"),
    }
    if others:
        runs["ours×L cold"] = ours_build(project, work / "site-ours-all", work / "cache-all-cold", cold=True)
        runs["ours×L warm"] = ours_build(project, work / "site-ours-all-warm", work / "cache-all-warm", cold=False)
        for lang in [None, *others]:
            twin = plain_project(project, work / f"plain-{lang.code if lang else 'default'}", language=lang)
            runs[f"plain {lang.code if lang else 'default'}"] = lambda p=twin: mkdocs_times(p, work / f"site-{p.name}")
    if engines:
        properdocs = [str(ENGINE_VENVS["properdocs"] / "bin" / "properdocs"), "build", "--strict", "-q"]
        properdocs += ["-d", str(work / "site-pd")]
        zensical = [sys.executable, "-m", "generator.engine_run", "build", "--engine", "zensical"]
        zensical += ["--venv", str(ENGINE_VENVS["zensical"]), "--site-dir", str(work / "site-zen")]
        runs["properdocs"] = lambda: run_timed(properdocs, project, cache_env(work / "cache-pd", cold=True))
        runs["zensical"] = lambda: run_timed(zensical, project, cache_env(work / "cache-zen", cold=True))
    for name, run in runs.items():
        if name.endswith(" warm"):
            run()  # fills the warm cache (not timed)
    return runs, messages, 1 + len(others)


def cache_env(cache: Path, cold: bool) -> dict:
    """A build's environment with its own build cache folder (ATI_CACHE_DIR), emptied first for a cold build."""
    if cold:
        shutil.rmtree(cache, ignore_errors=True)
    return {**build_env(), "ATI_CACHE_DIR": str(cache)}


def ours_build(project: Path, site: Path, cache: Path, cold: bool):
    """Our `mkdocs build --strict` of a project with its own build cache: emptied before each build (cold) or kept."""
    return lambda: run_timed(mkdocs_command(project, site, "-q"), project, cache_env(cache, cold))


def paired(runs: dict, repeat: int) -> dict[str, list[tuple[float, float]]]:
    """Run every build once a round, `repeat` rounds, each round in the opposite order to the one before."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for round_ in range(repeat):
        for name in list(runs)[:: -1 if round_ % 2 else 1]:
            times[name].append(runs[name]())
    return times


def ratio(times: dict, ours: str, baseline: list[str], which: int) -> dict:
    """ours over the baseline (the sum of its builds) round by round, wall (which=0) or CPU (1): median and spread."""
    rounds = [o[which] / sum(times[b][i][which] for b in baseline) for i, o in enumerate(times[ours])]
    low, high = spread(rounds)
    return {"median": median(rounds), "q1": low, "q3": high, "rounds": rounds}


def generator_times(project: Path, repeat: int) -> tuple[float, float]:
    """The generator's first run in a new process (cold) and the median of later runs (warm), in CPU seconds."""
    cold = subprocess.run([sys.executable, "-c", COLD, str(project)], capture_output=True, text=True, env=ENV, check=True)
    loaded = load_plugin_config(project)
    warm = []
    for _ in range(max(repeat, 3)):
        start = time.process_time()
        generate_pages(project, loaded)
        warm.append(time.process_time() - start)
    return float(cold.stdout), median(warm)


def bench(size: str, repeat: int, add: list[str], remove: list[str], engines: bool, every: bool = True) -> dict:
    load_before = load()
    runs, messages, languages = projects(size, add, remove, engines, every)
    work = OUT / "build" / size
    cold, warm = generator_times(work / "ours", repeat)
    times = paired(runs, repeat)
    row = {"size": size, "messages": messages, "languages": languages, "generator_cold_s": cold, "generator_s": warm}
    row["pages"] = sum(1 for _ in (work / "site-ours").rglob("*.html"))
    row["load"] = [load_before, load()]
    row["times"] = {name: {"wall": [w for w, _ in t], "cpu": [c for _, c in t]} for name, t in times.items()}
    row["median"] = {name: {"wall": median([w for w, _ in t]), "cpu": median([c for _, c in t])} for name, t in times.items()}
    for state in ("cold", "warm"):
        row[f"ours {state}/plain"] = {k: ratio(times, f"ours {state}", ["plain"], i) for i, k in enumerate(("wall", "cpu"))}
    if languages > 1:
        plains = [n for n in times if n.startswith("plain ")]
        for state in ("cold", "warm"):
            row[f"ours×L {state}/plain×L"] = {
                k: ratio(times, f"ours×L {state}", plains, i) for i, k in enumerate(("wall", "cpu"))
            }
        summed = [[sum(times[n][r][i] for n in plains) for r in range(repeat)] for i in (0, 1)]
        row["median"]["plain×L"] = {"wall": median(summed[0]), "cpu": median(summed[1])}
    for engine in ("properdocs", "zensical") if engines else ():
        base = "ours×L cold" if languages > 1 else "ours cold"
        row[f"{engine}/ours"] = {k: ratio(times, engine, [base], i) for i, k in enumerate(("wall", "cpu"))}
    return row


def show(r: dict) -> None:
    """Print one size's figures."""

    def pair(key: str) -> str:
        w, c = r[key]["wall"], r[key]["cpu"]
        return f"CPU {c['median']:.3f} ({c['q1']:.3f}-{c['q3']:.3f})  wall {w['median']:.3f} ({w['q1']:.3f}-{w['q3']:.3f})"

    def secs(name: str) -> str:
        m = r["median"][name]
        return f"{m['cpu']:.2f}s CPU/{m['wall']:.2f}s wall"

    print(
        f"{r['size']}: {r['messages']} messages, {r['pages']} pages a language, {r['languages']} language(s); "
        f"generator cold {r['generator_cold_s'] * 1000:.0f} ms, warm {r['generator_s'] * 1000:.0f} ms CPU; "
        f"load {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
    )
    print(f"  one language  plain {secs('plain')}")
    for state in ("cold", "warm"):
        print(f"    ours {state}    {secs(f'ours {state}')};  ours {state}/plain {pair(f'ours {state}/plain')}")
    if "plain×L" in r["median"]:
        print(f"  {r['languages']} languages   plain×L {secs('plain×L')}")
        for state in ("cold", "warm"):
            ours, mine = f"ours×L {state}", f"ours×L {state}/plain×L"
            print(f"    ours×L {state}  {secs(ours)};  {mine} {pair(mine)}")
    for engine in ("properdocs", "zensical"):
        if f"{engine}/ours" in r:
            print(f"  {engine:<13} {secs(engine)};  {engine}/ours cold {pair(f'{engine}/ours')}")
    sys.stdout.flush()


def rebuild_share(trials: int) -> dict:
    """The generator's share of a serve rebuild beside the whole save-to-served loop of `mkdocs serve`.

    The share is what the plugin's on_config runs after a content file is saved, in a process that has built once
    (as `mkdocs serve` is): each trial edits a step's title, then times project.run with the build cache (the
    pages are generated again, since the content changed; the templates' compiled code is reused)."""
    import os
    import re

    from rebuild import measure

    from generator.project import run

    project = copy_project(OUT / "build" / "rebuild-share")
    os.environ["ATI_CACHE_DIR"] = str(fresh(OUT / "build" / "rebuild-share-cache"))
    config, options = load_plugin_config(project)
    step = next((project / "content" / "steps").glob("01-*.yml"))
    original = step.read_text("utf-8")
    run(config, options, strict=True, cache=True)  # the serve process has built once already
    share = []
    for i in range(max(trials, 10)):
        step.write_text(re.sub(r"^title: ", f"title: Edited {i} ", original, count=1, flags=re.M), "utf-8")
        start = time.perf_counter()
        outcome = run(config, options, strict=True, cache=True)
        share.append(time.perf_counter() - start)
        assert not outcome.failed, outcome.report()
    del os.environ["ATI_CACHE_DIR"]
    took, rebuilds = measure(trials, verbose=False)
    return {"generator_s": median(share), "served_s": median(took), "rebuild_s": median([r for r in rebuilds if r == r])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="bundled,10,100,1000")
    parser.add_argument("--repeat", type=int, default=10, help="rounds of paired builds (at least 10 for the goal)")
    parser.add_argument("--rebuild-trials", type=int, default=10, help="saves in `mkdocs serve` (0: skip that part)")
    parser.add_argument("--no-engines", action="store_true", help="leave out ProperDocs and Zensical")
    parser.add_argument("--one-language", action="store_true", help="leave out the builds of every language (×L)")
    parser.add_argument("--quick", action="store_true", help="bundled content, 3 rounds, MkDocs only, no serve part")
    parser.add_argument(
        "--feature",
        action="append",
        default=[],
        metavar="NAME",
        help="add a Material feature to every project's mkdocs.yml (to compare)",
    )
    parser.add_argument(
        "--no-feature",
        action="append",
        default=[],
        metavar="NAME",
        help="remove a Material feature from every project's mkdocs.yml (to compare)",
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat, args.rebuild_trials, args.no_engines = "bundled", 3, 0, True
    changed = " ".join([f"+{f}" for f in args.feature] + [f"-{f}" for f in args.no_feature])
    began = time.perf_counter()
    # The generator's bytecode, as any earlier run of it leaves it: where PYTHONDONTWRITEBYTECODE is set (this
    # container), every build would otherwise compile the generator again (40 to 60 ms), a cost no user's second
    # build has. The libraries' bytecode was written when they were installed.
    compileall.compile_dir(str(ROOT / "generator"), quiet=1)
    print(
        f"build benchmark: {machine()}; {args.repeat} paired round(s); ratios: median (first-third quartile)"
        + (f"; features {changed}" if changed else "")
    )
    rows = []
    for size in args.sizes.split(","):
        rows.append(bench(size, args.repeat, args.feature, args.no_feature, not args.no_engines, not args.one_language))
        show(rows[-1])
    grown = [r for r in rows if r["size"] != "bundled"]
    if len(grown) > 1:
        print("\nmarginal cost of one more message (slope between sizes, CPU):")
        for a, b in zip(grown, grown[1:], strict=False):
            dn = b["messages"] - a["messages"]
            slope = {k: (b["median"][k]["cpu"] - a["median"][k]["cpu"]) / dn * 1000 for k in ("ours cold", "plain")}
            gen = (b["generator_s"] - a["generator_s"]) / dn * 1000
            print(
                f"  {a['messages']:>5} -> {b['messages']:<5} generator {gen:6.2f} ms"
                f"   ours (cold) {slope['ours cold']:6.1f} ms   plain {slope['plain']:6.1f} ms"
            )
    share = None
    if args.rebuild_trials:
        share = rebuild_share(args.rebuild_trials)
        print(
            f"\n./dev serve rebuild (bundled content, {args.rebuild_trials} saves): the generator's share "
            f"{share['generator_s'] * 1000:.0f} ms (goal under 200 ms); the whole rebuild as mkdocs serve logs it "
            f"{share['rebuild_s'] * 1000:.0f} ms; save -> page served with the change {share['served_s'] * 1000:.0f} ms (medians)"
        )
    figures = {"machine": machine(), "rows": rows, "rebuild": share}
    (OUT / "build.json").write_text(json.dumps(figures, indent=1), "utf-8")
    print(f"\nraw figures: {(OUT / 'build.json').relative_to(ROOT)}; took {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
