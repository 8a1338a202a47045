"""Documentation is tested: every command, page, document kind and field is in docs/."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from planner.cli import cli
from planner.documents import KINDS
from planner.event.record import event_file_reference
from planner.ui import PAGES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
GUIDES = sorted(DOCS.glob("*.md"))
GUIDE = "\n".join(path.read_text(encoding="utf-8") for path in GUIDES)
README_LIMIT = 8192

# Pages whose generated blocks cog re-runs and compares with what is written.
COGGED = ("docs/cli.md", "docs/groups.md")

# A markdown link's target: `[text](target)`, up to a space, a title or the bracket.
LINK = re.compile(r"\]\(([^)\s]+)")
# A target with a scheme (https:, mailto:) or only an anchor is not a file of ours.
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|#)", re.IGNORECASE)
BACKTICKED = re.compile(r"`([^`]+)`")

ARCHITECTURE = DOCS / "architecture.md"
CHANGES_TABLE = "## Where does my change go"
# The changes the architecture page must place (issue 12).
CHANGES = (
    "add a document kind",
    "recognise a new CSV column name",
    "warn when a working group has no woman",
    "change a solver weight",
    "add a programme conflict kind",
    "add a programme export format",
    "change when a follow-up item is overdue",
    "add a participant field",
    "change how a new event copies working groups",
    "add a network measure",
    "change how `III (v)` is parsed",
    "add an app page",
)


def _command_paths(group: click.Group, prefix: str = "planner") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            paths += _command_paths(command, f"{prefix} {name}")
    return paths


def _links() -> list[tuple[str, str]]:
    """Every relative link of README.md and docs/*.md, as (page, target without anchor)."""
    found = []
    for page in [README_PATH, *GUIDES]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if not EXTERNAL.match(target):
                found.append((page.relative_to(ROOT).as_posix(), target.split("#")[0]))
    return found


def _change_rows() -> list[list[str]]:
    """The rows of the architecture page's "where does my change go" table, as cells."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split(CHANGES_TABLE, 1)[1].split("\n#", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.startswith("|")]
    return rows[2:]  # without the header and the |---| line


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_cli_command_is_in_the_docs(command: str) -> None:
    assert command in GUIDE


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_document_kind_is_in_the_paperwork_guide(kind: str) -> None:
    assert f"`{kind}`" in (DOCS / "paperwork.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [p.title for p in PAGES])
def test_every_page_is_in_the_app_guide(page: str) -> None:
    assert f"**{page}**" in (DOCS / "app.md").read_text(encoding="utf-8")


def test_event_file_reference_is_current() -> None:
    shipped = (DOCS / "event-file.md").read_text(encoding="utf-8")
    assert shipped == event_file_reference(), "run: planner schema --markdown > docs/event-file.md"


@pytest.mark.parametrize("page", COGGED)
def test_generated_blocks_are_current(page: str) -> None:
    # cog re-runs each block's code (the commands' --help, the solver's weights) and
    # compares its output with what is written.
    from cogapp import Cog  # noqa: PLC0415 -- only this test needs it

    code = Cog().main(["cog", "--check", str(ROOT / page)])
    assert code == 0, f"run: .venv/bin/cog -r {page}"


def test_readme_starts_with_the_two_commands() -> None:
    first, second = README.splitlines()[:2]
    assert (first.split()[0:2], second.split()[0:2]) == (["make", "run"], ["make", "test"])


def test_readme_is_a_landing_page() -> None:
    size = len(README_PATH.read_bytes())
    assert size < README_LIMIT, f"README.md is {size} bytes; move detail to docs/"


@pytest.mark.parametrize(("page", "target"), _links())
def test_every_relative_link_leads_to_a_file(page: str, target: str) -> None:
    assert ((ROOT / page).parent / target).exists(), f"{page}: no file at {target}"


@pytest.mark.parametrize("row", _change_rows(), ids=lambda row: row[0])
def test_every_change_names_an_existing_file(row: list[str]) -> None:
    change, where = row[0], row[1]
    paths = BACKTICKED.findall(where)
    assert paths, f"{change}: no `path` in the file column"
    assert (ROOT / paths[0]).exists(), f"{change}: no file or folder {paths[0]}"


@pytest.mark.parametrize("change", CHANGES)
def test_architecture_places_each_change(change: str) -> None:
    assert change in [row[0] for row in _change_rows()]
