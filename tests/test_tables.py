"""Safe tables: no exported cell acts as a formula; uploads are read tolerantly, within limits."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from tests.factories.people import DANGEROUS, hostile_event, people_registry

pytestmark = pytest.mark.unit

REGISTRY = people_registry()


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


def test_read_table_reads_utf16_excel_unicode_text() -> None:
    data = "Last name\tE-mail\nTraoré\tt@example.org\n".encode("utf-16")
    table = read_table(data, "list.txt")
    assert (table.layout, table.rows[0].cells) == (
        "CSV, tab-separated, UTF-16", ["Traoré", "t@example.org"])



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
