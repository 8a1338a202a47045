"""Participants page: import with a column mapping and a row-by-row report, the roster as an
editable table, the balance charts with their warnings, and the participant lists."""

from __future__ import annotations

from functools import partial

import streamlit as st

from planner.errors import PlannerError
from planner.model import Event, InvitationStatus, ParticipantRole, Registry
from planner.people.balance import balance_rows, check_balance, measure_balance
from planner.people.importing import import_participants
from planner.people.lists import participant_table
from planner.people.roster import (
    EDITABLE,
    IMPORT_FIELDS,
    apply_roster,
    delegation_choices,
    mapping_rows,
    roster_rows,
)
from planner.tables import read_table, write_table
from planner.ui import charts, forms, phrases, state, widgets
from planner.ui.state import key

_VERSION = "participants-upload-version"


def _import(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_IMPORT)
    version = st.session_state.get(_VERSION, 0)
    upload = st.file_uploader(phrases.PEOPLE_UPLOAD, type=["csv", "xlsx"],
                              key=key("upload", event.id, version))
    if upload is None:
        return
    try:
        header = read_table(upload.getvalue(), upload.name).header
        st.caption(phrases.PEOPLE_MAPPING)
        rows = st.data_editor(mapping_rows(header), hide_index=True, disabled=["column"],
                              key=key("upload_mapping", event.id, version), column_config={
                                  "field": st.column_config.SelectboxColumn(
                                      options=IMPORT_FIELDS, required=True)})
        updated, report = import_participants(
            event, upload.getvalue(), name=upload.name, registry=registry,
            mapping={row["column"]: row["field"] for row in rows})
    except PlannerError as err:
        st.error(str(err))
        return
    st.markdown(f"**{phrases.PEOPLE_REPORT}**: {report.summary()}")
    st.dataframe(report.to_dict()["rows"], hide_index=True)
    if updated == event:
        st.info(phrases.PEOPLE_IMPORT_NOTHING)
    elif st.button(phrases.PEOPLE_IMPORT_SAVE, type="primary", key=key("upload_save", event.id)):
        # A fresh, empty uploader after the save, so that the file is not imported twice.
        forms.save_event(updated, message=phrases.PEOPLE_IMPORTED,
                         then=lambda: st.session_state.update({_VERSION: version + 1}))


def _roster(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_ROSTER)
    if not event.participants:
        st.info(phrases.PEOPLE_NONE)
        return
    form, editor = f"roster-{event.id}", key("roster", event.id)
    column = st.column_config
    edited = forms.edit_table(
        event, form=form, editor=editor, rows=roster_rows(event, registry), editable=EDITABLE,
        save=(phrases.PEOPLE_ROSTER_SAVE, key("roster_save", event.id)), apply=apply_roster,
        unchanged=phrases.PEOPLE_ROSTER_UNCHANGED, columns={
            "roles": column.MultiselectColumn(options=list(ParticipantRole)),
            "status": column.SelectboxColumn(options=list(InvitationStatus), required=True),
            "delegation": column.SelectboxColumn(options=delegation_choices(event, registry))})
    if edited:
        st.button(phrases.RELOAD, key=key("roster_reload", event.id),
                  on_click=forms.discard_form, args=(form, editor))


def _balance(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_BALANCE)
    if not event.participants:
        widgets.show_findings(check_balance(event, registry), empty=phrases.PEOPLE_BALANCED)
        return
    rows = balance_rows(measure_balance(event, registry))
    chart, warnings = st.columns([3, 2])
    chart.plotly_chart(charts.balance_chart(rows), key=f"balance-{event.id}")
    if event.working_groups:
        dimension = chart.selectbox(phrases.PEOPLE_BY_GROUP, list(charts.BALANCE_DIMENSIONS),
                                    format_func=lambda d: charts.BALANCE_DIMENSIONS[d],
                                    key=key("balance_scope", event.id))
        chart.plotly_chart(charts.group_balance_chart(rows, dimension))
    with warnings:
        st.markdown(f"**{phrases.PEOPLE_WARNINGS}**")
        widgets.show_findings(check_balance(event, registry), empty=phrases.PEOPLE_BALANCED)


def _lists(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_LISTS)
    public = st.toggle(phrases.PEOPLE_PUBLIC, value=True, key=key("list_public", event.id))
    name = f"{event.id}-participants{'-public' if public else ''}"

    def table(fmt: str) -> bytes:
        return write_table(*participant_table(event, registry, public=public), fmt=fmt)

    for fmt in ("xlsx", "csv"):
        widgets.download(fmt.upper(), partial(table, fmt), file_name=f"{name}.{fmt}",
                         key=f"{name}-{fmt}")
    widgets.download_document("participant-list", event, registry, public=public,
                              key=f"{name}-docx", file_name=name)


def render() -> None:
    """Import people, review them, watch the balance, download the lists."""
    event = state.open_page(phrases.PEOPLE_TITLE)
    if event is None:
        return
    registry = state.library().registry
    _import(event, registry)
    _roster(event, registry)
    _balance(event, registry)
    _lists(event, registry)
