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

    assert (code, commands) == (0, ["add", "check", "export", "grid", "move", "publish",
                                    "remove", "rooms", "versions"])
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


def test_agenda_grid_has_a_column_per_room(programme_library: Library) -> None:
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


# --- building the programme: add, move, remove, rooms ------------------------------------

def _nairobi(library: Library) -> str:
    run(library, "new", "nairobi-2027", "--from", "dar-es-salaam-2010", "--start", "2027-09-06",
        "--city", "Nairobi", "--country", "kenya")
    return "nairobi-2027"


def test_programme_add_prints_the_new_id_and_saves(programme_library: Library) -> None:
    code, output = run(programme_library, "programme", "add", "geneva-2030", "--title",
                       "Closing", "--kind", "plenary", "--day", "2", "--start", "14:00", "--end",
                       "15:30", "--room", "plenary", "--chair", "dina-ali", "--speaker",
                       "Mr Guest")
    again = run(programme_library, "agenda", "add", "geneva-2030", "--title", "Closing",
                "--kind", "plenary", "--day", "2", "--block", "afternoon")
    saved = programme_library.load("geneva-2030")
    closing = next(s for s in saved.sessions if s.id == "d2-closing")

    assert ((code, output), again) == ((0, "d2-closing\n"), (0, "d2-closing-2\n"))
    assert (closing.start, closing.end, closing.room, saved.revision) == (
        "14:00", "15:30", "plenary", 3)
    assert [(c.participant, c.name, c.tbc) for c in [*closing.chairs, *closing.speakers]] == [
        ("dina-ali", None, False), (None, "Mr Guest", True)]


def test_programme_build_nairobi_from_the_command_line(shipped_copy: Library) -> None:
    event = _nairobi(shipped_copy)
    steps = [
        ("rooms", event, "--add", "plenary", "--name", "Plenary Hall", "--capacity", "200"),
        *[("rooms", event, "--add", f"room-{n}", "--name", f"Room {n.upper()}", "--capacity",
           "40") for n in "abcd"],
        ("move", event, "d1-opening", "--start", "09:00", "--end", "10:30", "--room",
         "plenary"),
        ("add", event, "--title", "Mapping the challenge", "--kind", "plenary", "--day", "1",
         "--start", "11:00", "--end", "12:30", "--room", "plenary"),
        ("add", event, "--title", "Working groups", "--kind", "working-groups", "--day", "1",
         "--start", "14:00", "--end", "17:30", "--round", "1", "--group", "wg-human-rights",
         "--group", "wg-legal-migration", "--group", "wg-refugee-protection", "--group",
         "wg-borders-security"),
        ("add", event, "--title", "Working groups", "--kind", "working-groups", "--day", "2",
         "--start", "09:00", "--end", "12:30", "--round", "2", "--group",
         "wg-differentiated-processes", "--group", "wg-return", "--group", "wg-data",
         "--group", "wg-cooperation"),
        ("add", event, "--title", "Reporting back and closing", "--kind", "reporting-back",
         "--day", "2", "--start", "14:00", "--end", "16:00", "--room", "Plenary Hall"),
    ]
    outputs = [run(shipped_copy, "programme", *step) for step in steps]
    saved = shipped_copy.load(event)

    assert [code for code, _ in outputs] == [0] * len(steps)
    assert [out for _, out in outputs[-4:]] == [
        "d1-mapping-the-challenge\n", "d1-working-groups\n", "d2-working-groups\n",
        "d2-reporting-back-and-closing\n"]
    assert outputs[5][1] == "moved d1-opening to day 1, 09:00–10:30, room plenary\n"
    assert [g.round for g in saved.working_groups] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert run(shipped_copy, "programme", "check", event) == (0, "ok\n")


def test_programme_add_a_whole_round(shipped_copy: Library) -> None:
    event = _nairobi(shipped_copy)

    added = run(shipped_copy, "programme", "add", event, "--title", "Working groups",
                "--kind", "working-groups", "--day", "1", "--block", "afternoon", "--round", "1")
    session = shipped_copy.load(event).sessions[-1]

    assert (added, len(session.working_groups)) == ((0, "d1-working-groups\n"), 8)
    assert run(shipped_copy, "programme", "check", event) == (0, "ok\n")


@pytest.mark.parametrize(("options", "message"), [
    (["--day", "3", "--block", "morning"],
     "day 3 is outside the event: 'geneva-2030' runs from day 1 (2030-03-04) to day 2 "
     "(2030-03-05), with day 0 its eve"),
    (["--day", "1", "--start", "16:00", "--end", "15:00"],
     "'Side event' ends at 15:00, before it starts at 16:00"),
    (["--day", "1", "--start", "16:00", "--end", "17:00", "--block", "afternoon"],
     "'Side event': give clock times or a named block, not both"),
    (["--day", "1", "--block", "evening", "--room", "Room Z"],
     "no room 'Room Z' in 'geneva-2030' (rooms: plenary, room-a, room-b)"),
    (["--day", "1", "--block", "evening", "--kind", "lecture"],
     "unknown kind of session 'lecture' (kinds: plenary, working-groups, reporting-back, "
     "break, social, registration)"),
    (["--day", "1", "--start", "10:00", "--end", "11:00", "--chair", "dina-ali"],
     "Ms Dina Ali chairs 'Side event' (day 1, 10:00–11:00) but already chairs 'Opening' "
     "(day 1, 09:00–10:30) at that time"),
    (["--day", "1", "--start", "12:00", "--end", "12:15", "--speaker", "carla-diaz"],
     "Ms Carla Diaz speaks in 'Side event' (day 1, 12:00–12:15) but already reports in "
     "'WG 2: Return' (day 1, 11:00–12:30) at that time"),
    (["--day", "1", "--block", "evening", "--round", "1"],
     "a round of working groups is a session of kind 'working-groups', not 'plenary'"),
    (["--day", "2", "--block", "afternoon", "--kind", "working-groups", "--round", "2"],
     "no working group of 'geneva-2030' is in round 2 (rounds: 1)"),
])
def test_programme_add_refuses_in_one_line(programme_library: Library, options: list[str],
                                           message: str) -> None:
    before = programme_library.event_path("geneva-2030").read_text(encoding="utf-8")
    kind = [] if "--kind" in options else ["--kind", "plenary"]

    result = run(programme_library, "programme", "add", "geneva-2030", "--title", "Side event",
                 *kind, *options)

    assert result == (1, f"Error: {message}\n")
    assert programme_library.event_path("geneva-2030").read_text(encoding="utf-8") == before


