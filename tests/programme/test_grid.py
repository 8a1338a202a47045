"""The programme as a grid of times and rooms."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.model import Event
from planner.programme.grid import NO_ROOM, programme_grid

pytestmark = pytest.mark.unit


def test_grid_has_a_column_per_room_and_a_row_per_time(make_event: Callable[..., Event]) -> None:
    event = make_event(
        rooms=[{"id": "hall", "name": "Hall"}, {"id": "b", "name": "Room B"}],
        working_groups=[{"id": "entry", "title": "Entry", "sources": ["editor"]},
                        {"id": "data", "title": "Data", "sources": ["editor"]}],
        sessions=[{"id": "opening", "kind": "plenary", "day": 1, "start": "09:00",
                   "end": "10:00", "title": "Opening", "room": "hall"},
                  {"id": "groups", "kind": "working-groups", "day": 1, "start": "11:00",
                   "end": "12:30", "working_groups": ["entry", "data"],
                   "group_rooms": {"entry": "b", "data": "b"}},
                  {"id": "close", "kind": "plenary", "day": 2, "start": "09:00",
                   "end": "10:00", "title": "Closing"}])
    grid = programme_grid(event)
    assert [(d["rooms"], d["rows"]) for d in grid] == [
        (["Hall", "Room B"], [{"time": "09:00–10:00", "Hall": "Opening", "Room B": ""},
                              {"time": "11:00–12:30", "Hall": "",
                               "Room B": "WG 1: Entry / WG 2: Data"}]),
        ([NO_ROOM], [{"time": "09:00–10:00", NO_ROOM: "Closing"}])]
