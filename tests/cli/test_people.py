"""`planner participants import|list|set|export` and `planner balance`: registration lists
imported, the roster as text and JSON, edits saved as the app saves, exports that import back,
and the balance of an event."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from planner.model import StatusChange
from planner.people.importing import import_participants
from planner.people.roster import roster_rows
from tests.factories.indico import delegates, indico_csv, indico_xlsx
from tests.factories.people import (
    balanced,
    hostile_event,
    nairobi_event,
    people,
    people_event,
    people_registry,
    write_library,
)

pytestmark = pytest.mark.e2e

EVENT = "synthetic-12-0"
REGISTRY = people_registry()


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "participants", *args])
    return result.exit_code, result.output


def test_participants_list_prints_one_line_per_person(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "list", EVENT)

    assert (code, len(output.splitlines()), output.splitlines()[4:6]) == (0, 12, [
        "p-00005 Ms Zainab Mwangi   confirmed roles: head-of-delegation; delegation: canada "
        "(head); public; groups: -  [Canada]",
        "p-00006 Mr Samuel Nguyen   confirmed roles: delegate; delegation: canada; public; "
        "groups: -  [Canada]"])


def test_participants_list_json_is_the_roster(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "list", EVENT, "--json")

    expected = roster_rows(synthetic_library.load(EVENT), synthetic_library.registry)
    assert (code, json.loads(output)) == (0, expected)


def test_participants_list_of_an_event_without_people(shipped_copy: Library) -> None:
    assert run(shipped_copy, "list", "dakar-2008") == (0, "no participants in 'dakar-2008'\n")


def test_participants_set_status_is_dated_in_the_history(synthetic_library: Library) -> None:
    before = synthetic_library.load(EVENT).participants

    result = run(synthetic_library, "set", EVENT, "p-00006", "--status", "declined",
                 "--date", "2012-04-01")

    after = synthetic_library.load(EVENT).participants
    assert result == (0, "updated p-00006 in synthetic-12-0 (revision 2)\np-00006 Mr Samuel "
                         "Nguyen declined  roles: delegate; delegation: canada; public; "
                         "groups: -  [Canada]\n")
    assert (after[5].status.value, after[5].history) == ("declined", [StatusChange(
        status="declined", on=dt.date(2012, 4, 1), note="changed in the roster")])
    assert after[:5] + after[6:] == before[:5] + before[6:]


def test_participants_set_status_is_dated_today_by_default(synthetic_library: Library) -> None:
    code, _ = run(synthetic_library, "set", EVENT, "p-00006", "--status", "cancelled")

    history = synthetic_library.load(EVENT).participants[5].history
    assert (code, [(h.status.value, h.on) for h in history]) == (
        0, [("cancelled", dt.date.today())])


def test_participants_set_roles_delegation_head_consent(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "set", EVENT, "p-00003", "--role", "chair", "--role",
                       "rapporteur", "--delegation", "canada", "--head", "--no-consent")

    event = synthetic_library.load(EVENT)
    person = event.participants[2]
    assert (code, output.splitlines()[1]) == (0, (
        "p-00003 Mr Nurlan Ochieng confirmed roles: chair, rapporteur; delegation: canada "
        "(head); not public; groups: -  [UNHCR]"))
    assert ([r.value for r in person.roles], person.consent_to_publish, person.history) == (
        ["chair", "rapporteur"], False, [])
    assert [(d.organisation, d.head, d.members) for d in event.delegations] == [
        ("canada", "p-00003", ["p-00005", "p-00006", "p-00007", "p-00003"]),
        ("iom", None, ["p-00001", "p-00004"]), ("unhcr", None, ["p-00002"])]


def test_participants_set_delegation_none_takes_them_out(synthetic_library: Library) -> None:
    code, _ = run(synthetic_library, "set", EVENT, "p-00002", "--delegation", "none")

    delegations = synthetic_library.load(EVENT).delegations
    assert (code, [(d.organisation, d.members) for d in delegations]) == (0, [
        ("canada", ["p-00005", "p-00006", "p-00007"]), ("iom", ["p-00001", "p-00004"]),
        ("unhcr", ["p-00003"])])


@pytest.mark.parametrize(("args", "message"), [
    (["p-99999", "--status", "invited"], "no participant 'p-99999' in 'synthetic-12-0'"),
    (["p-00001", "--delegation", "narnia"],
     "no delegation 'narnia' in 'synthetic-12-0': choose from acbc, canada, iom, iran, "
     "save-the-children, sco, unhcr, unhcr-standing-committee (or 'none')"),
])
def test_participants_set_refusals_are_one_line(synthetic_library: Library, args: list[str],
                                                message: str) -> None:
    before = synthetic_library.event_path(EVENT).read_bytes()

    result = run(synthetic_library, "set", EVENT, *args)

    assert result == (1, f"Error: {message}\n")
    assert synthetic_library.event_path(EVENT).read_bytes() == before


def test_participants_set_unknown_event_is_one_line(synthetic_library: Library) -> None:
    assert run(synthetic_library, "set", "nowhere", "p-00001", "--consent") == (
        1, f"Error: no event 'nowhere' in {synthetic_library.path} (known: synthetic-12-0)\n")


# --- export -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_export_writes_a_file_that_imports_back(tmp_path: Path, fmt: str) -> None:
    library = write_library(tmp_path / "events", hostile_event())
    output = tmp_path / f"people.{fmt}"
    result = CliRunner().invoke(cli, ["--library", str(library.path), "participants", "export",
                                      "test-2010", "--format", fmt, "-o", str(output)])
    back, _ = import_participants(people_event(), output.read_bytes(), name=output.name,
                                  registry=REGISTRY)
    expected = hostile_event().participants
    # A carriage return is a control character: the library keeps it as a space (#20), so
    # the tag "\r=1" comes back as the text "=1", still never run as a formula.
    expected[0] = expected[0].model_copy(update={"tags": ["=1"]})
    assert (result.exit_code, result.output) == (0, f"wrote 3 participants to {output}\n")
    assert back.participants == expected


def test_cli_public_export_leaves_out_the_private(tmp_path: Path) -> None:
    library = write_library(tmp_path / "events", hostile_event())
    output = tmp_path / "public.csv"
    CliRunner().invoke(cli, ["--library", str(library.path), "participants", "export",
                             "test-2010", "--format", "csv", "-o", str(output), "--public"])
    text = output.read_text(encoding="utf-8-sig")
    assert ("Private" in text, "Declined" in text, "@example.org" in text) == (
        False, False, False)


# --- import -------------------------------------------------------------------------------

@pytest.fixture
def library(tmp_path: Path) -> Library:
    return write_library(tmp_path / "events", people_event())


def invoke(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


@pytest.fixture
def nairobi(tmp_path: Path) -> Library:
    return write_library(tmp_path / "events", nairobi_event())


def test_cli_import_dry_run_writes_nothing(nairobi: Library, tmp_path: Path) -> None:
    file = tmp_path / "registrations.csv"
    file.write_bytes(indico_csv(delegates()))
    before = nairobi.event_path("nairobi-2027").read_bytes()
    code, output = invoke(nairobi, "participants", "import", "nairobi-2027", str(file),
                          "--dry-run")
    assert (code, nairobi.event_path("nairobi-2027").read_bytes()) == (0, before)
    assert output.splitlines()[0] == ("registrations.csv (CSV, comma-separated, UTF-8 with "
                                      "BOM): 31 rows: 31 imported, 0 merged, 0 rejected")
    assert output.splitlines()[-1] == "dry run: nothing written"


def test_cli_import_saves_through_the_library(nairobi: Library, tmp_path: Path) -> None:
    file = tmp_path / "registrations.xlsx"
    file.write_bytes(indico_xlsx(delegates()))
    code, output = invoke(nairobi, "participants", "import", "nairobi-2027", str(file),
                          "--json")
    saved = nairobi.load("nairobi-2027")
    assert (code, json.loads(output)["counts"]["imported"]) == (0, 31)
    assert (len(saved.participants), saved.revision) == (31, 2)


UNKNOWN = (b"Name,Organisation,Country\nA,International Rescue Committee,Kenya\n"
           b"B,IRC,Somalia\nC,Ministry of Home Affairs,Zambia\nD,UNHRC,\nE,UNHCR,Kenya\n")


def test_cli_import_holds_unknown_organisations_without_consent(nairobi: Library,
                                                                tmp_path: Path) -> None:
    file = tmp_path / "list.csv"
    file.write_bytes(UNKNOWN)
    registry_file = nairobi.path / "organisations.yaml"
    before = registry_file.read_bytes()
    code, output = invoke(nairobi, "participants", "import", "nairobi-2027", str(file))
    lines = output.splitlines()
    assert (code, registry_file.read_bytes()) == (0, before)
    assert lines[:5] == [
        "list.csv (CSV, comma-separated, UTF-8): 5 rows: 1 imported, 0 merged, 0 rejected, "
        "4 held",
        "3 organisations not settled, their rows held (2 can be added as proposed with "
        "--add-organisations):",
        "  'International Rescue Committee': add as ngo 'international-rescue-committee'; "
        "2 people (rows 2, 3)",
        "  'Ministry of Home Affairs': add as government-body of zambia "
        "'zambia-ministry-of-home-affairs'; 1 person (rows 4); it may be 'tanzania-moha'",
        "  'UNHRC': add as un-agency 'unhrc' (or is it 'unhcr', misspelt?); 1 person (rows 5); "
        "it may be 'unhcr'"]
    assert [p.id for p in nairobi.load("nairobi-2027").participants] == ["e"]


def test_cli_import_add_organisations_appends_to_the_registry(nairobi: Library,
                                                              tmp_path: Path) -> None:
    file = tmp_path / "list.csv"
    file.write_bytes(UNKNOWN)
    registry_file = nairobi.path / "organisations.yaml"
    before = registry_file.read_text(encoding="utf-8")
    code, output = invoke(nairobi, "participants", "import", "nairobi-2027", str(file),
                          "--add-organisations", "--organisation", "unhrc=unhcr")
    after = registry_file.read_text(encoding="utf-8")
    library = Library(nairobi.path)
    event = library.load("nairobi-2027")
    assert (code, after.startswith(before), output.splitlines()[-2]) == (
        0, True, f"added 2 organisations to {registry_file}")
    assert [(o.id, o.type.value, o.parent) for o in list(library.registry)[-2:]] == [
        ("international-rescue-committee", "ngo", None),
        ("zambia-ministry-of-home-affairs", "government-body", "zambia")]
    assert [(p.id, p.organisation) for p in event.participants] == [
        ("a", "international-rescue-committee"), ("b", "international-rescue-committee"),
        ("c", "zambia-ministry-of-home-affairs"), ("d", "unhcr"), ("e", "unhcr")]
    assert [(d.organisation, d.members) for d in event.delegations] == [
        ("international-rescue-committee", ["a", "b"]), ("zambia", ["c"]),
        ("unhcr", ["d", "e"])]


def test_cli_import_unreadable_file_exits_1_and_writes_nothing(library: Library, tmp_path: Path,
                                                               ) -> None:
    file = tmp_path / "list.csv"
    file.write_bytes(b"Dietary needs\nhalal\n")
    before = library.event_path("test-2010").read_bytes()
    code, output = invoke(library, "participants", "import", "test-2010", str(file))
    assert (code, library.event_path("test-2010").read_bytes()) == (1, before)
    assert output == ("Error: list.csv: no name column among Dietary needs; "
                      "name one with --map 'COLUMN=last_name'\n")


def test_cli_import_map_option_reads_the_column(library: Library, tmp_path: Path) -> None:
    file = tmp_path / "list.csv"
    file.write_bytes(b"Apellido paterno,Diet\nHassan,halal\n")
    code, _ = invoke(library, "participants", "import", "test-2010", str(file),
                     "--map", "Apellido paterno=last_name", "--map", "Diet=notes")
    assert (code, library.load("test-2010").participants[0].notes) == (0, "halal")


# --- balance ------------------------------------------------------------------------------

def test_cli_balance_json_has_measures_and_findings(tmp_path: Path) -> None:
    library = write_library(tmp_path / "events", balanced(participants=people(achieng=None)))
    result = CliRunner().invoke(cli, ["--library", str(library.path), "balance", "test-2010",
                                      "--json"])
    data = json.loads(result.output)
    assert (result.exit_code, data["balance"][0]["total"], data["findings"]) == (0, 6, [{
        "kind": "country-without-civil-society",
        "message": "Kenya takes part without a civil-society organisation", "ref": "kenya"}])


def test_cli_balance_text_prints_shares_and_warnings(tmp_path: Path) -> None:
    library = write_library(tmp_path / "events", balanced(participants=people(achieng=None)))
    result = CliRunner().invoke(cli, ["--library", str(library.path), "balance", "test-2010"])
    lines = result.output.splitlines()
    assert (lines[0], lines[4], lines[-1]) == (
        "event test-2010: 6 people", "  gender            female 4 (67%), male 2 (33%)",
        "warning: country-without-civil-society: Kenya takes part without a civil-society "
        "organisation")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_template_reads_back_through_the_import(nairobi: Library, tmp_path: Path,
                                                    fmt: str) -> None:
    output = tmp_path / f"template.{fmt}"
    code, text = invoke(nairobi, "participants", "template", "--format", fmt, "-o",
                        str(output))
    _, report = import_participants(nairobi.load("nairobi-2027"), output.read_bytes(),
                                    name=output.name, registry=nairobi.registry)
    assert (code, text, report.ignored, report.rows[0].outcome) == (
        0, f"wrote the template to {output}\n", [], "imported")


def test_a_realistic_list_imports_into_an_event_started_from_a_template(planned: Library) -> None:
    # The list names working groups of another programme: the choices are lost, not the people.
    data = Path(__file__).resolve().parents[1] / "people" / "data" / "nairobi-registrations.csv"
    result = CliRunner().invoke(cli, ["--library", str(planned.path), "participants", "import",
                                      "nairobi-2027", str(data), "--add-organisations"])

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == ("nairobi-registrations.csv (CSV, comma-separated, "
                                             "UTF-8): 130 rows: 127 imported, 1 merged, "
                                             "1 rejected, 1 held")
    assert len(Library(planned.path).load("nairobi-2027").participants) == 127
