"""Commands over one event of its own: `new` (started from a past one) and `concept-note`
(its sections and the parts the record writes)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import lazy_choice

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []

# How the paragraph styles of a document context read as plain text.
_INDENT = {"bullet": "  - ", "bullet2": "      - "}


def _section_lines(section: dict[str, str]) -> list[str]:
    items = section["items"].splitlines()
    return [f"## {section['heading']}  [{section['key']}]", *section["text"].rstrip().splitlines(),
            *(f"  {n}. {item}" for n, item in enumerate(items, 1)), ""]


def _part_lines(part: dict[str, Any]) -> list[str]:
    return [f"## {part['part']}  (from {part['source']})",
            *(_INDENT.get(line["style"], "") + line["text"] for line in part["lines"]), ""]


@cli.command("concept-note")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the sections and parts as JSON.")
@pass_library
@friendly
def concept_note(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's concept note: each section as written, then the parts written from the record.

    The sections are edited in the event file's `concept_note` (or on the app's Concept
    note page); the generated parts change with the record they come from.
    """
    from planner.documents.concept_note import generated_parts  # noqa: PLC0415 -- slow import
    from planner.event.concept_note import concept_note_form  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    sections, parts = concept_note_form(event), generated_parts(event, library.registry)
    if as_json:
        echo_json({"sections": sections, "generated": parts})
        return
    lines = [line for section in sections for line in _section_lines(section)]
    click.echo("\n".join(lines or [f"no concept note sections in '{event_id}'", ""]))
    click.echo("# Written from the record (edit the record, not these)\n")
    click.echo("\n".join(line for part in parts for line in _part_lines(part)).rstrip())


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
