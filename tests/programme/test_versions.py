"""Publishing: numbered versions, a changelog of what moved, draft until published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.library.store import dump_event, parse_event
from planner.model import Event
from planner.programme.versions import (
    confirmed_slots,
    describe_changes,
    is_draft,
    publish_programme,
    published_version,
    snapshot_programme,
    unpublished_changes,
)
from tests.factories.programme import programme_data, programme_event, replace_session, session

pytestmark = pytest.mark.unit

DAY = dt.date(2030, 1, 15)


def edited(event: Event, sid: str, **over: object) -> Event:
    data = event.model_dump(exclude_defaults=True)
    return Event.model_validate(replace_session(data, sid, **over))


def test_new_programme_is_a_draft_at_version_zero() -> None:
    event = programme_event()

    assert (is_draft(event), published_version(event), confirmed_slots(event)) == (True, 0, set())


def test_first_publication_is_version_one_and_confirms_every_slot() -> None:
    event = publish_programme(programme_event(), note="rooms booked", on=DAY)

    version = event.programme.versions[0]
    assert (version.number, version.date, version.note, version.changes) == (
        1, DAY, "rooms booked", ["First published version: 6 sessions"])
    assert (is_draft(event), len(confirmed_slots(event))) == (False, 6)


def test_second_publication_records_what_moved() -> None:
    first = publish_programme(programme_event(), on=DAY)
    moved = edited(first, "round-1", group_rooms={"entry": "room-a", "return": "plenary"})
    moved = edited(moved, "closing", start="14:00", end="15:00", title="Closing session")
    data = moved.model_dump(exclude_defaults=True)
    data["sessions"] = [s for s in data["sessions"] if s["id"] != "lunch"]
    data["sessions"].append(session("press", "plenary", 2, "16:00", "16:30", title="Press",
                                    speakers=[{"name": "Mr Spokes"}]))

    second = publish_programme(Event.model_validate(data), on=DAY)

    assert second.programme.versions[1].changes == [
        "WG 2: Return moved from Room B to Plenary Hall",
        "'Closing' is now called 'Closing session'",
        "Closing session moved from day 2, 09:00–12:30 to day 2, 14:00–15:00",
        "New: Press (day 2, 16:00–16:30)",
        "Cancelled: Lunch (was day 1, 12:30–14:00)",
    ]
    assert published_version(second) == 2


def test_edit_after_publication_makes_only_that_slot_tentative() -> None:
    published = publish_programme(programme_event(), on=DAY)

    renamed = edited(published, "opening", title="Welcome")

    assert (is_draft(renamed), unpublished_changes(renamed)) == (
        True, ["'Opening' is now called 'Welcome'"])
    assert confirmed_slots(renamed) == confirmed_slots(published) - {"opening"}


def test_publishing_unchanged_programme_is_refused() -> None:
    published = publish_programme(programme_event(), on=DAY)

    with pytest.raises(PlannerError, match="has not changed since version 1"):
        publish_programme(published, on=DAY)


def test_changes_name_new_chairs_and_speakers() -> None:
    before = snapshot_programme(programme_event())
    after = snapshot_programme(Event.model_validate(replace_session(
        programme_data(), "opening", chairs=[{"participant": "amina-hassan"}])))

    assert describe_changes(before, after) == [
        "Opening: now with Ms Amina Hassan and without Ms Dina Ali"]


def test_published_event_round_trips_through_its_file() -> None:
    event = publish_programme(programme_event(), note="v1", on=DAY)

    text = dump_event(event)
    again = parse_event(text, Path("x.yaml"), None)

    assert (again.programme, dump_event(again)) == (event.programme, text)
