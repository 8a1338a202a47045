"""Commands over the record of one event: `organisers` (who convenes, hosts, co-organises…)
and `invitations` (who is invited, by category, and where each invitation stands)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import LazyOption
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.library import Library
    from planner.model import Event, Invitee, Registry

__all__: list[str] = []

_SOURCE_HELP = ("The document that states it: editor (the organisers' own) or one the event "
                "lists, such as concept-note or summary-report.")
_DATE = click.DateTime(["%Y-%m-%d"])


def _saved(library: Library, event: Event) -> str:
    saved = library.save(event)
    return f"saved {library.event_path(saved.id)} (revision {saved.revision})"


def _named(org: str, registry: Registry) -> str:
    return f"{registry[org].display_name} ({org})" if org in registry else org


@cli.group()
def organisers() -> None:
    """Who convenes, hosts, co-organises, funds… an event, one role per source document.

    A role the organisers set has the source `editor`; a past event keeps each role
    with the document that states it (`--source concept-note`)."""


def _organiser_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for source in dict.fromkeys(r["source"] for r in rows):
        lines.append(f"{source}:")
        lines += [f"  {r['role']:<24} {r['name']} ({r['organisation']})"
                  + (f" — {r['note']}" if r["note"] else "")
                  for r in rows if r["source"] == source]
    return lines


@organisers.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the roles as JSON.")
@pass_library
@friendly
def organisers_list(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's organiser roles, by the source document that states them."""
    from planner.event.organisers import organiser_rows  # noqa: PLC0415 -- slow import

    rows = organiser_rows(library.load(event_id), library.registry)
    if as_json:
        echo_json(rows)
        return
    click.echo("\n".join(_organiser_lines(rows)) or f"no organiser roles in '{event_id}'")


@organisers.command("add")
@click.argument("event_id")
@click.argument("organisation", metavar="ORG")
@click.option("--role", required=True, metavar="ROLE", cls=LazyOption, help="One of: {}.",
              help_values=["planner.event.organisers:ROLES"])
@click.option("--source", default="editor", show_default=True, metavar="SOURCE",
              help=_SOURCE_HELP)
@click.option("--note", help="Where the role comes from, in a few words.")
@pass_library
@friendly
def organisers_add(library: Library, *, event_id: str, organisation: str, role: str,
                   source: str, note: str | None) -> None:
    """Give ORG (a registry id) the role ROLE in EVENT; save."""
    from planner.event.organisers import add_organiser  # noqa: PLC0415 -- slow import

    event = add_organiser(library.load(event_id), organisation, role, source=source,
                          note=note, registry=library.registry)
    added = event.organisers[-1]
    click.echo(f"{_named(organisation, library.registry)} is {added.role.value} of "
               f"{event_id} ({added.source.value}); {_saved(library, event)}")


@organisers.command("remove")
@click.argument("event_id")
@click.argument("organisation", metavar="ORG")
@click.option("--role", metavar="ROLE", help="The role to take away (default: every role the "
                                             "source gives the organisation).")
@click.option("--source", default="editor", show_default=True, metavar="SOURCE",
              help=_SOURCE_HELP)
@pass_library
@friendly
def organisers_remove(library: Library, *, event_id: str, organisation: str,
                      role: str | None, source: str) -> None:
    """Take ORG's role ROLE in EVENT away (without --role: every role the source gives it);
    save."""
    from planner.event.organisers import remove_organiser  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    changed = remove_organiser(event, organisation, role=role, source=source,
                               registry=library.registry)
    gone = [r.role.value for r in event.organisers if r not in changed.organisers]
    click.echo(f"{_named(organisation, library.registry)} is no longer {' or '.join(gone)} of "
               f"{event_id}; {_saved(library, changed)}")


def _status_of(entry: Invitee) -> str:
    since = f" since {entry.since.isoformat()}" if entry.since else ""
    return f"{entry.status.value if entry.status else 'no status'}{since}"


@cli.group()
def invitations() -> None:
    """Who is invited to an event, by category, and where each invitation stands.

    Categories: governments (each with its delegate quota), regional organisations,
    donors, international organisations, civil society, academia, other. Statuses:
    to-invite, invited, accepted, declined, each with the date it was set."""


def _invitee_line(row: dict[str, Any]) -> str:
    since = row["since"].isoformat() if row["since"] else ""
    name = f"{row['name']} ({row['organisation']})" if row["organisation"] else row["name"]
    extras = [f"quota {row['quota']}" if row["quota"] else "",
              "observer" if row["observer"] else "",
              row["source"] if row["source"] != "editor" else ""]
    more = ", ".join(filter(None, extras))
    return f"  {row['status'] or '-':<10} {since:<10}  {name}" + (f"  [{more}]" if more else "")


def _summary_line(part: dict[str, Any]) -> str:
    from planner.event.invitations import STATUSES  # noqa: PLC0415 -- slow import

    counts = ", ".join(f"{s} {part[s]}" for s in (*STATUSES, "untracked") if part[s])
    quota = (f"; delegate quota {part['default_quota']} unless one is given"
             if "default_quota" in part else "")
    return f"{part['label']}: {part['invitees']} ({counts}){quota}"


