"""The programme placed in time and rooms: every session, and each working group of a round."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from planner.dates import format_date, weekday
from planner.language import _
from planner.model import (
    AgendaItem,
    Event,
    Participant,
    Plenary,
    Registry,
    Room,
    Session,
    SessionKind,
    Speaker,
    WorkingGroup,
    WorkingGroupSlot,
)

__all__ = [
    "Role",
    "Slot",
    "build_programme",
    "day_label",
    "describe_slot",
    "event_uid",
    "name_speaker",
    "person_uid",
    "slot_uid",
]

# Fixed for ever: changing it would change every UID a calendar already holds.
_NAMESPACE = uuid.UUID("9eeb5069-5c19-482c-9915-5f2317aa58dd")
_DEFAULT_MINUTES = 60


def event_uid(event_id: str) -> uuid.UUID:
    """The stable identifier of an event in calendars and schedule apps.

    Examples
    --------
    >>> event_uid("manila-2010") == event_uid("manila-2010") != event_uid("dakar-2008")
    True
    """
    return uuid.uuid5(_NAMESPACE, event_id)


def slot_uid(event_id: str, key: str) -> uuid.UUID:
    """The stable identifier of one slot, from the event id and the slot key alone.

    Titles, times and rooms can change; the identifier does not.

    Examples
    --------
    >>> str(slot_uid("manila-2010", "d1-opening"))[:8]
    'ca2799cf'
    """
    return uuid.uuid5(_NAMESPACE, f"{event_id}/{key}")


def person_uid(person: str) -> uuid.UUID:
    """The stable identifier of a person (a participant id or `name:` and a name).

    Examples
    --------
    >>> person_uid("amina-hassan") == person_uid("amina-hassan")
    True
    """
    return uuid.uuid5(_NAMESPACE, f"person/{person}")


@dataclass(frozen=True)
class Role:
    """Someone's part in a slot: `chairing`, `speaking`, `reporting` or `member` of the group."""

    person: str
    """The participant id, or `name:` and the name of someone from outside."""
    name: str
    part: str


