"""Commands over the people of an event: participants import, export, roster; balance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import lazy_choice
from planner.cli.output import force_option, output_option, refuse_stdout, write_output
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.library import Library

__all__: list[str] = []


def _mapping(pairs: tuple[str, ...], *, option: str = "--map",
             example: str = "Organisme=organisation") -> dict[str, str]:
    if bad := [p for p in pairs if "=" not in p]:
        raise PlannerError(f"{option} '{bad[0]}': write NAME=VALUE, e.g. '{example}'")
    return dict(pair.rsplit("=", 1) for pair in pairs)


@cli.group()
def participants() -> None:
    """The people of an event: import registration lists, review and edit the roster,
    export participant lists."""


@participants.command("import")
@click.argument("event_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would happen; write nothing.")
@click.option("--map", "pairs", multiple=True, metavar="COL=field",
              help="Read column COL as field (repeatable); field 'ignore' skips it.")
@click.option("--add-organisations", is_flag=True,
              help="Add every proposed organisation to the registry as proposed, and import "
                   "the people waiting on it.")
@click.option("--organisation", "taken", multiple=True, metavar="KEY=ID",
              help="Take proposal KEY as the registry's ID (or 'none'); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_library
@friendly
def import_command(library: Library, *, event_id: str, file: Path, dry_run: bool,
                   pairs: tuple[str, ...], add_organisations: bool, taken: tuple[str, ...],
                   as_json: bool) -> None:
    """Import FILE (CSV or XLSX, Indico-style or plain columns) into EVENT's participants.

    An organisation the registry lacks is proposed, not added: its people are held
    until --add-organisations or --organisation settles it."""
    from planner.library import REGISTRY_FILE  # noqa: PLC0415 -- slow import
    from planner.people.importing import import_participants  # noqa: PLC0415 -- slow import
    from planner.tables import read_upload  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    updated, report = import_participants(
        event, read_upload(file), name=file.name, registry=library.registry,
        mapping=_mapping(pairs), add_organisations=add_organisations,
        decisions=_mapping(taken, option="--organisation", example="irc=none"))
    if not dry_run and report.added:
        library.add_organisations(report.added)
    if not dry_run and updated != event:
        library.save(updated)
    if as_json:
        echo_json({**report.to_dict(), "dry_run": dry_run})
        return
    click.echo("\n".join(report.lines()))
    if dry_run:
        click.echo("dry run: nothing written")
        return
    if report.added:
        click.echo(f"added {len(report.added)} organisations to "
                   f"{library.path / REGISTRY_FILE}")
    click.echo(f"saved {library.event_path(event_id)}")


@participants.command("export")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@output_option("The file to write; - for standard output (csv).")
@force_option
@click.option("--public", is_flag=True,
              help="Only people who consented, without contact details.")
@pass_library
@friendly
def export_command(library: Library, *, event_id: str, fmt: str, output: Path, force: bool,
                   public: bool) -> None:
    """Write EVENT's participant list as CSV or XLSX; no cell can act as a formula."""
    from planner.people.lists import participant_table  # noqa: PLC0415 -- slow import
    from planner.tables import write_table  # noqa: PLC0415 -- slow import

    if fmt == "xlsx":
        refuse_stdout(output, "XLSX is not text")
    header, rows = participant_table(library.load(event_id), library.registry, public=public)
    if write_output(output, write_table(header, rows, fmt=fmt), library=library, force=force):
        click.echo(f"wrote {len(rows)} participants to {output}")


@participants.command("template")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@friendly
def template_command(*, fmt: str, output: Path) -> None:
    """Write a registration list to fill in: every heading import reads, an example row,
    and (XLSX) a sheet of the values each column accepts."""
    from planner.people.lists import template_tables  # noqa: PLC0415 -- slow import
    from planner.tables import write_table, write_workbook  # noqa: PLC0415 -- slow import

    sheets = template_tables()
    data = write_workbook(sheets) if fmt == "xlsx" else write_table(*sheets[0][1:], fmt=fmt)
    try:
        output.write_bytes(data)
    except OSError as err:
        raise PlannerError(f"{output}: {err.strerror or err}") from None
    click.echo(f"wrote the template to {output}")


