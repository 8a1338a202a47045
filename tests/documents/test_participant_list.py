"""The participant list: delegations in order, and a public variant without private data."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.documents import render_document
from planner.documents.participant_list import participant_list_context
from planner.errors import PlannerError
from planner.model import Event, Registry
from tests.documents.reading import read_docx

pytestmark = pytest.mark.unit

PEOPLE = [
    {"id": "amina", "title": "Dr", "first_name": "Amina", "last_name": "Hassan",
     "position": "Director of Refugee Affairs", "organisation": "yemen", "country": "yemen",
     "email": "amina@example.org", "phone": "+967 1 234 567", "consent_to_publish": True,
     "status": "confirmed"},
    {"id": "ola", "first_name": "Ola", "last_name": "Nordmann", "country": "norway",
     "email": "ola@example.no", "phone": "+47 22 00 00 00", "consent_to_publish": False,
     "status": "confirmed"},
    {"id": "kari", "first_name": "Kari", "last_name": "Berg", "country": "norway",
     "email": "kari@example.no", "consent_to_publish": True, "roles": ["head-of-delegation"],
     "status": "invited"},
    {"id": "jo", "first_name": "Jo", "last_name": "Aalto", "organisation": "unhcr",
     "email": "jo@unhcr.org", "consent_to_publish": True, "status": "attended"},
    {"id": "ivan", "first_name": "Ivan", "last_name": "Petrov", "organisation": "iom",
     "consent_to_publish": True, "status": "declined"},
]


@pytest.fixture
def event(make_event: Callable[..., Event]) -> Event:
    return make_event(participants=PEOPLE)


def test_delegations_put_states_first_by_short_name(event: Event, registry: Registry) -> None:
    context = participant_list_context(event, registry=registry)
    order = [(g["heading"], d["name"]) for g in context["groups"] for d in g["delegations"]]
    assert order == [("States", "Norway"), ("States", "Yemen"),
                     ("International organisations", "UNHCR")]


def test_head_of_delegation_comes_first(event: Event, registry: Registry) -> None:
    context = participant_list_context(event, registry=registry)
    norway = context["groups"][0]["delegations"][0]
    assert [row["cells"][0] for row in norway["rows"]] == ["Kari Berg", "Ola Nordmann"]


def test_declined_people_are_never_listed(event: Event, registry: Registry) -> None:
    everything = read_docx(render_document("participant-list", event, registry=registry))
    assert "Ivan Petrov" not in everything.everything


def test_public_list_has_no_contact_details_nor_refusers(event: Event,
                                                         registry: Registry) -> None:
    reading = read_docx(render_document("participant-list", event, registry=registry,
                                        public=True))
    text = reading.everything
    assert [word for word in ("@", "+967", "+47", "Ola Nordmann", "E-mail", "Phone")
            if word in text] == []
    assert reading.tables[0][0] == ["Name", "Position", "Organisation"]
    assert sorted(row[0] for grid in reading.tables for row in grid[1:]) == [
        "Dr Amina Hassan", "Jo Aalto", "Kari Berg"]


def test_internal_list_carries_contact_columns(event: Event, registry: Registry) -> None:
    reading = read_docx(render_document("participant-list", event, registry=registry))
    yemen = reading.tables[1]
    assert yemen == [["Name", "Position", "Organisation", "E-mail", "Phone"],
                     ["Dr Amina Hassan", "Director of Refugee Affairs", "Yemen",
                      "amina@example.org", "+967 1 234 567"]]


def test_chosen_columns_are_printed_in_their_order(event: Event, registry: Registry) -> None:
    data = render_document("participant-list", event, registry=registry,
                           columns=["role", "name"])
    assert read_docx(data).tables[0][:2] == [["Role", "Name"],
                                             ["Head of delegation", "Kari Berg"]]


def test_unknown_column_is_named(event: Event, registry: Registry) -> None:
    with pytest.raises(PlannerError, match="unknown participant-list column 'badge'"):
        participant_list_context(event, registry=registry, columns=["badge"])
