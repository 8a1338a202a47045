"""`planner sections list|add|remove|move|rename`: the concept note's sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


@cli.group()
def sections() -> None:
    """The concept note's sections: list, add, remove, reorder, rename (their text is edited
    on the app's Concept note page or in the event file)."""


@sections.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the sections as JSON.")
@pass_library
@friendly
def list_sections(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's concept-note sections in order: key and heading."""
    from planner.event.concept_note import concept_note_form  # noqa: PLC0415 -- slow import

    form = concept_note_form(library.load(event_id))
    if as_json:
        echo_json(form)
        return
    for position, section in enumerate(form, 1):
        click.echo(f"{position:>2}. {section['key']}: {section['heading']}")
    if not form:
        click.echo(f"the concept note of '{event_id}' has no sections yet")


@sections.command("add")
@click.argument("event_id")
@click.argument("heading")
@click.option("--key", help="The section's key (default: made from the heading).")
@click.option("--after", help="Key of the section it follows (default: at the end).")
@pass_library
@friendly
def add(library: Library, event_id: str, heading: str, key: str | None,
        after: str | None) -> None:
    """Add a section HEADING to EVENT's concept note."""
    from planner.event.concept_note import add_section, slugify  # noqa: PLC0415 -- slow import

    key = key or slugify(heading)
    saved = library.save(add_section(library.load(event_id), heading, key=key, after=after))
    click.echo(f"added section '{key}' to {saved.id}")


@sections.command("remove")
@click.argument("event_id")
@click.argument("key")
@pass_library
@friendly
def remove(library: Library, event_id: str, key: str) -> None:
    """Remove section KEY from EVENT's concept note."""
    from planner.event.concept_note import remove_section  # noqa: PLC0415 -- slow import

    saved = library.save(remove_section(library.load(event_id), key))
    click.echo(f"removed section '{key}' from {saved.id}")


@sections.command("move")
@click.argument("event_id")
@click.argument("key")
@click.option("--to", "position", type=int, required=True, help="New position, 1 for the first.")
@pass_library
@friendly
def move(library: Library, event_id: str, key: str, position: int) -> None:
    """Move section KEY of EVENT's concept note to position --to."""
    from planner.event.concept_note import move_section  # noqa: PLC0415 -- slow import

    saved = library.save(move_section(library.load(event_id), key, to=position))
    click.echo(f"moved section '{key}' of {saved.id} to position {position}")


@sections.command("rename")
@click.argument("event_id")
@click.argument("key")
@click.argument("heading")
@pass_library
@friendly
def rename(library: Library, event_id: str, key: str, heading: str) -> None:
    """Give section KEY of EVENT's concept note the heading HEADING."""
    from planner.event.concept_note import rename_section  # noqa: PLC0415 -- slow import

    saved = library.save(rename_section(library.load(event_id), key, heading))
    click.echo(f"renamed section '{key}' of {saved.id}: {heading}")
