"""Working groups page: sizes, who may chair and report, preferences, the solver with its
progress, each group's composition and leaders, each person's explanation, moving and
pinning (saved with the composition, never apart), the guidance notes."""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner.errors import PlannerError
from planner.groups.assign import Assignment, move_and_assign
from planner.groups.leaders import leadership_summary, set_leadership_rules
from planner.groups.membership import (
    group_rows,
    preference_rows,
    set_capacities,
    set_minimums,
    set_preferences,
)
from planner.language import N_
from planner.model import MOST_PEOPLE, Event, Registry, StaffLevel
from planner.people.balance import balance_rows, measure_balance
from planner.ui import charts, forms, phrases, signin, state, widgets
from planner.ui.state import key

Moves = tuple[tuple[str, str], ...]


@st.cache_resource(show_spinner=False, max_entries=8)
def _assignment(folder: str, event_id: str, revision: int, seed: int, moves: Moves,
                _event: Event, _registry: Registry) -> Assignment:
    # Keyed by the saved revision, the seed and the moves not yet saved (`_event` is left
    # out of the key): the solver runs again only when one of them changes.
    return move_and_assign(_event, _registry, list(moves), seed=seed)


# The rows keep the keys of `group_rows` (the CLI's JSON); the tables show words.
_COLUMNS = {"id": N_("Group"), "title": N_("Title"), "round": N_("Round"),
            "action_points": N_("Action points"), "members": N_("Members"),
            "pinned": N_("Pinned"), "chair": N_("Chair"), "rapporteurs": N_("Rapporteurs"),
            "name": N_("Participant"), "preferences": N_("Preferences"),
            "working_groups": N_("Placed in")}
_LEVELS = [level.value for level in StaffLevel]


def _sized(event: Event, rows: list[dict[str, Any]]) -> Event:
    event = set_capacities(event, {r["id"]: r["capacity"] for r in rows})
    return set_minimums(event, {r["id"]: r["min_size"] for r in rows})


def _sizes(event: Event, *, editable: bool = True) -> None:
    st.subheader(phrases.GROUPS_TABLE)
    if editable:  # how to edit: not for a viewer, who reads the table
        st.caption(phrases.GROUPS_TABLE_HELP)
    number = st.column_config.NumberColumn
    forms.edit_table(
        event, form=f"groups-{event.id}", editor=key("groups_editor", event.id),
        rows=group_rows(event), editable={"capacity", "min_size"},
        save=(phrases.GROUPS_SAVE_CAPACITIES, key("groups_save_capacities", event.id)),
        apply=_sized, columns={**phrases.say_all(_COLUMNS),
                               "capacity": number(phrases.say("Capacity"), min_value=1,
                                                  max_value=MOST_PEOPLE, step=1),
                               "min_size": number(phrases.say("Minimum"), min_value=1,
                                                  max_value=MOST_PEOPLE, step=1)})


def _leadership(event: Event, registry: Registry) -> None:
    rules = leadership_summary(event, registry)
    base = key("groups_solve", event.id)
    with st.expander(phrases.GROUPS_LEADERS, expanded=False), st.form(f"{base}-rules"):
        st.caption(phrases.GROUPS_LEADERS_HELP)
        offered = sorted({*rules["rapporteurs_from"], *(r.organisation for r in event.organisers)})
        suppliers = st.multiselect(phrases.GROUPS_RAPPORTEURS_FROM, offered,
                                   default=rules["rapporteurs_from"], key=f"{base}-suppliers")
        reporting = st.multiselect(phrases.GROUPS_RAPPORTEUR_LEVELS, _LEVELS,
                                   default=rules["rapporteur_levels"], key=f"{base}-rap-levels",
                                   format_func=phrases.shown_as(StaffLevel))
        states = st.multiselect(phrases.GROUPS_CHAIRS_FROM, rules["states"],
                                default=[s for s in rules["chairs_from"] if s in rules["states"]],
                                key=f"{base}-states")
        chairing = st.multiselect(phrases.GROUPS_CHAIR_LEVELS, _LEVELS,
                                  default=rules["chair_levels"], key=f"{base}-chair-levels",
                                  format_func=phrases.shown_as(StaffLevel))
        plenary = st.checkbox(phrases.GROUPS_HOST_PLENARIES,
                              value=rules["host_chairs_plenaries"], key=f"{base}-plenaries")
        if st.form_submit_button(phrases.GROUPS_SAVE_LEADERS):
            try:
                changed = set_leadership_rules(
                    event, registry, rapporteurs_from=suppliers, rapporteur_levels=reporting,
                    chairs_from=states, chair_levels=chairing, host_chairs_plenaries=plenary)
            except PlannerError as err:
                st.error(str(err))
                return
            forms.save_event(changed, message=phrases.SAVED)


