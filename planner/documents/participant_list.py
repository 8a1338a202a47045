"""The list of participants: people by delegation, States first, in chosen columns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from planner.documents.wording import TYPE_GROUPS, Context, fit_columns, frame, keep_rows, name_of
from planner.errors import PlannerError
from planner.language import N_, _
from planner.model import (
    NOT_COMING,
    Event,
    OrganisationType,
    Participant,
    ParticipantRole,
    Registry,
    normalise_name,
)
from planner.people.delegations import delegation_of, recorded_delegations

__all__ = [
    "COLUMNS",
    "PRIVATE_COLUMNS",
    "participant_list_context",
    "public_columns",
]

#: The columns a participant list can show, with their headings.
COLUMNS = {"name": N_("Name"), "position": N_("Position"),
           "organisation": N_("Organisation"), "country": N_("Country"), "role": N_("Role"),
           "email": N_("E-mail"), "phone": N_("Phone"), "languages": N_("Languages")}
#: Contact details: never on a public list.
PRIVATE_COLUMNS = frozenset({"email", "phone"})
_DEFAULT = ("name", "position", "organisation", "email", "phone")
OTHERS = N_("Other participants")


def public_columns(columns: Sequence[str] | None, *, public: bool) -> list[str]:
    """The columns to print: the chosen ones (checked), less contact details if public.

    Examples
    --------
    >>> public_columns(None, public=True)
    ['name', 'position', 'organisation']
    >>> public_columns(["name", "badge"], public=False)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown participant-list column 'badge' (known: name, ...)
    """
    chosen = list(columns or _DEFAULT)
    for column in chosen:
        if column not in COLUMNS:
            raise PlannerError(f"unknown participant-list column '{column}' "
                               f"(known: {', '.join(COLUMNS)})")
    return [c for c in chosen if not (public and c in PRIVATE_COLUMNS)]


#: The width of the landscape A4 page inside its margins, in twentieths of a point (twips).
PAGE_WIDTH = 14_740


def _sort_key(org_id: str | None, registry: Registry) -> tuple[int, str]:
    if org_id is None or org_id not in registry:
        return (len(TYPE_GROUPS), normalise_name(org_id or "~"))
    org = registry[org_id]
    group = next(i for i, (_, types) in enumerate(TYPE_GROUPS) if org.type in types)
    name = org.short_name or org.name if org.type == OrganisationType.STATE else org.display_name
    return (group, normalise_name(name))


def _is_head(person: Participant, event: Event) -> bool:
    return (ParticipantRole.HEAD_OF_DELEGATION in person.roles
            or any(d.head == person.id for d in event.delegations))


def _cell(person: Participant, column: str, registry: Registry) -> str:
    values = {
        "name": lambda: person.name,
        "position": lambda: person.position or "",
        "organisation": lambda: name_of(person.organisation, registry),
        "country": lambda: name_of(person.country, registry),
        "role": lambda: ", ".join(role.label for role in person.roles),
        "email": lambda: person.email or "",
        "phone": lambda: person.phone or "",
        "languages": lambda: ", ".join(person.languages),
    }
    return values[column]()


def _listed(event: Event, *, public: bool) -> list[Participant]:
    return [p for p in event.participants if p.status not in NOT_COMING
            and (p.consent_to_publish or not public)]


def participant_list_context(event: Event, *, registry: Registry, public: bool = False,
                             columns: Sequence[str] | None = None) -> Context:
    """Everyone expected, by delegation: States by short name, then organisations by type.

    The public variant leaves out e-mail and phone and everyone who did not
    consent to publication. Declined and cancelled invitations are never listed.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> ctx = participant_list_context(library.load("sanaa-2008"), registry=library.registry,
    ...                                public=True)
    >>> ctx["columns"], ctx["count"]
    (['Name'], 0)
    """
    chosen = public_columns(columns, public=public)
    by_delegation: dict[str | None, list[Participant]] = defaultdict(list)
    recorded = recorded_delegations(event)
    for person in _listed(event, public=public):
        by_delegation[delegation_of(person, event, registry, recorded=recorded)].append(person)
    everyone = [p for people in by_delegation.values() for p in people]
    # A column no one has a value in is left out (the name always stays).
    keys = [k for k in chosen if k == "name" or any(_cell(p, k, registry) for p in everyone)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for org_id in sorted(by_delegation, key=lambda o: _sort_key(o, registry)):
        group, _name = _sort_key(org_id, registry)
        heading = _(TYPE_GROUPS[group][0] if group < len(TYPE_GROUPS) else OTHERS)
        people = sorted(by_delegation[org_id], key=lambda p: (
            not _is_head(p, event), normalise_name(p.last_name),
            normalise_name(p.first_name or "")))
        rows = keep_rows([{"cells": [_cell(p, key, registry) for key in keys]} for p in people])
        name = name_of(org_id, registry) if org_id else _(OTHERS)
        groups.setdefault(heading, []).append({"name": name, "rows": rows})
    cells = [[_cell(p, key, registry) for p in everyone] for key in keys]
    headings = {key: _(COLUMNS[key]) for key in keys}
    return frame("participant-list", event, registry) | {
        "public": public,
        "columns": [headings[key] for key in keys],
        "grid": [{"heading": headings[key], "width": width} for key, width in
                 zip(keys, fit_columns([headings[k] for k in keys], cells, width=PAGE_WIDTH),
                             strict=True)],
        "groups": [{"heading": h, "delegations": d} for h, d in groups.items()],
        "count": sum(len(people) for people in by_delegation.values()),
    }
