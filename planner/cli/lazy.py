"""Option choices, help and defaults that name values of a slow module, read when first needed.

`planner --help` imports every command module to list the commands. A decorator such as
`click.Choice([k.value for k in EventKind])` would import the whole pydantic model, a
fifth of a second, for a list nobody asked to see. Here a choice, a help text or a
default names where its values are (`"planner.model:EventKind"`), and they are read when
a command parses or shows its options: what `--help` prints is the same text.

Examples
--------
>>> values_of("planner.model:EventKind")[:2]
('regional-conference', 'expert-roundtable')
>>> lazy_choice("planner.model:EventKind").choices[0]
'regional-conference'
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import click

__all__ = ["Item", "LazyChoice", "LazyOption", "choices_of", "lazy_choice", "load", "values_of"]


@cache
def load(spec: str) -> Any:
    """The object `spec` names, `module:name`, importing its module now.

    Examples
    --------
    >>> load("planner.errors:PlannerError").__name__
    'PlannerError'
    """
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def choices_of(spec: str) -> tuple[Any, ...]:
    """The values `spec` names: an enum's values, a mapping's keys, a sequence's items as
    they are (an enum member among them stays a member, as `click.Choice` shows it).

    Examples
    --------
    >>> choices_of("planner.programme.formats:PROGRAMME_FORMATS")[0]
    'ics'
    """
    found = load(spec)
    if isinstance(found, type) and issubclass(found, enum.Enum):
        return tuple(member.value for member in found)
    return tuple(found)


def values_of(spec: str) -> tuple[str, ...]:
    """The values `spec` names (see `choices_of`), as text.

    Examples
    --------
    >>> values_of("planner.model.initiatives:EDITIONS")
    ('2011', '2016')
    """
    return tuple(map(str, choices_of(spec)))


class LazyChoice(click.Choice[Any]):
    """A `click.Choice` of the values `spec` names (see `choices_of`), read when first used."""

    def __init__(self, spec: str, *, case_sensitive: bool = True) -> None:
        # Not Choice.__init__: it would read the values now.
        self.spec = spec
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> tuple[Any, ...]:
        """The values, read on first use (the module stays imported)."""
        return choices_of(self.spec)

    @choices.setter
    def choices(self, value: tuple[Any, ...]) -> None:
        raise AttributeError(f"the choices of {self.spec} are read from it, not set")

    def to_info_dict(self) -> Any:
        # To tools that read the commands' description it is a choice like any other.
        return {**super().to_info_dict(), "param_type": "Choice"}


def lazy_choice(spec: str) -> LazyChoice:
    """A choice of the values `spec` names: `type=lazy_choice("planner.model:EventKind")`."""
    return LazyChoice(spec)


@dataclass(frozen=True)
class Item:
    """Item `index` of the sequence `spec` names: a default of a `LazyOption`, read when shown
    or parsed (`default=Item("planner.model.initiatives:EDITIONS", 0)`)."""

    spec: str
    index: int

    def __call__(self) -> Any:
        return load(self.spec)[self.index]


class LazyOption(click.Option):
    """A `click.Option` whose help names values of slow modules and whose default may be an
    `Item`, both read when first shown or parsed.

    Each `{}` of `help` takes the values of one spec of `help_values`, joined by ", "
    (`{{` and `}}` write a brace): `help="Levels a chair works at ({}).",
    help_values=["planner.model:StaffLevel"]`.
    """

    def __init__(self, *args: Any, help_values: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._help_values = tuple(help_values)

    def _settle(self) -> None:
        if self._help_values and self.help is not None:
            self.help = self.help.format(*(", ".join(values_of(s)) for s in self._help_values))
            self._help_values = ()

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self._settle()
        return super().get_help_record(ctx)

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        # Help asks for the default uncalled (a callable shows as "(dynamic)"); an Item is
        # a value read late, not a value that changes, so it is always read.
        value = super().get_default(ctx, call=call)
        return value() if isinstance(value, Item) else value

    def to_info_dict(self) -> dict[str, Any]:
        self._settle()
        info = super().to_info_dict()
        if isinstance(info.get("default"), Item):
            info["default"] = info["default"]()
        return info
