"""Benchmarks of the Word paperwork: one concept note, its overhead, every document."""

from __future__ import annotations

import io
from functools import cache

from run import median_ms

from planner.documents import DOCUMENT_KINDS, build_context, render_all, render_document
from planner.library import Library
from planner.model import Event

LIBRARY = Library.open()
CONCEPT_NOTE_EVENT = "dar-es-salaam-2010"


def _size(event: Event) -> int:
    return (len(event.sessions) + len(event.working_groups) + len(event.recommendations)
            + len(event.follow_up) + len(event.participants)
            + sum(len(s.text or "") for s in event.concept_note.sections) // 500)


@cache
def largest_event() -> Event:
    """The event of the library with the most to print."""
    return max(LIBRARY.events(), key=_size)


def render_concept_note() -> bytes:
    """The concept note of Dar es Salaam, from the loaded record to .docx bytes."""
    return render_document("concept-note", EVENT, registry=LIBRARY.registry)


def bare_docxtpl_concept_note() -> bytes:
    """The same template and context through docxtpl alone: no sandbox, no record."""
    from docxtpl import DocxTemplate  # noqa: PLC0415 -- slow import

    document = DocxTemplate(DOCUMENT_KINDS["concept-note"].template)
    document.render(CONTEXT, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_everything() -> int:
    """Every document of the largest event, one agenda per working group included."""
    return len(render_all(largest_event(), registry=LIBRARY.registry))


EVENT = LIBRARY.load(CONCEPT_NOTE_EVENT)
CONTEXT = build_context("concept-note", EVENT, registry=LIBRARY.registry)
BARE_MS = median_ms(bare_docxtpl_concept_note)

TARGETS = [
    ("concept note render", render_concept_note, 100.0),
    (f"concept note vs bare docxtpl ({BARE_MS:.1f} ms): ≤ 1.3×", render_concept_note,
     1.3 * BARE_MS),
    (f"all documents of the largest event ({largest_event().id})", render_everything, 1000.0),
]
