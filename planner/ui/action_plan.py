"""Action plan page: recommendations by section; the menu of actions as an editable table with
its reference check; a draft from the recommendations; the plan as a document."""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner.dates import clamp_date
from planner.documents.outcomes import recommendation_sections
from planner.errors import PlannerError
from planner.model import Event
from planner.outcomes.action_plan import (
    check_plan,
    coverage_table,
    default_deadline,
    draft_action_plan,
    save_draft,
)
from planner.outcomes.adoption import (
    EDITABLE_ACTION_FIELDS,
    action_rows,
    adopt_action_plan,
    has_actions,
    revise_actions,
)
from planner.outcomes.schemes import SCHEMES
from planner.ui import forms, phrases, signin, state, widgets
from planner.ui.state import key
from planner.ui.widgets import LAST_DAY


def _recommendations(event: Event) -> None:
    st.subheader(phrases.PLAN_RECOMMENDATIONS)
    if not event.recommendations:
        st.info(phrases.PLAN_NO_RECOMMENDATIONS)
    for heading, recommendations in recommendation_sections(event):
        with st.expander(f"{heading} ({len(recommendations)})"):
            st.dataframe([{"ref": r.ref, "text": r.text, "action points": r.action_points}
                          for r in recommendations], hide_index=True, column_config={
                "ref": phrases.say("Reference"), "text": st.column_config.TextColumn(
                    phrases.say("Recommendation"), width="large"),
                "action points": phrases.say("Action points")})


def _columns() -> dict[str, Any]:
    """How the plan's table names its columns, to edit and to read, in the app's language."""
    say = phrases.say
    return {"key": say("No."), "references": say("Recommendations cited"),
            "owners": say("Owners"),
            "text": st.column_config.TextColumn(say("Action"), width="large"),
            "area": st.column_config.TextColumn(say("Area"), width="small"),
            "sub_theme": st.column_config.TextColumn(say("Sub-theme"), width="small"),
            "deadline": st.column_config.DateColumn(say("Deadline"))}


def _editor(event: Event, *, editable: bool = True) -> None:
    st.subheader(phrases.PLAN_EDITOR)
    if event.action_plan is None:
        st.info(phrases.PLAN_NONE)
        return
    rows = action_rows(event.action_plan)
    if not rows:
        st.info(phrases.PLAN_NO_ACTIONS)
        return
    if not editable:  # a viewer reads the plan and its check, with nothing to press
        st.dataframe(rows, hide_index=True, column_config=_columns())
        st.markdown(f"**{phrases.PLAN_CHECK}**")
        widgets.show_findings(check_plan(event.action_plan, event.recommendations),
                              empty=phrases.PLAN_CHECK_OK)
        return
    st.caption(phrases.PLAN_EDITOR_HELP)
    form, editor = f"plan-{event.id}", key("plan_editor", event.id)
    edits = st.session_state.get(editor) or {}
    base = forms.form_revision(form, event, edited=bool(edits.get("edited_rows")))
    forms.show_stale(form, event)
    edited = st.data_editor(rows, key=editor, hide_index=True, num_rows="fixed",
                            disabled=[n for n in rows[0] if n not in EDITABLE_ACTION_FIELDS],
                            column_config=_columns())
    try:
        plan = revise_actions(event.action_plan, edited, registry=state.library().registry)
    except PlannerError as err:
        st.error(str(err))
        return
    st.markdown(f"**{phrases.PLAN_CHECK}**")
    widgets.show_findings(check_plan(plan, event.recommendations), empty=phrases.PLAN_CHECK_OK)
    if edited != rows and st.button(phrases.PLAN_SAVE, type="primary",
                                    key=key("plan_save", event.id)):
        forms.save_event(event.model_copy(update={"action_plan": plan, "revision": base}),
                         form=form, message=phrases.SAVED,
                         then=lambda: forms.discard_form(form, editor))


def _draft(event: Event) -> None:
    st.subheader(phrases.PLAN_DRAFT)
    left, right = st.columns(2)
    scheme = left.selectbox(phrases.PLAN_SCHEME, list(SCHEMES), key=key("plan_scheme", event.id))
    deadline = right.date_input(phrases.PLAN_DEADLINE,
                                value=clamp_date(default_deadline(event), event.start, LAST_DAY),
                                min_value=event.start, max_value=LAST_DAY,
                                key=key("plan_deadline", event.id))
    if not st.toggle(phrases.PLAN_DRAFT_BUTTON, key=key("plan_draft", event.id)):
        return
    plan = draft_action_plan(event, scheme=scheme, deadline=deadline)
    table = coverage_table(plan, event.recommendations)
    st.dataframe(table["areas"], hide_index=True)
    st.caption(phrases.PLAN_DRAFT_SUMMARY.format(
        cited=sum(bool(row["actions"]) for row in table["recommendations"]),
        total=len(table["recommendations"]),
        findings=len(check_plan(plan, event.recommendations))))
    save, adopt = st.columns(2)
    if save.button(phrases.PLAN_SAVE_DRAFT, key=key("plan_save_draft", event.id)):
        path = save_draft(plan, state.library().event_path(event.id))
        st.success(phrases.PLAN_DRAFT_SAVED.format(path=path))
    empty = not has_actions(plan)
    if empty:
        adopt.caption(phrases.PLAN_ADOPT_EMPTY)
    elif event.action_plan is not None:
        adopt.caption(phrases.PLAN_ADOPT_REPLACES)
    if adopt.button(phrases.PLAN_ADOPT, key=key("plan_adopt", event.id), disabled=empty):
        forms.save_event(adopt_action_plan(event, plan), message=phrases.SAVED)


def render() -> None:
    """Read the recommendations; edit and check the plan; draft one; download it."""
    event = state.open_page(phrases.PLAN_TITLE)
    if event is None:
        return
    viewer = signin.read_only(event.id)
    _recommendations(event)
    _editor(event, editable=not viewer)
    if not viewer:
        _draft(event)
    st.markdown(f"**{phrases.PLAN_DOWNLOAD}**")
    widgets.download_document("action-plan", event, state.library().registry,
                              key=f"plan-download-{event.id}")
