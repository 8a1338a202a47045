"""frab/pretalx schedule export: the XML and JSON validate against the published schemas."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest
from lxml import etree

from planner.library import Library
from planner.model import Event
from planner.programme.frab import export_frab_json, export_frab_xml, schedule_data
from planner.programme.timetable import build_programme, slot_uid
from planner.programme.versions import publish_programme
from tests.conftest import SHIPPED_IDS
from tests.factories.programme import (
    NO_SCHEMAS,
    SCHEMAS,
    programme_data,
    programme_event,
    replace_session,
)

pytestmark = pytest.mark.integration

FRAB = SCHEMAS / "frab"
needs_schemas = pytest.mark.skipif(not FRAB.is_dir(), reason=NO_SCHEMAS)


@pytest.fixture(scope="module")
def xml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FRAB / "schedule.xml.xsd")))


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.Validator:
    schema = json.loads((FRAB / "schedule.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())


def xml_errors(schema: etree.XMLSchema, event: Event) -> list[str]:
    schema.validate(etree.fromstring(export_frab_xml(event)))
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def json_errors(validator: jsonschema.Validator, event: Event) -> list[str]:
    data = json.loads(export_frab_json(event))
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


def all_events(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry for day in data["schedule"]["conference"]["days"]
            for entries in day["rooms"].values() for entry in entries]


def crafted() -> list[Event]:
    published = publish_programme(programme_event(), on=dt.date(2030, 1, 2))
    edited = replace_session(published.model_dump(exclude_defaults=True), "opening", title="W")
    with_url = programme_data(programme={"url": "https://example.org/programme"})
    return [programme_event(), published, Event.model_validate(edited),
            Event.model_validate(with_url)]


@needs_schemas
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_frab_xml_of_shipped_event_validates(xml_schema: etree.XMLSchema, event_id: str) -> None:
    assert xml_errors(xml_schema, Library.open().load(event_id)) == []


@needs_schemas
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_frab_json_of_shipped_event_validates(json_validator: jsonschema.Validator,
                                              event_id: str) -> None:
    assert json_errors(json_validator, Library.open().load(event_id)) == []


@needs_schemas
@pytest.mark.parametrize("index", range(4))
def test_frab_crafted_programmes_validate(xml_schema: etree.XMLSchema,
                                          json_validator: jsonschema.Validator,
                                          index: int) -> None:
    event = crafted()[index]

    assert (xml_errors(xml_schema, event), json_errors(json_validator, event)) == ([], [])


def test_frab_json_dates_are_timestamps_with_offsets() -> None:
    data = schedule_data(Library.open().load("manila-2010"))

    stamps = [moment for day in data["schedule"]["conference"]["days"]
              for moment in (day["day_start"], day["day_end"])]
    stamps += [entry[key] for entry in all_events(data) for key in ("date", "end")]

    assert {dt.datetime.fromisoformat(s).utcoffset() for s in stamps} == {dt.timedelta(hours=8)}


def test_frab_maps_rooms_tracks_and_persons() -> None:
    data = schedule_data(programme_event())
    day_one = data["schedule"]["conference"]["days"][0]

    assert list(day_one["rooms"]) == ["Plenary Hall", "Room A", "Room B", "Plenary"]
    entry = day_one["rooms"]["Room A"][0]
    assert {k: entry[k] for k in ("title", "subtitle", "track", "type", "start", "duration",
                                  "abstract", "slug")} == {
        "title": "WG 1: Entry systems", "subtitle": "Working groups",
        "track": "3. Protection-sensitive entry systems", "type": "working-groups",
        "start": "11:00", "duration": "01:30", "abstract": "Borders.",
        "slug": "geneva_2030-round-1-entry"}
    assert [p["name"] for p in day_one["rooms"]["Plenary Hall"][0]["persons"]] == [
        "Ms Dina Ali", "Mr Outsider"]


def test_frab_guids_are_the_same_across_exports_and_title_edits() -> None:
    renamed = Event.model_validate(replace_session(programme_data(), "opening", title="Hi"))

    guids = [sorted(e["guid"] for e in all_events(schedule_data(x)))
             for x in (programme_event(), programme_event(), renamed)]

    assert guids[0] == guids[1] == guids[2] == sorted(
        str(slot_uid("geneva-2030", s.key)) for s in build_programme(programme_event()))


def test_frab_version_follows_publication() -> None:
    events = crafted()

    assert [schedule_data(e)["schedule"]["version"] for e in events[:3]] == [
        "draft", "1", "1+draft"]


def test_frab_language_is_the_first_working_language_as_a_code() -> None:
    data = schedule_data(programme_event(languages=["English", "French"]))

    assert {entry["language"] for entry in all_events(data)} == {"en"}
