"""The programme builder on the Programme page, on Nairobi 2027 started from Dar es Salaam
2010: rooms, the two days' sessions and both rounds of working groups built in the app until
the conflict check finds nothing; each save shows at once in the grid and the conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.event.new import clone_event
from planner.library import Library
from planner.library.store import dump_event
from planner.library.yamlfile import dump_yaml
from planner.programme.conflicts import check_programme
from planner.ui import phrases
from planner.ui.state import key
from tests.factories import SMALL_REGISTRY
from tests.factories.programme import programme_event
from tests.ui.test_pages import event_app

pytestmark = pytest.mark.e2e

NAIROBI = "nairobi-2027"
ROUND_1 = ["wg-human-rights", "wg-legal-migration", "wg-refugee-protection",
           "wg-borders-security"]
ROUND_2 = ["wg-differentiated-processes", "wg-return", "wg-data", "wg-cooperation"]


@pytest.fixture
def planned(shipped_copy: Library) -> Library:
    """The shipped library with Nairobi 2027 as `planner new nairobi-2027 --from
    dar-es-salaam-2010 --start 2027-09-06 --city Nairobi --country kenya` makes it."""
    dar = shipped_copy.load("dar-es-salaam-2010")
    shipped_copy.create(clone_event(dar, new_id=NAIROBI, start=dt.date(2027, 9, 6),
                                    city="Nairobi", country="kenya",
                                    registry=shipped_copy.registry))
    return shipped_copy


def add_room(app: AppTest, room_id: str, name: str, seats: int) -> AppTest:
    prefix = key("programme_room", NAIROBI)
    app.text_input(key=f"{prefix}-id").input(room_id)
    app.text_input(key=f"{prefix}-name").input(name)
    app.number_input(key=f"{prefix}-capacity").set_value(seats)
    return app.button(key=f"{prefix}-add").click().run()


def when(app: AppTest, prefix: str, day: int, at: str) -> None:
    """Fill a form's day and `at`: clock times (`09:00-10:30`) or a named block."""
    app.number_input(key=f"{prefix}-day").set_value(day)
    if "-" not in at:
        app.radio(key=f"{prefix}-timing").set_value(phrases.PROGRAMME_BLOCK).run()
        app.selectbox(key=f"{prefix}-block").set_value(at)
        return
    app.radio(key=f"{prefix}-timing").set_value(phrases.PROGRAMME_CLOCK).run()
    for name, clock in zip(("start", "end"), at.split("-"), strict=True):
        app.time_input(key=f"{prefix}-{name}").set_value(dt.time.fromisoformat(clock))


def add_session(app: AppTest, kind: str, title: str, day: int, at: str, *, room: str = "",
                chairs: str = "", event_id: str = NAIROBI) -> AppTest:
    prefix = key("programme_add", event_id)
    app.selectbox(key=f"{prefix}-kind").set_value(kind).run()
    app.text_input(key=f"{prefix}-title").input(title)
    when(app, prefix, day, at)
    app.selectbox(key=f"{prefix}-room").set_value(room)
    if chairs:
        app.text_area(key=f"{prefix}-chairs-typed").input(chairs)
    return app.button(key=f"{prefix}-button").click().run()


def schedule_round(app: AppTest, number: int, groups: list[str], day: int, at: str) -> AppTest:
    prefix = key("programme_round", NAIROBI)
    app.number_input(key=f"{prefix}-number").set_value(number).run()
    app.multiselect(key=f"{prefix}-groups-{number}").set_value(groups)
    when(app, prefix, day, at)
    return app.button(key=f"{prefix}-button").click().run()


def conflicts(app: AppTest) -> list[str]:
    """What the Conflicts section says: the finding messages, or its all-clear."""
    table = [list(frame.value["message"]) for frame in app.dataframe
             if "message" in frame.value.columns]
    return table[0] if table else [s.value for s in app.success
                                   if s.value == phrases.PROGRAMME_NO_CONFLICTS]


def test_nairobi_starts_with_eight_groups_of_round_one_unscheduled(planned: Library) -> None:
    event = planned.load(NAIROBI)

    app = event_app("programme", planned, NAIROBI)

    assert ({g.round for g in event.working_groups}, len(event.working_groups)) == ({1}, 8)
    assert [m.endswith("meets in no session of the programme") for m in conflicts(app)] == [
        True] * 8


