"""When a session sits: its kind, day, and clock times or a named block, read and checked
as an organiser types them, and its place in programme order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planner.errors import PlannerError
from planner.model import Event, Session, SessionBlock, SessionKind, WorkingGroupSlot

__all__ = [
    "EVE_KINDS",
    "check_day",
    "check_times",
    "clock_time",
    "describe_placement",
    "keep_length",
    "named_block",
    "place_session",
    "session_kind",
    "starts_elsewhere",
]

#: Kinds of session that may fall on the eve (day 0): the conflict check agrees.
EVE_KINDS = frozenset({SessionKind.REGISTRATION, SessionKind.SOCIAL})
_DAY_MINUTES = 24 * 60


def session_kind(kind: str) -> SessionKind:
    """The kind of session named `kind`.

    Examples
    --------
    >>> session_kind("reporting-back").label
    'Reporting back'
    """
    try:
        return SessionKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in SessionKind)
        raise PlannerError(f"unknown kind of session '{kind}' (kinds: {kinds})") from None


def clock_time(value: str | None) -> str | None:
    """A clock time as the event file writes it (`09:30`), from `9:30`, `09.30` or `9h30`;
    None for nothing typed.

    Examples
    --------
    >>> clock_time("9h30"), clock_time(" ")
    ('09:30', None)
    """
    if value is None or not value.strip():
        return None
    found = re.fullmatch(r"(\d{1,2})[:.h](\d{2})", value.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise PlannerError(f"'{value}' is not a clock time: write HH:MM (09:30)")
    return f"{int(found[1]):02d}:{found[2]}"


def named_block(block: str | None) -> str | None:
    """A named part of the day (`morning`, `afternoon`, `evening`); None for nothing typed.

    Examples
    --------
    >>> named_block("Morning")
    'morning'
    """
    if block is None or not block.strip():
        return None
    if block.strip().lower() not in set(SessionBlock):
        blocks = ", ".join(b.value for b in SessionBlock)
        raise PlannerError(f"unknown block '{block}' (blocks: {blocks})")
    return block.strip().lower()


def check_day(event: Event, day: int, kind: SessionKind) -> None:
    """Refuse a day outside the event, or a working session on its eve (day 0).

    Examples
    --------
    >>> from planner.library import Library
    >>> check_day(Library.open().load("dar-es-salaam-2010"), 3, SessionKind.PLENARY)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: day 3 is outside the event: 'dar-es-salaam-2010' runs from \
day 1 (2010-09-06) to day 2 (2010-09-07), with day 0 its eve
    """
    if not 0 <= day <= event.days:
        raise PlannerError(f"day {day} is outside the event: '{event.id}' runs from day 1 "
                           f"({event.start}) to day {event.days} ({event.end}), with day 0 "
                           "its eve")
    if day == 0 and kind not in EVE_KINDS:
        raise PlannerError(f"day 0 is the eve ({event.date_of(0)}): only registration or a "
                           f"social event goes there, not a {kind.value} session")


def check_times(name: str, start: str | None, end: str | None, block: str | None) -> None:
    """Refuse clock times and a block together (or neither), an end without a start, and an
    end that is not after the start. `name` names the session in the message.

    Examples
    --------
    >>> check_times("'Closing'", "16:00", "15:00", None)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: 'Closing' ends at 15:00, before it starts at 16:00
    """
    if block is not None and (start is not None or end is not None):
        raise PlannerError(f"{name}: give clock times or a named block, not both")
    if start is None and end is not None:
        raise PlannerError(f"{name}: give the start time with the end")
    if start is None and block is None:
        raise PlannerError(f"{name}: give clock times (start and end) or a named block "
                           "(morning, afternoon, evening)")
    if start is not None and end is not None and end <= start:
        raise PlannerError(f"{name} ends at {end}, before it starts at {start}"
                           if end < start else f"{name} ends at {end}, as soon as it starts")


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def keep_length(session: Session, start: str) -> str | None:
    """The end that keeps the session's length when it starts at `start` instead (None when
    it had no clock times to keep).

    Examples
    --------
    >>> from planner.library import Library
    >>> session = Library.open().load("manila-2010").sessions[0]
    >>> session.start, session.end, keep_length(session, "08:30")
    ('08:00', '08:45', '09:15')
    """
    if session.start is None or session.end is None:
        return None
    finish = _minutes(start) + _minutes(session.end) - _minutes(session.start)
    if finish >= _DAY_MINUTES:
        raise PlannerError(f"'{session.title or session.id}' would end after midnight")
    return f"{finish // 60:02d}:{finish % 60:02d}"


def _when(event: Event, session: Session) -> tuple[int, int]:
    if session.start is not None:
        return session.day, _minutes(session.start)
    block = getattr(event.programme.block_hours, session.block.value if session.block else "")
    return session.day, _minutes(block.start)


def place_session(event: Event, session: Session, sessions: Sequence[Session]) -> list[Session]:
    """`sessions` with `session` in programme order: after every session that starts no
    later, so that sessions sharing a named block share its hours in the order they came.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("manila-2010")
    >>> last = event.sessions[-1]
    >>> [s.id for s in place_session(event, last, event.sessions[:-1])][-2:] == [
    ...     s.id for s in event.sessions[-2:]]
    True
    """
    at = _when(event, session)
    index = max((i + 1 for i, other in enumerate(sessions) if _when(event, other) <= at),
                default=0)
    return [*sessions[:index], session, *sessions[index:]]


def starts_elsewhere(event: Event, before: Session, after: Session) -> bool:
    """Whether a changed session starts on another day or at another time than before (and
    so takes another place in programme order).

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> opening = event.sessions[0]
    >>> starts_elsewhere(event, opening, opening.model_copy(update={"title": "Welcome"}))
    False
    """
    return _when(event, before) != _when(event, after)


def describe_placement(session: Session) -> str:
    """Where a session sits, as the command line reports a change: `day 2, 09:00–10:30,
    room plenary` or `day 1, morning`.

    Examples
    --------
    >>> from planner.library import Library
    >>> describe_placement(Library.open().load("dar-es-salaam-2010").sessions[0])
    'day 1, morning'
    """
    when = (f"{session.start}–{session.end}" if session.start and session.end
            else session.start or (session.block.value if session.block else ""))
    room = f", room {session.room}" if session.room else ""
    groups = (f", {len(session.working_groups)} working groups"
              if isinstance(session, WorkingGroupSlot) and session.working_groups else "")
    return f"day {session.day}, {when}{room}{groups}"
