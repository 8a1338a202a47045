"""A crafted two-day programme with rooms, people and two working groups, clean of conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.model import Event
from tests.factories import base_data

#: Where the interchange schemas live beside the repository (absent outside the workshop).
SCHEMAS = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas"
NO_SCHEMAS = f"the frab schemas are not at {SCHEMAS / 'frab'} (../shared is absent)"


def person(pid: str, last: str, *groups: str, first: str | None = None) -> dict[str, Any]:
    """A participant sitting in `groups`."""
    first = first or pid.partition("-")[0].title()
    return {"id": pid, "title": "Ms", "first_name": first, "last_name": last,
            "working_groups": list(groups)}


def session(sid: str, kind: str, day: int, start: str | None, end: str | None,
            **over: Any) -> dict[str, Any]:
    """A session at clock times (or a named block when `start` is None)."""
    data: dict[str, Any] = {"id": sid, "kind": kind, "day": day}
    data |= {"start": start, "end": end} if start else {"block": "morning"}
    return data | over


def programme_data(**over: Any) -> dict[str, Any]:
    """The data of `programme_event`; keyword arguments replace its fields."""
    data = base_data(**{
        "id": "geneva-2030", "title": "Programme Test",
        "city": "Geneva", "country": "norway", "timezone": "Europe/Zurich",
        "venue": "Palais", "start": dt.date(2030, 3, 4), "end": dt.date(2030, 3, 5),
        "rooms": [{"id": "plenary", "name": "Plenary Hall", "capacity": 200},
                  {"id": "room-a", "name": "Room A", "capacity": 20},
                  {"id": "room-b", "name": "Room B", "capacity": 20}],
        "participants": [person("amina-hassan", "Hassan", "entry"),
                         person("ben-okello", "Okello", "entry"),
                         person("carla-diaz", "Diaz", "return"),
                         person("dina-ali", "Ali", "return")],
        "working_groups": [
            {"id": "entry", "title": "Entry systems", "action_points": [3], "scope": "Borders.",
             "sources": ["concept-note"], "chair": [{"participant": "ben-okello"}],
             "rapporteurs": [{"participant": "amina-hassan"}]},
            {"id": "return", "title": "Return", "action_points": [9],
             "sources": ["concept-note"], "rapporteurs": [{"participant": "carla-diaz"}]},
        ],
        "sessions": [
            session("opening", "plenary", 1, "09:00", "10:30", title="Opening", room="plenary",
                    chairs=[{"participant": "dina-ali"}],
                    speakers=[{"name": "Mr Outsider", "organisation": "unhcr", "tbc": True}],
                    interpretation=["English", "French"]),
            session("round-1", "working-groups", 1, "11:00", "12:30", title="Working groups",
                    working_groups=["entry", "return"],
                    group_rooms={"entry": "room-a", "return": "room-b"}),
            session("lunch", "break", 1, "12:30", "14:00", title="Lunch"),
            session("report", "reporting-back", 1, "14:00", "15:00", title="Reporting back",
                    room="plenary", working_groups=["entry", "return"]),
            session("closing", "plenary", 2, None, None, title="Closing", room="plenary"),
        ],
    } | over)
    return data


def programme_event(**over: Any) -> Event:
    """A clean programme: no person or room in two places at once."""
    return Event.model_validate(programme_data(**over))


def replace_session(data: dict[str, Any], sid: str, **over: Any) -> dict[str, Any]:
    """The data with session `sid` changed by `over`."""
    data["sessions"] = [s | over if s["id"] == sid else s for s in data["sessions"]]
    return data
