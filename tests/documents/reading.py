"""Reading rendered documents back with python-docx, as the tests assert on them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document


@dataclass(frozen=True)
class Reading:
    """A rendered .docx reduced to what a reader sees: styled paragraphs and table rows."""

    paragraphs: list[tuple[str, str]]
    """(style name, text) of every body paragraph, in order."""
    tables: list[list[list[str]]]
    """Every table as rows of cell texts."""

    @property
    def texts(self) -> list[str]:
        """The text of every body paragraph."""
        return [text for _, text in self.paragraphs]

    def styled(self, style: str) -> list[str]:
        """The texts of the paragraphs in one Word style."""
        return [text for name, text in self.paragraphs if name == style]

    @property
    def cells(self) -> list[str]:
        """The text of every table cell."""
        return [cell for grid in self.tables for row in grid for cell in row]

    @property
    def everything(self) -> str:
        """All text, paragraphs and cells, one per line."""
        return "\n".join(self.texts + self.cells)


def read_docx(data: bytes) -> Reading:
    """Open a rendered document with python-docx (which refuses broken XML)."""
    document = Document(io.BytesIO(data))
    return Reading(
        paragraphs=[(p.style.name, p.text) for p in document.paragraphs],
        tables=[[[cell.text for cell in row.cells] for row in grid.rows]
                for grid in document.tables])
