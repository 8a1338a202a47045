"""The roster of an event as rows to review and edit: people, roles, status and delegation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from planner.errors import PlannerError
from planner.library.integrity import check_event
from planner.model import Delegation, Event, Participant, Registry, StatusChange
from planner.people.columns import FIELDS, match_columns
from planner.people.delegations import organisation_delegation

__all__ = [
    "EDITABLE",
    "IGNORE",
    "IMPORT_FIELDS",
    "apply_roster",
    "change_person",
    "delegation_choices",
    "mapping_rows",
    "roster_rows",
]

IGNORE = "ignore"
#: What a column of a registration list can be read as.
IMPORT_FIELDS: tuple[str, ...] = (*FIELDS, IGNORE)
#: The roster columns an organiser may change; the others are shown for reference.
EDITABLE = ("roles", "status", "delegation", "head", "consent_to_publish")


def mapping_rows(header: Sequence[str]) -> list[dict[str, str]]:
    """Each column of a registration list with the field it is recognised as (or `ignore`),
    ready for the organiser to correct and pass back as `import_participants(mapping=…)`.

    Examples
    --------
    >>> mapping_rows(["Prénom", "NOM", "Diet"])
    [{'column': 'Prénom', 'field': 'first_name'}, {'column': 'NOM', 'field': 'last_name'}, \
{'column': 'Diet', 'field': 'ignore'}]
    """
    columns, _ = match_columns(header)
    return [{"column": name, "field": columns.get(i, IGNORE)} for i, name in enumerate(header)]


def _delegations_by_person(event: Event) -> dict[str, Delegation]:
    return {person: d for d in event.delegations for person in filter(None, [d.head, *d.members])}


def roster_rows(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """One row per participant: `id`, `name`, `organisation`, `country`, `delegation` (the
    organisation id of their delegation), `head` (whether they head it), `roles`, `status`,
    `consent_to_publish` and `working_groups`.

    Examples
    --------
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="A", organisation="yemen")],
    ...     delegations=[Delegation(organisation="yemen", head="a")])
    >>> row = roster_rows(event, Registry([]))[0]
    >>> row["delegation"], row["head"], row["roles"], row["status"]
    ('yemen', True, ['delegate'], 'proposed')
    """
    by_person = _delegations_by_person(event)
    def names(org_id: str | None) -> str | None:
        return registry[org_id].display_name if org_id and org_id in registry else org_id

    rows = []
    for person in event.participants:
        delegation = by_person.get(person.id)
        rows.append({
            "id": person.id, "name": person.name,
            "organisation": names(person.organisation),
            "country": names(person.country),
            "delegation": delegation.organisation if delegation else None,
            "head": delegation is not None and delegation.head == person.id,
            "roles": [role.value for role in person.roles], "status": person.status.value,
            "consent_to_publish": person.consent_to_publish,
            "working_groups": ", ".join(person.working_groups)})
    return rows


def delegation_choices(event: Event, registry: Registry) -> list[str]:
    """The delegations a participant can be moved to: the event's, and those of the
    participants' organisations, in id order."""
    found = {d.organisation for d in event.delegations}
    found |= {org for p in event.participants
              if (org := organisation_delegation(p, registry)) is not None}
    return sorted(found)


def _person(person: Participant, row: Mapping[str, Any], today: dt.date) -> Participant:
    data = person.model_dump()
    data.update(roles=list(row["roles"] or []), status=row["status"],
                consent_to_publish=bool(row["consent_to_publish"]))
    try:
        changed = Participant.model_validate(data)
    except ValidationError as err:
        problem = err.errors(include_url=False)[0]
        field = ".".join(str(p) for p in problem["loc"])
        raise PlannerError(f"participant '{person.id}': {field}: {problem['msg']}") from None
    if changed.status != person.status:
        changed.history.append(StatusChange(status=changed.status, on=today,
                                            note="changed in the roster"))
    return changed


