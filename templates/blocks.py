"""The building blocks of the Word templates that templates/build.py writes: docxtpl tags as
paragraphs, tables whose rows keep together, our styles and the title block every kind shares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

#: How each `line.style` of a context is printed: (Word paragraph style, run format).
LINE_STYLES = (
    ("heading2", "Heading 2", ""), ("heading3", "Heading 3", ""), ("text", "Normal", ""),
    ("number", "List Number", ""), ("bullet", "List Bullet", ""),
    ("bullet2", "List Bullet 2", ""), ("strong", "Normal", "bold"),
    ("item", "Labelled Item", ""), ("item2", "Labelled Item 2", ""),
    ("placeholder", "Placeholder", ""),
)


# --- building blocks ------------------------------------------------------------------


def tag(doc: DocumentType, text: str) -> None:
    """A paragraph holding only a `{%p … %}` tag (docxtpl removes it when rendering)."""
    doc.add_paragraph(text)


def para(doc: DocumentType, text: str, style: str = "Normal", fmt: str = "") -> None:
    """A paragraph of one run, so that docxtpl finds each tag whole."""
    run = doc.add_paragraph(style=style).add_run(text)
    run.bold = "bold" in fmt or None
    run.italic = "italic" in fmt or None


@contextmanager
def when(doc: DocumentType, condition: str) -> Iterator[None]:
    """Paragraphs printed only when `condition` holds: a `{%p if %}` block."""
    tag(doc, f"{{%p if {condition} %}}")
    yield
    tag(doc, "{%p endif %}")


@contextmanager
def each(doc: DocumentType, loop: str) -> Iterator[None]:
    """Paragraphs repeated for each item: a `{%p for <loop> %}` block."""
    tag(doc, f"{{%p for {loop} %}}")
    yield
    tag(doc, "{%p endfor %}")


def placeholder_unless(doc: DocumentType, condition: str, text: str,
                       style: str = "Placeholder") -> None:
    """A paragraph standing in for what is missing, printed when `condition` is false."""
    with when(doc, f"not {condition}"):
        para(doc, text, style)


@contextmanager
def section(doc: DocumentType, heading: str, condition: str) -> Iterator[None]:
    """A Heading 2 section printed only when `condition` holds."""
    with when(doc, condition):
        para(doc, heading, "Heading 2")
        yield


def lines(doc: DocumentType, variable: str) -> None:
    """Print a context's `lines` (dicts of style and text), one Word style per style."""
    with each(doc, f"line in {variable}"):
        for index, (name, style, fmt) in enumerate(LINE_STYLES):
            tag(doc, f"{{%p {'if' if index == 0 else 'elif'} line.style == '{name}' %}}")
            para(doc, "{{ line.text }}", style, fmt)
        tag(doc, "{%p endif %}")


def bullets(doc: DocumentType, variable: str, style: str = "List Bullet") -> None:
    """A bulleted list of strings."""
    with each(doc, f"item in {variable}"):
        para(doc, "{{ item }}", style)


def keep_with_next_when(paragraph: Paragraph, condition: str) -> None:
    """Keep the paragraph with the next one when the Jinja `condition` holds: the
    attribute is a tag, so a table row keeps with its neighbour only where the context
    says (`row.keep`, see planner.documents.wording.keep_rows)."""
    paragraph.paragraph_format.keep_with_next = True
    keep = paragraph._p.pPr.find(qn("w:keepNext"))
    keep.set(qn("w:val"), f"{{{{ ({condition}) | lower }}}}")


def keep_cells(row: _Row, condition: str) -> None:
    """Every paragraph of a template row kept with the next row when `condition` holds."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            keep_with_next_when(paragraph, condition)


def row_props(row: _Row, *, header: bool = False, height_cm: float | None = None) -> None:
    """A row that never splits across pages (and, for a header, repeats on each page)."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if height_cm is not None:
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(round(height_cm * 567)))
        height.set(qn("w:hRule"), "exact")
        props.append(height)
    if header:
        props.append(OxmlElement("w:tblHeader"))


def table(doc: DocumentType, headings: list[str], rows: int, widths: list[float]) -> Table:
    """A Table Grid table of the given column widths (cm) whose first row holds the
    bold headings, keeps with the first row and repeats on every page; no row splits.
    (Once its cells are filled in, `keep_cells` makes a body row keep with the next.)"""
    grid = doc.add_table(rows=rows + 1, cols=len(headings))
    grid.style = "Table Grid"
    grid.autofit = False
    for cell, heading in zip(grid.rows[0].cells, headings, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads
        for cell in column.cells:
            cell.width = Cm(width)  # the cell widths Word reads
    for index, row in enumerate(grid.rows):
        row_props(row, header=index == 0)
    keep_cells(grid.rows[0], "true")
    return grid


def _cell_width(cell: _Cell, expression: str) -> None:
    width = cell._tc.get_or_add_tcPr().get_or_add_tcW()
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), expression)


