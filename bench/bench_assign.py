"""Benchmarks of the working-group solver on synthetic events, with its gap and rules checked.

`python bench/bench_assign.py` prints objective, bound and gap for each size.
"""

from __future__ import annotations

from functools import cache

from planner.groups.assign import Assignment, assign_groups
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import Event, Registry

#: Findings that would mean a hard rule is broken (the rest say where people ran short).
BROKEN = {"group-over-capacity", "not-one-group-per-round", "pin-not-kept", "leads-two-groups",
          "leader-not-member", "chair-not-government", "rapporteur-not-co-organiser"}


@cache
def registry() -> Registry:
    """The shipped organisation registry, read once."""
    return Library.open().registry


@cache
def synthetic(participants: int) -> Event:
    """The synthetic event of `participants` people, 12 groups over 2 rounds, seed 0."""
    return make_synthetic_event(participants=participants, groups=12, rounds=2, seed=0,
                                registry=registry())


def assign(participants: int, *, most_gap: float | None = None) -> Assignment:
    """Compose the groups of the synthetic event; fail if a rule breaks or the gap is too wide."""
    result = assign_groups(synthetic(participants), registry(), seed=0,
                           time_limit=10.0)
    broken = [str(f) for f in result.findings if f.kind in BROKEN]
    if broken or any(f.kind.startswith(("group-without", "group-short")) for f in result.findings):
        raise SystemExit(f"{participants} participants: " + "; ".join(map(str, result.findings)))
    if most_gap is not None and result.gap > most_gap:
        raise SystemExit(f"{participants} participants: gap {result.gap:.2%} > {most_gap:.0%}")
    return result


TARGETS = [
    ("assign 300 people to 12 groups in 2 rounds, gap <= 1%",
     lambda: assign(300, most_gap=0.01), 1000.0),
    ("assign 5,000 people to 12 groups in 2 rounds, rules kept",
     lambda: assign(5000), 10000.0),
]


def main() -> None:
    """Print what each size achieves: method, objective, bound, gap, time and goals."""
    for size in (300, 1000, 5000):
        result = assign(size)
        print(f"{size:>5} people  {result.method:<6} objective {result.objective:>6}  "
              f"bound {result.bound:>6}  gap {result.gap:6.2%}  {result.seconds:5.2f} s  "
              f"{result.goals}")


if __name__ == "__main__":
    main()
