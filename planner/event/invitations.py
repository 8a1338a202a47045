"""The invitation list: who is invited, by category, and where each invitation stands.

Each entry of the event's `invited` list is a State or organisation of the registry (or a
collective entry the source names only by description), in a category (governments,
regional organisations, donors, international organisations, civil society, academia),
with a dated status (to invite, invited, accepted, declined) and, for a government, the
number of delegates it is invited to send. The organisers' own list has the source
`editor`; a past event's record keeps the concept note's list as it was. Every function
returns a changed copy of the event; nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.errors import PlannerError
from planner.event.organisers import check_organisation, parse_source
from planner.event.regions import states_of_region
from planner.model import (
    MOST_PEOPLE,
    Event,
    Invitee,
    InviteeCategory,
    InviteeStatus,
    OrganisationType,
    Quota,
    Registry,
    SourceKind,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY_ORDER",
    "STATUSES",
    "Invitations",
    "add_invitations",
    "category_for",
    "check_quota",
    "invitation_summary",
    "invitee_name",
    "parse_category",
    "parse_status",
    "remove_invitations",
    "set_invitation_status",
]

#: The invitation categories, in the conventional order of a concept note.
CATEGORIES: tuple[str, ...] = tuple(c.value for c in InviteeCategory)
#: Where an invitation can stand, from first to last.
STATUSES: tuple[str, ...] = tuple(s.value for s in InviteeStatus)

_T = OrganisationType
_C = InviteeCategory
# The category an organisation is invited in unless the organisers say otherwise.
_CATEGORY_OF_TYPE = {
    _T.STATE: _C.GOVERNMENTS, _T.TERRITORY: _C.GOVERNMENTS, _T.GOVERNMENT_BODY: _C.GOVERNMENTS,
    _T.REGIONAL_ORGANISATION: _C.REGIONAL_ORGANISATIONS,
    _T.REGIONAL_CONSULTATIVE_PROCESS: _C.REGIONAL_ORGANISATIONS,
    _T.UN_AGENCY: _C.INTERNATIONAL_ORGANISATIONS,
    _T.INTERGOVERNMENTAL: _C.INTERNATIONAL_ORGANISATIONS,
    _T.RED_CROSS: _C.INTERNATIONAL_ORGANISATIONS, _T.NGO: _C.CIVIL_SOCIETY,
    _T.DONOR_AGENCY: _C.DONORS, _T.ACADEMIC: _C.ACADEMIA,
}
#: Each category's place in the conventional order.
CATEGORY_ORDER = {c: i for i, c in enumerate(InviteeCategory)}


def _slug(text: str) -> str:
    return "-".join(str(text).strip().lower().replace("_", " ").split())


def parse_category(text: str | InviteeCategory) -> InviteeCategory:
    """The invitation category `text` names (`civil-society`, `Civil society`).

    Examples
    --------
    >>> parse_category("Regional organisations").value
    'regional-organisations'
    >>> parse_category("ngos")
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown category 'ngos'; choose from governments, \
regional-organisations, donors, international-organisations, civil-society, academia, other
    """
    if isinstance(text, InviteeCategory):
        return text
    try:
        return InviteeCategory(_slug(text))
    except ValueError:
        raise PlannerError(f"unknown category '{text}'; choose from "
                           f"{', '.join(CATEGORIES)}") from None


def parse_status(text: str | InviteeStatus) -> InviteeStatus:
    """The invitation status `text` names (`to-invite`, `To invite`).

    Examples
    --------
    >>> parse_status("To invite").value
    'to-invite'
    >>> parse_status("confirmed")
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown status 'confirmed'; choose from to-invite, invited, \
accepted, declined
    """
    if isinstance(text, InviteeStatus):
        return text
    try:
        return InviteeStatus(_slug(text))
    except ValueError:
        raise PlannerError(f"unknown status '{text}'; choose from "
                           f"{', '.join(STATUSES)}") from None


def category_for(organisation: str, registry: Registry) -> InviteeCategory:
    """The category an organisation is invited in by default, from its type in the
    registry (a State among governments, an NGO in civil society…).

    Examples
    --------
    >>> from planner.library import Library
    >>> registry = Library.open().registry
    >>> category_for("kenya", registry).value, category_for("igad", registry).value
    ('governments', 'regional-organisations')
    """
    return _CATEGORY_OF_TYPE.get(registry[organisation].type, InviteeCategory.OTHER)


def invitee_name(invitee: Invitee, registry: Registry) -> str:
    """How lists name an invitee: the display name, or the description of a collective
    entry."""
    if invitee.organisation is None:
        return invitee.description or ""
    org = invitee.organisation
    return registry[org].display_name if org in registry else org


def invitation_summary(event: Event) -> list[dict[str, Any]]:
    """How many are invited in each category, and how many stand at each status (`untracked`:
    no status, as in a past event's record). Governments also say the delegate quota that
    applies when an invitation names none.

    Examples
    --------
    >>> from planner.library import Library
    >>> summary = invitation_summary(Library.open().load("dar-es-salaam-2010"))
    >>> summary[0]
    {'category': 'governments', 'label': 'Governments', 'invitees': 13, 'to-invite': 0, \
'invited': 0, 'accepted': 0, 'declined': 0, 'untracked': 13, 'default_quota': '2–3'}
    """
    default = event.delegate_quota or Quota()
    summary = []
    for category in InviteeCategory:
        entries = [i for i in event.invited if i.category == category]
        if not entries:
            continue
        row: dict[str, Any] = {"category": category.value, "label": category.label,
                               "invitees": len(entries)}
        row |= {s.value: sum(i.status == s for i in entries) for s in InviteeStatus}
        row["untracked"] = sum(i.status is None for i in entries)
        if category == InviteeCategory.GOVERNMENTS:
            row["default_quota"] = (f"{default.least}–{default.most}"
                                    if default.least != default.most else str(default.least))
        summary.append(row)
    return summary


def _listed(event: Event, organisation: str, source: SourceKind) -> Invitee | None:
    return next((i for i in event.invited
                 if i.organisation == organisation and i.source == source), None)


def _as_stated(source: SourceKind) -> str:
    return "" if source == SourceKind.EDITOR else f" as the {source.value} states it"


def _standing(invitee: Invitee) -> str:
    status = invitee.status.value if invitee.status else "no status"
    since = f" since {invitee.since.isoformat()}" if invitee.since else ""
    return f"{invitee.category.value}, {status}{since}"


def _placed(invited: Sequence[Invitee], new: Iterable[Invitee]) -> list[Invitee]:
    # Each new entry goes after the last one of its category, so the file stays grouped.
    result = list(invited)
    for entry in new:
        rank = CATEGORY_ORDER[entry.category]
        after = [n for n, i in enumerate(result) if CATEGORY_ORDER[i.category] <= rank]
        result.insert(after[-1] + 1 if after else 0, entry)
    return result


def check_quota(quota: int | None, category: InviteeCategory, name: str) -> int | None:
    if quota is None:
        return None
    if isinstance(quota, bool) or not isinstance(quota, int) or not 1 <= quota <= MOST_PEOPLE:
        raise PlannerError(f"the delegate quota of {name} is a whole number of delegates, "
                           f"from 1 to {MOST_PEOPLE:,}, not {quota!r}")
    if category != InviteeCategory.GOVERNMENTS:
        raise PlannerError(f"a delegate quota is for governments; {name} is invited as "
                           f"{category.value}")
    return quota


@dataclass(frozen=True)
class Invitations:
    """What `add_invitations` did: the event with them, and who was added or left as is."""

    event: Event
    added: list[str] = field(default_factory=list)
    """Ids added to the list, in the order given (a region's States by name)."""
    already: list[str] = field(default_factory=list)
    """States of the regions asked for that were on the list already, left as they were."""


def add_invitations(event: Event, organisations: Sequence[str] = (), *, registry: Registry,
                    regions: Sequence[str] = (), category: str | InviteeCategory | None = None,
                    quota: int | None = None, on: dt.date | None = None,
                    source: str | SourceKind = SourceKind.EDITOR) -> Invitations:
    """Put `organisations`, and every State of each of `regions`, on the invitation list
    (status `to-invite`, dated `on`, today by default).

    Each organisation takes `category`, else the one its registry type gives
    (`category_for`); the States of a region are governments. `quota` is the number of
    delegates a government is invited to send.

    Raises
    ------
    PlannerError
        For an unknown organisation (with the nearest ids), category or region, a quota
        for an organisation that is no government, an organisation named that is on the
        list already, or nothing named at all. The States of a region that are on the
        list already are left as they are (`Invitations.already`).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> add_invitations(dar, ["icrc"], quota=3, registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: a delegate quota is for governments; ICRC is invited as \
international-organisations
    >>> done = add_invitations(dar, ["drc"], regions=["Southern Africa"], source="concept-note",
    ...                        registry=library.registry, on=dt.date(2010, 6, 1))
    >>> done.added, done.already
    (['drc', 'botswana', 'eswatini', 'lesotho', 'namibia'], ['south-africa'])
    >>> [i.organisation for i in done.event.invited][13:15]
    ['botswana', 'eswatini']
    """
    stated, today = parse_source(source, event), on or dt.date.today()
    chosen = parse_category(category) if category is not None else None
    if regions and chosen not in (None, InviteeCategory.GOVERNMENTS):
        raise PlannerError(f"the States of a region are invited as governments, not "
                           f"{chosen.value if chosen else ''}")
    if not organisations and not regions:
        raise PlannerError("name the organisations to invite, or a region")
    new: list[Invitee] = []
    for org in dict.fromkeys(organisations):
        check_organisation(org, registry)
        listed = _listed(event, org, stated)
        if listed is not None:
            raise PlannerError(f"{invitee_name(listed, registry)} is already on the invitation "
                               f"list of {event.id}{_as_stated(stated)} ({_standing(listed)})")
        kind = chosen or category_for(org, registry)
        new.append(Invitee(organisation=org, category=kind, source=stated,
                           status=InviteeStatus.TO_INVITE, since=today,
                           quota=check_quota(quota, kind, registry[org].display_name)))
    already = []
    for region in regions:
        for state in states_of_region(region, registry):
            if _listed(event, state, stated) is not None:
                already.append(state)
            elif all(n.organisation != state for n in new):
                new.append(Invitee(organisation=state, category=InviteeCategory.GOVERNMENTS,
                                   source=stated, status=InviteeStatus.TO_INVITE, since=today,
                                   quota=check_quota(quota, InviteeCategory.GOVERNMENTS,
                                                      registry[state].display_name)))
    changed = event.model_copy(update={"invited": _placed(event.invited, new)})
    return Invitations(changed, [n.organisation for n in new if n.organisation],
                       list(dict.fromkeys(already)))


def _not_listed(event: Event, organisation: str, registry: Registry,
                stated: SourceKind) -> PlannerError:
    name = registry[organisation].display_name
    others = sorted({i.source.value for i in event.invited if i.organisation == organisation})
    also = f" (only as the {' and the '.join(others)} states it)" if others else ""
    return PlannerError(f"{name} is not on the invitation list of {event.id}"
                        f"{_as_stated(stated)}{also}")


def set_invitation_status(event: Event, organisation: str, status: str | InviteeStatus, *,
                          registry: Registry, on: dt.date | None = None,
                          source: str | SourceKind = SourceKind.EDITOR) -> Event:
    """A copy of `event` in which the invitation of `organisation` stands at `status`,
    since `on` (today by default).

    Raises
    ------
    PlannerError
        For an unknown organisation or status, or an organisation not on the list.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> done = set_invitation_status(dar, "kenya", "accepted", source="concept-note",
    ...                              on=dt.date(2010, 7, 1), registry=library.registry)
    >>> done.invited[3].status.value, done.invited[3].since
    ('accepted', datetime.date(2010, 7, 1))
    >>> set_invitation_status(dar, "kenya", "invited", registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: Kenya is not on the invitation list of dar-es-salaam-2010 \
(only as the concept-note states it)
    """
    check_organisation(organisation, registry)
    kind, stated = parse_status(status), parse_source(source, event)
    listed = _listed(event, organisation, stated)
    if listed is None:
        raise _not_listed(event, organisation, registry, stated)
    changed = listed.model_copy(update={"status": kind, "since": on or dt.date.today()})
    return event.model_copy(update={"invited": [changed if i is listed else i
                                                for i in event.invited]})


def remove_invitations(event: Event, organisations: Sequence[str], *, registry: Registry,
                       source: str | SourceKind = SourceKind.EDITOR) -> Event:
    """A copy of `event` without `organisations` on its invitation list.

    Raises
    ------
    PlannerError
        For an unknown organisation, or one not on the list.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> len(remove_invitations(dar, ["kenya", "igad"], source="concept-note",
    ...                        registry=library.registry).invited) - len(dar.invited)
    -2
    """
    stated = parse_source(source, event)
    gone = []
    for org in organisations:
        check_organisation(org, registry)
        listed = _listed(event, org, stated)
        if listed is None:
            raise _not_listed(event, org, registry, stated)
        gone.append(listed)
    return event.model_copy(update={"invited": [i for i in event.invited
                                                if not any(i is g for g in gone)]})
