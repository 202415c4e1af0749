"""Rebuild benchmark: in `mkdocs serve`, the time from saving one YAML file to the page being served with the change.

A copy of the project (bundled content) is served by `mkdocs serve`; each trial rewrites a step's title in its YAML
file, then polls the step's page every 5 ms until the new title is served. The time of the rebuild alone, as
`mkdocs serve` logs it, is printed beside it: the rest is the file watcher and its 0.1 s debounce.

    python benchmarks/rebuild.py [--trials 10]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time

from _common import ENV, OUT, copy_project, free_port, machine, median
from _common import wait_for as wait_until


def wait_for(url: str, text: str, seconds: float = 60) -> float:
    """Poll every 5 ms until the page contains text; return the moment it did (perf_counter)."""
    seen = wait_until(url, text, seconds, every=0.005)
    if seen is None:
        raise SystemExit(f"{url} never showed {text!r}")
    return seen


def measure(trials: int, verbose: bool = True) -> tuple[list[float], list[float]]:
    """Save a step's YAML file `trials` times in `mkdocs serve`; return (save -> served, logged rebuild) in seconds."""
    project = copy_project(OUT / "rebuild" / "project")
    step = next((project / "content" / "steps").glob("01-*.yml"))
    step_id = re.search(r"^id: (\S+)$", step.read_text("utf-8"), re.M).group(1)
    original = step.read_text("utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    built: list[float] = []
    log = []

    def read_log():
        for line in server.stderr:
            log.append(line)
            if m := re.search(r"Documentation built in ([\d.]+) seconds", line):
                built.append(float(m.group(1)))

    threading.Thread(target=read_log, daemon=True).start()
    url = f"http://127.0.0.1:{port}/steps/{step_id}/"
    if verbose:
        print(f"rebuild benchmark: {machine()}; {trials} edits of content/{step.relative_to(project / 'content')}")
    try:
        wait_for(url, "<h1", seconds=120)
        time.sleep(1)
        took, rebuilds = [], []
        for i in range(trials):
            marker = f"Edited live {i}"
            done_before = len(built)
            text = re.sub(r"^title: ", f"title: {marker} ", original, count=1, flags=re.M)
            start = time.perf_counter()
            with open(step, "w", encoding="utf-8") as f:  # a plain save, as an editor does
                f.write(text)
            took.append(wait_for(url, marker) - start)
            deadline = time.perf_counter() + 10
            while len(built) == done_before and time.perf_counter() < deadline:
                time.sleep(0.01)
            rebuilds.append(built[-1] if len(built) > done_before else float("nan"))
            if verbose:
                print(
                    f"  edit {i + 1:>2}: served after {took[-1] * 1000:6.0f} ms (rebuild {rebuilds[-1] * 1000:5.0f} ms)",
                    flush=True,
                )
            time.sleep(0.5)
    finally:
        step.write_text(original, "utf-8")
        server.terminate()
        server.wait(timeout=20)
        (OUT / "rebuild" / "serve.log").write_text("".join(log), "utf-8")
    return took, rebuilds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=10)
    args = parser.parse_args()
    took, rebuilds = measure(args.trials)
    print(
        f"\nsave -> page served with the change: median {median(took) * 1000:.0f} ms, "
        f"min {min(took) * 1000:.0f} ms, max {max(took) * 1000:.0f} ms; "
        f"the rebuild itself (as logged): median {median([r for r in rebuilds if r == r]) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
