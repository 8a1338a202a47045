"""Concept note page: the sections as editable text beside a live preview; generated parts
shown with where they come from; save and download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner.documents.concept_note import concept_note_sections, generated_parts
from planner.errors import PlannerError
from planner.event.concept_note import concept_note_form, restructure, revise_concept_note
from planner.language import _
from planner.model import Event
from planner.ui import forms, phrases, readback, signin, state, widgets
from planner.ui.state import key

FORM = "concept-note"


_FIELDS = (("note_heading", "heading"), ("note_text", "text"), ("note_items", "items"),
           ("note_reusable", "reusable"))


def _widget_values(event: Event, form: list[dict[str, Any]]) -> dict[str, object]:
    return {key(name, event.id, i): section[field] for i, section in enumerate(form)
            for name, field in _FIELDS}


def _edit(event: Event, form: list[dict[str, Any]]) -> list[dict[str, Any]]:
    typed = []
    for i, section in enumerate(form):
        keys = {field: key(name, event.id, i) for name, field in _FIELDS}
        with st.expander(section["heading"], expanded=i == 0):
            typed.append({
                "key": section["key"],
                "heading": st.text_input(phrases.NOTE_HEADING, key=keys["heading"],
                                         **_keep(event, keys["heading"])),
                "text": st.text_area(phrases.NOTE_TEXT, height=160, key=keys["text"],
                                     **_keep(event, keys["text"])),
                "items": st.text_area(phrases.NOTE_ITEMS, key=keys["items"],
                                      **_keep(event, keys["items"])),
                "reusable": st.checkbox(phrases.NOTE_REUSABLE, key=keys["reusable"],
                                        **_keep(event, keys["reusable"]))})
    return typed


def _keep(event: Event, widget: str) -> dict[str, Any]:
    # Typed text is kept as a draft even when the same click leaves the page.
    return {"on_change": forms.keep, "args": (f"{FORM}-{event.id}", widget, _name(event))}


def _name(event: Event) -> str:
    return f"{phrases.NOTE_TITLE} ({event.id})"


def _preview(revised: Event) -> None:
    registry = state.library().registry
    for section in state.worded(concept_note_sections, revised, registry):
        st.markdown(f"### {section['title']}")
        widgets.show_lines(section["lines"])
    st.subheader(phrases.NOTE_GENERATED)
    for part in state.worded(generated_parts, revised, registry):
        with st.expander(state.worded(_, part["part"])):  # the note's own heading
            st.caption(phrases.NOTE_FROM.format(source=part["source"]))
            widgets.show_lines(part["lines"])


def _structure(event: Event, revised: Event, base: int, values: dict[str, object]) -> None:
    # Adding, moving or removing a section saves at once, with the text typed so far: the
    # form's widgets are numbered by position, so it starts again on the new order.
    with st.expander(phrases.NOTE_STRUCTURE):
        keys = [s.key for s in revised.concept_note.sections]
        chosen = st.selectbox(phrases.NOTE_SECTION, keys, key=key("note_section", event.id),
                              format_func=lambda k: revised.concept_note.sections[
                                  keys.index(k)].heading) if keys else None
        up, down, drop = st.columns(3)
        heading = st.text_input(phrases.NOTE_NEW_HEADING, key=key("note_new", event.id))
        actions = {
            "up": up.button(phrases.NOTE_UP, key=key("note_up", event.id), disabled=not keys),
            "down": down.button(phrases.NOTE_DOWN, key=key("note_down", event.id),
                                disabled=not keys),
            "remove": drop.button(phrases.NOTE_REMOVE, key=key("note_remove", event.id),
                                  disabled=not keys),
            "add": st.button(phrases.NOTE_ADD, key=key("note_add", event.id),
                             disabled=not heading.strip())}
    done = next((name for name, clicked in actions.items() if clicked), None)
    if done is None:
        return
    try:
        changed = restructure(revised, done, key=chosen, heading=heading)
    except PlannerError as err:
        st.error(str(err))
        return
    form = f"{FORM}-{event.id}"
    forms.save_event(changed.model_copy(update={"revision": base}), form=form,
                     message=phrases.SAVED,
                     then=lambda: forms.discard_form(form, *values, key("note_new", event.id)))


def _read(event: Event) -> None:
    # A viewer's page: the note as it prints, and its download; no field to type in.
    _preview(event)
    st.markdown(f"**{phrases.NOTE_DOWNLOAD}**")
    widgets.download_document("concept-note", event, state.library().registry,
                              key=f"note-download-{event.id}",
                              previous=state.find_event(event.previous_event))


def render() -> None:
    """Edit the concept note's prose; see the document as it will print; save; download."""
    event = state.open_page(phrases.NOTE_TITLE)
    if event is None:
        return
    if signin.read_only(event.id):
        _read(event)
        return
    form = concept_note_form(event)
    if not form:
        st.info(phrases.NOTE_NO_SECTIONS)
    values = _widget_values(event, form)
    base = forms.start_form(f"{FORM}-{event.id}", event, values, name=_name(event))
    forms.show_stale(f"{FORM}-{event.id}", event)
    edit, preview = st.columns(2)
    with edit:
        st.subheader(phrases.NOTE_EDIT)
        typed = _edit(event, form)
    try:
        revised = revise_concept_note(event, typed)
    except PlannerError as err:
        st.error(str(err))
        return
    with preview:
        st.subheader(phrases.NOTE_PREVIEW)
        _preview(revised)
    with edit:
        _structure(event, revised, base, values)
        forms.show_unsaved(f"{FORM}-{event.id}")
        if st.button(phrases.NOTE_SAVE, type="primary", key=key("note_save", event.id)):
            forms.save_event(revised.model_copy(update={"revision": base}),
                             form=f"{FORM}-{event.id}", message=phrases.SAVED)
        st.button(phrases.RELOAD, key=key("note_reload", event.id), on_click=forms.discard_form,
                  args=(f"{FORM}-{event.id}", *values))
        st.markdown(f"**{phrases.NOTE_DOWNLOAD}**")
        widgets.download_document("concept-note", revised, state.library().registry,
                                  key=f"note-download-{event.id}",
                                  previous=state.find_event(event.previous_event))
    # Compared with the saved record; a save from it starts the form again from the record.
    readback.render_readback(event, base, then=lambda: forms.discard_form(
        f"{FORM}-{event.id}", *values))
