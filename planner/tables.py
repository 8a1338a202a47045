"""Spreadsheets in and out: tolerant CSV/XLSX reading, and writing that cannot carry formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.library.yamlfile import CONTROL_CHARACTERS

__all__ = ["MAX_CELLS", "MAX_CELL_CHARS", "MAX_UNPACKED_BYTES", "MAX_UPLOAD_BYTES", "Table",
           "TableRow", "UnreadableFile", "neutralise", "read_table", "read_upload", "restore",
           "write_table", "write_workbook"]

#: Largest file accepted for import: a registration list of thousands of rows is far smaller.
MAX_UPLOAD_BYTES = 5_000_000  # "5 MB", as the docs and the upload box say
#: Most data rows accepted, so that a small compressed XLSX cannot unfold into millions.
MAX_ROWS = 20_000
#: Most bytes the parts of an XLSX file may unpack to, checked before any is parsed.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
#: Most cells a sheet may hold (20,000 people × 25 columns).
MAX_CELLS = 500_000
#: Longest cell text, Excel's own limit.
MAX_CELL_CHARS = 32_767
#: Most columns a header may have.
MAX_COLUMNS = 500
# Longest run of an XLSX part between two tags: a MAX_CELL_CHARS cell, all XML entities.
_MAX_STRETCH = 8 * MAX_CELL_CHARS
_CHUNK = 1 << 20
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_ROW_NUMBER = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\br=\"(\d+)\"")
_LONG_STRETCH = re.compile(rb"[^<]{%d}" % _MAX_STRETCH)
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
    cleaned: frozenset[int] = frozenset()
    """Cells that held a control character (pasted from another system), read as a space."""


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


def _cell(text: str) -> str:  # a control character (\x01) breaks exports: a space
    return restore(CONTROL_CHARACTERS.sub(" ", text).strip())


def read_upload(path: Path, *, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    """The bytes of a file to import, refused before reading when it is too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = f"{max_bytes / 1e6:.1f}".removesuffix(".0")
            raise UnreadableFile(f"{path}: the file is {size / 1e6:.1f} MB; files to import "
                                 f"are limited to {limit} MB")
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[TableRow] = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            width = len(records[0].cells) if records else len(cells)
            if line > start and _swallows(cells, delimiter, width):
                raise UnreadableFile(
                    f"{name}: {_where(len(records) + 1, start)}: a quote opens a cell and "
                    f"closes only on line {line}, taking lines {start + 1}–{line} into one "
                    "cell; close the quote where the cell ends, or double a quote inside it")
            records.append(_row(len(records) + 1, cells))
    except csv.Error as err:
        raise UnreadableFile(_quote_problem(str(err), name, len(records) + 1, line + 1)
                             ) from None
    return records, f"CSV, {_DELIMITERS[delimiter]}-separated, {encoding}"


def _where(row: int, line: int) -> str:
    return f"row {row}" + (f" (line {line})" if line != row else "")


def _quote_problem(error: str, name: str, row: int, line: int) -> str:
    where = _where(row, line)
    if "end of data" in error:
        return (f"{name}: {where}: a quote opens a cell and is never closed, so every line "
                "after it would be one cell; close the quote, or double a quote inside it")
    if "field larger" in error:
        return f"{name}: {where}: a cell longer than {csv.field_size_limit():,} characters"
    return (f"{name}: {where}: a quoted cell goes on after its closing quote ({error}); "
            "double a quote inside a cell")


def _swallows(cells: list[str], delimiter: str, width: int) -> bool:
    # A quote closed lines later takes the rows between into one cell: a line of the cell
    # holds as many separators as a row (an address with a comma or two does not).
    return any(part.count(delimiter) >= max(2, width - 1)
               for cell in cells for part in cell.splitlines()[1:])


