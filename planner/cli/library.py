"""Commands over the library: list, show, validate, schema, compare, coverage, format."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library, pass_library_folder
from planner.cli.lazy import lazy_choice
from planner.errors import Problem, ValidationFailed

if TYPE_CHECKING:
    from planner.library import Library
    from planner.model import Event

__all__: list[str] = []

@cli.command("list")
@click.option("--kind", type=lazy_choice("planner.model:EventKind"))
@click.option("--region", help="Part of the region's name.")
@click.option("--year", type=int)
@click.option("--point", "action_point", type=click.IntRange(1, 10), help="Action point 1–10.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library_folder
@friendly
def list_events(folder: Path, *, kind: str | None, region: str | None, year: int | None,
                action_point: int | None, as_json: bool) -> None:
    """List the events of the library, optionally filtered.

    The rows are kept in a memo ($PLANNER_CACHE, else ~/.cache/planner) and used while
    no file of the library has changed; any change loads and checks every event again.
    """
    from planner.library.table import library_table  # noqa: PLC0415 -- light, no model

    # The folder, not the Library: while no file has changed since the last listing, the
    # rows come from a memo and the model is never imported.
    rows = library_table(folder, kind=kind, region=region, year=year,
                         action_point=action_point)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['id']:<24} {row['start']}  {row['kind']:<20} {row['title']}")


@cli.command()
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the full record as JSON.")
@pass_library
@friendly
def show(library: Library, event_id: str, as_json: bool) -> None:
    """Show the canonical record of EVENT."""
    from planner.event.record import event_as_json  # noqa: PLC0415 -- slow import
    from planner.event.steps import next_step  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    if as_json:
        echo_json(event_as_json(event, library.registry))
        return
    click.echo(f"{event.title}\n{event.city}, {library.registry[event.country].display_name}, "
               f"{event.start} – {event.end} ({event.kind.label})")
    for role in event.organisers:
        name = library.registry[role.organisation].display_name
        click.echo(f"  {role.role.label:<24} {name}  [{role.source.value}]")
    for label, items in (("organiser roles", event.organisers),
                         ("sessions", event.sessions),
                         ("working groups", event.working_groups),
                         ("recommendations", event.recommendations),
                         ("follow-up items", event.follow_up)):
        click.echo(f"  {len(items):>4} {label}")
    step = next_step(event)
    click.echo(f"Next step ({step.area}): {step.text}")


def _home(library: Library, path: Path) -> Library:
    from planner.library import REGISTRY_FILE, Library  # noqa: PLC0415 -- slow import

    # A file in a library folder is checked against that folder's registry; a stray one
    # (an event file copied elsewhere) against the registry of --library.
    beside = Library(path.parent)
    return beside if (beside.path / REGISTRY_FILE).is_file() else library


def _problems_in(library: Library, paths: tuple[Path, ...]) -> list[Problem]:
    from planner.library import (  # noqa: PLC0415 -- slow import
        INITIATIVES_FILE,
        REGISTRY_FILE,
        Library,
    )
    from planner.library.store import (  # noqa: PLC0415 -- slow import
        load_event,
        load_initiatives,
        load_registry,
    )

    if not paths:
        return library.validate()
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            problems += Library(path).validate()
            continue
        try:
            if path.name == REGISTRY_FILE:
                load_registry(path)
            elif path.name == INITIATIVES_FILE:
                load_initiatives(path, _home(library, path).registry)
            else:
                load_event(path, _home(library, path).registry)
        except ValidationFailed as failure:
            problems += failure.problems
    return problems


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@pass_library
@friendly
def validate(library: Library, paths: tuple[Path, ...]) -> None:
    """Check event files or library folders; print file:line:column: message."""
    problems = _problems_in(library, paths)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        sys.exit(1)
    click.echo("ok")


@cli.command()
@click.option("--markdown", is_flag=True, help="Print the field reference as Markdown.")
def schema(markdown: bool) -> None:
    """Print the JSON Schema of an event file (for editor completion)."""
    from planner.event.record import (  # noqa: PLC0415 -- slow import
        event_file_reference,
        event_schema,
    )

    if markdown:
        click.echo(event_file_reference(), nl=False)
        return
    echo_json(event_schema())


@cli.command()
@click.argument("left_id")
@click.argument("right_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
def compare(library: Library, left_id: str, right_id: str, as_json: bool) -> None:
    """Set two events side by side: organisers, countries, groups, outcomes."""
    from planner.library.compare import compare_events  # noqa: PLC0415 -- slow import

    rows = compare_events(library.load(left_id), library.load(right_id), library.registry)
    if as_json:
        echo_json([{"aspect": r.aspect, left_id: r.left, right_id: r.right} for r in rows])
        return
    for row in rows:
        click.echo(f"== {row.aspect}")
        for left, right in itertools.zip_longest(row.left, row.right, fillvalue=""):
            click.echo(f"  {left[:48]:<48}  {right[:48]}")


@cli.command("coverage")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
def coverage_table(library: Library, as_json: bool) -> None:
    """The ten action points × events: working groups / recommendations on each."""
    from planner.library import coverage  # noqa: PLC0415 -- slow import
    from planner.model import ACTION_POINTS  # noqa: PLC0415 -- slow import

    events: list[Event] = list(library.events())
    table = coverage(events)
    if as_json:
        echo_json({str(k): {e: {"working_groups": g, "recommendations": r}
                             for e, (g, r) in v.items()} for k, v in table.items()})
        return
    click.echo(f"{'':2} {'action point':<30} " + "  ".join(f"{e.id[:14]:>14}" for e in events))
    for point, row in table.items():
        cells = "  ".join(f"{f'{g} wg / {r} rec':>14}" for g, r in row.values())
        click.echo(f"{point:>2} {ACTION_POINTS[point].name[:30]:<30} {cells}")


@cli.command("format")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_library
@friendly
def format_files(library: Library, paths: tuple[Path, ...]) -> None:
    """Rewrite event files in the canonical layout (validates first; drops comments)."""
    from planner.library import REGISTRY_FILE, Library  # noqa: PLC0415 -- slow import
    from planner.library.store import reformat  # noqa: PLC0415 -- slow import

    for path in paths or tuple(map(library.event_path, library.event_ids())):
        registry = None if path.name == REGISTRY_FILE else Library(path.parent).registry
        if reformat(path, registry):
            click.echo(f"formatted {path}")
