"""Commands over working groups: list them, set capacities, move people, compose with the solver."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from planner.cli import cli, echo_json, friendly, pass_library
from planner.cli.lazy import LazyOption
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.groups.assign import Assignment
    from planner.library import Library

__all__: list[str] = []


@cli.group()
def groups() -> None:
    """Working groups: capacities, preferences and moves; the solver composes them."""


def _summary(result: Assignment, *, explain: bool = False) -> list[str]:
    people = len(result.explanations)
    lines = [f"{len(result.groups)} groups, {people} participants: objective "
             f"{result.objective}, bound {result.bound} (all rounds), gap {result.gap:.2%} "
             f"({result.status}, {result.method}, {result.seconds:.2f} s)"]
    for group in result.groups:
        lines.append(f"  {group['label']:<6} round {group['round']}  {group['size']:>4} of "
                     f"{group['minimum']}-{group['capacity']:<4} chair: "
                     f"{', '.join(group['chair']) or '-'};  "
                     f"rapporteurs: {', '.join(group['rapporteurs']) or '-'}  "
                     f"[{group['title']}]")
    lines += [f"  ! {finding}" for finding in result.findings]
    if explain:
        lines += [f"  {line}" for line in (*result.leaders.values(),
                                            *result.explanations.values())]
    return lines


def _report(library: Library, result: Assignment, *, dry_run: bool, as_json: bool,
            explain: bool) -> None:
    if not dry_run:
        library.save(result.event)
    if as_json:
        echo_json({**result.to_dict(), "dry_run": dry_run})
        return
    click.echo("\n".join(_summary(result, explain=explain)))
    click.echo("dry run: nothing written" if dry_run else
               f"saved {library.event_path(result.event.id)} with its explanations")


@groups.command("assign")
@click.argument("event_id")
@click.option("--seed", type=click.IntRange(0, 2**31 - 1), default=0, show_default=True,
              help="Same seed, same composition.")
@click.option("--time-limit", type=click.FloatRange(min=0.1, max=3600), default=10.0,
              show_default=True,
              help="Seconds the solver may take.")
@click.option("--explain", is_flag=True,
              help="Print why each group's leaders were picked, and where each person sits "
                   "and why.")
@click.option("--fresh", is_flag=True,
              help="Compose from scratch; by default the saved composition is kept where "
                   "the goals allow.")
@click.option("--dry-run", is_flag=True, help="Show the composition; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the composition as JSON.")
@pass_library
@friendly
def assign_command(library: Library, *, event_id: str, seed: int, time_limit: float,
                   explain: bool, fresh: bool, dry_run: bool, as_json: bool) -> None:
    """Place EVENT's participants in its working groups, every round together, and save the
    composition with its explanations."""
    from planner.groups.assign import assign_groups  # noqa: PLC0415 -- slow import

    result = assign_groups(library.load(event_id), library.registry, seed=seed,
                           time_limit=time_limit, keep=not fresh)
    _report(library, result, dry_run=dry_run, as_json=as_json, explain=explain)


@groups.command("list")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the groups as JSON.")
@pass_library
@friendly
def list_command(library: Library, event_id: str, as_json: bool) -> None:
    """Each working group of EVENT: round, members placed (of whom pinned) of its capacity,
    chair and rapporteurs."""
    from planner.groups.membership import group_rows  # noqa: PLC0415 -- slow import

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
    from planner.groups.membership import set_capacities  # noqa: PLC0415 -- slow import

    limit = _capacity(capacity)
    saved = library.save(set_capacities(library.load(event_id), {group_id: limit}))
    said = f"at most {limit} people" if limit is not None else "no limit"
    click.echo(f"working group {group_id} of {saved.id}: {said} (revision {saved.revision})")


@groups.command("size")
@click.argument("event_id")
@click.argument("group_id")
@click.option("--min", "least", help="Fewest members, or 'none' for the default (half an even "
              "share of the round, at least 3).")
@click.option("--max", "most", help="Most members, or 'none' for no limit.")
@pass_library
@friendly
def size_command(library: Library, event_id: str, group_id: str, least: str | None,
                 most: str | None) -> None:
    """Let working group GROUP of EVENT hold at least --min and at most --max people."""
    from planner.groups.membership import (  # noqa: PLC0415 -- slow import
        set_capacities,
        set_minimums,
    )

    event = library.load(event_id)
    if most is not None:
        event = set_capacities(event, {group_id: _capacity(most)})
    if least is not None:
        event = set_minimums(event, {group_id: _capacity(least)})
    saved = library.save(event)
    group = next(g for g in saved.working_groups if g.id == group_id)
    click.echo(f"working group {group_id} of {saved.id}: at least "
               f"{group.min_size or 'the default'}, at most {group.capacity or 'no limit'} "
               f"(revision {saved.revision})")


@groups.command("move")
@click.argument("event_id")
@click.argument("person_id")
@click.argument("group_id")
@click.option("--pin/--no-pin", default=True, show_default=True,
              help="Keep the person there when `planner groups assign` composes again.")
@click.option("--compose", is_flag=True,
              help="Compose the groups again around the move, changing as little as it "
                   "must, and save the move and the composition together.")
@pass_library
@friendly
def move_command(library: Library, event_id: str, person_id: str, group_id: str, *,
                 pin: bool, compose: bool) -> None:
    """Put PERSON of EVENT in working group GROUP, leaving their group of the same round."""
    from planner.groups.assign import move_and_assign  # noqa: PLC0415 -- slow import
    from planner.groups.membership import move_person  # noqa: PLC0415 -- slow import

    if compose:
        result = move_and_assign(library.load(event_id), library.registry,
                                 [(person_id, group_id)])
        click.echo(f"moved {person_id} to {group_id} and composed again")
        _report(library, result, dry_run=False, as_json=False, explain=False)
        return
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
    from planner.groups.membership import set_preferences  # noqa: PLC0415 -- slow import

    saved = library.save(set_preferences(library.load(event_id), {person_id: list(group_ids)}))
    said = ", ".join(group_ids) or "no preference"
    click.echo(f"{person_id} of {saved.id} prefers: {said} (revision {saved.revision})")


@groups.command("lead")
@click.argument("event_id")
@click.argument("person_id")
@click.argument("group_id")
@click.option("--as", "role", type=click.Choice(["chair", "rapporteur"]), required=True,
              help="The role the person takes.")
@pass_library
@friendly
def lead_command(library: Library, event_id: str, person_id: str, group_id: str,
                 role: str) -> None:
    """Fix PERSON of EVENT as chair or rapporteur of GROUP (moved there and pinned): the
    organisers' choice, kept whatever the rules say of their level."""
    from planner.groups.membership import lead_person  # noqa: PLC0415 -- slow import

    saved = library.save(lead_person(library.load(event_id), person_id, group_id, role=role))
    click.echo(f"{person_id} is {role} of {group_id}, fixed by the organisers "
               f"(revision {saved.revision})")


