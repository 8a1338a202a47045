"""The Access section of the History page: an owner gives someone a role, saved to the
library's access.yaml, and it counts from the next click of that person."""

from __future__ import annotations

import streamlit as st

from planner.errors import PlannerError
from planner.library import Library
from planner.library.access import Role, grant
from planner.model import Event
from planner.ui import phrases, signin, state

__all__ = ["render_access"]


def render_access(event: Event) -> None:
    """Who has which role, and, for an owner signed in, a form to give one."""
    if not signin.auth_configured() or signin.role(event.id) is not Role.OWNER:
        return  # without sign-in nobody else uses the app; only an owner grants roles
    library = state.library()
    st.subheader(phrases.ACCESS_TITLE)
    _grant_form(event, library)
    # Below the form, so that a grant just made is in it.
    st.code(library.access().to_data_text(), language="yaml")


def _grant_form(event: Event, library: Library) -> None:
    with st.form("grant-role"):
        who = st.text_input(phrases.ACCESS_WHO, key="grant-who")
        role = st.selectbox(phrases.ACCESS_ROLE, list(Role), key="grant-role-choice",
                            index=list(Role).index(Role.VIEWER)) or Role.VIEWER
        scope = st.radio(phrases.ACCESS_EVENT, [event.id, None], key="grant-scope",
                         format_func=lambda e: e or phrases.ACCESS_LIBRARY_WIDE)
        if not st.form_submit_button(phrases.ACCESS_GRANT, type="primary"):
            return
    try:
        grant(library.path, who, role, scope, actor=signin.actor())
    except PlannerError as err:
        st.error(str(err))
        return
    st.success(phrases.ACCESS_GRANTED.format(
        who=who.strip().lower(), role=role.value,
        where=scope or phrases.ACCESS_LIBRARY_WIDE))
