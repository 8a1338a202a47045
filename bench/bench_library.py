"""Benchmarks of the library: loading and validating every file."""

from __future__ import annotations

from planner.library import Library


def load_whole_library() -> int:
    """Load and validate the registry and every event of the shipped library, from disk."""
    library = Library.open()
    problems = library.validate()
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    return len(library.event_ids())


TARGETS = [("load and validate the whole library", load_whole_library, 300.0)]
