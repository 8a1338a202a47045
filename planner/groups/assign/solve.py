"""Solving the candidates: leadership first, then every round together against a bound of the
whole problem; large rosters round by round in blocks."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from planner.groups.assign.blocks import preferred_places
from planner.groups.assign.bound import Relaxation, relax
from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import limits, measure_goals
from planner.groups.assign.large import place_greedily, solve_blocks
from planner.groups.assign.model import CompositionModel, solver
from planner.groups.assign.placing import Plan
from planner.groups.assign.routes import ROUTE_LIMIT, Problem, build_problem

__all__ = ["WHOLE_LIMIT", "Outcome", "solve_candidates"]

# The leadership phase is small; it never gets more than this share of a round's time.
_LEADERSHIP_SHARE = 0.1
#: Rosters of more people than this are solved round by round, in blocks.
WHOLE_LIMIT = 1000


@dataclass
class Outcome:
    """The best plan found and how good it is known to be."""

    plan: Plan
    status: str = "optimal"
    """`optimal` when the bound meets the objective, else `feasible`."""
    objective: int = 0
    bound: int = 0
    """A lower bound of the whole problem: all rounds together."""
    method: str = "whole"
    """`whole`: every round in one model, bounded by its linear relaxation; `rounds`: one
    round after another; `blocks`: many candidates, round by round in blocks."""
    targets: dict[int, int] = field(default_factory=dict)
    """The size each group's mix is measured against (see `solve_candidates`)."""
    seconds: float = 0.0
    goals: Counter[str] = field(default_factory=Counter)
    """The unweighted total of each soft goal in the plan."""
    leadership_proven: bool = True
    """Whether the chairs and rapporteurs placed are proven as many as the rules allow."""

    @property
    def gap(self) -> float:
        """How far the objective may be from the optimum: `(objective - bound) / objective`."""
        return (self.objective - self.bound) / self.objective if self.objective else 0.0


def _solved(status: int) -> bool:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _proven(status: int) -> bool:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    return bool(status == cp_model.OPTIMAL)


def targets_of(candidates: Candidates) -> tuple[dict[int, int], dict[int, int]]:
    """Each group's size in the placing with fewest preference steps, and those steps."""
    # The mix of a group is measured against the size its demand earns it.
    targets: Counter[int] = Counter()
    steps = {}
    for round_ in candidates.rounds:
        places, steps[round_] = preferred_places(candidates.people, candidates, round_)
        targets.update(places)
    return {g: targets[g] for g in range(len(candidates.groups))}, steps


def _leaders_only(candidates: Candidates) -> tuple[Candidates, list[int]]:
    # Everyone else sits in whatever room is left (every round holds everyone), so the
    # most leadership the rules allow is decided by the candidates and the pins alone.
    chosen = [i for i, p in enumerate(candidates.people) if p.chair or p.rapporteur_org]
    kept = set(chosen)
    pinned = Counter(g for i, p in enumerate(candidates.people) if i not in kept
                     for g in p.pinned.values())
    groups = [dataclasses.replace(g, capacity=max(1, g.capacity - pinned[index]), minimum=0)
              for index, g in enumerate(candidates.groups)]
    people = [candidates.people[i] for i in chosen]
    return dataclasses.replace(candidates, groups=groups, people=people), chosen


def best_leadership(candidates: Candidates, round_: int, *, weights: dict[str, int],
                    targets: dict[int, int], seed: int,
                    seconds: float) -> tuple[Plan, int, bool]:
    """The most chairs, then rapporteurs, then groups reported by two organisations the
    rules allow in a round; among equals, leaders' preferences, their places kept, field
    staff and women. Returns the leaders, their score and whether it is proven."""
    small, chosen = _leaders_only(candidates)
    problem = build_problem(small, [round_], targets=targets, weights=weights)
    model = CompositionModel(problem, soft=False)
    penalty = 1 + sum(c for _, c in model.costs) + sum(
        weights.get(goal, 0) * c for goal, terms in model.terms.items() for _, c in terms)
    model.model.maximize(penalty * model.leadership(round_) - model.objective())
    found = solver(seed=seed, seconds=seconds)
    status = found.solve(model.model)
    if not _solved(status):
        return Plan(place=[]), 0, False
    start = Plan(place=[{} for _ in chosen])
    model.read(found, start)
    leaders = Plan(place=[], chairs={g: [chosen[i] for i in people]
                                     for g, people in start.chairs.items()},
                   rapporteurs={g: [chosen[i] for i in people]
                                for g, people in start.rapporteurs.items()})
    return leaders, round(found.value(model.leadership(round_))), _proven(status)


def measure(candidates: Candidates, plan: Plan, targets: dict[int, int],
            weights: dict[str, int]) -> tuple[int, Counter[str]]:
    """The weighted objective and each goal's total of a whole plan."""
    goals: Counter[str] = Counter()
    for round_ in candidates.rounds:
        earlier = [{r: g for r, g in place.items() if r < round_} for place in plan.place]
        bounds = limits(candidates, round_, targets=targets, earlier=earlier)
        goals.update(measure_goals(candidates, round_, plan.place, chairs=plan.chairs,
                                   rapporteurs=plan.rapporteurs, bounds=bounds))
    return sum(weights.get(g, 0) * v for g, v in goals.items()), goals


