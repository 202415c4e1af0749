"""Our code at load: main-thread time in the guide's own modules on a page, with the CPU slowed 4x as Lighthouse's
mobile preset does, this tree beside an earlier commit in the same run.

Each page is opened cold (service worker blocked) N times in Chromium. The browser's Long Animation Frames API
lists every frame over 50 ms (a frame that delays a tap) with the scripts of 5 ms and more that ran in it, each by
its source file. Counted per load: the long frames, the time of our scripts (/assets/guide/) in them, our longest
script, and the frames' blocking time (their time over 50 ms, what total blocking time counts), in all and in the
frames where a script of ours ran. Medians of the loads are printed side by side.

    python benchmarks/start.py [--pages messages/appreciation/,planner/,applications/] [--runs 7] [--previous ef4194a]
"""

from __future__ import annotations

import argparse

from _common import CHROMIUM, CHROMIUM_ARGS, OUT, machine, median, now_and_before

OURS = "/assets/guide/"
KEYS = ("long frames", "ours in them ms", "our longest ms", "blocking ms", "blocking with ours ms")  # per load
# The Long Animation Frames API: each frame over 50 ms, with the scripts (5 ms and more) that ran in it, by source.
FRAMES = (
    """() => new Promise(done => new PerformanceObserver((list, observer) => { observer.disconnect();
  done(list.getEntries().map(f => ({ blocking: f.blockingDuration,
    ours: f.scripts.filter(s => s.sourceURL.includes(OURS)).map(s => s.duration) }))); })
  .observe({ type: "long-animation-frame", buffered: true }))"""
).replace("OURS", repr(OURS))


def figures(base: str, path: str, runs: int) -> dict[str, float]:
    """Median over runs of: long frames, the time of our scripts in them, our longest script, the frames' blocking
    time in all and in frames where our scripts ran."""
    from playwright.sync_api import sync_playwright

    rows: dict[str, list[float]] = {k: [] for k in KEYS}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(service_workers="block", viewport={"width": 390, "height": 844})
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base + path, wait_until="load")
            page.wait_for_function("() => !document.querySelector('[data-module]:not([data-module-started])')")
            page.wait_for_timeout(500)
            frames = page.evaluate(FRAMES)
            ours = [d for f in frames for d in f["ours"]]
            values = (len(frames), sum(ours), max(ours, default=0.0), sum(f["blocking"] for f in frames))
            values += (sum(f["blocking"] for f in frames if f["ours"]),)
            for key, value in zip(KEYS, values, strict=True):
                rows[key].append(value)
            context.close()
        browser.close()
    return {k: median(v) for k, v in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="messages/appreciation/,planner/,applications/")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--previous", default="ef4194a", help="the commit to compare with (the last before this benchmark)")
    args = parser.parse_args()

    with now_and_before(OUT / "start", args.previous) as sites:
        print(f"our code at load, CPU 4x slower, median of {args.runs} cold loads: {machine()}")
        print(f"now: this tree; before: {args.previous}. Figures as now / before.")
        print(f"  {'page':<26}" + "".join(f"{k:>23}" for k in KEYS))
        for path in args.pages.split(","):
            now, before = (figures(sites[label][0], path, args.runs) for label in ("now", "before"))
            print(f"  /{path:<25}" + "".join(f"{f'{now[k]:.0f} / {before[k]:.0f}':>23}" for k in KEYS), flush=True)


if __name__ == "__main__":
    main()
