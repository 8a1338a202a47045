"""Commands over the organisers' working library: `init`, `history`, `diff`, `restore` and
`sync` (sharing it with the other offices through git)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@friendly
def init(folder: Path) -> None:
    """Make FOLDER a working library: the registry and initiatives copied, a git repository.

    Its events start from the shipped ones (`planner --library FOLDER new ID --from EVENT`);
    every save is a commit of its history.
    """
    from planner.library import history  # noqa: PLC0415 -- slow import
    from planner.library.working import init_library  # noqa: PLC0415 -- slow import

    library = init_library(folder)
    kept = "with its history in git" if history.is_repository(library.path) else (
        "without history (git is not installed)")
    click.echo(f"created the library {library.path}, {kept}")


def _conflict_lines(library: Library, event_id: str) -> list[str]:
    from planner.library.sync import conflict_of  # noqa: PLC0415 -- slow import

    conflict = conflict_of(library.path, event_id)
    if conflict is None:
        return []
    return [f"'{event_id}' is in conflict with {conflict.other.author}'s version "
            f"({conflict.remote}): {len(conflict.parts)} part(s) to choose in the app's "
            "History page", *(f"  {part}" for part in conflict.parts)]


@cli.command("history")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
def history_of(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's saves, newest first: revision, date, author and what changed."""
    from planner.library import history  # noqa: PLC0415 -- slow import
    from planner.library.sync import conflict_of  # noqa: PLC0415 -- slow import

    path = library.event_path(event_id)
    library.load(event_id)  # an unknown event is named, with the known ones
    found = history.revisions(library.path, path)
    if as_json:
        conflict = conflict_of(library.path, event_id)
        echo_json({"event": event_id, "revisions": [r.to_dict() for r in found],
                   "conflict": conflict.to_dict() if conflict else None})
        return
    if not found and not history.is_repository(library.path):
        click.echo(f"{library.path} keeps no history: it is not a git repository "
                   "(`planner init DIR` makes a library that does)")
    for entry in found:
        number = "" if entry.revision is None else entry.revision
        click.echo(f"{number:>4}  {entry.date:%Y-%m-%d %H:%M}  {entry.short}  "
                   f"{entry.author:<20}  {entry.message}")
    for line in _conflict_lines(library, event_id):
        click.echo(line)


@cli.command("diff")
@click.argument("event_id")
@click.argument("old")
@click.argument("new", required=False)
@pass_library
@friendly
def diff_revisions(library: Library, event_id: str, old: str, new: str | None) -> None:
    """What changed in EVENT from revision OLD to NEW (to the file as it is, without NEW),
    by section: added, removed, changed. A revision is its number or a commit id."""
    from planner.library import history  # noqa: PLC0415 -- slow import

    changes = history.diff(library.path, library.event_path(event_id), old, new)
    for change in changes:
        click.echo(str(change))
    if not changes:
        click.echo(f"no change from revision {old} to {new or 'now'}")


@cli.command("restore")
@click.argument("event_id")
@click.argument("revision")
@pass_library
@friendly
def restore_revision(library: Library, event_id: str, revision: str) -> None:
    """Save EVENT again with the content of REVISION, as a new revision (nothing in the
    history is rewritten)."""
    from planner.library.working import restore  # noqa: PLC0415 -- slow import

    saved = restore(library, event_id, revision)
    click.echo(f"restored revision {revision} of '{event_id}' as revision {saved.revision} "
               f"({library.event_path(event_id)})")


@cli.command("sync")
@click.argument("remote", required=False, default="origin")
@pass_library
@friendly
def sync_library(library: Library, remote: str) -> None:
    """Bring the library together with REMOTE (default: origin): fetch, merge, push.

    Edits to different events, or to different parts of one event, merge without a
    question; a part both offices changed is never settled silently: both versions are
    kept, the event is in conflict, and the app's History page chooses part by part.
    REMOTE is a remote of the repository or any git address (a shared folder, a server).
    """
    from planner.library.sync import sync  # noqa: PLC0415 -- slow import

    report = sync(library.path, remote)
    for line in report.lines():
        click.echo(line)
    for event_id in report.in_conflict:
        for line in _conflict_lines(library, event_id):
            click.echo(line)
