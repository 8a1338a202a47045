"""PDF through LibreOffice: every kind converts, in one LibreOffice run, and keeps its title."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.documents import KINDS, convert_to_pdf, render_document, write_documents
from planner.documents.pdf import MISSING, convert_docx_to_pdf
from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import Library
from tests.conftest import SHIPPED

pytestmark = pytest.mark.integration

NEEDS_TOOLS = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice"))
    or not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
    reason="needs LibreOffice (soffice) and poppler (pdftotext, pdfinfo): "
           "apt-get install libreoffice-writer-nogui poppler-utils")


def pdf_text(path: Path) -> str:
    program = shutil.which("pdftotext") or "pdftotext"
    result = subprocess.run([program, str(path), "-"], capture_output=True, text=True,
                            check=True)
    return " ".join(result.stdout.split())


def pdf_pages(path: Path) -> int:
    program = shutil.which("pdfinfo") or "pdfinfo"
    result = subprocess.run([program, str(path)], capture_output=True, text=True,
                            check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


@NEEDS_TOOLS
def test_every_kind_converts_to_pdf_with_its_title(tmp_path: Path) -> None:
    library = Library(SHIPPED)
    event = library.load("dar-es-salaam-2010")
    documents = {f"{kind}.docx": render_document(kind, event, registry=library.registry,
                                                 as_of=dt.date(2012, 6, 30))
                 for kind in KINDS}
    written = write_documents(documents, tmp_path, pdf=True)
    pdfs = [path for path in written if path.suffix == ".pdf"]
    title = " ".join(event.title.split())
    assert [p.stem for p in pdfs] == list(KINDS)
    # A badge carries the short title only (and Dar es Salaam has no one registered yet).
    assert [p.stem for p in pdfs if pdf_pages(p) < 1
            or (title not in pdf_text(p) and p.stem != "badges")] == []


def test_missing_libreoffice_says_how_to_install_it(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PlannerError) as caught:
        convert_to_pdf([tmp_path / "note.docx"])
    assert str(caught.value) == MISSING
    assert "apt-get install libreoffice-writer-nogui" in MISSING


@NEEDS_TOOLS
def test_docx_bytes_convert_to_pdf_bytes_with_the_title(tmp_path: Path) -> None:
    library = Library(SHIPPED)
    event = library.load("dakar-2008")
    data = render_document("concept-note", event, registry=library.registry)
    pdf = convert_docx_to_pdf(data, name="../dakar concept note")
    (tmp_path / "note.pdf").write_bytes(pdf)
    assert (pdf[:5], " ".join(event.title.split()) in pdf_text(tmp_path / "note.pdf")) == (
        b"%PDF-", True)


@NEEDS_TOOLS
def test_new_events_concept_note_carries_no_follow_up_dump(tmp_path: Path) -> None:
    # Nairobi 2027 from the Dar es Salaam template: "Progress since the last conference"
    # may add at most one page to what its sections and record parts need.
    library = Library(SHIPPED)
    previous = library.load("dar-es-salaam-2010")
    event = clone_event(previous, new_id="nairobi-2027", start=dt.date(2027, 9, 6),
                        city="Nairobi", country="kenya", registry=library.registry)
    with_progress, without = tmp_path / "with.docx", tmp_path / "without.docx"
    with_progress.write_bytes(render_document("concept-note", event, registry=library.registry,
                                              previous=previous, as_of=dt.date(2027, 9, 6)))
    without.write_bytes(render_document("concept-note", event, registry=library.registry))

    pages = dict(zip(("with", "without"),
                     map(pdf_pages, convert_to_pdf([with_progress, without])), strict=True))

    assert "Progress since the last conference" in pdf_text(tmp_path / "with.pdf")
    assert pages["with"] - pages["without"] <= 1, pages
