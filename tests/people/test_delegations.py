"""Which delegation a person sits with: one rule, used by the solver, the list and the balance."""

from __future__ import annotations

import pytest

from planner.documents.participant_list import participant_list_context
from planner.groups.assign.candidates import read_candidates
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import Delegation
from planner.people.balance import measure_balance
from planner.people.delegations import (
    country_of,
    delegation_of,
    organisation_delegation,
    recorded_delegations,
)
from tests.factories.people import people_event, people_registry, person

pytestmark = pytest.mark.unit

REGISTRY = people_registry()


def test_a_ministry_sits_with_its_state() -> None:
    official = person("a", organisation="kenya-doi")

    assert (organisation_delegation(official, REGISTRY),
            delegation_of(official, people_event(participants=[official]), REGISTRY)) == (
        "kenya", "kenya")


def test_the_recorded_delegation_decides_first() -> None:
    adviser = person("a", organisation="drc")
    event = people_event(participants=[adviser],
                         delegations=[Delegation(organisation="somalia", members=["a"])])

    assert (recorded_delegations(event), delegation_of(adviser, event, REGISTRY)) == (
        {"a": "somalia"}, "somalia")


def test_without_organisation_the_country_given_decides() -> None:
    guest = person("a", country="norway")
    unknown = person("b", organisation="not-in-registry", country="yemen")
    event = people_event(participants=[guest, unknown])

    assert [delegation_of(p, event, REGISTRY) for p in (guest, unknown)] == ["norway", "yemen"]
    assert delegation_of(person("c"), event, REGISTRY) is None


def test_country_of_is_the_state_of_a_ministry_but_not_of_an_ngo() -> None:
    assert (country_of(person("a", organisation="kenya-doi"), REGISTRY),
            country_of(person("b", organisation="drc"), REGISTRY),
            country_of(person("c", organisation="drc", country="somalia"), REGISTRY)) == (
        "kenya", None, "somalia")


def test_solver_list_and_balance_seat_a_recorded_member_with_their_delegation() -> None:
    # A Danish Refugee Council adviser recorded in Somalia's delegation: the solver spreads
    # her with Somalia's people, the list prints her under Somalia, the balance counts her so.
    people = [person("adviser", organisation="drc", status="confirmed"),
              person("minister", organisation="somalia", status="confirmed")]
    event = people_event(participants=people, delegations=[
        Delegation(organisation="somalia", head="minister", members=["adviser"])])

    solver = {p.id: p.delegation for p in read_candidates(event, REGISTRY).people}
    listed = [d["name"] for g in participant_list_context(event, registry=REGISTRY)["groups"]
              for d in g["delegations"]]
    balance = measure_balance(event, REGISTRY)[0]["counts"]["delegation"]

    assert solver == {"adviser": "somalia", "minister": "somalia"}
    assert listed == ["Somalia"]
    assert balance == {"Somalia": 2}


def test_every_part_agrees_on_a_synthetic_event() -> None:
    library = Library.open()
    event = make_synthetic_event(participants=60, groups=4, rounds=2, registry=library.registry)
    recorded = recorded_delegations(event)

    rule = {p.id: delegation_of(p, event, library.registry, recorded=recorded)
            for p in event.participants}
    solver = {p.id: p.delegation for p in read_candidates(event, library.registry).people}

    assert solver == {pid: rule[pid] for pid in solver}
    assert len(solver) > 40
