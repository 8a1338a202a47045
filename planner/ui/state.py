"""What the pages share: the chosen library and event, cached by the state of their files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from planner.errors import ValidationFailed
from planner.library import DEFAULT_LIBRARY, Library
from planner.model import Event
from planner.ui import phrases

__all__ = ["KEYS", "current_event", "events", "library", "sidebar"]

#: Widget keys, declared once so tests can find the widgets.
KEYS = {
    "library_path": "library-path",
    "event": "current-event",
    "filter_kind": "filter-kind",
    "filter_region": "filter-region",
    "filter_year": "filter-year",
    "filter_point": "filter-point",
    "compare_left": "compare-left",
    "compare_right": "compare-right",
    "new_template": "new-template",
    "new_id": "new-id",
    "new_title": "new-title",
    "new_start": "new-start",
    "new_end": "new-end",
    "new_city": "new-city",
    "new_country": "new-country",
    "new_timezone": "new-timezone",
    "new_parts": "new-parts",
    "new_create": "new-create",
}


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    # A file edited or added since the last run invalidates the cache.
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.glob("*.yaml")))


@st.cache_data(show_spinner=False, max_entries=8)
def _events(folder: str, _signature: tuple[object, ...]) -> list[Event]:
    return list(Library(Path(folder)).events())


def library() -> Library:
    """The library folder chosen in the sidebar."""
    default = os.environ.get("PLANNER_LIBRARY", str(DEFAULT_LIBRARY))
    path = st.session_state.get(KEYS["library_path"], default)
    return Library(Path(path))


def events() -> list[Event] | None:
    """Every event of the chosen library, or None after showing its problems."""
    folder = library().path
    try:
        return _events(str(folder), _signature(folder))
    except ValidationFailed as failure:
        st.error(phrases.LIBRARY_PROBLEMS)
        st.code("\n".join(str(p) for p in failure.problems), language=None)
        return None


def current_event() -> Event | None:
    """The event chosen in the sidebar, or None when the library has none."""
    found = events() or []
    chosen = st.session_state.get(KEYS["event"])
    return next((e for e in found if e.id == chosen), found[0] if found else None)


def sidebar() -> None:
    """The library folder and the current event, on every page."""
    default = os.environ.get("PLANNER_LIBRARY", str(DEFAULT_LIBRARY))
    st.sidebar.text_input(phrases.LIBRARY_FOLDER, value=default, key=KEYS["library_path"])
    ids = [e.id for e in events() or []]
    if ids:
        st.sidebar.selectbox(phrases.CURRENT_EVENT, ids, key=KEYS["event"])