def _moved(delegations: list[Delegation], person: str, target: str | None,
           head: bool) -> list[Delegation]:
    # Members include the head, as an import places them.
    result = []
    for d in delegations:
        members = [m for m in d.members if m != person]
        leader = None if d.head == person else d.head
        if d.organisation == target:
            members.append(person)
            if head and leader is not None and leader not in members:
                members.insert(0, leader)
            leader = person if head else leader
        result.append(d.model_copy(update={"members": members, "head": leader}))
    if target and all(d.organisation != target for d in delegations):
        result.append(Delegation(organisation=target, head=person if head else None,
                                 members=[person]))
    return [d for d in result if d.head or d.members or d.quota]


def apply_roster(event: Event, rows: Sequence[Mapping[str, Any]], *,
                 today: dt.date | None = None) -> Event:
    """A copy of `event` with the edits of `rows` (the shape `roster_rows` gives): roles,
    status (dated in the history as of `today`), consent, delegation and its head.

    Rows are matched by `id`; their other columns are not read. A person made head
    of a delegation replaces its previous head, who stays a member. Nothing is saved.

    Raises
    ------
    PlannerError
        Naming the participant and the field, for a value the model refuses.

    Examples
    --------
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="A")])
    >>> row = {"id": "a", "roles": ["chair"], "status": "confirmed", "delegation": "yemen",
    ...        "head": True, "consent_to_publish": True}
    >>> new = apply_roster(event, [row], today=dt.date(2010, 1, 1))
    >>> new.participants[0].status.value, new.participants[0].history[0].on
    ('confirmed', datetime.date(2010, 1, 1))
    >>> [(d.organisation, d.head, d.members) for d in new.delegations]
    [('yemen', 'a', ['a'])]
    """
    day = today or dt.date.today()
    by_id = {row["id"]: row for row in rows}
    people = [_person(p, by_id[p.id], day) if p.id in by_id else p for p in event.participants]
    delegations = list(event.delegations)
    current = _delegations_by_person(event)
    for person_id, row in by_id.items():
        before = current.get(person_id)
        was = (before.organisation if before else None, bool(before and before.head == person_id))
        if (row.get("delegation"), bool(row.get("head"))) != was:
            delegations = _moved(delegations, person_id, row.get("delegation"),
                                 bool(row.get("head")))
    updated = event.model_copy(update={"participants": people, "delegations": delegations})
    if problems := check_event(updated):
        raise PlannerError(f"the edits would break the event: {problems[0][1]}")
    return updated


def change_person(event: Event, registry: Registry, person_id: str,
                  changes: Mapping[str, Any], *, today: dt.date | None = None) -> Event:
    """A copy of `event` with one person's roster row changed as the roster table would:
    `changes` holds new values of `EDITABLE` columns (None: unchanged; delegation
    `"none"`: out of any delegation). Nothing is saved.

    Raises
    ------
    PlannerError
        For a person the event does not have, or a delegation outside
        `delegation_choices` (an organisation the registry does not know could
        not be saved).

    Examples
    --------
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="A", country="yemen")])
    >>> from planner.library import Library
    >>> changed = change_person(event, Library.open().registry, "a",
    ...                         {"status": "declined"}, today=dt.date(2010, 1, 1))
    >>> changed.participants[0].status.value, changed.participants[0].history[0].on.year
    ('declined', 2010)
    """
    rows = roster_rows(event, registry)
    row = next((row for row in rows if row["id"] == person_id), None)
    if row is None:
        raise PlannerError(f"no participant '{person_id}' in '{event.id}'")
    choices = delegation_choices(event, registry)
    if changes.get("delegation") not in (None, "none", *choices):
        raise PlannerError(f"no delegation '{changes['delegation']}' in '{event.id}': choose "
                           f"from {', '.join(choices) or 'none'} (or 'none')")
    row.update({name: value for name, value in changes.items()
                if value is not None and name in EDITABLE})
    row["delegation"] = None if row["delegation"] == "none" else row["delegation"]
    return apply_roster(event, rows, today=today)
