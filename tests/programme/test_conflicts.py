"""Agenda checks: each conflict is found, with the sessions and people named; a clean one passes."""

from __future__ import annotations

from typing import Any

import pytest

from planner.library import Library
from planner.model import Event
from planner.programme.conflicts import CHECKS, check_programme
from tests.conftest import SHIPPED_IDS
from tests.factories.programme import (
    person,
    programme_data,
    programme_event,
    replace_session,
    session,
)

pytestmark = pytest.mark.unit


def kinds(data: dict[str, Any]) -> list[str]:
    return [finding.kind for finding in check_programme(Event.model_validate(data))]


def findings(data: dict[str, Any], kind: str) -> list[tuple[str, str | None]]:
    found = check_programme(Event.model_validate(data))
    return [(f.message, f.ref) for f in found if f.kind == kind]


def test_agenda_check_clean_event_passes() -> None:
    assert check_programme(programme_event()) == []


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_agenda_check_shipped_events_pass(event_id: str) -> None:
    assert check_programme(Library.open().load(event_id)) == []


def test_agenda_check_flags_chair_sitting_in_a_parallel_group() -> None:
    data = replace_session(programme_data(), "opening", start="11:00", end="12:00")

    assert findings(data, "person-double-booked") == [(
        "Ms Dina Ali is in two places at once: 'Opening' (day 1, 11:00–12:00, chairing) and "
        "'WG 2: Return' (day 1, 11:00–12:30, member)", "dina-ali")]


def test_agenda_check_flags_member_of_two_groups_of_one_round() -> None:
    data = programme_data()
    data["participants"][1]["working_groups"] = ["entry", "return"]

    assert findings(data, "person-double-booked") == [(
        "Ms Ben Okello is in two places at once: 'WG 1: Entry systems' (day 1, 11:00–12:30, "
        "chairing) and 'WG 2: Return' (day 1, 11:00–12:30, member)", "ben-okello")]


def test_agenda_check_flags_outside_speaker_in_two_overlapping_sessions() -> None:
    data = programme_data()
    data["sessions"].append(session("side", "plenary", 1, "10:00", "11:00", title="Side event",
                                    speakers=[{"name": "Mr  Outsider"}]))

    assert findings(data, "person-double-booked") == [(
        "Mr Outsider is in two places at once: 'Opening' (day 1, 09:00–10:30, speaking) and "
        "'Side event' (day 1, 10:00–11:00, speaking)", "name:mr outsider")]


def test_agenda_check_flags_rapporteur_reporting_while_chairing_elsewhere() -> None:
    data = programme_data()
    data["sessions"].append(session("donors", "plenary", 1, "14:30", "15:30", title="Donors",
                                    room="room-a", chairs=[{"participant": "carla-diaz"}]))

    assert findings(data, "person-double-booked") == [(
        "Ms Carla Diaz is in two places at once: 'Reporting back' (day 1, 14:00–15:00, "
        "reporting) and 'Donors' (day 1, 14:30–15:30, chairing)", "carla-diaz")]


def test_agenda_check_flags_room_double_booked_within_a_round() -> None:
    data = replace_session(programme_data(), "round-1",
                           group_rooms={"entry": "room-a", "return": "room-a"})

    assert findings(data, "room-double-booked") == [(
        "Room A is booked twice in the round 'Working groups' (day 1, 11:00–12:30): "
        "'WG 1: Entry systems' and 'WG 2: Return'", "round-1/entry")]


def test_agenda_check_flags_sessions_overlapping_in_one_room() -> None:
    data = replace_session(programme_data(), "lunch", start="12:00", room="room-b")

    assert findings(data, "room-overlap") == [(
        "Room B holds 'WG 2: Return' (day 1, 11:00–12:30) and 'Lunch' (day 1, 12:00–14:00) at "
        "overlapping times", "lunch")]


def test_agenda_check_flags_round_with_more_groups_than_free_rooms() -> None:
    data = programme_data()
    data["working_groups"].append({"id": "data", "title": "Data", "sources": ["concept-note"]})
    data = replace_session(data, "round-1", working_groups=["entry", "return", "data"],
                           group_rooms={})
    data["sessions"].append(session("press", "plenary", 1, "11:00", "12:00", title="Press",
                                    room="plenary"))

    assert findings(data, "round-short-of-rooms") == [(
        "the round 'Working groups' (day 1, 11:00–12:30) has 3 working groups but 2 free rooms "
        "(Room A, Room B); without a room: WG 3: Data", "round-1")]


def test_agenda_check_flags_group_larger_than_its_room() -> None:
    data = programme_data()
    data["participants"] += [person(f"p-{n}", f"Extra{n}", "return") for n in range(20)]

    assert findings(data, "room-too-small") == [(
        "'WG 2: Return' (day 1, 11:00–12:30) has 22 people but Room B seats 20",
        "round-1/return")]


def test_agenda_check_flags_session_after_the_last_day() -> None:
    data = replace_session(programme_data(), "closing", day=3)

    assert findings(data, "outside-dates") == [(
        "'Closing' is on day 3 (2030-03-06) but the event runs 2030-03-04 to 2030-03-05 "
        "(2 days)", "closing")]


def test_agenda_check_flags_working_session_on_the_eve_but_not_a_reception() -> None:
    data = programme_data()
    data["sessions"] += [session("eve-talk", "plenary", 0, "18:00", "19:00", title="Eve talk"),
                         session("eve-drinks", "social", 0, "19:00", "20:00", title="Drinks")]

    assert findings(data, "outside-dates") == [(
        "'Eve talk' is on the eve (2030-03-03), before the event starts on 2030-03-04; only "
        "registration and receptions go there", "eve-talk")]


def test_agenda_check_flags_planned_group_no_round_schedules() -> None:
    data = programme_data()
    data["working_groups"] += [
        {"id": "data", "title": "Data", "round": 2, "sources": ["concept-note"]},
        {"id": "reported", "title": "Only in the report", "sources": ["summary-report"]}]

    assert findings(data, "group-unscheduled") == [(
        "working group 'Data' (round 2) meets in no session of the programme", "data")]


def test_agenda_check_flags_unknown_room_and_person() -> None:
    data = replace_session(programme_data(), "opening", room="attic",
                           chairs=[{"participant": "nobody"}])

    assert (findings(data, "unknown-room"), findings(data, "unknown-person")) == (
        [("session 'Opening' uses room 'attic', which is not among the event's rooms "
          "(plenary, room-a, room-b)", "opening")],
        [("session 'Opening' names participant 'nobody', who is not among the event's "
          "participants", "nobody")])


def test_agenda_check_every_kind_is_documented_and_triggered() -> None:
    data = programme_data()
    data["working_groups"].append({"id": "data", "title": "Data", "sources": ["concept-note"]})
    data["participants"][3]["working_groups"] = ["return", "entry"]
    data["participants"] += [person(f"p-{n}", f"E{n}", "return") for n in range(25)]
    data["sessions"] += [session("x", "plenary", 3, "11:00", "12:00", room="attic",
                                 chairs=[{"participant": "nobody"}]),
                         session("y", "break", 1, "11:00", "11:30", room="room-b")]
    data = replace_session(data, "round-1", group_rooms={"entry": "room-b", "return": "room-b"})
    data["rooms"] = data["rooms"][1:]

    assert sorted(set(kinds(data))) == sorted(CHECKS)
