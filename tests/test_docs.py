"""Documentation is tested: every command and page is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import cli
from planner.record import event_file_reference
from planner.ui import PAGES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    assert f"planner {command}" in README


@pytest.mark.parametrize("page", [p.title for p in PAGES])
def test_every_page_is_in_the_readme(page: str) -> None:
    assert f"**{page}**" in README


def test_event_file_reference_is_current() -> None:
    shipped = (ROOT / "docs" / "event-file.md").read_text(encoding="utf-8")
    assert shipped == event_file_reference(), "run: planner schema --markdown > docs/event-file.md"


def test_readme_starts_with_the_two_commands() -> None:
    first, second = README.splitlines()[:2]
    assert (first.split()[0:2], second.split()[0:2]) == (["make", "run"], ["make", "test"])
