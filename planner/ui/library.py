"""Library page: the past events, filtered; two side by side; the coverage heat map."""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from planner.errors import PlannerError
from planner.event.steps import next_step
from planner.library import coverage, summarise_event
from planner.library.compare import compare_events, find_events
from planner.library.registry import add_organisation, merge_organisations, new_organisation
from planner.model import ACTION_POINTS, Event, EventKind, OrganisationType
from planner.ui import charts, phrases, signin, state
from planner.ui.state import KEYS


class _Filters(TypedDict):
    """The filters of `find_events` the page offers."""

    kind: str | None
    region: str | None
    year: int | None
    action_point: int | None


def _filters(events: list[Event]) -> _Filters:
    kind, region, year, point = st.columns(4)
    kinds = [phrases.ANY, *(k.value for k in EventKind)]
    chosen_kind = kind.selectbox(phrases.say("Kind"), kinds, key=KEYS["filter_kind"],
                                 format_func=phrases.shown_as(EventKind))
    points: list[str | int] = [phrases.ANY, *ACTION_POINTS]
    chosen_point = point.selectbox(phrases.say("Action point"), points, key=KEYS["filter_point"])
    years: list[str | int] = [phrases.ANY, *sorted({e.start.year for e in events})]
    chosen_year = year.selectbox(phrases.say("Year"), years, key=KEYS["filter_year"])
    return {"kind": None if chosen_kind == phrases.ANY else chosen_kind,
            "region": region.text_input(phrases.say("Region"), key=KEYS["filter_region"]) or None,
            "year": None if chosen_year == phrases.ANY else int(chosen_year),
            "action_point": None if chosen_point == phrases.ANY else int(chosen_point)}


def _compare(events: list) -> None:
    st.subheader(phrases.COMPARE_TITLE)
    ids = [e.id for e in events]
    left, right = st.columns(2)
    left_id = left.selectbox(phrases.say("Left"), ids, key=KEYS["compare_left"])
    right_id = right.selectbox(phrases.say("Right"), ids, index=min(1, len(ids) - 1),
                               key=KEYS["compare_right"])
    by_id = {e.id: e for e in events}
    rows = state.worded(compare_events, by_id[left_id], by_id[right_id], state.library().registry)
    for row in rows:
        st.markdown(f"**{phrases.say(row.aspect)}**")
        a, b = st.columns(2)
        # An item is the organisers' text, or a word of the domain (a kind) the app says.
        a.write("\n".join(f"- {phrases.say(item)}" for item in row.left) or "—")
        b.write("\n".join(f"- {phrases.say(item)}" for item in row.right) or "—")


def _welcome() -> None:
    # Where to start: a new event from a past one, or the current event's next step.
    with st.container(border=True):
        st.markdown(phrases.WELCOME)
        if signin.can_edit_library():
            state.page_link("new-event", phrases.WELCOME_NEW, icon=":material/add_circle:")
        event = state.current_event()
        if event is not None:
            step = next_step(event)
            state.page_link(step.area, phrases.WELCOME_NEXT.format(title=event.title,
                                                                   step=phrases.say(step.text)),
                            icon=":material/arrow_forward:")


def _organisations() -> None:
    # The registry is the library's: an organisation added here is known to every event.
    library = state.library()
    with st.expander(phrases.ORGS_TITLE):
        left, right = st.columns(2)
        org_id = left.text_input(phrases.ORGS_ID, key=KEYS["org_id"])
        name = right.text_input(phrases.ORGS_NAME, key=KEYS["org_name"])
        kind = left.selectbox(phrases.ORGS_TYPE, [t.value for t in OrganisationType],
                              key=KEYS["org_type"], format_func=phrases.shown_as(OrganisationType))
        country = right.selectbox(phrases.ORGS_COUNTRY, [None, *sorted(
            o.id for o in library.registry if o.type == OrganisationType.STATE)],
            key=KEYS["org_country"])
        acronym = left.text_input(phrases.ORGS_ACRONYM, key=KEYS["org_acronym"])
        if st.button(phrases.ORGS_ADD, key=KEYS["org_add"], disabled=not (org_id and name)):
            try:
                add_organisation(library, new_organisation(
                    library.registry, org_id=org_id, name=name, type=kind, country=country,
                    acronym=acronym), actor=signin.actor())
            except PlannerError as err:
                st.error(str(err))
            else:
                st.success(phrases.ORGS_ADDED.format(id=org_id))
        keep, drop = st.columns(2)
        kept = keep.text_input(phrases.ORGS_KEEP, key=KEYS["org_keep"])
        dropped = drop.text_input(phrases.ORGS_DROP, key=KEYS["org_drop"])
        if st.button(phrases.ORGS_MERGE, key=KEYS["org_merge"], disabled=not (kept and dropped)):
            try:
                changed = merge_organisations(library, keep=kept, drop=dropped,
                                              actor=signin.actor())
            except PlannerError as err:
                st.error(str(err))
            else:
                st.success(phrases.ORGS_MERGED.format(drop=dropped, keep=kept,
                                                      count=len(changed)))


def render() -> None:
    """Where to start; browse, filter and compare the events of the library."""
    st.title(phrases.LIBRARY_TITLE)
    events = state.events()
    if events is None:
        return
    _welcome()
    if not events:
        st.info(phrases.NO_EVENTS)
        return
    found = find_events(events, **_filters(events))
    registry = state.library().registry
    if found:
        st.dataframe([summarise_event(e, registry) for e in found], hide_index=True,
                     column_config=phrases.LIBRARY_COLUMNS)
    else:
        st.info(phrases.NO_MATCH)
    if signin.can_edit_library():
        _organisations()
    else:
        st.caption(phrases.LIBRARY_VIEWER_NOTE)
    st.subheader(phrases.COVERAGE_TITLE)
    st.plotly_chart(charts.coverage_heatmap(coverage(events)))
    _compare(events)
