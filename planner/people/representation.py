"""Which country or organisation a person counts for: a government's people for their
State, an international organisation's staff for their organisation."""

from __future__ import annotations

from collections.abc import Iterator

from planner.countries import PLACES
from planner.model import Organisation, OrganisationType, Participant, Registry
from planner.people.delegations import country_of

__all__ = ["INTERNATIONAL", "government_of", "is_international", "represented_country"]

#: The region of someone who counts for an international organisation, not a State.
INTERNATIONAL = "international"
# Staff of these count for their organisation, wherever they are stationed.
_INTERNATIONAL = frozenset({OrganisationType.UN_AGENCY, OrganisationType.INTERGOVERNMENTAL,
                            OrganisationType.REGIONAL_ORGANISATION,
                            OrganisationType.REGIONAL_CONSULTATIVE_PROCESS})
# A State acts through these: its ministries, bureaus and development agencies.
_STATE_BODIES = frozenset({*PLACES, OrganisationType.GOVERNMENT_BODY,
                           OrganisationType.DONOR_AGENCY})


def _chain(org_id: str | None, registry: Registry) -> Iterator[Organisation]:
    seen: set[str] = set()
    while org_id and org_id in registry and org_id not in seen:
        seen.add(org_id)
        yield registry[org_id]
        org_id = registry[org_id].parent


def government_of(person: Participant, registry: Registry) -> str | None:
    """The State whose government a person represents: their organisation is the State, or
    one of its ministries, bureaus or agencies (a donor agency with the State as parent).

    Examples
    --------
    >>> from planner.library import Library
    >>> registry = Library.open().registry
    >>> government_of(Participant(id="a", last_name="A", organisation="bprm"), registry)
    'united-states'
    >>> government_of(Participant(id="b", last_name="B", organisation="unhcr",
    ...                           country="botswana"), registry) is None
    True
    """
    for org in _chain(person.organisation, registry):
        if org.type not in _STATE_BODIES:
            return None
        if org.type in PLACES:
            return org.id
    return None


def is_international(org_id: str | None, registry: Registry) -> bool:
    """Whether an organisation is, or belongs to, an international organisation: a UN
    agency, an intergovernmental or regional organisation, a regional process, the ICRC."""
    return any(org.type in _INTERNATIONAL or (org.type == OrganisationType.RED_CROSS
                                               and "global" in org.regions)
               for org in _chain(org_id, registry))


def represented_country(person: Participant, registry: Registry) -> str | None:
    """The State or territory a person counts for in the balance.

    A government's people count for their State (a ministry's, a bureau's or a
    development agency's State); staff of an international organisation (a UN agency,
    an intergovernmental or regional organisation, the ICRC) count for their
    organisation, not for the country of their duty station; anyone else for the
    country they gave, else their organisation's State.

    Examples
    --------
    >>> from planner.library import Library
    >>> registry = Library.open().registry
    >>> represented_country(Participant(id="a", last_name="A", organisation="sdc"), registry)
    'switzerland'
    >>> represented_country(Participant(id="b", last_name="B", organisation="unhcr",
    ...                                 country="botswana"), registry) is None
    True
    >>> represented_country(Participant(id="c", last_name="C", organisation="drc",
    ...                                 country="somalia"), registry)
    'somalia'
    """
    if (state := government_of(person, registry)) is not None:
        return state
    if is_international(person.organisation, registry):
        return None
    return country_of(person, registry)
