"""Safe tables: no exported cell acts as a formula; exports read back unchanged through import."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.cli import cli
from planner.model import Gender, InvitationStatus, Participant, ParticipantRole, Seniority
from planner.people.importing import import_participants
from planner.people.lists import participant_table
from planner.tables import (
    FORMULA_STARTS,
    MAX_ROWS,
    UnreadableFile,
    neutralise,
    read_table,
    read_upload,
    restore,
    write_table,
)
from tests.people import people_event, people_registry, person, write_library

pytestmark = pytest.mark.unit

REGISTRY = people_registry()
DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+41 22 739 8111", "-2+3",
             "@SUM(A1)", "\tcmd", "\r=1", "'=already quoted"]


def hostile_event() -> Any:
    return people_event(participants=[
        person("a", first_name=DANGEROUS[0], last_name=DANGEROUS[2], phone=DANGEROUS[1],
               position=DANGEROUS[3], notes=DANGEROUS[4], tags=[DANGEROUS[5]],
               title=DANGEROUS[6], email="a@example.org", consent_to_publish=True),
        person("b", last_name="Private", email="b@example.org", phone="+1 555"),
        person("c", last_name="Declined", consent_to_publish=True, status="declined")])


# --- neutralising -------------------------------------------------------------------------

@given(st.text())
def test_neutralise_never_starts_a_formula_and_restores(text: str) -> None:
    safe = neutralise(text)
    assert (safe[:1] in FORMULA_STARTS, restore(safe)) == (False, text)


@pytest.mark.parametrize("text", DANGEROUS)
def test_neutralise_prefixes_a_quote(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_csv_export_opened_as_text_has_no_unescaped_formula() -> None:
    header, rows = participant_table(hostile_event(), REGISTRY)
    text = write_table(header, rows, fmt="csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert [c for c in cells if c and c[0] in "=+-@\t\r"] == []
    assert "'=HYPERLINK" in text and "'+41 22 739 8111" in text


def test_xlsx_export_holds_only_text_cells_without_formulas() -> None:
    header, rows = participant_table(hostile_event(), REGISTRY)
    book = openpyxl.load_workbook(io.BytesIO(write_table(header, rows, fmt="xlsx")))
    cells = [cell for row in book.active.iter_rows() for cell in row if cell.value]
    assert {cell.data_type for cell in cells} == {"s"}
    assert [c.value for c in cells if str(c.value)[:1] in "=+-@\t\r"] == []


def test_write_table_refuses_an_unknown_format() -> None:
    with pytest.raises(Exception, match="unknown table format 'ods'"):
        write_table(["a"], [], fmt="ods")


# --- public lists -------------------------------------------------------------------------

def test_public_export_drops_contact_details_and_people_without_consent() -> None:
    header, rows = participant_table(hostile_event(), REGISTRY, public=True)
    assert header == ["Title", "First name", "Last name", "Position", "Organisation", "Country",
                      "Roles"]
    assert [row[2] for row in rows] == [DANGEROUS[2]]


def test_full_export_names_organisations_and_countries_readably() -> None:
    event = people_event(participants=[person("a", organisation="unhcr", country="cote-d-ivoire",
                                              roles=["head-of-delegation", "speaker"])])
    header, rows = participant_table(event, REGISTRY)
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Organisation"], row["Country"], row["Roles"], row["Consent to publish"]) == (
        "UNHCR", "Côte d'Ivoire", "head-of-delegation; speaker", "no")


# --- round trip: export, then import into an empty event ------------------------------------

SAFE_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéñüçØß -'", min_size=1, max_size=8
                    ).map(str.strip).filter(bool)
FREE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"),
                                           blacklist_characters="\u2028\u2029\x85"),
                    min_size=1, max_size=15).map(str.strip).filter(bool)
TRICKY = st.one_of(FREE_TEXT, st.sampled_from(DANGEROUS).map(str.strip).filter(bool),
                   st.builds(lambda a, b: a + b, st.sampled_from("=+-@'"), FREE_TEXT))
MAYBE = st.none() | TRICKY


@st.composite
def participants(draw: st.DrawFn) -> list[Participant]:
    people = []
    for i in range(draw(st.integers(0, 6))):
        people.append(Participant(
            id=f"p-{i}", registration_id=draw(st.none() | st.just(f"R{i}")),
            title=draw(MAYBE), first_name=draw(MAYBE), last_name=draw(TRICKY) + f" {i}",
            gender=draw(st.none() | st.sampled_from(Gender)), position=draw(MAYBE),
            organisation=draw(st.sampled_from([None, "unhcr", "iom", "drc", "kituo", "au"])),
            country=draw(st.sampled_from([None, "yemen", "norway", "cote-d-ivoire"])),
            email=draw(st.none() | st.just(f"person{i}@example.org")), phone=draw(MAYBE),
            languages=draw(st.lists(SAFE_WORD, max_size=3, unique=True)),
            seniority=draw(st.none() | st.sampled_from(Seniority)),
            consent_to_publish=draw(st.booleans()), field_staff=draw(st.booleans()),
            roles=draw(st.lists(st.sampled_from(ParticipantRole), min_size=1, max_size=3,
                                unique=True)),
            status=draw(st.sampled_from(InvitationStatus)),
            preferences=draw(st.lists(st.sampled_from(["entry", "reception"]), unique=True)),
            working_groups=draw(st.lists(st.sampled_from(["entry", "reception"]), unique=True)),
            tags=draw(st.lists(SAFE_WORD, max_size=2, unique=True)), notes=draw(MAYBE)))
    return people


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(max_examples=40, deadline=None)
@given(people=participants())
def test_export_then_import_gives_back_the_same_participants(fmt: str,
                                                             people: list[Participant]) -> None:
    header, rows = participant_table(people_event(participants=people), REGISTRY)
    data = write_table(header, rows, fmt=fmt)
    back, report = import_participants(people_event(), data, name=f"list.{fmt}",
                                       registry=REGISTRY)
    assert report.counts()["imported"] == len(people)
    assert back.participants == people


def test_read_table_reads_utf16_excel_unicode_text() -> None:
    data = "Last name\tE-mail\nTraoré\tt@example.org\n".encode("utf-16")
    table = read_table(data, "list.txt")
    assert (table.layout, table.rows[0].cells) == (
        "CSV, tab-separated, UTF-16", ["Traoré", "t@example.org"])


# --- the command --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_export_writes_a_file_that_imports_back(tmp_path: Path, fmt: str) -> None:
    library = write_library(tmp_path / "events", hostile_event())
    output = tmp_path / f"people.{fmt}"
    result = CliRunner().invoke(cli, ["--library", str(library.path), "participants", "export",
                                      "test-2010", "--format", fmt, "-o", str(output)])
    back, _ = import_participants(people_event(), output.read_bytes(), name=output.name,
                                  registry=REGISTRY)
    assert (result.exit_code, result.output) == (0, f"wrote 3 participants to {output}\n")
    assert back.participants == hostile_event().participants


def test_cli_public_export_leaves_out_the_private(tmp_path: Path) -> None:
    library = write_library(tmp_path / "events", hostile_event())
    output = tmp_path / "public.csv"
    CliRunner().invoke(cli, ["--library", str(library.path), "participants", "export",
                             "test-2010", "--format", "csv", "-o", str(output), "--public"])
    text = output.read_text(encoding="utf-8-sig")
    assert ("Private" in text, "Declined" in text, "@example.org" in text) == (
        False, False, False)


def test_read_upload_refuses_a_file_over_the_limit_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "big.csv"
    file.write_bytes(b"Last name\n" + b"Hassan\n" * 200)
    with pytest.raises(UnreadableFile, match=r"the file is 0\.0 MB; files to import are "
                       r"limited to 0\.0 MB"):
        read_upload(file, max_bytes=1000)


def test_read_table_refuses_more_rows_than_the_limit() -> None:
    data = b"Last name\n" + b"x\n" * (MAX_ROWS + 1)
    with pytest.raises(UnreadableFile, match=f"{MAX_ROWS + 1} rows; at most {MAX_ROWS}"):
        read_table(data, "list.csv")
