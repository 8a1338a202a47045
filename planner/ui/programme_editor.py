"""The programme builder of the Programme page: sessions as a table to edit, copy or remove;
a session to add; a round of working groups to schedule in one step; the chairs, speakers
and languages of a session; the rooms of the venue. Every save reruns the page, so the grid
and the conflicts above it follow at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from planner.errors import PlannerError
from planner.model import MOST_PEOPLE, Event, SessionBlock, SessionKind
from planner.programme.builder import (
    add_session,
    copy_session,
    edit_session,
    remove_session,
    schedule_round,
)
from planner.programme.rooms import add_room, remove_room, room_rows, set_rooms
from planner.programme.speakers import split_speakers
from planner.programme.table import edit_sessions, groups_to_schedule, session_rows
from planner.ui import forms, phrases
from planner.ui.state import key

__all__ = ["render_editor"]

#: Interpretation usually offered: the six official languages of the United Nations.
_UN_LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
_LED = {SessionKind.PLENARY.value, SessionKind.REPORTING_BACK.value}
_TIME_PATTERN = r"^([01]?\d|2[0-3])[:.h][0-5]\d$"
_ROUNDS = 9


def _save(make: Callable[[], Event], *, clear: str | None = None) -> None:
    # The change is made on the event this run read, so a save since is refused, not lost.
    # After a save, the form `clear` (a widget key prefix) starts again.
    try:
        changed = make()
    except PlannerError as err:
        st.error(str(err))
        return
    forms.save_event(changed, message=phrases.SAVED, then=lambda: st.session_state.update(
        {f"{clear}:reset": True} if clear else {}))


def _reset(prefix: str, values: dict[str, Any]) -> bool:
    # Before the form's widgets are drawn: values set in the session now are also what the
    # browser shows, which a widget deleted and drawn again with its default is not.
    again = bool(st.session_state.pop(f"{prefix}:reset", False))
    if again:
        st.session_state.update({f"{prefix}-{name}": value for name, value in values.items()})
    return again


def _clock(value: dt.time | None) -> str | None:
    return None if value is None else f"{value:%H:%M}"


def _when(event: Event, prefix: str) -> dict[str, Any]:
    """Day, then clock times or a named block, as the add and round forms ask them."""
    day = st.number_input(phrases.PROGRAMME_DAY, 0, event.days, 1, key=f"{prefix}-day")
    timing = st.radio(phrases.PROGRAMME_TIMING, [phrases.PROGRAMME_CLOCK,
                                                 phrases.PROGRAMME_BLOCK],
                      horizontal=True, key=f"{prefix}-timing")
    if timing == phrases.PROGRAMME_BLOCK:
        block = st.selectbox(phrases.PROGRAMME_BLOCK, [b.value for b in SessionBlock],
                             format_func=phrases.label_of(SessionBlock), key=f"{prefix}-block")
        return {"day": int(day), "block": block}
    start, end = st.columns(2)
    five = dt.timedelta(minutes=5)
    return {"day": int(day),
            "start": _clock(start.time_input(phrases.PROGRAMME_START, None, step=five,
                                             key=f"{prefix}-start")),
            "end": _clock(end.time_input(phrases.PROGRAMME_END, None, step=five,
                                         key=f"{prefix}-end"))}


def _people(event: Event, prefix: str, current: tuple[list[str], list[str]] = ([], []),
            part: str = "chairs") -> list[str]:
    """Participants picked by name, then outsiders typed one per line (what `speaker_of`
    reads: a roster id, else a name)."""
    names = {p.id: p.name for p in event.participants}
    picked, typed = current
    options = [*names, *(p for p in picked if p not in names)]
    label, typed_label = ((phrases.PROGRAMME_CHAIRS, phrases.PROGRAMME_CHAIRS_TYPED)
                          if part == "chairs" else
                          (phrases.PROGRAMME_SPEAKERS, phrases.PROGRAMME_SPEAKERS_TYPED))
    chosen = st.multiselect(label, options, default=picked, key=f"{prefix}-{part}",
                            format_func=lambda p: names.get(p, p)) if options else []
    lines = st.text_area(typed_label, "\n".join(typed), key=f"{prefix}-{part}-typed")
    return [*chosen, *(line for line in lines.splitlines() if line.strip())]


def _languages(event: Event, prefix: str, current: list[str] | None = None) -> list[str]:
    options = sorted({*_UN_LANGUAGES, *event.languages, *(current or [])})
    return st.multiselect(phrases.PROGRAMME_LANGUAGES, options, default=current or [],
                          accept_new_options=True, key=f"{prefix}-languages")


def _sessions(event: Event) -> None:
    st.caption(phrases.PROGRAMME_SESSIONS_HELP)
    rooms = [room.id for room in event.rooms]
    room_column = (st.column_config.SelectboxColumn(phrases.PROGRAMME_ROOM, options=rooms)
                   if rooms else st.column_config.TextColumn(phrases.PROGRAMME_ROOM))
    forms.edit_table(
        event, form=f"programme-sessions-{event.id}", editor=key("programme_sessions", event.id),
        rows=session_rows(event), editable={"title", "day", "start", "end", "block", "room"},
        save=(phrases.PROGRAMME_SAVE_SESSIONS, key("programme_sessions", event.id, "save")),
        apply=edit_sessions, name=f"{phrases.PROGRAMME_TITLE} ({event.id})", columns={
            "id": phrases.PROGRAMME_SESSION, "kind": phrases.PROGRAMME_KIND,
            "title": st.column_config.TextColumn(phrases.PROGRAMME_SESSION_TITLE),
            "day": st.column_config.NumberColumn(phrases.say("Day"), min_value=0,
                                                 max_value=event.days,
                                                 step=1, width="small"),
            "start": st.column_config.TextColumn(phrases.PROGRAMME_START, width="small",
                                                 validate=_TIME_PATTERN),
            "end": st.column_config.TextColumn(phrases.PROGRAMME_END, width="small",
                                               validate=_TIME_PATTERN),
            "people": st.column_config.NumberColumn(phrases.say("People"), width="small"),
            "groups": st.column_config.NumberColumn(phrases.say("Groups"), width="small"),
            "block": st.column_config.SelectboxColumn(
                phrases.PROGRAMME_BLOCK, options=[b.value for b in SessionBlock]),
            "room": room_column})
    if not event.sessions:
        return
    titles = {s.id: phrases.PROGRAMME_SESSION_CHOICE.format(title=s.title or s.kind, day=s.day,
                                                            id=s.id) for s in event.sessions}
    chosen = str(st.selectbox(phrases.PROGRAMME_SESSION, list(titles),
                              format_func=lambda s: titles[s],
                              key=key("programme_session", event.id)))
    day = st.number_input(phrases.PROGRAMME_COPY_DAY, 0, event.days, event.days,
                          key=key("programme_session", event.id, "day"))
    copy, drop = st.columns(2)
    if copy.button(phrases.PROGRAMME_COPY, key=key("programme_session", event.id, "copy")):
        _save(lambda: copy_session(event, chosen, day=int(day)))
    if drop.button(phrases.PROGRAMME_REMOVE, key=key("programme_session", event.id, "remove")):
        _save(lambda: remove_session(event, chosen))


#: What the add form holds when it starts again after a session is added (its kind and
#: day stay, for the next session is often another of the same day).
_ADD_FORM: dict[str, Any] = {
    "title": "", "start": None, "end": None, "room": "", "chairs": [], "chairs-typed": "",
    "speakers": [], "speakers-typed": "", "languages": []}


def _add(event: Event) -> None:
    prefix = key("programme_add", event.id)
    _reset(prefix, _ADD_FORM)
    kind = st.selectbox(phrases.PROGRAMME_KIND, [k.value for k in SessionKind],
                        format_func=phrases.label_of(SessionKind), key=f"{prefix}-kind")
    title = st.text_input(phrases.PROGRAMME_SESSION_TITLE, key=f"{prefix}-title")
    when = _when(event, prefix)
    rooms = {"": phrases.PROGRAMME_NO_ROOM} | {r.id: r.name for r in event.rooms}
    room = st.selectbox(phrases.PROGRAMME_ROOM, list(rooms), format_func=lambda r: rooms[r],
                        key=f"{prefix}-room")
    chairs = _people(event, prefix) if kind in _LED else []
    speakers = _people(event, prefix, part="speakers") if kind in _LED else []
    languages = _languages(event, prefix)
    if st.button(phrases.PROGRAMME_ADD, type="primary", key=f"{prefix}-button"):
        _save(lambda: add_session(event, kind=kind, title=title, room=room or None,
                                  chairs=chairs, speakers=speakers, interpretation=languages,
                                  **when), clear=prefix)


def _round(event: Event) -> None:
    if not event.working_groups:
        st.info(phrases.PROGRAMME_NO_GROUPS)
        return
    prefix = key("programme_round", event.id)
    again = _reset(prefix, {"title": "", "start": None, "end": None})
    number = int(st.number_input(phrases.PROGRAMME_ROUND, 1, _ROUNDS, 1,
                                 key=f"{prefix}-number"))
    titles = {g.id: phrases.ROUND_GROUP.format(round=g.round, title=g.title)
              for g in event.working_groups}
    chosen = f"{prefix}-groups-{number}"
    if again or chosen not in st.session_state:  # offered afresh once a round is scheduled
        st.session_state[chosen] = groups_to_schedule(event, number)
    groups = st.multiselect(phrases.PROGRAMME_ROUND_GROUPS, list(titles),
                            format_func=lambda g: titles[g], key=chosen,
                            placeholder=phrases.CHOOSE)
    title = st.text_input(phrases.PROGRAMME_ROUND_TITLE.format(number=number),
                          key=f"{prefix}-title")
    when = _when(event, prefix)
    if st.button(phrases.PROGRAMME_ROUND_BUTTON.format(number=number), type="primary",
                 key=f"{prefix}-button"):
        _save(lambda: schedule_round(event, number, groups=groups, title=title or None,
                                     **when), clear=prefix)


def _session_people(event: Event) -> None:
    led = {s.id: s for s in event.sessions if s.kind in _LED}
    if not led:
        st.info(phrases.PROGRAMME_NO_LED)
        return
    st.caption(phrases.PROGRAMME_PEOPLE_HELP)
    chosen = st.selectbox(phrases.PROGRAMME_SESSION, list(led), key=key("programme_people",
                                                                      event.id),
                          format_func=lambda s: phrases.PROGRAMME_SESSION_CHOICE.format(
                              title=led[s].title or led[s].kind, day=led[s].day, id=s))
    session, prefix = led[chosen], key("programme_people", event.id, chosen)
    chairs = _people(event, prefix, split_speakers(getattr(session, "chairs", [])))
    speakers = _people(event, prefix, split_speakers(getattr(session, "speakers", [])),
                       part="speakers")
    languages = _languages(event, prefix, session.interpretation)
    if st.button(phrases.PROGRAMME_SAVE_PEOPLE, type="primary", key=f"{prefix}-save"):
        _save(lambda: edit_session(event, chosen, chairs=chairs, speakers=speakers,
                                   interpretation=languages))


def _rooms(event: Event) -> None:
    if event.rooms:
        st.caption(phrases.PROGRAMME_ROOMS_HELP)
    else:
        st.info(phrases.PROGRAMME_NO_ROOMS)
    forms.edit_table(
        event, form=f"programme-rooms-{event.id}", editor=key("programme_rooms", event.id),
        rows=room_rows(event), editable={"name", "capacity"},
        save=(phrases.PROGRAMME_SAVE_ROOMS, key("programme_rooms", event.id, "save")),
        apply=lambda event, rows: set_rooms(event, {row["id"]: row for row in rows}),
        name=f"{phrases.PROGRAMME_TAB_ROOMS} ({event.id})", columns={
            "capacity": st.column_config.NumberColumn(phrases.PROGRAMME_ROOM_CAPACITY,
                                                      min_value=1, max_value=MOST_PEOPLE,
                                                      step=1)})
    prefix = key("programme_room", event.id)
    _reset(prefix, {"id": "", "name": "", "capacity": None})
    room_id, name, seats = st.columns(3)
    typed = (room_id.text_input(phrases.PROGRAMME_ROOM_ID, key=f"{prefix}-id"),
             name.text_input(phrases.PROGRAMME_ROOM_NAME, key=f"{prefix}-name"),
             seats.number_input(phrases.PROGRAMME_ROOM_CAPACITY, 1, MOST_PEOPLE, None,
                                key=f"{prefix}-capacity"))
    if st.button(phrases.PROGRAMME_ROOM_ADD, key=f"{prefix}-add"):
        _save(lambda: add_room(event, room_id=typed[0].strip(), name=typed[1],
                               capacity=typed[2]), clear=prefix)
    if event.rooms:
        gone = st.selectbox(phrases.PROGRAMME_ROOM, [r.id for r in event.rooms],
                            key=f"{prefix}-choice")
        if st.button(phrases.PROGRAMME_ROOM_REMOVE, key=f"{prefix}-remove"):
            _save(lambda: remove_room(event, gone))


def render_editor(event: Event) -> None:
    """The programme builder: sessions, a session to add, a round to schedule, people and
    languages of a session, rooms; each save reruns the page."""
    st.subheader(phrases.PROGRAMME_BUILD)
    # Keyed and tracked, the open tab stays open across the rerun that follows a save; every
    # tab is still drawn, so what is typed in one survives a look at another.
    tabs = st.tabs([phrases.PROGRAMME_TAB_SESSIONS, phrases.PROGRAMME_TAB_ADD,
                    phrases.PROGRAMME_TAB_ROUND, phrases.PROGRAMME_TAB_PEOPLE,
                    phrases.PROGRAMME_TAB_ROOMS], key=key("programme_tabs", event.id),
                   on_change="rerun")
    for tab, part in zip(tabs, (_sessions, _add, _round, _session_people, _rooms), strict=True):
        with tab:
            part(event)
