"""New event page: a wizard that starts an event from a past one."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

import streamlit as st

from planner.errors import PlannerError
from planner.event.new import PARTS, clone_event, describe_new_event
from planner.library import Library
from planner.library.shipped import SHIPPED_LIBRARY
from planner.library.working import templates
from planner.model import Event, OrganisationType, Registry
from planner.ui import phrases, signin, state
from planner.ui.state import KEYS


def _template_values(source: Event, start: dt.date) -> dict[str, object]:
    return {KEYS["new_title"]: source.title, KEYS["new_city"]: source.city,
            KEYS["new_country"]: source.country, KEYS["new_timezone"]: source.timezone,
            KEYS["new_end"]: start + (source.end - source.start)}


@st.cache_resource(show_spinner=False, max_entries=2)
def _shipped(signature: tuple[object, ...]) -> list[Event]:
    return list(Library(SHIPPED_LIBRARY).events())


def _templates() -> list[Event]:
    # The library's own events, then the shipped past events it does not hold; the
    # shipped ones are loaded once.
    signature = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in SHIPPED_LIBRARY.iterdir()))
    return templates(state.library(), own=state.events() or [], shipped=_shipped(signature))


def _template() -> Event:
    chosen = st.session_state[KEYS["new_template"]]
    source = next((event for event in _templates() if event.id == chosen), None)
    assert source is not None  # the choice is offered from the templates
    return source


def _apply_template() -> None:
    # Fields filled from the template follow it when another template is chosen.
    st.session_state.update(_template_values(_template(), st.session_state[KEYS["new_start"]]))


def _follow_start() -> None:
    source = _template()
    st.session_state[KEYS["new_end"]] = (st.session_state[KEYS["new_start"]]
                                         + (source.end - source.start))


class _Changes(TypedDict):
    """What the organiser changes from the template, as `clone_event` takes it."""

    new_id: str
    title: str
    city: str
    country: str
    start: dt.date
    timezone: str
    end: dt.date
    parts: list[str]


def _form(events: list[Event], registry: Registry) -> tuple[Event, _Changes]:
    st.session_state.setdefault(KEYS["new_start"], dt.date.today() + dt.timedelta(days=180))
    st.selectbox(phrases.say("Template event"), [e.id for e in events], key=KEYS["new_template"],
                 on_change=_apply_template)
    source = _template()
    for key, value in _template_values(source, st.session_state[KEYS["new_start"]]).items():
        st.session_state.setdefault(key, value)
    states = sorted((o for o in registry if o.type == OrganisationType.STATE),
                    key=lambda o: o.display_name)
    left, right = st.columns(2)
    return source, {
        "new_id": left.text_input(phrases.say("File id"), placeholder="nairobi-2027",
                                  key=KEYS["new_id"]),
        "title": left.text_input(phrases.say("Title"), key=KEYS["new_title"]),
        "city": left.text_input(phrases.say("City"), key=KEYS["new_city"]),
        "country": left.selectbox(phrases.say("Host country"), [o.id for o in states],
                                  format_func=lambda i: registry[i].display_name,
                                  key=KEYS["new_country"]),
        "start": right.date_input(phrases.say("First day"), key=KEYS["new_start"],
                                  on_change=_follow_start),
        "timezone": right.text_input(phrases.say("Time zone"), key=KEYS["new_timezone"]),
        "end": right.date_input(phrases.say("Last day"), key=KEYS["new_end"]),
        "parts": st.multiselect(phrases.say("Parts to copy"), PARTS, default=list(PARTS),
                                key=KEYS["new_parts"], format_func=phrases.say),
    }


def render() -> None:
    """Choose a template, say what changes, check the preview, create."""
    st.title(phrases.NEW_EVENT_TITLE)
    st.caption(phrases.NEW_EVENT_INTRO)
    if not signin.can_edit_library():  # a new event takes the library-wide role
        st.info(phrases.LIBRARY_VIEWER_NOTE, icon=":material/visibility:")
        return
    if state.events() is None:
        return  # the library's problems are shown
    events = _templates()
    if not events:
        st.info(phrases.NO_EVENTS)
        return
    library = state.library()
    source, changes = _form(events, library.registry)
    if not changes["new_id"]:
        return
    try:
        event = clone_event(source, **changes, registry=library.registry)
    except PlannerError as err:
        st.error(str(err))
        return
    st.subheader(phrases.NEW_EVENT_PREVIEW)
    st.markdown("\n".join(f"- {line}" for line in describe_new_event(event, library.registry)))
    if st.button(phrases.NEW_EVENT_CREATE, type="primary", key=KEYS["new_create"]):
        try:
            saved = library.create(event, actor=signin.actor())
        except PlannerError as err:
            st.error(str(err))
            return
        state.select_event(saved.id, phrases.NEW_EVENT_CREATED.format(
            path=library.event_path(saved.id)))
