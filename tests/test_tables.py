"""Safe tables: no exported cell acts as a formula; uploads are read tolerantly, within limits."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.people.lists import participant_table
from planner.tables import (
    FORMULA_STARTS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_UPLOAD_BYTES,
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
    file.write_bytes(b"Last name\n" + b"Hassan\n" * 750_000)  # 5.25 MB
    with pytest.raises(UnreadableFile) as err:
        read_upload(file)
    assert str(err.value) == (f"{file}: the file is 5.3 MB; files to import are limited to "
                              "5 MB")


def test_read_table_refuses_more_rows_than_the_limit() -> None:
    data = b"Last name\n" + b"x\n" * (MAX_ROWS + 1)
    with pytest.raises(UnreadableFile, match=f"{MAX_ROWS + 1} rows; at most {MAX_ROWS}"):
        read_table(data, "list.csv")


# --- strict CSV quoting -----------------------------------------------------------------

ELEVEN = ["First name,Last name,Organisation,Country", *(
    f"Person{n},Number{n},UNHCR,Kenya" for n in range(2, 12))]


def test_an_unbalanced_quote_is_refused_naming_the_row_where_it_opens() -> None:
    lines = list(ELEVEN)
    lines[3] = 'Person4,"Number4,UNHCR,Kenya'
    with pytest.raises(UnreadableFile, match=r"^list\.csv: row 4: a quote opens a cell and is "
                                             r"never closed"):
        read_table("\n".join(lines).encode(), "list.csv")


def test_a_quote_closed_rows_later_is_refused_too() -> None:
    lines = list(ELEVEN)
    lines[3] = 'Person4,"Number4,UNHCR,Kenya'
    lines[7] = 'Person8,Number8",UNHCR,Kenya'
    with pytest.raises(UnreadableFile, match=r"row 4: a quote opens a cell and closes only on "
                                             r"line 8, taking lines 5–8 into one cell"):
        read_table("\n".join(lines).encode(), "list.csv")


def test_quoted_cells_with_commas_and_line_breaks_are_read() -> None:
    data = (b'Name,Notes,Country,E-mail\n"Hassan, Amina","needs a visa\nP.O. Box 1, Nairobi, '
            b'Kenya",KE,a@example.org\n')
    table = read_table(data, "list.csv")
    assert [r.cells for r in table.rows] == [
        ["Hassan, Amina", "needs a visa\nP.O. Box 1, Nairobi, Kenya", "KE", "a@example.org"]]


def test_text_after_a_closing_quote_is_refused() -> None:
    with pytest.raises(UnreadableFile, match=r"row 2: a quoted cell goes on after its closing "
                                             r"quote"):
        read_table(b'Name,Notes\n"Amina" Hassan,x\n', "list.csv")


def test_a_cell_longer_than_excel_allows_makes_its_row_unreadable() -> None:
    table = read_table(b"Name,Notes\nAmina," + b"x" * 40_000 + b"\n", "list.csv")
    assert (table.rows[0].cells, table.rows[0].unreadable) == (
        ["Amina", ""], {1: "a cell of 40,000 characters; at most 32,767 are read"})


# --- XLSX: the first sheet with data; bombs refused before anything is loaded ---------------

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Registrations" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'),
}
_SHEET_OPEN = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_SHEET_CLOSE = b"</sheetData></worksheet>"
_HEADER_ROW = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>Last name</t></is></c>'
               b'<c r="B1" t="inlineStr"><is><t>Notes</t></is></c></row>')


def workbook(*chunks: bytes) -> bytes:
    """A one-sheet workbook whose sheet data is `chunks`, streamed into the archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in (_SHEET_OPEN, _HEADER_ROW, *chunks, _SHEET_CLOSE):
                sheet.write(chunk)
    return out.getvalue()


def _huge_cell(megabytes: int) -> Iterator[bytes]:
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>Hassan</t></is></c><c r="B2" ' \
          b't="inlineStr"><is><t>'
    block = b"A" * (1 << 20)
    for _ in range(megabytes):
        yield block
    yield b"</t></is></c></row>"


