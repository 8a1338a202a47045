"""Solving the candidates round by round: leadership first, then the soft goals, with CP-SAT."""

from __future__ import annotations

import dataclasses
import os
import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from planner.groups.assign.blocks import (
    BLOCK_SIZE,
    block_candidates,
    preferred_places,
    split_people,
)
from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import limits, measure_goals
from planner.groups.assign.model import RoundModel
from planner.groups.assign.placing import Plan, place_round

__all__ = ["Outcome", "solve_candidates"]

# The leadership phase is small; it never gets more than this share of a round's time.
_LEADERSHIP_SHARE = 0.2
#: Rounds of more people than this are solved in blocks.
WHOLE_LIMIT = 1000
# Work limit of one block, in CP-SAT's deterministic seconds (about a third of a wall
# second here): the same on every machine, so results do not depend on its load.
_BLOCK_WORK = 0.4


@dataclass
class Outcome:
    """The best plan found and how good it is known to be."""

    plan: Plan
    status: str = "optimal"
    """`optimal` when the bound meets the objective, else `feasible`."""
    objective: int = 0
    bound: int = 0
    method: str = "whole"
    """`whole`: each round is one model, its bound CP-SAT's; `blocks`: many candidates are
    solved in blocks of whole delegations and bounded by its preferences alone."""
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


def _solver(*, seed: int, seconds: float, gap: float = 0.0, work: float | None = None) -> Any:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    solver = cp_model.CpSolver()
    params = solver.parameters
    params.random_seed = seed
    # One worker and a seed: the same result on every run (checked: three runs of 300 and
    # two of 5,000 people gave byte-identical events). Several workers, even interleaved,
    # were slower here and, stopped by the clock, not repeatable.
    params.num_workers = 1
    params.max_time_in_seconds = max(seconds, 0.05)
    if work is not None:
        params.max_deterministic_time = work
    params.relative_gap_limit = gap
    # Measured on 300 to 5,000 people: the full linear relaxation, built up front, bounds
    # the counting constraints tightly and guides the search to good placings; presolve
    # finds little to simplify in them and costs more than it saves.
    params.linearization_level = 2
    params.add_lp_constraints_lazily = False
    params.cp_model_presolve = False
    return solver


def _leaders_candidates(candidates: Candidates) -> tuple[Candidates, list[int]]:
    # Everyone else sits in whatever room is left (every round holds everyone), so the
    # most leadership the rules allow is decided by the candidates and the pins alone.
    chosen = [i for i, p in enumerate(candidates.people) if p.chair or p.rapporteur_org]
    kept = set(chosen)
    pinned = Counter(g for i, p in enumerate(candidates.people) if i not in kept
                     for g in p.pinned.values())
    groups = [dataclasses.replace(g, capacity=max(1, g.capacity - pinned[index]))
              for index, g in enumerate(candidates.groups)]
    people = [candidates.people[i] for i in chosen]
    return dataclasses.replace(candidates, groups=groups, people=people), chosen


