"""What an organiser does next with an event: the first step of the series still open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model import Event

__all__ = ["Step", "next_step"]


@dataclass(frozen=True)
class Step:
    """A step of the planning: the area it belongs to (the app's page of the same name) and
    what to do, in the organiser's words."""

    area: str
    """`concept-note`, `participants`, `working-groups`, `programme`, `action-plan`,
    `follow-up` or `documents`."""
    text: str


def next_step(event: Event, *, today: dt.date | None = None) -> Step:
    """The first step still open for `event`, in the order the work happens (concept note,
    registrations, working groups, programme; after the event, action plan and follow-up).

    Examples
    --------
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> next_step(event)
    Step(area='concept-note', text='Draft the concept note with the co-organisers.')
    """
    today = today or dt.date.today()
    drafted = any(s.text or s.items for s in event.concept_note.sections)
    composed = any(p.working_groups for p in event.participants)
    if event.end < today:
        if event.recommendations and event.action_plan is None:
            return Step("action-plan", "Turn the recommendations into an action plan.")
        if event.action_plan is not None and not event.follow_up:
            return Step("follow-up", "Track the action plan's actions in the follow-up.")
        return Step("follow-up", "Record progress on the follow-up.")
    if not drafted:
        return Step("concept-note", "Draft the concept note with the co-organisers.")
    if not event.participants:
        return Step("participants", "Import the registration list.")
    if event.working_groups and not composed:
        return Step("working-groups", "Compose the working groups.")
    if event.sessions and not event.programme.versions:
        return Step("programme", "Check the programme and publish it.")
    return Step("documents", "Write the paperwork: concept note, programme, participant list.")
