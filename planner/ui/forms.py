"""Forms of the pages: edits kept across reruns and page switches as drafts marked unsaved,
and saves checked against the revision the edits started from."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

import streamlit as st

from planner.errors import ConflictError, PlannerError
from planner.model import Event
from planner.ui import phrases, signin
from planner.ui.state import FLASH, RUN, UNSAVED, library

__all__ = [
    "discard_form",
    "edit_table",
    "form_revision",
    "has_unsaved",
    "keep",
    "save_event",
    "show_stale",
    "show_unsaved",
    "start_form",
    "unsaved_forms",
]


def _base(form: str) -> str:
    return f"{form}:base"


def _initial(form: str) -> str:
    return f"{form}:initial"


def _draft(form: str) -> str:
    # Not a widget key: Streamlit keeps it when the organiser goes to another page.
    return f"{form}:draft"


def start_form(form: str, event: Event, values: dict[str, object], *,
               name: str | None = None) -> int:
    """Fill the widgets of `form` with `values` (widget key → value taken from `event`)
    unless the organiser has edited them; return the revision the form started from.

    A form left untouched follows the event when someone else saves it. A form
    with edits keeps them and the revision it started from, so that saving it
    later is refused instead of overwriting the other save. Edits survive a visit
    to another page: Streamlit forgets the widgets of a page it does not draw, so
    the form keeps a draft of them and puts it back; until saved or discarded, the
    form is listed as unsaved under `name` (what the sidebar calls it).
    """
    initial = st.session_state.get(_initial(form))
    draft = st.session_state.get(_draft(form))
    if _returned(form) and draft is not None and draft.keys() == values.keys():
        # Back from another page: Streamlit has forgotten the widgets (or keeps values the
        # browser no longer shows); setting them before they are drawn brings the edits back.
        st.session_state.update(draft)
    fresh = initial is None or initial.keys() != values.keys() or any(
        k not in st.session_state for k in initial)
    untouched = (not fresh and initial is not None
                 and all(st.session_state[k] == v for k, v in initial.items()))
    if fresh or (untouched and st.session_state[_base(form)] != event.revision):
        st.session_state.update(values)
        st.session_state[_initial(form)] = values
        st.session_state[_base(form)] = event.revision
    _remember(form, {k: st.session_state[k] for k in values}, name or form)
    return st.session_state[_base(form)]


def _returned(form: str) -> bool:
    # Whether the run before this one drew another page (the form was not drawn in it).
    # Without the app's sidebar counting runs (a page run alone) nobody leaves the page.
    if RUN not in st.session_state:
        return False
    run = st.session_state[RUN]
    seen, st.session_state[f"{form}:run"] = st.session_state.get(f"{form}:run"), run
    return seen is not None and seen != run - 1


def _remember(form: str, typed: dict[str, object], name: str) -> None:
    unsaved = st.session_state.setdefault(UNSAVED, {})
    if typed == st.session_state.get(_initial(form)):
        st.session_state.pop(_draft(form), None)
        unsaved.pop(form, None)
    else:
        st.session_state[_draft(form)] = typed
        unsaved[form] = name


def keep(form: str, widget: str, name: str) -> None:
    """Keep what was just typed in `widget` as the draft of `form` (an `on_change` callback:
    it runs even when the same click leaves the page, before Streamlit forgets the widget)."""
    initial = st.session_state.get(_initial(form))
    if initial is None or widget not in st.session_state:
        return
    draft = dict(st.session_state.get(_draft(form)) or initial)
    draft[widget] = st.session_state[widget]
    _remember(form, draft, name)


def has_unsaved(form: str) -> bool:
    """Whether `form` holds edits not saved yet (on this page or left on another)."""
    return form in st.session_state.get(UNSAVED, {})


def unsaved_forms() -> list[str]:
    """What the sidebar calls each form holding unsaved edits, in the order they began."""
    return list(st.session_state.get(UNSAVED, {}).values())


def show_unsaved(form: str) -> None:
    """Mark a form whose edits are not saved yet, next to its Save and Discard buttons."""
    if has_unsaved(form):
        st.warning(phrases.UNSAVED, icon=":material/edit_note:")


def form_revision(form: str, event: Event, *, edited: bool) -> int:
    """The revision a form without widget values of its own (a data editor) started from:
    the event's, unless the organiser has edits made on an older one."""
    if _base(form) not in st.session_state or not edited:
        st.session_state[_base(form)] = event.revision
    return st.session_state[_base(form)]


