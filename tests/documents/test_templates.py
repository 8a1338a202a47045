"""The shipped templates: rebuilt identically by templates/build.py, in Word's own styles."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from docx import Document

from planner.documents import DOCUMENT_KINDS, KINDS
from planner.documents.render import TEMPLATE_DIR

pytestmark = pytest.mark.unit


def load_builder() -> object:
    spec = importlib.util.spec_from_file_location("build_templates", TEMPLATE_DIR / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outline(path: Path) -> list[tuple[str, ...]]:
    """What a template says, paragraph by paragraph and cell by cell, with its styles.

    Compared instead of bytes, so that another python-docx version's packaging
    does not count as a change."""
    document = Document(str(path))
    return ([(p.style.name, p.text) for p in document.paragraphs]
            + [(t.style.name, *(c.text for row in t.rows for c in row.cells))
               for t in document.tables]
            + [tuple(p.text for p in document.sections[0].footer.paragraphs)])


def test_checked_in_templates_are_what_the_script_builds(tmp_path: Path) -> None:
    built = load_builder().build_all(tmp_path)
    stale = [p.name for p in built if outline(p) != outline(DOCUMENT_KINDS[p.stem].template)]
    assert stale == [], "run: .venv/bin/python templates/build.py"


def test_every_kind_has_a_template() -> None:
    assert sorted(p.stem for p in TEMPLATE_DIR.glob("*.docx")) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_template_uses_word_styles_an_organiser_can_restyle(kind: str) -> None:
    document = Document(str(DOCUMENT_KINDS[kind].template))
    used = {p.style.name for p in document.paragraphs} | {
        t.style.name for t in document.tables if t.style is not None}
    if not DOCUMENT_KINDS[kind].sheet:
        assert {"Title", "Subtitle", "Heading 1"} <= used
    assert used <= {"Title", "Subtitle", "Normal", "Heading 1", "Heading 2", "Heading 3",
                    "List Number", "List Bullet", "List Bullet 2", "Labelled Item",
                    "Labelled Item 2", "Placeholder", "Table Grid", "Normal Table"}


def test_numbered_lists_and_tables_are_in_the_templates() -> None:
    concept_note = Document(str(DOCUMENT_KINDS["concept-note"].template))
    concept = {p.style.name for p in concept_note.paragraphs}
    plan = Document(str(DOCUMENT_KINDS["action-plan"].template))
    assert {"List Number", "Heading 2", "Heading 3"} <= concept
    assert [t.style.name for t in plan.tables] == ["Table Grid"]