def _row(number: int, raw: list[str], unreadable: dict[int, str] | None = None) -> TableRow:
    bad = dict(unreadable or {})
    cleaned = frozenset(i for i, text in enumerate(raw) if CONTROL_CHARACTERS.search(text))
    cells = [_cell(text) for text in raw]
    for index, text in enumerate(cells):
        if len(text) > MAX_CELL_CHARS:
            cells[index] = ""
            bad[index] = (f"a cell of {len(text):,} characters; at most {MAX_CELL_CHARS:,} "
                          "are read")
    return TableRow(number, cells, bad, cleaned)


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
    return str(value)


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Stream one part of a workbook within the caps, before any parser sees it."""
    sheet = info.filename.startswith("xl/worksheets/")
    size = cells = rows = highest = stretch = 0
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            size += len(chunk)
            if size > MAX_UNPACKED_BYTES:
                raise UnreadableFile(f"{name}: a part of the workbook unpacks to more than "
                                     f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB")
            first = chunk.find(b"<")
            stretch += len(chunk) if first < 0 else first
            if stretch > _MAX_STRETCH or (first >= 0 and _LONG_STRETCH.search(chunk)):
                raise UnreadableFile(f"{name}: a cell of more than {MAX_CELL_CHARS:,} "
                                     "characters (Excel's own limit); nothing was read")
            if first >= 0:
                stretch = len(chunk) - chunk.rfind(b"<") - 1
            if not sheet:
                continue
            cells += len(_CELL_TAG.findall(chunk))
            rows += len(_ROW_TAG.findall(chunk))
            highest = max([highest, *map(int, _ROW_NUMBER.findall(chunk))])
            if cells > MAX_CELLS:
                raise UnreadableFile(f"{name}: a sheet of more than {MAX_CELLS:,} cells; at "
                                     "most that many are read")
            if max(rows, highest) > MAX_ROWS + 1:
                raise UnreadableFile(f"{name}: a sheet of more than {MAX_ROWS:,} rows, empty "
                                     "ones included; delete the rows below the list")


def _check_workbook(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise UnreadableFile(f"{name}: not a readable XLSX workbook ({err})") from None
    declared = sum(info.file_size for info in infos)
    if len(infos) > 1000 or declared > MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"{name}: the workbook unpacks to {declared / 1e6:,.0f} MB in "
                             f"{len(infos)} parts; at most {MAX_UNPACKED_BYTES / 1e6:.0f} MB "
                             "are read")
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _scan_part(archive, info, name)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as err:
        raise UnreadableFile(f"{name}: not a readable XLSX workbook ({err})") from None


def _xlsx_records(data: bytes, name: str) -> tuple[list[TableRow], str]:
    import openpyxl  # noqa: PLC0415 -- slow import

    _check_workbook(data, name)
    books: list[Any] = []
    try:
        for data_only in (True, False):
            books.append(openpyxl.load_workbook(io.BytesIO(data), read_only=True,
                                                data_only=data_only))
        records, title, skipped = _first_sheet(*books)
    except UnreadableFile as err:
        raise UnreadableFile(f"{name}: {err}") from None
    except Exception as err:  # openpyxl raises zip, XML and key errors alike
        raise UnreadableFile(f"{name}: not a readable XLSX workbook ({err})") from None
    finally:
        for book in books:
            book.close()
    empty = f" (the first with data; {', '.join(map(repr, skipped))} empty)" if skipped else ""
    return records, f"XLSX, sheet '{title}'{empty}"


def _first_sheet(values: Any, formulas: Any) -> tuple[list[TableRow], str, list[str]]:
    skipped: list[str] = []
    for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets, strict=True):
        records = _sheet_records(sheet, formula_sheet)
        if any(any(r.cells) or r.unreadable for r in records):
            return records, sheet.title, skipped
        skipped.append(sheet.title)
    return [], values.worksheets[0].title if values.worksheets else "", []


def _sheet_records(sheet: Any, formula_sheet: Any) -> list[TableRow]:
    header = next((n for n, row in enumerate(sheet.iter_rows(
        max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True), start=1)
        if any(v is not None for v in row)), None)
    if header is None:
        return []
    width = max((i + 1 for row in sheet.iter_rows(min_row=header, max_row=header,
                                                  max_col=MAX_COLUMNS + 1, values_only=True)
                 for i, v in enumerate(row) if v is not None), default=1)
    if width > MAX_COLUMNS:
        raise UnreadableFile(f"a header of more than {MAX_COLUMNS} columns")
    records = []
    rows = zip(sheet.iter_rows(max_row=MAX_ROWS + 100, max_col=width, values_only=True),
               formula_sheet.iter_rows(max_row=MAX_ROWS + 100, max_col=width), strict=False)
    for number, (row, cells) in enumerate(rows, start=1):
        unreadable = {i: "a formula without a stored value; paste the values instead"
                      for i, cell in enumerate(cells)
                      if getattr(cell, "data_type", None) == "f"
                      and (i >= len(row) or row[i] is None)}
        records.append(_row(number, [_cell_text(v) for v in row], unreadable))
    return records


def write_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, fmt: str) -> bytes:
    """A CSV (UTF-8 with BOM, so that Excel reads accents) or XLSX file of text cells.

    Every cell is neutralised (see `neutralise`): no exported cell is a formula.

    Examples
    --------
    >>> write_table(["Name", "Phone"], [["Amina", "+254 20"]], fmt="csv").decode("utf-8-sig")
    "Name,Phone\\r\\nAmina,'+254 20\\r\\n"
    """
    if fmt == "csv":
        out = io.StringIO(newline="")
        csv.writer(out, quoting=csv.QUOTE_MINIMAL).writerows(
            [neutralise(str(cell)) for cell in row] for row in [header, *rows])
        return out.getvalue().encode("utf-8-sig")
    if fmt == "xlsx":
        return write_workbook([("Participants", header, rows)])
    raise PlannerError(f"unknown table format '{fmt}'; use csv or xlsx")


def write_workbook(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[str]]]],
                   ) -> bytes:
    """An XLSX file of text cells, one sheet per (title, header, rows); none a formula."""
    from openpyxl import Workbook  # noqa: PLC0415 -- slow import
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        for row in [header, *rows]:
            cells = [WriteOnlyCell(sheet, value=neutralise(str(text))) for text in row]
            for cell in cells:  # a string, whatever it looks like: never a formula
                cell.data_type = "s"
            sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
