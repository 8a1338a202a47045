"""`planner new`: an event started from a past one (its concept note has its own module,
`planner.cli.concept_note`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from planner.cli import cli, friendly, pass_library
from planner.cli.lazy import lazy_choice

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []

@cli.command()
@click.argument("new_id")
@click.option("--from", "source_id", required=True, help="The event to start from.")
@click.option("--title")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="First day, YYYY-MM-DD.")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Last day, YYYY-MM-DD.")
@click.option("--city")
@click.option("--country", help="Registry id of the host State.")
@click.option("--timezone", help="IANA time zone of the venue, when the country has several.")
@click.option("--parts", multiple=True, type=lazy_choice("planner.event.new:PARTS"),
              help="Parts to copy (repeatable; default: all structural parts).")
@click.option("--dry-run", is_flag=True, help="Show what would be created; write nothing.")
@pass_library
@friendly
def new(library: Library, *, new_id: str, source_id: str, title: str | None,
        start: dt.datetime | None, end: dt.datetime | None, city: str | None,
        country: str | None, timezone: str | None, parts: tuple[str, ...],
        dry_run: bool) -> None:
    """Start NEW_ID from a past event: keep its structure, change the rest."""
    from planner.event.new import (  # noqa: PLC0415 -- slow import
        PARTS,
        clone_event,
        describe_new_event,
    )
    from planner.library.working import load_template  # noqa: PLC0415 -- slow import

    source = load_template(library, source_id)  # the library's events, then the shipped ones
    event = clone_event(source, new_id=new_id, title=title, city=city, country=country,
                        timezone=timezone,
                        start=start.date() if start else None,
                        end=end.date() if end else None, parts=parts or PARTS,
                        registry=library.registry)
    if dry_run:
        click.echo("\n".join(describe_new_event(event, library.registry)))
        return
    saved = library.create(event)
    click.echo(f"created {library.event_path(saved.id)}")
