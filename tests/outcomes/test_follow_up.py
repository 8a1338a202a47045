"""Follow-up: flags on crafted items, summaries that add up, updates, stock-taking."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import Library
from planner.library.store import dump_event
from planner.model import Event
from planner.outcomes.decidim import ACCOUNTABILITY_COLUMNS
from planner.outcomes.follow_up import (
    CATEGORIES,
    assess_followup,
    find_item,
    load_previous,
    months_before,
    record_update,
    summarise_progress,
    track_action_plan,
)
from tests.conftest import SHIPPED, SHIPPED_IDS

pytestmark = pytest.mark.unit

# The test event ends on 2010-09-07.
GOOD: dict[str, Any] = {"text": "Train officials", "status": "in-progress", "lead": ["unhcr"],
                        "deadline": dt.date(2012, 12, 31),
                        "updates": [{"on": dt.date(2012, 1, 10), "text": "Started"}]}


def _flags(make_event: Callable[..., Event], as_of: dt.date, **item: Any) -> list[str]:
    event = make_event(follow_up=[{**GOOD, **item}])
    return [flag.kind for flag in assess_followup(event, as_of=as_of).findings]


def test_assess_followup_well_kept_item_has_no_flags(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1)) == []


def test_assess_followup_no_owner(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1), lead=[]) == ["no-owner"]


def test_assess_followup_no_deadline(make_event: Callable[..., Event]) -> None:
    assert _flags(make_event, dt.date(2012, 3, 1), deadline=None) == ["no-deadline"]


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2012, 12, 31), []), (dt.date(2013, 1, 1), ["overdue"])])
def test_assess_followup_as_of_controls_overdue(make_event: Callable[..., Event],
                                                as_of: dt.date, expected: list[str]) -> None:
    updates = [{"on": dt.date(2012, 12, 1), "text": "Still going"}]
    assert _flags(make_event, as_of, updates=updates) == expected


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2012, 7, 10), []), (dt.date(2012, 7, 11), ["no-update"])])
def test_assess_followup_no_update_for_six_months(make_event: Callable[..., Event],
                                                  as_of: dt.date, expected: list[str]) -> None:
    assert _flags(make_event, as_of) == expected


def test_assess_followup_never_updated_counts_from_the_event_end(
        make_event: Callable[..., Event]) -> None:
    flags = _flags(make_event, dt.date(2011, 3, 8), updates=[])
    assert flags == ["no-update"]
    assert _flags(make_event, dt.date(2011, 3, 7), updates=[]) == []


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_assess_followup_closed_items_are_never_overdue(make_event: Callable[..., Event],
                                                        status: str) -> None:
    assert _flags(make_event, dt.date(2020, 1, 1), status=status, deadline=None) == []


def test_assess_followup_printed_when_gives_a_deadline(make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[{**GOOD, "deadline": None, "status": "target",
                                   "when": "towards the end of 2012"}])
    row = assess_followup(event, as_of=dt.date(2013, 1, 1)).rows[0]
    assert (row.deadline, row.deadline_from, row.category) == (dt.date(2012, 12, 31), "when",
                                                               "overdue")


def test_assess_followup_flag_message_names_item_and_date(
        make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[{**GOOD, "heading": "Training"}])
    flag = assess_followup(event, as_of=dt.date(2013, 1, 1)).findings[0]
    assert (flag.kind, flag.ref, flag.message) == (
        "overdue", "1", "item 1 (Training: 'Train officials') was due 2012-12-31 and is "
                        "in-progress on 2013-01-01")


def test_assess_followup_summaries_count_each_item_once(
        make_event: Callable[..., Event]) -> None:
    items = [{**GOOD, "heading": "Data", "lead": ["unhcr", "iom"]},
             {**GOOD, "heading": "DATA", "status": "done", "lead": ["iom"]},
             {**GOOD, "heading": "Training", "lead": [], "deadline": dt.date(2011, 1, 1)}]
    report = assess_followup(make_event(follow_up=items), as_of=dt.date(2012, 3, 1))
    assert report.by_area == {"Data": {"done": 1, "in progress": 1}, "Training": {"overdue": 1}}
    assert report.by_owner == {"unhcr": {"in progress": 1}, "iom": {"done": 1},
                               "(no owner)": {"overdue": 1}}


@pytest.mark.integration
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_assess_followup_counts_add_up_on_the_library(event_id: str) -> None:
    report = assess_followup(Library.open().load(event_id), as_of=dt.date(2013, 1, 1))
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


@pytest.mark.integration
def test_summarise_progress_of_the_event_a_clone_follows() -> None:
    library = Library.open()
    previous = library.load("dar-es-salaam-2010")
    clone = clone_event(previous, new_id="nairobi-2012", start=dt.date(2012, 11, 5))
    summary = summarise_progress(library.load(clone.previous_event or ""),
                                 as_of=dt.date(2012, 11, 5))
    assert summary.totals == {"done": 4, "planned": 24}
    assert sum(summary.totals.values()) == len(previous.follow_up)
    assert list(summary.items) == [c for c in CATEGORIES if c in summary.totals]
    assert summary.items["done"][0]["area"] == "The Dar es Salaam Action Plan".upper()


def _run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


@pytest.mark.e2e
def test_cli_followup_status_json_as_of(small_library: Library,
                                        make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[GOOD])
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    code, output = _run(small_library, "followup", "status", "test-2010", "--as-of",
                        "2013-01-01", "--json")
    report = json.loads(output)
    assert (code, report["totals"], [f["kind"] for f in report["findings"]]) == (
        0, {"overdue": 1}, ["overdue", "no-update"])


@pytest.mark.e2e
def test_cli_followup_update_saves_a_dated_update(small_library: Library) -> None:
    code, output = _run(small_library, "followup", "update", "test-2010", "1", "--status",
                        "in-progress", "--progress", "30", "--note", "Workshop held",
                        "--evidence", "doc-17", "--on", "2011-02-01")
    item = small_library.load("test-2010").follow_up[0]
    assert (code, output) == (0, "updated item 1 of test-2010 (revision 2)\n")
    assert (item.status.value, item.progress, item.updates[0].evidence) == (
        "in-progress", 30, "doc-17")


@pytest.mark.e2e
def test_cli_followup_status_text_on_shipped_event() -> None:
    code, output = _run(Library(SHIPPED), "followup", "status", "dar-es-salaam-2010",
                        "--as-of", "2013-01-01")
    assert code == 0
    assert "28 item(s); 4 done, 2 overdue, 22 planned" in output


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


@pytest.mark.e2e
def test_cli_followup_export_writes_decidim_columns(small_library: Library,
                                                    make_event: Callable[..., Event],
                                                    tmp_path: Path) -> None:
    items = [{**GOOD, "text": "=HYPERLINK(\"http://x\")", "links": ["I (i)"]}]
    event = make_event(follow_up=items)
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    out = tmp_path / "results.csv"
    code, output = _run(small_library, "followup", "export", "test-2010", "-o", str(out),
                        "--as-of", "2012-03-01")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert (code, output) == (0, f"wrote 1 result(s) to {out}\n")
    assert list(rows[0]) == list(ACCOUNTABILITY_COLUMNS)
    assert {k: rows[0][k] for k in ("start_date", "end_date", "status", "progress", "owner",
                                    "recommendation_refs", "event")} == {
        "start_date": "2012-01-10", "end_date": "2012-12-31", "status": "in-progress",
        "progress": "", "owner": "unhcr", "recommendation_refs": "I (i)", "event": "test-2010"}
    assert rows[0]["title"] == "'=HYPERLINK(\"http://x\")"


@pytest.mark.e2e
def test_cli_followup_track_saves_items(shipped_copy: Library) -> None:
    before = shipped_copy.load("dar-es-salaam-2010")
    code, output = _run(shipped_copy, "followup", "track", "dar-es-salaam-2010")
    after = shipped_copy.load("dar-es-salaam-2010")
    assert (code, output) == (0, "added 58 item(s) to dar-es-salaam-2010\n")
    assert (len(after.follow_up), after.revision) == (len(before.follow_up) + 58, 2)


@pytest.mark.integration
def test_load_previous_only_when_it_is_in_the_library(shipped_copy: Library,
                                                      make_event: Callable[..., Event]) -> None:
    follows = make_event(previous_event="dar-es-salaam-2010")
    orphan = make_event(previous_event="nowhere-1999")
    found = load_previous(shipped_copy, follows)
    assert (found.id if found else None, load_previous(shipped_copy, orphan)) == (
        "dar-es-salaam-2010", None)
