"""The library folder: event files beside one organisation registry, read and saved safely."""

from planner.library.folder import (
    DEFAULT_LIBRARY,
    INITIATIVES_FILE,
    REGISTRY_FILE,
    RESERVED_FILES,
    Library,
    check_id,
    coverage,
    summarise_event,
)

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
