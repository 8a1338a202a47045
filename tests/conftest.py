"""Factory fixtures and the shipped library, shared by every test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.library import DEFAULT_LIBRARY, Library
from planner.library.store import dump_event
from planner.library.synthetic import make_synthetic_event
from planner.library.yamlfile import dump_yaml
from planner.model import Event, Organisation, Registry

SHIPPED = DEFAULT_LIBRARY
SHIPPED_IDS = Library(SHIPPED).event_ids()

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


@pytest.fixture
def registry() -> Registry:
    """A registry of five organisations and States."""
    return Registry(Organisation.model_validate(entry) for entry in SMALL_REGISTRY)


def _event_data(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "test-2010", "kind": "regional-conference", "title": "Test Conference",
        "city": "Sana'a", "country": "yemen", "timezone": "Asia/Aden",
        "start": dt.date(2010, 9, 6), "end": dt.date(2010, 9, 7),
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
    }
    data.update(over)
    return data


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Build a valid two-day event; keyword arguments replace its fields."""
    return lambda **over: Event.model_validate(_event_data(**over))


@pytest.fixture
def event_data() -> Callable[..., dict[str, Any]]:
    """The plain data of `make_event`, for tests that write files."""
    return _event_data


@pytest.fixture
def small_library(tmp_path: Path) -> Library:
    """A library folder with the small registry and one event file."""
    (tmp_path / "organisations.yaml").write_text(dump_yaml(SMALL_REGISTRY), encoding="utf-8")
    event = Event.model_validate(_event_data())
    (tmp_path / "test-2010.yaml").write_text(dump_event(event), encoding="utf-8")
    return Library(tmp_path)


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Library:
    """A writable copy of the shipped library."""
    target = tmp_path / "events"
    shutil.copytree(SHIPPED, target)
    return Library(target)


@pytest.fixture
def synthetic_library(tmp_path: Path) -> Library:
    """The shipped registry and one event with people: `synthetic-12-0` (12 participants,
    delegations, working groups wg-1…wg-4 in two rounds), as `make_synthetic_event` makes it."""
    shutil.copy(SHIPPED / "organisations.yaml", tmp_path / "organisations.yaml")
    library = Library(tmp_path)
    library.create(make_synthetic_event(participants=12, groups=4, rounds=2,
                                        registry=library.registry))
    return library
