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

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # blocks.py sits beside this script, which is run by its path

from blocks import (  # noqa: E402 -- found through the line above
    blank_document,
    bullets,
    each,
    grid_table,
    heading_on_new_page,
    keep_cells,
    lines,
    new_document,
    para,
    placeholder_unless,
    row_props,
    section,
    table,
    when,
)

# --- the kinds --------------------------------------------------------------------------


def concept_note() -> DocumentType:
    """Numbered sections in the conventional order, each printed from its lines."""
    doc = new_document("Concept note")
    with each(doc, "section in sections"):
        para(doc, "{{ section.title }}", "Heading 1")
        lines(doc, "section.lines")
    progress(doc)
    return doc


def progress(doc: DocumentType) -> None:
    """"Progress since the last conference", when the event follows up an earlier one."""
    with when(doc, "progress"):
        para(doc, "{{ progress.heading }}", "Heading 1")
        lines(doc, "progress.lines")


def _programme_table(doc: DocumentType, rooms: bool) -> None:
    headings, widths = (["Time", "Session", "Room"], [3.3, 10.7, 2.6]) if rooms else (
        ["Time", "Session"], [3.3, 13.3])
    grid = table(doc, headings, rows=3, widths=widths)
    grid.cell(1, 0).text = "{%tr for session in day.sessions %}"
    grid.cell(2, 0).text = "{{ session.time }}"
    cell = grid.cell(2, 1)
    cell.paragraphs[0].add_run("{{ session.title }}").bold = True
    for text in ("{%p for text in session.lines %}", "{{ text }}", "{%p endfor %}"):
        cell.add_paragraph(text)
    if rooms:
        grid.cell(2, 2).text = "{{ session.room }}"
    keep_cells(grid.rows[2], "session.keep")
    grid.cell(3, 0).text = "{%tr endfor %}"


def programme() -> DocumentType:
    """A table per day: time or block, the session with its people, the room (left out
    when no session has one)."""
    doc = new_document("Programme")
    with each(doc, "day in days"):
        para(doc, "{{ day.label }}", "Heading 1")
        with when(doc, "rooms"):
            _programme_table(doc, rooms=True)
        with when(doc, "not rooms"):
            _programme_table(doc, rooms=False)
    placeholder_unless(doc, "days", "[The programme has no sessions yet.]")
    return doc


def participant_list() -> DocumentType:
    """Delegations under their group headings, on landscape pages, a table each with the
    columns that have a value, as wide as the context says."""
    doc = new_document("List of participants")
    page = doc.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    page.left_margin = page.right_margin = Cm(1.85)
    with when(doc, "public"):
        para(doc, "Public version: contact details are left out, and so is everyone who did "
                  "not agree to be listed.", "Placeholder")
    with each(doc, "group in groups"):
        para(doc, "{{ group.heading }}", "Heading 1")
        with each(doc, "delegation in group.delegations"):
            para(doc, "{{ delegation.name }}", "Heading 2")
            grid_table(doc, "grid", "delegation.rows")
    placeholder_unless(doc, "groups", "[No participants are recorded for this event yet.]")
    return doc


def working_groups() -> DocumentType:
    """One guidance note per group, each on its own page."""
    doc = new_document("Working groups")
    with each(doc, "group in groups"):
        heading_on_new_page(doc, "{{ group.title }}")
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
        keep_cells(grid.rows[2], "step.keep")
        grid.cell(3, 0).text = "{%tr endfor %}"
        with when(doc, "group.indicative"):
            para(doc, "Durations are indicative: the programme gives no clock times for this "
                      "slot.", "Placeholder")
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
    keep_cells(grid.rows[3], "true")  # a sub-theme's title stays with its first action
    keep_cells(grid.rows[6], "action.keep")
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
        with when(doc, "placeholders"):
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
        grid_table(doc, "grid", "theme.rows")
    placeholder_unless(doc, "themes", "[No follow-up activities are recorded for this event yet.]")
    para(doc, "Overdue as of {{ as_of }}", "Heading 1")
    bullets(doc, "overdue")
    placeholder_unless(doc, "overdue", "Nothing is overdue.", "Normal")
    with when(doc, "attention"):
        para(doc, "Needs attention", "Heading 1")
        bullets(doc, "attention")
    progress(doc)
    return doc


