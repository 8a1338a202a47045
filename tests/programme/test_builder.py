"""Building the programme: sessions added, edited, moved, copied and removed in programme
order; rounds scheduled in one step; rooms of the venue; every refusal in one line."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import Library
from planner.model import Event, Speaker
from planner.programme.builder import (
    add_session,
    copy_session,
    edit_session,
    move_session,
    new_session_id,
    remove_session,
    schedule_round,
)
from planner.programme.conflicts import check_programme
from planner.programme.placement import describe_placement
from planner.programme.rooms import add_room, find_room, remove_room, room_rows, set_rooms
from planner.programme.speakers import choose_speakers, speaker_of, split_speakers
from planner.programme.table import edit_sessions, session_rows
from tests.factories.programme import programme_event

pytestmark = pytest.mark.unit


@pytest.fixture
def geneva() -> Event:
    """The crafted clean programme: rooms, four people, two working groups in one round."""
    return programme_event()


@pytest.fixture
def nairobi() -> Event:
    """Nairobi 2027 as `planner new` makes it from Dar es Salaam 2010: one opening, eight
    working groups in no session."""
    library = Library.open()
    return clone_event(library.load("dar-es-salaam-2010"), new_id="nairobi-2027",
                       title="Nairobi 2027", start=dt.date(2027, 9, 6), city="Nairobi",
                       country="kenya", registry=library.registry)


def refusal(call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(PlannerError) as err:
        call(*args, **kwargs)  # type: ignore[operator]
    return str(err.value)


def places(event: Event) -> list[tuple[str, str]]:
    return [(s.id, describe_placement(s)) for s in event.sessions]


# --- ids ---------------------------------------------------------------------------------

def test_new_session_id_is_day_and_title_made_unique(geneva: Event) -> None:
    made = add_session(geneva, kind="plenary", title="Closing", day=2, start="14:00",
                       end="15:00")

    assert [new_session_id(geneva, day=2, title="Closing"),
            new_session_id(made, day=2, title="Closing"),
            new_session_id(geneva, day=1, title="Café & networking — Übung"),
            new_session_id(geneva, day=1, title="افتتاح", kind="social")] == [
        "d2-closing", "d2-closing-2", "d1-cafe-networking-ubung", "d1-social"]


def test_new_session_id_of_a_long_title_stops_at_a_word() -> None:
    long_title = "Mapping the challenge from the perspectives of origin, transit and destination"

    made = new_session_id(programme_event(), day=1, title=long_title)

    assert made == "d1-mapping-the-challenge-from-the"


# --- adding ------------------------------------------------------------------------------

def test_add_session_goes_in_programme_order(geneva: Event) -> None:
    event = add_session(geneva, kind="break", title="Coffee", day=1, start="10:30",
                        end="11:00")

    assert [s.id for s in event.sessions] == [
        "opening", "d1-coffee", "round-1", "lunch", "report", "closing"]
    assert geneva.sessions[1].id == "round-1"  # the event given is never changed


def test_add_session_in_a_block_shares_it_after_those_there(nairobi: Event) -> None:
    event = add_session(nairobi, kind="plenary", title="Keynote", day=1, block="morning")

    assert [s.id for s in event.sessions] == ["d1-opening", "d1-keynote"]
    assert check_programme(event)[0].kind == "group-unscheduled"


def test_add_session_names_roster_people_and_outsiders_to_be_confirmed(geneva: Event) -> None:
    event = add_session(geneva, kind="plenary", title="Panel", day=2, start="14:00",
                        end="15:00", room="Plenary Hall", chairs=["dina-ali"],
                        speakers=["Ms Outsider", " carla-diaz "],
                        interpretation=["English", "Arabic"])
    panel = event.sessions[-1]

    assert (panel.id, panel.room, panel.interpretation) == (
        "d2-panel", "plenary", ["English", "Arabic"])
    assert panel.chairs == [Speaker(participant="dina-ali")]
    assert panel.speakers == [Speaker(name="Ms Outsider", tbc=True),
                              Speaker(participant="carla-diaz")]


def test_add_session_reads_clock_times_as_organisers_type_them(geneva: Event) -> None:
    event = add_session(geneva, kind="break", title="Tea", day=2, start="9h30", end="9.45")

    assert places(event)[-1] == ("d2-tea", "day 2, 09:30–09:45")


def test_add_session_may_start_without_an_end(geneva: Event) -> None:
    event = add_session(geneva, kind="social", title="Dinner", day=1, start="19:30")

    assert places(event)[-2] == ("d1-dinner", "day 1, 19:30")


def test_add_session_on_the_eve_takes_registration(geneva: Event) -> None:
    event = add_session(geneva, kind="registration", title="Registration", day=0,
                        start="16:00", end="18:00")

    assert (event.sessions[0].id, check_programme(event)) == ("d0-registration", [])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"day": 3, "block": "morning"},
     "day 3 is outside the event: 'geneva-2030' runs from day 1 (2030-03-04) to day 2 "
     "(2030-03-05), with day 0 its eve"),
    ({"day": -1, "block": "morning"},
     "day -1 is outside the event: 'geneva-2030' runs from day 1 (2030-03-04) to day 2 "
     "(2030-03-05), with day 0 its eve"),
    ({"day": 0, "block": "morning"},
     "day 0 is the eve (2030-03-03): only registration or a social event goes there, not a "
     "plenary session"),
    ({"day": 1, "start": "16:00", "end": "15:00"},
     "'Side event' ends at 15:00, before it starts at 16:00"),
    ({"day": 1, "start": "16:00", "end": "16:00"},
     "'Side event' ends at 16:00, as soon as it starts"),
    ({"day": 1, "start": "16:00", "end": "17:00", "block": "afternoon"},
     "'Side event': give clock times or a named block, not both"),
    ({"day": 1}, "'Side event': give clock times (start and end) or a named block "
                 "(morning, afternoon, evening)"),
    ({"day": 1, "end": "17:00"}, "'Side event': give the start time with the end"),
    ({"day": 1, "start": "25:00"}, "'25:00' is not a clock time: write HH:MM (09:30)"),
    ({"day": 1, "block": "noon"}, "unknown block 'noon' (blocks: morning, afternoon, evening)"),
    ({"day": 1, "block": "evening", "room": "Room Z"},
     "no room 'Room Z' in 'geneva-2030' (rooms: plenary, room-a, room-b)"),
    ({"day": 1, "block": "evening", "kind": "lecture"},
     "unknown kind of session 'lecture' (kinds: plenary, working-groups, reporting-back, "
     "break, social, registration)"),
    ({"day": 1, "block": "evening", "kind": "break", "chairs": ["dina-ali"]},
     "'Side event' is a break session: only a plenary or a reporting back has chairs and "
     "speakers"),
    ({"day": 1, "block": "evening", "round": 1},
     "a round of working groups is a session of kind 'working-groups', not 'plenary'"),
    ({"day": 1, "block": "evening", "speakers": ["  "]},
     "a chair or speaker needs a participant id or a name"),
    ({"day": 1, "block": "evening", "session_id": "lunch"},
     "session 'lunch' is already in 'geneva-2030'"),
])
def test_add_session_refuses_in_one_line(geneva: Event, kwargs: dict[str, object],
                                         message: str) -> None:
    arguments = {"kind": "plenary", "title": "Side event"} | kwargs

    assert refusal(add_session, geneva, **arguments) == message


def test_add_session_refuses_a_chair_already_chairing_elsewhere(geneva: Event) -> None:
    said = refusal(add_session, geneva, kind="plenary", title="Side event", day=1,
                   start="10:00", end="11:00", chairs=["dina-ali"])

    assert said == ("Ms Dina Ali chairs 'Side event' (day 1, 10:00–11:00) but already chairs "
                    "'Opening' (day 1, 09:00–10:30) at that time")


def test_add_session_refuses_a_speaker_sitting_in_a_working_group(geneva: Event) -> None:
    said = refusal(add_session, geneva, kind="plenary", title="Side event", day=1,
                   start="12:00", end="12:15", speakers=["ben-okello"])

    assert said == ("Ms Ben Okello speaks in 'Side event' (day 1, 12:00–12:15) but already "
                    "chairs 'WG 1: Entry systems' (day 1, 11:00–12:30) at that time")


def test_add_session_refusal_is_what_the_conflict_check_would_find(geneva: Event) -> None:
    # Forced past the refusal, the same event is a double booking for `check_programme`.
    side = geneva.sessions[0].model_copy(update={"id": "side", "start": "10:00",
                                                 "end": "11:00", "room": None,
                                                 "speakers": []})
    forced = geneva.model_copy(update={"sessions": [*geneva.sessions, side]})

    assert [f.kind for f in check_programme(forced)] == ["person-double-booked"]


def test_add_session_lets_an_outsider_of_the_same_name_through(geneva: Event) -> None:
    # Only roster ids are followed across sessions: a typed name is someone from outside.
    event = add_session(geneva, kind="plenary", title="Side event", day=1, start="10:00",
                        end="11:00", chairs=["Ms Dina Ali"])

    assert event.sessions[1].chairs == [Speaker(name="Ms Dina Ali", tbc=True)]


# --- rounds of working groups -----------------------------------------------------------

def test_nairobi_groups_are_all_in_round_one_and_unscheduled(nairobi: Event) -> None:
    found = check_programme(nairobi)

    assert ({g.round for g in nairobi.working_groups}, len(nairobi.working_groups)) == ({1}, 8)
    assert [f.kind for f in found] == ["group-unscheduled"] * 8


def test_schedule_round_takes_every_group_of_the_round(nairobi: Event) -> None:
    event = schedule_round(nairobi, 1, day=1, start="14:00", end="17:30")

    assert places(event)[-1] == ("d1-working-groups-round-1",
                                 "day 1, 14:00–17:30, 8 working groups")
    assert check_programme(event) == []


def test_schedule_two_rounds_splits_the_groups_and_clears_the_programme(nairobi: Event) -> None:
    groups = [g.id for g in nairobi.working_groups]

    event = schedule_round(nairobi, 1, day=1, block="afternoon", groups=groups[:4])
    event = schedule_round(event, 2, day=2, start="09:00", end="12:30", groups=groups[4:])

    assert [g.round for g in event.working_groups] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert [s.working_groups for s in event.sessions[1:]] == [groups[:4], groups[4:]]
    assert check_programme(event) == []


def test_schedule_round_meeting_again_keeps_the_round(nairobi: Event) -> None:
    groups = [g.id for g in nairobi.working_groups]
    once = schedule_round(nairobi, 1, day=1, block="afternoon")

    again = schedule_round(once, 1, day=2, block="morning", groups=groups[:2],
                           title="Working groups (continued)")

    assert [s.working_groups for s in again.sessions[1:]] == [groups, groups[:2]]
    assert refusal(schedule_round, once, 2, day=2, block="morning", groups=groups[4:]) == (
        "working group 'wg-differentiated-processes' already meets in round 1 ('Working "
        "groups, round 1'): it cannot move to round 2")


def test_schedule_round_refuses_a_round_without_groups(nairobi: Event) -> None:
    assert refusal(schedule_round, nairobi, 2, day=2, block="morning") == (
        "no working group of 'nairobi-2027' is in round 2 (rounds: 1)")


def test_schedule_round_refuses_an_unknown_group(geneva: Event) -> None:
    assert refusal(schedule_round, geneva, 2, day=2, block="morning", groups=["exit"]) == (
        "no working group 'exit' in 'geneva-2030' (groups: entry, return)")


def test_schedule_round_keeps_the_round_of_a_group_with_members(geneva: Event) -> None:
    assert refusal(schedule_round, geneva, 2, day=2, block="afternoon", groups=["entry"]) == (
        "working group 'entry' has 2 members placed for round 1: it cannot move to round 2")


def test_add_working_groups_with_groups_but_no_round_keeps_their_rounds(geneva: Event) -> None:
    event = add_session(geneva, kind="working-groups", title="Continued", day=2,
                        start="14:00", end="16:00", groups=["entry"])

    assert (event.sessions[-1].working_groups, event.working_groups == geneva.working_groups) == (
        ["entry"], True)


# --- editing, moving, copying, removing --------------------------------------------------

def test_move_session_keeps_its_length_and_takes_its_new_place(geneva: Event) -> None:
    event = move_session(geneva, "lunch", day=2, start="12:00")

    assert places(event)[-1] == ("lunch", "day 2, 12:00–13:30")
    assert [s.id for s in event.sessions] == ["opening", "round-1", "report", "closing", "lunch"]


def test_move_session_to_a_block_drops_its_times_and_back(geneva: Event) -> None:
    to_block = move_session(geneva, "report", block="afternoon", room="room-a")
    back = move_session(to_block, "report", start="14:00", end="15:00")

    assert [places(e)[3] for e in (to_block, back)] == [
        ("report", "day 1, afternoon, room room-a"), ("report", "day 1, 14:00–15:00, room room-a")]


def test_move_session_refuses_times_and_a_block(geneva: Event) -> None:
    assert refusal(move_session, geneva, "lunch", start="12:00", block="afternoon") == (
        "'Lunch': give clock times or a named block, not both")


def test_move_session_refuses_the_chair_into_a_working_group(geneva: Event) -> None:
    assert refusal(move_session, geneva, "opening", start="11:00") == (
        "Ms Dina Ali chairs 'Opening' (day 1, 11:00–12:30) but already sits in 'WG 2: Return' "
        "(day 1, 11:00–12:30) at that time")


def test_move_session_refuses_an_unknown_session(geneva: Event) -> None:
    assert refusal(move_session, geneva, "keynote", day=2) == (
        "no session 'keynote' in 'geneva-2030' (sessions: opening, round-1, lunch, report, "
        "closing)")


def test_move_session_refuses_what_would_end_after_midnight(geneva: Event) -> None:
    assert refusal(move_session, geneva, "lunch", start="23:00") == (
        "'Lunch' would end after midnight")


def test_edit_session_keeps_an_older_clash_it_does_not_make(geneva: Event) -> None:
    # A clash already in the file is listed by the check; renaming the session is not refused.
    side = geneva.sessions[0].model_copy(update={"id": "side", "start": "10:00",
                                                 "end": "11:00", "room": None,
                                                 "speakers": []})
    clashing = geneva.model_copy(update={"sessions": [*geneva.sessions, side]})

    renamed = edit_session(clashing, "side", title="Side event")

    assert (renamed.sessions[-1].title, [f.kind for f in check_programme(renamed)]) == (
        "Side event", ["person-double-booked"])


def test_edit_session_keeps_what_it_knew_of_people_still_there(geneva: Event) -> None:
    event = edit_session(geneva, "opening", speakers=["Mr Outsider", "Ms New"], chairs=[])
    opening = event.sessions[0]

    assert (opening.chairs, opening.speakers) == ([], [
        Speaker(name="Mr Outsider", organisation="unhcr", tbc=True),
        Speaker(name="Ms New", tbc=True)])


def test_edit_session_changes_its_kind(geneva: Event) -> None:
    event = edit_session(geneva, "closing", kind="reporting-back", title="Reports")

    assert (event.sessions[-1].kind, event.sessions[-1].title) == ("reporting-back", "Reports")


def test_edit_session_refuses_chairs_on_a_break(geneva: Event) -> None:
    assert refusal(edit_session, geneva, "opening", kind="break") == (
        "'Opening' is a break session: only a plenary or a reporting back has chairs and "
        "speakers")


def test_copy_session_to_another_day_gets_a_readable_id(geneva: Event) -> None:
    event = copy_session(geneva, "lunch", day=2)

    assert places(event)[-2:] == [("closing", "day 2, morning, room plenary"),
                                  ("d2-lunch", "day 2, 12:30–14:00")]


def test_copy_session_with_its_chair_at_the_same_time_is_refused(geneva: Event) -> None:
    assert refusal(copy_session, geneva, "opening") == (
        "Ms Dina Ali chairs 'Opening' (day 1, 09:00–10:30) but already chairs 'Opening' "
        "(day 1, 09:00–10:30) at that time")


def test_copy_session_moved_elsewhere_keeps_its_people(geneva: Event) -> None:
    event = copy_session(geneva, "opening", day=2, start="16:00", end="17:00")

    assert (event.sessions[-1].id, event.sessions[-1].chairs, check_programme(event)) == (
        "d2-opening", geneva.sessions[0].chairs, [])


def test_remove_session_and_an_unknown_one(geneva: Event) -> None:
    event = remove_session(geneva, "lunch")

    assert [s.id for s in event.sessions] == ["opening", "round-1", "report", "closing"]
    assert refusal(remove_session, event, "lunch") == (
        "no session 'lunch' in 'geneva-2030' (sessions: opening, round-1, report, closing)")


# --- the table of sessions ---------------------------------------------------------------

def test_edit_sessions_applies_only_the_rows_changed(geneva: Event) -> None:
    rows = session_rows(geneva)
    rows[2] |= {"day": 2.0, "start": "12:00", "end": "13:00", "room": ""}
    rows[4] |= {"title": "Closing plenary"}

    event = edit_sessions(geneva, rows)

    assert places(event) == [("opening", "day 1, 09:00–10:30, room plenary"),
                             ("round-1", "day 1, 11:00–12:30, 2 working groups"),
                             ("report", "day 1, 14:00–15:00, room plenary"),
                             ("closing", "day 2, morning, room plenary"),
                             ("lunch", "day 2, 12:00–13:00")]
    assert event.sessions[3].title == "Closing plenary"


def test_edit_sessions_new_times_replace_a_block_and_the_other_way(geneva: Event) -> None:
    rows = session_rows(geneva)
    rows[2] |= {"block": "afternoon"}
    rows[4] |= {"start": "09:00", "end": "11:00"}

    event = edit_sessions(geneva, rows)

    assert [places(event)[i] for i in (3, 4)] == [("lunch", "day 1, afternoon"), (
        "closing", "day 2, 09:00–11:00, room plenary")]


def test_edit_sessions_refuses_a_row_as_edit_session_does(geneva: Event) -> None:
    rows = session_rows(geneva)
    rows[2] |= {"end": "12:00"}

    assert refusal(edit_sessions, geneva, rows) == (
        "'Lunch' ends at 12:00, before it starts at 12:30")


# --- speakers ----------------------------------------------------------------------------

def test_speakers_from_the_roster_else_outsiders(geneva: Event) -> None:
    unhcr = Speaker(organisation="unhcr", role="keynote", tbc=True)

    chosen = choose_speakers(geneva, [unhcr, Speaker(name="Mr Old")],
                             ["amina-hassan", "Mr  New", "amina-hassan"])

    assert chosen == [Speaker(participant="amina-hassan"), Speaker(name="Mr New", tbc=True),
                      unhcr]
    assert split_speakers(chosen) == (["amina-hassan"], ["Mr New"])
    assert speaker_of(geneva, "Amina Hassan") == Speaker(name="Amina Hassan", tbc=True)


# --- rooms -------------------------------------------------------------------------------

def test_add_room_and_list_what_uses_each(geneva: Event) -> None:
    event = add_room(geneva, room_id="room-c", name="Room C", capacity=12)

    assert room_rows(event) == [
        {"id": "plenary", "name": "Plenary Hall", "capacity": 200, "sessions": 3},
        {"id": "room-a", "name": "Room A", "capacity": 20, "sessions": 1},
        {"id": "room-b", "name": "Room B", "capacity": 20, "sessions": 1},
        {"id": "room-c", "name": "Room C", "capacity": 12, "sessions": 0}]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"room_id": "room-a", "name": "Annex"}, "room 'room-a' is already among the rooms of "
                                             "'geneva-2030'"),
    ({"room_id": "annex", "name": "room a"}, "rooms 'room-a' and 'annex' of 'geneva-2030' are "
                                             "both named 'room a'"),
    ({"room_id": "Room C", "name": "Room C"}, "room id 'Room C': use lower-case letters, "
                                              "digits and hyphens (room-b)"),
    ({"room_id": "annex", "name": " "}, "room 'annex' needs a name, as the programme prints it"),
    ({"room_id": "annex", "name": "Annex", "capacity": 0},
     "room 'annex': a capacity is between 1 and 100,000 seats, not 0"),
])
def test_add_room_refuses_in_one_line(geneva: Event, kwargs: dict[str, object],
                                      message: str) -> None:
    assert refusal(add_room, geneva, **kwargs) == message


def test_set_rooms_renames_and_sessions_naming_the_old_name_follow(geneva: Event) -> None:
    by_name = geneva.model_copy(update={"sessions": [
        s.model_copy(update={"room": "Plenary Hall"}) if s.id == "report" else s
        for s in geneva.sessions]})

    event = set_rooms(by_name, {"plenary": {"name": "Main Hall", "capacity": float("nan")}})

    assert (event.rooms[0].name, event.rooms[0].capacity, event.sessions[3].room) == (
        "Main Hall", None, "plenary")
    assert find_room(event, "main hall") == "plenary"


def test_remove_room_in_use_is_refused_and_a_free_one_goes(geneva: Event) -> None:
    free = add_room(geneva, room_id="annex", name="Annex")

    assert [r.id for r in remove_room(free, "Annex").rooms] == ["plenary", "room-a", "room-b"]
    assert refusal(remove_room, geneva, "plenary") == (
        "room 'plenary' is used by opening, report, closing: move them to another room first")
