"""frab/pretalx schedule export: the XML and JSON validate against the published schemas."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import jsonschema
import pytest
from lxml import etree

from planner.errors import PlannerError
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


# voc's schedule.xml.xsd, and the stricter one its tools also check: a <subtitle> on every
# event, slugs `{acronym}-{id}-{title}`, no tracks, url or `code` where it has none.
XSDS = ("schedule.xml.xsd", "schedule-without-person.xml.xsd")
WEBSITE = "https://example.org/geneva-2030/programme"


@pytest.fixture(scope="module", params=XSDS)
def xml_schema(request: pytest.FixtureRequest) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FRAB / request.param)))


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.Validator:
    schema = json.loads((FRAB / "schedule.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())


def xml_errors(schema: etree.XMLSchema, event: Event, base_url: str | None = None) -> list[str]:
    schema.validate(etree.fromstring(export_frab_xml(event, base_url=base_url)))
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def json_errors(validator: jsonschema.Validator, event: Event,
                base_url: str | None = None) -> list[str]:
    data = json.loads(export_frab_json(event, base_url=base_url))
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
@pytest.mark.parametrize("base_url", [None, WEBSITE], ids=["no-website", "website"])
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_frab_xml_of_shipped_event_validates(xml_schema: etree.XMLSchema, event_id: str,
                                             base_url: str | None) -> None:
    assert xml_errors(xml_schema, Library.open().load(event_id), base_url) == []


@needs_schemas
@pytest.mark.parametrize("base_url", [None, WEBSITE], ids=["no-website", "website"])
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_frab_json_of_shipped_event_validates(json_validator: jsonschema.Validator,
                                              event_id: str, base_url: str | None) -> None:
    assert json_errors(json_validator, Library.open().load(event_id), base_url) == []


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
    assert {k: entry[k] for k in ("id", "title", "subtitle", "track", "type", "start",
                                  "duration", "abstract", "slug")} == {
        "id": 2, "title": "WG 1: Entry systems", "subtitle": "Working groups",
        "track": "3. Protection-sensitive entry systems", "type": "working-groups",
        "start": "11:00", "duration": "01:30", "abstract": "Borders.",
        "slug": "geneva_2030-2-wg-1-entry-systems"}
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


def test_frab_slug_is_pretalxs_acronym_id_title() -> None:
    arabic = Event.model_validate(replace_session(programme_data(), "opening",
                                                  title="\u0627\u0641\u062a\u062a\u0627\u062d"))
    accented = Event.model_validate(replace_session(programme_data(), "opening",
                                                    title="Séance d'ouverture — Día 1"))

    slugs = [all_events(schedule_data(e))[0]["slug"] for e in (arabic, accented)]

    # A title with no ASCII letters falls back on the session's id.
    assert slugs == ["geneva_2030-1-opening", "geneva_2030-1-seance-d-ouverture-dia-1"]


def test_frab_without_a_website_has_no_url_apps_cannot_open() -> None:
    event = programme_event()
    root = etree.fromstring(export_frab_xml(event))

    assert (root.findall(".//url"), root.findall(".//base_url")) == ([], [])
    # The JSON schema wants a url on every event: a urn names it, and nothing more.
    assert {entry["url"][:9] for entry in all_events(schedule_data(event))} == {"urn:uuid:"}


def test_frab_with_base_url_links_each_session_to_the_website() -> None:
    event = programme_event()
    root = etree.fromstring(export_frab_xml(event, base_url=WEBSITE))
    data = schedule_data(event, base_url=WEBSITE)

    urls = [node.findtext("url") for node in root.iter("event")]
    slugs = [node.findtext("slug") for node in root.iter("event")]
    assert urls == [f"{WEBSITE}#{slug}" for slug in slugs]
    assert root.findtext("conference/base_url") == WEBSITE
    assert (data["schedule"]["base_url"], data["schedule"]["conference"]["url"]) == (
        WEBSITE, WEBSITE)
    assert [e["url"] for e in all_events(data)] == [f"{WEBSITE}#{e['slug']}"
                                                    for e in all_events(data)]


def test_frab_programme_url_is_the_website_by_default() -> None:
    event = Event.model_validate(programme_data(programme={"url": WEBSITE}))

    assert {e["url"].partition("#")[0] for e in all_events(schedule_data(event))} == {WEBSITE}


def test_frab_bad_base_url_is_refused() -> None:
    with pytest.raises(PlannerError, match=r"--base-url 'example\.org': give the address of"):
        export_frab_xml(programme_event(), base_url="example.org")


def test_frab_xml_event_has_the_elements_pretalx_writes() -> None:
    root = etree.fromstring(export_frab_xml(programme_event(languages=["French"]),
                                            base_url=WEBSITE))
    first = root.find(".//event")

    assert [child.tag for child in first] == [
        "room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug",
        "track", "persons", "language", "description", "recording", "links", "attachments",
        "url"]
    assert (first.findtext("language"), first.findtext("recording/optout")) == ("fr", "true")
    assert [child.tag for child in root.find("conference")] == [
        "title", "acronym", "start", "end", "days", "timeslot_duration", "base_url",
        "time_zone_name"]


def test_frab_json_event_has_a_pretalx_code() -> None:
    codes = [e["code"] for e in all_events(schedule_data(programme_event()))]

    assert all(re.fullmatch("[0-9A-Z]{6}", code) for code in codes)
    assert len(set(codes)) == len(codes)
