"""`planner render` and `planner render-all`: files written, errors as one-line messages, and
the progress a conference cloned from an earlier one reports on its follow-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from planner.cli import cli
from planner.documents.pdf import MISSING
from planner.library import Library
from tests.documents.reading import Reading, read_docx

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


def test_render_writes_the_document(small_library: Library, tmp_path: Path) -> None:
    target = tmp_path / "note.docx"
    code, output = run(small_library, "render", "concept-note", "test-2010", "-o", str(target))
    assert (code, output) == (0, f"wrote {target}\n")
    assert read_docx(target.read_bytes()).styled("Title") == ["Test Conference"]


def test_render_one_group_alone(small_library: Library, tmp_path: Path) -> None:
    target = tmp_path / "entry.docx"
    code, _ = run(small_library, "render", "working-groups", "test-2010", "-o", str(target),
                  "--group", "entry")
    assert (code, read_docx(target.read_bytes()).styled("Heading 1")) == (
        0, ["Protection-sensitive entry"])


def test_group_with_another_kind_is_an_error(small_library: Library, tmp_path: Path) -> None:
    code, output = run(small_library, "render", "programme", "test-2010", "-o",
                       str(tmp_path / "p.docx"), "--group", "entry")
    assert (code, output) == (1, "Error: --group applies to the working-groups document only\n")


def test_user_template_variables_are_listed(small_library: Library, tmp_path: Path) -> None:
    template = tmp_path / "mine.docx"
    document = Document()
    document.add_paragraph("{{ event.title }}: {{ document.title }}")
    document.save(template)
    code, output = run(small_library, "render", "programme", "test-2010", "-o",
                       str(tmp_path / "p.docx"), "--template", str(template))
    assert (code, output.splitlines()[0]) == (0, "mine.docx uses: document, event")


def test_user_template_unknown_variable_exits_1(small_library: Library, tmp_path: Path) -> None:
    template = tmp_path / "mine.docx"
    document = Document()
    document.add_paragraph("{{ hotel }}")
    document.save(template)
    code, output = run(small_library, "render", "programme", "test-2010", "-o",
                       str(tmp_path / "p.docx"), "--template", str(template))
    assert (code, output) == (1, "Error: mine.docx: unknown variable 'hotel'; this document "
                                 "provides days, document, event, rooms\n")


def test_pdf_without_libreoffice_says_so(small_library: Library, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, output = run(small_library, "render", "programme", "test-2010", "-o",
                       str(tmp_path / "p.docx"), "--pdf")
    assert (code, output) == (1, f"Error: {MISSING}\n")


def test_render_all_writes_every_document(small_library: Library, tmp_path: Path) -> None:
    code, output = run(small_library, "render-all", "test-2010", "-o", str(tmp_path / "out"),
                       "--as-of", "2011-01-01")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert (code, len(output.splitlines())) == (0, 11)
    assert names == sorted(f"test-2010-{name}.docx" for name in (
        "concept-note", "programme", "participant-list", "participant-list-public",
        "working-groups", "working-group-entry", "action-plan", "summary-report",
        "follow-up", "invitations", "badges"))


# --- stock-taking: a clone reports progress on the follow-up of the event it follows ------

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


def test_concept_note_of_a_clone_summarises_the_previous_follow_up(cloned: Library,
                                                                   tmp_path: Path) -> None:
    section = _progress(_render(cloned, "concept-note", "nairobi-2012", tmp_path))

    assert section[0][1].startswith("Regional Conference on Refugee Protection and "
                                    "International Migration")
    # 28 items printed, three of them twice: counted once each.
    assert section[0][1].endswith("25 follow-up activities as of 5 November 2012: "
                                  "4 done, 21 planned.")
    assert [text for style, text in section if style == "Heading 3"] == ["By area"]
    assert [text for style, text in section if style == "List Bullet"] == [
        "Legislative and policy reform: 3 planned",
        "Strengthening national capacities: 2 planned",
        "Data collection and analysis: 3 planned",
        "Cooperation and coordination: 5 planned",
        "Capacity-building: 3 planned",
        "Operations: 2 planned",
        "Communication and outreach: 2 planned",
        "The Dar es Salaam action plan: 1 done",
        "Regional inter-agency follow-up working group: 1 done",
        "Other activities: 2 done, 1 planned",
    ]


def test_concept_note_names_only_the_few_overdue_activities(cloned: Library,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    _run(cloned, "render", "concept-note", "nairobi-2012", "-o", str(out),
         "--as-of", "2027-09-06")
    section = _progress(read_docx(out.read_bytes()))

    assert [text for style, text in section if style == "Heading 3"] == [
        "By area", "Overdue (1)"]
    assert section[-1] == ("List Bullet", "Second Regional Conference convened towards the "
                           "end of 2012 to assess progress made on implementation of the Action "
                           "Plan (Cooperation and coordination; owner to be named, due 31 "
                           "December 2012)")


def test_follow_up_report_of_a_clone_shows_the_same_progress(cloned: Library,
                                                             tmp_path: Path) -> None:
    note = _progress(_render(cloned, "concept-note", "nairobi-2012", tmp_path))
    report = _progress(_render(cloned, "follow-up", "nairobi-2012", tmp_path))
    assert report == note


def test_event_without_previous_has_no_progress_section(shipped_copy: Library,
                                                        tmp_path: Path) -> None:
    reading = _render(shipped_copy, "concept-note", "dar-es-salaam-2010", tmp_path)
    assert ("Heading 1", HEADING) not in reading.paragraphs