def _preferences(event: Event) -> None:
    st.subheader(phrases.GROUPS_PREFERENCES)
    st.caption(phrases.GROUPS_PREFERENCES_HELP)
    forms.edit_table(
        event, form=f"preferences-{event.id}", editor=key("groups_preferences", event.id),
        rows=preference_rows(event), editable={"preferences"},
        save=(phrases.GROUPS_SAVE_PREFERENCES, key("groups_save_preferences", event.id)),
        apply=lambda event, rows: set_preferences(
            event, {r["id"]: r["preferences"] for r in rows}),
        columns={**phrases.say_all(_COLUMNS), "id": None})


def _summary(found: Assignment) -> str:
    return phrases.GROUPS_SOLVED.format(seconds=found.seconds, status=found.status,
                                        gap=found.gap, method=found.method)


def _moves(event: Event) -> list[tuple[str, str]]:
    return st.session_state.setdefault(f"{key('groups_solve', event.id)}-moves", [])


def _compose(event: Event, registry: Registry, seed: int) -> Assignment | None:
    folder, shown = str(state.library().path), key("groups_shown", event.id)
    moves = tuple(_moves(event))
    asked = (event.revision, seed, moves)
    if st.session_state.get(shown) == asked:
        # Composed before in this session: the cached composition, without a progress box.
        found = _assignment(folder, event.id, event.revision, seed, moves, event, registry)
        st.success(_summary(found))
        return found
    with st.status(phrases.GROUPS_SOLVING) as progress:
        try:
            found = _assignment(folder, event.id, event.revision, seed, moves, event, registry)
        except PlannerError as err:
            progress.update(label=str(err), state="error")
            return None
        progress.update(state="complete", label=_summary(found))
    st.session_state[shown] = asked
    return found


def _saved(event: Event) -> None:
    # Saved: the page shows the composition as saved, with its explanations, and does not
    # compose again until asked.
    _moves(event).clear()
    st.session_state[key("groups_solve", event.id)] = False


def _solve(event: Event, registry: Registry) -> Assignment | None:
    st.subheader(phrases.GROUPS_SOLVE)
    st.caption(phrases.GROUPS_SOLVE_HELP)
    seed = st.number_input(phrases.GROUPS_SEED, 0, 2**31 - 1, 0, key=key("groups_seed", event.id))
    asked = key("groups_solve", event.id)
    if st.button(phrases.GROUPS_SOLVE, type="primary", key=f"{asked}-button"):
        st.session_state[asked] = True
    if not st.session_state.get(asked):
        return None
    found = _compose(event, registry, seed)
    if found is None:
        return None
    if _moves(event):
        st.warning(phrases.GROUPS_MOVES_PENDING.format(count=len(_moves(event))))
    widgets.show_findings(found.findings, empty=phrases.GROUPS_RULES_OK)
    save, discard = st.columns(2)
    if save.button(phrases.GROUPS_SAVE, type="primary", key=key("groups_save", event.id)):
        # The moves and the composition around them, in one save or none.
        forms.save_event(found.event, message=phrases.GROUPS_SAVED,
                         then=lambda: _saved(event))
    if _moves(event) and discard.button(phrases.GROUPS_DISCARD_MOVES, key=f"{asked}-discard"):
        _moves(event).clear()
        st.rerun()
    return found


