"""Speed targets of the toolkit: each figure printed beside its target.

Run with `make bench`. Figures are medians of several runs on a warm process.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from planner.library import Library


def median_ms(work: Callable[[], object], *, runs: int = 7) -> float:
    """Median wall time of `work` in milliseconds, after one warm-up run."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def load_whole_library() -> int:
    """Load and validate the registry and every event of the shipped library, from disk."""
    library = Library.open()
    problems = library.validate()
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    return len(library.event_ids())


TARGETS: list[tuple[str, Callable[[], object], float]] = [
    ("load and validate the whole library", load_whole_library, 300.0),
]


def main() -> int:
    """Print each benchmark beside its target; exit 1 if one misses it."""
    missed = 0
    for name, work, target in TARGETS:
        figure = median_ms(work)
        verdict = "ok" if figure <= target else "MISSED"
        missed += figure > target
        print(f"{name:<45} {figure:8.1f} ms   target {target:6.0f} ms   {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
