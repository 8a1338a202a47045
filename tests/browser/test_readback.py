"""The concept note back from Word, in a real browser (#26): the co-organiser's edited file
uploaded on the Concept note page, one changed section accepted, another kept, and the
record holds exactly that after one save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from planner.documents import render_document
from planner.documents.readback import read_back
from planner.library import Library
from tests.browser.test_journeys import finished, shoot
from tests.documents.word_edits import REWRITTEN, edit_like_word

pytestmark = pytest.mark.e2e

DAR = "dar-es-salaam-2010"


def test_one_section_accepted_and_one_kept(open_page: Callable[..., Page],
                                           browser_library: Path, tmp_path: Path) -> None:
    library = Library(browser_library)
    before = library.load(DAR)
    edited = edit_like_word(render_document("concept-note", before, registry=library.registry))
    changed = [f.key for f in read_back(before, edited, registry=library.registry,
                                        name="note.docx").changed]
    upload = tmp_path / "note.docx"
    upload.write_bytes(edited)

    page = open_page(f"concept-note?event={DAR}")
    finished(page)
    page.locator("input[type=file]").set_input_files(upload)
    finished(page)
    expect(page.get_by_text("Edited by Ana Pérez")).to_be_visible()
    page.get_by_role("button", name="Accept", exact=True).nth(changed.index("background")).click()
    finished(page)
    page.get_by_role("button", name="Keep mine", exact=True).nth(
        changed.index("objectives")).click()
    finished(page)
    shoot(page, "readback-decided")
    page.get_by_role("button", name="Take the accepted sections into the record").click()
    finished(page)
    expect(page.get_by_text("Took background from note.docx")).to_be_visible()

    after = Library(browser_library).load(DAR)
    sections = {s.key: s for s in after.concept_note.sections}
    old = {s.key: s for s in before.concept_note.sections}
    assert after.revision == before.revision + 1
    assert sections["background"].text.split("\n\n")[0] == REWRITTEN
    assert sections["objectives"] == old["objectives"]
    assert {k: v for k, v in sections.items() if k != "background"} == {
        k: v for k, v in old.items() if k != "background"}
