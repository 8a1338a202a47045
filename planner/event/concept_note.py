"""The concept note's prose: its sections as an organiser edits them, and revised from the edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from planner.errors import PlannerError
from planner.model import ConceptNote, ConceptNoteSection, Event

__all__ = ["concept_note_form", "revise_concept_note"]


def concept_note_form(event: Event) -> list[dict[str, Any]]:
    """The sections of the concept note as plain fields: `key`, `heading`, `text`, `items`
    (the numbered list, one item per line) and `reusable` (copied into later events).

    Examples
    --------
    >>> from planner.library import Library
    >>> form = concept_note_form(Library.open().load("dar-es-salaam-2010"))
    >>> form[3]["key"], form[3]["items"].splitlines()[0][:38]
    ('objectives', 'Increase understanding on the nature, ')
    """
    return [{"key": s.key, "heading": s.heading, "text": s.text or "",
             "items": "\n".join(s.items), "reusable": s.reusable}
            for s in event.concept_note.sections]


def _section(fields: Mapping[str, Any], position: int) -> ConceptNoteSection:
    items = [line.strip() for line in (fields.get("items") or "").splitlines() if line.strip()]
    text = (fields.get("text") or "").strip() or None
    try:
        return ConceptNoteSection(key=fields["key"], heading=(fields.get("heading") or "").strip(),
                                  text=text, items=items,
                                  reusable=bool(fields.get("reusable", False)))
    except ValidationError as err:
        problem = err.errors(include_url=False)[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise PlannerError(f"section {position} ('{fields.get('key')}'): {where}: "
                           f"{problem['msg']}") from None


def revise_concept_note(event: Event, sections: Sequence[Mapping[str, Any]]) -> Event:
    """A copy of `event` whose concept note has the sections as typed in `sections`
    (the shape `concept_note_form` gives); nothing is saved.

    Text is stripped (an empty text is none); items are the non-blank lines.

    Raises
    ------
    PlannerError
        Naming the section and the field, when a section is not valid (an empty
        heading, a key that is not a slug).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...               timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> new = revise_concept_note(event, [{"key": "objectives", "heading": "Objectives",
    ...                                    "text": " ", "items": "Map.\\n\\nTrain.\\n"}])
    >>> new.concept_note.sections[0].items, new.concept_note.sections[0].text
    (['Map.', 'Train.'], None)
    >>> revise_concept_note(event, [{"key": "objectives", "heading": ""}])
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: section 1 ('objectives'): heading: String should have at least \
1 character
    """
    revised = [_section(fields, position) for position, fields in enumerate(sections, 1)]
    return event.model_copy(update={"concept_note": ConceptNote(sections=revised)})
