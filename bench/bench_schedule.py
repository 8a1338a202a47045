"""Benchmarks of the programme: checks and exports of a 300-person, 12-group conference."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from planner.model import Event
from planner.programme.conflicts import check_programme
from planner.programme.frab import export_frab_json, export_frab_xml
from planner.programme.ical import export_ical


def _round(number: int, day: int, start: str, end: str) -> dict[str, Any]:
    groups = [f"wg-{number}-{n}" for n in range(6)]
    return {"id": f"round-{number}", "kind": "working-groups", "day": day, "start": start,
            "end": end, "title": f"Round {number}", "working_groups": groups}


@cache
def big_event() -> Event:
    """Two days, 300 participants, 12 working groups in two rounds, 8 rooms, 14 sessions."""
    groups = [{"id": f"wg-{r}-{n}", "title": f"Group {r}.{n}", "round": r,
               "action_points": [n + 1], "sources": ["concept-note"],
               "chair": [{"participant": f"p-{r * 6 + n}"}],
               "rapporteurs": [{"participant": f"p-{100 + r * 6 + n}"}]}
              for r in (1, 2) for n in range(6)]
    people = [{"id": f"p-{i}", "last_name": f"Person {i}",
               "working_groups": [f"wg-1-{i % 6}", f"wg-2-{(i // 6) % 6}"]} for i in range(300)]
    plenaries = [{"id": f"s-{day}-{n}", "kind": "plenary", "day": day, "block": block,
                  "title": f"Plenary {day}.{n}", "room": "hall",
                  "chairs": [{"participant": f"p-{200 + n}"}],
                  "speakers": [{"name": f"Speaker {n}", "organisation": "unhcr"}]}
                 for day in (1, 2) for n, block in enumerate(("morning", "morning", "evening"))]
    rooms = [{"id": "hall", "name": "Hall", "capacity": 400}] + [
        {"id": f"r-{n}", "name": f"Room {n}", "capacity": 60} for n in range(7)]
    return Event.model_validate({
        "id": "bench-2030", "kind": "regional-conference", "title": "Bench", "city": "Geneva",
        "country": "norway", "timezone": "Europe/Zurich", "start": dt.date(2030, 3, 4),
        "end": dt.date(2030, 3, 5), "rooms": rooms, "participants": people,
        "working_groups": groups,
        "sessions": [*plenaries, _round(1, 1, "14:00", "17:30"), _round(2, 2, "14:00", "17:30")],
    })


TARGETS = [
    ("check the programme (300 people, 12 groups)", lambda: check_programme(big_event()), 100.0),
    ("export it as iCalendar", lambda: export_ical(big_event()), 150.0),
    ("export it as frab XML and JSON",
     lambda: (export_frab_xml(big_event()), export_frab_json(big_event())), 150.0),
]
