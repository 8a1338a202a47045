"""A registry, an event and a library for the tests of participants, balance and tables; an
Indico export to import; the balanced event that the balance rules start from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.library import Library
from planner.library.states import with_every_state
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
    {"id": "tanzania-moha", "name": "Ministry of Home Affairs", "type": "government-body",
     "parent": "tanzania"},
    {"id": "somalia-moifar", "name": "Ministry of Interior, Federal Affairs and Reconciliation",
     "acronym": "MoIFAR", "type": "government-body", "parent": "somalia"},
    {"id": "nrc", "name": "Norwegian Refugee Council", "acronym": "NRC", "type": "ngo"},
]


def people_registry() -> Registry:
    """The small registry of the conftest, with Kenya, Somalia, an NGO, a ministry…"""
    return Registry(Organisation.model_validate(entry) for entry in REGISTRY_DATA)


def full_registry() -> Registry:
    """`people_registry` as a library loads it: every other State known too."""
    return with_every_state(people_registry())


def nairobi_event(**over: Any) -> Event:
    """A conference in Nairobi with three working groups whose titles hold commas."""
    from tests.factories.indico import WG  # noqa: PLC0415

    return people_event(**{"id": "nairobi-2027", "city": "Nairobi", "country": "kenya",
                           "timezone": "Africa/Nairobi", "working_groups": [
                               {"id": key, "title": title, "sources": ["editor"]}
                               for key, title in WG.items()],
                           "sessions": [{"id": "groups", "kind": "working-groups", "day": 1,
                                         "block": "afternoon",
                                         "working_groups": list(WG)}]} | over)


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


def people(**changes: dict[str, Any] | None) -> list[Participant]:
    """A balanced list: Yemen and Kenya each with two delegates and an NGO; UNHCR staff.

    A keyword names a person to change (a dict of fields) or drop (None).
    """
    base: dict[str, dict[str, Any]] = {
        "ali": {"organisation": "yemen", "roles": ["head-of-delegation"], "gender": "male",
                "seniority": "minister"},
        "huda": {"organisation": "yemen", "gender": "female", "seniority": "senior-official"},
        "noor": {"organisation": "drc", "country": "yemen", "gender": "female"},
        "otieno": {"organisation": "kenya-doi", "roles": ["head-of-delegation"],
                   "gender": "male", "working_groups": ["entry"]},
        "wanjiru": {"organisation": "kenya-doi", "gender": "female",
                    "working_groups": ["entry"]},
        "achieng": {"organisation": "kituo", "country": "kenya", "gender": "female",
                    "working_groups": ["reception"]},
        "erika": {"first_name": "Erika", "last_name": "Feller", "organisation": "unhcr",
                  "gender": "female", "roles": ["speaker"]},
    }
    for name, change in changes.items():
        if change is None:
            del base[name]
        else:
            base[name] = {**base.get(name, {}), **change}
    return [person(name, **fields) for name, fields in base.items()]


def balanced(**over: Any) -> Event:
    """`people_event` with the balanced list of `people`, Kenya invited, an opening panel
    and two working groups; keyword arguments replace its fields."""
    data: dict[str, Any] = {
        "participants": people(),
        "invited": [{"organisation": "kenya", "category": "governments", "source": "editor"}],
        "sessions": [
            {"id": "opening", "kind": "plenary", "day": 1, "block": "morning",
             "title": "Opening", "speakers": [{"name": "Mr. Antonio Guterres"},
                                              {"name": "Erika Feller"}]},
            {"id": "groups", "kind": "working-groups", "day": 1, "block": "afternoon",
             "working_groups": ["entry", "reception"]}],
        "working_groups": [
            {"id": "entry", "title": "Protection-sensitive entry", "sources": ["editor"],
             "chair": [{"name": "Otieno"}], "rapporteurs": [{"name": "Ms Sara Lind"}]},
            {"id": "reception", "title": "Reception arrangements", "sources": ["editor"]}],
    }
    data.update(over)
    return people_event(**data)
