"""The library of events: a folder of event files beside one organisation registry."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from planner.errors import (
    InvalidIdentifier,
    PlannerError,
    Problem,
    UnknownEvent,
    ValidationFailed,
)
from planner.library import history
from planner.library.access import ACCESS_FILE, Access, Actor, author_for, load_access
from planner.library.listing import summarise_event
from planner.library.shipped import SHIPPED_LIBRARY, chosen_library
from planner.library.states import with_every_state
from planner.library.store import (
    append_organisations,
    load_event,
    load_initiatives,
    load_registry,
    save_event,
)
from planner.library.writing import clean_leftovers
from planner.model import ACTION_POINTS, Event, Initiative, Organisation, Registry, is_slug

__all__ = [
    "DEFAULT_LIBRARY",
    "INITIATIVES_FILE",
    "REGISTRY_FILE",
    "RESERVED_FILES",
    "Library",
    "check_id",
    "coverage",
    "summarise_event",
]

#: The library shipped with the toolkit.
DEFAULT_LIBRARY = SHIPPED_LIBRARY
REGISTRY_FILE = "organisations.yaml"
#: The cooperation initiatives of *The 10-Point Plan in Action*, beside the events.
INITIATIVES_FILE = "initiatives.yaml"
#: Files of the library folder that are not events.
RESERVED_FILES = frozenset({REGISTRY_FILE, INITIATIVES_FILE, ACCESS_FILE})
# An event with one of these ids would be written over a file that is not an event.
_RESERVED_IDS = {Path(REGISTRY_FILE).stem: "organisation registry",
                 Path(INITIATIVES_FILE).stem: "list of cooperation initiatives",
                 Path(ACCESS_FILE).stem: "list of who may do what"}


def check_id(event_id: str) -> str:
    """Return `event_id` if it is a slug, else refuse it.

    Ids become file names; a slug cannot climb out of the library folder.

    Examples
    --------
    >>> check_id("dar-es-salaam-2010")
    'dar-es-salaam-2010'
    >>> check_id("../../etc/passwd")
    Traceback (most recent call last):
    ...
    planner.errors.InvalidIdentifier: '../../etc/passwd' is not a valid event id: ...
    """
    if not isinstance(event_id, str) or not is_slug(event_id):
        raise InvalidIdentifier(
            f"{event_id!r} is not a valid event id: use lower-case letters, digits "
            "and hyphens (e.g. 'dakar-2008')")
    if event_id in _RESERVED_IDS:
        raise InvalidIdentifier(
            f"'{event_id}' is not a valid event id: {event_id}.yaml is the library's "
            f"{_RESERVED_IDS[event_id]}; choose another id (e.g. 'nairobi-2027')")
    return event_id


@dataclass
class Library:
    """A library folder: `<event-id>.yaml` files and `organisations.yaml`."""

    path: Path

    def __post_init__(self) -> None:
        # `Library("events")` from a script or a notebook: the folder as a path.
        self.path = Path(self.path)

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Library:
        """The library at `path`, `$PLANNER_LIBRARY`, or the shipped one."""
        return cls(chosen_library(path))

    @cached_property
    def registry(self) -> Registry:
        """The organisation registry every event refers to: the entries of its file, and
        every ISO 3166 State and territory the file lacks (see `with_every_state`)."""
        # The first read of a library is also where a crashed save's leftovers go.
        clean_leftovers(self._folder())
        return with_every_state(load_registry(self._inside(self.path / REGISTRY_FILE)))

    def add_organisations(self, organisations: list[Organisation]) -> Registry:
        """Append new entries to the registry file (never rewriting the entries it has)
        and return the registry with them.

        Raises
        ------
        ValidationFailed
            When an id is already taken or the file would not load; nothing is written.
        """
        append_organisations(self.path / REGISTRY_FILE, organisations)
        for name in ("registry", "initiatives"):
            self.__dict__.pop(name, None)
        return self.registry

    @cached_property
    def initiatives(self) -> list[Initiative]:
        """The cooperation initiatives, validated against the registry; none without the file."""
        return load_initiatives(self._inside(self.path / INITIATIVES_FILE), self.registry)

    def event_path(self, event_id: str) -> Path:
        """The file of an event; the id is checked before it becomes a path, and a
        link to a file outside the library is refused."""
        return self._inside(self.path / f"{check_id(event_id)}.yaml")

    def event_ids(self) -> list[str]:
        """Ids of the events in the library, sorted."""
        return sorted(p.stem for p in self._folder().glob("*.yaml")
                      if p.name not in RESERVED_FILES and is_slug(p.stem))

    def _folder(self) -> Path:
        # A mistyped --library or $PLANNER_LIBRARY must not read as an empty library.
        if not self.path.is_dir():
            raise PlannerError(f"{self.path}: no library folder here (a library is a folder "
                               f"with {REGISTRY_FILE} and one YAML file per event)")
        return self.path

    def _inside(self, path: Path) -> Path:
        # A link in a shared folder must not let a save write, or a page show, a file
        # elsewhere on the server.
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(self.path.resolve()):
                raise PlannerError(f"{path} links to {target}, outside the library; "
                                   "put the file itself in the library folder")
        return path

    def load(self, event_id: str) -> Event:
        """Load one event, validated against the registry."""
        path = self.event_path(event_id)
        if not path.exists():
            raise UnknownEvent(f"no event '{event_id}' in {self.path} "
                               f"(known: {', '.join(self.event_ids()) or 'none'})")
        return load_event(path, self.registry)

    def events(self) -> Iterator[Event]:
        """Every event of the library, in id order."""
        for event_id in self.event_ids():
            yield self.load(event_id)

    def access(self) -> Access:
        """Who may do what here (`access.yaml`), read afresh: an owner's grant counts at once."""
        return load_access(self.path)

    def save(self, event: Event, *, actor: Actor | None = None) -> Event:
        """Save an event, refusing to overwrite a newer revision or to write a file that
        would not load (an unknown organisation, a broken reference).

        With an `actor` (the signed-in person), a viewer's or a stranger's save is refused
        (`AccessDenied`) and the commit of the save is theirs; without, the local user saves.
        """
        return self._save(event, actor, new=False)

    def create(self, event: Event, *, actor: Actor | None = None) -> Event:
        """Add a new event to the library; never overwrites an existing one."""
        return self._save(event, actor, new=True)

    def _save(self, event: Event, actor: Actor | None, *, new: bool) -> Event:
        if actor is None:
            return save_event(event, self.event_path(event.id), self.registry, new=new)
        # A new event has no entries of its own yet: the library-wide role decides.
        self.access().check(actor, None if new else event.id, edit=True)
        with history.saving(author=author_for(actor)):
            return save_event(event, self.event_path(event.id), self.registry, new=new)

    def validate(self) -> list[Problem]:
        """Every problem in the registry, the initiatives and every event file."""
        try:
            self.registry  # noqa: B018 -- loading is the check
        except ValidationFailed as failure:
            return failure.problems
        problems: list[Problem] = []
        try:
            self.initiatives  # noqa: B018 -- loading is the check
        except ValidationFailed as failure:
            problems.extend(failure.problems)
        for event_id in self.event_ids():
            try:
                self.load(event_id)  # refuses a file whose id is not its name, too
            except ValidationFailed as failure:
                problems.extend(failure.problems)
        return problems


def coverage(events: list[Event]) -> dict[int, dict[str, tuple[int, int]]]:
    """How much each event devoted to each action point.

    Returns ``{point: {event_id: (working_groups, recommendations)}}``.

    Examples
    --------
    >>> coverage([])[3]
    {}
    """
    table: dict[int, dict[str, tuple[int, int]]] = {n: {} for n in ACTION_POINTS}
    for event in events:
        for point, row in table.items():
            groups = sum(point in g.action_points for g in event.working_groups)
            recs = sum(point in r.action_points for r in event.recommendations)
            row[event.id] = (groups, recs)
    return table
