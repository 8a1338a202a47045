"""Commands over the programme: build it, check it, see it as a grid, export it, publish versions
of it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import lazy_choice
from planner.cli.output import force_option, output_option, write_output

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


@cli.group()
def programme() -> None:
    """The programme: build it, check it, export it to calendars and schedule apps, publish it."""


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
    from planner.programme.conflicts import check_programme  # noqa: PLC0415 -- slow import

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
    from planner.programme.grid import programme_grid  # noqa: PLC0415 -- slow import

    days = programme_grid(library.load(event_id))
    if as_json:
        echo_json(days)
        return
    click.echo("\n\n".join("\n".join(_grid_lines(day)) for day in days)
               or f"no sessions in '{event_id}'")


@programme.command("export")
@click.argument("event_id")
@click.option("--format", "fmt", type=lazy_choice("planner.programme.formats:PROGRAMME_FORMATS"),
              required=True)
@output_option("The file to write; - for standard output.")
@force_option
@click.option("--base-url", metavar="URL",
              help="The event's website, that sessions link to (default: the programme's url).")
@pass_library
@friendly
def export_command(library: Library, *, event_id: str, fmt: str, output: Path, force: bool,
                   base_url: str | None) -> None:
    """Write the programme as iCalendar (ics) or frab/pretalx schedule XML or JSON."""
    from planner.programme.formats import export_programme  # noqa: PLC0415 -- slow import

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
    from planner.programme.versions import publish_programme  # noqa: PLC0415 -- slow import

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
    from planner.programme.versions import (  # noqa: PLC0415 -- slow import
        is_draft,
        unpublished_changes,
    )

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


# The commands below build the programme; each refusal is a one-line PlannerError.
_WHO = ("a participant id of the roster, else the name of someone from outside (marked to "
        "be confirmed); repeatable")


@programme.command("add")
@click.argument("event_id")
@click.option("--title", required=True, help="The session's title as the programme prints it.")
@click.option("--kind", required=True, metavar="KIND",
              help="plenary, working-groups, reporting-back, break, social or registration.")
@click.option("--day", type=int, required=True, help="1 for the first day, 0 for the eve.")
@click.option("--start", metavar="HH:MM", help="Clock time it starts (with --end).")
@click.option("--end", metavar="HH:MM", help="Clock time it ends.")
@click.option("--block", metavar="BLOCK",
              help="morning, afternoon or evening, instead of clock times.")
@click.option("--room", help="Id or name of one of the event's rooms.")
@click.option("--chair", "chairs", multiple=True, metavar="WHO", help=f"A chair: {_WHO}.")
@click.option("--speaker", "speakers", multiple=True, metavar="WHO", help=f"A speaker: {_WHO}.")
@click.option("--round", "round_", type=int, metavar="N",
              help="With --kind working-groups: every working group of round N meets here.")
@click.option("--group", "groups", multiple=True, metavar="WG",
              help="With --kind working-groups: this working group meets here (with --round N, "
                   "it joins round N); repeatable.")
@pass_library
@friendly
def add_command(library: Library, *, event_id: str, title: str, kind: str, day: int,
                start: str | None, end: str | None, block: str | None, room: str | None,
                chairs: tuple[str, ...], speakers: tuple[str, ...], round_: int | None,
                groups: tuple[str, ...]) -> None:
    """Add a session to the programme and print its new id (`d2-closing`)."""
    from planner.programme.builder import (  # noqa: PLC0415 -- slow import
        add_session,
        new_session_id,
    )

    event = library.load(event_id)
    session_id = new_session_id(event, day=day, title=title, kind=kind)
    library.save(add_session(event, kind=kind, title=title, day=day, start=start, end=end,
                             block=block, room=room, chairs=chairs, speakers=speakers,
                             round=round_, groups=groups or None, session_id=session_id))
    click.echo(session_id)


@programme.command("move")
@click.argument("event_id")
@click.argument("session_id")
@click.option("--day", type=int, help="1 for the first day, 0 for the eve.")
@click.option("--start", metavar="HH:MM", help="New start; alone, the session keeps its length.")
@click.option("--end", metavar="HH:MM", help="New end.")
@click.option("--block", metavar="BLOCK", help="morning, afternoon or evening, instead of times.")
@click.option("--room", help="Id or name of one of the event's rooms.")
@pass_library
@friendly
def move_command(library: Library, *, event_id: str, session_id: str, day: int | None,
                 start: str | None, end: str | None, block: str | None,
                 room: str | None) -> None:
    """Move a session to another day, time or room; what is not given stays."""
    from planner.programme.builder import move_session  # noqa: PLC0415 -- slow import
    from planner.programme.placement import describe_placement  # noqa: PLC0415 -- slow import

    saved = library.save(move_session(library.load(event_id), session_id, day=day,
                                      start=start, end=end, block=block, room=room))
    moved = next(session for session in saved.sessions if session.id == session_id)
    click.echo(f"moved {session_id} to {describe_placement(moved)}")


@programme.command("remove")
@click.argument("event_id")
@click.argument("session_id")
@pass_library
@friendly
def remove_command(library: Library, event_id: str, session_id: str) -> None:
    """Remove a session from the programme."""
    from planner.programme.builder import remove_session  # noqa: PLC0415 -- slow import

    library.save(remove_session(library.load(event_id), session_id))
    click.echo(f"removed {session_id} from {event_id}")


@programme.command("rooms")
@click.argument("event_id")
@click.option("--add", "room_id", metavar="ID", help="Add a room with this id (`room-b`).")
@click.option("--name", help="With --add: the room's name as the programme prints it.")
@click.option("--capacity", type=int, help="With --add: how many people it seats.")
@pass_library
@friendly
def rooms_command(library: Library, event_id: str, room_id: str | None, name: str | None,
                  capacity: int | None) -> None:
    """List the rooms of the venue, or add one with --add ID --name N [--capacity C]."""
    from planner.programme.rooms import add_room, room_rows  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    if room_id is None and (name is not None or capacity is not None):
        raise click.UsageError("--name and --capacity go with --add ID")
    if room_id is not None:
        if name is None:
            raise click.UsageError("--add ID needs --name N")
        event = library.save(add_room(event, room_id=room_id, name=name, capacity=capacity))
        click.echo(f"added room {room_id} to {event_id}")
    click.echo("\n".join(map(_room_line, room_rows(event))) or f"no rooms in '{event_id}' yet")


def _room_line(row: dict[str, Any]) -> str:
    seats = f", {row['capacity']} seats" if row["capacity"] else ""
    return f"{row['id']}: {row['name']}{seats}, used by {row['sessions']} session(s)"
