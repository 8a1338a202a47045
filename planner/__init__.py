"""planner: plan regional conferences on refugee protection and mixed migration.

One domain core under a CLI (`planner`) and a Streamlit app.
"""

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

__version__ = "0.1.0"

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
