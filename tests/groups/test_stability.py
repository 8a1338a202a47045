"""Stability: composing again after a move changes as little as it must; the move and the
composition are saved together; a saved composition keeps its explanations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.groups.assign import Assignment, assign_groups, move_and_assign
from planner.groups.membership import move_person
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import Event
from tests.conftest import SHIPPED

pytestmark = pytest.mark.integration

REGISTRY = Library(SHIPPED).registry


@pytest.fixture(scope="module")
def composed() -> Assignment:
    event = make_synthetic_event(participants=300, groups=12, rounds=2, seed=0,
                                 registry=REGISTRY)
    return assign_groups(event, REGISTRY)


def _places(event: Event) -> dict[tuple[str, str], str]:
    rounds = {g.id: str(g.round) for g in event.working_groups}
    return {(p.id, rounds[g]): g for p in event.participants for g in p.working_groups}


def _leaders(event: Event) -> dict[str, list[str | None]]:
    return {g.id: [s.participant for s in (*g.chair, *g.rapporteurs)]
            for g in event.working_groups}


@pytest.mark.parametrize(("person", "group"), [("p-00005", "wg-2"), ("p-00002", "wg-1"),
                                                ("p-00250", "wg-12")])
def test_one_move_in_300_changes_at_most_two_other_placements(
        composed: Assignment, person: str, group: str) -> None:
    before = _places(composed.event)
    after = _places(move_and_assign(composed.event, REGISTRY, [(person, group)]).event)
    changed = [key for key in before if key[0] != person and before[key] != after[key]]
    assert len(changed) <= 2


def test_one_move_keeps_the_other_groups_leaders(composed: Assignment) -> None:
    moved = move_and_assign(composed.event, REGISTRY, [("p-00005", "wg-2")]).event
    kept = [g for g, people in _leaders(composed.event).items()
            if people == _leaders(moved)[g]]
    assert len(kept) >= 11


def test_composing_again_without_a_change_changes_nothing(composed: Assignment) -> None:
    again = assign_groups(composed.event, REGISTRY)
    assert (_places(again.event), _leaders(again.event), again.goals["stability"]) == (
        _places(composed.event), _leaders(composed.event), 0)


def test_fresh_composition_ignores_the_saved_one(composed: Assignment) -> None:
    fresh = assign_groups(composed.event, REGISTRY, keep=False)
    assert (fresh.goals["stability"], fresh.objective) == (0, composed.objective)


def test_the_composition_carries_its_explanations(composed: Assignment) -> None:
    saved = composed.event.composition
    assert saved is not None
    assert (saved.placements, saved.leaders, saved.bound) == (
        composed.explanations, composed.leaders, composed.bound)


def test_a_hand_move_rewrites_the_saved_line_of_that_person(composed: Assignment) -> None:
    moved = move_person(composed.event, "p-00005", "wg-9")
    line = moved.composition.placements["p-00005"]  # type: ignore[union-attr]
    before = composed.explanations["p-00005"]
    assert line.split(" Round 2: ")[0] == before.split(" Round 2: ")[0]
    title = next(g.title for g in moved.working_groups if g.id == "wg-9")
    assert line.endswith(f"Round 2: {title}, where the organisers moved him.")


def _library(tmp_path: Path, event: Event) -> Library:
    (tmp_path / "organisations.yaml").write_text(
        (SHIPPED / "organisations.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    library = Library.open(tmp_path)
    library.create(event)
    return library


def _groups(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "groups", *args])
    return result.exit_code, result.output


def test_a_saved_composition_keeps_its_explanations(tmp_path: Path) -> None:
    library = _library(tmp_path, make_synthetic_event(participants=40, groups=4,
                                                      registry=REGISTRY))
    code, output = _groups(library, "assign", "synthetic-40-0", "--json")
    shown = json.loads(output)
    saved = library.load("synthetic-40-0").composition
    assert (code, shown["bound_scope"], saved.placements, saved.leaders) == (  # type: ignore[union-attr]
        0, "all-rounds", shown["explanations"], shown["leaders"])
    code, output = _groups(library, "explain", "synthetic-40-0", "p-00020")
    assert (code, output) == (0, shown["explanations"]["p-00020"] + "\n")


def test_a_move_and_its_composition_are_saved_together(tmp_path: Path) -> None:
    library = _library(tmp_path, make_synthetic_event(participants=40, groups=4,
                                                      registry=REGISTRY))
    _groups(library, "assign", "synthetic-40-0")
    before = library.load("synthetic-40-0")
    code, output = _groups(library, "move", "synthetic-40-0", "p-00020", "wg-2", "--compose")
    after = library.load("synthetic-40-0")
    person = next(p for p in after.participants if p.id == "p-00020")
    assert (code, after.revision, person.pinned, person.working_groups[0]) == (
        0, before.revision + 1, ["wg-2"], "wg-2")
    assert "where the organisers placed him" in after.composition.placements[  # type: ignore[union-attr]
        "p-00020"]
    assert output.splitlines()[0] == "moved p-00020 to wg-2 and composed again"


def test_explain_without_a_saved_composition_says_so(tmp_path: Path) -> None:
    library = _library(tmp_path, make_synthetic_event(participants=12, groups=4,
                                                      registry=REGISTRY))
    assert _groups(library, "explain", "synthetic-12-0") == (1, (
        "Error: 'synthetic-12-0' has no saved composition; run `planner groups assign` "
        "first\n"))
