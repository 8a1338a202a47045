"""Many candidates in blocks of whole delegations, each with the seats its preferences earn it."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

from planner.groups.assign.candidates import Candidates, Person
from planner.groups.assign.placing import Plan

__all__ = ["BLOCK_SIZE", "block_candidates", "preferred_places", "split_people"]

#: People per block: a block this size solves to a 1% gap in a fraction of a second.
BLOCK_SIZE = 400
_QUARTERS = 4


def split_people(candidates: Candidates, *, size: int = BLOCK_SIZE) -> list[list[int]]:
    """Deal whole delegations, largest first, to the emptiest of `ceil(n / size)` blocks.

    Examples
    --------
    >>> person = lambda d: Person(id=d, delegation=d[0], categories=("", "", ""),
    ...     ranked={}, pinned={}, leads={}, chair=False, rapporteur_org=None,
    ...     field_staff=False, male=False)
    >>> candidates = Candidates([], [person(x) for x in ["a1", "a2", "b1", "c1"]], [1], {1: []}, [])
    >>> split_people(candidates, size=2)
    [[0, 1], [2, 3]]
    """
    units: dict[str, list[int]] = {}
    for i, person in enumerate(candidates.people):
        units.setdefault(person.delegation or f"#{i}", []).append(i)
    blocks: list[list[int]] = [[] for _ in range(math.ceil(len(candidates.people) / size))]
    for unit in sorted(units.values(), key=lambda u: (-len(u), u[0])):
        min(blocks, key=len).extend(unit)
    return [sorted(block) for block in blocks]


def preferred_places(people: list[Person], candidates: Candidates,
                     round_: int) -> tuple[list[int], int]:
    """The placing of a round with the fewest preference steps, by min-cost flow, and its cost.

    Pins are kept and rooms respected; every other rule and goal is left out,
    so the cost bounds the round's preference steps from below. Among the
    placings with fewest steps, rooms fill evenly (people without preferences
    spread out), each room's seats priced a little higher by the quarter. Each
    group's `minimum` seats are filled first, wherever the people allow.

    Examples
    --------
    >>> from planner.groups.assign.candidates import read_candidates
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> candidates = read_candidates(make_synthetic_event(participants=20, groups=2, rounds=1,
    ...                                           registry=registry), registry)
    >>> places, steps = preferred_places(candidates.people, candidates, 1)
    >>> Counter(places), steps
    (Counter({0: 11, 1: 9}), 3)
    """
    from ortools.graph.python import min_cost_flow  # noqa: PLC0415 -- slow import

    flow = min_cost_flow.SimpleMinCostFlow()
    groups, n = candidates.by_round[round_], len(people)
    sink = n + len(candidates.groups)
    arcs: list[tuple[int, int]] = []
    # Cheaper than any placing's steps: a minimum's seats fill first.
    mandatory = -_QUARTERS * (n + 1) * (max((len(r) for p in people for r in p.ranked.values()),
                                            default=0) + 2)
    for i, person in enumerate(people):
        flow.set_node_supply(i, 1)
        for g in [person.pinned[round_]] if round_ in person.pinned else groups:
            # Steps weigh more than any quarter, so fewest steps come first.
            cost = _QUARTERS * person.cost(g, round_)
            arcs.append((flow.add_arc_with_capacity_and_unit_cost(i, n + g, 1, cost), g))
    for g in groups:
        spec = candidates.groups[g]
        least = min(spec.minimum, spec.capacity)
        if least:
            flow.add_arc_with_capacity_and_unit_cost(n + g, sink, least, mandatory)
        for quarter, seats in enumerate(_apportion(spec.capacity - least, [1] * _QUARTERS)):
            flow.add_arc_with_capacity_and_unit_cost(n + g, sink, seats, quarter)
    flow.set_node_supply(sink, -n)
    flow.solve()
    places = [0] * n
    for arc, g in arcs:
        if flow.flow(arc):
            places[flow.tail(arc)] = g
    return places, sum(p.cost(g, round_) for p, g in zip(people, places, strict=True))


def _apportion(total: int, weights: list[int]) -> list[int]:
    # Largest remainders: each share within one of its exact proportion.
    whole = sum(weights)
    if not whole:
        return [total * (k == 0) for k in range(len(weights))]
    exact = [total * w / whole for w in weights]
    shares = [math.floor(e) for e in exact]
    for k in sorted(range(len(weights)), key=lambda k: (shares[k] - exact[k], k))[
            : total - sum(shares)]:
        shares[k] += 1
    return shares


def block_candidates(candidates: Candidates, round_: int, blocks: list[list[int]],
                  leaders: Plan) -> list[tuple[Candidates, dict[int, int]]]:
    """Each block as candidates of its own, with its leaders fixed and its seats in each room.

    A block gets the seats its people hold in the round's preference-optimal
    placing, plus a share of the empty ones in proportion to its size; those
    seats are also its target sizes. Returns each block's candidates and targets.
    """
    people = [dataclasses.replace(p, pinned=dict(p.pinned), leads=dict(p.leads))
              for p in candidates.people]
    for roles in (leaders.chairs, leaders.rapporteurs):
        for g, chosen in roles.items():
            for i in chosen:
                people[i].pinned[round_] = people[i].leads[round_] = g
    places, _ = preferred_places(people, candidates, round_)
    held = [Counter(places[i] for i in block) for block in blocks]
    rooms: list[dict[int, int]] = [{} for _ in blocks]
    for g in candidates.by_round[round_]:
        spare = candidates.groups[g].capacity - sum(seats[g] for seats in held)
        for k, share in enumerate(_apportion(spare, [len(b) for b in blocks])):
            rooms[k][g] = held[k][g] + share
    found = []
    total = Counter(places)
    for block, seats, room in zip(blocks, held, rooms, strict=True):
        # Each block fills its share of a minimum: never more than its people hold there.
        groups = [dataclasses.replace(
            group, chair_slots=0, rapporteur_slots=0, capacity=room.get(g, group.capacity),
            minimum=math.ceil(seats[g] * group.minimum / total[g]) if total[g] else 0)
            for g, group in enumerate(candidates.groups)]
        sub = dataclasses.replace(candidates, groups=groups, people=[people[i] for i in block])
        found.append((sub, {g: seats[g] for g in candidates.by_round[round_]}))
    return found

