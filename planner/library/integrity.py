"""Consistency of one event record: what refers to what inside the file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from planner.model import Event, SourceKind

__all__ = ["check_event"]

Loc = tuple[str | int, ...]


def _duplicates(field: str, ids: Iterable[str | int | None]) -> Iterator[tuple[Loc, str]]:
    seen: Counter[str | int] = Counter()
    for index, value in enumerate(ids):
        if value is None:
            continue
        seen[value] += 1
        if seen[value] == 2:
            yield (field, index), f"'{value}' appears twice in {field}"


def _session_problems(event: Event) -> Iterator[tuple[Loc, str]]:
    groups = {group.id for group in event.working_groups}
    for index, session in enumerate(event.sessions):
        if session.day > event.days:
            yield ((("sessions", index, "day")),
                   f"day {session.day} is after the last day of the event (day {event.days})")
        for position, group in enumerate(getattr(session, "working_groups", [])):
            if group not in groups:
                yield (("sessions", index, "working_groups", position),
                       f"no working group '{group}' in this event")


def _recommendation_problems(event: Event) -> Iterator[tuple[Loc, str]]:
    orders = [rec.order for rec in event.recommendations]
    yield from _duplicates("recommendations", orders)
    for index, rec in enumerate(event.recommendations):
        if index and rec.order <= orders[index - 1]:
            yield (("recommendations", index, "order"),
                   f"order {rec.order} follows {orders[index - 1]}: keep the source's order")
        if rec.parent is not None and rec.parent not in orders[:index]:
            yield (("recommendations", index, "parent"),
                   f"parent {rec.parent} is not an earlier recommendation")


def _source_problems(event: Event) -> Iterator[tuple[Loc, str]]:
    if not event.sources:
        return
    # The organisers' own edits (`editor`) stand without a document behind them.
    known = {document.kind for document in event.sources} | {SourceKind.EDITOR}
    for field in ("organisers", "invited", "attended", "participant_counts"):
        for index, entry in enumerate(getattr(event, field)):
            if entry.source not in known:
                yield ((field, index, "source"),
                       f"'{entry.source}' is not among the event's sources")


def _people_problems(event: Event) -> Iterator[tuple[Loc, str]]:
    people = {person.id for person in event.participants}
    for index, delegation in enumerate(event.delegations):
        for member in filter(None, [delegation.head, *delegation.members]):
            if member not in people:
                yield (("delegations", index), f"no participant '{member}' in this event")


def check_event(event: Event) -> list[tuple[Loc, str]]:
    """Find references inside an event record that point nowhere.

    Returns a list of `(location, message)`; the location is the path of the
    offending value in the file, so the store can name its line.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...               timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> check_event(event)
    []
    """
    return [
        *_duplicates("sessions", [s.id for s in event.sessions]),
        *_duplicates("working_groups", [g.id for g in event.working_groups]),
        *_duplicates("participants", [p.id for p in event.participants]),
        *_session_problems(event),
        *_recommendation_problems(event),
        *_source_problems(event),
        *_people_problems(event),
    ]
