"""The programme as the paperwork reads it: sessions in order, times, days and slots."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from planner.documents.wording import Context, frame, join_names, keep_rows, name_of, word_speaker
from planner.language import N_, _, current, in_language
from planner.model import Event, Registry, Session, SessionBlock, WorkingGroup
from planner.programme.timetable import day_label

__all__ = [
    "BLOCK_STARTS",
    "in_order",
    "minutes",
    "programme_context",
    "report_back_after",
    "session_block",
    "session_time",
    "session_title",
    "sessions_by_day",
    "slot_of",
    "wording_of_slot",
]

#: Where a named block starts when the programme gives no clock time (HH:MM).
BLOCK_STARTS = {SessionBlock.MORNING: "09:00", SessionBlock.AFTERNOON: "14:00",
                SessionBlock.EVENING: "19:00"}

_DEFAULT_TITLES = {"plenary": N_("Plenary"),
                   "reporting-back": N_("Reporting back from the working groups"),
                   "working-groups": N_("Working groups"), "break": N_("Break"),
                   "registration": N_("Registration"), "social": N_("Reception")}


def minutes(clock: str) -> int:
    """Minutes since midnight of an `HH:MM` time.

    Examples
    --------
    >>> minutes("09:15")
    555
    """
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def _start_of(session: Session) -> str:
    return session.start or BLOCK_STARTS[session.block or SessionBlock.MORNING]


def in_order(sessions: list[Session]) -> list[Session]:
    """Sessions by day and starting time; sessions of the same block keep the file's order."""
    return sorted(sessions, key=lambda s: (s.day, _start_of(s)))


def session_block(session: Session) -> SessionBlock:
    """The named part of the day a session falls in, derived from its time if need be.

    Examples
    --------
    >>> from planner.model import Plenary
    >>> session_block(Plenary(id="x", kind="plenary", day=1, start="14:30")).label
    'Afternoon'
    """
    if session.block is not None:
        return session.block
    start = minutes(_start_of(session))
    if start < minutes("12:00"):
        return SessionBlock.MORNING
    return SessionBlock.AFTERNOON if start < minutes("18:00") else SessionBlock.EVENING


def session_time(session: Session) -> str:
    """The time column of a programme: `09:15–10:30`, `09:15`, or the block's name.

    Examples
    --------
    >>> from planner.model import Break
    >>> session_time(Break(id="c", kind="break", day=1, start="10:30", end="11:00"))
    '10:30–11:00'
    >>> session_time(Break(id="c", kind="break", day=1, block="morning"))
    'Morning'
    """
    if session.start and session.end:
        return f"{session.start}–{session.end}"
    return session.start or _(session_block(session).label)


def session_title(session: Session) -> str:
    """The session's title, or what its kind calls it when the record gives none."""
    return in_language(session, "title") or _(_DEFAULT_TITLES[session.kind])


def sessions_by_day(event: Event) -> Iterator[tuple[int, list[Session]]]:
    """The programme day by day, each day's sessions in order."""
    for day, sessions in groupby(in_order(event.sessions), key=lambda s: s.day):
        yield day, list(sessions)


def slot_of(event: Event, group: WorkingGroup) -> Session | None:
    """The working-group session in which a group meets, if the programme has one."""
    return next((s for s in in_order(event.sessions)
                 if s.kind == "working-groups" and group.id in s.working_groups), None)


def report_back_after(event: Event, slot: Session | None) -> Session | None:
    """The first reporting-back plenary after a working-group slot."""
    later = [s for s in in_order(event.sessions) if s.kind == "reporting-back"
             and (slot is None or (s.day, _start_of(s)) >= (slot.day, _start_of(slot)))]
    return later[0] if later else None


def wording_of_slot(event: Event, session: Session | None) -> str:
    """When and where a session takes place, in one line.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.model import Break
    >>> event = Library.open().load("manila-2010")
    >>> wording_of_slot(event, Break(id="c", kind="break", day=2, start="10:30", end="11:00",
    ...                              room="Hall A"))
    'Day 2 – Tuesday 23 November 2010, 10:30–11:00, Hall A'
    >>> wording_of_slot(event, None)
    'to be scheduled'
    """
    if session is None:
        return _("to be scheduled")
    parts = [day_label(event, session.day), session_time(session), session.room]
    return ", ".join(filter(None, parts))


def _programme_lines(session: Any, event: Event, registry: Registry) -> list[str]:
    titles = {g.id: g for g in event.working_groups}
    lines = []
    if getattr(session, "chairs", None):
        lines.append(_("Chair: {names}").format(names="; ".join(
            word_speaker(s, registry, under="chair") for s in session.chairs)))
    lines += [_("Speaker: {name}").format(name=word_speaker(s, registry, under="speaker"))
              for s in getattr(session, "speakers", [])]
    for group_id in getattr(session, "working_groups", []):
        group = titles.get(group_id)
        chair = "; ".join(word_speaker(s, registry, under="chair")
                          for s in group.chair) if group else ""
        title = in_language(group, "title") if group else group_id
        lines.append(_("Working group: {title}").format(title=title)
                     + (" " + _("(chair: {names})").format(names=chair) if chair else ""))
    for title, items in groupby(getattr(session, "items", []),
                                key=lambda item: in_language(item, "title")):
        run = list(items)
        lines += _items_lines(title, run, registry)
        lines += [_item_line(sub, registry, level=1) for item in run for sub in item.items]
    if getattr(session, "hosted_by", None):
        lines.append(_("Hosted by {names}").format(
            names=join_names(name_of(o, registry) for o in session.hosted_by)))
    return lines


def plural(title: str) -> str:
    """A title for several items of the same kind: `Opening statements`.

    Examples
    --------
    >>> plural("Opening statement"), plural("Remarks"), plural("Q&A")
    ('Opening statements', 'Remarks', 'Q&As')
    """
    if current() != "en":  # an English plural: other languages keep the title as given
        return title
    return title if title.endswith("s") or not title[-1:].isalpha() else f"{title}s"


def _items_lines(title: str, items: list[Any], registry: Registry) -> list[str]:
    # Items in a row under one title ("Opening statement" three times) stay apart when
    # each names its speaker; otherwise they make one line, so no two lines read the same.
    if len(items) == 1 or all(item.speakers for item in items):
        return [_item_line(item, registry, level=0) for item in items]
    speakers = "; ".join(word_speaker(s, registry) for item in items for s in item.speakers)
    return [f"• {plural(title)}" + (f" — {speakers}" if speakers else f" ({len(items)})")]


def _item_line(item: Any, registry: Registry, *, level: int) -> str:
    speakers = "; ".join(word_speaker(s, registry) for s in item.speakers)
    title = in_language(item, "title")
    text = f"{title} — {speakers}" if speakers else title
    return ("    – " if level else "• ") + text


def programme_context(event: Event, *, registry: Registry) -> Context:
    """The programme day by day: time or block, title, room, chairs, speakers, groups.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> days = programme_context(library.load("manila-2010"), registry=library.registry)["days"]
    >>> days[0]["label"], days[0]["sessions"][0]["time"][:5]
    ('Day 1 – Monday 22 November 2010', '08:00')
    """
    days = [{"label": day_label(event, day),
             "sessions": keep_rows([{"time": session_time(s), "title": session_title(s),
                                     "room": s.room or "", "kind": s.kind,
                                     "lines": _programme_lines(s, event, registry)}
                                    for s in sessions])}
            for day, sessions in sessions_by_day(event)]
    # A Room column no session fills is left out.
    rooms = any(s.room for s in event.sessions)
    return frame("programme", event, registry) | {"days": days, "rooms": rooms}