def discard_form(form: str, *widget_keys: str) -> None:
    """Forget the organiser's edits in `form`: it starts again from the saved event.

    Meant as an `on_click` callback, which may clear widgets before they are drawn.
    """
    for name in (_base(form), _initial(form), _draft(form), _shown(form), *widget_keys):
        st.session_state.pop(name, None)
    st.session_state.get(UNSAVED, {}).pop(form, None)


def show_stale(form: str, event: Event) -> None:
    """Warn, before any save, that someone saved the event since this form started."""
    base = st.session_state.get(_base(form))
    if base is not None and base != event.revision:
        st.warning(phrases.STALE_FORM.format(base=base, revision=event.revision))


def save_event(event: Event, *, form: str | None = None, message: str,
               then: Callable[[], None] | None = None) -> Event | None:
    """Save `event` (at the revision it was read or its form started from) and say so.

    On a conflict or any other refusal, the message is shown, nothing is written,
    and the widgets keep what the organiser typed. Returns the saved event or None.
    With `then`, a successful save calls it and reruns the page, the message shown
    once at the top.
    """
    try:
        saved = library().save(event, actor=signin.actor())
    except ConflictError as err:
        st.error(f"{err}. {phrases.CONFLICT_KEPT}")
        return None
    except PlannerError as err:
        st.error(str(err))
        return None
    if form is not None:
        st.session_state[_base(form)] = saved.revision
        initial = st.session_state.get(_initial(form)) or {}
        st.session_state[_initial(form)] = {k: st.session_state.get(k) for k in initial}
        st.session_state.pop(_draft(form), None)
        st.session_state.get(UNSAVED, {}).pop(form, None)
    said = message.format(path=library().event_path(saved.id), revision=saved.revision)
    if then is not None:
        then()
        st.session_state[FLASH] = said
        st.rerun()
    st.success(said)
    return saved


Rows = list[dict[str, Any]]


def _shown(form: str) -> str:
    return f"{form}:shown"


def _table_data(form: str, editor: str, rows: Rows) -> Rows:
    # Back from another page with edits: the editor is drawn on the draft. A draft of
    # another shape (someone added a person meanwhile) no longer fits and is dropped.
    if editor not in st.session_state and _draft(form) in st.session_state:
        st.session_state[_shown(form)] = st.session_state[_draft(form)]
    shown = st.session_state.get(_shown(form), rows)
    if len(shown) != len(rows) or any(a.keys() != b.keys() for a, b in zip(shown, rows,
                                                                           strict=True)):
        st.session_state.pop(_shown(form), None)
        return rows
    return shown


def edit_table(event: Event, *, form: str, editor: str, rows: Rows, editable: Collection[str],
               save: tuple[str, str], apply: Callable[[Event, Rows], Event],
               columns: Mapping[str, Any] | None = None, unchanged: str | None = None,
               name: str | None = None) -> bool:
    """An editable table of `rows` (only the `editable` columns open) with its save button
    (`save`: label and widget key), saved as `apply(event, edited rows)` at the revision the
    edits started from, so that someone else's save in between is refused, not lost. Edits
    survive a visit to another page, marked unsaved (listed as `name`) with Save and
    Discard. Returns whether the table holds edits not saved."""
    if not rows:  # nothing to edit yet (an event being planned): no table, nothing to save
        return False
    if not signin.can_edit(event.id):  # a viewer reads the table, with nothing to press
        st.dataframe(rows, hide_index=True, column_config=dict(columns or {}))
        return False
    data = _table_data(form, editor, rows)
    edits = st.session_state.get(editor) or {}
    base = form_revision(form, event, edited=bool(edits.get("edited_rows")) or data is not rows)
    show_stale(form, event)
    edited = st.data_editor(data, key=editor, hide_index=True, num_rows="fixed",
                            column_config=dict(columns or {}),
                            disabled=[n for n in rows[0] if n not in editable])
    unsaved = st.session_state.setdefault(UNSAVED, {})
    if edited == rows:
        for gone in (_shown(form), _draft(form)):
            st.session_state.pop(gone, None)
        unsaved.pop(form, None)
        if unchanged:
            st.caption(unchanged)
        return False
    st.session_state[_draft(form)] = edited
    unsaved[form] = name or form
    show_unsaved(form)
    st.button(phrases.DISCARD, key=f"{save[1]}-discard", on_click=discard_form,
              args=(form, editor))
    if st.button(save[0], type="primary", key=save[1]):
        try:
            changed = apply(event, edited)
        except PlannerError as err:
            st.error(str(err))
            return True
        save_event(changed.model_copy(update={"revision": base}), form=form,
                   message=phrases.SAVED, then=lambda: discard_form(form, editor))
    return True