def _letter_body(doc: DocumentType) -> None:
    para(doc, "{{ letter.opening }}")
    with when(doc, "letter.purpose"):
        para(doc, "The objectives of the meeting are:")
        bullets(doc, "letter.purpose")
    for key in ("delegation", "reply"):
        para(doc, f"{{{{ letter.{key} }}}}")
    with when(doc, "letter.contact"):
        para(doc, "{{ letter.contact }}")


def invitations() -> DocumentType:
    """One letter per invitee, each starting a page: a note verbale (third person, to the
    Ministry or Permanent Mission, with the complimentary close) for a State, a letter
    for an organisation."""
    doc = blank_document("Invitations")
    with each(doc, "letter in letters"):
        heading_on_new_page(doc, "{{ date }}", "Normal")
        for paragraph in doc.paragraphs[-4:-1:2]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        with when(doc, "letter.note_verbale"):
            para(doc, "NOTE VERBALE", "Title")
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            para(doc, "{{ letter.addressee }}", "Normal", "bold")
            _letter_body(doc)
            para(doc, "{{ letter.close }}")
        with when(doc, "not letter.note_verbale"):
            para(doc, "{{ letter.addressee }}", "Normal", "bold")
            para(doc, "{{ letter.salutation }}")
            _letter_body(doc)
            para(doc, "{{ letter.close }}")
            para(doc, "{{ letter.signature }}")
    placeholder_unless(doc, "letters", "[No invitation on the list has an addressee yet.]")
    return doc


#: A badge: 90 × 55 mm, the size of the common badge holders.
BADGE_CM = (9.0, 5.5)


def _badge(cell: _Cell, badge: str) -> None:
    band = cell.paragraphs[0]
    band.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = band.add_run(f"{{{{ {badge}.band }}}}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(12), RGBColor(0xFF, 0xFF, 0xFF)
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), f"{{{{ {badge}.colour }}}}")  # the role's colour, from BANDS
    band._p.get_or_add_pPr().append(shade)
    for text, size, bold, before in ((f"{{{{ {badge}.title }}}}", 9, False, 6),
                                     (f"{{{{ {badge}.name }}}}", 18, True, 10),
                                     (f"{{{{ {badge}.organisation }}}}", 11, False, 6)):
        paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold or None, Pt(size)


def _cut_lines(grid: Table) -> None:
    # Dashed grey lines round every badge: where to cut.
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for name, value in (("val", "dashed"), ("sz", "4"), ("space", "0"),
                            ("color", "8C8C8C")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    grid._tbl.tblPr.append(borders)


def badges() -> DocumentType:
    """Badges of 90 × 55 mm, two columns of four to an A4 sheet, with cutting lines; the
    band at the top in the role's colour."""
    doc = blank_document("Badges")
    page = doc.sections[0]
    page.left_margin = page.right_margin = Cm((21.0 - 2 * BADGE_CM[0]) / 2)
    page.top_margin = page.bottom_margin = Cm(2.0)  # four rows fit, a fifth does not
    grid = doc.add_table(rows=3, cols=2)
    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cut_lines(grid)
    for column in grid.columns:
        column.width = Cm(BADGE_CM[0])
        for cell in column.cells:
            cell.width = Cm(BADGE_CM[0])
    grid.cell(0, 0).text = "{%tr for row in rows %}"
    row_props(grid.rows[1], height_cm=BADGE_CM[1])
    _badge(grid.cell(1, 0), "row[0]")
    _badge(grid.cell(1, 1), "row[1]")
    grid.cell(2, 0).text = "{%tr endfor %}"
    placeholder_unless(doc, "rows", "[No one is registered as coming yet.]")
    return doc


BUILDERS: dict[str, Callable[[], DocumentType]] = {
    "concept-note": concept_note, "programme": programme,
    "participant-list": participant_list, "working-groups": working_groups,
    "action-plan": action_plan, "summary-report": summary_report, "follow-up": follow_up,
    "invitations": invitations, "badges": badges,
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