def test_programme_move_keeps_the_length_and_says_where(programme_library: Library) -> None:
    moved = run(programme_library, "agenda", "move", "geneva-2030", "lunch", "--day", "2",
                "--start", "12:00")
    blocked = run(programme_library, "programme", "move", "geneva-2030", "report", "--block",
                  "afternoon", "--room", "Room A")

    assert (moved, blocked) == ((0, "moved lunch to day 2, 12:00–13:30\n"),
                                (0, "moved report to day 1, afternoon, room room-a\n"))
    assert [s.id for s in programme_library.load("geneva-2030").sessions] == [
        "opening", "round-1", "report", "closing", "lunch"]


@pytest.mark.parametrize(("options", "message"), [
    (["keynote", "--day", "2"], "no session 'keynote' in 'geneva-2030' (sessions: opening, "
                                "round-1, lunch, report, closing)"),
    (["lunch", "--start", "12:00", "--block", "afternoon"],
     "'Lunch': give clock times or a named block, not both"),
    (["lunch", "--day", "5"], "day 5 is outside the event: 'geneva-2030' runs from day 1 "
                              "(2030-03-04) to day 2 (2030-03-05), with day 0 its eve"),
    (["lunch", "--start", "14:00", "--end", "13:00"],
     "'Lunch' ends at 13:00, before it starts at 14:00"),
    (["lunch", "--room", "attic"], "no room 'attic' in 'geneva-2030' (rooms: plenary, room-a, "
                                   "room-b)"),
    (["opening", "--start", "11:00"],
     "Ms Dina Ali chairs 'Opening' (day 1, 11:00–12:30) but already sits in 'WG 2: Return' "
     "(day 1, 11:00–12:30) at that time"),
])
def test_programme_move_refuses_in_one_line(programme_library: Library, options: list[str],
                                            message: str) -> None:
    assert run(programme_library, "programme", "move", "geneva-2030", *options) == (
        1, f"Error: {message}\n")
    assert programme_library.load("geneva-2030").revision == 1


def test_programme_remove_and_an_unknown_session(programme_library: Library) -> None:
    removed = run(programme_library, "programme", "remove", "geneva-2030", "lunch")
    again = run(programme_library, "agenda", "remove", "geneva-2030", "lunch")

    assert (removed, again) == ((0, "removed lunch from geneva-2030\n"), (
        1, "Error: no session 'lunch' in 'geneva-2030' (sessions: opening, round-1, report, "
           "closing)\n"))


def test_programme_rooms_lists_and_adds(programme_library: Library) -> None:
    listed = run(programme_library, "programme", "rooms", "geneva-2030")
    added = run(programme_library, "agenda", "rooms", "geneva-2030", "--add", "annex", "--name",
                "Annex", "--capacity", "12")

    assert listed == (0, "plenary: Plenary Hall, 200 seats, used by 3 session(s)\n"
                         "room-a: Room A, 20 seats, used by 1 session(s)\n"
                         "room-b: Room B, 20 seats, used by 1 session(s)\n")
    assert added == (0, "added room annex to geneva-2030\n" + listed[1]
                     + "annex: Annex, 12 seats, used by 0 session(s)\n")


def test_programme_rooms_of_an_event_without_rooms(shipped_copy: Library) -> None:
    assert run(shipped_copy, "programme", "rooms", "dar-es-salaam-2010") == (
        0, "no rooms in 'dar-es-salaam-2010' yet\n")


@pytest.mark.parametrize(("options", "message"), [
    (["--add", "room-a", "--name", "Annex"],
     "Error: room 'room-a' is already among the rooms of 'geneva-2030'\n"),
    (["--add", "Annex", "--name", "Annex"],
     "Error: room id 'Annex': use lower-case letters, digits and hyphens (room-b)\n"),
    (["--add", "annex", "--name", "Annex", "--capacity", "0"],
     "Error: room 'annex': a capacity is between 1 and 100,000 seats, not 0\n"),
    (["--add", "annex", "--name", "Annex", "--capacity", "10000000000000000000000"],
     "Error: room 'annex': a capacity is between 1 and 100,000 seats, not "
     "10,000,000,000,000,000,000,000\n"),
])
def test_programme_rooms_refuses_in_one_line(programme_library: Library, options: list[str],
                                             message: str) -> None:
    assert run(programme_library, "programme", "rooms", "geneva-2030", *options) == (1, message)


def test_programme_rooms_options_go_together(programme_library: Library) -> None:
    alone = run(programme_library, "programme", "rooms", "geneva-2030", "--name", "Annex")
    nameless = run(programme_library, "programme", "rooms", "geneva-2030", "--add", "annex")

    assert (alone[0], alone[1].splitlines()[-1]) == (
        2, "Error: --name and --capacity go with --add ID")
    assert (nameless[0], nameless[1].splitlines()[-1]) == (2, "Error: --add ID needs --name N")
