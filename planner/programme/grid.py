"""The programme as a grid: for each day, one row per time span and one column per room."""

from __future__ import annotations

from typing import Any

from planner.model import Event
from planner.programme.timetable import Slot, build_programme, day_label

__all__ = ["NO_ROOM", "programme_grid"]

#: The column of sessions that name no room.
NO_ROOM = "(no room)"


def _columns(event: Event, slots: list[Slot]) -> list[str]:
    # The venue's rooms in the order the event lists them, then rooms it does not know.
    used = {slot.room or NO_ROOM for slot in slots}
    known = [room.name for room in event.rooms if room.name in used]
    return known + sorted(used - set(known))


def programme_grid(event: Event) -> list[dict[str, Any]]:
    """The programme day by day as a grid: `day` (its label), `rooms` (the columns) and
    `rows`, each a `time` (`09:00–10:45`) and, per room, the titles held there then,
    joined by ` / ` when there are several (in a room, a double booking; in the
    `NO_ROOM` column, sessions still to be given a room).

    Examples
    --------
    >>> from planner.library import Library
    >>> grid = programme_grid(Library.open().load("manila-2010"))
    >>> grid[0]["day"], grid[0]["rows"][0]["time"]
    ('Day 1 – Monday 22 November 2010', '08:00–08:45')
    """
    slots = build_programme(event)
    days = []
    for day in sorted({slot.day for slot in slots}):
        mine = [slot for slot in slots if slot.day == day]
        rooms = _columns(event, mine)
        rows: dict[str, dict[str, str]] = {}
        for slot in sorted(mine, key=lambda s: (s.start, s.end)):
            time = f"{slot.start:%H:%M}–{slot.end:%H:%M}"
            row = rows.setdefault(time, {"time": time} | dict.fromkeys(rooms, ""))
            room = slot.room or NO_ROOM
            row[room] = " / ".join(filter(None, (row[room], slot.title)))
        days.append({"day": day_label(event, day), "rooms": rooms, "rows": list(rows.values())})
    return days
