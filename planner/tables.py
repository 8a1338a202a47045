"""Spreadsheets in and out: tolerant CSV/XLSX reading, and writing that cannot carry formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import PlannerError

__all__ = [
    "MAX_UPLOAD_BYTES",
    "Table",
    "TableRow",
    "UnreadableFile",
    "neutralise",
    "read_table",
    "read_upload",
    "restore",
    "write_table",
]

#: Largest file accepted for import: a registration list of thousands of rows is far smaller.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Most data rows accepted, so that a small compressed XLSX cannot unfold into millions.
MAX_ROWS = 20_000
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
_QUOTE = "'"
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


class UnreadableFile(PlannerError):
    """A file that cannot be read as a table; nothing was taken from it."""


@dataclass(frozen=True)
class TableRow:
    """A data row, numbered as a spreadsheet shows it (the header is row 1)."""

    number: int
    cells: list[str]
    unreadable: dict[int, str] = field(default_factory=dict)
    """Cells that could not be read (a formula without a stored value), by column index."""


@dataclass(frozen=True)
class Table:
    """The header and data rows of a CSV or XLSX file, every cell as stripped text."""

    header: list[str]
    rows: list[TableRow]
    blank_rows: int
    layout: str
    """How the file was read: `CSV, semicolon-separated, Windows-1252`."""


def neutralise(text: str) -> str:
    """Make a cell inert in a spreadsheet, as OWASP advises: a quote before a formula start.

    A leading quote that `restore` would remove is doubled, so that every text
    survives the round trip.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("+41 22 739 8111"), neutralise("Amina")
    ('\\'=HYPERLINK("http://x")', "'+41 22 739 8111", 'Amina')
    """
    escape = text[:1] in FORMULA_STARTS or (
        text[:1] == _QUOTE and (text[1:2] in FORMULA_STARTS or text[1:2] == _QUOTE))
    return _QUOTE + text if escape else text


def restore(text: str) -> str:
    """Undo `neutralise`: the text as it was before export.

    Examples
    --------
    >>> restore("'=1+1"), restore("'tis"), restore(neutralise("''="))
    ('=1+1', "'tis", "''=")
    """
    if text[:1] == _QUOTE and (text[1:2] in FORMULA_STARTS or text[1:2] == _QUOTE):
        return text[1:]
    return text


def read_upload(path: Path, *, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    """The bytes of a file to import, refused before reading when it is too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFile(f"{path}: the file is {size / 1e6:.1f} MB; files to import "
                                 f"are limited to {max_bytes / 1e6:.1f} MB")
        return path.read_bytes()
    except OSError as err:
        raise UnreadableFile(f"{path}: {err.strerror or err}") from None


def read_table(data: bytes, name: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Table:
    """Read a CSV (comma, semicolon or tab) or XLSX file given as bytes.

    CSV text is UTF-8 with or without BOM, UTF-16 with BOM, or else Windows-1252.
    XLSX cells give their values, never their formulas. Blank rows are skipped;
    cells are stripped and un-neutralised (see `restore`).

    Raises
    ------
    UnreadableFile
        When the file is empty, too large, not a table, or not decodable.

    Examples
    --------
    >>> table = read_table("Prénom;Nom\\n\\nAmina;Hassan\\n".encode("cp1252"), "list.csv")
    >>> table.header, [(r.number, r.cells) for r in table.rows], table.layout
    (['Prénom', 'Nom'], [(3, ['Amina', 'Hassan'])], 'CSV, semicolon-separated, Windows-1252')
    """
    if len(data) > max_bytes:
        raise UnreadableFile(f"{name}: the file is larger than {max_bytes / 1e6:.1f} MB")
    if not data.strip():
        raise UnreadableFile(f"{name}: the file is empty")
    if data[:4] == b"PK\x03\x04":
        records, layout = _xlsx_records(data, name)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableFile(f"{name}: old Excel (.xls) files are not read; "
                             "save it as .xlsx or .csv")
    else:
        records, layout = _csv_records(data, name)
    return _table(records, name, layout)


def _table(records: list[TableRow], name: str, layout: str) -> Table:
    filled = [r for r in records if any(r.cells) or r.unreadable]
    if not filled:
        raise UnreadableFile(f"{name}: no header row found")
    if len(filled) - 1 > MAX_ROWS:
        raise UnreadableFile(f"{name}: {len(filled) - 1} rows; at most {MAX_ROWS} are read")
    header, *rows = filled
    blank = sum(1 for r in records if r.number > header.number) - len(rows)
    return Table(header.cells, rows, blank, layout)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8" + (" with BOM" * data.startswith(
            b"\xef\xbb\xbf"))
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"{name}: neither UTF-8 nor Windows-1252 text (byte "
                             f"{data[err.start]:#04x} at offset {err.start}); "
                             "save it as CSV UTF-8") from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(data: bytes, name: str) -> tuple[list[TableRow], str]:
    text, encoding = _decode(data, name)
    if "\x00" in text:
        raise UnreadableFile(f"{name}: binary data, not a CSV or XLSX file")
    delimiter = _delimiter(text)
    try:
        cells = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise UnreadableFile(f"{name}: not a readable CSV file ({err})") from None
    records = [TableRow(n, [restore(c.strip()) for c in row]) for n, row in
               enumerate(cells, start=1)]
    return records, f"CSV, {_DELIMITERS[delimiter]}-separated, {encoding}"


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return restore(str(value).strip())


def _xlsx_records(data: bytes, name: str) -> tuple[list[TableRow], str]:
    import openpyxl  # noqa: PLC0415 -- slow import

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises zip, XML and key errors alike
        raise UnreadableFile(f"{name}: not a readable XLSX workbook ({err})") from None
    sheet, formula_sheet = values.worksheets[0], formulas.worksheets[0]
    records = []
    rows = zip(sheet.iter_rows(values_only=True), formula_sheet.iter_rows(), strict=False)
    for number, (row, cells) in enumerate(rows, start=1):
        if number > MAX_ROWS + 100:
            break
        unreadable = {i: "a formula without a stored value; paste the values instead"
                      for i, cell in enumerate(cells)
                      if getattr(cell, "data_type", None) == "f"
                      and (i >= len(row) or row[i] is None)}
        records.append(TableRow(number, [_cell_text(v) for v in row], unreadable))
    values.close()
    formulas.close()
    return records, f"XLSX, sheet '{sheet.title}'"


def write_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, fmt: str) -> bytes:
    """A CSV (UTF-8 with BOM, so that Excel reads accents) or XLSX file of text cells.

    Every cell is neutralised (see `neutralise`): no exported cell is a formula.

    Examples
    --------
    >>> write_table(["Name", "Phone"], [["Amina", "+254 20"]], fmt="csv").decode("utf-8-sig")
    "Name,Phone\\r\\nAmina,'+254 20\\r\\n"
    """
    safe = [[neutralise(str(cell)) for cell in row] for row in [header, *rows]]
    if fmt == "csv":
        out = io.StringIO(newline="")
        csv.writer(out, quoting=csv.QUOTE_MINIMAL).writerows(safe)
        return out.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        return _xlsx_bytes(safe)
    raise PlannerError(f"unknown table format '{fmt}'; use csv or xlsx")


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl  # noqa: PLC0415 -- slow import

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    for row in rows:
        cells = []
        for text in row:
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=text)
            # A string, whatever it looks like: openpyxl would take "=…" for a formula.
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
