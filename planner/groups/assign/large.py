"""Large rosters, one round at a time: blocks of whole delegations solved side by side, each
with the seats its preferences earn it, and a quick placing when time runs out."""

from __future__ import annotations

import os
import random
import time
from concurrent.futures import ThreadPoolExecutor

from planner.groups.assign.blocks import BLOCK_SIZE, block_candidates, split_people
from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import limits
from planner.groups.assign.model import CompositionModel, solver
from planner.groups.assign.placing import Plan, place_round
from planner.groups.assign.routes import build_problem

__all__ = ["place_greedily", "solve_blocks"]

# Work limit of one block, in CP-SAT's deterministic seconds (about a third of a wall
# second here): the same on every machine, so results do not depend on its load.
_BLOCK_WORK = 0.4


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 -- a seed for reproducible plans, not secrecy


def place_greedily(candidates: Candidates, round_: int, plan: Plan, *, targets: dict[int, int],
                   weights: dict[str, int], seed: int, leaders: Plan | None = None) -> None:
    """Place a round quickly, keeping every hard rule (see `placing.place_round`)."""
    earlier = [{r: g for r, g in place.items() if r < round_} for place in plan.place]
    bounds = limits(candidates, round_, targets=targets, earlier=earlier)
    place_round(candidates, round_, plan, leaders=leaders or Plan(place=[]), bounds=bounds,
                weights=weights, rng=_rng(seed))


def solve_blocks(candidates: Candidates, round_: int, plan: Plan, *, targets: dict[int, int],
                 weights: dict[str, int], seed: int, deadline: float, gap: float,
                 leaders: Plan | None = None) -> None:
    """Place one round in blocks of about `BLOCK_SIZE` whole delegations around `leaders`.

    Each block gets the seats its people hold in the round's preference-optimal
    placing and a share of the empty ones; blocks solve side by side (CP-SAT lets go
    of the interpreter while it solves), each within a fixed amount of work, so the
    result does not depend on the machine's load. A block out of time is placed by
    `place_greedily`.
    """
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    leaders = leaders or Plan(place=[])
    blocks = split_people(candidates, size=BLOCK_SIZE)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        running = []
        for block, (sub, sized) in zip(blocks, block_candidates(candidates, round_, blocks,
                                                               leaders), strict=True):
            fixed = [{r: g for r, g in plan.place[i].items() if r < round_} for i in block]
            problem = build_problem(sub, [round_], targets={**targets, **sized},
                                    weights=weights, fixed=fixed)
            model = CompositionModel(problem)
            model.model.minimize(model.objective())
            found = solver(seed=seed, seconds=deadline - time.perf_counter(), gap=gap,
                           work=_BLOCK_WORK)
            running.append((block, sub, model, found, pool.submit(found.solve, model.model)))
        for block, sub, model, found, status in running:
            part = Plan(place=[plan.place[i] for i in block])
            if status.result() in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                model.read(found, part)
            else:
                place_greedily(sub, round_, part, targets={**targets}, weights=weights,
                               seed=seed)
    for roles, chosen in ((plan.chairs, leaders.chairs), (plan.rapporteurs, leaders.rapporteurs)):
        for g in candidates.by_round[round_]:
            roles.pop(g, None)
        roles.update({g: list(p) for g, p in chosen.items()})
