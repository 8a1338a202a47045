"""PDF copies of Word documents through LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planner.errors import PlannerError

__all__ = ["MISSING", "convert_docx_to_pdf", "convert_to_pdf", "find_soffice"]

MISSING = ("PDF needs LibreOffice, which is not installed (no 'soffice' or 'libreoffice' on "
           "the PATH): install it (Debian: apt-get install libreoffice-writer-nogui) or leave "
           "out --pdf")
TIMEOUT_S = 300
#: Documents per LibreOffice run: one run converts many (starting it costs more than a
#: document), but a run given a few hundred stops short without a word.
BATCH = 40


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: Sequence[Path], *, outdir: Path | None = None) -> list[Path]:
    """Convert Word files to PDF in one LibreOffice run; return the PDF paths.

    Each PDF is written beside its document (or into `outdir`). Every run gets a
    profile of its own: two conversions sharing a profile make one of them fail
    without a word.

    Raises
    ------
    PlannerError
        When LibreOffice is missing, or fails to write a PDF.
    """
    program = find_soffice()
    if program is None:
        raise PlannerError(MISSING)
    pdfs = [(outdir or doc.parent) / f"{doc.stem}.pdf" for doc in documents]
    by_folder: dict[Path, list[Path]] = {}
    for doc, pdf in zip(documents, pdfs, strict=True):
        by_folder.setdefault(pdf.parent, []).append(doc)
    for folder, docs in by_folder.items():
        for start in range(0, len(docs), BATCH):
            _run(program, docs[start:start + BATCH], folder)
    missing = [str(pdf) for pdf in pdfs if not pdf.exists()]
    if missing:
        raise PlannerError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
    return pdfs


def convert_docx_to_pdf(data: bytes, *, name: str = "document") -> bytes:
    """The PDF of a Word document given as bytes (for a download), through LibreOffice.

    `name` is the file stem LibreOffice sees; the files live in a temporary
    folder removed afterwards.

    Raises
    ------
    PlannerError
        When LibreOffice is missing or fails.
    """
    with tempfile.TemporaryDirectory(prefix="planner-pdf-") as folder:
        path = Path(folder) / f"{Path(name).name or 'document'}.docx"
        path.write_bytes(data)
        return convert_to_pdf([path])[0].read_bytes()


def _run(program: str, documents: list[Path], outdir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="planner-soffice-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                   *map(str, documents)]
        try:
            result = subprocess.run(command, capture_output=True, text=True,  # noqa: S603 -- fixed program, our paths
                                    timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PlannerError(f"LibreOffice took over {TIMEOUT_S} s to convert "
                               f"{len(documents)} document(s)") from None
    if result.returncode != 0:
        raise PlannerError(f"LibreOffice failed (exit {result.returncode}): "
                           f"{(result.stderr or result.stdout).strip()[:300]}")
