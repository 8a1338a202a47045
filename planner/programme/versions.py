"""Publishing the programme: a draft, then numbered versions and what moved between them."""

from __future__ import annotations

import datetime as dt

from planner.errors import PlannerError
from planner.model import Event, ProgrammeVersion, PublishedSlot
from planner.programme.timetable import Slot, build_programme

__all__ = [
    "confirmed_slots",
    "describe_changes",
    "is_draft",
    "publish_programme",
    "published_version",
    "snapshot_programme",
    "unpublished_changes",
]


def _snapshot(slot: Slot) -> PublishedSlot:
    people = [role.name for role in slot.roles if role.part != "member"]
    return PublishedSlot(key=slot.key, title=slot.title, day=slot.day,
                         start=f"{slot.start:%H:%M}", end=f"{slot.end:%H:%M}", room=slot.room,
                         people=list(dict.fromkeys(people)))


def snapshot_programme(event: Event) -> list[PublishedSlot]:
    """The programme as it would be published now: each slot's title, times, room and people.

    Examples
    --------
    >>> from planner.library import Library
    >>> snapshot_programme(Library.open().load("manila-2010"))[1].start
    '09:00'
    """
    return [_snapshot(slot) for slot in build_programme(event)]


def _when(slot: PublishedSlot) -> str:
    return f"day {slot.day}, {slot.start}–{slot.end}"


def _where(slot: PublishedSlot) -> str:
    return f", {slot.room}" if slot.room else ""


def _moves(old: PublishedSlot, new: PublishedSlot) -> list[str]:
    lines = []
    if old.title != new.title:
        lines.append(f"'{old.title}' is now called '{new.title}'")
    if (old.day, old.start, old.end) != (new.day, new.start, new.end):
        lines.append(f"{new.title} moved from {_when(old)} to {_when(new)}")
    if old.room != new.room:
        lines.append(f"{new.title} moved to {new.room}" if old.room is None and new.room else
                     f"{new.title} moved from {old.room} to {new.room or 'no room'}")
    added = [p for p in new.people if p not in old.people]
    gone = [p for p in old.people if p not in new.people]
    if added or gone:
        parts = [f"with {', '.join(added)}" if added else "",
                 f"without {', '.join(gone)}" if gone else ""]
        lines.append(f"{new.title}: now {' and '.join(filter(None, parts))}")
    return lines


def describe_changes(before: list[PublishedSlot], after: list[PublishedSlot]) -> list[str]:
    """What an organiser would announce between two versions, one line per change.

    New and cancelled sessions, sessions moved in time or to another room,
    renamed, or with other chairs, speakers or rapporteurs (pretalx-style).

    Examples
    --------
    >>> a = PublishedSlot(key="wg/b", title="WG 2", day=1, start="14:00", end="17:00",
    ...                   room="Room A")
    >>> describe_changes([a], [a.model_copy(update={"room": "Room B"})])
    ['WG 2 moved from Room A to Room B']
    """
    old = {slot.key: slot for slot in before}
    new_keys = {slot.key for slot in after}
    lines: list[str] = []
    for slot in after:
        if slot.key not in old:
            lines.append(f"New: {slot.title} ({_when(slot)}{_where(slot)})")
        else:
            lines += _moves(old[slot.key], slot)
    lines += [f"Cancelled: {slot.title} (was {_when(slot)}{_where(slot)})"
              for slot in before if slot.key not in new_keys]
    return lines


def published_version(event: Event) -> int:
    """The number of the latest published version, 0 while the programme is a draft.

    Calendar exports use it as SEQUENCE, so that calendars take the newer copy.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("manila-2010")
    >>> published_version(event), published_version(publish_programme(event))
    (0, 1)
    """
    versions = event.programme.versions
    return versions[-1].number if versions else 0


def unpublished_changes(event: Event) -> list[str]:
    """What changed since the latest published version (everything before the first).

    Examples
    --------
    >>> from planner.library import Library
    >>> unpublished_changes(Library.open().load("manila-2010"))[0]
    'New: Registration (continued) (day 1, 08:00–08:45)'
    """
    return describe_changes(event.programme.published, snapshot_programme(event))


def is_draft(event: Event) -> bool:
    """Whether the programme is unpublished, or has changed since it was last published.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("manila-2010")
    >>> is_draft(event), is_draft(publish_programme(event))
    (True, False)
    """
    return not event.programme.versions or bool(unpublished_changes(event))


def confirmed_slots(event: Event) -> set[str]:
    """Keys of the slots that stand as the latest published version placed them.

    Calendar exports mark these CONFIRMED and the others TENTATIVE.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("manila-2010")
    >>> len(confirmed_slots(event)), len(confirmed_slots(publish_programme(event)))
    (0, 14)
    """
    published = {slot.key: slot for slot in event.programme.published}
    return {slot.key for slot in snapshot_programme(event) if published.get(slot.key) == slot}


def publish_programme(event: Event, *, note: str | None = None,
                      on: dt.date | None = None) -> Event:
    """Publish the programme as its next numbered version, with what moved since the last.

    Parameters
    ----------
    event : Event
        The event whose programme to publish.
    note : str, optional
        What the organisers want to say with this version.
    on : date, optional
        Date of publication (default: today).

    Returns
    -------
    Event
        A copy whose `programme` has the new version (its `changes` list what
        moved) and the published placement of every slot; save it to keep it.

    Raises
    ------
    PlannerError
        When nothing changed since the latest version.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = publish_programme(Library.open().load("manila-2010"), on=dt.date(2010, 11, 1))
    >>> version = event.programme.versions[-1]
    >>> version.number, version.changes
    (1, ['First published version: 14 sessions'])
    """
    after = snapshot_programme(event)
    number = published_version(event) + 1
    if number == 1:
        changes = [f"First published version: {len(after)} sessions"]
    else:
        changes = describe_changes(event.programme.published, after)
        if not changes:
            raise PlannerError(f"nothing to publish: the programme of '{event.id}' has not "
                               f"changed since version {number - 1}")
    version = ProgrammeVersion(number=number, date=on or dt.date.today(), note=note,
                               changes=changes)
    programme = event.programme.model_copy(
        update={"versions": [*event.programme.versions, version], "published": after})
    return event.model_copy(update={"programme": programme})
