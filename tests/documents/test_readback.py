"""The concept note back from Word: edited the way Word writes edits, read back against the
record section by section, and the chosen sections taken."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from planner.documents import render_document
from planner.documents import sandbox as limits
from planner.documents.pdf import find_soffice
from planner.documents.readback import Report, accept, read_back
from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event
from tests.conftest import SHIPPED, SHIPPED_IDS
from tests.documents.word_edits import (
    ADDED,
    ANA,
    DATE,
    LESSON,
    REWRITTEN,
    WordFile,
    edit_like_word,
)

pytestmark = pytest.mark.integration

LIBRARY = Library(SHIPPED)
DAR = "dar-es-salaam-2010"


def _note(library: Library, event: Event) -> bytes:
    return render_document("concept-note", event, registry=library.registry)


def _edited(library: Library, event: Event) -> bytes:
    return edit_like_word(_note(library, event))


def _read(library: Library, event: Event, data: bytes) -> Report:
    return read_back(event, data, registry=library.registry, name="note.docx")


@pytest.fixture
def dar(shipped_copy: Library) -> tuple[Event, Report]:
    event = shipped_copy.load(DAR)
    return event, _read(shipped_copy, event, _edited(shipped_copy, event))


def test_readback_finds_each_section_as_edited(dar: tuple[Event, Report]) -> None:
    _, report = dar
    assert [(s.key, s.status) for s in report.sections] == [
        ("introduction", "unchanged"), ("background", "changed"),
        ("mixed-flows-to-southern-africa", "changed"), ("objectives", "changed"),
        ("objectives-continued", "unchanged"), ("methodology", "removed"),
        ("participants", "unchanged"), ("lessons-learned", "added")]
    assert (report.author, report.matched_by) == (ANA, "bookmarks")


def test_readback_diffs_changed_sections_word_by_word(dar: tuple[Event, Report]) -> None:
    _, report = dar
    by_key = {s.key: s for s in report.sections}
    changes = {key: [pair for pair in by_key[key].diff if pair[0] != "="]
               for key in ("mixed-flows-to-southern-africa", "objectives")}
    assert changes == {"mixed-flows-to-southern-africa": [("+", f"¶ {ADDED}")],
                       "objectives": [("-", "Increase"), ("+", "Deepen")]}
    background = by_key["background"].diff
    assert background[2] == ("+", "complex.")
    assert background[1][1].startswith("complex in recent years")
    assert by_key["lessons-learned"].document == ["Lessons learned", LESSON]
    assert by_key["lessons-learned"].after == 7


def test_readback_reports_record_parts_edited_never_taken(dar: tuple[Event, Report]) -> None:
    event, report = dar
    edited = [p.message for p in report.parts if p.status != "unchanged"]
    assert edited == ["Place and dates: edited in Word; the record says 'Dar es Salaam, "
                      "United Republic of Tanzania, 6–7 September 2010' (edit the record, "
                      "not the document)"]
    assert accept(event, report, ["all"]).start == event.start


def test_readback_lists_tracked_changes_with_author_and_date(
        dar: tuple[Event, Report]) -> None:
    _, report = dar
    assert [(s.kind, s.author, s.date, s.text, s.section) for s in report.suggestions] == [
        ("deletion", ANA, DATE, "Increase", "objectives"),
        ("insertion", ANA, DATE, "Deepen", "objectives")]
    assert report.suggestions[0].paragraph.startswith("Deepen understanding on the nature")


def test_readback_lists_comments_with_their_paragraph(dar: tuple[Event, Report]) -> None:
    _, report = dar
    assert [(c.author, c.date, c.text, c.section) for c in report.comments] == [
        (ANA, DATE, "Please check the dates.", "introduction")]
    assert report.comments[0].paragraph.startswith("This Concept Paper provides a synopsis")


def test_accept_all_takes_every_changed_section(dar: tuple[Event, Report]) -> None:
    event, report = dar
    sections = accept(event, report, ["all"]).concept_note.sections
    old = {s.key: s for s in event.concept_note.sections}
    by_key = {s.key: s for s in sections}
    assert [s.key for s in sections] == [
        "introduction", "background", "mixed-flows-to-southern-africa", "objectives",
        "objectives-continued", "participants", "lessons-learned"]
    assert by_key["background"].text.split("\n\n")[0] == REWRITTEN
    assert by_key["background"].heading == old["background"].heading  # as the record wrote it
    assert by_key["mixed-flows-to-southern-africa"].text.split("\n\n")[1] == ADDED
    assert by_key["objectives"].items[0].startswith("Deepen understanding on the nature")
    assert by_key["objectives"].items[1:] == old["objectives"].items[1:]
    assert by_key["objectives"].text == old["objectives"].text
    assert by_key["participants"] == old["participants"]
    assert (by_key["lessons-learned"].heading, by_key["lessons-learned"].text) == (
        "Lessons learned", LESSON)


def test_accept_some_sections_keeps_the_others(dar: tuple[Event, Report]) -> None:
    event, report = dar
    sections = accept(event, report, ["objectives", "methodology"]).concept_note.sections
    assert [s.key for s in sections] == [
        "introduction", "background", "mixed-flows-to-southern-africa", "objectives",
        "objectives-continued", "participants"]
    assert sections[1] == event.concept_note.sections[1]
    assert sections[3].items[0].startswith("Deepen")


def test_accept_refuses_an_unchanged_section(dar: tuple[Event, Report]) -> None:
    event, report = dar
    with pytest.raises(PlannerError, match=r"no change in section 'introduction' \(changed: "
                                           r"background, mixed-flows-to-southern-africa, "):
        accept(event, report, ["introduction"])


def test_accepted_sections_read_back_unchanged(shipped_copy: Library,
                                               dar: tuple[Event, Report]) -> None:
    event, report = dar
    taken = accept(event, report, ["all"])
    again = _read(shipped_copy, taken, _note(shipped_copy, taken))
    assert again.has_changes is False


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_round_trip_without_edits_reports_nothing(event_id: str) -> None:
    event = LIBRARY.load(event_id)
    report = _read(LIBRARY, event, _note(LIBRARY, event))
    assert (report.has_changes, report.matched_by) == (False, "bookmarks")
    assert {s.status for s in report.sections} <= {"unchanged"}


def test_round_trip_of_a_new_event_reports_nothing(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    report = _read(planned, event, _note(planned, event))
    assert report.has_changes is False
    assert len(report.sections) == len(event.concept_note.sections)


def test_a_new_event_takes_a_drafted_placeholder(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    doc = WordFile(_note(planned, event))
    outcomes = doc.marked("slot_outcomes")
    doc.rewrite(outcomes[1], "A regional action plan.")
    doc.rewrite(doc.marked("part_agenda")[0], "Day 1 – Tuesday 7 September 2027")
    report = _read(planned, event, doc.data())
    assert [(s.key, s.status, s.document) for s in report.changed] == [
        ("outcomes", "added", ["5. Expected outcomes", "A regional action plan."])]
    assert [p.heading for p in report.parts if p.status == "edited"] == ["Proposed agenda"]
    taken = accept(event, report, ["outcomes"]).concept_note.sections
    assert (taken[-1].key, taken[-1].heading, taken[-1].text) == (
        "outcomes", "5. Expected outcomes", "A regional action plan.")


def test_a_file_without_marks_is_matched_by_headings(shipped_copy: Library) -> None:
    event = shipped_copy.load(DAR)
    doc = WordFile(_note(shipped_copy, event))
    doc.rewrite(doc.marked("section_2")[1], REWRITTEN)
    for mark in list(doc.body.iter("{*}bookmarkStart", "{*}bookmarkEnd")):
        mark.getparent().remove(mark)
    report = _read(shipped_copy, event, doc.data())
    assert report.matched_by == "headings"
    assert [(s.key, s.status) for s in report.changed] == [("background", "changed")]


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def test_readback_refuses_what_is_not_a_word_file() -> None:
    event = LIBRARY.load(DAR)
    with pytest.raises(PlannerError, match=r"^note.docx is not a Word .docx file$"):
        _read(LIBRARY, event, b"not a zip")
    with pytest.raises(PlannerError, match=r"^note.docx is not a Word .docx file \(it has "
                                           r"no word/document.xml\)$"):
        _read(LIBRARY, event, _zip({"hello.txt": b"hi"}))


def test_readback_refuses_a_dtd(shipped_copy: Library) -> None:
    event = shipped_copy.load(DAR)
    doc = WordFile(_note(shipped_copy, event))
    data = doc.data()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts["word/document.xml"] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                                  + parts["word/document.xml"].split(b"?>", 1)[1])
    with pytest.raises(PlannerError, match=r"^note.docx: refused: word/document.xml declares "
                                           r"a DTD or entities"):
        _read(shipped_copy, event, _zip(parts))


def test_readback_refuses_a_file_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    event = LIBRARY.load(DAR)
    data = _note(LIBRARY, event)
    monkeypatch.setattr(limits, "MAX_TEMPLATE_BYTES", 1000)
    with pytest.raises(PlannerError, match=r"^note.docx: the document is 0.0 MB; documents are "
                                           r"limited to 0 MB$"):
        _read(LIBRARY, event, data)


def _convert(program: str, source: Path, to: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="planner-soffice-") as profile:
        subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--headless", "--norestore", "--convert-to", to, "--outdir",
                        str(outdir), str(source)], capture_output=True, timeout=120,
                       check=True)
    return outdir / f"{source.stem}.{re.split(r'[:]', to)[0]}"


@pytest.mark.skipif(find_soffice() is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_round_trip_reads_back_unchanged(tmp_path: Path) -> None:
    event = LIBRARY.load(DAR)
    source = tmp_path / "note.docx"
    source.write_bytes(_note(LIBRARY, event))
    program = find_soffice() or "soffice"
    odt = _convert(program, source, "odt", tmp_path / "odt")
    back = _convert(program, odt, "docx:MS Word 2007 XML", tmp_path / "back")
    report = _read(LIBRARY, event, back.read_bytes())
    assert (report.has_changes, report.matched_by) == (False, "bookmarks")


def test_bookmarks_word_moved_to_the_paragraph_edges_still_match(shipped_copy: Library) -> None:
    event = shipped_copy.load(DAR)
    doc = WordFile(_note(shipped_copy, event))
    background, flows = doc.marked("section_2"), doc.marked("section_3")
    end = next(e for e in background[-1].iter("{*}bookmarkEnd"))
    start = next(s for s in flows[0].iter("{*}bookmarkStart"))
    flows[0].insert(1, end)  # the end of one at the start of the next paragraph,
    background[-1].append(start)  # the start of the next at the end of the one before
    report = _read(shipped_copy, event, doc.data())
    assert report.has_changes is False


def test_a_paragraph_typed_after_a_section_belongs_to_it(shipped_copy: Library) -> None:
    event = shipped_copy.load(DAR)
    doc = WordFile(_note(shipped_copy, event))
    last = doc.marked("section_3")[-1]
    doc.add_after(last, ADDED)  # after the bookmark's end, which Word leaves where it was
    report = _read(shipped_copy, event, doc.data())
    assert [(s.key, [d for d in s.diff if d[0] != "="]) for s in report.changed] == [
        ("mixed-flows-to-southern-africa", [("+", f"¶ {ADDED}")])]
