"""Importing registration lists: messy files, every row's fate, merges, delegations."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import PlannerError
from planner.model import Event, StatusChange
from planner.people.columns import UnknownColumn, match_columns
from planner.people.importing import ImportReport, RowFate, import_participants
from planner.tables import UnreadableFile, read_table
from tests.factories.people import people_event, people_registry, person

pytestmark = pytest.mark.unit

TODAY = dt.date(2010, 8, 1)
REGISTRY = people_registry()


def run_import(data: bytes, name: str = "list.csv", event: Event | None = None,
               **options: object) -> tuple[Event, ImportReport]:
    return import_participants(event or people_event(), data, name=name, registry=REGISTRY,
                               today=TODAY, **options)  # type: ignore[arg-type]


def csv_bytes(*lines: str, encoding: str = "utf-8", sep: str = ",") -> bytes:
    return "\n".join(line.replace("|", sep) for line in lines).encode(encoding)


def xlsx_bytes(*rows: list[object]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_cached_value(data: bytes, cell: str, value: str) -> bytes:
    """The workbook as a spreadsheet program saves it: the formula with its computed value."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rf'<c r="{cell}"><f>(.*?)</f><v></v></c>'.encode(),
                                 rf'<c r="{cell}" t="str"><f>\1</f><v>{value}</v></c>'.encode(),
                                 content)
            target.writestr(item, content)
    return out.getvalue()


# --- messy files: each row's fate ---------------------------------------------------------

def test_import_utf8_bom_file_reads_first_header() -> None:
    data = "\ufeffFirst name,Last name,Email\nAmina,Hassan,amina@example.org\n".encode()
    event, report = run_import(data)
    assert report.layout == "CSV, comma-separated, UTF-8 with BOM"
    assert report.rows == [RowFate(2, "imported", "amina-hassan", name="Amina Hassan")]
    assert (event.participants[0].first_name, event.participants[0].email) == (
        "Amina", "amina@example.org")


def test_import_semicolon_cp1252_file_keeps_accents() -> None:
    data = csv_bytes("Prénom|Nom|Pays|Organisation", "José|Muñoz|Côte d'Ivoire|",
                     "Aïcha|Traoré|CIV|Danish Refugee Council", sep=";", encoding="cp1252")
    event, report = run_import(data)
    assert report.layout == "CSV, semicolon-separated, Windows-1252"
    assert [str(f) for f in report.rows] == ["row 2 (José Muñoz): imported as jose-munoz",
                                            "row 3 (Aïcha Traoré): imported as aicha-traore"]
    assert [(p.first_name, p.last_name, p.country, p.organisation)
            for p in event.participants] == [("José", "Muñoz", "cote-d-ivoire", None),
                                             ("Aïcha", "Traoré", "cote-d-ivoire", "drc")]


def test_import_tab_separated_file_is_sniffed() -> None:
    _, report = run_import(csv_bytes("Last name|Email", "Hassan|a@example.org", sep="\t"))
    assert (report.layout, report.counts()["imported"]) == (
        "CSV, tab-separated, UTF-8", 1)


def test_import_blank_lines_are_skipped_and_rows_keep_their_numbers() -> None:
    data = csv_bytes("Last name,Email", "", "Hassan,a@example.org", ",", "", "Ali,b@example.org")
    _, report = run_import(data)
    assert ([(f.row, f.outcome) for f in report.rows], report.blank_rows) == (
        [(3, "imported"), (6, "imported")], 3)


def test_import_duplicate_emails_differing_in_case_are_merged() -> None:
    data = csv_bytes("First name,Last name,Email,Phone",
                     "Amina,Hassan,amina@example.org,",
                     "Amina,Hassan,AMINA@Example.ORG,+967 1 234 567")
    event, report = run_import(data)
    assert report.rows == [
        RowFate(2, "imported", "amina-hassan", name="Amina Hassan"),
        RowFate(3, "merged", "amina-hassan", reason="same e-mail as row 2",
                notes=("phone set to '+967 1 234 567'",), name="Amina Hassan")]
    assert [(p.id, p.email, p.phone) for p in event.participants] == [
        ("amina-hassan", "amina@example.org", "+967 1 234 567")]


def test_import_header_only_file_has_no_rows_and_changes_nothing() -> None:
    event = people_event()
    updated, report = run_import(csv_bytes("First Name,Last Name,Email Address"), event=event)
    assert (report.counts(), updated) == (
        {"rows": 0, "imported": 0, "merged": 0, "held": 0, "rejected": 0}, event)


