"""The roster as rows: people, roles, status and delegation, and the event revised from them."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.model import Delegation
from planner.people.roster import (
    apply_roster,
    change_person,
    delegation_choices,
    mapping_rows,
    roster_rows,
)
from tests.factories.people import people_event, people_registry, person

pytestmark = pytest.mark.unit

DAY = dt.date(2010, 8, 1)


def _event():
    return people_event(
        participants=[person("amina", organisation="kenya", roles=["head-of-delegation"]),
                      person("peter", organisation="kenya-doi"),
                      person("lars", organisation="drc", status="invited")],
        delegations=[Delegation(organisation="kenya", head="amina", members=["amina", "peter"]),
                     Delegation(organisation="drc", members=["lars"])])


def test_rows_show_delegation_and_head() -> None:
    rows = roster_rows(_event(), people_registry())
    assert [(r["id"], r["organisation"], r["delegation"], r["head"]) for r in rows] == [
        ("amina", "Kenya", "kenya", True), ("peter", "Department of Immigration", "kenya", False),
        ("lars", "DRC", "drc", False)]


def test_unchanged_rows_leave_the_event_as_it_was() -> None:
    event = _event()
    assert apply_roster(event, roster_rows(event, people_registry()), today=DAY) == event


def test_new_head_replaces_the_old_one_who_stays_a_member() -> None:
    event = _event()
    rows = roster_rows(event, people_registry())
    rows[1] = {**rows[1], "head": True}
    kenya = apply_roster(event, rows, today=DAY).delegations[0]
    assert (kenya.head, kenya.members) == ("peter", ["amina", "peter"])


def test_moving_the_last_member_drops_the_empty_delegation() -> None:
    event = _event()
    rows = roster_rows(event, people_registry())
    rows[2] = {**rows[2], "delegation": "kenya"}
    delegations = apply_roster(event, rows, today=DAY).delegations
    assert [(d.organisation, d.members) for d in delegations] == [
        ("kenya", ["amina", "peter", "lars"])]


def test_status_change_is_dated_in_the_history() -> None:
    event = _event()
    rows = roster_rows(event, people_registry())
    rows[2] = {**rows[2], "status": "confirmed"}
    lars = apply_roster(event, rows, today=DAY).participants[2]
    assert [(h.status.value, h.on) for h in lars.history] == [("confirmed", DAY)]


def test_unknown_status_names_the_participant() -> None:
    event = _event()
    rows = roster_rows(event, people_registry())
    rows[0] = {**rows[0], "status": "maybe"}
    with pytest.raises(PlannerError) as caught:
        apply_roster(event, rows, today=DAY)
    assert str(caught.value).startswith("participant 'amina': status: ")


def test_delegation_choices_include_organisations_without_a_delegation() -> None:
    event = _event().model_copy(update={"delegations": []})
    assert delegation_choices(event, people_registry()) == ["drc", "kenya"]


def test_mapping_rows_offer_ignore_for_unknown_columns() -> None:
    assert [r["field"] for r in mapping_rows(["ID", "Email", "Diet"])] == [
        "registration_id", "email", "ignore"]


def test_change_person_moves_and_dates_like_the_table() -> None:
    changed = change_person(_event(), people_registry(), "lars",
                            {"status": "confirmed", "delegation": "none", "head": None}, today=DAY)
    lars = changed.participants[2]

    assert (lars.status.value, lars.history[-1].on) == ("confirmed", DAY)
    assert [d.organisation for d in changed.delegations] == ["kenya"]


@pytest.mark.parametrize(("person_id", "changes", "message"), [
    ("nobody", {}, "no participant 'nobody' in 'test-2010'"),
    ("lars", {"delegation": "narnia"},
     "no delegation 'narnia' in 'test-2010': choose from drc, kenya (or 'none')"),
])
def test_change_person_refusals_name_what_is_wrong(person_id: str, changes: dict,
                                                   message: str) -> None:
    with pytest.raises(PlannerError) as caught:
        change_person(_event(), people_registry(), person_id, changes, today=DAY)
    assert str(caught.value) == message
