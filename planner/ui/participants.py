"""Participants page: import with a column mapping, the organisations it proposes to add and a
row-by-row report; the roster as an editable table, the balance charts with their warnings,
and the participant lists."""

from __future__ import annotations

from functools import partial

import streamlit as st

from planner.countries import PLACES
from planner.errors import PlannerError
from planner.model import (
    Event,
    InvitationStatus,
    Organisation,
    OrganisationType,
    ParticipantRole,
    Registry,
)
from planner.people.balance import balance_rows, check_balance, measure_balance
from planner.people.importing import ImportReport, import_participants
from planner.people.lists import participant_table, template_tables
from planner.people.organisations import NO_ORGANISATION, Proposal
from planner.people.roster import (
    EDITABLE,
    IMPORT_FIELDS,
    apply_roster,
    delegation_choices,
    mapping_rows,
    roster_rows,
)
from planner.tables import read_table, write_table, write_workbook
from planner.ui import charts, forms, phrases, signin, state, widgets
from planner.ui.state import key

_VERSION = "participants-upload-version"


def _import(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_IMPORT)
    _template()
    version = st.session_state.get(_VERSION, 0)
    upload = st.file_uploader(phrases.PEOPLE_UPLOAD, type=["csv", "xlsx"],
                              key=key("upload", event.id, version))
    if upload is None:
        return
    chosen = key("upload_proposals", event.id, version) + "-decisions"
    try:
        header = read_table(upload.getvalue(), upload.name).header
        st.caption(phrases.PEOPLE_MAPPING)
        rows = st.data_editor(mapping_rows(header), hide_index=True, disabled=["column"],
                              key=key("upload_mapping", event.id, version), column_config={
                                  "field": st.column_config.SelectboxColumn(
                                      options=IMPORT_FIELDS, required=True)})
        updated, report = import_participants(
            event, upload.getvalue(), name=upload.name, registry=registry,
            mapping={row["column"]: row["field"] for row in rows},
            decisions=st.session_state.get(chosen, {}))
    except PlannerError as err:
        st.error(str(err))
        return
    st.markdown(f"**{phrases.PEOPLE_REPORT}**: {report.summary()}")
    _proposals(report, registry, chosen, key("upload_proposals", event.id, version))
    st.dataframe([{"row": f.row, "name": f.name, "outcome": f.outcome,
                   "participant": f.participant, "column": f.column, "reason": f.reason,
                   "notes": "; ".join(f.notes)} for f in report.rows], hide_index=True)
    merges = [f for f in report.rows if f.outcome == "merged"]
    if merges:
        st.caption(phrases.PEOPLE_MERGES)
        st.dataframe([{"row": f.row, "name": f.name, "into": f.participant, "why": f.reason,
                       "changed": "; ".join(f.notes)} for f in merges], hide_index=True)
    if updated == event:
        st.info(phrases.PEOPLE_IMPORT_NOTHING)
    elif st.button(phrases.PEOPLE_IMPORT_SAVE, type="primary", key=key("upload_save", event.id)):
        if report.added:
            try:
                state.library().add_organisations(report.added)
            except PlannerError as err:
                st.error(str(err))
                return
        # A fresh, empty uploader after the save, so that the file is not imported twice.
        forms.save_event(updated, message=phrases.PEOPLE_IMPORTED,
                         then=lambda: st.session_state.update({_VERSION: version + 1}))


def _template() -> None:
    st.caption(phrases.PEOPLE_TEMPLATE)
    left, right, _ = st.columns([1, 1, 4])
    for column, fmt in ((left, "xlsx"), (right, "csv")):
        with column:
            widgets.download(fmt.upper(), partial(_template_bytes, fmt),
                             file_name=f"registration-template.{fmt}",
                             key=key("upload_template", fmt))


def _template_bytes(fmt: str) -> bytes:
    sheets = template_tables()
    return write_workbook(sheets) if fmt == "xlsx" else write_table(*sheets[0][1:], fmt=fmt)


def _proposal_rows(report: ImportReport) -> list[dict[str, object]]:
    added = {org.id: org for org in report.added}
    rows = []
    for p in report.proposals:
        entry = added.get(p.decided or "") or p.entry
        rows.append({
            "organisation": p.written, "people": len(p.rows), "accept": p.decided in added,
            "id": entry.id if entry else p.key, "name": entry.name if entry else p.written,
            "type": (entry.type if entry else OrganisationType.GOVERNMENT_BODY).value,
            "state": entry.parent if entry else p.country,
            "same_as": p.decided if p.decided and p.decided not in added else None,
            "why": p.reason + (f"; it may be {', '.join(p.choices)}" if p.choices else "")})
    return rows


def _decision(row: dict[str, object], proposal: Proposal) -> Organisation | str | None:
    if row.get("same_as"):
        return str(row["same_as"])
    if not row.get("accept"):
        return None
    kind = OrganisationType(str(row["type"]))
    state_id = row.get("state") if kind == OrganisationType.GOVERNMENT_BODY else None
    if kind == OrganisationType.GOVERNMENT_BODY and not state_id:
        raise PlannerError(f"'{proposal.written}': choose the State it is a body of")
    note = proposal.entry.note if proposal.entry else None
    try:
        return Organisation(id=str(row["id"]), name=str(row["name"]), type=kind,
                            parent=str(state_id) if state_id else None,
                            acronym=proposal.entry.acronym if proposal.entry else None,
                            note=note)
    except ValueError as err:
        raise PlannerError(f"'{proposal.written}': {err}") from None


