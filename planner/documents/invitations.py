"""Invitation letters: a note verbale to each invited State, a letter to each organisation.

A State is written to in the third person, as the UN writes to governments: the
conveners "present their compliments" to its Ministry of Foreign Affairs (or its
Permanent Mission, as `invitation_letters.through` says), invite its Government, and
close by renewing "the assurances of their highest consideration". An organisation gets
a letter signed for the conveners. Both carry the event's title, dates and venue, its
purpose from the concept note, the delegation asked for, the reply-by date and who to
contact. Collective entries ("development partners") have no addressee and get none;
nor does an invitation that was declined.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.dates import format_date, format_date_range
from planner.documents.concept_note import SLOTS
from planner.documents.wording import PLACEHOLDER, Context, frame, join_names, split_paragraphs
from planner.errors import PlannerError
from planner.model import (
    Event,
    InvitationLetters,
    Invitee,
    InviteeCategory,
    InviteeStatus,
    Organisation,
    OrganisationType,
    OrganiserRoleKind,
    Quota,
    Registry,
)

__all__ = ["REPLY_WEEKS", "addressed", "invitations_context", "letter_file_name"]

#: Replies are asked for this many weeks before the event unless the record says when.
REPLY_WEEKS = 6
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: Who signs, in this order of preference: the first roles the record has.
_SENDERS = (OrganiserRoleKind.CONVENER, OrganiserRoleKind.CO_HOST,
            OrganiserRoleKind.CO_ORGANISER, OrganiserRoleKind.SECRETARIAT)
#: The contact line while `invitation_letters.contact` is not filled in.
CONTACT_PLACEHOLDER = "[Contact for further information to be named with the co-organisers.]"
_GOVERNMENTS = frozenset({OrganisationType.STATE, OrganisationType.TERRITORY})


def _count(number: int) -> str:
    return _NUMBERS[number] if number < len(_NUMBERS) else str(number)


def _formal(org: Organisation) -> str:
    """An organisation as a letter first names it: `the Government of the Republic of
    Kenya`, `the International Organization for Migration (IOM)`."""
    if org.type in _GOVERNMENTS:
        return f"the Government of {_the(org)}"
    name = _the(org)
    return f"{name} ({org.acronym})" if org.acronym and org.acronym != org.name else name


#: Bodies named without "the": civil society, universities and companies go by their name.
_OWN_NAMES = frozenset({OrganisationType.NGO, OrganisationType.ACADEMIC,
                        OrganisationType.PRIVATE, OrganisationType.OTHER})


def _the(org: Organisation) -> str:
    # "the Republic of Kenya", "the United Kingdom", but "Kenya"; "the African Union", but
    # "Save the Children".
    name = org.name
    if org.type in _GOVERNMENTS:
        plain = " of " not in name and not name.startswith(("United ", "Kingdom "))
    else:
        plain = org.type in _OWN_NAMES or name.lower().startswith("the ")
    return name if plain else f"the {name}"


def addressed(event: Event, registry: Registry) -> list[tuple[Invitee, Organisation]]:
    """The invitees a letter goes to: each registry organisation on the invitation list
    (the planned list, else the reported one) whose invitation was not declined."""
    invitees = event.invited or event.attended
    return [(i, registry[i.organisation]) for i in invitees
            if i.organisation and i.organisation in registry
            and i.status != InviteeStatus.DECLINED]


def letter_file_name(event: Event, invitee_id: str) -> str:
    """The file of one invitee's letter: `<event>-invitation-<organisation id>.docx` (both
    ids are slugs, so the name never leaves its folder)."""
    return f"{event.id}-invitation-{invitee_id}.docx"


def _senders(event: Event, registry: Registry) -> tuple[str, bool]:
    roles = [r for r in event.organisers if r.source.is_planning] or event.organisers
    for kind in _SENDERS:
        ids = list(dict.fromkeys(r.organisation for r in roles if r.role == kind))
        if ids:
            names = [_formal(registry[o]) if o in registry else o for o in ids]
            return join_names(names), len(ids) > 1
    return "the organisers", True


def _purpose(event: Event, empty: str) -> list[str]:
    # The concept note's objectives say what the event is for; failing those, the first
    # paragraph of its first section with prose.
    objectives = [i for s in event.concept_note.sections
                  if s.key.startswith(SLOTS[1][2][0]) for i in s.items]
    if objectives:
        return objectives
    prose = [p for s in event.concept_note.sections for p in split_paragraphs(s.text)]
    return prose[:1] or ([PLACEHOLDER] if empty == "placeholder" else [])


def _delegation(invitee: Invitee, org: Organisation, event: Event,
                terms: InvitationLetters) -> str:
    if invitee.category != InviteeCategory.GOVERNMENTS:
        return (f"{_capital(_formal(org))} is kindly invited to designate one or two "
                "representatives to take part.")
    quota = (Quota(least=invitee.quota, most=invitee.quota) if invitee.quota
             else event.delegate_quota or Quota())
    size = (_count(quota.most) if quota.least == quota.most
            else f"{_count(quota.least)} to {_count(quota.most)}")
    people = "official" if quota.most == 1 else "officials"
    civil = (", including at least one representative of civil society"
             if terms.civil_society else "")
    return (f"{_capital(_formal(org))} is kindly invited to designate a delegation of "
            f"{size} senior {people}{civil}.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _letter(invitee: Invitee, org: Organisation, event: Event, registry: Registry, *,
            senders: tuple[str, bool], terms: InvitationLetters, reply_by: dt.date,
            contact: str, purpose: list[str], empty: str) -> dict[str, Any]:
    who, many = senders
    state = org.type in _GOVERNMENTS and invitee.category == InviteeCategory.GOVERNMENTS
    country = _the(org)
    addressee = (f"Permanent Mission of {country} to the United Nations"
                 if terms.through == "permanent-mission" else
                 f"Ministry of Foreign Affairs of {country}") if state else org.name
    present, have = ("present", "have") if many else ("presents", "has")
    where = ", ".join(filter(None, (event.venue, event.city, registry[event.country].name
                                    if event.country in registry else event.country)))
    what = f"the {event.title}" if not event.title.lower().startswith("the ") else event.title
    held = f"to be held in {where}, on {_dates(event)}"
    if state:
        opening = (f"{_capital(who)} {present} {'their' if many else 'its'} compliments to the "
                   f"{addressee} and {have} the honour to invite {_formal(org)} to take part in "
                   f"{what}, {held}.")
        reply = (f"{_capital(who)} would be grateful to receive the names, titles and contact "
                 f"details of the members of the delegation by {format_date(reply_by)}.")
        close = (f"{_capital(who)} {'avail themselves' if many else 'avails itself'} of this "
                 f"opportunity to renew to the {addressee} the assurances of "
                 f"{'their' if many else 'its'} highest consideration.")
        salutation, signature = "", ""
    else:
        opening = (f"On behalf of {who}, we have the honour to invite {_formal(org)} to take "
                   f"part in {what}, {held}.")
        reply = ("We would be grateful to receive the names, titles and contact details of "
                 f"your representatives by {format_date(reply_by)}.")
        close, salutation, signature = "Yours faithfully,", "Dear Sir or Madam,", \
            f"For {who}"
    return {
        "id": org.id, "note_verbale": state, "addressee": _capital(addressee),
        "name": org.display_name, "salutation": salutation, "opening": opening,
        "purpose": purpose, "delegation": _delegation(invitee, org, event, terms),
        "reply": reply, "reply_by": format_date(reply_by),
        "contact": f"For further information, please contact {contact}." if contact else
        (CONTACT_PLACEHOLDER if empty == "placeholder" else ""), "close": close,
        "signature": signature,
    }


def _dates(event: Event) -> str:
    return format_date_range(event.start, event.end)


def invitations_context(event: Event, *, registry: Registry, invitee: str | None = None,
                        as_of: dt.date | None = None, empty: str = "placeholder") -> Context:
    """The invitation letters of an event, or the one letter of `invitee` (an organisation
    id on the invitation list), dated `as_of` (default: today).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> ctx = invitations_context(library.load("dar-es-salaam-2010"),
    ...                           registry=library.registry, invitee="kenya")
    >>> ctx["letters"][0]["addressee"], ctx["letters"][0]["note_verbale"]
    ('Ministry of Foreign Affairs of the Republic of Kenya', True)
    """
    terms = event.invitation_letters or InvitationLetters()
    reply_by = terms.reply_by or event.start - dt.timedelta(weeks=REPLY_WEEKS)
    senders = _senders(event, registry)
    contact = terms.contact or ""
    chosen = addressed(event, registry)
    if invitee is not None:
        chosen = [(i, o) for i, o in chosen if o.id == invitee]
        if not chosen:
            known = ", ".join(o.id for _, o in addressed(event, registry)) or "none"
            raise PlannerError(f"no invitation to '{invitee}' in {event.id} (known: {known})")
    purpose = _purpose(event, empty)
    letters = [_letter(i, o, event, registry, senders=senders, terms=terms, reply_by=reply_by,
                       contact=contact, purpose=purpose, empty=empty) for i, o in chosen]
    return frame("invitations", event, registry) | {
        "letters": letters, "date": format_date(as_of or dt.date.today()),
        "reply_by": format_date(reply_by),
    }
