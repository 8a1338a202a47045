"""Working groups page: rounds and capacities, the solver with its progress, each group's
composition and charts, each person's explanation, moving and pinning, the guidance notes."""

from __future__ import annotations

import streamlit as st

from planner.errors import PlannerError
from planner.groups.assign import Assignment, assign_groups
from planner.groups.membership import (
    group_rows,
    move_person,
    preference_rows,
    set_capacities,
    set_preferences,
)
from planner.model import Event, Registry
from planner.people.balance import balance_rows, measure_balance
from planner.ui import charts, forms, phrases, state, widgets
from planner.ui.state import key


@st.cache_resource(show_spinner=False, max_entries=8)
def _assignment(folder: str, event_id: str, revision: int, seed: int, _event: Event,
                _registry: Registry) -> Assignment:
    # Keyed by the saved revision and the seed (`_event` is left out of the key): the
    # solver runs again only when the event or the seed changes.
    return assign_groups(_event, _registry, seed=seed)


# The rows keep the keys of `group_rows` (the CLI's JSON); the tables show words.
_COLUMNS = {"id": "Group", "title": "Title", "round": "Round", "action_points": "Action points",
            "members": "Members", "pinned": "Pinned", "chair": "Chair",
            "rapporteurs": "Rapporteurs", "name": "Participant", "preferences": "Preferences",
            "working_groups": "Placed in"}


def _capacities(event: Event) -> None:
    st.subheader(phrases.GROUPS_TABLE)
    st.caption(phrases.GROUPS_TABLE_HELP)
    forms.edit_table(
        event, form=f"groups-{event.id}", editor=key("groups_editor", event.id),
        rows=group_rows(event), editable={"capacity"},
        save=(phrases.GROUPS_SAVE_CAPACITIES, key("groups_save_capacities", event.id)),
        apply=lambda event, rows: set_capacities(event, {r["id"]: r["capacity"] for r in rows}),
        columns={**_COLUMNS, "capacity": st.column_config.NumberColumn(
            "Capacity", min_value=1, step=1)})


def _preferences(event: Event) -> None:
    st.subheader(phrases.GROUPS_PREFERENCES)
    st.caption(phrases.GROUPS_PREFERENCES_HELP)
    forms.edit_table(
        event, form=f"preferences-{event.id}", editor=key("groups_preferences", event.id),
        rows=preference_rows(event), editable={"preferences"},
        save=(phrases.GROUPS_SAVE_PREFERENCES, key("groups_save_preferences", event.id)),
        apply=lambda event, rows: set_preferences(
            event, {r["id"]: r["preferences"] for r in rows}),
        columns={**_COLUMNS, "id": None})


def _summary(found: Assignment) -> str:
    return phrases.GROUPS_SOLVED.format(seconds=found.seconds, status=found.status,
                                        gap=found.gap, method=found.method)


def _solve(event: Event, registry: Registry) -> Assignment | None:
    st.subheader(phrases.GROUPS_SOLVE)
    st.caption(phrases.GROUPS_SOLVE_HELP)
    seed = st.number_input(phrases.GROUPS_SEED, 0, 1_000_000, 0, key=key("groups_seed", event.id))
    asked = key("groups_solve", event.id)
    if st.button(phrases.GROUPS_SOLVE, type="primary", key=f"{asked}-button"):
        st.session_state[asked] = "latest"
    if st.session_state.get(asked) == "latest":
        st.session_state[asked] = (event.revision, seed)
    if st.session_state.get(asked) != (event.revision, seed):
        return None
    folder, shown = str(state.library().path), key("groups_shown", event.id)
    if st.session_state.get(shown) == (event.revision, seed):
        # Solved before in this session: the cached composition, without a progress box.
        found = _assignment(folder, event.id, event.revision, seed, event, registry)
        st.success(_summary(found))
    else:
        with st.status(phrases.GROUPS_SOLVING) as progress:
            try:
                found = _assignment(folder, event.id, event.revision, seed, event, registry)
            except PlannerError as err:
                progress.update(label=str(err), state="error")
                return None
            progress.update(state="complete", label=_summary(found))
        st.session_state[shown] = (event.revision, seed)
    widgets.show_findings(found.findings, empty=phrases.GROUPS_RULES_OK)
    if st.button(phrases.GROUPS_SAVE, type="primary", key=key("groups_save", event.id)):
        forms.save_event(found.event, message=phrases.GROUPS_SAVED, then=lambda: None)
    return found


def _composition(shown: Event, registry: Registry, proposed: bool) -> None:
    said = phrases.GROUPS_PROPOSED if proposed else phrases.GROUPS_SAVED_NOW
    st.subheader(f"{phrases.GROUPS_COMPOSITION} ({said})")
    st.dataframe(group_rows(shown), hide_index=True, column_config={**_COLUMNS,
                 "capacity": "Capacity"}, column_order=[
        "id", "round", "capacity", "members", "pinned", "chair", "rapporteurs", "title"])
    dimension = st.selectbox(phrases.GROUPS_BY, list(charts.BALANCE_DIMENSIONS),
                             format_func=lambda d: charts.BALANCE_DIMENSIONS[d],
                             key=key("groups_dimension", shown.id))
    st.plotly_chart(charts.group_balance_chart(
        balance_rows(measure_balance(shown, registry)), dimension))


def _person(event: Event, found: Assignment | None) -> None:
    st.subheader(phrases.GROUPS_PERSON)
    names = {p.id: p.name for p in event.participants}
    who = st.selectbox(phrases.GROUPS_WHO, list(names), format_func=lambda p: names[p],
                       key=key("groups_person", event.id))
    if found is None:
        st.caption(phrases.GROUPS_WHY_NONE)
    else:
        st.info(found.explanations.get(who, phrases.GROUPS_NOT_PLACED))
    titles = {g.id: f"Round {g.round}: {g.title}" for g in event.working_groups}
    target = st.selectbox(phrases.GROUPS_MOVE_TO, list(titles), format_func=lambda g: titles[g],
                          key=key("groups_target", event.id))
    if st.button(phrases.GROUPS_MOVE, key=key("groups_move", event.id)):
        # Pinned, the move survives the new composition, which runs on the saved event.
        forms.save_event(move_person(event, who, target), message=phrases.SAVED,
                         then=lambda: st.session_state.update(
                             {key("groups_solve", event.id): "latest"}))


def render() -> None:
    """Set capacities; compose the groups; see each group and person; move and pin."""
    event = state.open_page(phrases.GROUPS_TITLE)
    if event is None:
        return
    if not event.working_groups:
        st.info(phrases.GROUPS_NONE)
        return
    registry = state.library().registry
    _capacities(event)
    if not event.participants:
        st.info(phrases.GROUPS_NO_PEOPLE)
    else:
        _preferences(event)
        found = _solve(event, registry)
        _composition(found.event if found else event, registry, proposed=found is not None)
        _person(event, found)
    st.subheader(phrases.GROUPS_DOWNLOAD)
    widgets.download_document("working-groups", event, registry, key=f"groups-{event.id}")