def _proposals(report: ImportReport, registry: Registry, chosen: str, editor: str) -> None:
    if not report.proposals:
        return
    st.markdown(f"**{phrases.PEOPLE_PROPOSALS}**")
    st.caption(phrases.PEOPLE_PROPOSALS_HELP)
    states = sorted(o.id for o in registry.every() if o.type in PLACES)
    column = st.column_config
    edited = st.data_editor(
        _proposal_rows(report), hide_index=True, key=editor,
        disabled=["organisation", "people", "why"], column_config={
            "accept": column.CheckboxColumn(),
            "type": column.SelectboxColumn(options=[t.value for t in OrganisationType]),
            "state": column.SelectboxColumn(options=states),
            "same_as": column.SelectboxColumn(options=[NO_ORGANISATION, *sorted(
                o.id for o in registry.every())])})
    if report.added:
        st.caption(phrases.PEOPLE_ADDED.format(
            names=", ".join(f"{o.name} ({o.id})" for o in report.added)))
    left, middle, right = st.columns(3)
    if left.button(phrases.PEOPLE_ACCEPT_ALL, key=f"{editor}-all", type="primary"):
        decided = dict(st.session_state.get(chosen, {}))
        decided.update({p.key: p.entry for p in report.proposals
                        if p.acceptable and p.decided is None and p.entry is not None})
        _decide(chosen, editor, decided)
    if middle.button(phrases.PEOPLE_APPLY, key=f"{editor}-apply"):
        try:
            decided = {p.key: d for p, row in zip(report.proposals, edited, strict=True)
                       if (d := _decision(row, p)) is not None}
        except PlannerError as err:
            st.error(str(err))
            return
        _decide(chosen, editor, decided)
    if st.session_state.get(chosen) and right.button(phrases.PEOPLE_RESET,
                                                      key=f"{editor}-reset"):
        _decide(chosen, editor, {})


def _decide(chosen: str, editor: str, decided: dict[str, Organisation | str]) -> None:
    st.session_state[chosen] = decided
    st.session_state.pop(editor, None)  # the table starts again from the new proposals
    st.rerun()


def _roster(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_ROSTER)
    if not event.participants:
        st.info(phrases.PEOPLE_NONE)
        return
    form, editor = f"roster-{event.id}", key("roster", event.id)
    column, named = st.column_config, phrases.ROSTER_COLUMNS
    edited = forms.edit_table(
        event, form=form, editor=editor, rows=roster_rows(event, registry), editable=EDITABLE,
        save=(phrases.PEOPLE_ROSTER_SAVE, key("roster_save", event.id)), apply=apply_roster,
        unchanged=phrases.PEOPLE_ROSTER_UNCHANGED, columns={**named,
            "roles": column.MultiselectColumn(named["roles"], options=list(ParticipantRole)),
            "status": column.SelectboxColumn(named["status"], options=list(InvitationStatus),
                                             required=True),
            "delegation": column.SelectboxColumn(named["delegation"],
                                                 options=delegation_choices(event, registry))})
    if edited:
        st.button(phrases.RELOAD, key=key("roster_reload", event.id),
                  on_click=forms.discard_form, args=(form, editor))


def _balance(event: Event, registry: Registry) -> None:
    st.subheader(phrases.PEOPLE_BALANCE)
    if not event.participants:
        widgets.show_findings(check_balance(event, registry), empty=phrases.PEOPLE_BALANCED)
        return
    rows = balance_rows(measure_balance(event, registry))
    chart, warnings = st.columns([3, 2])
    chart.plotly_chart(charts.balance_chart(rows), key=f"balance-{event.id}")
    if event.working_groups:
        dimension = chart.selectbox(phrases.PEOPLE_BY_GROUP, list(charts.BALANCE_DIMENSIONS),
                                    format_func=lambda d: charts.BALANCE_DIMENSIONS[d],
                                    key=key("balance_scope", event.id))
        chart.plotly_chart(charts.group_balance_chart(rows, dimension))
    with warnings:
        st.markdown(f"**{phrases.PEOPLE_WARNINGS}**")
        widgets.show_findings(check_balance(event, registry), empty=phrases.PEOPLE_BALANCED)


def _lists(event: Event, registry: Registry, *, public_only: bool = False) -> None:
    st.subheader(phrases.PEOPLE_LISTS)
    public = public_only or st.toggle(phrases.PEOPLE_PUBLIC, value=True,
                                      key=key("list_public", event.id))
    name = f"{event.id}-participants{'-public' if public else ''}"

    def table(fmt: str) -> bytes:
        return write_table(*participant_table(event, registry, public=public), fmt=fmt)

    for fmt in ("xlsx", "csv"):
        widgets.download(fmt.upper(), partial(table, fmt), file_name=f"{name}.{fmt}",
                         key=f"{name}-{fmt}")
    widgets.download_document("participant-list", event, registry, public=public,
                              key=f"{name}-docx", file_name=name)


def render() -> None:
    """Import people, review them, watch the balance, download the lists."""
    event = state.open_page(phrases.PEOPLE_TITLE)
    if event is None:
        return
    registry = state.library().registry
    if signin.read_only(event.id):
        # Personal data by role: a viewer sees who consented to be listed, without contact
        # details or gender, as the public list document shows them.
        headers, rows = participant_table(event, registry, public=True)
        st.dataframe([dict(zip(headers, row, strict=True)) for row in rows], hide_index=True)
        _lists(event, registry, public_only=True)
        return
    _import(event, registry)
    _roster(event, registry)
    _balance(event, registry)
    _lists(event, registry)
