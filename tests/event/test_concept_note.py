"""The concept note's prose: the form an organiser edits, and the event revised from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from planner.errors import PlannerError
from planner.event.concept_note import (
    add_section,
    concept_note_form,
    move_section,
    remove_section,
    rename_section,
    restructure,
    revise_concept_note,
)
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


# --- the structure: sections added, moved, removed, renamed ---------------------------------

def _bare() -> Event:
    return Event(id="nairobi-2027", kind="regional-conference", title="Nairobi 2027",
                 city="Nairobi", country="kenya", timezone="Africa/Nairobi",
                 start=dt.date(2027, 9, 6), end=dt.date(2027, 9, 7))


def test_sections_are_added_moved_renamed_and_removed() -> None:
    event = add_section(add_section(_bare(), "Background"), "Objectives")
    event = add_section(event, "Lessons learned", after="background")
    event = move_section(rename_section(event, "objectives", "Aims"), "objectives", to=1)

    assert [(s.key, s.heading) for s in event.concept_note.sections] == [
        ("objectives", "Aims"), ("background", "Background"),
        ("lessons-learned", "Lessons learned")]
    assert [s.key for s in remove_section(event, "background").concept_note.sections] == [
        "objectives", "lessons-learned"]


@pytest.mark.parametrize(("change", "message"), [
    (lambda e: add_section(e, " "), "a section needs a heading"),
    (lambda e: add_section(e, "Background"),
     "the concept note of 'nairobi-2027' already has a section 'background'"),
    (lambda e: remove_section(e, "nope"),
     "the concept note of 'nairobi-2027' has no section 'nope' (it has background)"),
    (lambda e: move_section(e, "background", to=3), "position 3 is outside 1–1"),
    (lambda e: restructure(e, "up"), "choose a section first"),
])
def test_a_change_of_structure_that_cannot_be_made_is_refused(change, message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        change(add_section(_bare(), "Background"))
    assert str(refused.value) == message


def test_restructure_moves_up_and_down_within_bounds() -> None:
    event = add_section(add_section(_bare(), "Background"), "Objectives")
    assert ([s.key for s in restructure(event, "up", key="background").concept_note.sections],
            [s.key for s in restructure(event, "down", key="background").concept_note.sections]
            ) == (["background", "objectives"], ["objectives", "background"])
