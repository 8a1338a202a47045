"""The concept note's prose: the form an organiser edits, and the event revised from it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.errors import PlannerError
from planner.event.concept_note import concept_note_form, revise_concept_note
from planner.model import ConceptNote, ConceptNoteSection, Event

pytestmark = pytest.mark.unit


def _with_sections(make_event: Callable[..., Event]) -> Event:
    return make_event(concept_note=ConceptNote(sections=[
        ConceptNoteSection(key="background", heading="Background", text="Why."),
        ConceptNoteSection(key="objectives", heading="Objectives", items=["Map.", "Train."])]))


def test_form_round_trips_to_the_same_event(make_event: Callable[..., Event]) -> None:
    event = _with_sections(make_event)
    assert revise_concept_note(event, concept_note_form(event)) == event


def test_revision_keeps_keys_and_splits_items(make_event: Callable[..., Event]) -> None:
    event = _with_sections(make_event)
    form = concept_note_form(event)
    form[1] = {**form[1], "items": "  Map flows.\n\n Train guards. \n"}
    sections = revise_concept_note(event, form).concept_note.sections
    assert [(s.key, s.items) for s in sections] == [
        ("background", []), ("objectives", ["Map flows.", "Train guards."])]


def test_revision_refuses_a_bad_key_naming_the_section(make_event: Callable[..., Event]) -> None:
    with pytest.raises(PlannerError) as caught:
        revise_concept_note(make_event(), [{"key": "Not A Slug", "heading": "H"}])
    assert str(caught.value).startswith("section 1 ('Not A Slug'): key: ")
