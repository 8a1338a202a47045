"""What the pages share: the chosen library and event, cached by the state of their files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from planner.errors import ValidationFailed
from planner.library import DEFAULT_LIBRARY, Library
from planner.model import Event
from planner.ui import phrases

__all__ = ["KEYS", "current_event", "events", "library", "select_event", "sidebar"]

_FLASH = "flash"
_PICKER = "event-picker-version"

#: Widget keys, declared once so tests can find the widgets.
KEYS = {
    "library_path": "library-path",
    "event": "current-event",  # the current event's id (session state, not a widget)
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
def _events(folder: str, signature: tuple[object, ...]) -> list[Event]:
    # `signature` is part of the cache key: a changed file reloads the library.
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


def select_event(event_id: str, message: str) -> None:
    """Make `event_id` the current event and rerun, showing `message` once.

    The sidebar's selectbox is already drawn when a page acts, so the choice
    shows on the rerun.
    """
    st.session_state[KEYS["event"]] = event_id
    # A new widget key makes the browser drop the selectbox's old choice.
    st.session_state[_PICKER] = st.session_state.get(_PICKER, 0) + 1
    st.session_state[_FLASH] = message
    st.rerun()


def sidebar() -> None:
    """The library folder and the current event, on every page."""
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    default = os.environ.get("PLANNER_LIBRARY", str(DEFAULT_LIBRARY))
    st.sidebar.text_input(phrases.LIBRARY_FOLDER, value=default, key=KEYS["library_path"])
    ids = [e.id for e in events() or []]
    if not ids:
        return
    current = st.session_state.get(KEYS["event"])
    chosen = st.sidebar.selectbox(phrases.CURRENT_EVENT, ids,
                                  index=ids.index(current) if current in ids else 0,
                                  key=f"event-picker-{st.session_state.get(_PICKER, 0)}")
    st.session_state[KEYS["event"]] = chosen
