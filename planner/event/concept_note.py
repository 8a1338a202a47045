"""The concept note's prose: its sections as an organiser edits them, and revised from the edits."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from planner.errors import PlannerError
from planner.model import ConceptNote, ConceptNoteSection, Event

__all__ = [
    "add_section",
    "concept_note_form",
    "move_section",
    "remove_section",
    "rename_section",
    "restructure",
    "revise_concept_note",
    "slugify",
]


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


def _keyed(event: Event, key: str) -> int:
    keys = [s.key for s in event.concept_note.sections]
    if key not in keys:
        raise PlannerError(f"the concept note of '{event.id}' has no section '{key}' "
                           f"(it has {', '.join(keys) or 'none'})")
    return keys.index(key)


def _with_sections(event: Event, sections: list[ConceptNoteSection]) -> Event:
    return event.model_copy(update={"concept_note": ConceptNote(sections=sections)})


def add_section(event: Event, heading: str, *, key: str | None = None,
                after: str | None = None) -> Event:
    """A copy of `event` with a new, empty concept-note section `heading` at the end (or
    after section `after`); its key is made from the heading unless given.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = add_section(add_section(event, "Background"), "Objectives", after="background")
    >>> [s.key for s in add_section(event, "Lessons learned", after="background"
    ...                             ).concept_note.sections]
    ['background', 'lessons-learned', 'objectives']
    """
    if not heading.strip():
        raise PlannerError("a section needs a heading")
    sections = list(event.concept_note.sections)
    key = key or slugify(heading)
    if key in {s.key for s in sections}:
        raise PlannerError(f"the concept note of '{event.id}' already has a section '{key}'")
    at = _keyed(event, after) + 1 if after else len(sections)
    sections.insert(at, _section({"key": key, "heading": heading}, at + 1))
    return _with_sections(event, sections)


def remove_section(event: Event, key: str) -> Event:
    """A copy of `event` without concept-note section `key`."""
    sections = list(event.concept_note.sections)
    del sections[_keyed(event, key)]
    return _with_sections(event, sections)


def move_section(event: Event, key: str, *, to: int) -> Event:
    """A copy of `event` with concept-note section `key` at position `to` (1 for the first).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = add_section(add_section(event, "Background"), "Objectives")
    >>> [s.key for s in move_section(event, "objectives", to=1).concept_note.sections]
    ['objectives', 'background']
    """
    sections = list(event.concept_note.sections)
    if not 1 <= to <= len(sections):
        raise PlannerError(f"position {to} is outside 1–{len(sections)}")
    moving = sections.pop(_keyed(event, key))
    sections.insert(to - 1, moving)
    return _with_sections(event, sections)


def rename_section(event: Event, key: str, heading: str) -> Event:
    """A copy of `event` whose concept-note section `key` is headed `heading`."""
    sections = list(event.concept_note.sections)
    at = _keyed(event, key)
    sections[at] = _section({**concept_note_form(event)[at], "heading": heading}, at + 1)
    return _with_sections(event, sections)


def slugify(heading: str) -> str:
    """A section key made from its heading: `Lessons learned` → `lessons-learned`.

    Examples
    --------
    >>> slugify("3. Conference Convenors & Participants")
    'conference-convenors-participants'
    """
    words = re.findall(r"[a-z]+", unicodedata.normalize("NFKD", heading).lower())
    return "-".join(words)[:60].strip("-") or "section"


def restructure(event: Event, action: str, *, key: str | None = None,
                heading: str = "") -> Event:
    """One change of the concept note's structure as the app offers it: `up`, `down` or
    `remove` section `key`, or `add` a section `heading` after it (at the end without one).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = restructure(restructure(event, "add", heading="Background"), "add",
    ...                     heading="Objectives")
    >>> [s.key for s in restructure(event, "up", key="objectives").concept_note.sections]
    ['objectives', 'background']
    """
    keys = [s.key for s in event.concept_note.sections]
    if action == "add":
        return add_section(event, heading, after=key)
    if key is None:
        raise PlannerError("choose a section first")
    if action == "remove":
        return remove_section(event, key)
    at = _keyed(event, key) + 1
    step = {"up": -1, "down": 1}.get(action)
    if step is None:
        raise PlannerError(f"unknown change '{action}' (up, down, remove or add)")
    return move_section(event, key, to=min(max(at + step, 1), len(keys)))
