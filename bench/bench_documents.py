"""Benchmarks of the Word paperwork: one concept note, its overhead, every document."""

from __future__ import annotations

import io
from functools import cache
from typing import Any, ClassVar

from jinja2 import Environment, Template
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


class _CompiledOnce(Environment):
    # The floor compiles each part of the template once, as the project's environment does:
    # without this, the yardstick pays a compilation the project never pays twice.
    compiled: ClassVar[dict[str, Template]] = {}

    def from_string(self, source: Any, globals: Any = None,
                    template_class: Any = None) -> Template:
        if source not in self.compiled:
            self.compiled[source] = super().from_string(source, globals, template_class)
        return self.compiled[source]


FLOOR_ENVIRONMENT = _CompiledOnce(autoescape=True)


def bare_docxtpl_concept_note() -> bytes:
    """The same template and context through docxtpl alone, its compiled parts cached as
    the project caches them: no sandbox, no checks, no record."""
    from docxtpl import DocxTemplate  # noqa: PLC0415 -- slow import

    document = DocxTemplate(DOCUMENT_KINDS["concept-note"].template)
    document.render(CONTEXT, jinja_env=FLOOR_ENVIRONMENT, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@cache
def conference_300() -> Event:
    """The 300-person, 12-group conference the app's benchmark uses (bench_app)."""
    from bench_app import bench_event  # noqa: PLC0415 -- the app benchmark's own event

    return bench_event(LIBRARY.registry, LIBRARY.load(CONCEPT_NOTE_EVENT))


def render_largest() -> int:
    """Every document of the library event with the most to print."""
    return len(render_all(largest_event(), registry=LIBRARY.registry))


def render_everything() -> int:
    """Every document of the 300-person conference: letters, badges, one agenda per group."""
    return len(render_all(conference_300(), registry=LIBRARY.registry))


EVENT = LIBRARY.load(CONCEPT_NOTE_EVENT)
CONTEXT = build_context("concept-note", EVENT, registry=LIBRARY.registry)
BARE_MS = median_ms(bare_docxtpl_concept_note)

TARGETS = [
    ("concept note render", render_concept_note, 100.0, BARE_MS),
    ("concept note vs docxtpl with its compiled parts cached: ≤ 1.3×", render_concept_note,
     1.3 * BARE_MS, BARE_MS),
    (f"all documents of the largest library event ({largest_event().id})", render_largest,
     1000.0),
    ("all documents of a 300-person, 12-group conference", render_everything, 1000.0),
]
