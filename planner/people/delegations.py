"""Which delegation a person sits with, and which country they count for: one rule each,
used by the roster, the participant list, the balance and the working-group solver."""

from __future__ import annotations

from planner.countries import PLACES
from planner.model import Event, OrganisationType, Participant, Registry

__all__ = ["country_of", "delegation_of", "organisation_delegation", "recorded_delegations"]


def organisation_delegation(participant: Participant, registry: Registry) -> str | None:
    """The delegation a participant's organisation puts them in: a ministry's people go
    with their State, anyone else with their organisation (None when it is unknown).

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="kenya", name="Kenya", type="state", iso="KE"),
    ...     Organisation(id="doi", name="Department of Immigration", type="government-body",
    ...                  parent="kenya")])
    >>> organisation_delegation(Participant(id="a", last_name="A", organisation="doi"), reg)
    'kenya'
    """
    org_id = participant.organisation
    if org_id is None or org_id not in registry:
        return None
    org = registry[org_id]
    if org.type == OrganisationType.GOVERNMENT_BODY and org.parent in registry:
        return org.parent
    return org_id


def recorded_delegations(event: Event) -> dict[str, str]:
    """The delegations the event records, by participant id (heads and members)."""
    return {person: d.organisation for d in event.delegations
            for person in filter(None, (d.head, *d.members))}


def delegation_of(participant: Participant, event: Event, registry: Registry, *,
                  recorded: dict[str, str] | None = None) -> str | None:
    """The registry id of the delegation a person sits with.

    The event's recorded `delegations` decide first; otherwise the person's
    organisation (`organisation_delegation`); otherwise the country they gave.
    Pass `recorded` (from `recorded_delegations`) when asking for many people.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Delegation
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     delegations=[Delegation(organisation="au", members=["a"])])
    >>> delegation_of(Participant(id="a", last_name="A", organisation="drc"), event,
    ...               Registry([]))
    'au'
    >>> delegation_of(Participant(id="b", last_name="B", country="yemen"), event, Registry([]))
    'yemen'
    """
    found = (recorded if recorded is not None else recorded_delegations(event)).get(
        participant.id)
    return found or organisation_delegation(participant, registry) or participant.country


def country_of(participant: Participant, registry: Registry) -> str | None:
    """The State or territory a person counts for in the balance: the country they gave,
    else the State their organisation's delegation is (a ministry's State)."""
    if participant.country:
        return participant.country
    org_id = organisation_delegation(participant, registry)
    return org_id if org_id and registry[org_id].type in PLACES else None