def test_import_unknown_column_is_reported_and_ignored() -> None:
    data = csv_bytes("Last name,Dietary needs", "Hassan,halal")
    event, report = run_import(data)
    assert (report.ignored, report.rows, event.participants[0].notes) == (
        ["Dietary needs"], [RowFate(2, "imported", "hassan", name="Hassan")], None)
    assert report.lines()[1] == (
        "column 'Dietary needs' not read (use --map 'Dietary needs=FIELD' to read it)")


def test_import_map_reads_an_unknown_column_as_a_field() -> None:
    data = csv_bytes("Last name,Dietary needs,Organisme d'origine", "Hassan,halal,HCR")
    event, report = run_import(data, mapping={"dietary needs": "notes",
                                              "Organisme d'origine": "ignore"})
    assert (report.ignored, event.participants[0].notes) == ([], "halal")


def test_import_xlsx_formula_cell_without_value_is_rejected() -> None:
    data = xlsx_bytes(["First Name", "Last Name", "Email Address"],
                      ["Amina", "Hassan", "amina@example.org"],
                      ["Jon", "Doe", '=LOWER("JON@EXAMPLE.ORG")'])
    event, report = run_import(data, name="list.xlsx")
    assert report.rows == [
        RowFate(2, "imported", "amina-hassan", name="Amina Hassan"),
        RowFate(3, "rejected", column="Email Address",
                reason="a formula without a stored value; paste the values instead",
                name="Jon Doe")]
    assert len(event.participants) == 1


def test_import_xlsx_formula_cell_gives_its_value_not_its_formula() -> None:
    data = xlsx_bytes(["First Name", "Last Name", "Email Address"],
                      ["Jon", "Doe", '=LOWER("JON@EXAMPLE.ORG")'])
    event, report = run_import(with_cached_value(data, "C2", "jon@example.org"),
                               name="list.xlsx")
    assert (report.rows, event.participants[0].email) == (
        [RowFate(2, "imported", "jon-doe", name="Jon Doe")], "jon@example.org")


def test_import_row_with_missing_name_is_rejected() -> None:
    data = csv_bytes("First Name,Last Name,Email", ",,nobody@example.org", "Ali,,a@example.org")
    _, report = run_import(data)
    assert report.rows == [
        RowFate(2, "rejected", column="First Name / Last Name", reason="no name",
                name="nobody@example.org"),
        RowFate(3, "imported", "ali", name="Ali")]


def test_import_name_column_alone_is_split_into_title_and_names() -> None:
    event, _ = run_import(csv_bytes("Name,E-mail", "H.E. Mr Juan Pablo García,j@example.org"))
    p = event.participants[0]
    assert (p.id, p.title, p.first_name, p.last_name) == (
        "juan-pablo-garcia", "H.E. Mr", "Juan Pablo", "García")


def test_import_choices_accept_synonyms_in_any_case() -> None:
    data = csv_bytes("Last name|Sexe|Niveau|Rôle|Langues|Consent|Field staff",
                     "Hassan|F|Senior|HoD, speaker|Arabic/English|Oui|x", sep=";")
    event, _ = run_import(data)
    p = event.participants[0]
    assert (p.gender, p.seniority, p.roles, p.languages, p.consent_to_publish,
            p.field_staff) == ("female", "senior-official", ["head-of-delegation", "speaker"],
                               ["Arabic", "English"], True, True)


def test_import_preferences_name_working_groups_by_id_or_title() -> None:
    data = csv_bytes("Last name;Preferences", "Hassan;Reception arrangements, entry",
                     "Ali;border control", sep=";")
    event, report = run_import(data)
    assert event.participants[0].preferences == ["reception", "entry"]
    # A group the event lacks costs the choice, not the registration.
    assert report.rows[1] == RowFate(3, "imported", "ali", name="Ali", notes=(
        "column 'Preferences': no working group 'border control' in this event (known: entry "
        "(WG 1), reception (WG 2)); not kept",))
    assert event.participants[1].preferences == []


# --- de-duplication -----------------------------------------------------------------------

