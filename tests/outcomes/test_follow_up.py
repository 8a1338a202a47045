"""Follow-up: flags on crafted items, summaries that add up, updates, stock-taking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event
from planner.outcomes.follow_up import (
    CATEGORIES,
    assess_follow_up,
    find_item,
    months_before,
    record_update,
    track_action_plan,
)
from tests.conftest import SHIPPED_IDS
from tests.factories.outcomes import GOOD

pytestmark = pytest.mark.unit

def _flags(make_event: Callable[..., Event], as_of: dt.date, **item: Any) -> list[str]:
    event = make_event(follow_up=[{**GOOD, **item}])
    return [flag.kind for flag in assess_follow_up(event, as_of=as_of).findings]


def test_assess_follow_up_well_kept_item_has_no_flags(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1)) == []


def test_assess_follow_up_no_owner(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1), lead=[]) == ["no-owner"]


def test_assess_follow_up_no_deadline(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1), deadline=None) == ["no-deadline"]


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2012, 12, 31), []), (dt.date(2013, 1, 1), ["overdue"])])
def test_assess_follow_up_as_of_controls_overdue(make_event: Callable[..., Event],
                                                as_of: dt.date, expected: list[str]) -> None:
    updates = [{"on": dt.date(2012, 12, 1), "text": "Still going"}]
    assert _flags(make_event, as_of, updates=updates) == expected


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2012, 7, 10), []), (dt.date(2012, 7, 11), ["no-update"])])
def test_assess_follow_up_no_update_for_six_months(make_event: Callable[..., Event],
                                                  as_of: dt.date, expected: list[str]) -> None:
    assert _flags(make_event, as_of) == expected


def test_assess_follow_up_never_updated_counts_from_the_event_end(
        make_event: Callable[..., Event]) -> None:
    flags = _flags(make_event, dt.date(2011, 3, 8), updates=[])
    assert flags == ["no-update"]
    assert _flags(make_event, dt.date(2011, 3, 7), updates=[]) == []


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_assess_follow_up_closed_items_are_never_overdue(make_event: Callable[..., Event],
                                                        status: str) -> None:
    assert _flags(make_event, dt.date(2020, 1, 1), status=status, deadline=None) == []


def test_assess_follow_up_printed_when_gives_a_deadline(make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[{**GOOD, "deadline": None, "status": "target",
                                   "when": "towards the end of 2012"}])
    row = assess_follow_up(event, as_of=dt.date(2013, 1, 1)).rows[0]
    assert (row.deadline, row.deadline_from, row.category) == (dt.date(2012, 12, 31), "when",
                                                               "overdue")


def test_assess_follow_up_flag_message_names_item_and_date(
        make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[{**GOOD, "heading": "Training"}])
    flag = assess_follow_up(event, as_of=dt.date(2013, 1, 1)).findings[0]
    assert (flag.kind, flag.ref, flag.message) == (
        "overdue", "1", "item 1 (Training: 'Train officials') was due 2012-12-31 and is "
                        "in-progress on 2013-01-01")


def test_assess_follow_up_summaries_count_each_item_once(
        make_event: Callable[..., Event]) -> None:
    items = [{**GOOD, "heading": "Data", "lead": ["unhcr", "iom"]},
             {**GOOD, "heading": "DATA", "status": "done", "lead": ["iom"]},
             {**GOOD, "heading": "Training", "lead": [], "deadline": dt.date(2011, 1, 1)}]
    report = assess_follow_up(make_event(follow_up=items), as_of=dt.date(2012, 3, 1))
    assert report.by_area == {"Data": {"done": 1, "in progress": 1}, "Training": {"overdue": 1}}
    assert report.by_owner == {"unhcr": {"in progress": 1}, "iom": {"done": 1},
                               "(no owner)": {"overdue": 1}}


@pytest.mark.integration
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_assess_follow_up_counts_add_up_on_the_library(event_id: str) -> None:
    report = assess_follow_up(Library.open().load(event_id), as_of=dt.date(2013, 1, 1))
    total = len(report.rows)
    assert sum(report.totals.values()) == total
    for table in (report.by_area, report.by_owner):
        assert sum(n for counts in table.values() for n in counts.values()) == total
    assert set(report.totals) <= set(CATEGORIES)


def test_months_before_clamps_to_month_end() -> None:
    assert [months_before(dt.date(2013, 8, 31), n) for n in (6, 18)] == [
        dt.date(2013, 2, 28), dt.date(2012, 2, 29)]


def test_record_update_appends_in_date_order_and_sets_state(
        make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[GOOD])
    later = record_update(event, "1", on=dt.date(2012, 6, 1), status="done", progress=100,
                          evidence="https://example.org/report")
    earlier = record_update(later, "1", on=dt.date(2011, 6, 1), text="Planned")
    item = earlier.follow_up[0]
    assert [(u.on, u.text) for u in item.updates] == [
        (dt.date(2011, 6, 1), "Planned"), (dt.date(2012, 1, 10), "Started"),
        (dt.date(2012, 6, 1), "status done; progress 100%")]
    assert (item.status.value, item.progress, item.updates[-1].evidence) == (
        "done", 100, "https://example.org/report")
    assert event.follow_up[0].updates[-1].text == "Started"


@pytest.mark.parametrize(("key", "options", "message"), [
    ("7", {"status": "done"}, "no follow-up item '7' in 'test-2010' (known: 1)"),
    ("1", {"status": "finished"}, "unknown status 'finished'; choose from done, planned"),
    ("1", {"progress": 120}, "progress must be between 0 and 100, not 120"),
])
def test_record_update_refuses_bad_input(make_event: Callable[..., Event], key: str,
                                         options: dict[str, Any], message: str) -> None:
    with pytest.raises(PlannerError, match=message.replace("(", r"\(").replace(")", r"\)")):
        record_update(make_event(follow_up=[GOOD]), key, on=dt.date(2012, 1, 1), **options)


def test_find_item_by_id_before_position(make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[{**GOOD, "id": "two"}, {**GOOD, "id": "1"}])
    assert (find_item(event, "1"), find_item(event, "two"), find_item(event, "2")) == (1, 0, 1)


def test_track_action_plan_adds_each_action_once(make_event: Callable[..., Event]) -> None:
    plan = {"title": "P", "areas": [{"number": "V", "heading": "Data", "sub_themes": [
        {"actions": [{"text": "Map research", "references": ["I (i)"], "owners": ["iom"],
                      "deadline": dt.date(2012, 9, 7)}]}]}]}
    event = make_event(action_plan=plan)
    tracked = track_action_plan(track_action_plan(event))
    item = tracked.follow_up[-1]
    assert len(tracked.follow_up) == len(event.follow_up) + 1
    assert (item.id, item.heading, item.lead, item.deadline, item.links, item.status.value) == (
        "action-v-1-1", "Data", ["iom"], dt.date(2012, 9, 7), ["I (i)"], "planned")


def test_track_action_plan_without_plan_is_refused(make_event: Callable[..., Event]) -> None:
    with pytest.raises(PlannerError, match="'test-2010' has no action plan to track"):
        track_action_plan(make_event())
