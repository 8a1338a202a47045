"""Commands over working groups: list them, set capacities, move people, compose with the solver."""

from __future__ import annotations

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.errors import PlannerError
from planner.groups.assign import Assignment, assign_groups
from planner.groups.membership import group_rows, move_person, set_capacities, set_preferences
from planner.library import Library

__all__: list[str] = []


@cli.group()
def groups() -> None:
    """Working groups: capacities, preferences and moves; the solver composes them."""


def _summary(result: Assignment) -> list[str]:
    people = len(result.explanations)
    lines = [f"{len(result.groups)} groups, {people} participants: objective "
             f"{result.objective}, bound {result.bound}, gap {result.gap:.2%} "
             f"({result.status}, {result.method}, {result.seconds:.2f} s)"]
    for group in result.groups:
        lines.append(f"  {group['label']:<6} round {group['round']}  {group['size']:>4}/"
                     f"{group['capacity']:<4} chair: {', '.join(group['chair']) or '-'};  "
                     f"rapporteurs: {', '.join(group['rapporteurs']) or '-'}  "
                     f"[{group['title']}]")
    lines += [f"  ! {finding}" for finding in result.findings]
    return lines


@groups.command("assign")
@click.argument("event_id")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Same seed, same composition.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds the solver may take.")
@click.option("--explain", is_flag=True, help="Print one line per participant: where and why.")
@click.option("--dry-run", is_flag=True, help="Show the composition; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the composition as JSON.")
@pass_library
@friendly
def assign_command(library: Library, *, event_id: str, seed: int, time_limit: float,
                   explain: bool, dry_run: bool, as_json: bool) -> None:
    """Place EVENT's participants in its working groups, round by round, and save it."""
    result = assign_groups(library.load(event_id), library.registry, seed=seed,
                           time_limit=time_limit)
    if not dry_run:
        library.save(result.event)
    if as_json:
        echo_json({**result.to_dict(), "dry_run": dry_run})
        return
    lines = _summary(result) + [f"  {person}: {line}" for person, line in
                                result.explanations.items() if explain]
    click.echo("\n".join(lines))
    click.echo("dry run: nothing written" if dry_run else f"saved {library.event_path(event_id)}")


@groups.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the groups as JSON.")
@pass_library
@friendly
def list_command(library: Library, event_id: str, as_json: bool) -> None:
    """Each working group of EVENT: round, members placed (of whom pinned) of its capacity,
    chair and rapporteurs."""
    rows = group_rows(library.load(event_id))
    if as_json:
        echo_json(rows)
        return
    width = max((len(row["id"]) for row in rows), default=0)
    for row in rows:
        click.echo(f"{row['id']:<{width}} round {row['round']}  {row['members']:>4}/"
                   f"{row['capacity'] or '-':<4} pinned {row['pinned']:<3} "
                   f"chair: {row['chair'] or '-'};  rapporteurs: {row['rapporteurs'] or '-'}  "
                   f"[{row['title']}]")
    if not rows:
        click.echo(f"no working groups in '{event_id}'")


def _capacity(text: str) -> int | None:
    if text.lower() == "none":
        return None
    try:
        return int(text)
    except ValueError:
        raise PlannerError(f"capacity '{text}': write a whole number of people, or 'none' "
                           "for no limit") from None


@groups.command("capacity")
@click.argument("event_id")
@click.argument("group_id")
@click.argument("capacity")
@pass_library
@friendly
def capacity_command(library: Library, event_id: str, group_id: str, capacity: str) -> None:
    """Let working group GROUP of EVENT hold at most CAPACITY people ('none': no limit)."""
    limit = _capacity(capacity)
    saved = library.save(set_capacities(library.load(event_id), {group_id: limit}))
    said = f"at most {limit} people" if limit is not None else "no limit"
    click.echo(f"working group {group_id} of {saved.id}: {said} (revision {saved.revision})")


@groups.command("move")
@click.argument("event_id")
@click.argument("person_id")
@click.argument("group_id")
@click.option("--pin/--no-pin", default=True, show_default=True,
              help="Keep the person there when `planner groups assign` composes again.")
@pass_library
@friendly
def move_command(library: Library, event_id: str, person_id: str, group_id: str,
                 pin: bool) -> None:
    """Put PERSON of EVENT in working group GROUP, leaving their group of the same round."""
    saved = library.save(move_person(library.load(event_id), person_id, group_id, pin=pin))
    group = next(g for g in saved.working_groups if g.id == group_id)
    click.echo(f"moved {person_id} to {group_id} (round {group.round}: {group.title})")
    click.echo("pinned: the next `planner groups assign` keeps them there" if pin else
               "not pinned: the next `planner groups assign` may move them")
    click.echo(f"saved {library.event_path(saved.id)}")


@groups.command("prefer")
@click.argument("event_id")
@click.argument("person_id")
@click.argument("group_ids", nargs=-1)
@pass_library
@friendly
def prefer_command(library: Library, event_id: str, person_id: str,
                   group_ids: tuple[str, ...]) -> None:
    """Record the working groups PERSON of EVENT wants, most wanted first (none: clear)."""
    saved = library.save(set_preferences(library.load(event_id), {person_id: list(group_ids)}))
    said = ", ".join(group_ids) or "no preference"
    click.echo(f"{person_id} of {saved.id} prefers: {said} (revision {saved.revision})")
