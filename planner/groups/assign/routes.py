"""The placing problem over several rounds at once, person by person: each person's routes
(one group in every round solved), what each route costs, and what it counts towards."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import Label, labels, limits, meeting_limit

__all__ = ["ROUTE_LIMIT", "Counter", "Problem", "build_problem"]

#: Most routes a person may have (groups of one round times those of the next…); beyond it
#: the rounds are solved one after the other.
ROUTE_LIMIT = 100


@dataclass
class Counter:
    """What a row of the problem counts: the members of a group (`size`), or people of a
    label in a group beyond how many it takes (`soft`, with its goal)."""

    kind: str
    """`size` or `soft`."""
    group: int
    goal: str = ""
    most: int = 0
    """For `soft`: how many it takes before each one more costs a unit of `goal`."""
    members: int = 0
    """How many people can count towards it (its largest value)."""


@dataclass
class Problem:
    """The rounds solved together, as routes.

    A route is one group per round of `rounds`; people pinned in a round have one
    group there. Rounds outside `rounds` are fixed (`fixed`), and count only as
    groups met before.
    """

    candidates: Candidates
    rounds: list[int]
    fixed: list[dict[int, int]]
    weights: dict[str, int]
    routes: list[list[tuple[int, ...]]] = field(default_factory=list)
    """Per person, each route: the group of each round, in the order of `rounds`."""
    cost: list[list[int]] = field(default_factory=list)
    """Per person and route: the weighted cost of its steps down the person's lists and of
    the places of the saved composition it leaves."""
    seat_rows: list[dict[int, list[int]]] = field(default_factory=list)
    """Per person and group: the counters the person counts towards, sitting there."""
    meeting: dict[tuple[int, int], int] = field(default_factory=dict)
    """Per pair of groups of two rounds solved together: its meeting counter."""
    counters: list[Counter] = field(default_factory=list)
    size_of: dict[int, int] = field(default_factory=dict)
    """Per group, its `size` counter."""

    def seat(self, person: int, route: int, round_: int) -> int:
        """The group a person sits in, in a round of `rounds`, on one of their routes."""
        return self.routes[person][route][self.rounds.index(round_)]

    def hits(self, person: int, route: int) -> list[int]:
        """The counters a person's route counts towards."""
        seats = self.routes[person][route]
        rows = self.seat_rows[person]
        return [row for g in seats for row in rows[g]] + [
            self.meeting[pair] for pair in itertools.combinations(seats, 2)
            if pair in self.meeting]


def _options(problem: Problem, person: int) -> list[list[int]]:
    who = problem.candidates.people[person]
    return [[who.pinned[r]] if r in who.pinned else problem.candidates.by_round[r]
            for r in problem.rounds]


def _soft_counters(problem: Problem, targets: dict[int, int]) -> dict[tuple[Label, int], int]:
    found: dict[tuple[Label, int], int] = {}
    for round_ in problem.rounds:
        for key, (goal, most) in limits(problem.candidates, round_, targets=targets,
                                        earlier=problem.fixed).items():
            found[key] = len(problem.counters)
            problem.counters.append(Counter("soft", key[1], goal, most))
    return found


def _meeting_counters(problem: Problem, targets: dict[int, int]) -> dict[tuple[int, int], int]:
    found: dict[tuple[int, int], int] = {}
    by_round = problem.candidates.by_round
    for a, b in itertools.combinations(problem.rounds, 2):
        for h, g in itertools.product(by_round[a], by_round[b]):
            found[h, g] = len(problem.counters)
            problem.counters.append(Counter("soft", g, "meeting", meeting_limit(
                problem.candidates, h, g, targets=targets)))
    return found


def _route_costs(problem: Problem, person: int, options: list[list[int]]) -> list[int]:
    # A route's cost is the sum of its rounds' costs: steps down the list, places left.
    who = problem.candidates.people[person]
    step, move = problem.weights.get("preference", 0), problem.weights.get("stability", 0)
    per_round = [[step * who.cost(g, r) + move * (r in who.earlier and who.earlier[r] != g)
                  for g in option] for option, r in zip(options, problem.rounds, strict=True)]
    return [sum(combo) for combo in itertools.product(*per_round)]


def build_problem(candidates: Candidates, rounds: list[int], *, targets: dict[int, int],
                  weights: dict[str, int], fixed: list[dict[int, int]] | None = None,
                  people: list[int] | None = None) -> Problem:
    """The rounds `rounds` as one problem of routes, the other rounds `fixed`.

    Every person's routes run through every group of each round (their pinned
    group only, where they are pinned); `people` keeps only those people's rows
    (the rest of the candidates' people are left out). Counters: each group's
    size, and each label of each round that can pass its limit (delegation, mix,
    groups met in a fixed round), and each pair of groups of two rounds solved
    together (meeting new people).

    Examples
    --------
    >>> from planner.groups.assign.candidates import read_candidates
    >>> from planner.groups.assign.goals import WEIGHTS
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> candidates = read_candidates(make_synthetic_event(participants=20, groups=4,
    ...                                                   rounds=2, registry=registry), registry)
    >>> problem = build_problem(candidates, [1, 2], targets={g: 5 for g in range(4)},
    ...                         weights=WEIGHTS)
    >>> problem.routes[0], problem.cost[0]
    ([(0, 2), (0, 3), (1, 2), (1, 3)], [0, 20, 20, 40])
    """
    n = len(candidates.people)
    fixed = fixed if fixed is not None else [{} for _ in range(n)]
    problem = Problem(candidates, list(rounds), fixed, weights)
    for round_ in rounds:
        for g in candidates.by_round[round_]:
            problem.size_of[g] = len(problem.counters)
            problem.counters.append(Counter("size", g))
    soft = _soft_counters(problem, targets)
    problem.meeting = _meeting_counters(problem, targets)
    chosen = set(range(n) if people is None else people)
    for i in range(n):
        if i not in chosen:
            problem.routes.append([])
            problem.cost.append([])
            problem.seat_rows.append({})
            continue
        kinds = labels(candidates.people[i], fixed[i])
        options = _options(problem, i)
        seats = {g: [problem.size_of[g]] + [soft[k, g] for k in kinds if (k, g) in soft]
                 for option in options for g in option}
        routes = list(itertools.product(*options))
        problem.routes.append(routes)
        problem.cost.append(_route_costs(problem, i, options))
        problem.seat_rows.append(seats)
        reach = {row for rows in seats.values() for row in rows}
        for a, b in itertools.combinations(options, 2):
            reach |= {problem.meeting[h, g] for h in a for g in b if (h, g) in problem.meeting}
        for row in reach:
            problem.counters[row].members += 1
    return problem
