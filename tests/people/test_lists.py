"""Participant lists as tables: public and full columns, and an export that imports back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import Gender, InvitationStatus, Participant, ParticipantRole, Seniority
from planner.people.importing import import_participants
from planner.people.lists import participant_table
from planner.tables import write_table
from tests.factories.people import DANGEROUS, hostile_event, people_event, people_registry, person

pytestmark = pytest.mark.unit

REGISTRY = people_registry()


# --- public lists -------------------------------------------------------------------------

def test_public_export_drops_contact_details_and_people_without_consent() -> None:
    header, rows = participant_table(hostile_event(), REGISTRY, public=True)
    assert header == ["Title", "First name", "Last name", "Position", "Organisation", "Country",
                      "Roles"]
    assert [row[2] for row in rows] == [DANGEROUS[2]]


def test_full_export_names_organisations_and_countries_readably() -> None:
    event = people_event(participants=[person("a", organisation="unhcr", country="cote-d-ivoire",
                                              roles=["head-of-delegation", "speaker"])])
    header, rows = participant_table(event, REGISTRY)
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Organisation"], row["Country"], row["Roles"], row["Consent to publish"]) == (
        "UNHCR", "Côte d'Ivoire", "head-of-delegation; speaker", "no")


# --- round trip: export, then import into an empty event ------------------------------------

SAFE_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéñüçØß -'", min_size=1, max_size=8
                    ).map(str.strip).filter(bool)
FREE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"),
                                           blacklist_characters="\u2028\u2029\x85"),
                    min_size=1, max_size=15).map(str.strip).filter(bool)
TRICKY = st.one_of(FREE_TEXT, st.sampled_from(DANGEROUS).map(str.strip).filter(bool),
                   st.builds(lambda a, b: a + b, st.sampled_from("=+-@'"), FREE_TEXT))
MAYBE = st.none() | TRICKY


@st.composite
def participants(draw: st.DrawFn) -> list[Participant]:
    people = []
    for i in range(draw(st.integers(0, 6))):
        people.append(Participant(
            id=f"p-{i}", registration_id=draw(st.none() | st.just(f"R{i}")),
            title=draw(MAYBE), first_name=draw(MAYBE), last_name=draw(TRICKY) + f" {i}",
            gender=draw(st.none() | st.sampled_from(Gender)), position=draw(MAYBE),
            organisation=draw(st.sampled_from([None, "unhcr", "iom", "drc", "kituo", "au"])),
            country=draw(st.sampled_from([None, "yemen", "norway", "cote-d-ivoire"])),
            email=draw(st.none() | st.just(f"person{i}@example.org")), phone=draw(MAYBE),
            languages=draw(st.lists(SAFE_WORD, max_size=3, unique=True)),
            seniority=draw(st.none() | st.sampled_from(Seniority)),
            consent_to_publish=draw(st.booleans()), field_staff=draw(st.booleans()),
            roles=draw(st.lists(st.sampled_from(ParticipantRole), min_size=1, max_size=3,
                                unique=True)),
            status=draw(st.sampled_from(InvitationStatus)),
            preferences=draw(st.lists(st.sampled_from(["entry", "reception"]), unique=True)),
            working_groups=draw(st.lists(st.sampled_from(["entry", "reception"]), unique=True)),
            tags=draw(st.lists(SAFE_WORD, max_size=2, unique=True)), notes=draw(MAYBE)))
    return people


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(max_examples=40, deadline=None)
@given(people=participants())
def test_export_then_import_gives_back_the_same_participants(fmt: str,
                                                             people: list[Participant]) -> None:
    header, rows = participant_table(people_event(participants=people), REGISTRY)
    data = write_table(header, rows, fmt=fmt)
    back, report = import_participants(people_event(), data, name=f"list.{fmt}",
                                       registry=REGISTRY)
    assert report.counts()["imported"] == len(people)
    assert back.participants == people


