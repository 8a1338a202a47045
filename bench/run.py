"""Speed targets of the toolkit: each figure printed beside its target.

Run with `make bench` (or `python bench/run.py assign library` for some modules).
Each `bench/bench_*.py` module declares `TARGETS`, a list of `(name, work,
target_ms)`, or `(name, work, target_ms, floor_ms)` where the same work done by the bare
library gives a floor to print the figure's ratio to; figures are medians of several runs
after a warm-up. Each module runs
in a fresh interpreter, so that one module's caches and heap (a 5,000-person
solve, a Streamlit runtime) do not slow the next one's figures.
"""

from __future__ import annotations

import importlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

Target = tuple[str, Callable[[], object], float] | tuple[str, Callable[[], object], float, float]
# Benchmark modules import `Span` from `run`: the same class when this file runs as a script.
sys.modules.setdefault("run", sys.modules[__name__])


class Span(float):
    """Seconds a work measured itself, returned when its call holds more than the figure
    (a browser benchmark first opens another page, then times the one it measures)."""


def median_ms(work: Callable[[], object], *, runs: int = 7) -> float:
    """Median wall time of `work` in milliseconds, after one warm-up run; or the median of
    the `Span`s it returns."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        elapsed = result if isinstance(result, Span) else time.perf_counter() - start
        times.append(elapsed * 1000)
    return statistics.median(times)


HERE = Path(__file__).resolve().parent


def module_names() -> list[str]:
    """The benchmark modules beside this script (`bench_<name>.py`), in file order."""
    return [path.stem.removeprefix("bench_") for path in sorted(HERE.glob("bench_*.py"))]


def run_module(name: str) -> int:
    """Print each target of `bench_<name>.py` beside its figure; the number missed."""
    sys.path.insert(0, str(HERE))
    targets: list[Target] = importlib.import_module(f"bench_{name}").TARGETS
    missed = 0
    for title, work, target, *floor in targets:
        figure = median_ms(work, runs=3 if target >= 1000 else 7)
        verdict = "ok" if figure <= target else "MISSED"
        missed += figure > target
        # Where a floor exists (the same work by the bare library), the ratio to it too.
        ratio = f"   {figure / floor[0]:4.2f}× its floor ({floor[0]:.1f} ms)" if floor else ""
        print(f"{title:<66} {figure:9.1f} ms   target {target:7.0f} ms   {verdict}{ratio}",
              flush=True)
    return missed


def main(names: list[str]) -> int:
    """Run the named modules (all by default), each in its own interpreter; exit 1 if a
    target is missed."""
    unknown = sorted(set(names) - set(module_names()))
    if unknown:
        raise SystemExit(f"no benchmark module {', '.join(unknown)} in {HERE}; "
                         f"choose from {', '.join(module_names())}")
    if len(names) == 1:
        return 1 if run_module(names[0]) else 0
    # S603: names are checked against the modules beside this script.
    codes = [subprocess.run([sys.executable, __file__, name], check=False).returncode  # noqa: S603
             for name in names or module_names()]
    return 1 if any(codes) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