def _many_cells(rows: int, columns: int) -> Iterator[bytes]:
    row = b"<row>" + b"<c><v>1</v></c>" * columns + b"</row>"
    for _ in range(rows):
        yield row


def _empty_rows() -> Iterator[bytes]:
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>Hassan</t></is></c></row>'
    batch = 10_000
    for start in range(3, 1_048_577, batch):
        yield b"".join(b'<row r="%d"/>' % n for n in range(start, min(start + batch,
                                                                         1_048_577)))


BOMBS = {
    "huge-cell": lambda: _huge_cell(400),  # 400 MB in one cell
    "huge-cell-within-size": lambda: _huge_cell(40),  # unpacks to less than the cap
    "many-cells": lambda: _many_cells(20_000, 1000),
    "many-cells-within-size": lambda: _many_cells(1000, 600),
    "empty-rows": _empty_rows,
}

_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from planner.tables import UnreadableFile, read_table
import openpyxl  # imported before the clock starts, as in a running app
data = Path(sys.argv[1]).read_bytes()
start = time.perf_counter()
try:
    read_table(data, "bomb.xlsx")
    outcome = "read"
except UnreadableFile as err:
    outcome = str(err)
seconds = time.perf_counter() - start
# The high-water mark of this process's own memory: ru_maxrss would count the parent's
# pages when the child was started with vfork.
status = Path("/proc/self/status")
peak = next((int(line.split()[1]) for line in status.read_text().splitlines()
             if line.startswith("VmHWM:")), None) if status.exists() else None
peak_kb = peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "outcome": outcome, "peak_mb": peak_kb / 1024}))
"""


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    files = {}
    for name, chunks in BOMBS.items():
        files[name] = folder / f"{name}.xlsx"
        files[name].write_bytes(workbook(*chunks()))
    return files


@pytest.mark.parametrize(("bomb", "message"), [
    ("huge-cell", "the workbook unpacks to 419 MB in 5 parts; at most 52 MB are read"),
    ("huge-cell-within-size", "a cell of more than 32,767 characters (Excel's own limit)"),
    ("many-cells", "the workbook unpacks to 300 MB in 5 parts; at most 52 MB are read"),
    ("many-cells-within-size", "a sheet of more than 500,000 cells"),
    ("empty-rows", "a sheet of more than 20,000 rows, empty ones included"),
])
def test_an_xlsx_bomb_is_refused_promptly_within_300_mb(bombs: dict[str, Path], bomb: str,
                                                        message: str) -> None:
    # Never hangs: a bound that a loaded CI machine keeps too (about 2 s on a quiet one;
    # speed figures belong in bench/, not in a timed test).
    size = bombs[bomb].stat().st_size
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(bombs[bomb])],
                            capture_output=True, text=True, check=True, timeout=60)
    measured = json.loads(result.stdout)
    assert size < MAX_UPLOAD_BYTES
    assert measured["outcome"].startswith(f"bomb.xlsx: {message}")
    assert (measured["seconds"] < 20, measured["peak_mb"] < 300) == (True, True), measured


def test_the_bomb_builder_makes_workbooks_that_read() -> None:
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>Hassan</t></is></c></row>'
    table = read_table(workbook(row), "list.xlsx")
    assert (table.header, table.rows[0].cells, table.layout) == (
        ["Last name", "Notes"], ["Hassan", ""], "XLSX, sheet 'Registrations'")


def test_the_first_sheet_with_data_is_read_and_named() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.create_sheet("Blank")
    book.create_sheet("Delegates").append(["Last name", "E-mail"])
    book["Delegates"].append(["Hassan", "a@example.org"])
    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue(), "list.xlsx")
    assert (table.layout, table.rows[0].cells) == (
        "XLSX, sheet 'Delegates' (the first with data; 'Cover', 'Blank' empty)",
        ["Hassan", "a@example.org"])


def test_a_workbook_that_unpacks_too_far_is_refused_before_reading() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/media/padding.bin", b"\0" * (MAX_UNPACKED_BYTES + 1))
    with pytest.raises(UnreadableFile, match=r"the workbook unpacks to 52 MB in 5 parts"):
        read_table(out.getvalue(), "list.xlsx")