def _composition(shown: Event, registry: Registry, proposed: bool) -> None:
    said = phrases.GROUPS_PROPOSED if proposed else phrases.GROUPS_SAVED_NOW
    st.subheader(f"{phrases.GROUPS_COMPOSITION} ({said})")
    st.dataframe(group_rows(shown), hide_index=True, column_config={
        **phrases.say_all(_COLUMNS), "capacity": phrases.say("Capacity"),
        "min_size": phrases.say("Minimum")}, column_order=[
        "id", "round", "min_size", "capacity", "members", "pinned", "chair", "rapporteurs",
        "title"])
    if shown.composition and shown.composition.leaders:
        st.markdown(f"**{phrases.GROUPS_WHY_LEADERS}**")
        st.dataframe([{"group": g, "why": line} for g, line in
                      shown.composition.leaders.items()], hide_index=True,
                     column_config={"group": phrases.say("Group"),
                                    "why": st.column_config.TextColumn(
                         phrases.say("Chair and rapporteurs, and why"), width="large")})
    dimension = st.selectbox(phrases.GROUPS_BY, list(charts.BALANCE_DIMENSIONS),
                             format_func=lambda d: phrases.say(charts.BALANCE_DIMENSIONS[d]),
                             key=key("groups_dimension", shown.id))
    st.plotly_chart(charts.group_balance_chart(
        balance_rows(measure_balance(shown, registry)), dimension))


def _person(event: Event, shown: Event, *, movable: bool = True) -> None:
    st.subheader(phrases.GROUPS_PERSON)
    # A viewer reads of the people who consented to be listed, as in the public list.
    names = {p.id: p.name for p in event.participants if movable or p.consent_to_publish}
    if not names:
        return
    who = st.selectbox(phrases.GROUPS_WHO, list(names), format_func=lambda p: names[p],
                       key=key("groups_person", event.id))
    if shown.composition is None:
        st.caption(phrases.GROUPS_WHY_NONE)
    else:
        st.info(shown.composition.placements.get(who, phrases.GROUPS_NOT_PLACED))
    if not movable:
        return
    titles = {g.id: phrases.ROUND_GROUP.format(round=g.round, title=g.title)
              for g in event.working_groups}
    target = st.selectbox(phrases.GROUPS_MOVE_TO, list(titles), format_func=lambda g: titles[g],
                          key=key("groups_target", event.id))
    if st.button(phrases.GROUPS_MOVE, key=key("groups_move", event.id)):
        # Pinned and composed around, but saved only with the composition that follows.
        _moves(event).append((who, target))
        st.session_state[key("groups_solve", event.id)] = True
        st.rerun()


def render() -> None:
    """Set sizes and leaders' rules; compose the groups; see each group and person; move."""
    event = state.open_page(phrases.GROUPS_TITLE)
    if event is None:
        return
    if not event.working_groups:
        st.info(phrases.GROUPS_NONE)
        return
    registry = state.library().registry
    viewer = signin.read_only(event.id)
    _sizes(event, editable=not viewer)
    if not viewer:
        _leadership(event, registry)
    if not event.participants:
        st.info(phrases.GROUPS_NO_PEOPLE)
    else:
        found = None
        if not viewer:  # each person's wishes are the organisers' to read and edit
            _preferences(event)
            found = _solve(event, registry)
        shown = found.event if found else event
        _composition(shown, registry, proposed=found is not None)
        _person(event, shown, movable=not viewer)
    st.subheader(phrases.GROUPS_DOWNLOAD)
    # A viewer's copy lists only the members who consented, as the public list does.
    widgets.download_document("working-groups", event, registry, key=f"groups-{event.id}",
                              public=viewer)