def _stop_at(target: float) -> Any:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    class _Stop(cp_model.CpSolverSolutionCallback):
        """Stop at the first composition within the gap of a bound of the whole problem."""

        def on_solution_callback(self) -> None:
            if self.objective_value <= target:
                self.stop_search()

    return _Stop()


def _solve_restricted(problem: Problem, allowed: list[list[int]], plan: Plan, *,
                      scores: dict[int, int], seed: int, seconds: float, gap: float,
                      hint: Plan | None, target: float = -1.0) -> tuple[int | None, int]:
    """Solve `problem` over the `allowed` routes into `plan`, stopping at an objective of
    `target` or less; the objective found (None: nothing in time), and the bound the
    solver proved for these routes."""
    model = CompositionModel(problem, allowed=allowed)
    for round_, score in scores.items():
        if round_ in problem.rounds:
            model.model.add(model.leadership(round_) >= score)
    model.model.minimize(model.objective())
    if hint is not None:
        model.hint(hint)
    found = solver(seed=seed, seconds=seconds, gap=gap)
    if not _solved(found.solve(model.model, _stop_at(target))):
        return None, 0
    model.read(found, plan)
    return round(found.objective_value), round(found.best_objective_bound)


def _union(*sets: list[list[int]]) -> list[list[int]]:
    return [sorted(set().union(*parts)) for parts in zip(*sets, strict=True)]


def _first_routes(problem: Problem, relaxed: Any, *, leaders: bool) -> list[list[int]]:
    # The relaxation's routes and each person's place in the saved composition; with
    # `leaders`, every route of those who may lead, so the leadership the rules allow
    # stays within reach.
    people = problem.candidates.people
    found = []
    for i, routes in enumerate(problem.routes):
        chosen = set(relaxed.support[i]) if routes else set()
        if leaders and (people[i].chair or people[i].rapporteur_org):
            chosen |= set(range(len(routes)))
        earlier = tuple(people[i].earlier.get(r) for r in problem.rounds)
        chosen |= {r for r, route in enumerate(routes) if route == earlier}
        found.append(sorted(chosen))
    return found


def _solve_whole(candidates: Candidates, outcome: Outcome, *, scores: dict[int, int],
                 weights: dict[str, int], seed: int, deadline: float, gap: float) -> bool:
    """Every round in one problem: bound it by its relaxation, solve the routes that
    relaxation uses, then every route a better composition could take, in the time left."""
    problem = build_problem(candidates, candidates.rounds, targets=outcome.targets,
                            weights=weights)
    relaxed = relax(problem, scores, seconds=(deadline - time.perf_counter()) / 2)
    if relaxed is None:
        return False
    outcome.bound = max(outcome.bound, relaxed.bound)
    target = outcome.bound / (1 - gap)
    hint = Plan(place=[dict(p.earlier) for p in candidates.people]) if any(
        p.earlier for p in candidates.people) else None
    for leaders in (False, True):
        first = _first_routes(problem, relaxed, leaders=leaders)
        objective, _ = _solve_restricted(
            problem, first, outcome.plan, scores=scores, seed=seed,
            seconds=(deadline - time.perf_counter()) / 2, gap=gap, hint=hint, target=target)
        if objective is not None:
            break
    if objective is None:
        return False
    outcome.objective = objective
    if outcome.objective <= target or time.perf_counter() >= deadline:
        return True
    # A composition better than this one takes only routes within the gap: solving them
    # all finds the optimum, and its bound is a bound of the whole problem.
    wider = _union(first, relaxed.routes_within(outcome.objective - relaxed.bound))
    better = Plan(place=[dict(p) for p in outcome.plan.place])
    objective, bound = _solve_restricted(problem, wider, better, scores=scores, seed=seed,
                                         seconds=deadline - time.perf_counter(), gap=gap,
                                         hint=outcome.plan, target=target)
    if objective is not None:
        if objective <= outcome.objective:
            outcome.plan, outcome.objective = better, objective
        outcome.bound = max(outcome.bound, min(bound, outcome.objective))
    return True


def _solve_rounds(candidates: Candidates, outcome: Outcome, *, scores: dict[int, int],
                  leaders: dict[int, Plan], weights: dict[str, int], seed: int,
                  deadline: float, gap: float) -> None:
    """One round after another, each given the rounds before it."""
    plan = outcome.plan
    for left, round_ in zip(range(len(candidates.rounds), 0, -1), candidates.rounds,
                            strict=True):
        fixed = [{r: g for r, g in place.items() if r < round_} for place in plan.place]
        problem = build_problem(candidates, [round_], targets=outcome.targets,
                                weights=weights, fixed=fixed)
        hint = Plan(place=[dict(p.earlier) for p in candidates.people])
        objective, _ = _solve_restricted(
            problem, [list(range(len(r))) for r in problem.routes], plan, scores=scores,
            seed=seed, seconds=(deadline - time.perf_counter()) / left, gap=gap, hint=hint)
        if objective is None:
            # Out of time before a first solution: the quick placing keeps every hard rule.
            place_greedily(candidates, round_, plan, targets=outcome.targets,
                           weights=weights, seed=seed, leaders=leaders[round_])


