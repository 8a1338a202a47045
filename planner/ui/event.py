"""Event page: the canonical record of an event — title, dates, place — with its organiser
roles and its invitation list as editable tables, and controls that invite organisations
or all the States of a region."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd  # type: ignore[import-untyped]  # no pandas-stubs here
import streamlit as st

from planner.countries import area_of
from planner.dates import format_date_range
from planner.errors import PlannerError
from planner.event.invitation_table import invitation_rows, revise_invitations
from planner.event.invitations import (
    CATEGORIES,
    STATUSES,
    Invitations,
    add_invitations,
    invitation_summary,
)
from planner.event.organisers import ROLES, organiser_rows, revise_organisers
from planner.event.regions import m49_regions
from planner.model import (
    MOST_PEOPLE,
    Event,
    InviteeCategory,
    InviteeStatus,
    OrganiserRoleKind,
    Registry,
    SourceKind,
)
from planner.ui import forms, phrases, signin, state
from planner.ui.state import UNSAVED, key

Rows = list[dict[str, Any]]

_ORGANISER_COLUMNS = ("organisation", "role", "source", "note")
_INVITEE_COLUMNS = ("category", "organisation", "description", "status", "since", "quota",
                    "observer", "source", "note")
_TYPES = {"quota": "Int64", "observer": "boolean"}


def _facts(event: Event, registry: Registry) -> None:
    st.subheader(phrases.EVENT_FACTS, anchor=False)
    country = registry[event.country].display_name if event.country in registry else (
        event.country)
    place = ", ".join(filter(None, (event.venue, event.city, country)))
    facts = [f"**{event.title}** ({phrases.say(event.kind.label)})",
             phrases.EVENT_WHEN.format(
                 dates=state.worded(format_date_range, event.start, event.end), days=event.days,
                 timezone=event.timezone), place]
    if event.languages:
        facts.append(phrases.EVENT_LANGUAGES.format(languages=", ".join(event.languages)))
    if event.previous_event:
        facts.append(phrases.EVENT_FOLLOWS.format(event=event.previous_event))
    st.markdown("\n".join(f"- {fact}" for fact in facts))


def _cell(value: Any) -> Any:
    # A table gives a blank cell back as None, NaN, NaT or NA: all mean "not given".
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _frame(rows: Rows, columns: Sequence[str]) -> pd.DataFrame:
    # Typed columns, so that an empty table, or a column with no value yet, can be edited.
    frame = pd.DataFrame(rows, columns=list(columns)).astype(object)
    return frame.astype({c: t for c, t in _TYPES.items() if c in columns})


def _records(edited: Any) -> Rows:
    return [{k: _cell(v) for k, v in row.items()} for row in edited.to_dict("records")]


def _edit_rows(event: Event, *, form: str, editor: str, rows: Rows, columns: Sequence[str],
               config: Mapping[str, Any], apply: Callable[[Event, Rows], Event],
               save: tuple[str, str], name: str) -> None:
    """An editable table whose rows can be added and deleted, saved as `apply(event, rows)`
    at the revision the edits started from. Edits survive a visit to another page."""
    if not signin.can_edit(event.id):  # a viewer reads the table, with nothing to press
        st.dataframe(_frame(rows, columns), hide_index=True, column_config=dict(config))
        return
    draft, shown = f"{form}:rows", f"{form}:rows-shown"
    if editor not in st.session_state and draft in st.session_state:
        st.session_state[shown] = st.session_state[draft]  # back from another page
    data = st.session_state.get(shown, rows)
    base = forms.form_revision(form, event, edited=draft in st.session_state)
    forms.show_stale(form, event)
    edited = _records(st.data_editor(_frame(data, columns), key=editor, hide_index=True,
                                     num_rows="dynamic", column_config=dict(config)))
    unsaved = st.session_state.setdefault(UNSAVED, {})
    if edited == rows:
        for gone in (draft, shown):
            st.session_state.pop(gone, None)
        unsaved.pop(form, None)
        return
    st.session_state[draft] = edited
    unsaved[form] = name
    forms.show_unsaved(form)
    try:
        changed = apply(event, edited)
    except PlannerError as err:
        st.error(str(err))
        changed = None
    st.button(phrases.DISCARD, key=f"{save[1]}-discard", on_click=forms.discard_form,
              args=(form, editor, draft, shown))
    if st.button(save[0], type="primary", key=save[1], disabled=changed is None):
        assert changed is not None  # the button is disabled otherwise
        forms.save_event(changed.model_copy(update={"revision": base}), form=form,
                         message=phrases.SAVED,
                         then=lambda: forms.discard_form(form, editor, draft, shown))


def _org_label(org: str, registry: Registry) -> str:
    return f"{registry[org].display_name} ({org})" if org in registry else org


def _org_column(label: str, registry: Registry, *, required: bool) -> Any:
    ids = [org.id for org in registry.every()]
    return st.column_config.SelectboxColumn(
        label, options=ids, required=required, width="medium",
        format_func=lambda i: _org_label(str(i), registry))


def _sources(event: Event) -> list[str]:
    return list(dict.fromkeys([SourceKind.EDITOR.value, *(d.kind.value for d in event.sources)]))


def _source_column(event: Event) -> Any:
    return st.column_config.SelectboxColumn(phrases.say("Source"), options=_sources(event),
                                            default=SourceKind.EDITOR.value,
                                            format_func=lambda s: phrases.say(
                                                SourceKind(str(s)).label))


def _organisers(event: Event, registry: Registry) -> None:
    st.subheader(phrases.EVENT_ORGANISERS, anchor=False)
    if signin.can_edit(event.id):  # how to edit: not for a viewer, who reads the table
        st.caption(phrases.EVENT_ORGANISERS_HELP)
    rows = [{c: row[c] for c in _ORGANISER_COLUMNS} for row in organiser_rows(event, registry)]
    config = {
        "organisation": _org_column(phrases.say("Organisation"), registry, required=True),
        "role": st.column_config.SelectboxColumn(
            phrases.say("Role"), options=ROLES, required=True,
            format_func=lambda r: phrases.say(OrganiserRoleKind(str(r)).label)),
        "source": _source_column(event),
        "note": st.column_config.TextColumn(phrases.say("Note"), width="large"),
    }
    _edit_rows(event, form=f"organisers-{event.id}", editor=key("event_organisers", event.id),
               rows=rows, columns=_ORGANISER_COLUMNS, config=config,
               apply=lambda e, edited: revise_organisers(e, edited, registry=registry),
               save=(phrases.EVENT_ORGANISERS_SAVE, key("event_organisers_save", event.id)),
               name=f"{phrases.EVENT_ORGANISERS} ({event.id})")


def _summary(event: Event) -> None:
    summary = invitation_summary(event)
    if not summary:
        st.info(phrases.EVENT_INVITATIONS_NONE)
        return
    st.markdown(f"**{phrases.EVENT_BY_CATEGORY}**")
    st.dataframe([{**row, "label": phrases.say(row["label"])} for row in summary], hide_index=True,
                 column_order=("label", "invitees", *STATUSES, "untracked", "default_quota"),
                 column_config={"label": phrases.say("Category"),
                                "invitees": phrases.say("On the list"),
                                **{s: phrases.say(InviteeStatus(s).label) for s in STATUSES},
                                "untracked": phrases.say("No status"),
                                "default_quota": phrases.say("Delegate quota")})


def _invitation_table(event: Event, registry: Registry) -> None:
    rows = [{c: row[c] for c in _INVITEE_COLUMNS} for row in invitation_rows(event, registry)]
    if signin.can_edit(event.id):
        st.caption(phrases.EVENT_INVITATIONS_HELP)
    config = {
        "category": st.column_config.SelectboxColumn(
            phrases.say("Category"), options=CATEGORIES,
            format_func=lambda c: phrases.say(InviteeCategory(str(c)).label)),
        "organisation": _org_column(phrases.say("Organisation"), registry, required=False),
        "description": st.column_config.TextColumn(phrases.say("Or, for a group, who")),
        "status": st.column_config.SelectboxColumn(
            phrases.say("Status"), options=STATUSES,
            format_func=lambda s: phrases.say(InviteeStatus(str(s)).label)),
        "since": st.column_config.DateColumn(phrases.say("Since"), format="YYYY-MM-DD"),
        "quota": st.column_config.NumberColumn(phrases.say("Delegates"), min_value=1,
                                                 max_value=MOST_PEOPLE, step=1),
        "observer": st.column_config.CheckboxColumn(phrases.say("Observer")),
        "source": _source_column(event),
        "note": st.column_config.TextColumn(phrases.say("Note")),
    }
    today = dt.date.today()
    _edit_rows(event, form=f"invitations-{event.id}", editor=key("event_invited", event.id),
               rows=rows, columns=_INVITEE_COLUMNS, config=config,
               apply=lambda e, edited: revise_invitations(e, edited, registry=registry,
                                                          on=today),
               save=(phrases.EVENT_INVITATIONS_SAVE, key("event_invited_save", event.id)),
               name=f"{phrases.EVENT_INVITATIONS} ({event.id})")


def _save_invited(done: Invitations, registry: Registry, *, clear: str) -> None:
    names = ", ".join(registry[o].display_name for o in done.added)
    message = phrases.EVENT_INVITED.format(names=names.replace("{", "{{").replace("}", "}}"),
                                           path="{path}", revision="{revision}")
    forms.save_event(done.event, message=message, then=lambda: st.session_state.pop(clear, None))


def _invite(event: Event, registry: Registry) -> None:
    st.markdown(f"**{phrases.EVENT_INVITE}**")
    invited = {i.organisation for i in event.invited if i.source == SourceKind.EDITOR}
    choices = [org.id for org in registry.every() if org.id not in invited]
    chosen = st.multiselect(phrases.EVENT_INVITE_WHO, choices, key=key("event_invite", event.id),
                            format_func=lambda i: _org_label(i, registry),
                            placeholder=phrases.CHOOSE)
    left, right = st.columns(2)
    category = left.selectbox(phrases.EVENT_INVITE_CATEGORY, [None, *CATEGORIES],
                              key=key("event_invite_category", event.id),
                              format_func=lambda c: phrases.say(InviteeCategory(c).label) if c else
                              phrases.EVENT_INVITE_BY_TYPE)
    quota = right.number_input(phrases.EVENT_INVITE_QUOTA, min_value=0, max_value=50, value=0,
                               step=1, key=key("event_invite_quota", event.id))
    if st.button(phrases.EVENT_INVITE_ADD, key=key("event_invite_add", event.id),
                 disabled=not chosen):
        try:
            done = add_invitations(event, chosen, category=category, quota=int(quota) or None,
                                   registry=registry)
        except PlannerError as err:
            st.error(str(err))
            return
        _save_invited(done, registry, clear=key("event_invite", event.id))


def _region(event: Event, registry: Registry) -> None:
    st.markdown(f"**{phrases.EVENT_REGION}**")
    regions = m49_regions()
    home = area_of(registry[event.country], registry) if event.country in registry else None
    region = st.selectbox(phrases.EVENT_REGION_CHOICE, regions,
                          index=regions.index(home.finest) if home else 0,
                          key=key("event_region", event.id))
    done = add_invitations(event, regions=[region], registry=registry)
    if done.already:
        st.caption(phrases.EVENT_REGION_ALREADY.format(
            names=", ".join(registry[o].display_name for o in done.already)))
    if not done.added:
        st.caption(phrases.EVENT_REGION_NOTHING.format(region=region))
        return
    st.caption(phrases.EVENT_REGION_PREVIEW.format(
        count=len(done.added), names=", ".join(registry[o].display_name for o in done.added)))
    if st.button(phrases.EVENT_REGION_ADD.format(region=region),
                 key=key("event_region_add", event.id)):
        _save_invited(done, registry, clear=key("event_region", event.id))


def render() -> None:
    """The record's facts; organiser roles and invitation list to edit; invite more."""
    event = state.open_page(phrases.EVENT_TITLE, intro=phrases.EVENT_INTRO)
    if event is None:
        return
    registry = state.library().registry
    viewer = signin.read_only(event.id)
    _facts(event, registry)
    _organisers(event, registry)
    st.subheader(phrases.EVENT_INVITATIONS, anchor=False)
    _summary(event)
    _invitation_table(event, registry)
    if viewer:
        return
    invite, region = st.columns(2)
    with invite:
        _invite(event, registry)
    with region:
        _region(event, registry)