@dataclass(frozen=True)
class Slot:
    """A session, or one working group of a round, at its times and in its room."""

    key: str
    """The session id, with `/group-id` for a working group of a round."""
    session: Session
    title: str
    start: dt.datetime
    end: dt.datetime
    timed: bool
    """Whether the times are the programme's own rather than a named block's share."""
    group: WorkingGroup | None = None
    number: int | None = None
    """The working group's number in its round (`WG 2`)."""
    room: str | None = None
    capacity: int | None = None
    chairs: tuple[Speaker, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    rapporteurs: tuple[Speaker, ...] = ()
    groups: tuple[WorkingGroup, ...] = ()
    """The working group meeting here, or those a plenary reports on."""
    roles: tuple[Role, ...] = ()

    @property
    def day(self) -> int:
        """Day of the event (1 is the first day, 0 the eve)."""
        return self.session.day

    @property
    def kind(self) -> SessionKind:
        """The kind of session."""
        return SessionKind(self.session.kind)

    @property
    def people(self) -> frozenset[str]:
        """Who has a part here, by person key."""
        return frozenset(role.person for role in self.roles)

    def overlaps(self, other: Slot) -> bool:
        """Whether the two slots share some time."""
        return self.start < other.end and other.start < self.end

    def when(self) -> str:
        """Day and hours as an organiser writes them: `day 1, 14:00–18:00`."""
        return f"day {self.day}, {self.start:%H:%M}–{self.end:%H:%M}"


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _block_shares(event: Event) -> dict[str, tuple[int, int]]:
    # Sessions sharing a named block split its hours in file order, on five-minute
    # marks, so that "morning: opening, keynote" does not overlap itself.
    blocks: dict[tuple[int, str], list[str]] = {}
    for session in event.sessions:
        if session.start is None and session.block is not None:
            blocks.setdefault((session.day, session.block.value), []).append(session.id)
    shares: dict[str, tuple[int, int]] = {}
    for (_day, block), ids in blocks.items():
        hours = getattr(event.programme.block_hours, block)
        first, span = _minutes(hours.start), _minutes(hours.end) - _minutes(hours.start)
        grain = 5 if span >= 5 * len(ids) else 1
        bounds = [first + index * span // len(ids) // grain * grain
                  for index in range(len(ids))] + [first + span]
        shares |= {session_id: (bounds[n], bounds[n + 1]) for n, session_id in enumerate(ids)}
    return shares


def _open_end(event: Event, session: Session, start: int) -> int:
    # A programme often prints only when a dinner starts: it lasts to the end of its block.
    hours = event.programme.block_hours
    blocks = [getattr(hours, session.block.value)] if session.block else []
    blocks += [hours.morning, hours.afternoon, hours.evening]
    for block in blocks:
        if _minutes(block.start) <= start < _minutes(block.end):
            return _minutes(block.end)
    return start + _DEFAULT_MINUTES


def _times(event: Event, session: Session,
           shares: dict[str, tuple[int, int]]) -> tuple[dt.datetime, dt.datetime, bool]:
    if session.start is not None:
        begin = _minutes(session.start)
        end = _minutes(session.end) if session.end else _open_end(event, session, begin)
    else:
        begin, end = shares[session.id]
    midnight = dt.datetime.combine(event.date_of(session.day), dt.time())
    zone = zoneinfo.ZoneInfo(event.timezone)
    return ((midnight + dt.timedelta(minutes=begin)).replace(tzinfo=zone),
            (midnight + dt.timedelta(minutes=end)).replace(tzinfo=zone),
            session.start is not None)


def _room(event: Event, name: str | None) -> tuple[str | None, int | None]:
    for room in event.rooms:
        if name in (room.id, room.name):
            return room.name, room.capacity
    return name, None


def _item_speakers(items: list[AgendaItem]) -> Iterator[Speaker]:
    for item in items:
        yield from item.speakers
        yield from _item_speakers(item.items)


def _roles(speakers: tuple[Speaker, ...], part: str,
           people: dict[str, Participant]) -> Iterator[Role]:
    for speaker in speakers:
        if speaker.participant is not None:
            person = people.get(speaker.participant)
            name = person.name if person else speaker.name or speaker.participant
            yield Role(speaker.participant, name, part)
        elif speaker.name is not None:
            yield Role("name:" + " ".join(speaker.name.casefold().split()), speaker.name, part)


def _unique(roles: Iterator[Role]) -> tuple[Role, ...]:
    return tuple(dict.fromkeys(roles))


def _session_slot(event: Event, session: Session, times: tuple[dt.datetime, dt.datetime, bool],
                  people: dict[str, Participant]) -> Slot:
    title = session.title or SessionKind(session.kind).label
    room, capacity = _room(event, session.room)
    slot = Slot(session.id, session, title, *times, room=room, capacity=capacity)
    if not isinstance(session, Plenary):
        return slot
    known = {group.id: group for group in event.working_groups}
    groups = tuple(known[g] for g in session.working_groups if g in known)
    reporters = (tuple(r for g in groups for r in g.rapporteurs)
                 if session.kind == SessionKind.REPORTING_BACK else ())
    speakers = (*session.speakers, *_item_speakers(session.items))
    roles = _unique(role for part, group in (("chairing", tuple(session.chairs)),
                                              ("speaking", speakers),
                                              ("reporting", reporters))
                    for role in _roles(group, part, people))
    return dataclasses.replace(slot, chairs=tuple(session.chairs), speakers=speakers,
                               rapporteurs=reporters, groups=groups, roles=roles)


def _group_slot(event: Event, session: WorkingGroupSlot,
                times: tuple[dt.datetime, dt.datetime, bool],
                people: dict[str, Participant], *, number: int, group_id: str) -> Slot:
    group = next((g for g in event.working_groups if g.id == group_id), None)
    wanted = session.group_rooms.get(group_id)
    if wanted is None and len(session.working_groups) == 1:
        wanted = session.room
    room, capacity = _room(event, wanted)
    title = f"WG {number}: {group.title if group else group_id}"
    if group is None:
        return Slot(f"{session.id}/{group_id}", session, title, *times, number=number,
                    room=room, capacity=capacity)
    members = tuple(Role(p.id, p.name, "member") for p in event.participants
                    if group.id in p.working_groups)
    roles = _unique(role for role in (*_roles(tuple(group.chair), "chairing", people),
                                      *_roles(tuple(group.rapporteurs), "reporting", people),
                                      *members))
    return Slot(f"{session.id}/{group.id}", session, title, *times, group=group, number=number,
                room=room, capacity=capacity, chairs=tuple(group.chair),
                rapporteurs=tuple(group.rapporteurs), groups=(group,), roles=roles)


def _free_rooms(event: Event, slots: list[Slot], slot: Slot) -> list[Room]:
    busy = {other.room for other in slots if other.room and other.overlaps(slot)}
    free = [room for room in event.rooms if room.name not in busy]
    # Largest rooms first; a room of unknown size after those whose size is known.
    return sorted(free, key=lambda room: -(room.capacity or 0))


def _allot_rooms(event: Event, slots: list[Slot], waiting: list[list[int]]) -> list[Slot]:
    # Working groups without a room get the largest free rooms, largest groups first.
    for indices in waiting:
        free = _free_rooms(event, slots, slots[indices[0]])
        by_size = sorted(indices, key=lambda i: -len(slots[i].people))
        for index, room in zip(by_size, free, strict=False):
            slots[index] = dataclasses.replace(slots[index], room=room.name,
                                               capacity=room.capacity)
    return slots


def build_programme(event: Event) -> list[Slot]:
    """Place every session of the event in time and in a room, in programme order.

    A round of working groups becomes one slot per group, numbered `WG 1`,
    `WG 2`… in the order the round lists them. Sessions given only a named
    block share the block's hours (`event.programme.block_hours`) in file
    order. A working group without a room in `group_rooms` gets the largest
    room of `event.rooms` that no other slot holds at that time.

    Parameters
    ----------
    event : Event
        The event whose `sessions` make the programme.

    Returns
    -------
    list of Slot
        In the order of the event file; times are in the venue's time zone.

    Examples
    --------
    >>> from planner.library import Library
    >>> slots = build_programme(Library.open().load("sanaa-2008"))
    >>> [(s.key, s.when()) for s in slots][:3]
    [('d1-opening', 'day 1, 09:00–10:45'), ('d1-mapping', 'day 1, 10:45–12:30'), \
('d1-working-groups/smuggling-and-trafficking', 'day 1, 14:00–17:30')]
    """
    shares = _block_shares(event)
    people = {person.id: person for person in event.participants}
    slots: list[Slot] = []
    waiting: list[list[int]] = []
    for session in event.sessions:
        times = _times(event, session, shares)
        if not isinstance(session, WorkingGroupSlot) or not session.working_groups:
            slots.append(_session_slot(event, session, times, people))
            continue
        round_ = [_group_slot(event, session, times, people, number=n, group_id=g)
                  for n, g in enumerate(session.working_groups, start=1)]
        waiting.append([len(slots) + i for i, s in enumerate(round_) if s.room is None])
        slots += round_
    return _allot_rooms(event, slots, [w for w in waiting if w])


def name_speaker(speaker: Speaker, event: Event, *, registry: Registry | None = None,
                 details: bool = True) -> str:
    """A chair or speaker as a programme prints them: `Ms A. Hassan, UNHCR (keynote)`.

    Without `details`, only the person's name (the organisation's when no one is named).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...               timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> name_speaker(Speaker(name="Ms Hassan", organisation="unhcr", tbc=True), event)
    'Ms Hassan, unhcr (to be confirmed)'
    """
    person = next((p for p in event.participants if p.id == speaker.participant), None)
    name = person.name if person else speaker.name
    org_id = speaker.organisation or (person.organisation if person else None)
    org = org_id
    if registry is not None and org_id is not None and org_id in registry:
        org = registry[org_id].display_name
    if not details:
        return name or org or ""
    extras = (speaker.role, "to be confirmed" if speaker.tbc else None)
    return ", ".join(filter(None, (name, org))) + "".join(f" ({x})" for x in extras if x)


def _running_order(items: list[AgendaItem], depth: int = 0) -> Iterator[str]:
    for item in items:
        yield f"{'  ' * depth}- {' '.join(item.title.split())}"
        yield from _running_order(item.items, depth + 1)


def describe_slot(slot: Slot, event: Event, *, registry: Registry | None = None) -> str:
    """What a calendar entry says about a slot: people, working groups, languages, items.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("manila-2010")
    >>> print(describe_slot(build_programme(event)[1], event))
    Speakers: philippines; unhcr
    """
    lines = []
    for label, people in (("Chairs", slot.chairs), ("Speakers", slot.speakers),
                          ("Rapporteurs", slot.rapporteurs)):
        if people:
            names = "; ".join(name_speaker(s, event, registry=registry) for s in people)
            lines.append(f"{label}: {names}")
    if slot.groups:
        lines.append("Working groups: " + "; ".join(g.title for g in slot.groups))
    if slot.group is not None and slot.group.scope:
        lines.append(" ".join(slot.group.scope.split()))
    if slot.session.interpretation:
        lines.append("Interpretation: " + ", ".join(slot.session.interpretation))
    lines += _running_order(getattr(slot.session, "items", []))
    return "\n".join(lines)


def day_label(event: Event, day: int) -> str:
    """A day of the event in words: `Day 1 – Monday 6 September 2010`.

    Examples
    --------
    >>> from planner.library import Library
    >>> day_label(Library.open().load("dar-es-salaam-2010"), 2)
    'Day 2 – Tuesday 7 September 2010'
    """
    date = event.date_of(day)
    name = _("Day {number}").format(number=day) if day > 0 else _("Eve")
    return f"{name} – {weekday(date)} {format_date(date)}"
