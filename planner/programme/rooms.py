"""The rooms of the venue: add one, change names and seats, remove one no session uses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.errors import PlannerError
from planner.model import MOST_PEOPLE, Event, Room
from planner.model.base import SLUG_PATTERN

__all__ = ["add_room", "find_room", "remove_room", "room_rows", "set_rooms"]


def room_rows(event: Event) -> list[dict[str, Any]]:
    """One row per room of the venue: `id`, `name`, `capacity`, and `sessions` (how many
    sessions or working groups name it).

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> room_rows(add_room(event, room_id="plenary", name="Plenary Hall", capacity=200))
    [{'id': 'plenary', 'name': 'Plenary Hall', 'capacity': 200, 'sessions': 0}]
    """
    used = [name for session in event.sessions
            for name in (session.room, *getattr(session, "group_rooms", {}).values())]
    return [{"id": room.id, "name": room.name, "capacity": room.capacity,
             "sessions": sum(name in (room.id, room.name) for name in used)}
            for room in event.rooms]


def find_room(event: Event, room: str) -> str:
    """The id of the event's room named `room` (by id, or by name in any case).

    Raises
    ------
    PlannerError
        When the event has no such room.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = add_room(Library.open().load("dar-es-salaam-2010"), room_id="plenary",
    ...                  name="Plenary Hall")
    >>> find_room(event, "plenary hall")
    'plenary'
    """
    wanted = " ".join(room.split()).casefold()
    for known in event.rooms:
        if wanted in (known.id, known.name.casefold()):
            return known.id
    rooms = ", ".join(r.id for r in event.rooms) or "none yet"
    raise PlannerError(f"no room '{room}' in '{event.id}' (rooms: {rooms})")


def _room(room_id: str, name: str, capacity: float | None) -> Room:
    if not re.fullmatch(SLUG_PATTERN, room_id):
        raise PlannerError(f"room id '{room_id}': use lower-case letters, digits and hyphens "
                           "(room-b)")
    name = " ".join((name or "").split())
    if not name:
        raise PlannerError(f"room '{room_id}' needs a name, as the programme prints it")
    # A table hands back an emptied number cell as None or NaN, and numbers as floats.
    seats = None if capacity is None or capacity != capacity else int(capacity)  # noqa: PLR0124
    if seats is not None and not 1 <= seats <= MOST_PEOPLE:
        raise PlannerError(f"room '{room_id}': a capacity is between 1 and {MOST_PEOPLE:,} "
                           f"seats, not {seats:,}")
    return Room(id=room_id, name=name, capacity=seats)


def _check_names(event: Event, rooms: list[Room]) -> None:
    # Sessions may name a room by its name: two rooms of one name would be ambiguous.
    seen: dict[str, str] = {}
    for room in rooms:
        other = seen.setdefault(room.name.casefold(), room.id)
        if other != room.id:
            raise PlannerError(f"rooms '{other}' and '{room.id}' of '{event.id}' are both "
                               f"named '{room.name}'")


def add_room(event: Event, *, room_id: str, name: str, capacity: int | None = None) -> Event:
    """A copy of `event` with one more room of the venue. Nothing is saved.

    Raises
    ------
    PlannerError
        For an id that is already a room's, a name another room has, an id that is not
        a slug, or a capacity below 1.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = add_room(Library.open().load("dar-es-salaam-2010"), room_id="room-a",
    ...                  name="Room A", capacity=30)
    >>> event.rooms
    [Room(id='room-a', name='Room A', capacity=30, note=None)]
    """
    if any(room.id == room_id for room in event.rooms):
        raise PlannerError(f"room '{room_id}' is already among the rooms of '{event.id}'")
    rooms = [*event.rooms, _room(room_id, name, capacity)]
    _check_names(event, rooms)
    return event.model_copy(update={"rooms": rooms})


def set_rooms(event: Event, rooms: Mapping[str, Mapping[str, Any]]) -> Event:
    """A copy of `event` whose rooms take new names or seats: `rooms[room id]` holds
    `name` and `capacity` (none or NaN: unknown); rooms not named keep theirs. Sessions
    that name a renamed room by its old name follow it.

    Raises
    ------
    PlannerError
        For a room the event does not have, an empty name, two rooms of one name, or a
        capacity below 1.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = add_room(Library.open().load("dar-es-salaam-2010"), room_id="room-a",
    ...                  name="Room A")
    >>> set_rooms(event, {"room-a": {"name": "Baobab", "capacity": 25}}).rooms
    [Room(id='room-a', name='Baobab', capacity=25, note=None)]
    """
    known = {room.id: room for room in event.rooms}
    if unknown := sorted(set(rooms) - set(known)):
        raise PlannerError(f"no room '{unknown[0]}' in '{event.id}' (rooms: "
                           f"{', '.join(known) or 'none yet'})")
    changed = [_room(room.id, rooms[room.id].get("name", room.name),
                     rooms[room.id].get("capacity", room.capacity)).model_copy(
                         update={"note": room.note}) if room.id in rooms else room
               for room in event.rooms]
    _check_names(event, changed)
    renamed = {old.name: new.id for old, new in zip(event.rooms, changed, strict=True)
               if old.name != new.name}
    sessions = [_rename(session, renamed) for session in event.sessions]
    return event.model_copy(update={"rooms": changed, "sessions": sessions})


def _rename(session: Any, renamed: dict[str, str]) -> Any:
    update: dict[str, Any] = {}
    if session.room in renamed:
        update["room"] = renamed[session.room]
    if any(room in renamed for room in getattr(session, "group_rooms", {}).values()):
        update["group_rooms"] = {group: renamed.get(room, room)
                                 for group, room in session.group_rooms.items()}
    return session.model_copy(update=update) if update else session


def remove_room(event: Event, room_id: str) -> Event:
    """A copy of `event` without the room, which no session may still use.

    Raises
    ------
    PlannerError
        For a room the event does not have, or one that sessions use.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = add_room(Library.open().load("dar-es-salaam-2010"), room_id="annex",
    ...                  name="Annex")
    >>> remove_room(event, "annex").rooms
    []
    """
    room = next(r for r in event.rooms if r.id == find_room(event, room_id))
    users = [session.id for session in event.sessions
             if {room.id, room.name} & {session.room,
                                        *getattr(session, "group_rooms", {}).values()}]
    if users:
        raise PlannerError(f"room '{room.id}' is used by {', '.join(users)}: move "
                           f"{'it' if len(users) == 1 else 'them'} to another room first")
    return event.model_copy(update={"rooms": [r for r in event.rooms if r.id != room.id]})
