"""Plans, and a quick placing that keeps every hard rule: the fallback when time runs out."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import Label, Limits, labels

__all__ = ["Plan", "place_round"]


@dataclass
class Plan:
    """Who goes where and who leads, by candidates index."""

    place: list[dict[int, int]]
    """Per person, the group of each round."""
    chairs: dict[int, list[int]] = field(default_factory=dict)
    """Per group, the people the solver makes chair (fixed chairs not included)."""
    rapporteurs: dict[int, list[int]] = field(default_factory=dict)


class _Round:
    def __init__(self, candidates: Candidates, round_: int, plan: Plan, *, bounds: Limits,
                 weights: dict[str, int]) -> None:
        self.candidates, self.round, self.plan = candidates, round_, plan
        self.groups = candidates.by_round[round_]
        self.bounds, self.weights = bounds, weights
        self.load: Counter[int] = Counter()
        self.count: Counter[tuple[Label, int]] = Counter()
        self.labels = [labels(p, place) for p, place in zip(candidates.people, plan.place,
                                                            strict=True)]
        self.fixed = {i for i, p in enumerate(candidates.people) if round_ in p.pinned}
        for i in sorted(self.fixed):
            self._seat(i, candidates.people[i].pinned[round_])

    def _seat(self, person: int, group: int) -> None:
        self.plan.place[person][self.round] = group
        self.load[group] += 1
        for label in self.labels[person]:
            self.count[label, group] += 1

    def _unseat(self, person: int) -> int:
        group = self.plan.place[person].pop(self.round)
        self.load[group] -= 1
        for label in self.labels[person]:
            self.count[label, group] -= 1
        return group

    def price(self, person: int, group: int) -> tuple[int, float, int]:
        """What seating `person` in `group` adds to the objective, then tie-breakers."""
        extra = self.weights.get("preference", 0) * self.candidates.people[person].cost(
            group, self.round)
        for label in self.labels[person]:
            goal, most = self.bounds.get((label, group), ("", -1))
            if 0 <= most <= self.count[label, group]:
                extra += self.weights.get(goal, 0)
        return extra, self.load[group] / max(1, self.candidates.groups[group].capacity), group

    def open_groups(self) -> list[int]:
        return [g for g in self.groups if self.load[g] < self.candidates.groups[g].capacity]

    def keep_leaders(self, leaders: Plan) -> None:
        for chosen, roles in ((leaders.chairs, self.plan.chairs),
                              (leaders.rapporteurs, self.plan.rapporteurs)):
            for group in self.groups:
                for person in chosen.get(group, []):
                    if person not in self.fixed:
                        self._seat(person, group)
                        self.fixed.add(person)
                    roles.setdefault(group, []).append(person)

    def seat_everyone(self, rng: random.Random) -> list[int]:
        waiting = [i for i in range(len(self.candidates.people)) if i not in self.fixed]
        rng.shuffle(waiting)
        for i in waiting:
            self._seat(i, min(self.open_groups(), key=partial(self.price, i)))
        return waiting

    def improve(self, movable: list[int], *, passes: int = 2) -> None:
        """Move people one at a time to the group where they cost least, while that helps."""
        for _ in range(passes):
            moved = False
            for i in movable:
                here = self._unseat(i)
                best = min(self.open_groups(), key=partial(self.price, i))
                better = self.price(i, best)[0] < self.price(i, here)[0]
                self._seat(i, best if better else here)
                moved |= better
            if not moved:
                return


def place_round(candidates: Candidates, round_: int, plan: Plan, *, leaders: Plan, bounds: Limits,
                weights: dict[str, int], rng: random.Random) -> None:
    """Place everyone in the groups of one round, in `plan`, around pins and `leaders`.

    In a seeded order, each person takes the group with a free place where
    they add least to the weighted objective; then people move one at a time
    while a move lowers it. The rooms of each round hold everyone (checked
    when the candidates are read), so a place is always left.

    Examples
    --------
    >>> from planner.groups.assign.candidates import Group, Person, Candidates
    >>> groups = [Group(id=x, title=x, label=x, round=1, capacity=1, chair_slots=0,
    ...                 rapporteur_slots=0) for x in "ab"]
    >>> person = lambda x: Person(id=x, delegation=None, categories=("", "", ""),
    ...     ranked={1: [1]}, pinned={}, leads={}, chair=False, rapporteur_org=None,
    ...     field_staff=False, male=False)
    >>> plan = Plan(place=[{}, {}])
    >>> place_round(Candidates(groups, [person("p"), person("q")], [1], {1: [0, 1]}, []), 1,
    ...     plan, leaders=Plan(place=[]), bounds={}, weights={"preference": 1},
    ...     rng=random.Random(0))
    >>> sorted(g for place in plan.place for g in place.values())
    [0, 1]
    """
    for person in plan.place:
        person.pop(round_, None)
    for roles in (plan.chairs, plan.rapporteurs):
        for group in candidates.by_round[round_]:
            roles.pop(group, None)
    state = _Round(candidates, round_, plan, bounds=bounds, weights=weights)
    state.keep_leaders(leaders)
    state.improve(state.seat_everyone(rng))
