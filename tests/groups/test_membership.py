"""Who sits in which working group: rows, capacities, moving and pinning."""

from __future__ import annotations

import math

import pytest

from planner.errors import PlannerError
from planner.groups.membership import (
    group_rows,
    move_person,
    preference_rows,
    set_capacities,
    set_preferences,
)
from tests.factories.people import people_event, person

pytestmark = pytest.mark.unit


def _event():
    return people_event(participants=[
        person("amina", working_groups=["entry"], pinned=["entry"]),
        person("peter", working_groups=["reception"])])


def test_rows_count_members_and_pins() -> None:
    rows = group_rows(_event())
    assert [(r["id"], r["members"], r["pinned"]) for r in rows] == [
        ("entry", 1, 1), ("reception", 1, 0)]


def test_capacities_accept_table_numbers_and_blanks() -> None:
    event = set_capacities(_event(), {"entry": 12.0, "reception": math.nan})
    assert [g.capacity for g in event.working_groups] == [12, None]


@pytest.mark.parametrize(("capacities", "message"), [
    ({"nowhere": 3}, "no working group 'nowhere' in 'test-2010'"),
    ({"entry": 0}, "working group 'entry': a capacity is between 1 and 100,000 people, not 0"),
    ({"entry": 10**22}, "working group 'entry': a capacity is between 1 and 100,000 people, "
                        "not 10,000,000,000,000,000,000,000"),
])
def test_capacities_refuse_what_cannot_be(capacities: dict, message: str) -> None:
    with pytest.raises(PlannerError) as caught:
        set_capacities(_event(), capacities)
    assert str(caught.value) == message


def test_move_replaces_the_group_of_that_round_and_pins_it() -> None:
    moved = move_person(_event(), "amina", "reception").participants[0]
    assert (moved.working_groups, moved.pinned) == (["reception"], ["reception"])


def test_move_without_pin_drops_the_old_pin() -> None:
    moved = move_person(_event(), "amina", "reception", pin=False).participants[0]
    assert (moved.working_groups, moved.pinned) == (["reception"], [])


def test_move_of_an_unknown_person_is_refused() -> None:
    with pytest.raises(PlannerError) as caught:
        move_person(_event(), "nobody", "entry")
    assert str(caught.value) == "no participant 'nobody' in 'test-2010'"


def test_preferences_read_as_typed_and_round_trip_through_rows() -> None:
    changed = set_preferences(_event(), {"peter": " reception ;entry, reception,"})

    assert changed.participants[1].preferences == ["reception", "entry"]
    assert preference_rows(changed)[1]["preferences"] == "reception, entry"
    assert changed.participants[0].preferences == []


@pytest.mark.parametrize(("preferences", "message"), [
    ({"nobody": "entry"}, "no participant 'nobody' in 'test-2010'"),
    ({"peter": "entry, kitchen"}, "participant 'peter': no working group 'kitchen' in "
                                  "'test-2010' (its groups: entry, reception)"),
])
def test_preferences_refuse_unknown_people_and_groups(preferences: dict, message: str) -> None:
    with pytest.raises(PlannerError) as caught:
        set_preferences(_event(), preferences)
    assert str(caught.value) == message
