"""Documents page: every document of the current event as Word (and PDF where LibreOffice is)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from planner.dates import clamp_date
from planner.documents import DOCUMENT_KINDS, DocumentOptions, find_soffice
from planner.language import LANGUAGES, _
from planner.model import Event
from planner.ui import phrases, signin, state, widgets
from planner.ui.state import key
from planner.ui.widgets import LAST_DAY


def render() -> None:
    """Choose the options, then download any document of the event."""
    event = state.open_page(phrases.DOCUMENTS_TITLE, intro=phrases.DOCUMENTS_INTRO)
    if event is None:
        return
    if find_soffice() is None:
        st.info(phrases.DOCUMENTS_NO_PDF)
    registry = state.library().registry
    left, middle, right, last = st.columns(4)
    groups = {g.id: g.title for g in event.working_groups}
    chosen: DocumentOptions = {
        # Documents with contact details are for editors and owners only.
        "public": (signin.read_only(event.id)
                   or left.toggle(phrases.PEOPLE_PUBLIC, key=key("document_public", event.id))),
        "group": middle.selectbox(phrases.DOCUMENTS_GROUP, [None, *groups],
                                  format_func=lambda g: groups.get(g, phrases.DOCUMENTS_ALL_GROUPS),
                                  key=key("document_group", event.id)),
        "as_of": right.date_input(phrases.DOCUMENTS_AS_OF,
                                  value=clamp_date(dt.date.today(), event.start, LAST_DAY),
                                  min_value=event.start, max_value=LAST_DAY,
                                  key=key("document_as_of", event.id)),
        "previous": state.find_event(event.previous_event),
        # The event's working languages first: those are the ones its documents go out in.
        "language": last.selectbox(phrases.DOCUMENTS_LANGUAGE, _languages(event),
                                   format_func=LANGUAGES.__getitem__,
                                   key=key("document_language", event.id)),
    }
    for kind, entry in DOCUMENT_KINDS.items():
        if entry.personal and chosen["public"]:
            continue  # badges name everyone coming: not a public document
        title, buttons = st.columns([2, 3], vertical_alignment="center")
        title.markdown(f"**{state.worded(_, entry.label)}**")  # as the document names itself
        with buttons:
            # Each kind ignores the options it does not take, except a group, which it refuses.
            options: DocumentOptions = {
                **chosen, "group": chosen.get("group") if "group" in entry.options else None}
            suffix = "" if options["language"] == "en" else f"-{options['language']}"
            widgets.download_document(kind, event, registry, key=f"document-{event.id}-{kind}",
                                      file_name=f"{event.id}-{kind}{suffix}", **options)


def _languages(event: Event) -> list[str]:
    return list(dict.fromkeys([*event.working_languages, *LANGUAGES]))
