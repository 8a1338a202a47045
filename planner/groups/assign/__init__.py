"""Working-group composition: who sits in which group of each round, who chairs and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.errors import Finding, PlannerError
from planner.groups.assign.candidates import read_candidates
from planner.groups.assign.explain import apply_plan, compose_groups, explain_places
from planner.groups.assign.goals import WEIGHTS
from planner.groups.assign.reasons import explain_leaders
from planner.groups.assign.rules import check_composition
from planner.groups.assign.solve import solve_candidates
from planner.groups.membership import move_person
from planner.library.garbage import collection_paused
from planner.model import Composition, Event, Registry

__all__ = ["BOUND_SCOPE", "WEIGHTS", "Assignment", "assign_groups", "check_composition",
           "move_and_assign"]

#: What the reported bound bounds: the whole problem, every round together.
BOUND_SCOPE = "all-rounds"


@dataclass
class Assignment:
    """A composition of the working groups, how good it is, and why each person sits where."""

    event: Event
    """The event with the composition written in (not yet saved)."""
    status: str
    """`optimal` when proven, else `feasible`."""
    objective: int
    """Weighted cost of the soft goals (lower is better)."""
    bound: int
    """No composition of the whole problem (every round together) can cost less."""
    gap: float
    """`(objective - bound) / objective`: how far from the optimum it may be, at most."""
    seconds: float
    method: str
    """`whole` (every round in one model), `rounds` (one round after another) or `blocks`
    (many candidates, round by round in blocks)."""
    goals: dict[str, int]
    """Unweighted total of each soft goal."""
    groups: list[dict[str, Any]]
    """Each group's make-up: size, leaders, counts by stakeholder type, region, gender."""
    explanations: dict[str, str]
    """Per participant id, one line: where they sit in each round, and why."""
    leaders: dict[str, str] = field(default_factory=dict)
    """Per group id, one line: who chairs and reports it, and why they were picked."""
    findings: list[Finding] = field(default_factory=list)
    """Where the composition falls short of a rule (too few delegates to chair…)."""
    leadership_proven: bool = True
    """Whether the chairs and rapporteurs are proven as many as the rules allow."""

    def to_dict(self) -> dict[str, Any]:
        """The assignment as plain data for `--json` and the app."""
        return {"event": self.event.id, "status": self.status, "objective": self.objective,
                "bound": self.bound, "bound_scope": BOUND_SCOPE, "gap": round(self.gap, 6),
                "seconds": round(self.seconds, 3), "method": self.method, "goals": self.goals,
                "groups": self.groups, "explanations": self.explanations,
                "leaders": self.leaders, "findings": [f.to_dict() for f in self.findings],
                "leadership_proven": self.leadership_proven}


