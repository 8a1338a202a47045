"""`planner render` and `planner render-all`: files written, errors as one-line messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from planner.cli import cli
from planner.documents.pdf import MISSING
from planner.library import Library
from tests.documents.reading import read_docx

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
                                 "provides days, document, event\n")


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
    assert (code, len(output.splitlines())) == (0, 9)
    assert names == sorted(f"test-2010-{name}.docx" for name in (
        "concept-note", "programme", "participant-list", "participant-list-public",
        "working-groups", "working-group-entry", "action-plan", "summary-report",
        "follow-up"))
