"""Programme building and its checks: no person or room in two places at once."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from planner.errors import Finding
from planner.model import Event, SessionKind, Speaker, WorkingGroupSlot
from planner.programme.timetable import Role, Slot, build_programme, event_uid, slot_uid

__all__ = [
    "CHECKS",
    "Role",
    "Slot",
    "build_programme",
    "check_programme",
    "event_uid",
    "slot_uid",
]

#: Kinds of session that may fall on the eve (day 0) of an event.
_EVE_KINDS = frozenset({SessionKind.REGISTRATION, SessionKind.SOCIAL})


def _role_of(slot: Slot, person: str) -> Role:
    return next(role for role in slot.roles if role.person == person)


def _people_in_two_places(slots: list[Slot]) -> Iterator[Finding]:
    for first, second in combinations(slots, 2):
        if not first.overlaps(second):
            continue
        for person in sorted(first.people & second.people):
            one, other = _role_of(first, person), _role_of(second, person)
            yield Finding(
                "person-double-booked",
                f"{one.name} is in two places at once: '{first.title}' ({first.when()}, "
                f"{one.part}) and '{second.title}' ({second.when()}, {other.part})",
                person)


def _rooms_in_use_twice(slots: list[Slot]) -> Iterator[Finding]:
    for first, second in combinations(slots, 2):
        if first.room is None or first.room != second.room or not first.overlaps(second):
            continue
        if first.session is second.session:
            round_ = first.session.title or first.session.id
            yield Finding(
                "room-double-booked",
                f"{first.room} is booked twice in the round '{round_}' ({first.when()}): "
                f"'{first.title}' and '{second.title}'", first.key)
        else:
            yield Finding(
                "room-overlap",
                f"{first.room} holds '{first.title}' ({first.when()}) and '{second.title}' "
                f"({second.when()}) at overlapping times", second.key)


def _rounds_short_of_rooms(event: Event, slots: list[Slot]) -> Iterator[Finding]:
    if not event.rooms:
        return
    for session in event.sessions:
        if not isinstance(session, WorkingGroupSlot) or not session.working_groups:
            continue
        round_ = [slot for slot in slots if slot.session is session]
        busy = {other.room for other in slots if other.session is not session
                and other.room and other.overlaps(round_[0])}
        free = [room.name for room in event.rooms if room.name not in busy]
        if len(round_) > len(free):
            homeless = [slot.title for slot in round_ if slot.room is None]
            yield Finding(
                "round-short-of-rooms",
                f"the round '{round_[0].session.title or session.id}' ({round_[0].when()}) has "
                f"{len(round_)} working groups but {len(free)} free "
                f"room{'' if len(free) == 1 else 's'} "
                f"({', '.join(free) or 'none'})"
                + (f"; without a room: {'; '.join(homeless)}" if homeless else ""), session.id)


def _groups_too_large(slots: list[Slot]) -> Iterator[Finding]:
    for slot in slots:
        if slot.group is not None and slot.capacity is not None:
            size = len(slot.people)
            if size > slot.capacity:
                yield Finding(
                    "room-too-small",
                    f"'{slot.title}' ({slot.when()}) has {size} people but {slot.room} "
                    f"seats {slot.capacity}", slot.key)


def _sessions_outside_dates(event: Event, slots: list[Slot]) -> Iterator[Finding]:
    seen: set[str] = set()
    for slot in slots:
        session = slot.session
        if session.id in seen:
            continue
        seen.add(session.id)
        if session.day > event.days:
            yield Finding(
                "outside-dates",
                f"'{slot.title}' is on day {session.day} ({event.date_of(session.day)}) but the "
                f"event runs {event.start} to {event.end} ({event.days} days)", session.id)
        elif session.day == 0 and slot.kind not in _EVE_KINDS:
            yield Finding(
                "outside-dates",
                f"'{slot.title}' is on the eve ({event.date_of(0)}), before the event starts "
                f"on {event.start}; only registration and receptions go there", session.id)


def _groups_never_scheduled(event: Event) -> Iterator[Finding]:
    scheduled = {group for session in event.sessions
                 if isinstance(session, WorkingGroupSlot) for group in session.working_groups}
    for group in event.working_groups:
        if group.is_planned and group.id not in scheduled:
            yield Finding(
                "group-unscheduled",
                f"working group '{group.title}' (round {group.round}) meets in no session "
                "of the programme", group.id)


def _unknown_rooms(event: Event) -> Iterator[Finding]:
    if not event.rooms:
        return
    known = {name for room in event.rooms for name in (room.id, room.name)}
    for session in event.sessions:
        wanted = [session.room, *getattr(session, "group_rooms", {}).values()]
        for room in wanted:
            if room is not None and room not in known:
                yield Finding(
                    "unknown-room",
                    f"session '{session.title or session.id}' uses room '{room}', which is not "
                    f"among the event's rooms ({', '.join(r.id for r in event.rooms)})",
                    session.id)


def _speakers(event: Event) -> Iterator[tuple[str, Speaker]]:
    for session in event.sessions:
        for speaker in [*getattr(session, "chairs", []), *getattr(session, "speakers", [])]:
            yield f"session '{session.title or session.id}'", speaker
    for group in event.working_groups:
        for speaker in [*group.chair, *group.rapporteurs]:
            yield f"working group '{group.title}'", speaker


def _unknown_people(event: Event) -> Iterator[Finding]:
    people = {person.id for person in event.participants}
    for where, speaker in _speakers(event):
        if speaker.participant is not None and speaker.participant not in people:
            yield Finding(
                "unknown-person",
                f"{where} names participant '{speaker.participant}', who is not among the "
                "event's participants", speaker.participant)


#: Every kind of finding `check_programme` can return.
CHECKS = (
    "person-double-booked", "room-double-booked", "room-overlap", "round-short-of-rooms",
    "room-too-small", "outside-dates", "group-unscheduled", "unknown-room", "unknown-person",
)


def check_programme(event: Event) -> list[Finding]:
    """Find what would go wrong on the day: people or rooms in two places at once.

    The checks, by `Finding.kind`:

    - ``person-double-booked``: someone chairs, speaks, reports or sits in a
      working group in two slots that overlap;
    - ``room-double-booked``: two working groups of one round share a room;
    - ``room-overlap``: two sessions overlap in one room;
    - ``round-short-of-rooms``: a round has more working groups than rooms
      free at that time;
    - ``room-too-small``: a working group has more people than its room seats;
    - ``outside-dates``: a session after the last day, or a working session
      on the eve;
    - ``group-unscheduled``: a planned working group meets in no round
      (groups only a report names are history, not plans);
    - ``unknown-room`` and ``unknown-person``: a room or participant id that
      the event does not have.

    Parameters
    ----------
    event : Event
        The event whose programme to check.

    Returns
    -------
    list of Finding
        Empty when the programme holds; each message names the sessions and
        people involved. Never raises.

    Examples
    --------
    >>> from planner.library import Library
    >>> check_programme(Library.open().load("manila-2010"))
    []
    """
    slots = build_programme(event)
    return [
        *_sessions_outside_dates(event, slots),
        *_people_in_two_places(slots),
        *_rooms_in_use_twice(slots),
        *_rounds_short_of_rooms(event, slots),
        *_groups_too_large(slots),
        *_groups_never_scheduled(event),
        *_unknown_rooms(event),
        *_unknown_people(event),
    ]
