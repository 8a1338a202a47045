"""Who is using the app: the person signed in through the organisations' identity provider
(Streamlit's OpenID Connect sign-in, `[auth]` in `.streamlit/secrets.toml`) and their role
from the library's `access.yaml`; without `[auth]`, the one local user, who owns it all."""

from __future__ import annotations

import streamlit as st

from planner.errors import PlannerError
from planner.library.access import Actor, Role
from planner.ui import phrases
from planner.ui.keys import KEYS
from planner.ui.state import library

__all__ = ["actor", "auth_configured", "can_edit", "can_edit_library", "gate", "read_only",
           "role", "signed_in"]

_TOLD_LOCAL = "told-local-user"


def auth_configured() -> bool:
    """Whether `[auth]` is in the app's secrets: then everyone signs in."""
    # Without a secrets file, `st.secrets` would raise on the first key read.
    return bool(st.secrets.load_if_toml_exists() and st.secrets.get("auth"))


def signed_in() -> Actor | None:
    """The person the identity provider vouches for, or None (the one place reading
    `st.user`, so that a test can stand in for the provider)."""
    if not st.user.is_logged_in:
        return None
    email = str(st.user.get("email") or "")
    return Actor(email, str(st.user.get("name") or "")) if email else None


def actor() -> Actor | None:
    """Whom saves are by and checked against; None: the local user, unchecked."""
    return signed_in() if auth_configured() else None


def _role_in(event_id: str | None) -> Role | None:
    # The role for one event, or the library's own with None; the local user owns all.
    person = actor()
    if person is None:
        return Role.OWNER if not auth_configured() else None
    return library().access().role_of(person.email, event_id)


def role(event_id: str | None = None) -> Role | None:
    """The role of the person using the app for the event (the current one by default)."""
    return _role_in(event_id if event_id is not None else st.session_state.get(KEYS["event"]))


def can_edit(event_id: str | None = None) -> bool:
    """The one gate of every edit control: whether the person may save the event."""
    found = role(event_id)
    return found is not None and found.can_edit


def can_edit_library() -> bool:
    """The gate of library-wide edits (a new event, the organisations registry): the
    library's own role, not an event's, as `Library.create` checks it."""
    found = _role_in(None)
    return found is not None and found.can_edit


def read_only(event_id: str) -> bool:
    """Whether the page of the event is for reading only; then say why, where it is called
    (once a page, above what the viewer reads instead of the edit controls)."""
    if can_edit(event_id):
        return False
    st.info(phrases.VIEWER_NOTE, icon=":material/visibility:")
    return True


def gate() -> None:
    """Before any page: sign in, and refuse a stranger; or say once that the app runs for
    one local user."""
    if not auth_configured():
        if not st.session_state.get(_TOLD_LOCAL):
            st.session_state[_TOLD_LOCAL] = True
            st.info(phrases.LOCAL_USER, icon=":material/person:")
        return
    person = signed_in()
    if person is None:
        st.title(phrases.SIGN_IN_TITLE)
        st.write(phrases.SIGN_IN_INTRO)
        st.button(phrases.SIGN_IN, type="primary", on_click=st.login)
        st.stop()
    try:
        access = library().access()
    except PlannerError as err:
        st.error(str(err))
        st.stop()
    known = access.role_of(person.email) is not None or any(
        access.role_of(person.email, event_id) for event_id in access.events)
    if not known:
        st.error(phrases.SIGN_IN_UNKNOWN.format(email=person.email))
        st.button(phrases.SIGN_OUT, on_click=st.logout)
        st.stop()
    st.sidebar.caption(phrases.SIGNED_IN_AS.format(name=person.name, email=person.email)
                       if person.name else phrases.SIGNED_IN_AS_EMAIL.format(email=person.email))
    st.sidebar.button(phrases.SIGN_OUT, on_click=st.logout, key="sign-out")
