"""Commands over the people of an event: participants import and export, balance."""

from __future__ import annotations

from pathlib import Path

import click

from planner.balance import check_balance, measure_balance
from planner.cli import cli, echo_json, friendly, pass_library
from planner.errors import PlannerError
from planner.exports.tables import participant_table, read_upload, write_table
from planner.library import Library
from planner.participants import import_participants

__all__: list[str] = []


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    if bad := [p for p in pairs if "=" not in p]:
        raise PlannerError(f"--map '{bad[0]}': write COLUMN=field, e.g. 'Organisme=organisation'")
    return dict(pair.rsplit("=", 1) for pair in pairs)


@cli.group()
def participants() -> None:
    """The people of an event: import registration lists, export participant lists."""


@participants.command("import")
@click.argument("event_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would happen; write nothing.")
@click.option("--map", "pairs", multiple=True, metavar="COL=field",
              help="Read column COL as field (repeatable); field 'ignore' skips it.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_library
@friendly
def import_command(library: Library, *, event_id: str, file: Path, dry_run: bool,
                   pairs: tuple[str, ...], as_json: bool) -> None:
    """Import FILE (CSV or XLSX, Indico-style or plain columns) into EVENT's participants."""
    event = library.load(event_id)
    updated, report = import_participants(event, read_upload(file), name=file.name,
                                          registry=library.registry, mapping=_mapping(pairs))
    if not dry_run and updated != event:
        library.save(updated)
    if as_json:
        echo_json({**report.to_dict(), "dry_run": dry_run})
        return
    click.echo("\n".join(report.lines()))
    click.echo("dry run: nothing written" if dry_run else f"saved {library.event_path(event_id)}")


@participants.command("export")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--public", is_flag=True,
              help="Only people who consented, without contact details.")
@pass_library
@friendly
def export_command(library: Library, *, event_id: str, fmt: str, output: Path,
                   public: bool) -> None:
    """Write EVENT's participant list as CSV or XLSX; no cell can act as a formula."""
    header, rows = participant_table(library.load(event_id), library.registry, public=public)
    try:
        output.write_bytes(write_table(header, rows, fmt=fmt))
    except OSError as err:
        raise PlannerError(f"{output}: {err.strerror or err}") from None
    click.echo(f"wrote {len(rows)} participants to {output}")


@cli.command()
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print measures and warnings as JSON.")
@pass_library
@friendly
def balance(library: Library, event_id: str, as_json: bool) -> None:
    """Mix of EVENT's participants by type, region, gender, seniority, delegation; warnings."""
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
