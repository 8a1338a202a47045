"""`planner concept-note read EVENT FILE.docx`: the concept note back from Word, reported and
taken into the record section by section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents import render_document
from planner.library import Library
from tests.documents.word_edits import ANA, REWRITTEN, WordFile, edit_like_word
from tests.library.history_support import as_office, isolate_git, subjects

pytestmark = pytest.mark.e2e

DAR = "dar-es-salaam-2010"


def run(library: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library), "concept-note", *args])
    return result.exit_code, result.output


def _edited_file(library: Library, tmp_path: Path) -> Path:
    data = render_document("concept-note", library.load(DAR), registry=library.registry)
    path = tmp_path / "note.docx"
    path.write_bytes(edit_like_word(data))
    return path


def test_read_reports_each_finding(shipped_copy: Library, tmp_path: Path) -> None:
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)))
    lines = output.splitlines()
    assert code == 0
    assert lines[0] == f"note.docx: the concept note of {DAR} (edited by {ANA}; matched by " \
                       "bookmarks)"
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")][1:6] == [
        "changed   background", "changed   mixed-flows-to-southern-africa",
        "changed   objectives", "removed   methodology", "added     lessons-learned"]
    assert "          … will pursue the following objectives: ¶ [-Increase-] {+Deepen+} " \
           "understanding on the nature, scale and …" in lines
    assert lines[lines.index("Written by the record, not taken:") + 1] == (
        "  Place and dates: edited in Word; the record says 'Dar es Salaam, United Republic "
        "of Tanzania, 6–7 September 2010' (edit the record, not the document)")
    assert lines[-4:] == [
        f"  1. deletion by {ANA}, 2027-05-02T10:00:00Z, in objectives: \"Increase\"",
        f"  2. insertion by {ANA}, 2027-05-02T10:00:00Z, in objectives: \"Deepen\"",
        "Comments:",
        f"  {ANA}, 2027-05-02T10:00:00Z, on \"This Concept Paper provides a synopsis of the "
        "proposed Regio\" (introduction): Please check the dates."]
    assert shipped_copy.load(DAR).revision == Library(shipped_copy.path).load(DAR).revision


def test_read_json_lists_sections_parts_suggestions_comments(shipped_copy: Library,
                                                             tmp_path: Path) -> None:
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)),
                       "--json")
    data = json.loads(output)
    assert code == 0
    assert list(data) == ["event", "author", "matched_by", "sections", "parts", "suggestions",
                          "comments"]
    assert [s["status"] for s in data["sections"]].count("unchanged") == 3
    assert [p["status"] for p in data["parts"]] == ["unchanged", "edited", "unchanged",
                                                    "unchanged"]
    assert [s["kind"] for s in data["suggestions"]] == ["deletion", "insertion"]
    assert data["comments"][0]["author"] == ANA


def test_read_accept_takes_the_chosen_sections_in_one_save(shipped_copy: Library,
                                                           tmp_path: Path) -> None:
    before = shipped_copy.load(DAR)
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)),
                       "--accept", "background", "--accept", "methodology")
    after = Library(shipped_copy.path).load(DAR)
    assert (code, output.splitlines()[-1]) == (
        0, f"took section(s) background, methodology from note.docx into {DAR}")
    assert after.revision == before.revision + 1
    assert [s.key for s in after.concept_note.sections] == [
        s.key for s in before.concept_note.sections if s.key != "methodology"]
    assert after.concept_note.sections[1].text.split("\n\n")[0] == REWRITTEN
    assert after.concept_note.sections[3] == before.concept_note.sections[3]  # objectives kept
    assert after.start == before.start  # the dates edited in Word are not taken


def test_read_dry_run_saves_nothing(shipped_copy: Library, tmp_path: Path) -> None:
    before = shipped_copy.load(DAR)
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)),
                       "--accept", "all", "--dry-run")
    assert (code, output.splitlines()[-1]) == (
        0, f"would take section(s) background, mixed-flows-to-southern-africa, objectives, "
           f"methodology, lessons-learned into {DAR} (dry run: nothing saved)")
    assert Library(shipped_copy.path).load(DAR) == before


def test_read_of_an_unedited_note_says_nothing_changed(planned: Library,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    path.write_bytes(render_document("concept-note", planned.load("nairobi-2027"),
                                     registry=planned.registry))
    code, output = run(planned.path, "read", "nairobi-2027", str(path))
    assert (code, output.splitlines()[-2:]) == (0, [
        "unchanged: 7 section(s)", "nothing changed: the document reads as the record"])


@pytest.mark.parametrize(("args", "message"), [
    (("--accept", "introduction"), "Error: the concept note read back has no change in "
                                   "section 'introduction' (changed: background, "
                                   "mixed-flows-to-southern-africa, objectives, methodology, "
                                   "lessons-learned)"),
])
def test_read_refuses_with_one_line(shipped_copy: Library, tmp_path: Path,
                                    args: tuple[str, ...], message: str) -> None:
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)),
                       *args)
    assert (code, output.splitlines()[-1]) == (1, message)


def test_read_refuses_a_file_that_is_not_word(shipped_copy: Library, tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    path.write_text("hello", encoding="utf-8")
    assert run(shipped_copy.path, "read", DAR, str(path)) == (
        1, "Error: note.docx is not a Word .docx file\n")


def test_the_show_command_stays_the_default(shipped_copy: Library) -> None:
    assert run(shipped_copy.path, DAR)[1] == run(shipped_copy.path, "show", DAR)[1]


def test_accepting_is_one_commit_naming_the_document_and_its_author(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    folder = tmp_path / "library"
    assert CliRunner().invoke(cli, ["init", str(folder)]).exit_code == 0
    as_office(folder, "Amina Njoroge")
    assert CliRunner().invoke(cli, [
        "--library", str(folder), "new", "nairobi-2027", "--from", DAR, "--start",
        "2027-09-06", "--city", "Nairobi", "--country", "kenya"]).exit_code == 0
    library = Library(folder)
    doc = WordFile(render_document("concept-note", library.load("nairobi-2027"),
                                   registry=library.registry))
    doc.rewrite(doc.marked("slot_outcomes")[1], "A regional action plan.")
    doc.saved_by(ANA)
    path = tmp_path / "note.docx"
    path.write_bytes(doc.data())
    code, output = run(folder, "read", "nairobi-2027", str(path), "--accept", "outcomes")
    assert (code, output.splitlines()[-1]) == (
        0, "took section(s) outcomes from note.docx into nairobi-2027")
    assert subjects(folder, "nairobi-2027.yaml")[0] == (
        f"Concept note read back from note.docx ({ANA}): took outcomes")


def test_read_reject_undoes_a_suggestion_before_the_sections_are_read(
        shipped_copy: Library, tmp_path: Path) -> None:
    edited = _edited_file(shipped_copy, tmp_path)
    code, output = run(shipped_copy.path, "read", DAR, str(edited), "--reject", "2",
                       "--accept", "objectives")
    lines = output.splitlines()
    saved = Library(shipped_copy.path).load(DAR)
    objectives = next(s for s in saved.concept_note.sections if s.key == "objectives")
    assert code == 0
    assert lines[lines.index("Rejected (undone before the sections were read):") + 1] == (
        f"  2. insertion by {ANA}, 2027-05-02T10:00:00Z, in objectives: \"Deepen\"")
    assert f"  1. deletion by {ANA}, 2027-05-02T10:00:00Z, in objectives: \"Increase\"" in lines
    assert "Deepen" not in " ".join(objectives.items)
    assert objectives.items[0].startswith("understanding on the nature")


def test_read_reject_of_a_suggestion_the_file_lacks_is_one_line(shipped_copy: Library,
                                                                tmp_path: Path) -> None:
    code, output = run(shipped_copy.path, "read", DAR, str(_edited_file(shipped_copy, tmp_path)),
                       "--reject", "9")
    assert (code, output) == (1, "Error: note.docx: no suggestion 9 (the file has 2)\n")

