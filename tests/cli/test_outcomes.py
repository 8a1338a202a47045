"""`planner actionplan show|adopt`: the menu of actions, and a draft adopted as the plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from planner.outcomes.action_plan import load_action_plan
from planner.outcomes.adoption import action_rows
from tests.conftest import SHIPPED_IDS

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "actionplan", *args])
    return result.exit_code, result.output


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
