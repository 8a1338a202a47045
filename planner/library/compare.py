"""Searching the library and setting two events side by side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.dates import format_date_range
from planner.library.listing import facets_of, matches
from planner.model import ACTION_POINTS, Event, InviteeCategory, Registry

__all__ = ["Comparison", "compare_events", "find_events", "outcome_documents"]


def find_events(events: Iterable[Event], *, kind: str | None = None, region: str | None = None,
                year: int | None = None, action_point: int | None = None,
                text: str | None = None) -> list[Event]:
    """The events that match every filter given.

    `region` and `text` match case-insensitively inside the region, title,
    city and themes; `action_point` keeps events with a working group or a
    recommendation tagged with that point.

    Examples
    --------
    >>> import datetime as dt
    >>> e = Event(id="x", kind="workshop", title="Borders", city="Tunis", country="tunisia",
    ...           timezone="Africa/Tunis", start=dt.date(2009, 7, 6), end=dt.date(2009, 7, 8))
    >>> [found.id for found in find_events([e], year=2009, text="border")]
    ['x']
    """
    return [event for event in events
            if matches(facets_of(event), kind=kind, region=region, year=year,
                       action_point=action_point, text=text)]


def outcome_documents(event: Event) -> list[str]:
    """What the event produced, in words: recommendations, action plan, declaration…"""
    produced = []
    if event.recommendations:
        produced.append(f"{len(event.recommendations)} recommendations")
    if event.action_plan is not None:
        produced.append(event.action_plan.title)
    produced += [statement.title for statement in event.statements]
    if event.follow_up:
        produced.append(f"{len(event.follow_up)} follow-up items")
    return produced


@dataclass(frozen=True)
class Comparison:
    """One aspect of two events, side by side."""

    aspect: str
    left: list[str]
    right: list[str]


def _organisers(event: Event, registry: Registry) -> list[str]:
    roles = dict.fromkeys(f"{registry[r.organisation].display_name} ({r.role.label.lower()})"
                          for r in event.organisers)
    return list(roles)


def _governments(event: Event, registry: Registry) -> list[str]:
    # Reported attendance when the sources have it, else the invitation list.
    entries = event.attended or event.invited
    names = {registry[e.organisation].display_name for e in entries
             if e.category == InviteeCategory.GOVERNMENTS and e.organisation}
    return sorted(names)


def _points(event: Event) -> list[str]:
    counts = {n: sum(n in r.action_points for r in event.recommendations) for n in ACTION_POINTS}
    return [f"{n}. {ACTION_POINTS[n].name}: {c}" for n, c in counts.items() if c]


def compare_events(left: Event, right: Event, registry: Registry) -> list[Comparison]:
    """Two events side by side: organisers, countries, working groups, outcomes.

    Examples
    --------
    >>> import datetime as dt
    >>> e = Event(id="x", kind="workshop", title="T", city="Tunis", country="tunisia",
    ...           timezone="Africa/Tunis", start=dt.date(2009, 7, 6), end=dt.date(2009, 7, 8))
    >>> [c.aspect for c in compare_events(e, e, Registry([]))][:3]
    ['when and where', 'organisers', 'governments']
    """
    def place(event: Event) -> list[str]:
        return [f"{event.city}, {format_date_range(event.start, event.end)}", event.kind.label]

    aspects = [
        ("when and where", place),
        ("organisers", lambda e: _organisers(e, registry)),
        ("governments", lambda e: _governments(e, registry)),
        ("working groups", lambda e: [g.title for g in e.working_groups]),
        ("recommendations by action point", _points),
        ("outcome documents", outcome_documents),
    ]
    return [Comparison(name, rows(left), rows(right)) for name, rows in aspects]
