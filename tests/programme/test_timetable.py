"""Programme building: times from clock or named blocks, rooms for each working group, people."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.library import Library
from planner.model import Event
from planner.programme.timetable import build_programme, describe_slot, slot_uid
from tests.factories.programme import (
    person,
    programme_data,
    programme_event,
    replace_session,
    session,
)

pytestmark = pytest.mark.unit


def when(event: Event) -> dict[str, str]:
    return {slot.key: slot.when() for slot in build_programme(event)}


def test_build_sessions_sharing_a_block_split_it_in_file_order() -> None:
    event = Library.open().load("san-jose-2009")

    assert list(when(event).values())[:5] == [
        "day 1, 09:00–09:40", "day 1, 09:40–10:20", "day 1, 10:20–11:05",
        "day 1, 11:05–11:45", "day 1, 11:45–12:30"]


def test_build_block_hours_come_from_the_event() -> None:
    data = programme_data(programme={"block_hours": {"morning": {"start": "08:30",
                                                                 "end": "11:00"}}})

    assert when(Event.model_validate(data))["closing"] == "day 2, 08:30–11:00"


def test_build_session_without_end_lasts_to_the_end_of_its_block() -> None:
    data = programme_data()
    data["sessions"] += [session("dinner", "social", 1, "19:30", None),
                         session("late", "social", 1, "22:00", None)]

    assert [when(Event.model_validate(data))[k] for k in ("dinner", "late")] == [
        "day 1, 19:30–21:00", "day 1, 22:00–23:00"]


def test_build_times_are_in_the_venue_time_zone_on_the_right_dates() -> None:
    data = programme_data()
    data["sessions"].append(session("registration", "registration", 0, "17:00", "19:00"))
    slots = {slot.key: slot for slot in build_programme(Event.model_validate(data))}

    assert (slots["opening"].start.isoformat(), slots["registration"].start.isoformat(),
            slots["closing"].end.isoformat()) == (
        "2030-03-04T09:00:00+01:00", "2030-03-03T17:00:00+01:00", "2030-03-05T12:30:00+01:00")


def test_build_round_gives_each_group_its_room_and_number() -> None:
    slots = build_programme(programme_event())

    assert [(s.key, s.title, s.room, s.number) for s in slots if s.group] == [
        ("round-1/entry", "WG 1: Entry systems", "Room A", 1),
        ("round-1/return", "WG 2: Return", "Room B", 2)]


def test_build_groups_without_rooms_get_largest_free_rooms_largest_group_first() -> None:
    data = replace_session(programme_data(), "round-1", group_rooms={})
    data["rooms"].append({"id": "room-c", "name": "Room C", "capacity": 50})
    data["participants"] += [person(f"p-{n}", f"E{n}", "return") for n in range(5)]
    data["sessions"].append(session("press", "plenary", 1, "11:00", "11:30", room="room-c"))

    rooms = {s.key: s.room for s in build_programme(Event.model_validate(data)) if s.group}

    assert rooms == {"round-1/entry": "Room A", "round-1/return": "Plenary Hall"}


def test_build_round_of_one_group_uses_the_session_room() -> None:
    data = replace_session(programme_data(), "round-1", working_groups=["entry"],
                           group_rooms={}, room="room-b")

    assert [s.room for s in build_programme(Event.model_validate(data)) if s.group] == ["Room B"]


def test_build_roles_follow_chairs_rapporteurs_and_members() -> None:
    slots = {slot.key: slot for slot in build_programme(programme_event())}

    assert ([(r.person, r.part) for r in slots["round-1/entry"].roles],
            [(r.person, r.part) for r in slots["report"].roles]) == (
        [("ben-okello", "chairing"), ("amina-hassan", "reporting"),
         ("amina-hassan", "member"), ("ben-okello", "member")],
        [("amina-hassan", "reporting"), ("carla-diaz", "reporting")])


def test_slot_uid_depends_on_ids_only() -> None:
    event = programme_event()
    renamed = replace_session(programme_data(), "opening", title="Welcome", start="10:00",
                              end="11:00")

    assert ([slot_uid(event.id, s.key) for s in build_programme(event)]
            == [slot_uid(event.id, s.key) for s in build_programme(Event.model_validate(renamed))]
            != [slot_uid("other-2030", s.key) for s in build_programme(event)])


def test_describe_slot_names_people_groups_and_interpretation() -> None:
    event = programme_event()
    slots = build_programme(event)

    assert [describe_slot(slot, event) for slot in (slots[0], slots[1])] == [
        "Chairs: Ms Dina Ali\nSpeakers: Mr Outsider, unhcr (to be confirmed)\n"
        "Interpretation: English, French",
        "Chairs: Ms Ben Okello\nRapporteurs: Ms Amina Hassan\nWorking groups: Entry systems\n"
        "Borders."]


@settings(max_examples=60, deadline=None)
@given(count=st.integers(1, 60), start=st.integers(6 * 12, 11 * 12),
       length=st.integers(12, 60))
def test_block_shares_tile_the_block_without_overlap(count: int, start: int,
                                                     length: int) -> None:
    first, last = dt.time(start // 12, start % 12 * 5), dt.time((start + length) // 12,
                                                                (start + length) % 12 * 5)
    data = programme_data(sessions=[session(f"s-{n}", "plenary", 1, None, None)
                                    for n in range(count)],
                          programme={"block_hours": {"morning": {
                              "start": f"{first:%H:%M}", "end": f"{last:%H:%M}"}}})
    slots = build_programme(Event.model_validate(data))

    assert slots[0].start.time() == first
    assert slots[-1].end.time() == last
    assert all(a.end == b.start and a.start < a.end for a, b in itertools.pairwise(slots))
