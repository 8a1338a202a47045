"""The organisers' working library: started with `planner init`, kept in git, its events
started from the shipped ones, its old revisions restored as new ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from planner.errors import PlannerError, UnknownEvent
from planner.library import history
from planner.library.access import Actor
from planner.library.folder import INITIATIVES_FILE, REGISTRY_FILE, Library
from planner.library.shipped import SHIPPED_LIBRARY, is_shipped
from planner.library.store import parse_event
from planner.model import Event

__all__ = ["init_library", "load_template", "restore", "templates"]

FIRST_COMMIT = ("Library started: the organisation registry and the cooperation initiatives "
                "of the shipped library")


def init_library(folder: Path) -> Library:
    """Make `folder` a working library: the shipped registry and initiatives copied in, a
    git repository holding them (without git, a folder that keeps no history).

    Raises
    ------
    PlannerError
        When `folder` holds files already (nothing in it is touched) or is the shipped library.
    """
    if is_shipped(folder):
        raise PlannerError(f"{folder} is the shipped library; choose another folder")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PlannerError(f"{folder} already exists and is not empty; choose a new folder "
                           "(or use it as it is with --library)")
    folder.mkdir(parents=True, exist_ok=True)
    for name in (REGISTRY_FILE, INITIATIVES_FILE):
        shutil.copy2(SHIPPED_LIBRARY / name, folder / name)
    if history.has_git():
        history.init_repository(folder, FIRST_COMMIT)
    return Library(folder)


def templates(library: Library, own: list[Event] | None = None,
              shipped: list[Event] | None = None) -> list[Event]:
    """The events a new one can start from: the library's own, then the shipped past events
    it does not have (an event of the library wins over a shipped one of the same id).

    `own` and `shipped`, when given, are those events as a caller already loaded them.
    """
    own = list(library.events()) if own is None else own
    if is_shipped(library.path):
        return own
    ids = {event.id for event in own}
    shipped = list(Library(SHIPPED_LIBRARY).events()) if shipped is None else shipped
    return own + [event for event in shipped if event.id not in ids]


def load_template(library: Library, event_id: str) -> Event:
    """The event `event_id` of the library, else the shipped past event of that id."""
    try:
        return library.load(event_id)
    except UnknownEvent:
        shipped = Library(SHIPPED_LIBRARY)
        if is_shipped(library.path) or event_id not in shipped.event_ids():
            raise
        return shipped.load(event_id)


def restore(library: Library, event_id: str, wanted: str, *,
            actor: Actor | None = None) -> Event:
    """Save the event with the content it had at revision `wanted`, as a new revision:
    nothing in the history is rewritten.

    Raises
    ------
    PlannerError
        When the revision is unknown or the event holds that content already, or (as
        `AccessDenied`) when the `actor` may not save the event.
    """
    path = library.event_path(event_id)
    current = library.load(event_id)
    old = history.find_revision(library.path, path, wanted)
    text = history.text_at(library.path, path, old.commit)
    if text is None:
        raise PlannerError(f"{path}: the event did not exist at revision {wanted}")
    restored = parse_event(text, path, library.registry)
    if restored.model_copy(update={"revision": current.revision}) == current:
        raise PlannerError(f"{path}: revision {current.revision} already holds what revision "
                           f"{wanted} held; nothing to restore")
    label = old.revision if old.revision is not None else old.short
    with history.saving(message=f"Restored revision {label} of {old.date:%Y-%m-%d %H:%M}"):
        return library.save(restored.model_copy(update={"revision": current.revision}),
                            actor=actor)
