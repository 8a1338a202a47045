"""Sizes: each group's minimum and capacity are hard rules; where the people cannot fill the
minimums, the solver says so and the check of the saved event says which group falls short."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from planner.errors import PlannerError
from planner.groups.assign import assign_groups, check_composition
from planner.groups.assign.sizes import default_minimum
from planner.groups.membership import set_capacities, set_minimums
from planner.library import Library
from planner.model import Event, Registry
from tests.groups.nairobi import nairobi_roster

pytestmark = pytest.mark.integration


def _sizes(event: Event) -> dict[str, int]:
    return dict(Counter(g for p in event.participants for g in p.working_groups))


def test_default_minimum_is_half_an_even_share_and_at_least_three() -> None:
    assert [default_minimum(n, k) for n, k in ((90, 8), (300, 6), (10, 8), (0, 3))] == [
        5, 25, 3, 3]


def test_nairobi_groups_hold_at_least_half_an_even_share(planned: Library) -> None:
    # Everyone asks for the first five groups: left alone, the other three would be tiny.
    event = nairobi_roster(planned)
    sizes = _sizes(assign_groups(event, planned.registry).event)
    lifted = set_minimums(event, {g.id: 1 for g in event.working_groups})
    loose = _sizes(assign_groups(lifted, planned.registry).event)
    assert (min(sizes.values()), max(sizes.values())) == (5, 15)
    assert min(loose.get(g.id, 0) for g in event.working_groups) < 5


def test_a_minimum_the_organisers_set_holds(planned: Library) -> None:
    event = set_minimums(nairobi_roster(planned), {"wg-cooperation": 12})
    result = assign_groups(event, planned.registry)
    assert (_sizes(result.event)["wg-cooperation"] >= 12, result.findings) == (
        True, [f for f in result.findings if f.kind == "rapporteurs-from-one-organisation"])


def _person(pid: str, **over: Any) -> dict[str, Any]:
    return {"id": pid, "last_name": pid.title(), "status": "confirmed", **over}


def test_minimums_the_people_cannot_fill_are_reported(make_event: Callable[..., Event],
                                                      registry: Registry) -> None:
    groups = [{"id": f"g{k}", "title": f"G{k}", "min_size": 3, "sources": ["editor"]}
              for k in range(4)]
    event = make_event(participants=[_person(f"p{i}") for i in range(10)],
                       working_groups=groups)
    result = assign_groups(event, registry)
    sizes = sorted(_sizes(result.event).values())
    unmet = [f for f in result.findings if f.kind == "group-minimum-unmet"]
    under = [f.ref for f in check_composition(result.event, registry)
             if f.kind == "group-under-minimum"]
    assert (min(sizes), sum(sizes), [f.message for f in unmet]) == (2, 10, [
        "round 1: 10 people cannot fill its 4 groups to their minimum sizes (12 in all); "
        "each holds at least 2: merge groups or lower their minimum"])
    assert len(under) == sum(size < 3 for size in sizes)


def test_a_group_of_one_is_never_composed_unreported(make_event: Callable[..., Event],
                                                     registry: Registry) -> None:
    # Eight groups for ten people: the default minimum of 3 cannot hold; each group holds
    # at least one, and the finding says so, as does the check of each short group.
    groups = [{"id": f"g{k}", "title": f"G{k}", "sources": ["editor"]} for k in range(8)]
    event = make_event(participants=[_person(f"p{i}", preferences=["g0"]) for i in range(10)],
                       working_groups=groups)
    result = assign_groups(event, registry)
    kinds = Counter(f.kind for f in result.findings)
    assert (kinds["group-minimum-unmet"], kinds["group-under-minimum"]) == (1, 8)


@pytest.mark.parametrize(("change", "message"), [
    ({"wg-return": 0}, "a minimum is between 1 and 100,000 people, not 0"),
    ({"wg-return": 100_001}, "a minimum is between 1 and 100,000 people, not 100,001"),
    ({"wg-nowhere": 3}, "no working group 'wg-nowhere'"),
])
def test_set_minimums_refuses_what_cannot_be(planned: Library, change: dict[str, int],
                                             message: str) -> None:
    with pytest.raises(PlannerError, match=message):
        set_minimums(planned.load("nairobi-2027"), change)


def test_a_minimum_above_the_capacity_is_refused(planned: Library) -> None:
    event = set_capacities(planned.load("nairobi-2027"), {"wg-return": 8})
    with pytest.raises(PlannerError, match="a minimum of 9 does not fit its capacity of 8"):
        set_minimums(event, {"wg-return": 9})