def _bound_rounds(candidates: Candidates, outcome: Outcome, *, scores: dict[int, int],
                  weights: dict[str, int], deadline: float) -> None:
    """Bound the whole problem by each round's relaxation, "meet new people" left out (it
    costs nothing less than nothing): valid, if looser than every round together."""
    total = 0.0
    for left, round_ in zip(range(len(candidates.rounds), 0, -1), candidates.rounds,
                            strict=True):
        seconds = (deadline - time.perf_counter()) / left
        if seconds <= 0:
            return
        problem = build_problem(candidates, [round_], targets=outcome.targets,
                                weights=weights)
        relaxed = relax(problem, scores, seconds=seconds)
        if relaxed is None:
            return
        total += relaxed.value
    outcome.bound = max(outcome.bound, Relaxation(value=total).bound)


def solve_candidates(candidates: Candidates, *, weights: dict[str, int], seed: int = 0,
                     time_limit: float = 10.0, gap_limit: float = 0.005) -> Outcome:
    """Compose every round: most leadership first, then least weighted cost, all rounds
    together against a bound of the whole problem.

    Phase one finds, round by round, the most chairs, then rapporteurs, then groups
    reported by two organisations the rules allow (a small model of the candidates
    who may lead). Phase two keeps that much leadership and minimises the weighted
    soft goals over every round at once: each person takes one route, a group in
    each round. Its linear relaxation (HiGHS) bounds the whole problem; CP-SAT then
    solves the routes the relaxation uses, and, while the gap is above `gap_limit`,
    every route a better composition could take (its reduced cost within the gap),
    whose bound is then a bound of the whole problem too.

    When a person would have more than `ROUTE_LIMIT` routes (many groups over
    three rounds or more), rounds are solved one after the other, bounded by the
    fewest preference steps. Rosters of more than `WHOLE_LIMIT` people are solved
    round by round in blocks of whole delegations (see `large.solve_blocks`), and
    bounded, in the time left, by each round's relaxation without "meet new
    people" (a bound of the whole problem, looser than all rounds together), else
    by the fewest preference steps. Everything shares `time_limit` seconds.

    Examples
    --------
    >>> from planner.groups.assign.goals import WEIGHTS
    >>> from planner.groups.assign.candidates import read_candidates
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> candidates = read_candidates(make_synthetic_event(participants=20, groups=2, rounds=1,
    ...                                           registry=registry), registry)
    >>> outcome = solve_candidates(candidates, weights=WEIGHTS)
    >>> outcome.status, outcome.objective == outcome.bound, outcome.method
    ('optimal', True, 'whole')
    """
    start = time.perf_counter()
    deadline = start + time_limit
    targets, steps = targets_of(candidates)
    outcome = Outcome(Plan(place=[{} for _ in candidates.people]), targets=targets,
                      bound=weights.get("preference", 0) * sum(steps.values()))
    scores: dict[int, int] = {}
    leaders: dict[int, Plan] = {}
    for round_ in candidates.rounds:
        leaders[round_], scores[round_], proven = best_leadership(
            candidates, round_, weights=weights, targets=targets, seed=seed,
            seconds=time_limit * _LEADERSHIP_SHARE / len(candidates.rounds))
        outcome.leadership_proven &= proven
    routes = 1
    for round_ in candidates.rounds:
        routes *= len(candidates.by_round[round_])
    whole = len(candidates.people) <= WHOLE_LIMIT and routes <= ROUTE_LIMIT
    if not (whole and _solve_whole(candidates, outcome, scores=scores, weights=weights,
                                   seed=seed, deadline=deadline, gap=gap_limit)):
        outcome.method = "rounds" if len(candidates.people) <= WHOLE_LIMIT else "blocks"
        outcome.plan = Plan(place=[{} for _ in candidates.people])
        if outcome.method == "rounds":
            _solve_rounds(candidates, outcome, scores=scores, leaders=leaders,
                          weights=weights, seed=seed, deadline=deadline, gap=gap_limit)
        else:
            for round_ in candidates.rounds:
                solve_blocks(candidates, round_, outcome.plan, targets=targets,
                             weights=weights, seed=seed, leaders=leaders[round_],
                             deadline=deadline, gap=gap_limit)
            _bound_rounds(candidates, outcome, scores=scores, weights=weights,
                          deadline=deadline)
    outcome.objective, outcome.goals = measure(candidates, outcome.plan, targets, weights)
    outcome.bound = min(outcome.bound, outcome.objective)
    outcome.status = "optimal" if outcome.objective == outcome.bound else "feasible"
    outcome.seconds = time.perf_counter() - start
    return outcome
