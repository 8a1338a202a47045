"""Building the programme: add, edit, move, copy and remove sessions, and schedule a round of
working groups in one step, each refused with a one-line reason when it cannot hold."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from planner.errors import PlannerError
from planner.model import Event, Session, SessionKind
from planner.programme.placement import (
    check_day,
    check_times,
    clock_time,
    keep_length,
    named_block,
    place_session,
    session_kind,
    starts_elsewhere,
)
from planner.programme.rooms import find_room
from planner.programme.speakers import choose_speakers, speaker_of
from planner.programme.timetable import Role, Slot, build_programme

__all__ = [
    "add_session",
    "copy_session",
    "edit_session",
    "move_session",
    "new_session_id",
    "remove_session",
    "schedule_round",
]

_SESSION: TypeAdapter[Session] = TypeAdapter(Session)
#: Kinds of session that have chairs and speakers of their own.
_LED_KINDS = frozenset({SessionKind.PLENARY, SessionKind.REPORTING_BACK})
#: Parts in a session that make a person's double booking a refusal, not only a finding.
_LEADING = frozenset({"chairing", "speaking"})
_VERBS = {"chairing": "chairs", "speaking": "speaks in", "reporting": "reports in",
          "member": "sits in"}
#: What `edit_session` may change.
_EDITABLE = frozenset({"kind", "title", "day", "start", "end", "block", "room", "chairs",
                       "speakers", "interpretation", "note"})
_ID_LENGTH = 40


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > _ID_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word[:_ID_LENGTH]
    return slug


def new_session_id(event: Event, *, day: int, title: str | None, kind: str = "plenary") -> str:
    """A readable id for a new session, unique in the event: `d2-closing`, `d2-closing-2`…
    (from the kind when the title has no Latin letters or digits).

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> new_session_id(event, day=2, title="Closing"), new_session_id(event, day=1, title="Opening")
    ('d2-closing', 'd1-opening-2')
    """
    base = f"d{day}-{_slug(title or '') or kind}"
    taken = {session.id for session in event.sessions}
    return next(candidate for n in range(1, len(taken) + 2)
                if (candidate := base if n == 1 else f"{base}-{n}") not in taken)


def _build(event: Event, data: dict[str, Any]) -> Session:
    kind = session_kind(data["kind"])
    data |= {"start": clock_time(data.get("start")), "end": clock_time(data.get("end")),
             "block": named_block(data.get("block")), "title": (data.get("title") or "").strip()
             or None}
    name = f"'{data['title'] or data['id']}'"
    check_day(event, data["day"], kind)
    check_times(name, data["start"], data["end"], data["block"])
    if data.get("room"):
        data["room"] = find_room(event, data["room"])
    if kind not in _LED_KINDS and (data.pop("chairs", None) or data.pop("speakers", None)):
        raise PlannerError(f"{name} is a {kind.value} session: only a plenary or a reporting "
                           "back has chairs and speakers")
    if kind != SessionKind.WORKING_GROUPS:
        data.pop("group_rooms", None)
    if kind not in {*_LED_KINDS, SessionKind.WORKING_GROUPS}:
        data.pop("working_groups", None)
        data.pop("items", None)
    if kind != SessionKind.SOCIAL:
        data.pop("hosted_by", None)
    try:
        return _SESSION.validate_python({k: v for k, v in data.items() if v is not None})
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(map(str, first["loc"][1:])) or "session"
        raise PlannerError(f"{name}: {where}: {first['msg']}") from None


def _part(slot: Slot, person: str) -> Role:
    return next(role for role in slot.roles if role.person == person)


def _clashes(event: Event, session_id: str) -> dict[tuple[str, str, str], str]:
    # The conflict check's own placement (`build_programme`): the people who chair or
    # speak where the session overlaps another slot they are in.
    slots = build_programme(event)
    found: dict[tuple[str, str, str], str] = {}
    for slot in (s for s in slots if s.session.id == session_id):
        for other in slots:
            if other.session.id == session_id or not slot.overlaps(other):
                continue
            for person in sorted(slot.people & other.people):
                here, there = _part(slot, person), _part(other, person)
                if {here.part, there.part} & _LEADING:
                    found[(person, slot.key, other.key)] = (
                        f"{here.name} {_VERBS[here.part]} '{slot.title}' ({slot.when()}) but "
                        f"already {_VERBS[there.part]} '{other.title}' ({other.when()}) at "
                        "that time")
    return found


def _refuse_clashes(before: Event, after: Event, session_id: str) -> Event:
    known = _clashes(before, session_id)
    if new := [message for pair, message in _clashes(after, session_id).items()
               if pair not in known]:
        raise PlannerError(new[0])
    return after


def _find(event: Event, session_id: str) -> Session:
    for session in event.sessions:
        if session.id == session_id:
            return session
    ids = ", ".join(s.id for s in event.sessions) or "none yet"
    raise PlannerError(f"no session '{session_id}' in '{event.id}' (sessions: {ids})")


def _round_groups(event: Event, round_: int | None, groups: Iterable[str] | None) -> list[str]:
    if groups is not None:
        known = {g.id for g in event.working_groups}
        wanted = list(dict.fromkeys(groups))
        if unknown := [g for g in wanted if g not in known]:
            raise PlannerError(f"no working group '{unknown[0]}' in '{event.id}' (groups: "
                               f"{', '.join(sorted(known)) or 'none'})")
        if not wanted:
            raise PlannerError("pick the working groups that meet in this session")
        return wanted
    if round_ is None:
        return []
    wanted = [g.id for g in event.working_groups if g.round == round_]
    if not wanted:
        rounds = ", ".join(map(str, sorted({g.round for g in event.working_groups})))
        raise PlannerError(f"no working group of '{event.id}' is in round {round_} "
                           f"(rounds: {rounds or 'none'})")
    return wanted


def _into_round(event: Event, groups: list[str], round_: int | None) -> Event:
    # The composition places each person in one group per round, and a round's session
    # holds groups of that round: a group already placed or scheduled keeps its round.
    changed = []
    for group in event.working_groups:
        if round_ is None or group.id not in groups or group.round == round_:
            changed.append(group)
            continue
        members = sum(group.id in person.working_groups for person in event.participants)
        if members:
            raise PlannerError(f"working group '{group.id}' has {members} members placed for "
                               f"round {group.round}: it cannot move to round {round_}")
        if meets := [s.title or s.id for s in event.sessions
                     if group.id in getattr(s, "working_groups", [])]:
            raise PlannerError(f"working group '{group.id}' already meets in round "
                               f"{group.round} ('{meets[0]}'): it cannot move to round "
                               f"{round_}")
        changed.append(group.model_copy(update={"round": round_}))
    return event.model_copy(update={"working_groups": changed})


def add_session(event: Event, *, kind: str, day: int, title: str | None = None,
                start: str | None = None, end: str | None = None, block: str | None = None,
                room: str | None = None, chairs: Iterable[str] = (),
                speakers: Iterable[str] = (), interpretation: Iterable[str] = (),
                round: int | None = None, groups: Iterable[str] | None = None,
                session_id: str | None = None) -> Event:
    """A copy of `event` with a new session, placed in programme order. Nothing is saved.

    Parameters
    ----------
    event : Event
    kind : str
        `plenary`, `working-groups`, `reporting-back`, `break`, `social` or `registration`.
    day : int
        1 for the first day; 0 for the eve (registration, a reception).
    title : str, optional
    start, end : str, optional
        Clock times, HH:MM; or else `block`, a named part of the day.
    room : str, optional
        Id or name of one of the event's rooms.
    chairs, speakers : iterable of str
        Each a participant id of the roster, else the name of someone from outside,
        marked to be confirmed (see `speaker_of`). Only plenaries and reporting backs.
    interpretation : iterable of str
        Languages interpreted.
    round : int, optional
        With kind `working-groups`: the session takes every working group of this round
        (or, with `groups`, those groups, which join the round).
    groups : iterable of str, optional
        With kind `working-groups`: ids of the working groups meeting in it.
    session_id : str, optional
        The new session's id; by default `new_session_id`.

    Returns
    -------
    Event
        The changed copy; its new session is `session_id` (or `new_session_id(event, …)`).

    Raises
    ------
    PlannerError
        For an unknown kind or room, a day outside the event, times and a block both (or
        neither), an end before the start, a chair or speaker who is elsewhere at that
        time, a round without groups, or a duplicate id.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.programme.placement import describe_placement
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> event = add_session(event, kind="plenary", title="Closing", day=2, start="16:00",
    ...                     end="17:30", speakers=["Ms Erika Feller"])
    >>> [describe_placement(s) for s in event.sessions]
    ['day 1, morning', 'day 2, 16:00–17:30']
    >>> event.sessions[-1].speakers[0].tbc
    True
    """
    kind_ = session_kind(kind)
    if kind_ != SessionKind.WORKING_GROUPS and (round is not None or groups is not None):
        raise PlannerError(f"a round of working groups is a session of kind 'working-groups', "
                           f"not '{kind}'")
    meeting = _round_groups(event, round, groups)
    new_id = session_id or new_session_id(event, day=day, title=title, kind=kind)
    if any(session.id == new_id for session in event.sessions):
        raise PlannerError(f"session '{new_id}' is already in '{event.id}'")
    data: dict[str, Any] = {
        "id": new_id, "kind": kind, "day": day, "title": title, "start": start, "end": end,
        "block": block, "room": room, "interpretation": list(interpretation),
        "chairs": [speaker_of(event, who) for who in chairs],
        "speakers": [speaker_of(event, who) for who in speakers],
        "working_groups": meeting or None}
    session = _build(event, data)
    changed = _into_round(event, meeting, round)
    changed = changed.model_copy(update={"sessions": place_session(event, session, event.sessions)})
    return _refuse_clashes(event, changed, new_id)


def schedule_round(event: Event, round: int, *, day: int, start: str | None = None,
                   end: str | None = None, block: str | None = None,
                   groups: Iterable[str] | None = None, title: str | None = None) -> Event:
    """A copy of `event` where round `round` of the working groups meets at one time, in one
    step: a `working-groups` session holding every group of that round (or `groups`, which
    join the round). Rooms are left to the programme (the largest free rooms).

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> event = schedule_round(event, 2, day=2, block="morning",
    ...                        groups=["wg-data", "wg-return"])
    >>> event.sessions[-1].id, event.sessions[-1].working_groups
    ('d2-working-groups-round-2', ['wg-data', 'wg-return'])
    >>> sorted({g.round for g in event.working_groups})
    [1, 2]
    """
    return add_session(event, kind=SessionKind.WORKING_GROUPS.value, day=day,
                       title=title or f"Working groups, round {round}", start=start, end=end,
                       block=block, round=round, groups=groups)


def edit_session(event: Event, session_id: str, **changes: Any) -> Event:
    """A copy of `event` with session `session_id` changed: any of `kind`, `title`, `day`,
    `start`, `end`, `block`, `room` (None clears them), `chairs` and `speakers` (as
    `choose_speakers` reads them), `interpretation`, `note`. A session whose day or time
    changes takes its place in programme order.

    Raises
    ------
    PlannerError
        For an unknown session, and for everything `add_session` refuses.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> edit_session(event, "d1-opening", title="Opening session", room=None).sessions[0].title
    'Opening session'
    """
    session = _find(event, session_id)
    if unknown := sorted(set(changes) - _EDITABLE):
        raise TypeError(f"edit_session() cannot change {', '.join(unknown)}")
    for part in ("chairs", "speakers"):
        if part in changes:
            changes[part] = choose_speakers(event, getattr(session, part, []), changes[part])
    data = session.model_dump(exclude_none=True) | changes
    edited = _build(event, data)
    others = [s for s in event.sessions if s.id != session_id]
    if starts_elsewhere(event, session, edited):
        sessions = place_session(event, edited, others)
    else:
        sessions = [edited if s.id == session_id else s for s in event.sessions]
    return _refuse_clashes(event, event.model_copy(update={"sessions": sessions}), session_id)


def move_session(event: Event, session_id: str, *, day: int | None = None,
                 start: str | None = None, end: str | None = None, block: str | None = None,
                 room: str | None = None) -> Event:
    """A copy of `event` with the session at another day, time or room; what is not given
    stays. A block replaces the clock times and clock times the block; a new start alone
    keeps the session's length.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.programme.placement import describe_placement
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> moved = move_session(event, "d1-opening", start="09:30", end="11:00")
    >>> describe_placement(moved.sessions[0])
    'day 1, 09:30–11:00'
    >>> describe_placement(move_session(moved, "d1-opening", start="10:00").sessions[0])
    'day 1, 10:00–11:30'
    """
    session = _find(event, session_id)
    changes: dict[str, Any] = {"day": session.day if day is None else day}
    if room is not None:
        changes["room"] = room
    start, end, block = clock_time(start), clock_time(end), named_block(block)
    if block is not None:
        check_times(f"'{session.title or session.id}'", start, end, block)
        changes |= {"block": block, "start": None, "end": None}
    elif start is not None or end is not None:
        changes |= {"block": None, "start": start or session.start, "end": end}
        if end is None and start is not None:
            changes["end"] = keep_length(session, start)
    return edit_session(event, session_id, **changes)


def copy_session(event: Event, session_id: str, *, day: int | None = None,
                 start: str | None = None, end: str | None = None, block: str | None = None,
                 room: str | None = None) -> Event:
    """A copy of `event` with a copy of the session (its people, groups and languages), on
    `day` or at other times or in another room if given; its id is made like a new
    session's.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.programme.placement import describe_placement
    >>> event = copy_session(Library.open().load("dar-es-salaam-2010"), "d1-opening", day=2)
    >>> [(s.id, describe_placement(s)) for s in event.sessions]
    [('d1-opening', 'day 1, morning'), ('d2-opening', 'day 2, morning')]
    """
    session = _find(event, session_id)
    new_day = session.day if day is None else day
    new_id = new_session_id(event, day=new_day, title=session.title, kind=session.kind)
    copied = session.model_copy(update={"id": new_id})
    base = event.model_copy(update={"sessions": place_session(event, copied, event.sessions)})
    moved = move_session(base, new_id, day=new_day, start=start, end=end, block=block,
                         room=room)
    # Refused against the event without the copy: the copy's clash with its original counts.
    return _refuse_clashes(event, moved, new_id)


def remove_session(event: Event, session_id: str) -> Event:
    """A copy of `event` without the session.

    Examples
    --------
    >>> from planner.library import Library
    >>> remove_session(Library.open().load("dar-es-salaam-2010"), "d1-opening").sessions
    []
    """
    _find(event, session_id)
    return event.model_copy(update={"sessions": [s for s in event.sessions
                                                 if s.id != session_id]})