# The `{}` of a help below: the staff levels of the model.
_LEVELS = ["planner.model:StaffLevel"]


def _split(text: str | None) -> list[str] | None:
    return None if text is None else [t.strip() for t in text.split(",") if t.strip()]


@groups.command("leaders")
@click.argument("event_id")
@click.option("--rapporteurs-from", help="Organisations whose staff report, comma-separated "
              "registry ids ('' for the default: the organisers that are not States).")
@click.option("--rapporteur-levels", cls=LazyOption, help="Levels a rapporteur works at ({}).",
              help_values=_LEVELS)
@click.option("--chairs-from", help="States whose delegates chair, comma-separated ('' for "
              "every State).")
@click.option("--chair-levels", cls=LazyOption, help="Levels a chair works at ({}).",
              help_values=_LEVELS)
@click.option("--host-chairs-plenaries/--any-chairs-plenaries", default=None,
              help="A round of one group is chaired by the host State's delegate.")
@click.option("--reset", is_flag=True, help="Every rule back to its default.")
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
@pass_library
@friendly
def leaders_command(library: Library, event_id: str, *, rapporteurs_from: str | None,
                    rapporteur_levels: str | None, chairs_from: str | None,
                    chair_levels: str | None, host_chairs_plenaries: bool | None, reset: bool,
                    as_json: bool) -> None:
    """Show, or change, who may chair and report EVENT's working groups."""
    from planner.groups.leaders import (  # noqa: PLC0415 -- slow import
        leadership_summary,
        set_leadership_rules,
    )

    event = library.load(event_id)
    changes = (rapporteurs_from, rapporteur_levels, chairs_from, chair_levels,
               host_chairs_plenaries)
    if reset or any(c is not None for c in changes):
        event = library.save(set_leadership_rules(
            event, library.registry, rapporteurs_from=_split(rapporteurs_from),
            rapporteur_levels=_split(rapporteur_levels), chairs_from=_split(chairs_from),
            chair_levels=_split(chair_levels), host_chairs_plenaries=host_chairs_plenaries,
            reset=reset))
    rules = leadership_summary(event, library.registry)
    if as_json:
        echo_json(rules)
        return
    click.echo(f"rapporteurs from: {', '.join(rules['rapporteurs_from']) or '-'}"
               f"{' (default)' if rules['rapporteurs_default'] else ''}; levels: "
               f"{', '.join(rules['rapporteur_levels'])}")
    click.echo(f"chairs from: {', '.join(rules['chairs_from']) or 'every State'}; levels: "
               f"{', '.join(rules['chair_levels'])}; a plenary chaired by the host: "
               f"{'yes' if rules['host_chairs_plenaries'] else 'no'}")


@groups.command("explain")
@click.argument("event_id")
@click.argument("person_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the explanations as JSON.")
@pass_library
@friendly
def explain_command(library: Library, event_id: str, person_id: str | None,
                    as_json: bool) -> None:
    """Why each group's leaders were picked and where each person sits, as the saved
    composition says (PERSON: that person only)."""
    composition = library.load(event_id).composition
    if composition is None:
        raise PlannerError(f"'{event_id}' has no saved composition; run `planner groups "
                           "assign` first")
    placements = composition.placements
    if person_id is not None:
        if person_id not in placements:
            raise PlannerError(f"no explanation for '{person_id}' in '{event_id}'")
        placements = {person_id: placements[person_id]}
    if as_json:
        echo_json({"leaders": {} if person_id else composition.leaders,
                   "placements": placements})
        return
    lines = [] if person_id else list(composition.leaders.values())
    click.echo("\n".join([*lines, *placements.values()]))