def _best_leadership(candidates: Candidates, round_: int, *, weights: dict[str, int], seed: int,
                     seconds: float) -> tuple[Plan, int, bool]:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    small, chosen = _leaders_candidates(candidates)
    model = RoundModel(small, round_, weights=weights, targets={}, earlier=[{}] * len(chosen),
                       soft=False)
    # The most leadership first; among equals, leaders' preferences, field staff, women.
    penalty = 1 + sum(weights.get(goal, 0) * c for goal, terms in model.terms.items()
                      for _, c in terms)
    model.model.maximize(penalty * model.leadership() - model.objective())
    solver = _solver(seed=seed, seconds=seconds)
    status = solver.solve(model.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Out of time: phase two finds leaders on its own, without a floor.
        return Plan(place=[]), 0, False
    start = Plan(place=[{} for _ in chosen])
    model.read(solver, start)
    leaders = Plan(place=[], chairs={g: [chosen[i] for i in people]
                                     for g, people in start.chairs.items()},
                   rapporteurs={g: [chosen[i] for i in people]
                                for g, people in start.rapporteurs.items()})
    return leaders, round(solver.value(model.leadership())), status == cp_model.OPTIMAL


def _targets(candidates: Candidates) -> tuple[dict[int, int], dict[int, int]]:
    # Each group as large as preferences make it within its room: the mix of a group is
    # measured against the size its demand earns it. The fewest steps bound each round.
    targets: Counter[int] = Counter()
    steps = {}
    for round_ in candidates.rounds:
        places, steps[round_] = preferred_places(candidates.people, candidates, round_)
        targets.update(places)
    return {g: targets[g] for g in range(len(candidates.groups))}, steps


def _measure(candidates: Candidates, round_: int, plan: Plan, targets: dict[int, int],
             earlier: list[dict[int, int]]) -> Counter[str]:
    bounds = limits(candidates, round_, targets=targets, earlier=earlier)
    return measure_goals(candidates, round_, plan.place, chairs=plan.chairs,
                         rapporteurs=plan.rapporteurs, bounds=bounds)


@dataclass
class _Round:
    """What a round contributes to the outcome."""

    objective: int
    bound: int
    goals: Counter[str]


def _solve_whole(candidates: Candidates, round_: int, plan: Plan, *, targets: dict[int, int],
                 weights: dict[str, int], leaders: Plan, score: int, seed: int,
                 seconds: float, gap: float) -> _Round:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    earlier = [dict(place) for place in plan.place]
    model = RoundModel(candidates, round_, weights=weights, targets=targets, earlier=earlier)
    model.model.add(model.leadership() >= score)
    model.model.minimize(model.objective())
    solver = _solver(seed=seed, seconds=seconds, gap=gap)
    if solver.solve(model.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Out of time before a first solution: the quick placing keeps every hard rule.
        place_round(candidates, round_, plan, leaders=leaders, bounds=model.bounds,
                    weights=weights, rng=_rng(seed))
        goals = _measure(candidates, round_, plan, targets, earlier)
        return _Round(_weigh(goals, weights), 0, goals)
    model.read(solver, plan)
    goals = Counter({g: round(solver.value(model.expression(g))) for g in weights})
    return _Round(round(solver.objective_value), round(solver.best_objective_bound), goals)


def _solve_blocks(candidates: Candidates, round_: int, plan: Plan, *, targets: dict[int, int],
                  weights: dict[str, int], leaders: Plan, seed: int, deadline: float,
                  gap: float) -> _Round:
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    earlier = [dict(place) for place in plan.place]
    blocks = split_people(candidates, size=BLOCK_SIZE)
    # CP-SAT lets go of the interpreter while it solves: blocks solve side by side.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        running = []
        subs = block_candidates(candidates, round_, blocks, leaders)
        for block, (sub, sized) in zip(blocks, subs, strict=True):
            model = RoundModel(sub, round_, weights=weights, targets=sized,
                               earlier=[earlier[i] for i in block])
            model.model.minimize(model.objective())
            solver = _solver(seed=seed, seconds=deadline - time.perf_counter(), gap=gap,
                             work=_BLOCK_WORK)
            running.append((block, model, solver, pool.submit(solver.solve, model.model)))
        for block, model, solver, status in running:
            part = Plan(place=[plan.place[i] for i in block])
            if status.result() in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                model.read(solver, part)
            else:
                # Out of time: the greedy placing keeps every hard rule.
                place_round(model.candidates, round_, part, leaders=Plan(place=[]),
                            bounds=model.bounds, weights=weights, rng=_rng(seed))
    for roles, chosen in ((plan.chairs, leaders.chairs),
                          (plan.rapporteurs, leaders.rapporteurs)):
        roles.update(chosen)
    goals = _measure(candidates, round_, plan, targets, earlier)
    return _Round(_weigh(goals, weights), 0, goals)


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 -- a seed for reproducible plans, not secrecy


def _weigh(goals: Counter[str], weights: dict[str, int]) -> int:
    return sum(weights.get(goal, 0) * value for goal, value in goals.items())


def solve_candidates(candidates: Candidates, *, weights: dict[str, int], seed: int = 0,
                 time_limit: float = 10.0, gap_limit: float = 0.005) -> Outcome:
    """Solve each round in turn: most leadership first, then least weighted cost.

    Every hard rule and every soft goal but one belongs to a single round, so
    rounds are solved one after the other; "meet new people" is optimised in
    each round given the rounds before it. Within a round, phase one finds the
    most chairs, then rapporteur places, then groups reported by two
    organisations the rules allow (and, among those, leaders who are field
    staff, not all men, and in groups they asked for). Phase two keeps that
    much leadership and minimises the weighted soft goals, stopping once the
    gap is at most `gap_limit`. The bound adds up the rounds' bounds, each
    given the rounds before it (exact for every goal but meeting new people).

    A candidates of more than `WHOLE_LIMIT` people is solved in blocks of about
    `BLOCK_SIZE` whole delegations around phase one's leaders, each block with
    the seats its people hold in the preference-optimal placing (blocks solve
    side by side). Its bound is then the fewest preference steps the rooms
    allow, which is valid but loose. The rounds share `time_limit` seconds.

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
    >>> outcome.status, outcome.objective, outcome.bound, outcome.plan.chairs
    ('optimal', 33, 33, {1: [6], 0: [9]})
    """
    start = time.perf_counter()
    targets, steps = _targets(candidates)
    plan = Plan(place=[{} for _ in candidates.people])
    outcome = Outcome(plan, targets=targets,
                      method="whole" if len(candidates.people) <= WHOLE_LIMIT else "blocks")
    for left, round_ in zip(range(len(candidates.rounds), 0, -1), candidates.rounds, strict=True):
        budget = (time_limit - (time.perf_counter() - start)) / left
        leaders, score, proven = _best_leadership(
            candidates, round_, weights=weights, seed=seed, seconds=budget * _LEADERSHIP_SHARE)
        outcome.leadership_proven &= proven
        seconds = (time_limit - (time.perf_counter() - start)) / left
        if outcome.method == "whole":
            found = _solve_whole(candidates, round_, plan, targets=targets, weights=weights,
                                 leaders=leaders, score=score, seed=seed, seconds=seconds,
                                 gap=gap_limit)
        else:
            found = _solve_blocks(candidates, round_, plan, targets=targets, weights=weights,
                                  leaders=leaders, seed=seed, gap=gap_limit,
                                  deadline=time.perf_counter() + seconds)
        # Both are lower bounds; the fewest preference steps can be the better one.
        found.bound = max(found.bound, weights.get("preference", 0) * steps[round_])
        outcome.objective += found.objective
        outcome.bound += found.bound
        outcome.goals.update(found.goals)
    outcome.status = "optimal" if outcome.objective == outcome.bound else "feasible"
    outcome.seconds = time.perf_counter() - start
    return outcome
