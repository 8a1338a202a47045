"""Commands over the programme: check it, see it as a grid, export it, publish versions of it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.output import force_option, output_option, write_output
from planner.library import Library
from planner.programme.conflicts import check_programme
from planner.programme.formats import PROGRAMME_FORMATS, export_programme
from planner.programme.grid import programme_grid
from planner.programme.versions import is_draft, publish_programme, unpublished_changes

__all__: list[str] = []


@cli.group()
def programme() -> None:
    """The programme: check it, export it to calendars and schedule apps, publish it."""


# `planner agenda` was the group's first name; scripts written for it keep working.
cli.add_command(click.Group("agenda", commands=programme.commands, hidden=True,
                            help="Another name for `planner programme`."))


@programme.command("check")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@pass_library
@friendly
def check_command(library: Library, event_id: str, as_json: bool) -> None:
    """Find people or rooms in two places at once; exit 1 when anything is wrong."""
    findings = check_programme(library.load(event_id))
    if as_json:
        echo_json([finding.to_dict() for finding in findings])
    else:
        click.echo("\n".join(map(str, findings)) if findings else "ok")
    if findings:
        sys.exit(1)


def _grid_lines(day: dict[str, Any]) -> list[str]:
    columns = ["time", *day["rooms"]]
    table = [dict(zip(columns, columns, strict=True)), *day["rows"]]
    widths = {column: max(len(row[column]) for row in table) for column in columns}
    return [day["day"], *("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip()
                          for row in table)]


@programme.command("grid")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the grid as JSON.")
@pass_library
@friendly
def grid_command(library: Library, event_id: str, as_json: bool) -> None:
    """The timetable day by day: one line per time span, one column per room."""
    days = programme_grid(library.load(event_id))
    if as_json:
        echo_json(days)
        return
    click.echo("\n\n".join("\n".join(_grid_lines(day)) for day in days)
               or f"no sessions in '{event_id}'")


@programme.command("export")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(list(PROGRAMME_FORMATS)), required=True)
@output_option("The file to write; - for standard output.")
@force_option
@click.option("--base-url", metavar="URL",
              help="The event's website, that sessions link to (default: the programme's url).")
@pass_library
@friendly
def export_command(library: Library, *, event_id: str, fmt: str, output: Path, force: bool,
                   base_url: str | None) -> None:
    """Write the programme as iCalendar (ics) or frab/pretalx schedule XML or JSON."""
    data = export_programme(library.load(event_id), format=fmt, registry=library.registry,
                            base_url=base_url)
    if written := write_output(output, data, library=library, force=force):
        click.echo(f"wrote {written}")


@programme.command("publish")
@click.argument("event_id")
@click.option("--note", help="What to say with this version.")
@pass_library
@friendly
def publish_command(library: Library, event_id: str, note: str | None) -> None:
    """Publish the programme as its next version and record what moved since the last."""
    saved = library.save(publish_programme(library.load(event_id), note=note))
    version = saved.programme.versions[-1]
    click.echo(f"published version {version.number} of {event_id}")
    click.echo("\n".join(f"  {line}" for line in version.changes))


@programme.command("versions")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_library
@friendly
def versions_command(library: Library, event_id: str, as_json: bool) -> None:
    """List the published versions with their changes, and what is not yet published."""
    event = library.load(event_id)
    pending = unpublished_changes(event) if event.programme.versions else []
    if as_json:
        echo_json({"versions": [v.model_dump(mode="json") for v in event.programme.versions],
                   "draft": is_draft(event), "unpublished_changes": pending})
        return
    for version in event.programme.versions:
        click.echo(f"version {version.number} ({version.date})"
                   + (f": {version.note}" if version.note else ""))
        click.echo("\n".join(f"  {line}" for line in version.changes))
    if not event.programme.versions:
        click.echo("draft: not published yet")
    elif pending:
        click.echo("\n".join(["not yet published:", *(f"  {line}" for line in pending)]))
