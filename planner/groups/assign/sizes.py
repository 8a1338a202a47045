"""How many people each working group holds at least and at most, as hard rules, and where
the people coming cannot fill the minimums."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from planner.errors import Finding, PlannerError
from planner.model import WorkingGroup

__all__ = ["DEFAULT_ROOM", "LEAST_MINIMUM", "default_minimum", "group_sizes"]

#: A group without a capacity holds at most this much more than an even share of its round.
DEFAULT_ROOM = 1.25
#: The default minimum is half an even share of the round, and never below this.
LEAST_MINIMUM = 3


class Group(Protocol):
    """What sizing needs of a solver group (`candidates.Group`, which builds on this module)."""

    id: str
    capacity: int
    minimum: int


class Person(Protocol):
    """What sizing needs of a solver person: the group they are pinned to in each round."""

    @property
    def pinned(self) -> dict[int, int]: ...


def default_minimum(people: int, groups: int) -> int:
    """Half an even share of the round, and at least `LEAST_MINIMUM`.

    Examples
    --------
    >>> default_minimum(90, 8), default_minimum(300, 6), default_minimum(10, 8)
    (5, 25, 3)
    """
    return max(LEAST_MINIMUM, people // (2 * groups)) if groups else 0


def _capacities(groups: list[WorkingGroup], people: int) -> list[int]:
    fixed = sum(g.capacity or 0 for g in groups)
    open_ = sum(1 for g in groups if g.capacity is None)
    default = max(math.ceil(DEFAULT_ROOM * people / len(groups)),
                  math.ceil((people - fixed) / open_) if open_ else 0)
    return [g.capacity or default for g in groups]


def _feasible(wanted: list[int], pins: list[int], people: int) -> int | None:
    """The largest cap on the minimums that the people can fill, None when all can be."""
    if sum(max(w, p) for w, p in zip(wanted, pins, strict=True)) <= people:
        return None
    top = max(wanted, default=0)
    for cap in range(top, -1, -1):
        if sum(max(min(w, cap), p) for w, p in zip(wanted, pins, strict=True)) <= people:
            return cap
    return 0


def _check_rooms(round_: int, groups: Sequence[Group], pins: list[int], people: int) -> None:
    room = sum(g.capacity for g in groups)
    if room < people:
        raise PlannerError(f"the groups of round {round_} hold {room} people but "
                           f"{people} are coming; raise their capacities")
    for group, count in zip(groups, pins, strict=True):
        if count > group.capacity:
            raise PlannerError(f"{count} participants are pinned to '{group.id}', which holds "
                               f"{group.capacity}; unpin some or raise its capacity")


def group_sizes(records: list[WorkingGroup], groups: Sequence[Group], people: Sequence[Person],
                by_round: dict[int, list[int]]) -> list[Finding]:
    """Set each solver group's `capacity` and `minimum`; say where minimums cannot hold.

    A group's capacity is its own, else 25% more than an even share of its round
    (and enough for everyone); its minimum is its `min_size`, else half an even
    share and at least 3, never above its capacity. Where the people coming (and
    the pins) cannot fill every minimum of a round, the minimums are lowered to the
    most the people can fill, and a `group-minimum-unmet` finding says so.

    Raises
    ------
    PlannerError
        When the rooms of a round cannot hold everyone coming, or more people are
        pinned to a group than it holds.
    """
    findings = []
    pinned = Counter(g for p in people for g in p.pinned.values())
    for round_, members in by_round.items():
        mine = [records[g] for g in members]
        for g, capacity in zip(members, _capacities(mine, len(people)), strict=True):
            groups[g].capacity = capacity
        pins = [pinned[g] for g in members]
        _check_rooms(round_, [groups[g] for g in members], pins, len(people))
        default = default_minimum(len(people), len(members))
        wanted = [min(records[g].min_size or default, groups[g].capacity) for g in members]
        cap = _feasible(wanted, pins, len(people))
        for g, want in zip(members, wanted, strict=True):
            groups[g].minimum = want if cap is None else min(want, cap)
        if cap is not None:
            findings.append(Finding(
                "group-minimum-unmet", f"round {round_}: {len(people)} people cannot fill "
                f"its {len(members)} groups to their minimum sizes ({sum(wanted)} in all); "
                f"each holds at least {cap}: merge groups or lower their minimum",
                groups[members[0]].id))
    return findings
