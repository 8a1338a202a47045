"""The one base event of the tests, and the small registry it names; per-area builders
(`people`, `programme`) start from `base_data` and add what their area needs, and `library`
and `outcomes` hold the files and items that an area's tests share with its command's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.model import Event

__all__ = ["SMALL_REGISTRY", "base_data", "event_data", "make_event"]

SMALL_REGISTRY = [
    {"id": "unhcr", "name": "Office of the United Nations High Commissioner for Refugees",
     "acronym": "UNHCR", "type": "un-agency", "regions": ["global"],
     "aliases": ["UN High Commissioner for Refugees"]},
    {"id": "iom", "name": "International Organization for Migration", "acronym": "IOM",
     "type": "intergovernmental", "aliases": ["|OM"]},
    {"id": "yemen", "name": "Republic of Yemen", "short_name": "Yemen", "type": "state",
     "iso": "YE", "regions": ["Western Asia"]},
    {"id": "norway", "name": "Kingdom of Norway", "short_name": "Norway", "type": "state",
     "iso": "NO", "regions": ["Northern Europe"]},
    {"id": "tanzania", "name": "United Republic of Tanzania", "short_name": "Tanzania",
     "type": "state", "iso": "TZ", "regions": ["Eastern Africa"]},
]


def base_data(**over: Any) -> dict[str, Any]:
    """A bare two-day conference in Sana'a: identity, place and dates, nothing else."""
    data: dict[str, Any] = {
        "id": "test-2010", "kind": "regional-conference", "title": "Test Conference",
        "city": "Sana'a", "country": "yemen", "timezone": "Asia/Aden",
        "start": dt.date(2010, 9, 6), "end": dt.date(2010, 9, 7),
    }
    return data | over


def event_data(**over: Any) -> dict[str, Any]:
    """The base event with a convener, two sessions, one working group, one recommendation
    and one follow-up item; keyword arguments replace its fields."""
    return base_data(**{
        "organisers": [{"organisation": "unhcr", "role": "convener",
                        "source": "concept-note"}],
        "sessions": [
            {"id": "opening", "kind": "plenary", "day": 1, "block": "morning",
             "title": "Opening"},
            {"id": "groups", "kind": "working-groups", "day": 2, "start": "09:00",
             "end": "12:30", "working_groups": ["entry"]},
        ],
        "working_groups": [{"id": "entry", "title": "Protection-sensitive entry",
                            "action_points": [3], "sources": ["concept-note"]}],
        "recommendations": [{"order": 1, "section": "I", "label": "i", "text": "Do it."}],
        "follow_up": [{"text": "Done.", "status": "done", "lead": ["unhcr"]}],
    } | over)


def make_event(**over: Any) -> Event:
    """`event_data` validated as an event."""
    return Event.model_validate(event_data(**over))