def test_building_nairobi_in_the_app_leaves_no_conflict(planned: Library) -> None:
    app = event_app("programme", planned, NAIROBI)
    for room_id, name, seats in (("plenary", "Plenary Hall", 250), ("room-a", "Room A", 40),
                                 ("room-b", "Room B", 40), ("room-c", "Room C", 40),
                                 ("room-d", "Room D", 40)):
        add_room(app, room_id, name, seats)
    app.session_state[key("programme_sessions", NAIROBI)] = {
        "edited_rows": {0: {"block": None, "start": "09:00", "end": "10:30",
                            "room": "plenary"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("programme_sessions", NAIROBI, "save")).click().run()
    add_session(app, "plenary", "Mapping the challenge", 1, "11:00-12:30", room="plenary")
    add_session(app, "break", "Lunch", 1, "12:30-14:00")
    schedule_round(app, 1, ROUND_1, 1, "14:00-17:30")
    after_round_1 = conflicts(app)
    add_session(app, "social", "Welcome reception", 1, "evening")
    schedule_round(app, 2, ROUND_2, 2, "09:00-12:30")
    add_session(app, "reporting-back", "Reporting back", 2, "14:00-15:30", room="plenary")
    add_session(app, "plenary", "Closing", 2, "15:30-17:00", room="plenary",
                chairs="Minister of the Interior, Kenya")
    saved = planned.load(NAIROBI)

    assert list(app.error) == []
    assert [m.split("'")[1] for m in after_round_1] == [
        g.title for g in saved.working_groups if g.id in ROUND_2]
    assert [s.id for s in saved.sessions] == [
        "d1-opening", "d1-mapping-the-challenge", "d1-lunch", "d1-working-groups-round-1",
        "d1-welcome-reception", "d2-working-groups-round-2", "d2-reporting-back", "d2-closing"]
    assert ([r.id for r in saved.rooms], saved.revision) == (
        ["plenary", "room-a", "room-b", "room-c", "room-d"], 14)
    assert [[g.id for g in saved.working_groups if g.round == n] for n in (1, 2)] == [
        ROUND_1, ROUND_2]
    assert (check_programme(saved), conflicts(app)) == ([], [phrases.PROGRAMME_NO_CONFLICTS])
    assert [frame.value.iloc[0].to_dict()["time"] for frame in app.dataframe[:2]] == [
        "09:00–10:30", "09:00–12:30"]
    assert saved.sessions[-1].chairs[0].model_dump(exclude_defaults=True) == {
        "name": "Minister of the Interior, Kenya", "tbc": True}


def test_a_refused_session_says_why_and_saves_nothing(planned: Library) -> None:
    app = event_app("programme", planned, NAIROBI)

    add_session(app, "plenary", "Closing", 2, "17:00-16:00")

    assert [e.value for e in app.error] == ["'Closing' ends at 16:00, before it starts at 17:00"]
    assert planned.load(NAIROBI).revision == 1


def test_a_chair_elsewhere_at_that_time_is_refused(tmp_path: Path) -> None:
    (tmp_path / "organisations.yaml").write_text(dump_yaml(SMALL_REGISTRY), encoding="utf-8")
    (tmp_path / "geneva-2030.yaml").write_text(dump_event(programme_event()), encoding="utf-8")
    app = event_app("programme", Library(tmp_path), "geneva-2030")
    prefix = key("programme_add", "geneva-2030")
    app.multiselect(key=f"{prefix}-chairs").set_value(["dina-ali"])

    add_session(app, "plenary", "Side event", 1, "10:00-11:00", event_id="geneva-2030")

    assert [e.value for e in app.error] == [
        "Ms Dina Ali chairs 'Side event' (day 1, 10:00–11:00) but already chairs 'Opening' "
        "(day 1, 09:00–10:30) at that time"]
    assert Library(tmp_path).load("geneva-2030").revision == 1


def test_copy_then_remove_a_session(planned: Library) -> None:
    app = event_app("programme", planned, NAIROBI)
    chosen = key("programme_session", NAIROBI)
    app.selectbox(key=chosen).set_value("d1-opening")
    app.number_input(key=f"{chosen}-day").set_value(2)
    app.button(key=f"{chosen}-copy").click().run()
    copied = [s.id for s in planned.load(NAIROBI).sessions]
    app.selectbox(key=chosen).set_value("d1-opening")
    app.button(key=f"{chosen}-remove").click().run()

    assert (copied, [s.id for s in planned.load(NAIROBI).sessions]) == (
        ["d1-opening", "d2-opening"], ["d2-opening"])
    assert [d.value for d in app.markdown if d.value.startswith("**Day")] == [
        "**Day 2 – Tuesday 7 September 2027**"]


def test_people_and_languages_of_a_session_are_saved(planned: Library) -> None:
    app = event_app("programme", planned, NAIROBI)
    people = key("programme_people", NAIROBI, "d1-opening")
    app.text_area(key=f"{people}-speakers-typed").input("Ms Keynote\nMr Panellist")
    app.multiselect(key=f"{people}-languages").set_value(["English", "French"])
    app.button(key=f"{people}-save").click().run()
    opening = planned.load(NAIROBI).sessions[0]

    assert ([s.name for s in opening.speakers], opening.interpretation) == (
        ["Ms Keynote", "Mr Panellist"], ["English", "French"])


def test_a_duplicate_room_is_refused_and_a_room_renamed(planned: Library) -> None:
    app = add_room(event_app("programme", planned, NAIROBI), "plenary", "Plenary Hall", 200)
    add_room(app, "plenary", "Main hall", 100)
    refused = [e.value for e in app.error]
    app.session_state[key("programme_rooms", NAIROBI)] = {
        "edited_rows": {0: {"name": "Baobab Hall"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("programme_rooms", NAIROBI, "save")).click().run()

    assert refused == ["room 'plenary' is already among the rooms of 'nairobi-2027'"]
    assert planned.load(NAIROBI).rooms[0].model_dump() == {
        "id": "plenary", "name": "Baobab Hall", "capacity": 200, "note": None}
