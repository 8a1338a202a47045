"""Library page: the past events, and what each devoted to the ten action points."""

from __future__ import annotations

import streamlit as st

from planner.model import ACTION_POINTS
from planner.ui import phrases, state


def render() -> None:
    """Show the events of the chosen library and the coverage table."""
    st.title(phrases.LIBRARY_TITLE)
    overview = state.library_overview(state.sidebar_library())
    if "problems" in overview:
        st.error(phrases.LIBRARY_PROBLEMS)
        st.code("\n".join(overview["problems"]), language=None)
        return
    rows = overview["rows"]
    if not rows:
        st.info(phrases.NO_EVENTS)
        return
    st.dataframe(rows, hide_index=True)
    st.subheader(phrases.COVERAGE_TITLE)
    table = [{"action point": f"{n}. {ACTION_POINTS[n].name}",
              **{event: f"{g} / {r}" for event, (g, r) in row.items()}}
             for n, row in overview["coverage"].items()]
    st.dataframe(table, hide_index=True)
