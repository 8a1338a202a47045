"""Working-group composition: who sits in which group of each round, who chairs and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.errors import Finding, PlannerError
from planner.groups.assign.candidates import read_candidates
from planner.groups.assign.explain import apply_plan, compose_groups, explain_places
from planner.groups.assign.goals import WEIGHTS
from planner.groups.assign.rules import check_composition
from planner.groups.assign.solve import solve_candidates
from planner.model import Event, Registry

__all__ = ["WEIGHTS", "Assignment", "assign_groups", "check_composition"]


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
    """No composition can cost less than this."""
    gap: float
    """`(objective - bound) / objective`: how far from the optimum it may be, at most."""
    seconds: float
    method: str
    """`whole` (one model per round) or `blocks` (many candidates, solved in blocks)."""
    goals: dict[str, int]
    """Unweighted total of each soft goal."""
    groups: list[dict[str, Any]]
    """Each group's make-up: size, leaders, counts by stakeholder type, region, gender."""
    explanations: dict[str, str]
    """Per participant id, one line: where they sit in each round, and why."""
    findings: list[Finding] = field(default_factory=list)
    """Where the composition falls short of a rule (too few delegates to chair…)."""
    leadership_proven: bool = True
    """Whether the chairs and rapporteurs are proven as many as the rules allow."""

    def to_dict(self) -> dict[str, Any]:
        """The assignment as plain data for `--json` and the app."""
        return {"event": self.event.id, "status": self.status, "objective": self.objective,
                "bound": self.bound, "gap": round(self.gap, 6),
                "seconds": round(self.seconds, 3), "method": self.method, "goals": self.goals,
                "groups": self.groups, "explanations": self.explanations,
                "findings": [f.to_dict() for f in self.findings],
                "leadership_proven": self.leadership_proven}


def assign_groups(event: Event, registry: Registry, *, seed: int = 0, time_limit: float = 10.0,
                  gap_limit: float = 0.005,
                  weights: dict[str, int] | None = None) -> Assignment:
    """Compose the working groups of every round with CP-SAT, and explain the result.

    Hard rules, never broken: no group over its `capacity`; pinned assignments
    kept; everyone coming (not declined, cancelled or only interpreting) in
    exactly one group per round; nobody chairs or reports more than one group
    of a round. Where the people allow it, each group has a chair who is a
    government delegate (of a State or one of its bodies) and two rapporteurs
    from different co-organising agencies (the event's conveners,
    co-organisers and co-hosts, States aside): the solver first finds the most
    chairs, then rapporteurs, then two-agency pairs the rules allow, and keeps
    that many. In a large event the chair candidates are the most senior
    government delegates (role chair, heads of delegation, ministers, senior
    officials first), four per group of a round, plus any pinned ones.

    Soft goals, minimised as a weighted sum (`WEIGHTS`, per unit):

    - `preference` (10): each step down a person's ranked list for the round;
      a group they did not list counts as ranked two places after their last
      choice; people who listed nothing for the round cost nothing anywhere.
    - `delegation` (15): each member of a delegation beyond an even spread
      over the round's groups.
    - `mix` (4): each person beyond a group's share (rounded up) of a
      stakeholder type, a UN M49 sub-region or a gender, at the group's target
      size: the size the fewest preference steps give it within its room.
    - `meeting` (3): in later rounds, each person beyond a group's share of an
      earlier group, so that people meet new people.
    - `field_staff` (3): each rapporteur who is not field staff, when some
      candidates are.
    - `all_male` (30): each group chaired and reported by men only.

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
    'Round 1: WG 1, your first choice. Round 2: WG 4, your second choice: your first \
choice was full.'
    """
    chosen = {**WEIGHTS, **(weights or {})}
    candidates = read_candidates(event, registry)
    if not candidates.people:
        raise PlannerError(f"nobody is coming to '{event.id}': no one to place in groups")
    outcome = solve_candidates(candidates, weights=chosen, seed=seed, time_limit=time_limit,
                           gap_limit=gap_limit)
    updated = apply_plan(event, candidates, outcome.plan)
    return Assignment(
        event=updated, status=outcome.status, objective=outcome.objective,
        bound=outcome.bound, gap=outcome.gap, seconds=outcome.seconds, method=outcome.method,
        goals=dict(outcome.goals),
        groups=compose_groups(updated, candidates, outcome.plan, outcome.targets),
        explanations=explain_places(candidates, outcome.plan, targets=outcome.targets),
        findings=check_composition(updated, registry),
        leadership_proven=outcome.leadership_proven)