def grid_table(doc: DocumentType, grid: str, rows: str) -> Table:
    """A table whose columns come from the context: `grid` lists each column's
    `heading` and `width` (twips), and each of `rows` has its `cells` and `keep` (keep
    with the next row). Columns the context leaves out are simply not there."""
    table_ = doc.add_table(rows=4, cols=3)
    table_.style = "Table Grid"
    table_.autofit = False
    table_.cell(0, 0).text = f"{{%tc for column in {grid} %}}"
    table_.cell(0, 1).paragraphs[0].add_run("{{ column.heading }}").bold = True
    table_.cell(0, 2).text = "{%tc endfor %}"
    table_.cell(1, 0).text = f"{{%tr for row in {rows} %}}"
    table_.cell(2, 0).text = "{%tc for value in row.cells %}"
    table_.cell(2, 1).text = "{{ value }}"
    table_.cell(2, 2).text = "{%tc endfor %}"
    table_.cell(3, 0).text = "{%tr endfor %}"
    _cell_width(table_.cell(0, 1), "{{ column.width }}")
    _cell_width(table_.cell(2, 1), f"{{{{ {grid}[loop.index0].width }}}}")
    row_props(table_.rows[0], header=True)
    row_props(table_.rows[2])
    keep_with_next_when(table_.cell(0, 1).paragraphs[0], "true")
    keep_with_next_when(table_.cell(2, 1).paragraphs[0], "row.keep")
    columns = table_._tbl.tblGrid
    for column in list(columns):
        columns.remove(column)
    column = OxmlElement("w:gridCol")
    column.set(qn("w:w"), "{{ column.width }}")
    columns.text, column.tail = f"{{% for column in {grid} %}}", "{% endfor %}"
    columns.append(column)
    return table_


def heading_on_new_page(doc: DocumentType, text: str, style: str = "Heading 1") -> None:
    """A heading that starts a new page, except in the loop's first iteration. The break
    belongs to the heading itself, so a page the previous item just filled is never
    followed by an empty one."""
    tag(doc, "{%p if loop.first %}")
    para(doc, text, style)
    tag(doc, "{%p else %}")
    para(doc, text, style)
    doc.paragraphs[-1].paragraph_format.page_break_before = True
    tag(doc, "{%p endif %}")


#: The typeface of every style: Word has Arial everywhere, and LibreOffice lays it out with
#: Liberation Sans, which has the same widths, so both break lines at the same places.
TYPEFACE = "Arial"


def _typeface(doc: DocumentType) -> None:
    # Theme fonts (Calibri, Cambria) would win over a named one, and LibreOffice lays them
    # out with whatever it has: every style and the defaults name the typeface instead.
    fonts = list(doc.styles.element.iter(qn("w:rFonts")))
    for element in fonts:
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            element.attrib.pop(qn(f"w:{attribute}"), None)
        for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):
            element.set(qn(f"w:{attribute}"), TYPEFACE)


def _styles(doc: DocumentType) -> None:
    styles = doc.styles
    for name, indent in (("Labelled Item", 1.0), ("Labelled Item 2", 2.0)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.first_line_indent = Cm(-1.0)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(indent))
    placeholder = styles.add_style("Placeholder", WD_STYLE_TYPE.PARAGRAPH)
    placeholder.base_style = styles["Normal"]
    placeholder.font.italic = True
    placeholder.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    styles["Normal"].font.size = Pt(11)
    styles["Footer"].font.size = Pt(8)
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.name = TYPEFACE  # an rFonts where the style had none
    _typeface(doc)


def _slim(doc: DocumentType) -> None:
    # python-docx's default package carries a thumbnail, a Word 2010 copy of the styles
    # and 130 table styles: 0.8 MB that every render would re-compress. Word still
    # offers its built-in table styles to an organiser who restyles a template.
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel.rId)
    package_rels = doc.part.package.rels
    for rel_id in [r.rId for r in package_rels.values() if r.reltype.endswith("/thumbnail")]:
        package_rels.pop(rel_id)
    keep = {"Table Grid", "Normal Table"}
    for style in list(doc.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in keep:
            style.element.getparent().remove(style.element)


def blank_document(kind_title: str) -> DocumentType:
    """An A4 document with our styles and margins, and nothing in it."""
    doc = Document()
    _slim(doc)
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = kind_title, "planner", "planner"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    return doc


def new_document(kind_title: str) -> DocumentType:
    """A document with our styles, margins, footer and the title block every kind shares."""
    doc = blank_document(kind_title)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = "{{ document.title }} · {{ event.city }}, {{ event.dates }}"
    footer.style = doc.styles["Footer"]
    para(doc, "{{ event.title }}", "Title")
    para(doc, "{{ document.title }}", "Subtitle")
    para(doc, "{{ event.place }}, {{ event.dates }}", "Normal", "bold")
    return doc
