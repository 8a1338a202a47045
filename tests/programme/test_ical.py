"""iCalendar export: read back with icalendar, same sessions at the same venue-local times."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from planner.library import Library
from planner.model import Event
from planner.programme.ical import export_ical
from planner.programme.timetable import build_programme, event_uid, slot_uid
from planner.programme.versions import publish_programme
from tests.conftest import SHIPPED_IDS
from tests.factories.programme import programme_data, programme_event, replace_session

pytestmark = pytest.mark.unit

STAMP = dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC)


def entries(event: Event) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(export_ical(event, stamp=STAMP)).walk("VEVENT")


def local(value: dt.datetime) -> tuple[str, str]:
    return value.strftime("%Y-%m-%d %H:%M"), str(value.tzinfo)


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_ical_reads_back_same_sessions_at_same_local_times(event_id: str) -> None:
    event = Library.open().load(event_id)
    calendar = icalendar.Calendar.from_ical(export_ical(event, stamp=STAMP))

    found = [(local(e["DTSTART"].dt), local(e["DTEND"].dt)) for e in calendar.walk("VEVENT")]

    assert found == [(local(s.start), local(s.end)) for s in build_programme(event)]
    assert {str(e["DTSTART"].params["TZID"]) for e in calendar.walk("VEVENT")} <= {
        event.timezone}
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == (
        [event.timezone] if event.sessions else [])


def test_ical_manila_has_its_fourteen_sessions_in_manila_time() -> None:
    found = entries(Library.open().load("manila-2010"))

    assert (len(found), found[0]["DTSTART"].dt.isoformat(), str(found[0]["SUMMARY"])) == (
        14, "2010-11-22T08:00:00+08:00", "Registration (continued)")


def test_ical_entry_carries_summary_location_description_categories() -> None:
    first = entries(programme_event())[0]

    assert {key: str(first[key]) for key in ("SUMMARY", "LOCATION", "STATUS", "SEQUENCE")} == {
        "SUMMARY": "Opening", "LOCATION": "Plenary Hall, Palais, Geneva", "STATUS": "TENTATIVE",
        "SEQUENCE": "0"}
    assert ("RELATED-TO" in first, "URL" in first) == (False, False)
    assert (first["DESCRIPTION"], first.categories) == (
        "Chairs: Ms Dina Ali\nSpeakers: Mr Outsider, unhcr (to be confirmed)\n"
        "Interpretation: English, French", ["Plenary"])


def test_ical_uids_are_the_same_across_exports_and_title_edits() -> None:
    event = programme_event()
    renamed = Event.model_validate(replace_session(programme_data(), "opening", title="Welcome"))

    uids = [[str(e["UID"]) for e in entries(x)] for x in (event, event, renamed)]

    assert uids[0] == uids[1] == uids[2]
    assert len(set(uids[0])) == 6


def test_ical_publishing_raises_sequence_and_confirms() -> None:
    first = publish_programme(programme_event(), on=dt.date(2030, 1, 2))
    data = replace_session(first.model_dump(exclude_defaults=True), "opening", room="room-a")
    second = publish_programme(Event.model_validate(data), on=dt.date(2030, 1, 3))
    edited = Event.model_validate(replace_session(second.model_dump(exclude_defaults=True),
                                                  "closing", title="Farewell"))

    found = [[(str(e["SEQUENCE"]), str(e["STATUS"])) for e in entries(x)][::5]
             for x in (first, second, edited)]

    assert found == [[("1", "CONFIRMED"), ("1", "CONFIRMED")],
                     [("2", "CONFIRMED"), ("2", "CONFIRMED")],
                     [("2", "CONFIRMED"), ("2", "TENTATIVE")]]
    assert second.programme.versions[-1].changes == ["Opening moved from Plenary Hall to Room A"]


def test_ical_published_export_is_the_same_twice() -> None:
    event = publish_programme(programme_event(), on=dt.date(2030, 1, 2))

    assert export_ical(event) == export_ical(event)


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_ical_related_to_is_never_the_calendars_own_uid(event_id: str) -> None:
    event = Library.open().load(event_id)
    calendar = icalendar.Calendar.from_ical(export_ical(event, stamp=STAMP))
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}

    related = [str(e["RELATED-TO"]) for e in calendar.walk("VEVENT") if "RELATED-TO" in e]

    assert str(calendar["UID"]) == str(event_uid(event_id))
    assert str(event_uid(event_id)) not in related
    assert not set(related) & uids  # a round is no entry of its own: its groups name it


def test_ical_working_groups_name_their_round_and_plenaries_nothing() -> None:
    found = entries(programme_event())

    related = {str(e["SUMMARY"]): (str(e["RELATED-TO"]), e["RELATED-TO"].params["RELTYPE"])
               for e in found if "RELATED-TO" in e}

    round_uid = str(slot_uid("geneva-2030", "round-1"))
    assert related == {"WG 1: Entry systems": (round_uid, "PARENT"),
                       "WG 2: Return": (round_uid, "PARENT")}


def test_ical_links_each_entry_to_the_website() -> None:
    data = export_ical(programme_event(), stamp=STAMP, base_url="https://example.org/p")

    found = icalendar.Calendar.from_ical(data).walk("VEVENT")

    assert {str(e["URL"]) for e in found} == {"https://example.org/p"}
