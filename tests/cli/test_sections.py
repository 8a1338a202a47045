"""`planner sections list|add|remove|move|rename`: the concept note's structure."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library

pytestmark = pytest.mark.e2e

EVENT = "nairobi-2027"


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output



def test_add_move_rename_remove(planned: Library) -> None:
    said = [run(planned, "sections", "add", EVENT, "Lessons learned", "--after", "objectives"),
            run(planned, "sections", "move", EVENT, "lessons-learned", "--to", "1"),
            run(planned, "sections", "rename", EVENT, "lessons-learned", "What we learned"),
            run(planned, "sections", "remove", EVENT, "objectives-continued")]
    listed = run(planned, "sections", "list", EVENT)[1].splitlines()

    assert said == [(0, "added section 'lessons-learned' to nairobi-2027\n"),
                    (0, "moved section 'lessons-learned' of nairobi-2027 to position 1\n"),
                    (0, "renamed section 'lessons-learned' of nairobi-2027: What we learned\n"),
                    (0, "removed section 'objectives-continued' from nairobi-2027\n")]
    assert listed[:2] == [" 1. lessons-learned: What we learned",
                          " 2. introduction: 1. Introduction"]
    assert "objectives-continued" not in "\n".join(listed)


@pytest.mark.parametrize(("args", "message"), [
    (("remove", EVENT, "nope"), "Error: the concept note of 'nairobi-2027' has no section "
                                "'nope' (it has introduction, background, "
                                "mixed-flows-to-southern-africa, objectives, "
                                "objectives-continued, methodology, participants)\n"),
    (("add", EVENT, "Objectives"),
     "Error: the concept note of 'nairobi-2027' already has a section 'objectives'\n"),
    (("move", EVENT, "objectives", "--to", "99"), "Error: position 99 is outside 1–7\n"),
])
def test_refusals_are_one_line(planned: Library, args: tuple[str, ...], message: str) -> None:
    assert run(planned, "sections", *args) == (1, message)
