"""Who an event already has: its organisers, invitees and registered participants, each
organisation or State once, in the part it plays."""

from __future__ import annotations

from planner.model import NOT_COMING, Event, Registry
from planner.people.delegations import country_of, delegation_of, recorded_delegations

__all__ = ["INVOLVEMENTS", "involvement"]

#: The parts an actor can play in an event, strongest first: an organiser who also
#: registered people is marked as an organiser.
INVOLVEMENTS = ("host", "organiser", "invited", "participant")


def involvement(event: Event, registry: Registry) -> dict[str, str]:
    """Each organisation or State the event involves, with its part (`INVOLVEMENTS`).

    A registered participant (anyone not declined or cancelled) brings in the
    delegation they sit with and the country they count for: the rule of
    `planner.people.delegations`, the one the roster and the balance use. So a
    delegate from Botswana registered under her ministry counts Botswana in.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Organisation, Participant
    >>> reg = Registry([Organisation(id="kenya", name="Kenya", type="state", iso="KE"),
    ...     Organisation(id="botswana", name="Botswana", type="state", iso="BW")])
    >>> event = Event(id="x", kind="workshop", title="T", city="Nairobi", country="kenya",
    ...     timezone="Africa/Nairobi", start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 1),
    ...     participants=[Participant(id="a", last_name="A", country="botswana",
    ...                               organisation="drc")])
    >>> involvement(event, reg)
    {'kenya': 'host', 'drc': 'participant', 'botswana': 'participant'}
    """
    parts: dict[str, str] = {}

    def add(org_id: str | None, part: str) -> None:
        # Parts are added strongest first, so the first one an actor gets is kept.
        if org_id:
            parts.setdefault(org_id, part)

    add(event.country, "host")
    for organiser in event.organisers:
        add(organiser.organisation, "organiser")
    for invitee in (*event.invited, *event.attended):
        add(invitee.organisation, "invited")
    recorded = recorded_delegations(event)
    for person in event.participants:
        if person.status in NOT_COMING:
            continue
        add(person.organisation, "participant")
        add(delegation_of(person, event, registry, recorded=recorded), "participant")
        add(country_of(person, registry), "participant")
    return parts
