"""`planner organisations list|add|merge`: the organisation registry every event names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import lazy_choice

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


@cli.group()
def organisations() -> None:
    """The organisation registry: list it, add an organisation or State body, merge two
    entries that are one body (every event follows)."""


@organisations.command("list")
@click.option("--type", "kind", type=lazy_choice("planner.model:OrganisationType"),
              help="Only organisations of this type.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@pass_library
@friendly
def list_organisations(library: Library, kind: str | None, as_json: bool) -> None:
    """Every registry entry (States the file lacks included, from ISO 3166)."""
    found = [org for org in library.registry.every() if kind is None or org.type == kind]
    if as_json:
        echo_json([org.model_dump(mode="json", exclude_defaults=True) for org in found])
        return
    for org in sorted(found, key=lambda o: o.id):
        click.echo(f"{org.id:<40} {org.type.value:<28} {org.name}")


@organisations.command("add")
@click.argument("org_id", metavar="ID")
@click.option("--name", required=True, help="The full name, as the body writes it.")
@click.option("--type", "kind", required=True,
              type=lazy_choice("planner.model:OrganisationType"))
@click.option("--country", help="Registry id of its State (a ministry's, an NGO's seat).")
@click.option("--acronym")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeatable).")
@pass_library
@friendly
def add(library: Library, *, org_id: str, name: str, kind: str, country: str | None,
        acronym: str | None, aliases: tuple[str, ...]) -> None:
    """Add organisation ID to the library's registry."""
    from planner.library.registry import (  # noqa: PLC0415 -- slow import
        add_organisation,
        new_organisation,
    )

    org = new_organisation(library.registry, org_id=org_id, name=name, type=kind,
                           country=country, acronym=acronym, aliases=aliases)
    add_organisation(library, org)
    click.echo(f"added {org.id} ({org.name}) to {library.path / 'organisations.yaml'}")


@organisations.command("merge")
@click.argument("keep")
@click.argument("drop")
@pass_library
@friendly
def merge(library: Library, keep: str, drop: str) -> None:
    """Merge registry entry DROP into KEEP; every event naming DROP then names KEEP."""
    from planner.library.registry import merge_organisations  # noqa: PLC0415 -- slow import

    changed = merge_organisations(library, keep=keep, drop=drop)
    click.echo(f"merged {drop} into {keep}; {len(changed)} event(s) updated"
               + (f": {', '.join(changed)}" if changed else ""))
