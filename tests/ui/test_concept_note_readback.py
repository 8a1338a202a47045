"""The Concept note page's read-back: the note edited in Word uploaded, one changed section
accepted and another kept, and the record shows exactly that after one save."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner.documents import render_document
from planner.library import Library
from planner.ui.state import key
from tests.documents.word_edits import REWRITTEN, edit_like_word
from tests.ui.test_pages import event_app

pytestmark = pytest.mark.e2e

DAR = "dar-es-salaam-2010"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _uploaded(library: Library, data: bytes) -> AppTest:
    app = event_app("concept-note", library)
    app.file_uploader(key=key("note_upload", DAR, 0)).upload("note.docx", data, DOCX)
    return app.run()


def _note(library: Library) -> bytes:
    return render_document("concept-note", library.load(DAR), registry=library.registry)


def test_an_unedited_note_reads_back_unchanged(shipped_copy: Library) -> None:
    app = _uploaded(shipped_copy, _note(shipped_copy))
    assert [s.value for s in app.success] == [
        "Nothing changed: the document reads as the record."]


def test_accept_one_section_keep_another_then_one_save(shipped_copy: Library) -> None:
    before = shipped_copy.load(DAR)
    app = _uploaded(shipped_copy, edit_like_word(_note(shipped_copy)))
    take = app.button(key=key("note_take", DAR))
    assert (take.disabled, [w.value for w in app.warning][:1]) == (True, [
        "Place and dates: edited in Word; the record says 'Dar es Salaam, United Republic of "
        "Tanzania, 6–7 September 2010' (edit the record, not the document)"])

    app.button(key=key("note_accept", DAR, "background")).click().run()
    app.button(key=key("note_keep", DAR, "objectives")).click().run()
    app.button(key=key("note_take", DAR)).click().run()

    after = Library(shipped_copy.path).load(DAR)
    by_key = {s.key: s for s in after.concept_note.sections}
    old = {s.key: s for s in before.concept_note.sections}
    assert list(app.exception) == []
    assert after.revision == before.revision + 1
    assert by_key["background"].text.split("\n\n")[0] == REWRITTEN
    assert by_key["objectives"] == old["objectives"]
    assert by_key["methodology"] == old["methodology"]  # removed in Word, not accepted
    assert "lessons-learned" not in by_key


def test_a_rejected_suggestion_is_not_taken_with_its_section(shipped_copy: Library) -> None:
    app = _uploaded(shipped_copy, edit_like_word(_note(shipped_copy)))
    labels = [c.label for c in app.checkbox if c.label.startswith("Reject")]
    app.checkbox(key=key("note_reject", DAR, 0, 2)).check().run()
    app.button(key=key("note_accept", DAR, "objectives")).click().run()
    app.button(key=key("note_take", DAR)).click().run()

    after = Library(shipped_copy.path).load(DAR)
    objectives = next(s for s in after.concept_note.sections if s.key == "objectives")
    assert labels == ["Reject the deletion “Increase” by Ana Pérez (2027-05-02, in objectives)",
                      "Reject the insertion “Deepen” by Ana Pérez (2027-05-02, in objectives)"]
    assert list(app.exception) == []
    assert objectives.items[0].startswith("understanding on the nature")
