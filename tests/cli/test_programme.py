"""`planner agenda`: check, export, publish and versions, end to end on library folders."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from planner.cli import cli
from planner.library import Library
from planner.library.store import dump_event
from planner.library.yamlfile import dump_yaml
from planner.model import Event
from planner.programme.timetable import build_programme
from tests.conftest import SHIPPED_IDS, SMALL_REGISTRY
from tests.factories.programme import NO_SCHEMAS, SCHEMAS, programme_data, replace_session

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


@pytest.fixture
def programme_library(tmp_path: Path) -> Library:
    """A library holding the crafted programme `geneva-2030`."""
    (tmp_path / "organisations.yaml").write_text(dump_yaml(SMALL_REGISTRY), encoding="utf-8")
    event = Event.model_validate(programme_data())
    (tmp_path / "geneva-2030.yaml").write_text(dump_event(event), encoding="utf-8")
    return Library(tmp_path)


@pytest.mark.parametrize("group", ["programme", "agenda"])
def test_programme_and_its_old_name_agenda_both_answer(programme_library: Library,
                                                       group: str) -> None:
    code, text = run(programme_library, group, "--help")
    commands = [line.split()[0] for line in text.partition("Commands:")[2].splitlines()
                if line.strip()]

    assert (code, commands) == (0, ["check", "export", "grid", "publish", "versions"])
    assert run(programme_library, group, "check", "geneva-2030") == (0, "ok\n")


def test_planner_help_names_programme_and_hides_the_old_name(programme_library: Library) -> None:
    code, text = run(programme_library, "--help")
    commands = [line.split()[0] for line in text.partition("Commands:")[2].splitlines()
                if line.strip()]

    assert (code, "programme" in commands, "agenda" in commands) == (0, True, False)


def test_agenda_check_clean_event_says_ok(programme_library: Library) -> None:
    assert run(programme_library, "agenda", "check", "geneva-2030") == (0, "ok\n")


def test_agenda_check_exits_one_and_names_the_conflict(programme_library: Library) -> None:
    data = replace_session(programme_data(), "lunch", start="12:00", room="room-b")
    programme_library.event_path("geneva-2030").write_text(
        dump_event(Event.model_validate(data)), encoding="utf-8")

    code, output = run(programme_library, "agenda", "check", "geneva-2030", "--json")

    assert (code, json.loads(output)) == (1, [{
        "kind": "room-overlap", "ref": "lunch",
        "message": "Room B holds 'WG 2: Return' (day 1, 11:00–12:30) and 'Lunch' "
                   "(day 1, 12:00–14:00) at overlapping times"}])


def test_agenda_publish_twice_then_after_a_move(programme_library: Library) -> None:
    first = run(programme_library, "agenda", "publish", "geneva-2030", "--note", "booked")
    again = run(programme_library, "agenda", "publish", "geneva-2030")
    path = programme_library.event_path("geneva-2030")
    path.write_text(path.read_text(encoding="utf-8").replace("return: room-b", "return: plenary"),
                    encoding="utf-8")
    moved = run(programme_library, "agenda", "publish", "geneva-2030")

    assert [first, again, moved] == [
        (0, "published version 1 of geneva-2030\n  First published version: 6 sessions\n"),
        (1, "Error: nothing to publish: the programme of 'geneva-2030' has not changed since "
            "version 1\n"),
        (0, "published version 2 of geneva-2030\n  WG 2: Return moved from Room B to "
            "Plenary Hall\n")]
    versions = json.loads(run(programme_library, "agenda", "versions", "geneva-2030",
                              "--json")[1])
    assert ([v["number"] for v in versions["versions"]], versions["draft"]) == ([1, 2], False)


def test_agenda_export_unknown_event_is_one_line(programme_library: Library,
                                                 tmp_path: Path) -> None:
    code, output = run(programme_library, "agenda", "export", "nowhere", "--format", "ics",
                       "-o", str(tmp_path / "x.ics"))

    assert (code, output.startswith("Error: no event 'nowhere'")) == (1, True)


@pytest.mark.skipif(not (SCHEMAS / "frab").is_dir(), reason=NO_SCHEMAS)
@pytest.mark.parametrize("template", ["dakar-2008", "manila-2010"])
def test_event_from_planner_new_exports_valid_files(shipped_copy: Library, tmp_path: Path,
                                                    template: str) -> None:
    run(shipped_copy, "new", "nairobi-2027", "--from", template, "--start", "2027-09-06",
        "--city", "Nairobi", "--country", "kenya")
    codes = [run(shipped_copy, "agenda", "export", "nairobi-2027", "--format", fmt, "-o",
                 str(tmp_path / f"out.{fmt}"))[0] for fmt in ("ics", "frab-xml", "frab-json")]
    event = shipped_copy.load("nairobi-2027")

    calendar = icalendar.Calendar.from_ical((tmp_path / "out.ics").read_bytes())
    xsds = [etree.XMLSchema(etree.parse(str(SCHEMAS / "frab" / name)))
            for name in ("schedule.xml.xsd", "schedule-without-person.xml.xsd")]
    schema = json.loads((SCHEMAS / "frab" / "schedule.schema.json").read_text(encoding="utf-8"))
    data = json.loads((tmp_path / "out.frab-json").read_text(encoding="utf-8"))

    assert codes == [0, 0, 0]
    assert [e["DTSTART"].dt.replace(tzinfo=None) for e in calendar.walk("VEVENT")] == [
        s.start.replace(tzinfo=None) for s in build_programme(event)]
    assert str(calendar.walk("VEVENT")[0]["DTSTART"].dt.date()) == "2027-09-06"
    assert str(calendar["UID"]) not in {str(e.get("RELATED-TO")) for e in calendar.walk("VEVENT")}
    for xsd in xsds:
        assert xsd.validate(etree.parse(str(tmp_path / "out.frab-xml"))), xsd.error_log
    assert list(jsonschema.Draft6Validator(schema).iter_errors(data)) == []


def test_agenda_grid_has_a_column_per_room(programme_library: Library) -> None:
def test_agenda_export_links_sessions_to_the_website(programme_library: Library) -> None:
    result = CliRunner().invoke(cli, ["--library", str(programme_library.path), "agenda",
                                      "export", "geneva-2030", "--format", "frab-xml", "-o", "-",
                                      "--base-url", "https://example.org/2030"])

    root = etree.fromstring(result.stdout_bytes)
    assert (result.exit_code, root.findtext("conference/base_url")) == (
        0, "https://example.org/2030")
    assert root.findtext(".//event/url") == (
        f"https://example.org/2030#{root.findtext('.//event/slug')}")


def test_agenda_export_bad_base_url_is_one_line(programme_library: Library,
                                                tmp_path: Path) -> None:
    code, output = run(programme_library, "agenda", "export", "geneva-2030", "--format", "ics",
                       "-o", str(tmp_path / "x.ics"), "--base-url", "www.example.org")

    assert (code, output) == (1, "Error: --base-url 'www.example.org': give the address of the "
                                 "event's website, starting with https:// or http://\n")
    assert not (tmp_path / "x.ics").exists()


    code, output = run(programme_library, "agenda", "grid", "geneva-2030")

    assert (code, output.splitlines()) == (0, [
        "Day 1 – Monday 4 March 2030",
        "time         Plenary Hall    Room A               Room B        (no room)",
        "09:00–10:30  Opening",
        "11:00–12:30                  WG 1: Entry systems  WG 2: Return",
        "12:30–14:00                                                     Lunch",
        "14:00–15:00  Reporting back",
        "",
        "Day 2 – Tuesday 5 March 2030",
        "time         Plenary Hall",
        "09:00–12:30  Closing"])


def test_agenda_grid_json_is_the_grid(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "agenda", "grid", "dar-es-salaam-2010", "--json")

    assert (code, json.loads(output)) == (0, [{
        "day": "Day 1 – Monday 6 September 2010", "rooms": ["(no room)"],
        "rows": [{"time": "09:00–12:30", "(no room)": "Opening"}]}])


def test_agenda_grid_without_sessions_and_unknown_event(shipped_copy: Library) -> None:
    empty = run(shipped_copy, "agenda", "grid", "geneva-2008-borders")
    unknown = run(shipped_copy, "agenda", "grid", "nowhere")

    assert empty == (0, "no sessions in 'geneva-2008-borders'\n")
    assert unknown == (1, f"Error: no event 'nowhere' in {shipped_copy.path} "
                          f"(known: {', '.join(SHIPPED_IDS)})\n")
