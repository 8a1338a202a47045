"""The `planner` command: a thin shell over the library and the domain functions.

Each area of the toolkit adds its commands in a module of this package
(`events`, …), imported at the bottom so that they register on `cli`.

Listing the commands imports every one of those modules, so they import the library,
the model and the domain modules in the commands that use them, not at the top:
`planner --help` then loads click and little else, and `planner list` the library and
the model but not the paperwork, the solver, the partner network or the spreadsheets
(`tests/cli/test_startup.py` holds that). Choices and help texts that name the model's
vocabulary are read late too (`planner.cli.lazy`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import click

from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.library import Library

__all__ = ["cli", "echo_json", "friendly", "pass_library", "pass_library_folder"]

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


# Where the group callback leaves `--library` for `pass_library`.
_LIBRARY_PATH = "planner.library_path"


@click.group()
@click.option("--library", "library_path", type=click.Path(file_okay=False, path_type=Path),
              envvar="PLANNER_LIBRARY", help="Library folder (default: the shipped events/).")
@click.version_option(package_name="planner")
@click.pass_context
def cli(ctx: click.Context, library_path: Path | None) -> None:
    """Plan regional conferences on refugee protection and mixed migration."""
    # Opened by the command that needs it (`pass_library`): opening imports the model,
    # which `planner COMMAND --help`, `init` or `schema` need not pay for.
    ctx.meta[_LIBRARY_PATH] = library_path


def pass_library(command: Callable[Concatenate[Library, P], R]) -> Callable[P, R]:
    """Hand the command the library of `--library` (or `$PLANNER_LIBRARY`, or the shipped
    one) as its first argument."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from planner.library import Library  # noqa: PLC0415 -- slow import

        path = click.get_current_context().meta.get(_LIBRARY_PATH)
        return command(Library.open(path), *args, **kwargs)

    return run


def pass_library_folder(command: Callable[Concatenate[Path, P], R]) -> Callable[P, R]:
    """Hand the command the folder of the library (`--library`, `$PLANNER_LIBRARY`, or the
    shipped one), unopened: for a command that may not need the model at all."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from planner.library.shipped import chosen_library  # noqa: PLC0415 -- light

        return command(chosen_library(click.get_current_context().meta.get(_LIBRARY_PATH)),
                       *args, **kwargs)

    return run


# Command modules register themselves on `cli` when imported.
from planner.cli import (  # noqa: E402, F401 -- registers commands
    concept_note,
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
