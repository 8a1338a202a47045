"""A lower bound of the whole problem, all rounds together: the linear relaxation of the routes,
solved with HiGHS, and what its prices say about each route."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from planner.groups.assign.model import leadership_weights
from planner.groups.assign.routes import Problem

__all__ = ["Relaxation", "leadership_covers", "relax"]

# Margin on floating-point sums before an integer bound is taken.
_TOLERANCE = 1e-6


@dataclass
class Relaxation:
    """What the relaxation proves: a bound, the routes it uses, each route's reduced cost."""

    value: float
    """A lower bound of the whole problem's objective (before rounding up)."""
    support: list[list[int]] = field(default_factory=list)
    """Per person, the routes the relaxation's solution uses."""
    reduced: list[list[float]] = field(default_factory=list)
    """Per person and route, how much taking that route raises the bound, at least."""

    @property
    def bound(self) -> int:
        """The bound as a whole number (objectives are whole numbers)."""
        return max(0, math.ceil(self.value - _TOLERANCE * max(1.0, abs(self.value))))

    def routes_within(self, slack: float) -> list[list[int]]:
        """Per person, the routes that any composition costing at most `bound + slack` can
        take: a route raising the bound by more is in none of them."""
        limit = slack + (self.bound - self.value) + _TOLERANCE * max(1.0, abs(self.value))
        return [[r for r, cost in enumerate(person) if cost <= limit]
                for person in self.reduced]


Cover = tuple[int, list[int], int]
"""A group, the people who may take its places, and how many of them it holds at least."""
FieldCover = tuple[int, list[int], list[int], int]
"""A group, its field staff and its other rapporteur candidates, and its rapporteur places."""


def leadership_covers(problem: Problem, scores: dict[int, int]
                      ) -> tuple[list[Cover], list[FieldCover]]:
    """Rows every composition keeps, given each round's leadership score.

    Where a round's score is every chair and every rapporteur its groups lack, each
    such group holds at least that many candidates (`(group, candidates, least)`);
    where it also has every group reported by two organisations and exactly two
    supply rapporteurs, each group holds someone of each. And, where some candidates
    are field staff, the rapporteur places of a group its field staff cannot fill go
    to others, each costing `field_staff` (`(group, field staff, others, places)`).
    """
    candidates = problem.candidates
    people, groups = candidates.people, candidates.groups
    covers: list[Cover] = []
    field_covers: list[FieldCover] = []
    field_goal = any(p.field_staff and p.rapporteur_org for p in people)
    for round_ in problem.rounds:
        members = candidates.by_round[round_]
        chair_w, rap_w, _ = leadership_weights(len(members))
        score = scores.get(round_, 0)
        chairs, rest = divmod(score, chair_w)
        rapporteurs, mixed = divmod(rest, rap_w)
        free = [i for i, p in enumerate(people) if round_ not in p.leads]
        if chairs == sum(groups[g].chair_slots for g in members):
            for g in members:
                able = [i for i in free if people[i].chair and (
                    not groups[g].host_chairs or people[i].host)]
                covers.append((g, able, groups[g].chair_slots))
        slots = sum(groups[g].rapporteur_slots for g in members)
        if rapporteurs != slots:
            continue
        reporters = [i for i in free if people[i].rapporteur_org]
        covers += [(g, reporters, groups[g].rapporteur_slots) for g in members]
        plain = [g for g in members if groups[g].rapporteur_slots >= 2
                 and not groups[g].kept_rapporteur_orgs]
        if len(candidates.rapporteur_orgs) == 2 and mixed == len(plain) and plain:
            for org in candidates.rapporteur_orgs:
                able = [i for i in free if people[i].rapporteur_org == org]
                covers += [(g, able, 1) for g in plain]
        if field_goal:
            fielders = [i for i in reporters if people[i].field_staff]
            others = [i for i in reporters if not people[i].field_staff]
            field_covers += [(g, fielders, others, groups[g].rapporteur_slots)
                             for g in members if groups[g].rapporteur_slots]
    return covers, field_covers


