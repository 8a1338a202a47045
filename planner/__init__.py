"""planner: plan regional conferences on refugee protection and mixed migration.

One domain core under a CLI (`planner`) and a Streamlit app.

The names below are loaded on first use (PEP 562): `import planner` alone, which
every submodule import implies, must not build the whole event model, or
`planner --help` pays for pydantic before printing a line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> module that defines it.
_EXPORTS = {
    "ConflictError": "planner.errors",
    "InvalidIdentifier": "planner.errors",
    "PlannerError": "planner.errors",
    "Problem": "planner.errors",
    "UnknownEvent": "planner.errors",
    "ValidationFailed": "planner.errors",
    "PARTS": "planner.event.new",
    "clone_event": "planner.event.new",
    "Library": "planner.library",
    "check_id": "planner.library",
    "coverage": "planner.library",
    "dump_event": "planner.library.store",
    "load_event": "planner.library.store",
    "load_registry": "planner.library.store",
    "save_event": "planner.library.store",
}

__all__ = [
    "PARTS",
    "ConflictError",
    "InvalidIdentifier",
    "Library",
    "PlannerError",
    "Problem",
    "UnknownEvent",
    "ValidationFailed",
    "__version__",
    "check_id",
    "clone_event",
    "coverage",
    "dump_event",
    "load_event",
    "load_registry",
    "save_event",
]

if TYPE_CHECKING:
    from planner.errors import (
        ConflictError,
        InvalidIdentifier,
        PlannerError,
        Problem,
        UnknownEvent,
        ValidationFailed,
    )
    from planner.event.new import PARTS, clone_event
    from planner.library import Library, check_id, coverage
    from planner.library.store import dump_event, load_event, load_registry, save_event


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'planner' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
