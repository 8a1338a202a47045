"""Speed targets of the toolkit: each figure printed beside its target.

Run with `make bench`. Each `bench/bench_*.py` module declares `TARGETS`, a list
of `(name, work, target_ms)`; figures are medians of several runs after a warm-up.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

Target = tuple[str, Callable[[], object], float]


def median_ms(work: Callable[[], object], *, runs: int = 7) -> float:
    """Median wall time of `work` in milliseconds, after one warm-up run."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def all_targets() -> list[Target]:
    """The targets of every benchmark module beside this script, in file order."""
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    targets: list[Target] = []
    for path in sorted(here.glob("bench_*.py")):
        targets += importlib.import_module(path.stem).TARGETS
    return targets


def main() -> int:
    """Print each benchmark beside its target; exit 1 if one misses it."""
    missed = 0
    for name, work, target in all_targets():
        figure = median_ms(work, runs=3 if target >= 1000 else 7)
        verdict = "ok" if figure <= target else "MISSED"
        missed += figure > target
        print(f"{name:<55} {figure:9.1f} ms   target {target:7.0f} ms   {verdict}", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