class _Rows:
    """Rows `A x <= b` of the relaxation, entry by entry."""

    def __init__(self) -> None:
        self.rows: list[Any] = []
        self.cols: list[Any] = []
        self.vals: list[Any] = []
        self.b: list[float] = []

    def add(self, bound: float) -> int:
        self.b.append(bound)
        return len(self.b) - 1

    def put(self, row: Any, cols: Any, value: float) -> None:
        import numpy as np  # noqa: PLC0415 -- slow import

        cols = np.atleast_1d(np.asarray(cols, dtype=np.int64))
        self.rows.append(np.broadcast_to(np.asarray(row, dtype=np.int64), cols.shape).copy())
        self.cols.append(cols)
        self.vals.append(np.full(cols.shape, value))


def _entries(problem: Problem, people: list[int], person: Any, seats: Any) -> tuple[Any, Any]:
    """Every (route column, counter) pair: the counters each route counts towards."""
    import numpy as np  # noqa: PLC0415 -- slow import

    width = len(problem.candidates.groups)
    triples = [(i * width + g, row) for i in people for g, rows in
               problem.seat_rows[i].items() for row in rows]
    triples.sort()
    keys = np.array([k for k, _ in triples], dtype=np.int64)
    counters = np.array([row for _, row in triples], dtype=np.int64)
    cols, found = [], []
    for ri in range(seats.shape[1]):
        wanted = person * width + seats[:, ri]
        low = np.searchsorted(keys, wanted, "left")
        count = np.searchsorted(keys, wanted, "right") - low
        total = int(count.sum())
        offset = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        cols.append(np.repeat(np.arange(len(person)), count))
        found.append(counters[np.repeat(low, count) + offset])
    if problem.meeting:
        table = np.full((width, width), -1, dtype=np.int64)
        for (h, g), row in problem.meeting.items():
            table[h, g] = row
        for a, b in itertools.combinations(range(seats.shape[1]), 2):
            ids = table[seats[:, a], seats[:, b]]
            cols.append(np.flatnonzero(ids >= 0))
            found.append(ids[ids >= 0])
    return np.concatenate(cols), np.concatenate(found)


def _matrix(problem: Problem, covers: list[Cover],
            field_covers: list[FieldCover]) -> dict[str, Any]:
    import numpy as np  # noqa: PLC0415 -- slow import

    people = [i for i, routes in enumerate(problem.routes) if routes]
    start: dict[int, int] = {}
    owner: list[int] = []
    for i in people:
        start[i] = len(owner)
        owner += [i] * len(problem.routes[i])
    routes = len(owner)
    person = np.array(owner, dtype=np.int64)
    seats = np.array([route for i in people for route in problem.routes[i]],
                     dtype=np.int64).reshape(routes, len(problem.rounds))
    cols, counters = _entries(problem, people, person, seats)
    rows = _Rows()
    extra: list[tuple[float, float]] = []  # (cost, upper) of each column after the routes
    # Each counter's row: a size's capacity (and minimum), a soft counter's limit.
    row_of = np.full(len(problem.counters), -1, dtype=np.int64)
    floor_of = np.full(len(problem.counters), -1, dtype=np.int64)
    for k, counter in enumerate(problem.counters):
        if counter.kind == "size":
            spec = problem.candidates.groups[counter.group]
            row_of[k] = rows.add(spec.capacity)
            if spec.minimum:
                floor_of[k] = rows.add(-spec.minimum)
        elif counter.members > counter.most:
            row_of[k] = rows.add(counter.most)
            rows.put(row_of[k], routes + len(extra), -1.0)
            extra.append((problem.weights.get(counter.goal, 0), counter.members - counter.most))
    for table, sign in ((row_of, 1.0), (floor_of, -1.0)):
        row = table[counters]
        rows.put(row[row >= 0], cols[row >= 0], sign)

    member = np.zeros((len(problem.candidates.groups), routes), dtype=bool)
    for ri in range(seats.shape[1]):
        member[seats[:, ri], np.arange(routes)] = True

    def through(group: int, able: list[int]) -> Any:
        chosen = np.zeros(len(problem.routes), dtype=bool)
        chosen[able] = True
        return np.flatnonzero(chosen[person] & member[group])

    for group, able, least in covers:
        rows.put(rows.add(-least), through(group, able), -1.0)
    for group, fielders, others, slots in field_covers:
        # Rapporteur places field staff cannot fill go to others, each costing field_staff.
        short = routes + len(extra)
        extra.append((problem.weights.get("field_staff", 0), slots))
        row = rows.add(-slots)
        rows.put(row, through(group, fielders), -1.0)
        rows.put(row, short, -1.0)
        row = rows.add(0.0)
        rows.put(row, through(group, others), -1.0)
        rows.put(row, short, 1.0)
    cost = np.concatenate([np.array([c for i in people for c in problem.cost[i]], float),
                           np.array([c for c, _ in extra], float)])
    upper = np.concatenate([np.ones(routes), np.array([u for _, u in extra], float)])
    return {"people": people, "start": start, "cost": cost, "upper": upper,
            "person": person, "rows": rows}