@invitations.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True,
              help="Print the categories (with counts by status) and the invitations as JSON.")
@pass_library
@friendly
def invitations_list(library: Library, event_id: str, as_json: bool) -> None:
    """EVENT's invitation list by category: each invitee's status, its date, its quota."""
    from planner.event.invitation_table import invitation_rows  # noqa: PLC0415 -- slow import
    from planner.event.invitations import invitation_summary  # noqa: PLC0415 -- slow import

    event = library.load(event_id)
    rows, summary = invitation_rows(event, library.registry), invitation_summary(event)
    if as_json:
        echo_json({"categories": summary, "invitations": rows})
        return
    lines = []
    for part in summary:
        lines.append(_summary_line(part))
        lines += [_invitee_line(r) for r in rows if r["category"] == part["category"]]
    click.echo("\n".join(lines) or f"no invitations in '{event_id}'")


@invitations.command("add")
@click.argument("event_id")
@click.argument("organisations", metavar="ORG...", nargs=-1)
@click.option("--region", "regions", multiple=True, metavar="REGION",
              help="Also invite every State of this UN M49 region, sub-region or "
                   "intermediate region, e.g. \"Eastern Africa\" (repeatable).")
@click.option("--category", metavar="C",
              cls=LazyOption, help="One of: {} (default: from the registry's type).",
              help_values=["planner.event.invitations:CATEGORIES"])
@click.option("--quota", type=int, metavar="N",
              help="Delegates each government is invited to send (default: the event's "
                   "delegate quota, 2–3).")
@click.option("--date", "on", type=_DATE, metavar="YYYY-MM-DD",
              help="Date of the status to-invite (default: today).")
@click.option("--source", default="editor", show_default=True, metavar="SOURCE",
              help=_SOURCE_HELP)
@pass_library
@friendly
def invitations_add(library: Library, *, event_id: str, organisations: tuple[str, ...],
                    regions: tuple[str, ...], category: str | None, quota: int | None,
                    on: dt.datetime | None, source: str) -> None:
    """Invite organisations and States to EVENT, and every State of each --region; save.

    ORG... are registry ids; each starts at status to-invite, dated. States of a region
    that are on the list already are left as they are."""
    from planner.event.invitations import add_invitations  # noqa: PLC0415 -- slow import
    from planner.event.regions import is_region  # noqa: PLC0415 -- slow import

    for org in organisations:
        if org not in library.registry and is_region(org):
            raise PlannerError(f"'{org}' is a region, not an organisation: to invite its "
                               f"States, write --region \"{org}\"")
    done = add_invitations(library.load(event_id), list(organisations), regions=list(regions),
                           category=category, quota=quota, on=on.date() if on else None,
                           source=source, registry=library.registry)
    registry = library.registry
    already = (f"; already on it: {', '.join(_named(o, registry) for o in done.already)}"
               if done.already else "")
    if not done.added:
        click.echo(f"nothing added to the invitation list of {event_id}{already}")
        return
    click.echo(f"added {len(done.added)} to the invitation list of {event_id}: "
               f"{', '.join(_named(o, registry) for o in done.added)}{already}")
    click.echo(_saved(library, done.event))


@invitations.command("set")
@click.argument("event_id")
@click.argument("organisation", metavar="ORG")
@click.option("--status", required=True, metavar="S", cls=LazyOption, help="One of: {}.",
              help_values=["planner.event.invitations:STATUSES"])
@click.option("--date", "on", type=_DATE, metavar="YYYY-MM-DD",
              help="Date of the status (default: today).")
@click.option("--source", default="editor", show_default=True, metavar="SOURCE",
              help=_SOURCE_HELP)
@pass_library
@friendly
def invitations_set(library: Library, *, event_id: str, organisation: str, status: str,
                    on: dt.datetime | None, source: str) -> None:
    """Record where the invitation of ORG to EVENT stands, dated; save."""
    from planner.event.invitations import set_invitation_status  # noqa: PLC0415 -- slow import
    from planner.event.organisers import parse_source  # noqa: PLC0415 -- slow import

    changed = set_invitation_status(library.load(event_id), organisation, status,
                                    on=on.date() if on else None, source=source,
                                    registry=library.registry)
    stated = parse_source(source)
    entry = next(i for i in changed.invited
                 if i.organisation == organisation and i.source == stated)
    click.echo(f"{_named(organisation, library.registry)}: {_status_of(entry)}; "
               f"{_saved(library, changed)}")


@invitations.command("remove")
@click.argument("event_id")
@click.argument("organisations", metavar="ORG...", nargs=-1, required=True)
@click.option("--source", default="editor", show_default=True, metavar="SOURCE",
              help=_SOURCE_HELP)
@pass_library
@friendly
def invitations_remove(library: Library, *, event_id: str, organisations: tuple[str, ...],
                       source: str) -> None:
    """Take organisations and States off EVENT's invitation list; save."""
    from planner.event.invitations import remove_invitations  # noqa: PLC0415 -- slow import

    changed = remove_invitations(library.load(event_id), list(organisations), source=source,
                                 registry=library.registry)
    click.echo(f"removed from the invitation list of {event_id}: "
               f"{', '.join(_named(o, library.registry) for o in organisations)}; "
               f"{_saved(library, changed)}")
