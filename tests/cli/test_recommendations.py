"""`planner recommendations list|add|remove|move` on the event being planned."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library

pytestmark = pytest.mark.e2e

EVENT = "nairobi-2027"


def run(library: Library, *args: str, given: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args], input=given)
    return result.exit_code, result.output



def test_add_one_then_a_pasted_block_then_list(planned: Library) -> None:
    one = run(planned, "recommendations", "add", EVENT, "--section", "I", "--label", "i",
              "--group", "wg-data", "--points", "2,10", "Establish a regional data platform.")
    block = run(planned, "recommendations", "add", EVENT, "--section", "II", "--paste", "-",
                given="i. Train officials.\nii. Set up referral\n    mechanisms.\n")
    listed = run(planned, "recommendations", "list", EVENT)
    as_json = json.loads(run(planned, "recommendations", "list", EVENT, "--json")[1])

    assert one == (0, "added I (i) to nairobi-2027 (1 recommendations)\n")
    assert block == (0, "added II (i), II (ii) to nairobi-2027 (3 recommendations)\n")
    assert listed == (0, "I (i)    Establish a regional data platform. [wg-data]\n"
                         "II (i)   Train officials.\n"
                         "II (ii)  Set up referral mechanisms.\n")
    assert as_json[0] == {"ref": "I (i)", "section": "I", "label": "i",
                          "working_group": "wg-data", "action_points": [2, 10],
                          "text": "Establish a regional data platform."}


def test_move_and_remove(planned: Library) -> None:
    run(planned, "recommendations", "add", EVENT, "--section", "I", "--paste", "-",
        given="i. A.\nii. B.\n")

    moved = run(planned, "recommendations", "move", EVENT, "I (ii)", "--to", "1")
    removed = run(planned, "recommendations", "remove", EVENT, "I (i)")

    assert (moved, removed) == ((0, "moved I (ii) of nairobi-2027 to position 1\n"),
                                (0, "removed I (i) from nairobi-2027 (1 left)\n"))
    assert [r.ref for r in planned.load(EVENT).recommendations] == ["I (ii)"]


@pytest.mark.parametrize(("args", "message"), [
    (("add", EVENT, "--group", "wg-nowhere", "X"),
     "Error: unknown working group 'wg-nowhere' of 'nairobi-2027' (known: wg-human-rights, "
     "wg-legal-migration, wg-refugee-protection, wg-borders-security, "
     "wg-differentiated-processes, wg-return, wg-data, wg-cooperation)\n"),
    (("add", EVENT), "Error: a recommendation needs its text\n"),
    (("remove", EVENT, "III (ix)"),
     "Error: 'nairobi-2027' has no recommendation III (ix) (it has none yet)\n"),
    (("move", EVENT, "I (i)", "--to", "1"),
     "Error: 'nairobi-2027' has no recommendation I (i) (it has none yet)\n"),
])
def test_refusals_are_one_line(planned: Library, args: tuple[str, ...], message: str) -> None:
    assert run(planned, "recommendations", *args) == (1, message)


def test_list_of_an_event_without_recommendations_says_so(planned: Library) -> None:
    assert run(planned, "recommendations", "list", EVENT) == (
        0, "'nairobi-2027' has no recommendations yet\n")