def relax(problem: Problem, scores: dict[int, int], *, seconds: float) -> Relaxation | None:
    """The linear relaxation of `problem`, with leadership's covers: a bound of the whole
    problem, the routes its solution uses and every route's reduced cost. None when HiGHS
    runs out of time.

    The bound is the Lagrangian value of the relaxation's prices, valid for any prices
    of the right signs, so rounding in HiGHS cannot make it exceed the optimum.
    """
    import numpy as np  # noqa: PLC0415 -- slow import
    from scipy import sparse  # type: ignore[import-untyped]  # noqa: PLC0415 -- slow import
    from scipy.optimize import linprog  # type: ignore[import-untyped]  # noqa: PLC0415 -- slow import

    built = _matrix(problem, *leadership_covers(problem, scores))
    size, rows = len(built["cost"]), built["rows"]
    b_ub = np.array(rows.b, float)
    a_ub = sparse.csr_matrix((np.concatenate(rows.vals), (np.concatenate(rows.rows),
                                                          np.concatenate(rows.cols))),
                             shape=(len(b_ub), size))
    person = built["person"]
    index = {p: k for k, p in enumerate(built["people"])}
    a_eq = sparse.csr_matrix((np.ones(len(person)), ([index[p] for p in person],
                                                     np.arange(len(person)))),
                             shape=(len(built["people"]), size))
    b_eq = np.ones(len(built["people"]))
    result = linprog(built["cost"], A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                     bounds=np.c_[np.zeros(size), built["upper"]], method="highs-ds",
                     options={"presolve": False, "time_limit": max(0.05, seconds)})
    if result.status != 0:
        return None
    dual_ub = np.minimum(result.ineqlin.marginals, 0.0)
    dual_eq = result.eqlin.marginals
    reduced = built["cost"] - a_ub.T @ dual_ub - a_eq.T @ dual_eq
    value = float(b_ub @ dual_ub + b_eq @ dual_eq
                  + np.minimum(reduced, 0.0) @ built["upper"])
    found = Relaxation(value=value)
    for i in range(len(problem.routes)):
        if i not in built["start"]:
            found.support.append([])
            found.reduced.append([])
            continue
        begin = built["start"][i]
        chosen = slice(begin, begin + len(problem.routes[i]))
        found.support.append([int(r) for r in np.flatnonzero(result.x[chosen] > 1e-6)])
        found.reduced.append([float(c) for c in np.maximum(reduced[chosen], 0.0)])
    return found
