"""Benchmarks of the library: loading and validating every file, saving a large event."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from planner.library import DEFAULT_LIBRARY, Library
from planner.library.synthetic import make_synthetic_event
from planner.model import Event


def load_whole_library() -> int:
    """Load and validate the registry and every event of the shipped library, from disk."""
    library = Library.open()
    problems = library.validate()
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    return len(library.event_ids())


@cache
def _copy() -> Library:
    folder = Path(tempfile.mkdtemp(prefix="planner-bench-")) / "events"
    shutil.copytree(DEFAULT_LIBRARY, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return Library(folder)


_LATEST: list[Event] = []


def save_300() -> Event:
    """One edit of a 300-person, 12-group event saved: checked, written, its revision kept."""
    library = _copy()
    if not _LATEST:
        _LATEST.append(library.create(make_synthetic_event(participants=300, groups=12,
                                                           registry=library.registry)))
    event = _LATEST[-1]
    _LATEST[-1] = library.save(event.model_copy(update={"title": f"Bench {event.revision}"}))
    return _LATEST[-1]


TARGETS = [("load and validate the whole library", load_whole_library, 300.0),
           ("save of a 300-person event", save_300, 50.0)]