def test_import_merges_into_a_participant_already_in_the_event() -> None:
    event = people_event(participants=[person("amina-hassan", first_name="Amina",
                                              last_name="Hassan", email="Amina@example.org")])
    updated, report = run_import(csv_bytes("Last name,Email,Status",
                                           "Hassan,amina@example.org,confirmed"), event=event)
    assert report.rows == [RowFate(
        2, "merged", "amina-hassan", reason="same e-mail as amina-hassan, already in the event",
        notes=("status changed from proposed to confirmed",), name="Hassan")]
    assert updated.participants[0].history == [
        StatusChange(status="confirmed", on=TODAY, note="list.csv row 2")]


def test_import_merges_same_name_and_organisation_without_email() -> None:
    data = csv_bytes("First name,Last name,Organisation,Email",
                     "Amina,Hassan,UNHCR,amina@example.org", "AMINA,HASSAN,unhcr,")
    _, report = run_import(data)
    # The first spelling stays: a name in capitals is the same name.
    assert report.rows[1] == RowFate(3, "merged", "amina-hassan",
                                     reason="same name and organisation as row 2",
                                     name="AMINA HASSAN")


def test_import_merge_fills_a_missing_email() -> None:
    data = csv_bytes("First name,Last name,Organisation,Email",
                     "Amina,Hassan,UNHCR,", "Amina,Hassan,UNHCR,amina@example.org")
    event, report = run_import(data)
    assert (report.rows[1].notes, event.participants[0].email) == (
        ("email set to 'amina@example.org'",), "amina@example.org")


def test_import_keeps_namesakes_with_different_emails_apart() -> None:
    data = csv_bytes("First name,Last name,Organisation,Email",
                     "Amina,Hassan,UNHCR,a@example.org", "Amina,Hassan,UNHCR,b@example.org",
                     "Amina,Hassan,IOM,")
    event, report = run_import(data)
    assert [f.participant for f in report.rows] == [
        "amina-hassan", "amina-hassan-2", "amina-hassan-3"]
    assert len(event.participants) == 3


def test_import_ids_are_slugs_even_for_non_latin_names() -> None:
    event, _ = run_import(csv_bytes("Last name", "أمينة", "Ωμέγα"))
    assert [p.id for p in event.participants] == ["participant", "participant-2"]


# --- delegations --------------------------------------------------------------------------

def test_import_puts_ministry_staff_in_their_state_delegation_with_its_head() -> None:
    data = csv_bytes("Last name;Organisation;Role", "Otieno;Kenya Department of Immigration;HoD",
                     "Wanjiru;Republic of Kenya;delegate", "Hassan;DRC;", sep=";")
    event, _ = run_import(data)
    assert [(d.organisation, d.head, d.members) for d in event.delegations] == [
        ("kenya", "otieno", ["otieno", "wanjiru"]), ("drc", None, ["hassan"])]
    assert [p.country for p in event.participants] == ["kenya", "kenya", None]


# --- files that cannot be read --------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    (b"", "list.csv: the file is empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "list.csv: old Excel (.xls) files are not read"),
    (b"PK\x03\x04not really a zip", "list.csv: not a readable XLSX workbook"),
    (b"Last name\n\x81\x8d\x8f", "list.csv: neither UTF-8 nor Windows-1252 text"),
    (b"Dietary needs,Seat\nhalal,3\n", "list.csv: no name column among Dietary needs, Seat"),
])
def test_import_unreadable_file_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(PlannerError) as caught:
        run_import(data)
    assert str(caught.value).startswith(message)


def test_import_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(UnreadableFile, match=r"larger than 0\.0 MB"):
        read_table(b"Last name\nHassan\n", "list.csv", max_bytes=10)


def test_map_naming_an_absent_column_or_field_is_refused() -> None:
    with pytest.raises(UnknownColumn, match="no column 'Diet'"):
        match_columns(["Last name"], {"Diet": "notes"})
    with pytest.raises(UnknownColumn, match="unknown field 'diet'"):
        match_columns(["Last name"], {"Last name": "diet"})


# --- properties ---------------------------------------------------------------------------

CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=4, max_size=4), max_size=8))
def test_import_every_row_has_exactly_one_fate(rows: list[list[str]]) -> None:
    header = ["Last name", "Email", "Country", "Gender"]
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    try:
        _, report = run_import(out.getvalue().encode())
    except UnreadableFile:
        return  # a text of blank lines only has no header
    counts = report.counts()
    assert counts["rows"] == counts["imported"] + counts["merged"] + counts["rejected"]
    assert counts["rows"] + report.blank_rows == len(rows)
