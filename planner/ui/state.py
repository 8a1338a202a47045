"""What the pages share: the chosen library, cached by the state of its files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from planner.errors import ValidationFailed
from planner.library import DEFAULT_LIBRARY, Library, coverage, summarise_event
from planner.ui import phrases

__all__ = ["KEYS", "library_overview", "sidebar_library"]

#: Widget keys, declared once so tests can find the widgets.
KEYS = {"library_path": "library-path"}


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    # Cache key: a file edited or added since the last run invalidates the cache.
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.glob("*.yaml")))


@st.cache_data(show_spinner=False)
def _overview(folder: str, _signature: tuple[object, ...]) -> dict[str, object]:
    library = Library(Path(folder))
    try:
        events = list(library.events())
    except ValidationFailed as failure:
        return {"problems": [str(p) for p in failure.problems]}
    return {"rows": [summarise_event(e, library.registry) for e in events],
            "coverage": coverage(events)}


def sidebar_library() -> Path:
    """The library folder chosen in the sidebar."""
    default = os.environ.get("PLANNER_LIBRARY", str(DEFAULT_LIBRARY))
    chosen = st.sidebar.text_input(phrases.LIBRARY_FOLDER, value=default,
                                   key=KEYS["library_path"])
    return Path(chosen)


def library_overview(folder: Path) -> dict[str, object]:
    """Rows of the library table and the coverage table, or the problems found."""
    return _overview(str(folder), _signature(folder))
