"""Sandboxed rendering: text survives intact, and an organiser's template is checked first."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.documents import REPORTS, TemplateProblem, build_context, render_document
from planner.documents.render import check_template, render_template
from planner.model import Event, Registry
from tests.documents.reading import read_docx

pytestmark = pytest.mark.unit

TRICKY = 'A & B <c> "d"'
ARABIC = "مؤتمر إقليمي حول حماية اللاجئين"
CYRILLIC = "Региональная конференция в Алматы"


def user_template(tmp_path: Path, *paragraphs: str, name: str = "mine.docx") -> Path:
    """A template an organiser could have written in Word."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(path)
    return path


@pytest.fixture
def tricky_event(make_event: Callable[..., Event]) -> Event:
    return make_event(
        title=f"{TRICKY} {ARABIC}", city=CYRILLIC,
        working_groups=[{"id": "entry", "title": TRICKY, "scope": ARABIC,
                         "guiding_questions": [CYRILLIC], "sources": ["concept-note"]}],
        recommendations=[{"order": 1, "section": "I", "section_title": CYRILLIC, "label": "i",
                          "text": f"{TRICKY} {ARABIC}"}],
        concept_note={"sections": [{"key": "background", "heading": "Background",
                                    "text": f"{TRICKY}\n\n{CYRILLIC}"}]})


@pytest.mark.parametrize("kind", REPORTS)
def test_special_characters_and_scripts_survive(kind: str, tricky_event: Event,
                                                registry: Registry) -> None:
    reading = read_docx(render_document(kind, tricky_event, registry=registry))
    assert reading.styled("Title") == [f"{TRICKY} {ARABIC}"]
    assert reading.texts[2].startswith(f"{CYRILLIC}, Yemen, ")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_any_printable_title_survives(title: str, make_event: Callable[..., Event],
                                      registry: Registry) -> None:
    assume(title.strip())
    # docxtpl turns `{_{`, `}_}`, `{_%` and `%_}` in its output back into tags' braces.
    assume(not any(mark in title for mark in ("{_{", "}_}", "{_%", "%_}")))
    reading = read_docx(render_document("programme", make_event(title=title), registry=registry))
    assert reading.styled("Title") == [title]


def test_values_survive_unchanged_inside_the_body(tricky_event: Event,
                                                  registry: Registry) -> None:
    notes = read_docx(render_document("working-groups", tricky_event, registry=registry))
    report = read_docx(render_document("summary-report", tricky_event, registry=registry))
    concept = read_docx(render_document("concept-note", tricky_event, registry=registry))
    assert (notes.styled("Heading 1"), notes.styled("Labelled Item")) == (
        [TRICKY], [f"1.\t{CYRILLIC}"])
    assert f"(i)\t{TRICKY} {ARABIC}" in report.styled("Labelled Item")
    assert concept.styled("Normal")[1:3] == [TRICKY, CYRILLIC]


def test_user_template_reaching_python_internals_is_refused(tmp_path: Path,
                                                            tricky_event: Event,
                                                            registry: Registry) -> None:
    path = user_template(tmp_path, "{{ ''.__class__.__mro__ }}", name="evil.docx")
    with pytest.raises(TemplateProblem) as caught:
        render_document("concept-note", tricky_event, registry=registry, template=path)
    assert str(caught.value) == ("evil.docx: refused: the template reaches for '__mro__', a "
                                 "Python internal; templates may only use the document's "
                                 "fields")


def test_sandbox_refuses_what_the_check_cannot_see(registry: Registry,
                                                   tricky_event: Event) -> None:
    document = Document()
    document.add_paragraph("{{ event|attr('__class__') }}")
    buffer = io.BytesIO()
    document.save(buffer)
    context = build_context("programme", tricky_event, registry=registry)
    with pytest.raises(TemplateProblem, match=r"^sneaky: refused: access to attribute "):
        render_template(buffer.getvalue(), context, name="sneaky")


def test_user_template_with_unknown_variable_names_it(tmp_path: Path, tricky_event: Event,
                                                      registry: Registry) -> None:
    path = user_template(tmp_path, "{{ event.title }}", "{{ venue_map }}")
    with pytest.raises(TemplateProblem, match=r"^mine.docx: unknown variable 'venue_map'; "
                                              r"this document provides days, document, event, "
                                              r"rooms$"):
        render_document("programme", tricky_event, registry=registry, template=path)


def test_user_template_with_unknown_field_names_it(tmp_path: Path, tricky_event: Event,
                                                   registry: Registry) -> None:
    path = user_template(tmp_path, "{{ event.titel }}")
    with pytest.raises(TemplateProblem, match=r"^mine\.docx: unknown variable: .*'titel'"):
        render_document("programme", tricky_event, registry=registry, template=path)


def test_user_template_syntax_error_names_template_and_tag(tmp_path: Path,
                                                           tricky_event: Event,
                                                           registry: Registry) -> None:
    path = user_template(tmp_path, "Dear all,", "{% for day in days %}{{ day.label }}")
    with pytest.raises(TemplateProblem) as caught:
        render_document("programme", tricky_event, registry=registry, template=path)
    message = str(caught.value)
    assert message.startswith("mine.docx: template syntax error in the body: ")
    assert message.endswith("in the paragraph '{% for day in days %}{{ day.label }}'")


def test_file_that_is_not_a_docx_is_refused(tmp_path: Path, tricky_event: Event,
                                            registry: Registry) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"^notes\.docx is not a Word \.docx file$"):
        render_document("programme", tricky_event, registry=registry, template=path)


def test_user_template_renders_with_loops(tmp_path: Path, make_event: Callable[..., Event],
                                          registry: Registry) -> None:
    path = user_template(tmp_path, "{{ event.title }} — {{ event.dates }}",
                         "{%p for day in days %}", "{{ day.label }}", "{%p endfor %}")
    reading = read_docx(render_document("programme", make_event(), registry=registry,
                                        template=path))
    assert reading.texts == ["Test Conference — 6–7 September 2010",
                             "Day 1 – Monday 6 September 2010",
                             "Day 2 – Tuesday 7 September 2010"]


def test_check_lists_the_variables_a_template_uses(tmp_path: Path, make_event,
                                                   registry: Registry) -> None:
    path = user_template(tmp_path, "{{ document.title }}", "{% for d in days %}{% endfor %}")
    context = build_context("programme", make_event(), registry=registry)
    assert check_template(path, context) == ["days", "document"]
