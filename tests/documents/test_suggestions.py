"""Tracked changes decided one by one (#26): a suggestion the organiser rejects is undone in
the file before it is read, the others are taken with their section."""

from __future__ import annotations

import pytest

from planner.documents import render_document
from planner.documents.readback import Report, accept, read_back
from planner.documents.revisions import reject
from planner.library import Library
from tests.conftest import SHIPPED
from tests.documents.word_edits import ANA, edit_like_word

LIBRARY = Library(SHIPPED)
DAR = "dar-es-salaam-2010"
EVENT = LIBRARY.load(DAR)
EDITED = edit_like_word(render_document("concept-note", EVENT, registry=LIBRARY.registry))


def _read(data: bytes) -> Report:
    return read_back(EVENT, data, registry=LIBRARY.registry, name="note.docx")


def _objectives(data: bytes) -> str:
    report = _read(data)
    finding = next(f for f in report.sections if f.key == "objectives")
    return " ".join(finding.document)


def test_both_halves_of_a_replacement_rejected_leave_the_section_unchanged() -> None:
    report = _read(EDITED)
    again = _read(reject(EDITED, [1, 2]))
    assert [(s.kind, s.text) for s in report.suggestions] == [
        ("deletion", "Increase"), ("insertion", "Deepen")]
    assert (again.suggestions, "objectives" in [f.key for f in again.changed]) == ([], False)


def test_rejecting_the_insertion_keeps_the_deletion_tracked() -> None:
    again = _read(reject(EDITED, [2]))
    text = _objectives(reject(EDITED, [2]))
    assert [(s.kind, s.author, s.text) for s in again.suggestions] == [
        ("deletion", ANA, "Increase")]
    assert "Deepen" not in text and "Increase understanding" not in text


def test_rejecting_the_deletion_brings_the_word_back() -> None:
    text = _objectives(reject(EDITED, [1]))
    assert "objectives: IncreaseDeepen understanding" in text  # as Word would read it


def test_accepting_a_section_after_a_rejection_takes_it_without_the_suggestion() -> None:
    data = reject(EDITED, [2])
    revised = accept(EVENT, _read(data), ["objectives"])
    section = next(s for s in revised.concept_note.sections if s.key == "objectives")
    assert "Deepen" not in (section.text or "") + " ".join(section.items)


def test_a_number_that_names_no_suggestion_is_refused() -> None:
    with pytest.raises(ValueError, match=r"no suggestion 3 \(the file has 2\)"):
        reject(EDITED, [3])
