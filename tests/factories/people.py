"""A registry, an event and a library for the tests of participants, balance and tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.library import Library
from planner.library.store import dump_event
from planner.library.yamlfile import dump_yaml
from planner.model import Event, Organisation, Participant, Registry
from tests.factories import SMALL_REGISTRY, base_data

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
    data = base_data(**{
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
    } | over)
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


#: Cells a spreadsheet would run as formulas, or that look like one.
DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+41 22 739 8111", "-2+3",
             "@SUM(A1)", "\tcmd", "\r=1", "'=already quoted"]


def hostile_event() -> Event:
    """Three people whose cells would act as formulas; one private, one declined."""
    return people_event(participants=[
        person("a", first_name=DANGEROUS[0], last_name=DANGEROUS[2], phone=DANGEROUS[1],
               position=DANGEROUS[3], notes=DANGEROUS[4], tags=[DANGEROUS[5]],
               title=DANGEROUS[6], email="a@example.org", consent_to_publish=True),
        person("b", last_name="Private", email="b@example.org", phone="+1 555"),
        person("c", last_name="Declined", consent_to_publish=True, status="declined")])
