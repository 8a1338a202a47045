"""What the pages share: the chosen library and event, cached by the state of their files."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from planner.errors import ConflictError, PlannerError, ValidationFailed
from planner.library import DEFAULT_LIBRARY, INITIATIVES_FILE, REGISTRY_FILE, Library
from planner.model import Event
from planner.ui import phrases

__all__ = [
    "KEYS",
    "current_event",
    "discard_form",
    "edit_table",
    "events",
    "find_event",
    "form_revision",
    "key",
    "library",
    "open_page",
    "save_event",
    "select_event",
    "show_stale",
    "sidebar",
    "start_form",
]

_FLASH = "flash"
_PICKER = "event-picker-version"
_ASKED = "event-asked-in-link"

#: Widget keys, declared once so tests can find the widgets.
KEYS = {
    "library_path": "library-path",
    "event": "current-event",  # the current event's id (session state, not a widget)
    "filter_kind": "filter-kind",
    "filter_region": "filter-region",
    "filter_year": "filter-year",
    "filter_point": "filter-point",
    "compare_left": "compare-left",
    "compare_right": "compare-right",
    "new_template": "new-template",
    "new_id": "new-id",
    "new_title": "new-title",
    "new_start": "new-start",
    "new_end": "new-end",
    "new_city": "new-city",
    "new_country": "new-country",
    "new_timezone": "new-timezone",
    "new_parts": "new-parts",
    "new_create": "new-create",
    # Keys below are prefixes: `key(name, event_id, …)` makes one per event or item.
    "note_heading": "note-heading",
    "note_text": "note-text",
    "note_items": "note-items",
    "note_save": "note-save",
    "note_reload": "note-reload",
    "upload": "participants-upload",
    "upload_mapping": "participants-mapping",
    "upload_save": "participants-save",
    "roster": "participants-roster",
    "roster_save": "participants-roster-save",
    "roster_reload": "participants-roster-reload",
    "balance_scope": "balance-scope",
    "groups_editor": "groups-editor",
    "groups_save_capacities": "groups-save-capacities",
    "groups_preferences": "groups-preferences",
    "groups_save_preferences": "groups-save-preferences",
    "groups_seed": "groups-seed",
    "groups_solve": "groups-solve",
    "groups_save": "groups-save",
    "groups_shown": "groups-shown",
    "groups_dimension": "groups-dimension",
    "groups_person": "groups-person",
    "groups_target": "groups-target",
    "groups_move": "groups-move",
    "list_public": "participants-list-public",
    "programme_note": "programme-note",
    "programme_publish": "programme-publish",
    "document_public": "documents-public",
    "document_group": "documents-group",
    "document_as_of": "documents-as-of",
    "plan_editor": "plan-editor",
    "plan_save": "plan-save",
    "plan_scheme": "plan-scheme",
    "plan_deadline": "plan-deadline",
    "plan_draft": "plan-draft",
    "plan_save_draft": "plan-save-draft",
    "plan_adopt": "plan-adopt",
    "plan_track": "plan-track",
    "net_editions": "network-editions",
    "net_years": "network-years",
    "net_levels": "network-levels",
    "net_regions": "network-regions",
    "net_types": "network-types",
    "net_roles": "network-roles",
    "net_layers": "network-layers",
    "net_without": "network-without",
    "net_partners": "network-partners-only",
    "net_map": "network-map",
    "net_ego": "network-ego",
    "net_ego_map": "network-ego-map",
    "follow_up_as_of": "follow-up-as-of",
    "follow_up_item": "follow-up-item",
    "follow_up_status": "follow-up-status",
    "follow_up_progress": "follow-up-progress",
    "follow_up_note": "follow-up-note",
    "follow_up_evidence": "follow-up-evidence",
    "follow_up_record": "follow-up-record",
}


def key(name: str, *parts: object) -> str:
    """The widget key `name` made particular to an event or an item: `note-text-dakar-2008-2`.

    Widgets keyed by event keep each event's edits apart.
    """
    return "-".join([KEYS[name], *map(str, parts)])


def _signature(folder: Path, pattern: str = "*.yaml") -> tuple[tuple[str, int, int], ...]:
    # A file edited or added since the last run invalidates the cache.
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.glob(pattern)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _library(folder: str, signature: tuple[object, ...]) -> Library:
    # One Library per state of the registry and initiatives: they load once, not per rerun.
    return Library(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=8)
def _events(folder: str, signature: tuple[object, ...]) -> list[Event]:
    # `signature` is part of the cache key: a changed file reloads the library. The events
    # are shared, not copied on every rerun: pages never change an event in place (every
    # domain function they call returns a changed copy).
    return list(_library(folder, _stamp(Path(folder))).events())


def _stamp(folder: Path) -> tuple[object, ...]:
    return (*_signature(folder, REGISTRY_FILE), *_signature(folder, INITIATIVES_FILE))


def _default_folder() -> str:
    # As the command line: $PLANNER_LIBRARY, else the shipped library.
    return os.environ.get("PLANNER_LIBRARY", str(DEFAULT_LIBRARY))


def library() -> Library:
    """The library folder chosen in the sidebar (its registry loaded once per file state)."""
    folder = Path(st.session_state.get(KEYS["library_path"], _default_folder()))
    return _library(str(folder), _stamp(folder))


def events() -> list[Event] | None:
    """Every event of the chosen library, or None after showing its problems."""
    folder = library().path
    try:
        return _events(str(folder), _signature(folder))
    except ValidationFailed as failure:
        st.error(phrases.LIBRARY_PROBLEMS)
        st.code("\n".join(str(p) for p in failure.problems), language=None)
        return None


def current_event() -> Event | None:
    """The event chosen in the sidebar, or None when the library has none."""
    found = events() or []
    return find_event(st.session_state.get(KEYS["event"])) or next(iter(found), None)


def open_page(title: str, *, intro: str | None = None) -> Event | None:
    """Title a page of the current event and name the event under it (with `intro`);
    None, said on the page, when the library holds no event."""
    st.title(title)
    event = current_event()
    if event is None:
        st.info(phrases.NO_EVENT)
        return None
    st.caption(f"{event.title}. {intro}" if intro else event.title)
    return event


def find_event(event_id: str | None) -> Event | None:
    """An event of the chosen library by id, from the cache; None when there is none."""
    return next((e for e in events() or [] if e.id == event_id), None)


def select_event(event_id: str, message: str) -> None:
    """Make `event_id` the current event and rerun, showing `message` once.

    The sidebar's selectbox is already drawn when a page acts, so the choice
    shows on the rerun.
    """
    st.session_state[KEYS["event"]] = event_id
    # A new widget key makes the browser drop the selectbox's old choice.
    st.session_state[_PICKER] = st.session_state.get(_PICKER, 0) + 1
    st.session_state[_FLASH] = message
    st.rerun()


def sidebar() -> None:
    """The library folder and the current event, on every page."""
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    st.sidebar.text_input(phrases.LIBRARY_FOLDER, value=_default_folder(),
                          key=KEYS["library_path"])
    ids = [e.id for e in events() or []]
    if not ids:
        return
    asked = st.query_params.get("event")
    if asked in ids and st.session_state.get(_ASKED) != asked:
        # A link such as `/concept-note?event=dakar-2008` opens that event once.
        st.session_state[_ASKED] = asked
        st.session_state[KEYS["event"]] = asked
        st.session_state[_PICKER] = st.session_state.get(_PICKER, 0) + 1
    current = st.session_state.get(KEYS["event"])
    chosen = st.sidebar.selectbox(phrases.CURRENT_EVENT, ids,
                                  index=ids.index(current) if current in ids else 0,
                                  key=f"event-picker-{st.session_state.get(_PICKER, 0)}")
    st.session_state[KEYS["event"]] = chosen


# --- forms: edits kept across reruns, saves checked against the revision they started from --


def _base(form: str) -> str:
    return f"{form}:base"


def _initial(form: str) -> str:
    return f"{form}:initial"


def start_form(form: str, event: Event, values: dict[str, object]) -> int:
    """Fill the widgets of `form` with `values` (widget key → value taken from `event`)
    unless the organiser has edited them; return the revision the form started from.

    A form left untouched follows the event when someone else saves it. A form
    with edits keeps them and the revision it started from, so that saving it
    later is refused instead of overwriting the other save.
    """
    initial = st.session_state.get(_initial(form))
    # Streamlit forgets the widgets of a page the organiser left: start again.
    fresh = initial is None or initial.keys() != values.keys() or any(
        k not in st.session_state for k in initial)
    untouched = (not fresh and initial is not None
                 and all(st.session_state[k] == v for k, v in initial.items()))
    if fresh or (untouched and st.session_state[_base(form)] != event.revision):
        st.session_state.update(values)
        st.session_state[_initial(form)] = values
        st.session_state[_base(form)] = event.revision
    return st.session_state[_base(form)]


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
    for name in (_base(form), _initial(form), *widget_keys):
        st.session_state.pop(name, None)


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
        saved = library().save(event)
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
    said = message.format(path=library().event_path(saved.id), revision=saved.revision)
    if then is not None:
        then()
        st.session_state[_FLASH] = said
        st.rerun()
    st.success(said)
    return saved


Rows = list[dict[str, Any]]


def edit_table(event: Event, *, form: str, editor: str, rows: Rows, editable: Collection[str],
               save: tuple[str, str], apply: Callable[[Event, Rows], Event],
               columns: Mapping[str, Any] | None = None, unchanged: str | None = None) -> bool:
    """An editable table of `rows` (only the `editable` columns open) with its save button
    (`save`: label and widget key), saved as `apply(event, edited rows)` at the revision the
    edits started from, so that someone else's save in between is refused, not lost.
    Returns whether the table holds edits not saved."""
    edits = st.session_state.get(editor) or {}
    base = form_revision(form, event, edited=bool(edits.get("edited_rows")))
    show_stale(form, event)
    edited = st.data_editor(rows, key=editor, hide_index=True, num_rows="fixed",
                            column_config=dict(columns or {}),
                            disabled=[name for name in rows[0] if name not in editable])
    if edited == rows:
        if unchanged:
            st.caption(unchanged)
        return False
    if st.button(save[0], type="primary", key=save[1]):
        try:
            changed = apply(event, edited)
        except PlannerError as err:
            st.error(str(err))
            return True
        save_event(changed.model_copy(update={"revision": base}), form=form,
                   message=phrases.SAVED, then=lambda: discard_form(form, editor))
    return True