@collection_paused()  # a large roster's models: many objects, no cycles
def assign_groups(event: Event, registry: Registry, *, seed: int = 0, time_limit: float = 10.0,
                  gap_limit: float = 0.005, keep: bool = True,
                  weights: dict[str, int] | None = None) -> Assignment:
    """Compose the working groups of every round, explain the result, and keep both.

    Hard rules, never broken: no group over its `capacity` (25% more than an even
    share of its round when it has none) or under its `min_size` (half an even
    share and at least 3 when it has none; lowered, with a `group-minimum-unmet`
    finding, where the people coming cannot fill every minimum); pinned
    assignments kept; everyone coming (not declined, cancelled or only
    interpreting) in exactly one group per round; nobody chairs or reports more
    than one group of a round. Where the people allow it, each group has a chair
    and two rapporteurs of different organisations, picked as the event's
    `group_leadership` rules say (see `planner.groups.leaders`): chairs are
    government delegates, the most senior first; rapporteurs are staff of the
    organisations that supply them (by default the conveners, co-organisers,
    co-hosts and organisations "in cooperation with" or secretariat that are not
    States) at professional or senior level, so that support staff, logistics,
    interpreters and heads of agencies are never picked unless the organisers fix
    them. The solver first finds the most chairs, then rapporteurs, then two-
    organisation pairs the rules allow, and keeps that many.

    Soft goals, minimised as a weighted sum (`WEIGHTS`, per unit):

    - `preference` (10): each step down a person's ranked list for the round;
      a group they did not list counts as ranked two places after their last
      choice; people who listed nothing for the round cost nothing anywhere.
    - `delegation` (15): each member of a delegation beyond an even spread
      over the round's groups.
    - `mix` (4): each person beyond a group's share (rounded up) of a
      stakeholder type, a region at the event's level or a gender, at the
      group's target size: the size the fewest preference steps give it.
    - `meeting` (3): in later rounds, each person beyond a group's share of an
      earlier group (both at their target sizes), so that people meet new people.
    - `field_staff` (3): each rapporteur who is not field staff, when some
      candidates are.
    - `all_male` (30): each group chaired and reported by men only.
    - `stability` (40): with `keep`, each place and each chair or rapporteur of
      the saved composition not kept, so that composing again after a move or
      an edit changes as little as it must.

    The bound is a bound of the whole problem, all rounds together
    (`BOUND_SCOPE`), and the gap is measured against it. The result's event
    carries the composition's numbers and explanations (`composition`), so that
    saving it keeps them.

    Parameters
    ----------
    event, registry
        The event and the organisation registry it refers to.
    seed : int
        Same seed, same input: same composition.
    time_limit : float
        Seconds for the whole solve; the best composition found by then is kept.
    gap_limit : float
        Stop as soon as the composition is proven this close to the optimum.
    keep : bool
        Keep the places and leaders of the saved composition where the goals allow.
    weights : dict, optional
        Replaces `WEIGHTS` entries.

    Returns
    -------
    Assignment

    Raises
    ------
    PlannerError
        Nobody is coming, there is no group, a pin cannot be kept, or the
        rooms of a round cannot hold everyone.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> event = make_synthetic_event(participants=40, groups=4, registry=registry)
    >>> result = assign_groups(event, registry)
    >>> result.status, result.findings, result.event.participants[19].working_groups
    ('optimal', [], ['wg-1', 'wg-4'])
    >>> result.explanations["p-00020"]
    'John Mwangi — Round 1: Cooperation among key partners (1), his first choice. Round 2: \
Reception arrangements (4), his second choice: his first choice, Protection-sensitive entry \
systems (3), was full.'
    >>> result.event.composition.placements == result.explanations
    True
    """
    chosen = {**WEIGHTS, **(weights or {})}
    candidates = read_candidates(event, registry, keep=keep)
    if not candidates.people:
        raise PlannerError(f"nobody is coming to '{event.id}': no one to place in groups")
    outcome = solve_candidates(candidates, weights=chosen, seed=seed, time_limit=time_limit,
                               gap_limit=gap_limit)
    applied = apply_plan(event, candidates, outcome.plan)
    explanations = explain_places(applied, candidates, outcome.plan, targets=outcome.targets,
                                  registry=registry)
    leaders = explain_leaders(applied, candidates, outcome.plan, registry)
    updated = applied.model_copy(update={"composition": Composition(
        seed=seed, objective=outcome.objective, bound=outcome.bound,
        gap=round(outcome.gap, 6), placements=explanations, leaders=leaders)})
    return Assignment(
        event=updated, status=outcome.status, objective=outcome.objective,
        bound=outcome.bound, gap=outcome.gap, seconds=outcome.seconds, method=outcome.method,
        goals=dict(outcome.goals),
        groups=compose_groups(updated, candidates, outcome.plan, outcome.targets),
        explanations=explanations, leaders=leaders,
        findings=[*candidates.findings, *check_composition(updated, registry)],
        leadership_proven=outcome.leadership_proven)


def move_and_assign(event: Event, registry: Registry, moves: list[tuple[str, str]], *,
                    seed: int = 0, time_limit: float = 10.0) -> Assignment:
    """Move people (each pinned to their new group), then compose again around them,
    keeping the rest of the saved composition where the goals allow: the result's event
    holds the moves and the new composition together, to be saved as one.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> first = assign_groups(make_synthetic_event(participants=40, groups=4,
    ...                                            registry=registry), registry).event
    >>> after = move_and_assign(first, registry, [("p-00020", "wg-2")]).event
    >>> moved = next(p for p in after.participants if p.id == "p-00020")
    >>> moved.working_groups, moved.pinned
    (['wg-2', 'wg-4'], ['wg-2'])
    """
    for person, group in moves:
        event = move_person(event, person, group, pin=True)
    return assign_groups(event, registry, seed=seed, time_limit=time_limit, keep=True)
