"""Name badges: one per person still coming, eight to an A4 sheet, a coloured band for the role.

A badge is 90 × 55 mm, the size of the common badge holders: the sheet holds two
columns of four, with the cutting lines drawn. Each says the event's short title, the
name as the person has it printed (`Participant.name`: title, first and last name),
the organisation or delegation, and a band in the colour of their role.
"""

from __future__ import annotations

from typing import Any

from planner.documents.wording import Context, frame, name_of
from planner.language import N_, _, in_language
from planner.model import (
    NOT_COMING,
    Event,
    OrganiserRoleKind,
    Participant,
    ParticipantRole,
    Registry,
    normalise_name,
)
from planner.people.delegations import delegation_of, recorded_delegations

__all__ = ["BADGES_PER_SHEET", "BANDS", "badge_role", "badges_context", "short_title"]

#: Badges on an A4 sheet: two columns of four.
BADGES_PER_SHEET, COLUMNS = 8, 2
#: Each band's word and colour (RGB hex): what a door steward tells apart at a glance.
BANDS = {"delegate": (N_("Delegate"), "1F4E9A"), "observer": (N_("Observer"), "2E7D32"),
         "organiser": (N_("Organiser"), "B71C1C"), "press": (N_("Press"), "E65100"),
         "interpreter": (N_("Interpreter"), "6A1B9A")}
_R = ParticipantRole
# The first of a person's roles found here decides the band; any other role is a delegate's.
_ROLE_BANDS = ((_R.PRESS, "press"), (_R.INTERPRETER, "interpreter"),
               (_R.SECRETARIAT, "organiser"), (_R.OBSERVER, "observer"))
#: A title this long or shorter fits the top line of a badge.
SHORT = 40


def short_title(event: Event) -> str:
    """The event's name on a badge: its title when short, else its city and year.

    Examples
    --------
    >>> from planner.library import Library
    >>> short_title(Library.open().load("dar-es-salaam-2010"))
    'Dar es Salaam 2010'
    """
    title = in_language(event, "title")
    return title if len(title) <= SHORT else f"{event.city} {event.start.year}"


def badge_role(person: Participant, event: Event) -> str:
    """The band of a person's badge: press, interpreter, organiser (the secretariat),
    observer (their own role, or a delegation invited as observer), else delegate."""
    for role, band in _ROLE_BANDS:
        if role in person.roles:
            return band
    observers = {i.organisation for i in event.invited if i.observer}
    return "observer" if person.organisation in observers and person.organisation else "delegate"


def _badge(person: Participant, event: Event, registry: Registry,
           recorded: dict[str, str]) -> dict[str, str]:
    band = badge_role(person, event)
    where = delegation_of(person, event, registry, recorded=recorded)
    organisation = name_of(person.organisation or where, registry)
    label, colour = BANDS[band]
    return {"name": person.name, "organisation": organisation, "role": band,
            "band": _(label).upper(), "colour": colour, "title": short_title(event)}


def badges_context(event: Event, *, registry: Registry) -> Context:
    """Everyone still coming (not declined or cancelled), by name, two badges to a row.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> library = Library.open()
    >>> ctx = badges_context(make_synthetic_event(participants=12, registry=library.registry),
    ...                      registry=library.registry)
    >>> ctx["count"], len(ctx["rows"]), ctx["rows"][0][0]["band"]
    (12, 6, 'DELEGATE')
    """
    recorded = recorded_delegations(event)
    coming = sorted((p for p in event.participants if p.status not in NOT_COMING),
                    key=lambda p: (normalise_name(p.last_name),
                                   normalise_name(p.first_name or "")))
    badges = [_badge(p, event, registry, recorded) for p in coming]
    blank: dict[str, Any] = {"name": "", "organisation": "", "role": "", "band": "",
                             "colour": "FFFFFF", "title": ""}
    rows = [badges[i:i + COLUMNS] for i in range(0, len(badges), COLUMNS)]
    if rows and len(rows[-1]) < COLUMNS:
        rows[-1] = rows[-1] + [blank] * (COLUMNS - len(rows[-1]))
    hosts = [r.organisation for r in event.organisers if r.role == OrganiserRoleKind.CONVENER]
    return frame("badges", event, registry) | {
        "short_title": short_title(event), "rows": rows, "count": len(badges),
        "sheets": -(-len(badges) // BADGES_PER_SHEET),
        "conveners": [name_of(o, registry) for o in dict.fromkeys(hosts)],
    }
