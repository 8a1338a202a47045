"""Recommendations page: the recommendations an event adopts, entered one by one or pasted as
numbered text, reordered and removed, each shown with the reference an action plan cites."""

from __future__ import annotations

import streamlit as st

from planner.errors import PlannerError
from planner.model import ACTION_POINTS, Event
from planner.outcomes.recommendations import (
    add_recommendation,
    add_recommendations,
    move_recommendation,
    parse_numbered,
    recommendation_rows,
    remove_recommendation,
)
from planner.ui import forms, phrases, signin, state
from planner.ui.state import key


def _save(changed: Event, event: Event, *widgets: str) -> None:
    def forget() -> None:
        for name in widgets:
            st.session_state.pop(name, None)

    forms.save_event(changed.model_copy(update={"revision": event.revision}),
                     message=phrases.SAVED, then=forget)


def _add_one(event: Event) -> None:
    groups = {g.id: g.title for g in event.working_groups}
    section, label = st.columns(2)
    names = [key(n, event.id) for n in ("rec_section", "rec_label", "rec_group", "rec_points",
                                        "rec_text")]
    section_text = section.text_input(phrases.REC_SECTION, key=names[0])
    label_text = label.text_input(phrases.REC_LABEL, key=names[1])
    group = st.selectbox(phrases.REC_GROUP, [None, *groups], key=names[2],
                         format_func=lambda g: groups.get(g, phrases.REC_NO_GROUP))
    points = st.multiselect(phrases.REC_POINTS, list(ACTION_POINTS), key=names[3],
                            format_func=lambda n: f"{n}. {ACTION_POINTS[n].name}",
                            placeholder=phrases.CHOOSE)
    text = st.text_area(phrases.REC_TEXT, key=names[4])
    if st.button(phrases.REC_ADD, type="primary", key=key("rec_add", event.id),
                 disabled=not text.strip()):
        try:
            changed = add_recommendation(event, text=text, section=section_text,
                                         label=label_text, working_group=group,
                                         action_points=points,
                                         registry=state.library().registry)
        except PlannerError as err:
            st.error(str(err))
            return
        _save(changed, event, names[1], names[4])


def _paste(event: Event) -> None:
    names = [key("rec_block", event.id), key("rec_block_section", event.id)]
    block = st.text_area(phrases.REC_PASTE, key=names[0], height=160)
    section = st.text_input(phrases.REC_SECTION, key=names[1])
    items = parse_numbered(block)
    if items:
        st.caption(phrases.REC_PASTED.format(count=len(items)))
    if st.button(phrases.REC_ADD_ALL, key=key("rec_add_all", event.id), disabled=not items):
        try:
            changed = add_recommendations(event, block, section=section,
                                          registry=state.library().registry)
        except PlannerError as err:
            st.error(str(err))
            return
        _save(changed, event, names[0])


def _reorder(event: Event, refs: list[str]) -> None:
    chosen, position = st.columns([3, 1])
    ref = chosen.selectbox(phrases.REC_CHOSEN, refs, key=key("rec_chosen", event.id))
    to = position.number_input(phrases.REC_POSITION, min_value=1, max_value=len(refs), step=1,
                               key=key("rec_position", event.id))
    move, drop = st.columns(2)
    try:
        if move.button(phrases.REC_MOVE, key=key("rec_move", event.id)):
            _save(move_recommendation(event, ref, to=int(to)), event)
        if drop.button(phrases.REC_REMOVE, key=key("rec_remove", event.id)):
            _save(remove_recommendation(event, ref), event)
    except PlannerError as err:
        st.error(str(err))


def render() -> None:
    """See the recommendations with their references; add, paste, reorder, remove."""
    event = state.open_page(phrases.REC_TITLE, intro=phrases.REC_INTRO)
    if event is None:
        return
    rows = recommendation_rows(event)
    if rows:
        st.dataframe(rows, hide_index=True, column_config={
            "ref": phrases.REC_REF, "section": phrases.REC_SECTION, "label": phrases.REC_LABEL,
            "working_group": phrases.REC_GROUP, "action_points": phrases.REC_POINTS,
            "text": st.column_config.TextColumn(phrases.REC_TEXT, width="large")})
    else:
        st.info(phrases.REC_NONE)
    if signin.read_only(event.id):
        return
    one, pasted, order = st.tabs([phrases.REC_ADD_TAB, phrases.REC_PASTE_TAB,
                                  phrases.REC_ORDER_TAB])
    with one:
        _add_one(event)
    with pasted:
        _paste(event)
    with order:
        if rows:
            _reorder(event, [row["ref"] for row in rows])
        else:
            st.caption(phrases.REC_NONE)
