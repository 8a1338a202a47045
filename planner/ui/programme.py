"""Programme page: the timetable by day and room, its conflicts, publishing a version with its
changelog, and the programme as Word, iCalendar and frab files."""

from __future__ import annotations

from functools import partial

import streamlit as st

from planner.errors import PlannerError
from planner.model import Event
from planner.programme.conflicts import check_programme
from planner.programme.formats import PROGRAMME_FORMATS, export_programme
from planner.programme.grid import programme_grid
from planner.programme.versions import publish_programme, published_version, unpublished_changes
from planner.ui import forms, phrases, signin, state, widgets
from planner.ui.programme_editor import render_editor
from planner.ui.state import key


def _status(event: Event, changes: list[str]) -> None:
    if not event.programme.versions:
        st.info(phrases.PROGRAMME_DRAFT)
        return
    latest = event.programme.versions[-1]
    said = phrases.PROGRAMME_CHANGED if changes else phrases.PROGRAMME_PUBLISHED
    st.info(said.format(number=latest.number, date=latest.date.isoformat()))


def _publish(event: Event, changes: list[str], conflicts: int) -> None:
    st.subheader(phrases.PROGRAMME_PUBLISH)
    if not changes:
        st.success(phrases.PROGRAMME_NOTHING_NEW)
        return
    st.markdown(f"**{phrases.PROGRAMME_UNPUBLISHED}**")
    st.markdown("\n".join(f"- {line}" for line in changes))
    note = st.text_input(phrases.PROGRAMME_NOTE, key=key("programme_note", event.id))
    number = published_version(event) + 1
    # A programme with people or rooms in two places is rarely meant to go out: ask first.
    confirmed = not conflicts or st.checkbox(
        phrases.PROGRAMME_PUBLISH_CONFLICTS.format(count=conflicts, number=number),
        key=key("programme_confirm", event.id))
    if st.button(phrases.PROGRAMME_PUBLISH_BUTTON.format(number=number), type="primary",
                 key=key("programme_publish", event.id), disabled=not confirmed):
        try:
            published = publish_programme(event, note=note or None)
        except PlannerError as err:
            st.error(str(err))
            return
        forms.save_event(published, message=phrases.SAVED, then=lambda: None)


def _downloads(event: Event) -> None:
    st.subheader(phrases.PROGRAMME_DOWNLOADS)
    registry = state.library().registry
    widgets.download_document("programme", event, registry, key=f"programme-{event.id}")
    for column, fmt in zip(st.columns(len(PROGRAMME_FORMATS)), PROGRAMME_FORMATS.values(),
                           strict=True):
        with column:
            widgets.download(fmt.label,
                             partial(export_programme, event, format=fmt.name, registry=registry),
                             file_name=f"{event.id}-programme{fmt.suffix}",
                             key=f"programme-{event.id}-{fmt.name}")


def render() -> None:
    """See the timetable and its conflicts; build it; publish a version; download it."""
    event = state.open_page(phrases.PROGRAMME_TITLE)
    if event is None:
        return
    viewer = signin.read_only(event.id)
    changes = unpublished_changes(event) if event.sessions else []
    if event.sessions:
        _status(event, changes)
    else:
        st.info(phrases.PROGRAMME_EMPTY)
    for day in state.worded(programme_grid, event):
        st.markdown(f"**{day['day']}**")
        st.dataframe(day["rows"], hide_index=True, column_order=["time", *day["rooms"]],
                     column_config=phrases.GRID_COLUMNS)
    st.subheader(phrases.PROGRAMME_CONFLICTS)
    conflicts = check_programme(event)
    widgets.show_findings(conflicts, empty=phrases.PROGRAMME_NO_CONFLICTS)
    # Below the grid and the conflicts: a save reruns the page and both show its effect.
    if not viewer:
        render_editor(event)
    if not event.sessions:
        return
    if not viewer:
        _publish(event, changes, len(conflicts))
    with st.expander(f"{phrases.PROGRAMME_VERSIONS} ({len(event.programme.versions)})"):
        for version in reversed(event.programme.versions):
            st.markdown(f"**{version.number}** ({version.date.isoformat()}) {version.note or ''}")
            st.markdown("\n".join(f"- {line}" for line in version.changes))
    _downloads(event)
