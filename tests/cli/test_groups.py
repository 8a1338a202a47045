"""`planner groups assign|list|capacity|move|prefer`: exact text, JSON, the saved file,
one-line errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.groups.membership import group_rows
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import Event
from tests.conftest import SHIPPED

pytestmark = pytest.mark.e2e

DAR = "dar-es-salaam-2010"
REGISTRY = Library(SHIPPED).registry


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "groups", *args])
    return result.exit_code, result.output


def test_groups_list_prints_one_line_per_group(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "list", DAR)

    assert (code, output.splitlines()[:2]) == (0, [
        "wg-human-rights             round 1     0/-    pinned 0   chair: -;  rapporteurs: -  "
        "[Respecting the human rights of people on the move, irrespective of legal status]",
        "wg-legal-migration          round 1     0/-    pinned 0   chair: -;  rapporteurs: -  "
        "[Enhancing legal migration as an alternative to irregular migration]"])
    assert len(output.splitlines()) == 8


def test_groups_list_json_is_group_rows(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "list", DAR, "--json")

    assert (code, json.loads(output)) == (0, group_rows(shipped_copy.load(DAR)))


def test_groups_list_without_groups_says_so(shipped_copy: Library) -> None:
    assert run(shipped_copy, "list", "geneva-2008-borders") == (
        0, "no working groups in 'geneva-2008-borders'\n")


def test_groups_capacity_is_saved_then_lifted(shipped_copy: Library) -> None:
    set_to = run(shipped_copy, "capacity", DAR, "wg-legal-migration", "30")
    saved = [g.capacity for g in shipped_copy.load(DAR).working_groups][:2]
    lifted = run(shipped_copy, "capacity", DAR, "wg-legal-migration", "none")

    assert (set_to, saved) == ((0, "working group wg-legal-migration of dar-es-salaam-2010: "
                                   "at most 30 people (revision 2)\n"), [None, 30])
    assert lifted == (0, "working group wg-legal-migration of dar-es-salaam-2010: no limit "
                         "(revision 3)\n")
    assert shipped_copy.load(DAR).working_groups[1].capacity is None


@pytest.mark.parametrize(("group", "capacity", "message"), [
    ("wg-nowhere", "5", "no working group 'wg-nowhere' in 'dar-es-salaam-2010'"),
    ("wg-data", "0", "working group 'wg-data': a capacity is between 1 and 100,000 people, "
                     "not 0"),
    ("wg-data", "99999999999999999999999", "working group 'wg-data': a capacity is between 1 "
                                           "and 100,000 people, not "
                                           "99,999,999,999,999,999,999,999"),
    ("wg-data", "lots", "capacity 'lots': write a whole number of people, or 'none' for no "
                        "limit"),
])
def test_groups_capacity_refusals_are_one_line(shipped_copy: Library, group: str,
                                               capacity: str, message: str) -> None:
    before = shipped_copy.event_path(DAR).read_bytes()

    result = run(shipped_copy, "capacity", DAR, group, capacity)

    assert result == (1, f"Error: {message}\n")
    assert shipped_copy.event_path(DAR).read_bytes() == before


def test_groups_move_pins_and_saves(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "move", "synthetic-12-0", "p-00001", "wg-2")
    person = synthetic_library.load("synthetic-12-0").participants[0]

    assert (code, output) == (0, "moved p-00001 to wg-2 (round 1: Data collection and analysis "
                                 "(2))\npinned: the next `planner groups assign` keeps them "
                                 f"there\nsaved {synthetic_library.event_path('synthetic-12-0')}\n")
    assert (person.working_groups, person.pinned) == (["wg-2"], ["wg-2"])
    assert run(synthetic_library, "list", "synthetic-12-0")[1].splitlines()[1] == (
        "wg-2 round 1     1/9    pinned 1   chair: -;  rapporteurs: -  "
        "[Data collection and analysis (2)]")


def test_groups_move_no_pin_leaves_it_to_the_solver(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "move", "synthetic-12-0", "p-00002", "wg-3",
                       "--no-pin")
    person = synthetic_library.load("synthetic-12-0").participants[1]

    assert (code, output.splitlines()[1]) == (
        0, "not pinned: the next `planner groups assign` may move them")
    assert (person.working_groups, person.pinned) == (["wg-3"], [])


@pytest.mark.parametrize(("args", "message"), [
    (["synthetic-12-0", "p-99999", "wg-1"], "no participant 'p-99999' in 'synthetic-12-0'"),
    (["synthetic-12-0", "p-00001", "wg-9"], "no working group 'wg-9' in 'synthetic-12-0'"),
    (["nowhere", "p-00001", "wg-1"], "no event 'nowhere' in {path} (known: synthetic-12-0)"),
])
def test_groups_move_refusals_are_one_line(synthetic_library: Library, args: list[str],
                                           message: str) -> None:
    result = run(synthetic_library, "move", *args)

    assert result == (1, f"Error: {message.format(path=synthetic_library.path)}\n")


def test_groups_prefer_ranks_then_clears(synthetic_library: Library) -> None:
    code, output = run(synthetic_library, "prefer", "synthetic-12-0", "p-00003", "wg-4", "wg-1")
    ranked = synthetic_library.load("synthetic-12-0").participants[2].preferences
    cleared = run(synthetic_library, "prefer", "synthetic-12-0", "p-00003")

    assert (code, output, ranked) == (
        0, "p-00003 of synthetic-12-0 prefers: wg-4, wg-1 (revision 2)\n", ["wg-4", "wg-1"])
    assert cleared == (0, "p-00003 of synthetic-12-0 prefers: no preference (revision 3)\n")
    assert synthetic_library.load("synthetic-12-0").participants[2].preferences == []


def test_groups_prefer_an_unknown_group_is_refused(synthetic_library: Library) -> None:
    before = synthetic_library.event_path("synthetic-12-0").read_bytes()

    result = run(synthetic_library, "prefer", "synthetic-12-0", "p-00003", "wg-9")

    assert result == (1, "Error: participant 'p-00003': no working group 'wg-9' in "
                         "'synthetic-12-0' (its groups: wg-1, wg-2, wg-3, wg-4)\n")
    assert synthetic_library.event_path("synthetic-12-0").read_bytes() == before


# --- assign -------------------------------------------------------------------------------

def _library_with(tmp_path: Any, event: Event) -> Library:
    library = Library.open(tmp_path)
    (tmp_path / "organisations.yaml").write_text(
        (SHIPPED / "organisations.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    library.create(event)
    return library


def test_groups_assign_saves_and_prints_json(tmp_path: Any) -> None:
    event = make_synthetic_event(participants=40, groups=4, registry=REGISTRY)
    library = _library_with(tmp_path, event)
    result = CliRunner().invoke(cli, ["--library", str(tmp_path), "groups", "assign",
                                      event.id, "--json"])
    data = json.loads(result.output)
    saved = library.load(event.id)
    assert (result.exit_code, data["findings"], len(data["explanations"])) == (0, [], 40)
    assert all(len(p.working_groups) == 2 for p in saved.participants)


def test_groups_assign_dry_run_writes_nothing(tmp_path: Any) -> None:
    event = make_synthetic_event(participants=40, groups=4, registry=REGISTRY)
    library = _library_with(tmp_path, event)
    before = library.event_path(event.id).read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["--library", str(tmp_path), "groups", "assign",
                                      event.id, "--dry-run", "--explain"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "dry run: nothing written"
    assert "— Round 1: " in result.output
    assert library.event_path(event.id).read_text(encoding="utf-8") == before


def test_groups_assign_reports_an_event_without_participants(small_library: Library) -> None:
    result = CliRunner().invoke(cli, ["--library", str(small_library.path), "groups", "assign",
                                      "test-2010"])
    assert (result.exit_code, result.output.strip()) == (
        1, "Error: nobody is coming to 'test-2010': no one to place in groups")
