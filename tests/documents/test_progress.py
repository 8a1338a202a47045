"""Stock-taking: a conference cloned from an earlier one reports progress on its follow-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from tests.documents.reading import Reading, read_docx

pytestmark = pytest.mark.e2e

HEADING = "Progress since the last conference"


def _run(library: Library, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _render(library: Library, kind: str, event_id: str, folder: Path) -> Reading:
    out = folder / f"{kind}.docx"
    _run(library, "render", kind, event_id, "-o", str(out), "--as-of", "2012-11-05")
    return read_docx(out.read_bytes())


def _progress(reading: Reading) -> list[tuple[str, str]]:
    start = reading.paragraphs.index(("Heading 1", HEADING))
    following = reading.paragraphs[start + 1:]
    end = next((i for i, (style, _) in enumerate(following) if style == "Heading 1"),
               len(following))
    return following[:end]


@pytest.fixture
def cloned(shipped_copy: Library) -> Library:
    _run(shipped_copy, "new", "nairobi-2012", "--from", "dar-es-salaam-2010",
         "--start", "2012-11-05", "--city", "Nairobi", "--country", "kenya")
    return shipped_copy


def test_concept_note_of_a_clone_lists_the_previous_items_by_status(cloned: Library,
                                                                    tmp_path: Path) -> None:
    section = _progress(_render(cloned, "concept-note", "nairobi-2012", tmp_path))
    headings = [text for style, text in section if style == "Heading 3"]
    assert headings[:2] == ["Done (4)", "Planned (24)"]
    assert section[0][1].startswith("Regional Conference on Refugee Protection and "
                                    "International Migration")
    assert section[0][1].endswith("28 follow-up activities as of 5 November 2012: "
                                  "4 done, 24 planned.")
    done = section[section.index(("Heading 3", "Done (4)")) + 1]
    assert done == ("List Bullet", "Following the Tanzania conference, UNHCR and IOM drafted "
                    "a regional Action Plan with a number of concrete activities. The Action "
                    "Plan was endorsed as the framework for follow-up action. (THE DAR ES "
                    "SALAAM ACTION PLAN; UNHCR and IOM)")


def test_follow_up_report_of_a_clone_shows_the_same_progress(cloned: Library,
                                                             tmp_path: Path) -> None:
    note = _progress(_render(cloned, "concept-note", "nairobi-2012", tmp_path))
    report = _progress(_render(cloned, "follow-up", "nairobi-2012", tmp_path))
    assert report == note


def test_event_without_previous_has_no_progress_section(shipped_copy: Library,
                                                        tmp_path: Path) -> None:
    reading = _render(shipped_copy, "concept-note", "dar-es-salaam-2010", tmp_path)
    assert ("Heading 1", HEADING) not in reading.paragraphs