def _roster_lines(rows: list[dict[str, Any]]) -> list[str]:
    width = {f: max((len(row[f]) for row in rows), default=0) for f in ("id", "name")}
    return [f"{row['id']:<{width['id']}} {row['name']:<{width['name']}} {row['status']:<9} "
            f"roles: {', '.join(row['roles']) or '-'}; delegation: {row['delegation'] or '-'}"
            f"{' (head)' if row['head'] else ''}; "
            f"{'public' if row['consent_to_publish'] else 'not public'}; "
            f"groups: {row['working_groups'] or '-'}  [{row['organisation'] or '-'}]"
            for row in rows]


@participants.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the roster as JSON.")
@pass_library
@friendly
def list_command(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's roster: each person's organisation, status, roles, delegation, consent, groups."""
    from planner.people.roster import roster_rows  # noqa: PLC0415 -- slow import

    rows = roster_rows(library.load(event_id), library.registry)
    if as_json:
        echo_json(rows)
        return
    click.echo("\n".join(_roster_lines(rows)) or f"no participants in '{event_id}'")


@participants.command("set")
@click.argument("event_id")
@click.argument("person_id")
@click.option("--status", type=lazy_choice("planner.model:InvitationStatus"),
              help="Where they stand; a change is dated in their history.")
@click.option("--role", "roles", multiple=True,
              type=lazy_choice("planner.model:ParticipantRole"),
              help="Their roles (repeatable); replaces the roles they had.")
@click.option("--delegation", metavar="ID|none",
              help="The delegation (organisation id) they belong to, or none.")
@click.option("--head/--no-head", default=None, help="Whether they head their delegation.")
@click.option("--consent/--no-consent", default=None,
              help="Whether they agree to appear on the public participant list.")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Date of a status change (default: today).")
@pass_library
@friendly
def set_command(library: Library, *, event_id: str, person_id: str, status: str | None,
                roles: tuple[str, ...], delegation: str | None, head: bool | None,
                consent: bool | None, on: dt.datetime | None) -> None:
    """Change PERSON's row of EVENT's roster, as the roster table of the app does; save."""
    from planner.people.roster import change_person, roster_rows  # noqa: PLC0415 -- slow import

    changes = {"status": status, "roles": list(roles) or None, "head": head,
               "consent_to_publish": consent, "delegation": delegation}
    changed = change_person(library.load(event_id), library.registry, person_id, changes,
                            today=on.date() if on else dt.date.today())
    saved = library.save(changed)
    click.echo(f"updated {person_id} in {saved.id} (revision {saved.revision})")
    click.echo(_roster_lines([r for r in roster_rows(saved, library.registry)
                              if r["id"] == person_id])[0])


@cli.command()
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print measures and warnings as JSON.")
@pass_library
@friendly
def balance(library: Library, event_id: str, as_json: bool) -> None:
    """Mix of EVENT's participants by type, region, gender, seniority, delegation; warnings."""
    from planner.people.balance import (  # noqa: PLC0415 -- slow import
        check_balance,
        measure_balance,
    )

    event = library.load(event_id)
    scopes, findings = measure_balance(event, library.registry), check_balance(
        event, library.registry)
    if as_json:
        echo_json({"balance": scopes, "findings": [f.to_dict() for f in findings]})
        return
    for scope in scopes:
        click.echo(f"{scope['scope']} {scope['ref']}: {scope['total']} people")
        for dimension, row in scope["counts"].items():
            cells = ", ".join(f"{k} {n} ({scope['shares'][dimension][k]:.0%})"
                              for k, n in row.items())
            click.echo(f"  {dimension:<17} {cells}")
    for finding in findings:
        click.echo(f"warning: {finding}")
