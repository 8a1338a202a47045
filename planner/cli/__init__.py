"""The `planner` command: a thin shell over the library and the domain functions.

Each area of the toolkit adds its commands in a module of this package
(`events`, …), imported at the bottom so that they register on `cli`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from planner.errors import PlannerError
from planner.library import Library

__all__ = ["cli", "echo_json", "friendly", "pass_library"]

P = ParamSpec("P")
R = TypeVar("R")


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a `PlannerError` into a one-line message and exit status 1."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PlannerError as err:
            raise click.ClickException(str(err)) from None

    return run


def echo_json(data: Any) -> None:
    """Print data as indented JSON, keeping non-Latin text readable."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.group()
@click.option("--library", "library_path", type=click.Path(file_okay=False, path_type=Path),
              envvar="PLANNER_LIBRARY", help="Library folder (default: the shipped events/).")
@click.version_option(package_name="planner")
@click.pass_context
def cli(ctx: click.Context, library_path: Path | None) -> None:
    """Plan regional conferences on refugee protection and mixed migration."""
    ctx.obj = Library.open(library_path)


pass_library = click.make_pass_decorator(Library)

# Command modules register themselves on `cli` when imported.
from planner.cli import (  # noqa: E402, F401 -- registers commands
    documents,
    event,
    event_record,
    groups,
    history,
    library,
    network,
    organisations,
    outcomes,
    people,
    programme,
    recommendations,
    sections,
)
