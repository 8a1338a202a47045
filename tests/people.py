"""A registry, an event and a library for the tests of participants, balance and tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.library import Library
from planner.library.store import dump_event
from planner.library.yamlfile import dump_yaml
from planner.model import Event, Organisation, Participant, Registry
from tests.conftest import SMALL_REGISTRY

REGISTRY_DATA: list[dict[str, Any]] = [
    *SMALL_REGISTRY,
    {"id": "kenya", "name": "Republic of Kenya", "short_name": "Kenya", "type": "state",
     "iso": "KE", "regions": ["Eastern Africa"]},
    {"id": "somalia", "name": "Federal Republic of Somalia", "short_name": "Somalia",
     "type": "state", "iso": "SO", "regions": ["Eastern Africa"]},
    {"id": "cote-d-ivoire", "name": "Republic of Côte d'Ivoire", "short_name": "Côte d'Ivoire",
     "type": "state", "iso": "CI", "regions": ["Western Africa"]},
    {"id": "kenya-doi", "name": "Department of Immigration", "type": "government-body",
     "parent": "kenya", "aliases": ["Kenya Department of Immigration"]},
    {"id": "drc", "name": "Danish Refugee Council", "acronym": "DRC", "type": "ngo"},
    {"id": "kituo", "name": "Kituo Cha Sheria", "type": "ngo"},
    {"id": "au", "name": "African Union", "acronym": "AU", "type": "regional-organisation"},
]


def people_registry() -> Registry:
    """The small registry of the conftest, with Kenya, Somalia, an NGO, a ministry…"""
    return Registry(Organisation.model_validate(entry) for entry in REGISTRY_DATA)


def people_event(**over: Any) -> Event:
    """A two-day event in Sana'a with two working groups and an opening panel."""
    data: dict[str, Any] = {
        "id": "test-2010", "kind": "regional-conference", "title": "Test Conference",
        "city": "Sana'a", "country": "yemen", "timezone": "Asia/Aden",
        "start": dt.date(2010, 9, 6), "end": dt.date(2010, 9, 7),
        "sessions": [
            {"id": "opening", "kind": "plenary", "day": 1, "block": "morning",
             "title": "Opening", "speakers": [{"name": "Mr. Antonio Guterres",
                                               "organisation": "unhcr"}]},
            {"id": "groups", "kind": "working-groups", "day": 1, "block": "afternoon",
             "working_groups": ["entry", "reception"]},
        ],
        "working_groups": [
            {"id": "entry", "title": "Protection-sensitive entry", "sources": ["editor"]},
            {"id": "reception", "title": "Reception arrangements", "sources": ["editor"]},
        ],
    }
    data.update(over)
    return Event.model_validate(data)


def person(person_id: str, **fields: Any) -> Participant:
    """A participant; the last name defaults to the id."""
    return Participant.model_validate({"id": person_id, "last_name": person_id, **fields})


def write_library(folder: Path, event: Event) -> Library:
    """A library folder holding the registry above and `event`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "organisations.yaml").write_text(dump_yaml(REGISTRY_DATA), encoding="utf-8")
    (folder / f"{event.id}.yaml").write_text(dump_event(event), encoding="utf-8")
    return Library(folder)
