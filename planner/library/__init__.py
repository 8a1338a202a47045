"""The library folder: event files beside one organisation registry, read and saved safely.

The names below are imported when first used: `planner.library.listing` and
`planner.library.shipped` must be importable without the event model, so that
`planner list` can answer from its memo in a fraction of the model's import time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    # PEP 562: `from planner.library import Library` imports the folder module here.
    if name in __all__:
        return getattr(importlib.import_module("planner.library.folder"), name)
    raise AttributeError(f"module 'planner.library' has no attribute {name!r}")
