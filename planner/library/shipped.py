"""The library of past events shipped with the toolkit: reference templates, read-only.

"Shipped" is a place, the package's own `events/` folder, not a mark inside the files: a
copy of it is an ordinary library its owner may change.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.errors import PlannerError

__all__ = ["SHIPPED_LIBRARY", "chosen_library", "is_shipped", "refuse_shipped"]

#: The library shipped with the toolkit.
SHIPPED_LIBRARY = Path(__file__).resolve().parents[2] / "events"


def chosen_library(path: str | os.PathLike[str] | None = None) -> Path:
    """The library folder to work in: `path`, else `$PLANNER_LIBRARY`, else the shipped one."""
    return Path(path or os.environ.get("PLANNER_LIBRARY") or SHIPPED_LIBRARY)


def is_shipped(folder: Path) -> bool:
    """Whether `folder` is the shipped library itself (through any link to it)."""
    try:
        return folder.resolve() == SHIPPED_LIBRARY.resolve()
    except OSError:
        return False


def refuse_shipped(path: Path) -> None:
    """Refuse to write `path` when it is a file of the shipped library.

    The shipped events are the faithful record of past conferences; an organiser's
    edits belong in a library of their own.
    """
    if is_shipped(path.parent):
        raise PlannerError(
            f"{path}: the shipped library of past events is read-only; start a new event "
            "from it instead (`planner init DIR` makes a library of your own, then "
            "`planner --library DIR new NEW_ID --from EVENT`)")
