"""Synthetic events: valid, realistic in shape, and the same for the same seed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.library.store import dump_event, parse_event
from planner.library.synthetic import make_synthetic_event
from planner.model import Event, OrganisationType, ParticipantRole, Registry
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit

REGISTRY = Library(SHIPPED).registry


@pytest.fixture(scope="module")
def event() -> Event:
    return make_synthetic_event(participants=300, groups=12, rounds=2, seed=0, registry=REGISTRY)


def test_synthetic_event_round_trips_through_the_store(event: Event) -> None:
    text = dump_event(event)
    assert parse_event(text, Path("synthetic.yaml"), REGISTRY) == event


def test_synthetic_event_has_the_sizes_asked_for(event: Event) -> None:
    rounds = Counter(g.round for g in event.working_groups)
    assert (len(event.participants), rounds) == (300, Counter({1: 6, 2: 6}))


def test_synthetic_rooms_hold_everyone_each_round(event: Event) -> None:
    rooms = Counter()
    for group in event.working_groups:
        rooms[group.round] += group.capacity or 0
    assert min(rooms.values()) >= len(event.participants)


def test_synthetic_first_choices_overflow_some_room(event: Event) -> None:
    first = Counter(p.preferences[0] for p in event.participants if p.preferences)
    rooms = {g.id: g.capacity for g in event.working_groups}
    assert any(count > rooms[group] for group, count in first.items())


def test_synthetic_co_organisers_can_report_every_group(event: Event) -> None:
    agencies = {r.organisation for r in event.organisers if r.role.value in
                ("convener", "co-organiser")}
    staff = Counter(p.organisation for p in event.participants if p.organisation in agencies)
    assert (agencies, sum(staff.values()) >= 12, len(staff)) == ({"unhcr", "iom"}, True, 2)


def test_synthetic_delegations_have_heads_among_their_members(event: Event) -> None:
    people = {p.id: p for p in event.participants}
    states = [d for d in event.delegations
              if REGISTRY[d.organisation].type == OrganisationType.STATE]
    assert states
    assert all(d.head in d.members for d in states if d.head)
    assert all(ParticipantRole.HEAD_OF_DELEGATION in people[d.head].roles
               for d in states if d.head)


def test_synthetic_event_mixes_genders_and_kinds(event: Event) -> None:
    genders = Counter(p.gender.value for p in event.participants if p.gender)
    kinds = {REGISTRY[p.organisation].type for p in event.participants}
    assert genders["female"] > 100 and genders["male"] > 100
    assert {OrganisationType.STATE, OrganisationType.NGO, OrganisationType.UN_AGENCY} <= kinds


def test_synthetic_event_is_the_same_for_a_seed(event: Event) -> None:
    again = make_synthetic_event(participants=300, groups=12, rounds=2, seed=0,
                                 registry=REGISTRY)
    other = make_synthetic_event(participants=300, groups=12, rounds=2, seed=1,
                                 registry=REGISTRY)
    assert (again == event, other == event) == (True, False)


def test_synthetic_event_refuses_more_rounds_than_groups() -> None:
    with pytest.raises(PlannerError, match="3 working groups cannot fill 4 rounds"):
        make_synthetic_event(participants=10, groups=3, rounds=4, registry=REGISTRY)


def test_synthetic_event_needs_a_state(registry: Registry) -> None:
    no_states = Registry(o for o in registry if o.type != OrganisationType.STATE)
    with pytest.raises(PlannerError, match="no State"):
        make_synthetic_event(participants=10, groups=2, registry=no_states)


def test_synthetic_event_works_with_a_small_registry(registry: Registry) -> None:
    event = make_synthetic_event(participants=30, groups=2, rounds=1, registry=registry)
    assert {p.organisation for p in event.participants} <= {o.id for o in registry}
