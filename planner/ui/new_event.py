"""New event page: a wizard that starts an event from a past one."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from planner.cloners import PARTS, clone_event, describe_new_event
from planner.errors import PlannerError
from planner.model import OrganisationType
from planner.ui import phrases, state
from planner.ui.state import KEYS


def _follow_start(length: dt.timedelta) -> None:
    st.session_state[KEYS["new_end"]] = st.session_state[KEYS["new_start"]] + length


def _form(events: list, registry) -> dict[str, object]:
    template = st.selectbox("Template event", [e.id for e in events], key=KEYS["new_template"])
    source = next(e for e in events if e.id == template)
    left, right = st.columns(2)
    states = sorted((o for o in registry if o.type == OrganisationType.STATE),
                    key=lambda o: o.display_name)
    ids = [o.id for o in states]
    length = source.end - source.start
    start = right.date_input("First day", value=dt.date.today() + dt.timedelta(days=180),
                             key=KEYS["new_start"], on_change=_follow_start, args=(length,))
    # The last day follows the first until the organiser sets it.
    end_default = {} if KEYS["new_end"] in st.session_state else {"value": start + length}
    return {
        "source": source,
        "new_id": left.text_input("File id", placeholder="nairobi-2027", key=KEYS["new_id"]),
        "title": left.text_input("Title", value=source.title, key=KEYS["new_title"]),
        "city": left.text_input("City", value=source.city, key=KEYS["new_city"]),
        "country": left.selectbox("Host country", ids, index=ids.index(source.country),
                                  format_func=lambda i: registry[i].display_name,
                                  key=KEYS["new_country"]),
        "timezone": right.text_input("Time zone", value=source.timezone,
                                     key=KEYS["new_timezone"]),
        "start": start,
        "end": right.date_input("Last day", key=KEYS["new_end"], **end_default),
        "parts": st.multiselect("Parts to copy", PARTS, default=list(PARTS),
                                key=KEYS["new_parts"]),
    }


def render() -> None:
    """Choose a template, say what changes, check the preview, create."""
    st.title(phrases.NEW_EVENT_TITLE)
    st.caption(phrases.NEW_EVENT_INTRO)
    events = state.events()
    if not events:
        st.info(phrases.NO_EVENTS)
        return
    library = state.library()
    choice = _form(events, library.registry)
    if not choice["new_id"]:
        return
    try:
        event = clone_event(choice.pop("source"), **choice, registry=library.registry)
    except PlannerError as err:
        st.error(str(err))
        return
    st.subheader(phrases.NEW_EVENT_PREVIEW)
    st.markdown("\n".join(f"- {line}" for line in describe_new_event(event, library.registry)))
    if st.button(phrases.NEW_EVENT_CREATE, type="primary", key=KEYS["new_create"]):
        try:
            saved = library.create(event)
        except PlannerError as err:
            st.error(str(err))
            return
        st.session_state[KEYS["event"]] = saved.id
        st.success(phrases.NEW_EVENT_CREATED.format(path=library.event_path(saved.id)))
