"""Build the Word templates of every document kind: `python templates/build.py [DIR]`.

Each template is written with python-docx and docxtpl tags (`{%p %}` paragraph
loops and conditions, `{%tr %}` row loops, `{%tc %}` column loops) and uses Word's
own styles (Title, Subtitle, Heading 1–3, List Number, List Bullet, Table Grid and
three styles of ours: Labelled Item, Labelled Item 2, Placeholder), so that an
organiser can restyle a document in Word and keep it as their own template.

The built files are checked in; tests/documents/test_templates.py fails when they
differ from what this script builds. The files are byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

HERE = Path(__file__).resolve().parent
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


def table(doc: DocumentType, headings: list[str], rows: int, widths: list[float]) -> Table:
    """A Table Grid table of the given column widths (cm) whose first row holds the
    bold headings and repeats on every page."""
    grid = doc.add_table(rows=rows + 1, cols=len(headings))
    grid.style = "Table Grid"
    grid.autofit = False
    for cell, heading in zip(grid.rows[0].cells, headings, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads
        for cell in column.cells:
            cell.width = Cm(width)  # the cell widths Word reads
    header = grid.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    return grid


def page_break_between(doc: DocumentType) -> None:
    """A page break before every iteration of the enclosing loop but the first."""
    with when(doc, "not loop.first"):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


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


def new_document(kind_title: str) -> DocumentType:
    """A document with our styles, margins, footer and the title block every kind shares."""
    doc = Document()
    _slim(doc)
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.text = "{{ document.title }} · {{ event.place }}, {{ event.dates }}"
    footer.style = doc.styles["Footer"]
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = kind_title, "planner", "planner"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    para(doc, "{{ event.title }}", "Title")
    para(doc, "{{ document.title }}", "Subtitle")
    para(doc, "{{ event.place }}, {{ event.dates }}", "Normal", "bold")
    return doc


# --- the kinds --------------------------------------------------------------------------


def concept_note() -> DocumentType:
    """Numbered sections in the conventional order, each printed from its lines."""
    doc = new_document("Concept note")
    with each(doc, "section in sections"):
        para(doc, "{{ section.number }}. {{ section.heading }}", "Heading 1")
        lines(doc, "section.lines")
    progress(doc)
    return doc


def progress(doc: DocumentType) -> None:
    """"Progress since the last conference", when the event follows up an earlier one."""
    with when(doc, "progress"):
        para(doc, "{{ progress.heading }}", "Heading 1")
        lines(doc, "progress.lines")


def programme() -> DocumentType:
    """A table per day: time or block, the session with its people, the room."""
    doc = new_document("Programme")
    with each(doc, "day in days"):
        para(doc, "{{ day.label }}", "Heading 1")
        grid = table(doc, ["Time", "Session", "Room"], rows=3, widths=[3.3, 10.7, 2.6])
        grid.cell(1, 0).text = "{%tr for session in day.sessions %}"
        grid.cell(2, 0).text = "{{ session.time }}"
        cell = grid.cell(2, 1)
        cell.paragraphs[0].add_run("{{ session.title }}").bold = True
        for text in ("{%p for text in session.lines %}", "{{ text }}", "{%p endfor %}"):
            cell.add_paragraph(text)
        grid.cell(2, 2).text = "{{ session.room }}"
        grid.cell(3, 0).text = "{%tr endfor %}"
    placeholder_unless(doc, "days", "[The programme has no sessions yet.]")
    return doc


def participant_list() -> DocumentType:
    """Delegations under their group headings, a table with the chosen columns each."""
    doc = new_document("List of participants")
    with when(doc, "public"):
        para(doc, "Public version: contact details are left out, and so is everyone who did "
                  "not agree to be listed.", "Placeholder")
    with each(doc, "group in groups"):
        para(doc, "{{ group.heading }}", "Heading 1")
        with each(doc, "delegation in group.delegations"):
            para(doc, "{{ delegation.name }}", "Heading 2")
            grid = doc.add_table(rows=4, cols=3)
            grid.style = "Table Grid"
            grid.cell(0, 0).text = "{%tc for column in columns %}"
            grid.cell(0, 2).text = "{%tc endfor %}"
            grid.cell(0, 1).paragraphs[0].add_run("{{ column }}").bold = True
            grid.cell(1, 0).text = "{%tr for row in delegation.rows %}"
            grid.cell(2, 0).text = "{%tc for value in row %}"
            grid.cell(2, 2).text = "{%tc endfor %}"
            grid.cell(2, 1).text = "{{ value }}"
            grid.cell(3, 0).text = "{%tr endfor %}"
    placeholder_unless(doc, "groups", "[No participants are recorded for this event yet.]")
    return doc


def working_groups() -> DocumentType:
    """One guidance note per group, each on its own page."""
    doc = new_document("Working groups")
    with each(doc, "group in groups"):
        page_break_between(doc)
        para(doc, "{{ group.title }}", "Heading 1")
        para(doc, "Round {{ group.round }} · {{ group.slot }}", "Normal", "bold")
        para(doc, "Chair: {{ group.chair }}")
        para(doc, "Rapporteurs: {{ group.rapporteurs }}")
        with section(doc, "Scope", "group.scope"):
            para(doc, "{{ group.scope }}")
        with section(doc, "Action points of the 10-Point Plan", "group.action_points"):
            bullets(doc, "group.action_points")
        para(doc, "Running order", "Heading 2")
        grid = table(doc, ["Time", "Item"], rows=3, widths=[4.0, 12.6])
        grid.cell(1, 0).text = "{%tr for step in group.running_order %}"
        grid.cell(2, 0).text, grid.cell(2, 1).text = "{{ step.time }}", "{{ step.item }}"
        grid.cell(3, 0).text = "{%tr endfor %}"
        with when(doc, "group.indicative"):
            para(doc, "Times are indicative: the programme gives no clock times for this slot.",
                 "Placeholder")
        with section(doc, "Guiding questions", "group.questions"), \
                each(doc, "question in group.questions"):
            para(doc, "{{ loop.index }}.\t{{ question }}", "Labelled Item")
        with section(doc, "Background and guidance", "group.guidance"):
            para(doc, "{{ group.guidance }}")
        with section(doc, "Findings of the national consultations", "group.findings"):
            bullets(doc, "group.findings")
        para(doc, "Members", "Heading 2")
        bullets(doc, "group.members")
        placeholder_unless(doc, "group.members", "[Members to be assigned.]")
        para(doc, "Expected output", "Heading 2")
        para(doc, "{{ group.expected_output }}")
    placeholder_unless(doc, "groups", "[The event has no working groups yet.]")
    return doc


def _menu_of_actions(doc: DocumentType) -> None:
    grid = table(doc, ["Menu of actions", "Conference recommendation(s)"], rows=8,
                 widths=[11.6, 5.0])
    grid.cell(1, 0).text = "{%tr for theme in area.sub_themes %}"
    grid.cell(2, 0).text = "{%tr if theme.title %}"
    merged = grid.cell(3, 0).merge(grid.cell(3, 1))
    merged.paragraphs[0].add_run("{{ theme.title }}").bold = True
    grid.cell(4, 0).text = "{%tr endif %}"
    grid.cell(5, 0).text = "{%tr for action in theme.actions %}"
    grid.cell(6, 0).text, grid.cell(6, 1).text = "{{ action.text }}", "{{ action.references }}"
    for text in ("{%p if action.lead %}", "{{ action.lead }}", "{%p endif %}"):
        grid.cell(6, 0).add_paragraph(text)
    grid.cell(7, 0).text = "{%tr endfor %}"
    grid.cell(8, 0).text = "{%tr endfor %}"


def action_plan() -> DocumentType:
    """The Dar es Salaam layout: per area rationale, targets, menu of actions, side lists."""
    doc = new_document("Action plan")
    para(doc, "{{ title }}", "Heading 1")
    with when(doc, "draft"):
        para(doc, "No action plan is recorded for this event. This draft gives one area per "
                  "section of recommendations; write the actions that implement them.",
             "Placeholder")
    bullets(doc, "introduction", "Normal")
    with each(doc, "area in areas"):
        para(doc, "{{ area.number }}. {{ area.heading }}", "Heading 1")
        with section(doc, "Rationale", "area.rationale"):
            bullets(doc, "area.rationale", "Normal")
        with section(doc, "Targets", "area.targets"):
            bullets(doc, "area.targets")
        with section(doc, "Menu of actions", "area.sub_themes"):
            _menu_of_actions(doc)
        with each(doc, "side in area.side_lists"):
            para(doc, "{{ side.title }}", "Heading 3")
            bullets(doc, "side.entries")
    return doc


def summary_report() -> DocumentType:
    """Introduction in five parts, then a section per theme ending in its recommendations."""
    doc = new_document("Summary report")
    para(doc, "Introduction", "Heading 1")
    with each(doc, "part in introduction"):
        para(doc, "{{ part.heading }}", "Heading 2")
        lines(doc, "part.lines")
    with each(doc, "section in sections"):
        para(doc, "{{ section.heading }}", "Heading 1")
        para(doc, "[Summary of the working group's discussion.]", "Placeholder")
        para(doc, "Recommendations", "Heading 2")
        lines(doc, "section.lines")
        placeholder_unless(doc, "section.lines", "[No recommendations recorded yet.]")
    return doc


def follow_up() -> DocumentType:
    """Items by theme with owner, status, dates and progress; what is overdue."""
    doc = new_document("Follow-up report")
    para(doc, "Status as of {{ as_of }}", "Normal", "bold")
    lines(doc, "summary")
    with each(doc, "theme in themes"):
        para(doc, "{{ theme.heading }}", "Heading 1")
        grid = table(doc, ["Activity", "Owner", "Status", "Dates", "Progress"], rows=3,
                     widths=[7.0, 2.8, 2.2, 2.6, 2.0])
        grid.cell(1, 0).text = "{%tr for item in theme.activities %}"
        for column, key in enumerate(("text", "owner", "status", "dates", "progress")):
            grid.cell(2, column).text = f"{{{{ item.{key} }}}}"
        grid.cell(3, 0).text = "{%tr endfor %}"
    placeholder_unless(doc, "themes", "[No follow-up activities are recorded for this event yet.]")
    para(doc, "Overdue as of {{ as_of }}", "Heading 1")
    bullets(doc, "overdue")
    placeholder_unless(doc, "overdue", "Nothing is overdue.", "Normal")
    with when(doc, "attention"):
        para(doc, "Needs attention", "Heading 1")
        bullets(doc, "attention")
    progress(doc)
    return doc


BUILDERS: dict[str, Callable[[], DocumentType]] = {
    "concept-note": concept_note, "programme": programme,
    "participant-list": participant_list, "working-groups": working_groups,
    "action-plan": action_plan, "summary-report": summary_report, "follow-up": follow_up,
}


def reproducible(data: bytes) -> bytes:
    """The same .docx with fixed timestamps inside the zip, so a rebuild is byte-identical."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, source.read(info.filename))
    return target.getvalue()


def build_all(folder: Path = HERE) -> list[Path]:
    """Write `<kind>.docx` for every kind into `folder`; return the paths."""
    written = []
    for kind, build in BUILDERS.items():
        buffer = io.BytesIO()
        build().save(buffer)
        path = folder / f"{kind}.docx"
        path.write_bytes(reproducible(buffer.getvalue()))
        written.append(path)
    return written


if __name__ == "__main__":
    for built in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"built {built}")
