"""The menu of actions as editable rows: rows of a plan, and the plan revised from them."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.model import Action, ActionPlan, Area, SubTheme
from planner.outcomes.adoption import (
    action_rows,
    adopt_action_plan,
    has_actions,
    revise_actions,
)
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit


def _plan() -> ActionPlan:
    return ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
        SubTheme(title="Mapping", actions=[Action(text="Map", placement="tag: 2"),
                                           Action(text="Map")])])])


def test_rows_round_trip_to_the_same_plan() -> None:
    plan = Library(SHIPPED).load("dar-es-salaam-2010").action_plan
    assert revise_actions(plan, action_rows(plan)) == plan


def test_revision_changes_only_the_row_it_is_given() -> None:
    rows = action_rows(_plan())
    rows[1] = {**rows[1], "text": "Map flows", "deadline": dt.datetime(2012, 6, 30, 0, 0)}
    actions = revise_actions(_plan(), rows[1:]).areas[0].sub_themes[0].actions
    assert [(a.text, a.deadline, a.placement) for a in actions] == [
        ("Map", None, "tag: 2"), ("Map flows", dt.date(2012, 6, 30), None)]


def test_revision_checks_owners_against_the_registry() -> None:
    rows = action_rows(_plan())
    rows[0] = {**rows[0], "owners": "unhcr; nobody-at-all"}
    with pytest.raises(PlannerError) as caught:
        revise_actions(_plan(), rows, registry=Library(SHIPPED).registry)
    assert str(caught.value).startswith("action I.1.1: owners.1: ")


def test_revision_refuses_an_empty_text() -> None:
    rows = action_rows(_plan())
    rows[0] = {**rows[0], "text": "  "}
    with pytest.raises(PlannerError) as caught:
        revise_actions(_plan(), rows)
    assert str(caught.value) == "action I.1.1: text: String should have at least 1 character"


def test_adoption_replaces_the_plan_and_nothing_else() -> None:
    event = Library(SHIPPED).load("dar-es-salaam-2010")

    adopted = adopt_action_plan(event, _plan())

    assert adopted.action_plan == _plan()
    assert adopted.model_copy(update={"action_plan": event.action_plan}) == event


def test_adopting_a_plan_with_no_action_is_refused(make_event) -> None:
    empty = ActionPlan(title="Draft", areas=[Area(number="I", heading="Data")])

    with pytest.raises(PlannerError, match="the plan for 'test-2010' holds no action to adopt"):
        adopt_action_plan(make_event(), empty)


def test_has_actions_only_for_a_plan_with_one() -> None:
    assert (has_actions(_plan()), has_actions(ActionPlan(title="P", areas=[])),
            has_actions(None)) == (True, False, False)
