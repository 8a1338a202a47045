"""Entering recommendations: one by one, pasted as numbered text, reordered, removed."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import Library
from planner.model import Action, ActionPlan, Area, Event, SubTheme
from planner.outcomes.recommendations import (
    PastedItem,
    add_recommendation,
    add_recommendations,
    move_recommendation,
    parse_numbered,
    recommendation_rows,
    remove_recommendation,
)
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nairobi() -> Event:
    library = Library(SHIPPED)
    return clone_event(library.load("dar-es-salaam-2010"), new_id="nairobi-2027",
                       start=dt.date(2027, 9, 6), city="Nairobi", country="kenya",
                       registry=library.registry)


def test_added_recommendations_follow_their_section_and_get_their_reference(
        nairobi: Event) -> None:
    event = add_recommendation(nairobi, section="I", label="i", text="Map the routes.",
                               working_group="wg-data", action_points=[2, 2])
    event = add_recommendation(event, section="II", label="i", text="Train officials.")
    event = add_recommendation(event, section="I", label="ii", text="Share  the\ndata.")

    assert [(r.order, r.ref, r.text) for r in event.recommendations] == [
        (1, "I (i)", "Map the routes."), (2, "I (ii)", "Share the data."),
        (3, "II (i)", "Train officials.")]
    assert (event.recommendations[0].working_group, event.recommendations[0].action_points,
            event.recommendations[0].source.value) == ("wg-data", [2], "editor")


@pytest.mark.parametrize(("fields", "message"), [
    ({"text": " "}, "a recommendation needs its text"),
    ({"text": "X", "working_group": "wg-nowhere"},
     "unknown working group 'wg-nowhere' of 'nairobi-2027' (known: wg-human-rights, "),
    ({"text": "X", "action_points": [11]}, "recommendation: action_points.0: "),
    ({"text": "X", "parent": "IX (ix)"}, "'nairobi-2027' has no recommendation IX (ix) (it "
                                         "has none yet)"),
])
def test_a_recommendation_that_cannot_be_added_is_refused(nairobi: Event, fields: dict,
                                                          message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        add_recommendation(nairobi, **fields)
    assert str(refused.value).startswith(message)


def test_a_label_its_section_already_uses_is_refused(nairobi: Event) -> None:
    event = add_recommendation(nairobi, section="III", label="v", text="One.")
    with pytest.raises(PlannerError, match=r"^'nairobi-2027' already has a recommendation "
                                           r"III \(v\); give another label$"):
        add_recommendation(event, section="III", label="v", text="Two.")


def test_an_unknown_addressee_is_refused_with_the_closest_names(nairobi: Event) -> None:
    registry = Library(SHIPPED).registry
    with pytest.raises(PlannerError, match="unknown organisation 'unhrc'"):
        add_recommendation(nairobi, text="X", addressed_to=["unhrc"], registry=registry)


def test_pasted_numbered_text_gives_one_recommendation_per_item(nairobi: Event) -> None:
    block = ("i. Establish protection-sensitive entry systems,\n"
             "   including at sea.\n\n"
             "(ii) Train border officials.\n"
             "iii) Map the routes.\n")

    event = add_recommendations(nairobi, block, section="III", working_group="wg-return")

    assert [(r.ref, r.text, r.working_group) for r in event.recommendations] == [
        ("III (i)", "Establish protection-sensitive entry systems, including at sea.",
         "wg-return"),
        ("III (ii)", "Train border officials.", "wg-return"),
        ("III (iii)", "Map the routes.", "wg-return")]


def test_parse_numbered_reads_numbers_letters_and_bullets() -> None:
    assert parse_numbered("1. One\n2) Two\na. Three\n• Four\nno number") == [
        PastedItem("1", "One"), PastedItem("2", "Two"), PastedItem("a", "Three"),
        PastedItem(None, "Four no number")]
    assert parse_numbered("   \n") == []


def test_removing_renumbers_and_takes_the_sub_items(nairobi: Event) -> None:
    event = add_recommendations(nairobi, "i. A.\nii. B.", section="I")
    event = add_recommendation(event, section="I", label="a", text="Sub of A.", parent="I (i)")

    left = remove_recommendation(event, "I (i)")

    assert [(r.order, r.ref, r.parent) for r in left.recommendations] == [(1, "I (ii)", None)]


def test_a_recommendation_the_plan_cites_is_not_removed(nairobi: Event) -> None:
    event = add_recommendations(nairobi, "i. A.", section="I")
    plan = ActionPlan(title="P", areas=[Area(number="I", heading="Data", sub_themes=[
        SubTheme(actions=[Action(text="Do A", references=["I (i)"])])])])
    with pytest.raises(PlannerError, match=r"^I \(i\) is cited by action I\.1\.1 of the action "
                                           r"plan; remove the citation first$"):
        remove_recommendation(event.model_copy(update={"action_plan": plan}), "I (i)")


def test_moving_keeps_parents_with_their_items(nairobi: Event) -> None:
    event = add_recommendations(nairobi, "i. A.\nii. B.", section="I")
    event = add_recommendation(event, section="I", label="a", text="Sub of B.", parent="I (ii)")

    moved = move_recommendation(event, "I (ii)", to=1)

    assert [(r.order, r.ref, r.parent) for r in moved.recommendations] == [
        (1, "I (ii)", None), (2, "I (i)", None), (3, "I (a)", 1)]
    with pytest.raises(PlannerError, match="position 9 is outside 1–3"):
        move_recommendation(event, "I (i)", to=9)


def test_rows_show_the_reference_the_plan_cites() -> None:
    rows = recommendation_rows(Library(SHIPPED).load("dar-es-salaam-2010"))
    assert (len(rows), rows[0]["ref"], rows[-1]["ref"]) == (64, "I (i)", "VIII (ix)")
