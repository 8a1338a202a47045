"""`planner recommendations list|add|remove|move`: the recommendations an event adopts."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


@cli.group()
def recommendations() -> None:
    """The recommendations an event adopts: list, add (one, or a pasted numbered block),
    remove, reorder; each shown with the reference an action plan cites."""


@recommendations.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@pass_library
@friendly
def list_recommendations(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's recommendations in order, each with its reference (`III (v)`)."""
    from planner.outcomes.recommendations import recommendation_rows  # noqa: PLC0415 -- slow import

    rows = recommendation_rows(library.load(event_id))
    if as_json:
        echo_json(rows)
        return
    width = max((len(row["ref"]) for row in rows), default=1)
    for row in rows:
        group = f" [{row['working_group']}]" if row["working_group"] else ""
        click.echo(f"{row['ref']:<{width}}  {row['text']}{group}")
    if not rows:
        click.echo(f"'{event_id}' has no recommendations yet")


@recommendations.command("add")
@click.argument("event_id")
@click.argument("text", required=False)
@click.option("--section", help="Section number or title as the organisers number them (III).")
@click.option("--label", help="Item label (i, ii, a, 1…); none for a plain bullet.")
@click.option("--group", "working_group", help="Id of the working group that adopted it.")
@click.option("--points", help="Action points of the 10-Point Plan, e.g. 1,5.")
@click.option("--to", "addressed_to", multiple=True, help="Registry id it is addressed to.")
@click.option("--parent", help="Reference of the item this one belongs to.")
@click.option("--paste", type=click.File(encoding="utf-8"),
              help="A file (- for standard input) of numbered items: one recommendation each.")
@pass_library
@friendly
def add(library: Library, *, event_id: str, text: str | None, section: str | None,
        label: str | None, working_group: str | None, points: str | None,
        addressed_to: tuple[str, ...], parent: str | None, paste: IO[str] | None) -> None:
    """Add TEXT as a recommendation of EVENT (or every item of `--paste`)."""
    from planner.outcomes.recommendations import (  # noqa: PLC0415 -- slow import
        add_recommendation,
        add_recommendations,
    )

    event = library.load(event_id)
    if paste is not None:
        changed = add_recommendations(event, paste.read(), section=section,
                                      working_group=working_group, registry=library.registry)
    else:
        numbers = [int(p) for p in (points or "").replace(" ", "").split(",") if p.isdigit()]
        changed = add_recommendation(event, text=text or "", section=section, label=label,
                                     working_group=working_group, action_points=numbers,
                                     addressed_to=addressed_to, parent=parent,
                                     registry=library.registry)
    saved = library.save(changed)
    added = saved.recommendations[len(event.recommendations):] if paste else [
        r for r in saved.recommendations if r.text == " ".join((text or "").split())][-1:]
    click.echo(f"added {', '.join(r.ref for r in added)} to {saved.id} "
               f"({len(saved.recommendations)} recommendations)")


@recommendations.command("remove")
@click.argument("event_id")
@click.argument("ref")
@pass_library
@friendly
def remove(library: Library, event_id: str, ref: str) -> None:
    """Remove recommendation REF (and its sub-items) from EVENT."""
    from planner.outcomes.recommendations import (  # noqa: PLC0415 -- slow import
        remove_recommendation,
    )

    saved = library.save(remove_recommendation(library.load(event_id), ref))
    click.echo(f"removed {ref} from {saved.id} ({len(saved.recommendations)} left)")


@recommendations.command("move")
@click.argument("event_id")
@click.argument("ref")
@click.option("--to", "position", type=int, required=True, help="New position, 1 for the first.")
@pass_library
@friendly
def move(library: Library, event_id: str, ref: str, position: int) -> None:
    """Move recommendation REF of EVENT to position --to."""
    from planner.outcomes.recommendations import move_recommendation  # noqa: PLC0415 -- slow import

    saved = library.save(move_recommendation(library.load(event_id), ref, to=position))
    click.echo(f"moved {ref} of {saved.id} to position {position}")
