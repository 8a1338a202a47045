"""An honest bound: a lower bound of the whole problem, every round together, never above the
optimum found by enumerating every composition of small events."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.groups.assign import BOUND_SCOPE, WEIGHTS, assign_groups
from planner.groups.assign.candidates import read_candidates
from planner.groups.assign.placing import Plan
from planner.groups.assign.solve import measure, targets_of
from planner.model import Event, Registry

pytestmark = pytest.mark.integration


def _optimum(event: Event, registry: Registry) -> int:
    """The least cost of any composition that keeps the hard rules, by enumeration."""
    candidates = read_candidates(event, registry)
    targets, _ = targets_of(candidates)
    options = [[[p.pinned[r]] if r in p.pinned else candidates.by_round[r]
                for r in candidates.rounds] for p in candidates.people]
    best = None
    for choice in itertools.product(*(itertools.product(*o) for o in options)):
        plan = Plan(place=[dict(zip(candidates.rounds, route, strict=True))
                           for route in choice])
        sizes = Counter(g for place in plan.place for g in place.values())
        if any(not g.minimum <= sizes[k] <= g.capacity
               for k, g in enumerate(candidates.groups)):
            continue
        cost, _ = measure(candidates, plan, targets, WEIGHTS)
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def _person(pid: str, **over: Any) -> dict[str, Any]:
    # Nobody here may chair or report: the soft goals alone decide.
    return {"id": pid, "last_name": pid.title(), "status": "confirmed", **over}


def _groups(*spec: tuple[str, int, int]) -> list[dict[str, Any]]:
    return [{"id": g, "title": g.upper(), "round": r, "capacity": c, "min_size": 1,
             "sources": ["editor"]} for g, r, c in spec]


def test_json_says_the_bound_is_of_every_round_together(make_event: Callable[..., Event],
                                                       registry: Registry) -> None:
    event = make_event(participants=[_person("a"), _person("b")],
                       working_groups=_groups(("x", 1, 2), ("y", 2, 2)))
    shown = assign_groups(event, registry).to_dict()
    assert (shown["bound_scope"], BOUND_SCOPE) == ("all-rounds", "all-rounds")


def test_meeting_new_people_is_bounded_over_both_rounds(make_event: Callable[..., Event],
                                                        registry: Registry) -> None:
    # Four people who all want the same pair of groups: sitting them together in both
    # rounds costs "meet new people"; the bound must not assume round 1 as the solver left it.
    people = [_person(f"p{i}", country="yemen" if i % 2 else "norway",
                      gender="female" if i < 2 else "male", preferences=["a", "c"])
              for i in range(4)]
    event = make_event(participants=people, working_groups=_groups(
        ("a", 1, 3), ("b", 1, 3), ("c", 2, 3), ("d", 2, 3)))
    result = assign_groups(event, registry, gap_limit=0.0)
    best = _optimum(event, registry)
    assert result.bound <= best <= result.objective
    assert (result.status, result.objective) == ("optimal", best)


@st.composite
def small_events(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    spec = [("a", 1), ("b", 1), ("c", 2), ("d", 2)]
    size = draw(st.integers(2, 4))
    people = [_person(f"p{i}", gender=draw(st.sampled_from(["female", "male"])),
                      country=draw(st.sampled_from(["yemen", "norway", None])),
                      preferences=draw(st.lists(st.sampled_from("abcd"), max_size=3,
                                                unique=True)))
              for i in range(size)]
    groups = [{"id": g, "title": g.upper(), "round": r, "capacity": size, "min_size": 1,
               "sources": ["editor"]} for g, r in spec]
    return people, groups


@settings(max_examples=20, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(drawn=small_events())
def test_the_bound_never_passes_the_enumerated_optimum(make_event: Callable[..., Event],
                                                       registry: Registry,
                                                       drawn: tuple[list[Any], list[Any]]
                                                       ) -> None:
    people, groups = drawn
    event = make_event(participants=people, working_groups=groups)
    result = assign_groups(event, registry, gap_limit=0.0)
    best = _optimum(event, registry)
    assert result.bound <= best <= result.objective
    assert result.objective == best


@st.composite
def led_events(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    groups = [{"id": g, "title": g.upper(), "round": r, "sources": ["editor"]}
              for g, r in (("a", 1), ("b", 1), ("c", 2), ("d", 2), ("e", 2))]
    people = [_person(f"p{i}", organisation=draw(st.sampled_from(
        ["yemen", "norway", "unhcr", "iom", None])),
        gender=draw(st.sampled_from(["female", "male"])), field_staff=draw(st.booleans()),
        preferences=draw(st.lists(st.sampled_from("abcde"), max_size=3, unique=True)))
        for i in range(draw(st.integers(4, 16)))]
    return people, groups


@settings(max_examples=25, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(drawn=led_events())
def test_the_relaxation_never_passes_a_composition_with_leaders(
        make_event: Callable[..., Event], registry: Registry,
        drawn: tuple[list[Any], list[Any]]) -> None:
    from planner.groups.assign.bound import relax  # noqa: PLC0415
    from planner.groups.assign.routes import build_problem  # noqa: PLC0415
    from planner.groups.assign.solve import best_leadership, solve_candidates  # noqa: PLC0415

    people, groups = drawn
    organisers = [{"organisation": o, "role": r, "source": "editor"}
                  for o, r in (("unhcr", "convener"), ("iom", "in-cooperation-with"))]
    event = make_event(participants=people, working_groups=groups, organisers=organisers)
    candidates = read_candidates(event, registry)
    outcome = solve_candidates(candidates, weights=WEIGHTS)
    scores = {r: best_leadership(candidates, r, weights=WEIGHTS, targets=outcome.targets,
                                 seed=0, seconds=5)[1] for r in candidates.rounds}
    problem = build_problem(candidates, candidates.rounds, targets=outcome.targets,
                            weights=WEIGHTS)
    relaxed = relax(problem, scores, seconds=5)
    assert relaxed is not None
    assert relaxed.bound <= outcome.objective == measure(candidates, outcome.plan,
                                                         outcome.targets, WEIGHTS)[0]
