"""The programme as a table to edit: a row per session with its day, times, block and room,
and the edited rows given back to the sessions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from planner.model import Event, WorkingGroupSlot
from planner.programme.builder import edit_session

__all__ = ["edit_sessions", "groups_to_schedule", "session_rows"]


#: The columns of `session_rows` that `edit_sessions` reads back.
_PLACEMENT = ("title", "day", "start", "end", "block", "room")


def session_rows(event: Event) -> list[dict[str, Any]]:
    """One row per session, in programme order, for a table to edit: `id`, `kind`,
    `title`, `day`, `start`, `end`, `block`, `room`, and what it holds (`people`: chairs
    and speakers; `groups`: its working groups).

    Examples
    --------
    >>> from planner.library import Library
    >>> row = session_rows(Library.open().load("dar-es-salaam-2010"))[0]
    >>> row["id"], row["day"], row["start"], row["block"], row["people"]
    ('d1-opening', 1, None, 'morning', 0)
    """
    return [{"id": s.id, "kind": s.kind, "title": s.title, "day": s.day, "start": s.start,
             "end": s.end, "block": s.block.value if s.block else None, "room": s.room,
             "people": len([*getattr(s, "chairs", []), *getattr(s, "speakers", [])]),
             "groups": len(getattr(s, "working_groups", []))} for s in event.sessions]


def edit_sessions(event: Event, rows: Iterable[Mapping[str, Any]]) -> Event:
    """A copy of `event` with the sessions of `rows` (as `session_rows` makes them) given
    the title, day, times, block and room of their row; rows left as they were change
    nothing. New times replace a block and a new block the times. Each change is refused
    as `edit_session` refuses it.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> rows = session_rows(event)
    >>> rows[0] |= {"block": None, "start": "09:30", "end": "11:00"}
    >>> [s.start for s in edit_sessions(event, rows).sessions]
    ['09:30']
    """
    before = {row["id"]: row for row in session_rows(event)}
    for row in rows:
        changes = {field: _blank(row.get(field)) for field in _PLACEMENT
                   if _blank(row.get(field)) != before[row["id"]][field]}
        # As `planner programme move`: new times replace the block, a new block the times.
        if {"start", "end"} & changes.keys() and "block" not in changes:
            changes["block"] = None
        elif changes.get("block") and not {"start", "end"} & changes.keys():
            changes |= {"start": None, "end": None}
        if changes:
            event = edit_session(event, row["id"], **changes)
    return event


def _blank(value: Any) -> Any:
    # A table hands back an emptied cell as None, NaN or "", and whole numbers as floats.
    if value is None or value != value or (isinstance(value, str) and not value.strip()):  # noqa: PLR0124
        return None
    return int(value) if isinstance(value, float) else value


def groups_to_schedule(event: Event, round: int) -> list[str]:
    """The working groups a form first offers for round `round`: those of the round that
    meet in no session yet; else every group that meets in none (for a round still to
    make, as when all of a template's groups sit in round 1); else all of the round's
    groups (the round meeting again).

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.programme.builder import schedule_round
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> event = schedule_round(event, 1, day=1, block="afternoon",
    ...                        groups=groups_to_schedule(event, 1)[:5])
    >>> groups_to_schedule(event, 2)
    ['wg-return', 'wg-data', 'wg-cooperation']
    >>> event = schedule_round(event, 2, day=2, block="morning",
    ...                        groups=groups_to_schedule(event, 2))
    >>> groups_to_schedule(event, 2)
    ['wg-return', 'wg-data', 'wg-cooperation']
    """
    meeting = {g for s in event.sessions if isinstance(s, WorkingGroupSlot)
               for g in s.working_groups}
    free = [g.id for g in event.working_groups if g.id not in meeting]
    mine = [g.id for g in event.working_groups if g.round == round]
    return [g for g in mine if g in free] or free or mine
