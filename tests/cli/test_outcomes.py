"""`planner actionplan` and `planner followup`: the reference check, the draft, the menu of
actions, a draft adopted as the plan, and the follow-up reported, updated, exported, tracked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from planner.library.store import dump_event
from planner.model import Event, FollowUpItem
from planner.outcomes.action_plan import load_action_plan
from planner.outcomes.adoption import action_rows
from planner.outcomes.decidim import accountability_columns
from tests.conftest import SHIPPED, SHIPPED_IDS
from tests.factories.outcomes import CLEAN_PLAN, GOOD, RECS
from tests.outcomes.test_decidim import decidim_import

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    """`planner actionplan ARGS…`: its exit code and output."""
    result = CliRunner().invoke(cli, ["--library", str(library.path), "actionplan", *args])
    return result.exit_code, result.output


def _run(library: Library, *args: str) -> tuple[int, str]:
    """`planner ARGS…`: its exit code and output."""
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


# --- actionplan check|draft ---------------------------------------------------------------

def test_cli_check_dar_es_salaam_exits_one_naming_the_dangling_reference() -> None:
    code, output = _run(Library(SHIPPED), "actionplan", "check", "dar-es-salaam-2010")
    assert code == 1
    assert "dangling-reference: action I.5.5 " in output
    assert output.endswith("40 problem(s)\n")


def test_cli_check_clean_crafted_plan_exits_zero(tmp_path: Path, small_library: Library,
                                                 make_event: Callable[..., Event]) -> None:
    event = make_event(recommendations=RECS, action_plan=CLEAN_PLAN)
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    assert _run(small_library, "actionplan", "check", "test-2010") == (0, "ok\n")


def test_cli_draft_then_check_the_draft_exits_zero(small_library: Library,
                                                   make_event: Callable[..., Event]) -> None:
    event = make_event(recommendations=RECS)
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    code, output = _run(small_library, "actionplan", "draft", "test-2010",
                        "--deadline", "2013-06-30")
    draft = small_library.path / "test-2010.action-plan-draft.yaml"
    assert (code, output.splitlines()[-2:]) == (0, ["3/3 recommendations cited",
                                                    f"wrote {draft}"])
    assert _run(small_library, "actionplan", "check", "test-2010", "--plan", str(draft)) == (
        0, "ok\n")
    assert "deadline: 2013-06-30" in draft.read_text(encoding="utf-8")


# --- actionplan show|adopt ----------------------------------------------------------------

def test_actionplan_show_prints_areas_sub_themes_and_actions(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "show", "dar-es-salaam-2010")

    assert (code, output.splitlines()[:6]) == (0, [
        "Dar es Salaam Action Plan",
        "I. Legislative and policy reform",
        "  International and regional instruments",
        "    I.1.1 Sign and ratify main international and regional human rights treaties "
        "(e.g., ICCPR, CAT, ICESCR, CRC Optional Protocol, CEDAW, Kampala IDP Convention, "
        "1954 and 1961 statelessness conventions).",
        "      cites: I (i); I (ii); II (i); owners: -; due: -",
        "    I.1.2 Sign and ratify the International Convention on the Protection of the Rights "
        "of All Migrant Workers and Members of their Families."])


def test_actionplan_show_json_is_the_action_rows(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "show", "dar-es-salaam-2010", "--json")

    rows = action_rows(shipped_copy.load("dar-es-salaam-2010").action_plan)
    assert (code, json.loads(output)) == (0, rows)


def test_actionplan_show_without_a_plan_says_so(shipped_copy: Library) -> None:
    text = run(shipped_copy, "show", "almaty-2011")
    data = run(shipped_copy, "show", "almaty-2011", "--json")

    assert (text, data) == (
        (0, "'almaty-2011' has no action plan: `planner actionplan draft` drafts one\n"),
        (0, "[]\n"))


def test_actionplan_adopt_makes_the_draft_the_plan(shipped_copy: Library) -> None:
    run(shipped_copy, "draft", "almaty-2011", "--deadline", "2013-03-16")
    draft = shipped_copy.path / "almaty-2011.action-plan-draft.yaml"

    first = run(shipped_copy, "adopt", "almaty-2011", str(draft))
    plan = shipped_copy.load("almaty-2011").action_plan
    shown = run(shipped_copy, "show", "almaty-2011")[1].splitlines()[0]
    again = run(shipped_copy, "adopt", "almaty-2011", str(draft))

    path = shipped_copy.event_path("almaty-2011")
    assert first == (0, "adopted almaty-2011.action-plan-draft.yaml as the action plan of "
                        f"almaty-2011 (50 actions)\nsaved {path}\n")
    assert (plan, shown) == (load_action_plan(draft, shipped_copy.registry),
                             "Draft action plan: Regional Conference on Refugee Protection and "
                             "International Migration in Central Asia")
    assert again[1].splitlines()[0].endswith("(50 actions); it replaces the previous plan")


def test_actionplan_adopt_refuses_a_broken_draft(shipped_copy: Library, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text("title: P\nareas: 3\n", encoding="utf-8")
    before = shipped_copy.event_path("almaty-2011").read_bytes()

    result = run(shipped_copy, "adopt", "almaty-2011", str(draft))

    assert result == (1, f"Error: {draft}:2:8: areas: Input should be a valid list\n")
    assert shipped_copy.event_path("almaty-2011").read_bytes() == before


def test_actionplan_adopt_unknown_event_is_one_line(shipped_copy: Library,
                                                    tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text("title: P\n", encoding="utf-8")

    assert run(shipped_copy, "adopt", "nowhere", str(draft)) == (
        1, f"Error: no event 'nowhere' in {shipped_copy.path} (known: {', '.join(SHIPPED_IDS)})\n")


# --- followup -----------------------------------------------------------------------------

def test_cli_followup_status_json_as_of(small_library: Library,
                                        make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[GOOD])
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    code, output = _run(small_library, "followup", "status", "test-2010", "--as-of",
                        "2013-01-01", "--json")
    report = json.loads(output)
    assert (code, report["totals"], [f["kind"] for f in report["findings"]]) == (
        0, {"overdue": 1}, ["overdue", "no-update"])


def test_cli_followup_update_saves_a_dated_update(small_library: Library) -> None:
    code, output = _run(small_library, "followup", "update", "test-2010", "1", "--status",
                        "in-progress", "--progress", "30", "--note", "Workshop held",
                        "--evidence", "doc-17", "--on", "2011-02-01")
    item = small_library.load("test-2010").follow_up[0]
    assert (code, output) == (0, "updated item 1 of test-2010 (revision 2)\n")
    assert (item.status.value, item.progress, item.updates[0].evidence) == (
        "in-progress", 30, "doc-17")


def test_cli_followup_status_text_on_shipped_event() -> None:
    code, output = _run(Library(SHIPPED), "followup", "status", "dar-es-salaam-2010",
                        "--as-of", "2013-01-01")
    assert code == 0
    assert "28 item(s); 4 done, 2 overdue, 22 planned" in output


def test_cli_followup_export_writes_what_decidim_imports(small_library: Library,
                                                         make_event: Callable[..., Event],
                                                         tmp_path: Path) -> None:
    items = [{**GOOD, "heading": "Training", "text": "=HYPERLINK(\"http://x\")",
              "links": ["I (i)"]}]
    event = make_event(follow_up=items)
    small_library.event_path(event.id).write_text(dump_event(event), encoding="utf-8")
    out = tmp_path / "results.csv"
    code, output = _run(small_library, "followup", "export", "test-2010", "-o", str(out),
                        "--as-of", "2012-03-01", "--locale", "fr")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert (code, output.splitlines()[0]) == (0, f"wrote 1 result(s) to {out}")
    assert tuple(rows[0]) == accountability_columns("fr")
    assert [(r["id"], r["parent/id"], r["title/fr"]) for r in rows] == [
        ("1", "", "Training"), ("2", "1", "'=HYPERLINK(\"http://x\")")]
    assert {k: rows[1][k] for k in ("start_date", "end_date", "status/id", "progress", "owner",
                                    "recommendation_refs", "event")} == {
        "start_date": "2012-01-10", "end_date": "2012-12-31", "status/id": "5",
        "progress": "", "owner": "unhcr", "recommendation_refs": "I (i)", "event": "test-2010"}
    assert (tmp_path / "results-statuses.csv").read_text(encoding="utf-8").splitlines()[0] == (
        "status/id;key;name/fr;progress")


def test_cli_followup_export_with_statuses_uses_decidims_ids(shipped_copy: Library,
                                                             tmp_path: Path) -> None:
    statuses = tmp_path / "statuses.csv"
    statuses.write_text("key;status/id\nplanned;12\ntarget;14\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["--library", str(shipped_copy.path), "followup", "export",
                                      "dar-es-salaam-2010", "-o", "-", "--statuses",
                                      str(statuses)])

    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))
    assert result.exit_code == 0
    assert {r["status/id"] for r in rows if r["parent/id"]} == {"14", ""}
    assert result.stderr == ("warning: no Decidim status for 'done': its results have no "
                             "status/id\nwarning: no Decidim status for 'envisaged': its "
                             "results have no status/id\n")


def test_cli_followup_export_bad_statuses_file_is_one_line(shipped_copy: Library,
                                                           tmp_path: Path) -> None:
    statuses = tmp_path / "statuses.csv"
    statuses.write_text("key;status/id\nplanned;twelve\n", encoding="utf-8")

    code, output = _run(shipped_copy, "followup", "export", "dar-es-salaam-2010", "-o",
                        str(tmp_path / "r.csv"), "--statuses", str(statuses))

    assert (code, output) == (1, f"Error: {statuses}:2: status/id 'twelve' is not the number "
                                 "of a Decidim status\n")


def test_cli_followup_track_saves_items(shipped_copy: Library) -> None:
    before = shipped_copy.load("dar-es-salaam-2010")
    code, output = _run(shipped_copy, "followup", "track", "dar-es-salaam-2010")
    after = shipped_copy.load("dar-es-salaam-2010")
    assert (code, output) == (0, "added 58 item(s) to dar-es-salaam-2010\n")
    assert (len(after.follow_up), after.revision) == (len(before.follow_up) + 58, 2)


def test_actionplan_adopt_refuses_a_draft_without_actions(shipped_copy: Library) -> None:
    # Nairobi 2027 has adopted no recommendation yet: its draft holds no action.
    invoke = CliRunner().invoke
    invoke(cli, ["--library", str(shipped_copy.path), "new", "nairobi-2027", "--from",
                 "dar-es-salaam-2010", "--start", "2027-09-06", "--city", "Nairobi",
                 "--country", "kenya"])
    run(shipped_copy, "draft", "nairobi-2027")
    draft = shipped_copy.path / "nairobi-2027.action-plan-draft.yaml"

    code, output = run(shipped_copy, "adopt", "nairobi-2027", str(draft))

    assert (code, output) == (1, "Error: the plan for 'nairobi-2027' holds no action to adopt "
                                 "(draft it from recommendations the event has adopted, or add "
                                 "actions)\n")
    assert shipped_copy.load("nairobi-2027").action_plan is None


def test_cli_followup_export_of_a_new_event_imports_into_decidim(shipped_copy: Library,
                                                                 tmp_path: Path) -> None:
    _run(shipped_copy, "new", "nairobi-2027", "--from", "dar-es-salaam-2010", "--start",
         "2027-09-06", "--city", "Nairobi", "--country", "kenya")
    event = shipped_copy.load("nairobi-2027")
    shipped_copy.save(event.model_copy(update={"follow_up": [
        FollowUpItem(heading="Data", text="Joint profiling exercise", status="planned",
                     lead=["unhcr"], deadline=dt.date(2028, 6, 30)),
        FollowUpItem(heading="Data", text="Regional data portal", status="in-progress",
                     progress=20)]}))
    out = tmp_path / "results.csv"

    code, _ = _run(shipped_copy, "followup", "export", "nairobi-2027", "-o", str(out),
                   "--as-of", "2027-12-01")

    imported = decidim_import(out.read_bytes())
    assert (code, imported.errors, len(imported.results)) == (0, [], 3)
    assert sorted(r["end_date"] for r in imported.results.values()) == ["", "", "2028-06-30"]
