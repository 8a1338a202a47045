"""History page: the event's saves (who, when, what changed), two revisions compared in
words, an old revision restored as a new one, and a conflict with another office settled
part by part."""

from __future__ import annotations

import functools

import streamlit as st

from planner.errors import PlannerError
from planner.language import N_
from planner.library import Library, history
from planner.library.changes import MISSING, short
from planner.library.merge import Part
from planner.library.shipped import is_shipped
from planner.library.sync import Conflict, conflict_of, resolve
from planner.library.working import restore
from planner.model import Event
from planner.ui import phrases, roles, signin, state

TITLE = N_("History")
INTRO = N_("Every save of the event: who made it, when, and what changed.")
SHIPPED = N_("This is the shipped library of past events, read-only: start a new event "
             "from it on the New event page, in a library of your own (`planner init DIR`).")
NO_HISTORY = N_("This library keeps no history: its folder is not a git repository. "
                 "`planner init DIR` makes a library whose every save is kept.")
IN_CONFLICT = N_("**This event is in conflict with another office's version.** {other} "
               "({remote}) and {kept} changed the same part{s} differently; both versions "
               "are kept. Choose, part by part, which one the event keeps.")
SETTLE = N_("Keep these choices")
SETTLED = N_("Conflict settled; saved as revision {revision}.")
COMPARE = N_("Compare two revisions")
RESTORE = N_("Restore an old revision")
RESTORE_CONFIRM = N_("Yes, save the content of revision {label} as a new revision")
RESTORE_BUTTON = N_("Restore revision {label}")
RESTORED = N_("Restored revision {label} as revision {revision}.")
NO_CHANGE = N_("No change between these two revisions.")
SIDES = ("kept", "other")
#: Widget keys; each is made particular to the event.
KEYS = {"part": "history-part", "settle": "history-settle", "older": "history-older",
        "newer": "history-newer", "restore": "history-restore",
        "confirm": "history-confirm", "restore_button": "history-restore-button"}


def _key(name: str, *parts: object) -> str:
    return "-".join([KEYS[name], *map(str, parts)])


def _said(value: object) -> str:
    return "nothing (removed)" if value is MISSING else short(value, 120)


def _conflict(library: Library, event: Event, conflict: Conflict) -> None:
    st.warning(phrases.say(IN_CONFLICT).format(other=conflict.other.author,
                                               kept=conflict.kept.author,
                                  remote=conflict.remote,
                                  s="s" if len(conflict.parts) > 1 else ""))
    choices: list[str] = []
    for index, part in enumerate(conflict.parts):
        choice = st.radio(_label(part), SIDES, key=_key("part", event.id, index),
                          format_func=functools.partial(_option, conflict, part))
        choices.append(str(choice))
    if st.button(phrases.say(SETTLE), type="primary", key=_key("settle", event.id)):
        try:
            saved = resolve(library, event.id, choices, actor=signin.actor())
        except PlannerError as err:
            st.error(str(err))
            return
        state.select_event(event.id, phrases.say(SETTLED).format(revision=saved.revision))


def _label(part: Part) -> str:
    return f"{part.section}: {part.where}" if part.where else part.section


def _option(conflict: Conflict, part: Part, side: str) -> str:
    if side == "kept":
        return f"{conflict.kept.author}'s version (in the event now): {_said(part.kept)}"
    return f"{conflict.other.author}'s version (from {conflict.remote}): {_said(part.other)}"


def _label_of(entry: history.Revision) -> str:
    return str(entry.revision) if entry.revision is not None else entry.short


def _named(found: list[history.Revision]) -> dict[str, str]:
    # Chosen by commit: two offices' saves may carry one revision number until they sync.
    return {r.commit: f"{_label_of(r)} — {r.date:%Y-%m-%d %H:%M}, {r.author}: {r.message}"
            for r in found}


def _compare(library: Library, event: Event, found: list[history.Revision]) -> None:
    st.subheader(phrases.say(COMPARE), anchor=False)
    named = _named(found)
    left, right = st.columns(2)
    older = left.selectbox(phrases.say("From revision"), list(named), index=min(1, len(named) - 1),
                           format_func=named.__getitem__, key=_key("older", event.id))
    newer = right.selectbox(phrases.say("To revision"), list(named), index=0,
                            format_func=named.__getitem__,
                            key=_key("newer", event.id))
    try:
        changes = history.diff(library.path, library.event_path(event.id), older, newer)
    except PlannerError as err:
        st.error(str(err))
        return
    st.markdown("\n".join(f"- {change}" for change in changes) if changes
                else phrases.say(NO_CHANGE))


def _restore(library: Library, event: Event, found: list[history.Revision]) -> None:
    st.subheader(phrases.say(RESTORE), anchor=False)
    named = _named(found[1:])
    if not named:
        return
    chosen = st.selectbox(phrases.say("Revision"), list(named), format_func=named.__getitem__,
                          key=_key("restore", event.id))
    label = next(_label_of(r) for r in found if r.commit == chosen)
    confirmed = st.checkbox(phrases.say(RESTORE_CONFIRM).format(label=label),
                            key=_key("confirm", event.id, chosen))
    if st.button(phrases.say(RESTORE_BUTTON).format(label=label), disabled=not confirmed,
                 key=_key("restore_button", event.id)):
        try:
            saved = restore(library, event.id, chosen, actor=signin.actor())
        except PlannerError as err:
            st.error(str(err))
            return
        state.select_event(event.id, phrases.say(RESTORED).format(label=label,
                                                                  revision=saved.revision))


def render() -> None:
    """The event's history: conflict first, then the saves, compare and restore."""
    event = state.open_page(phrases.say(TITLE), intro=phrases.say(INTRO))
    if event is None:
        return
    library = state.library()
    if is_shipped(library.path):
        st.info(phrases.say(SHIPPED))
    roles.render_access(event)
    viewer = signin.read_only(event.id)
    conflict = conflict_of(library.path, event.id)
    if conflict is not None and not viewer:
        _conflict(library, event, conflict)
    found = history.revisions(library.path, library.event_path(event.id))
    if not found:
        st.info(phrases.say(NO_HISTORY) if not history.is_repository(library.path) else
                phrases.say("No save of this event is recorded yet."))
        return
    st.dataframe([{"revision": _label_of(r), "date": f"{r.date:%Y-%m-%d %H:%M}",
                   "author": r.author, "what changed": r.message} for r in found],
                 hide_index=True, column_config=phrases.HISTORY_COLUMNS)
    _compare(library, event, found)
    if not viewer:
        _restore(library, event, found)
