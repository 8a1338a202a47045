"""Progress since the last conference: what became of the previous event's follow-up,
counted once each, under headings a summary can print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from planner.library import Library
from planner.model import Event
from planner.outcomes.follow_up import CATEGORIES, NO_HEADING, assess_follow_up

__all__ = [
    "SAME_ACTIVITY",
    "ProgressSummary",
    "area_name",
    "load_previous",
    "summarise_progress",
]

#: How alike two activities of one area must be worded to be counted as one.
SAME_ACTIVITY = 0.9


@dataclass(frozen=True)
class ProgressSummary:
    """What became of a previous event's follow-up, for the next conference's papers."""

    event: str
    title: str
    as_of: dt.date
    totals: dict[str, int]
    by_area: dict[str, dict[str, int]]
    items: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    """Category → its items (area, text, owner, deadline, progress), categories in order."""

    def to_dict(self) -> dict[str, object]:
        """The summary as plain data for document contexts and `--json`."""
        return {"event": self.event, "title": self.title, "as_of": self.as_of.isoformat(),
                "totals": self.totals, "by_area": self.by_area, "items": self.items}


def load_previous(library: Library, event: Event) -> Event | None:
    """The event `event` follows up (`previous_event`), if it is still in the library."""
    if event.previous_event and event.previous_event in library.event_ids():
        return library.load(event.previous_event)
    return None


def summarise_progress(previous_event: Event, *, as_of: dt.date) -> ProgressSummary:
    """Progress on a previous event's follow-up: done, in progress, overdue, planned, dropped.

    This is the "Progress since the last conference" of the next edition's
    concept note and follow-up report.

    Examples
    --------
    >>> from planner.model import FollowUpItem
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(heading="Data", text="Map", status="done")])
    >>> summarise_progress(ev, as_of=dt.date(2012, 1, 1)).by_area
    {'Data': {'done': 1}}
    """
    report = assess_follow_up(previous_event, as_of=as_of)
    items: dict[str, list[dict[str, object]]] = {c: [] for c in CATEGORIES}
    seen: dict[str, list[str]] = {}
    known = [*(r.area for r in report.rows), previous_event.title, previous_event.city]
    tally: dict[str, dict[str, int]] = {}
    for row in report.rows:
        # The sources repeat some activities, under two headings or in two wordings of one
        # sentence: count each once.
        area = area_name(row.area, known=known)
        said = " ".join(row.text.lower().split())
        if any(_same_activity(said, other) for other in seen.get(area.lower(), [])):
            continue
        seen.setdefault(area.lower(), []).append(said)
        items[row.category].append({
            "key": row.key, "area": area, "text": row.text, "owner": row.owner,
            "owners": list(row.owners), "status": row.status, "progress": row.progress,
            "deadline": row.deadline.isoformat() if row.deadline else None,
            "last_update": row.last_update.isoformat() if row.last_update else None})
        counts = tally.setdefault(area, dict.fromkeys(CATEGORIES, 0))
        counts[row.category] += 1
    totals = {c: len(items[c]) for c in CATEGORIES if items[c]}
    by_area = {area: {c: n for c, n in counts.items() if n} for area, counts in tally.items()}
    return ProgressSummary(event=previous_event.id, title=previous_event.title, as_of=as_of,
                           totals=totals, by_area=by_area,
                           items={c: rows for c, rows in items.items() if rows})


def _same_activity(one: str, other: str) -> bool:
    # "…implementation of the Action Plan" and "…of the Dar es Salaam Action Plan".
    return one == other or SequenceMatcher(None, one, other).ratio() >= SAME_ACTIVITY


def area_name(heading: str, *, known: Iterable[str] = ()) -> str:
    """A follow-up heading as a summary names it: `Other activities` for items printed under
    none; a heading printed in capitals written as the same words are written elsewhere in
    `known` (other headings, the event's title and city), else in sentence case.

    Examples
    --------
    >>> area_name("LEGISLATIVE AND POLICY REFORM", known=["Legislative and policy reform"])
    'Legislative and policy reform'
    >>> area_name("THE DAR ES SALAAM ACTION PLAN", known=["Dar es Salaam"])
    'The Dar es Salaam action plan'
    >>> area_name(NO_HEADING)
    'Other activities'
    """
    if heading == NO_HEADING:
        return "Other activities"
    if not heading.isupper():
        return heading
    phrases = sorted((k for k in known if k and not k.isupper()), key=len, reverse=True)
    same = next((k for k in phrases if k.lower() == heading.lower()), None)
    if same is not None:
        return same
    text = heading.capitalize()
    for phrase in phrases:
        at = text.lower().find(phrase.lower())
        if at >= 0:
            text = text[:at] + phrase + text[at + len(phrase):]
    return text[:1].upper() + text[1:]
