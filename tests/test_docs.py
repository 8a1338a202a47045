"""Documentation is tested: every command, page, document kind and field is documented."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from planner.cli import cli
from planner.documents import KINDS
from planner.record import event_file_reference
from planner.ui import PAGES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "planner") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            paths += _command_paths(command, f"{prefix} {name}")
    return paths


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    assert command in README


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_document_kind_is_in_the_readme(kind: str) -> None:
    assert f"`{kind}`" in README


@pytest.mark.parametrize("page", [p.title for p in PAGES])
def test_every_page_is_in_the_readme(page: str) -> None:
    assert f"**{page}**" in README


def test_event_file_reference_is_current() -> None:
    shipped = (ROOT / "docs" / "event-file.md").read_text(encoding="utf-8")
    assert shipped == event_file_reference(), "run: planner schema --markdown > docs/event-file.md"


def test_readme_help_block_is_current() -> None:
    # cog re-runs the block's code (`planner --help`) and compares with what is written.
    from cogapp import Cog  # noqa: PLC0415 -- only this test needs it

    code = Cog().main(["cog", "--check", str(ROOT / "README.md")])
    assert code == 0, "run: .venv/bin/cog -r README.md"


def test_readme_starts_with_the_two_commands() -> None:
    first, second = README.splitlines()[:2]
    assert (first.split()[0:2], second.split()[0:2]) == (["make", "run"], ["make", "test"])
