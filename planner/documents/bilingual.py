"""Bilingual documents: the concept note or programme in two languages in one Word file.

Both languages are rendered from the same template and record, so their bodies hold the
same paragraphs and tables in the same order. `columns` pairs them: a two-column table,
the first language left and the second right, one row per paragraph or table, so that a
reader finds each sentence beside its translation (an Arabic column keeps its paragraphs
right to left; the table itself runs left to right). `sequence` puts the second language
after the first, from a new page. The file takes its styles, numbering and footer from the
language written left to right, so the other's paragraphs carry their direction with them.
"""

from __future__ import annotations

import copy
import io
import zipfile
from itertools import zip_longest

from lxml import etree

from planner.documents.localise import RTL_FONT, set_fonts
from planner.errors import PlannerError

__all__ = ["BILINGUAL", "BILINGUAL_KINDS", "combine", "two_languages"]

#: How a bilingual document sets its two languages (`Event.bilingual`, `--bilingual`).
BILINGUAL = ("columns", "sequence")
#: The kinds written in two languages at once where the event asks.
BILINGUAL_KINDS = ("concept-note", "programme")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The width of the portrait A4 page inside the templates' margins, in twips.
PAGE_WIDTH = 9_412
#: What a cell's left and right margins take of its width, in twips.
CELL_MARGINS = 230


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def two_languages(languages: list[str], how: str, *, event_id: str) -> tuple[str, str]:
    """The first two working languages, or a one-line error if there are not two."""
    if how not in BILINGUAL:
        raise PlannerError(f"{event_id}: unknown bilingual layout '{how}' (known: "
                           f"{', '.join(BILINGUAL)}, none)")
    if len(languages) < 2:
        raise PlannerError(f"{event_id}: a bilingual document needs two UN working languages "
                           f"in 'languages' (e.g. [en, fr]); it has {', '.join(languages)}")
    return languages[0], languages[1]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _body(data: bytes) -> tuple[etree._Element, etree._Element]:
    root = etree.fromstring(_parts(data)["word/document.xml"])
    body = root.find(_w("body"))
    assert body is not None  # every .docx python-docx writes has one
    return root, body


def _blocks(body: etree._Element, *, keep_marks: bool) -> list[etree._Element]:
    """The body's paragraphs and tables (not its section properties), copied; the second
    language's bookmarks are dropped, since a name may appear once in a file."""
    blocks = [copy.deepcopy(child) for child in body
              if etree.QName(child).localname in ("p", "tbl")]
    if not keep_marks:
        for block in blocks:
            for mark in [*block.iter(_w("bookmarkStart")), *block.iter(_w("bookmarkEnd"))]:
                _drop(mark)
    return blocks


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _no_page_breaks(block: etree._Element) -> etree._Element:
    # A page break inside a table cell would tear the row apart: rows break on their own.
    for element in [*block.iter(_w("pageBreakBefore"))]:
        _drop(element)
    for br in [*block.iter(_w("br"))]:
        if br.get(_w("type")) == "page":
            _drop(br)
    return block


#: The narrowest a column of a table moved into a column is made ("Morning" unbroken).
NARROWEST = 1_100


def _narrowed(block: etree._Element, width: int) -> etree._Element:
    # A table moved into a column is fitted to it: each of its columns shrinks by as much
    # as the page does, none below `NARROWEST`, the widest giving up what the others keep.
    for table in block.iter(_w("tbl")):
        grid = table.find(_w("tblGrid"))
        columns = [] if grid is None else grid.findall(_w("gridCol"))
        old = [int(c.get(_w("w"), "0")) for c in columns]
        if not old or not sum(old):
            continue
        new = [max(w * width // sum(old), min(w, NARROWEST)) for w in old]
        new[new.index(max(new))] -= sum(new) - width
        for column, value in zip(columns, new, strict=True):
            column.set(_w("w"), str(value))
        for row in table.findall(_w("tr")):
            start = 0
            for cell in row.findall(_w("tc")):
                span = cell.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                wide = int(span.get(_w("val"), "1")) if span is not None else 1
                cell_width = cell.find(f"{_w('tcPr')}/{_w('tcW')}")
                if cell_width is not None:
                    cell_width.set(_w("w"), str(sum(new[start:start + wide])))
                    cell_width.set(_w("type"), "dxa")
                start += wide
        table_width = table.find(f"{_w('tblPr')}/{_w('tblW')}")
        if table_width is not None:
            table_width.set(_w("w"), str(width))
            table_width.set(_w("type"), "dxa")
    return block


def _cell(blocks: list[etree._Element], width: int) -> etree._Element:
    cell = etree.Element(_w("tc"))
    properties = etree.SubElement(cell, _w("tcPr"))
    etree.SubElement(properties, _w("tcW"), {_w("w"): str(width), _w("type"): "dxa"})
    for block in blocks:
        cell.append(_narrowed(_no_page_breaks(block), width - CELL_MARGINS))
    if not len(cell) > 1 or etree.QName(cell[-1]).localname != "p":
        etree.SubElement(cell, _w("p"))  # a cell ends with a paragraph
    return cell


def _columns(first: list[etree._Element], second: list[etree._Element]) -> etree._Element:
    half = PAGE_WIDTH // 2
    table = etree.Element(_w("tbl"))
    properties = etree.SubElement(table, _w("tblPr"))
    etree.SubElement(properties, _w("tblW"), {_w("w"): str(PAGE_WIDTH), _w("type"): "dxa"})
    borders = etree.SubElement(properties, _w("tblBorders"))
    # One thin rule between the languages, none around: it reads as a page in two columns.
    etree.SubElement(borders, _w("insideV"), {_w("val"): "single", _w("sz"): "4",
                                              _w("space"): "0", _w("color"): "A6A6A6"})
    etree.SubElement(properties, _w("tblLayout"), {_w("type"): "fixed"})
    grid = etree.SubElement(table, _w("tblGrid"))
    for _side in range(2):
        etree.SubElement(grid, _w("gridCol"), {_w("w"): str(half)})
    for left, right in zip_longest(first, second):
        row = etree.SubElement(table, _w("tr"))
        row.append(_cell([left] if left is not None else [], half))
        row.append(_cell([right] if right is not None else [], half))
    return table


def _page_break() -> etree._Element:
    paragraph = etree.Element(_w("p"))
    run = etree.SubElement(paragraph, _w("r"))
    etree.SubElement(run, _w("br"), {_w("type"): "page"})
    return paragraph


def _complex_script_font(styles: bytes) -> bytes:
    # The Arabic column takes its font from w:cs; the other language keeps its own fonts.
    root = etree.fromstring(styles)
    set_fonts(root, cs=RTL_FONT)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def combine(first: bytes, second: bytes, *, how: str,
            right_to_left: tuple[bool, bool] = (False, False)) -> bytes:
    """One .docx of two renders of the same document in two languages, set as `how` says
    (`columns` or `sequence`); `right_to_left` says which of the two is (Arabic)."""
    base = second if right_to_left[0] and not right_to_left[1] else first
    root, body = _body(base)
    ours = [_blocks(_body(data)[1], keep_marks=data is base) for data in (first, second)]
    section = body.find(_w("sectPr"))
    for child in [c for c in body if c is not section]:
        body.remove(child)
    if how == "columns":
        made = [_columns(*ours), etree.Element(_w("p"))]
    else:
        made = [*ours[0], _page_break(), *ours[1]]
    for position, block in enumerate(made):
        body.insert(position, block)
    parts = _parts(base)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    if any(right_to_left):
        parts["word/styles.xml"] = _complex_script_font(parts["word/styles.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()
