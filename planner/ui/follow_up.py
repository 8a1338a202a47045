"""Follow-up page: where each item stands on a date, by area, what is overdue; record updates."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from planner.dates import clamp_date
from planner.errors import PlannerError
from planner.model import Event, FollowUpStatus
from planner.outcomes.decidim import export_accountability
from planner.outcomes.follow_up import (
    CATEGORIES,
    FollowUpReport,
    assess_follow_up,
    record_update,
    track_action_plan,
)
from planner.ui import charts, forms, phrases, signin, state, widgets
from planner.ui.state import key
from planner.ui.widgets import LAST_DAY

_SHOWN = ["key", "area", "text", "owner", "deadline", "status", "category", "progress",
          "last_update"]


def _overview(report: FollowUpReport) -> None:
    for column, category in zip(st.columns(len(CATEGORIES)), CATEGORIES, strict=True):
        column.metric(phrases.FOLLOW_UP_CATEGORIES[category], report.totals.get(category, 0))
    st.markdown(f"**{phrases.FOLLOW_UP_BY_AREA}**")
    st.plotly_chart(charts.status_chart(report.by_area, CATEGORIES))
    st.markdown(f"**{phrases.FOLLOW_UP_OVERDUE}**")
    overdue = [row.to_dict() for row in report.rows if row.category == "overdue"]
    if overdue:
        st.dataframe(overdue, hide_index=True, column_order=_SHOWN,
                     column_config=phrases.FOLLOW_UP_COLUMNS)
    else:
        st.success(phrases.FOLLOW_UP_NOTHING_OVERDUE)
    with st.expander(f"{phrases.FOLLOW_UP_ATTENTION} ({len(report.findings)})"):
        widgets.show_findings(report.findings, empty=phrases.FOLLOW_UP_ALL_CLEAR)
    with st.expander(f"{phrases.FOLLOW_UP_ITEMS} ({len(report.rows)})"):
        st.dataframe([row.to_dict() for row in report.rows], hide_index=True,
                     column_order=_SHOWN, column_config=phrases.FOLLOW_UP_COLUMNS)


def _record(event: Event, report: FollowUpReport) -> None:
    st.subheader(phrases.FOLLOW_UP_RECORD)
    texts = {row.key: f"{row.key}. {row.text[:90]}" for row in report.rows}
    item = st.selectbox(phrases.FOLLOW_UP_ITEM, list(texts), format_func=lambda k: texts[k],
                        key=key("follow_up_item", event.id))
    left, right = st.columns(2)
    status = left.selectbox(phrases.FOLLOW_UP_STATUS, [None, *FollowUpStatus],
                            format_func=lambda s: phrases.say(s.label) if s else
                            phrases.FOLLOW_UP_UNCHANGED,
                            key=key("follow_up_status", event.id))
    progress = right.number_input(phrases.FOLLOW_UP_PROGRESS, 0, 100, value=None,
                                  key=key("follow_up_progress", event.id))
    note = st.text_input(phrases.FOLLOW_UP_NOTE, key=key("follow_up_note", event.id))
    evidence = st.text_input(phrases.FOLLOW_UP_EVIDENCE, key=key("follow_up_evidence", event.id))
    if st.button(phrases.FOLLOW_UP_SAVE, type="primary", key=key("follow_up_record", event.id)):
        try:
            updated = record_update(event, item, on=report.as_of, status=status,
                                    progress=progress, text=note or None,
                                    evidence=evidence or None)
        except PlannerError as err:
            st.error(str(err))
            return
        forms.save_event(updated, message=phrases.SAVED, then=lambda: None)


def render() -> None:
    """See the follow-up on a date; record progress; track the plan; download."""
    event = state.open_page(phrases.FOLLOW_UP_TITLE)
    if event is None:
        return
    viewer = signin.read_only(event.id)
    as_of = st.date_input(phrases.FOLLOW_UP_AS_OF,
                          value=clamp_date(dt.date.today(), event.start, LAST_DAY),
                          min_value=event.start,
                          max_value=LAST_DAY, key=key("follow_up_as_of", event.id))
    if not viewer and event.action_plan is not None and st.button(phrases.FOLLOW_UP_TRACK,
                                                   key=key("plan_track", event.id)):
        forms.save_event(track_action_plan(event), message=phrases.SAVED, then=lambda: None)
    if not event.follow_up:
        st.info(phrases.FOLLOW_UP_NONE)
        return
    report = assess_follow_up(event, as_of=as_of)
    _overview(report)
    if not viewer:
        _record(event, report)
    st.subheader(phrases.FOLLOW_UP_DOWNLOAD)
    widgets.download(phrases.FOLLOW_UP_CSV, lambda: export_accountability(event, as_of=as_of),
                     file_name=f"{event.id}-follow-up.csv", key=f"follow-up-csv-{event.id}")
    widgets.download_document("follow-up", event, state.library().registry, as_of=as_of,
                              previous=state.find_event(event.previous_event),
                              key=f"follow-up-docx-{event.id}")
