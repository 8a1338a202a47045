"""The visual check: a rendered document, converted to PDF by LibreOffice, read back page by
page for what an organiser would have to fix before sending it.

`problems(docx, pdf)` names every page with nothing but the footer, every table row alone
on a page, text running off the page, an e-mail address broken across lines, a role word
repeated after a name, a Python "None" or "[]", and a template tag left over.
"""

from __future__ import annotations

import bisect
import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from docx import Document

__all__ = ["NEEDS_TOOLS_REASON", "has_tools", "problems"]

NEEDS_TOOLS_REASON = ("needs LibreOffice (soffice) and poppler (pdftotext): "
                      "apt-get install libreoffice-writer-nogui poppler-utils")
#: Closer than this to the paper's edge (points) is off the page: margins are wider.
EDGE = 14.0
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_AT_TOKEN = re.compile(r"\S*@\S*")
_ROLE_TWICE = re.compile(r"\b(chair|rapporteur|moderator|speaker|facilitator|keynote)s?\b"
                         r"\s*:[^:]*?,\s*\1s?\b", re.IGNORECASE)
_LEFTOVERS = (("a template tag", re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")),
              ('"None"', re.compile(r"\bNone\b(?! of)")),
              ('"[]"', re.compile(r"\[\s*\]")))
_WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                       r'yMax="[\d.]+">([^<]*)</word>')


def has_tools() -> bool:
    """Whether LibreOffice and pdftotext are installed."""
    return bool((shutil.which("soffice") or shutil.which("libreoffice"))
                and shutil.which("pdftotext"))


def _pdftotext(pdf: Path, *options: str) -> str:
    program = shutil.which("pdftotext") or "pdftotext"
    return subprocess.run([program, *options, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Docx:
    footer: str
    paragraphs: list[str]
    tables: list[list[str]]
    """Every table's body rows (the repeated header row left out), as flat text."""


def _read(docx: Path) -> _Docx:
    document = Document(str(docx))
    footer = _flat(" ".join(p.text for s in document.sections for p in s.footer.paragraphs))
    texts = [p.text for p in document.paragraphs]
    tables = []
    for table in document.tables:
        rows = []
        for row in table.rows:
            header = row._tr.trPr is not None and row._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
            ) is not None
            cells = list(dict.fromkeys(c._tc for c in row.cells))  # merged cells once
            text = _flat(" ".join(_flat(" ".join(p.text for p in _paragraphs(tc)))
                                  for tc in cells))
            texts.append(text)
            if not header and text:
                rows.append(text)
        tables.append(rows)
    return _Docx(footer, texts, tables)


def _paragraphs(tc: object) -> list:
    from docx.table import _Cell  # noqa: PLC0415 -- only for reading cells

    return _Cell(tc, None).paragraphs  # type: ignore[arg-type]


def _row_pattern(row: str) -> re.Pattern[str]:
    # A row's first words, starting a line (each cell does), whatever LibreOffice made of
    # the spaces and of a word broken at its hyphen.
    words = [re.escape(w).replace("\\-", "-\\s*") for w in row.split()[:8]]
    return re.compile(r"(?:^|\n)[ \t]*" + r"\s+".join(words))


def _rows_alone(tables: list[list[str]], pages: list[str]) -> list[str]:
    # Rows are looked for in reading order through the whole document, each after the one
    # before, so that the same row in several tables (a running order) is told apart.
    starts = [sum(len(p) + 1 for p in pages[:i]) for i in range(len(pages))]
    text, cursor, found = "\n".join(pages), 0, []
    for rows in tables:
        on_page: dict[int, list[str]] = {}
        for row in rows:
            match = _row_pattern(row).search(text, cursor)
            if match is None:
                continue  # a row LibreOffice laid out in another order: not judged
            cursor = match.end()
            on_page.setdefault(bisect.bisect_right(starts, match.end() - 1) - 1,
                               []).append(row)
        if len(rows) > 1 and len(on_page) > 1:
            found += [f"page {i + 1}: a table row alone: '{alone[0][:50]}'"
                      for i, alone in on_page.items() if len(alone) == 1]
    return found


def _off_the_page(pdf: Path) -> list[str]:
    found = []
    boxes = _pdftotext(pdf, "-bbox")
    for number, page in enumerate(boxes.split("<page ")[1:], start=1):
        width = float(re.search(r'width="([\d.]+)"', page)[1])  # type: ignore[index]
        for x_min, x_max, word in _WORD_BOX.findall(page):
            if float(x_max) > width - EDGE or float(x_min) < EDGE:
                found.append(f"page {number}: text off the page: '{html.unescape(word)}'")
                break
    return found


def problems(docx: Path, pdf: Path, *, rows: bool = True) -> list[str]:
    """What an organiser would have to fix in a rendered document, each as
    `<file>: page N: what` (empty when the document can go out as it is). `rows=False`
    spares a sheet whose rows are cut apart anyway (badges)."""
    source = _read(docx)
    pages = _pdftotext(pdf, "-layout").split("\f")
    pages = pages[:-1] if pages and not pages[-1].strip() else pages
    raw_pages = _pdftotext(pdf, "-raw").split("\f")
    found = []
    for number, page in enumerate(pages, start=1):
        body = _flat(page).replace(source.footer, "", 1).strip() if source.footer else _flat(page)
        if not body:
            found.append(f"page {number}: nothing but the footer")
        if source.footer and not any(source.footer in _flat(t) for t in page.splitlines()):
            found.append(f"page {number}: the footer is not on one line")
        known = set(_EMAIL.findall("\n".join(source.paragraphs)))
        for text_line in page.splitlines():
            for token in _AT_TOKEN.findall(text_line):
                if not any(address in token for address in known):
                    found.append(f"page {number}: an e-mail address broken: '{token}'")
    text = "\n".join(source.paragraphs)
    found += [f"repeated role word: '{m[0]}'" for m in _ROLE_TWICE.finditer(text)]
    for what, pattern in _LEFTOVERS:
        found += [f"{what} left in the text: '{text[max(m.start() - 30, 0):m.end() + 30]}'"
                  for m in pattern.finditer(text)]
    if rows:
        found += _rows_alone(source.tables, raw_pages)
    found += _off_the_page(pdf)
    return [f"{docx.name}: {problem}" for problem in found]
