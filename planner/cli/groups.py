"""Commands over working groups: compose them with the solver."""

from __future__ import annotations

import click

from planner.assign import Assignment, assign_groups
from planner.cli import cli, echo_json, friendly, pass_library
from planner.library import Library

__all__: list[str] = []


@cli.group()
def groups() -> None:
    """Working groups: compose their membership, chairs and rapporteurs."""


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
