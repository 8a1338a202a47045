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
from planner.documents.wording import (
    PLACEHOLDER,
    Context,
    country_name,
    frame,
    join_names,
    split_paragraphs,
)
from planner.errors import PlannerError
from planner.language import N_, _, contracted, current, in_language, items_in_language
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
_NUMBERS = (N_("no"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"),
            N_("seven"), N_("eight"), N_("nine"), N_("ten"))
#: Who signs, in this order of preference: the first roles the record has.
_SENDERS = (OrganiserRoleKind.CONVENER, OrganiserRoleKind.CO_HOST,
            OrganiserRoleKind.CO_ORGANISER, OrganiserRoleKind.SECRETARIAT)
#: The contact line while `invitation_letters.contact` is not filled in.
CONTACT_PLACEHOLDER = N_("[Contact for further information to be named with the "
                         "co-organisers.]")
_GOVERNMENTS = frozenset({OrganisationType.STATE, OrganisationType.TERRITORY})


def _count(number: int) -> str:
    return _(_NUMBERS[number]) if number < len(_NUMBERS) else str(number)


def _formal(org: Organisation) -> str:
    """An organisation as a letter first names it: `the Government of the Republic of
    Kenya`, `the International Organization for Migration (IOM)`."""
    if org.type in _GOVERNMENTS:
        return _("the Government of {country}").format(country=_the(org))
    name = _the(org)
    return f"{name} ({org.acronym})" if org.acronym and org.acronym != org.name else name


#: Bodies named without "the": civil society, universities and companies go by their name.
_OWN_NAMES = frozenset({OrganisationType.NGO, OrganisationType.ACADEMIC,
                        OrganisationType.PRIVATE, OrganisationType.OTHER})


def _the(org: Organisation) -> str:
    # "the Republic of Kenya", "the United Kingdom", but "Kenya"; "the African Union", but
    # "Save the Children".
    name = country_name(org)
    if current() != "en":  # "the" is English grammar; other languages name the body bare
        return name
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
    return _("the organisers"), True


def _purpose(event: Event, empty: str) -> list[str]:
    # The concept note's objectives say what the event is for; failing those, the first
    # paragraph of its first section with prose.
    objectives = [i for s in event.concept_note.sections
                  if s.key.startswith(SLOTS[1][2][0]) for i in items_in_language(s, "items")]
    if objectives:
        return objectives
    prose = [p for s in event.concept_note.sections
             for p in split_paragraphs(s.text and in_language(s, "text"))]
    return prose[:1] or ([_(PLACEHOLDER)] if empty == "placeholder" else [])


def _delegation(invitee: Invitee, org: Organisation, event: Event,
                terms: InvitationLetters) -> str:
    invited = _capital(_formal(org))
    if invitee.category != InviteeCategory.GOVERNMENTS:
        return _("{invited} is kindly invited to designate one or two representatives to "
                 "take part.").format(invited=invited)
    quota = (Quota(least=invitee.quota, most=invitee.quota) if invitee.quota
             else event.delegate_quota or Quota())
    size = (_count(quota.most) if quota.least == quota.most
            else _("{least} to {most}").format(least=_count(quota.least),
                                               most=_count(quota.most)))
    if quota.most == 1:
        text = _("{invited} is kindly invited to designate a delegation of {size} senior "
                 "official{civil}.")
    else:
        text = _("{invited} is kindly invited to designate a delegation of {size} senior "
                 "officials{civil}.")
    civil = _(", including at least one representative of civil society") \
        if terms.civil_society else ""
    return text.format(invited=invited, size=size, civil=civil)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


#: The third-person formulas of a note verbale, for one sender and for several (the
#: English verb agrees; other languages' catalogues write each in full).
_STATE = {False: (N_("{who} presents its compliments {to_addressee} and has the honour to "
                     "invite {government} to take part in {what}, to be held in {where}, "
                     "on {dates}."),
                  N_("{who} would be grateful to receive the names, titles and contact "
                     "details of the members of the delegation by {reply_by}."),
                  N_("{who} avails itself of this opportunity to renew {to_addressee} the "
                     "assurances of its highest consideration.")),
          True: (N_("{who} present their compliments {to_addressee} and have the honour to "
                    "invite {government} to take part in {what}, to be held in {where}, "
                    "on {dates}."),
                 N_("{who} would be grateful to receive the names, titles and contact "
                    "details of the members of the delegation by {reply_by}."),
                 N_("{who} avail themselves of this opportunity to renew {to_addressee} the "
                    "assurances of their highest consideration."))}


def _addressee(org: Organisation, terms: InvitationLetters) -> tuple[str, str]:
    """Whom a note verbale is addressed to, as its heading names them and as its sentences
    do ("to the Ministry…": the article and case are the language's)."""
    country = _the(org)
    if terms.through == "permanent-mission":
        return (_("Permanent Mission of {country} to the United Nations").format(
            country=country), _("to the Permanent Mission of {country} to the United "
                                "Nations").format(country=country))
    return (_("Ministry of Foreign Affairs of {country}").format(country=country),
            _("to the Ministry of Foreign Affairs of {country}").format(country=country))


def _letter(invitee: Invitee, org: Organisation, event: Event, registry: Registry, *,
            senders: tuple[str, bool], terms: InvitationLetters, reply_by: dt.date,
            contact: str, purpose: list[str], empty: str) -> dict[str, Any]:
    who, many = senders
    state = org.type in _GOVERNMENTS and invitee.category == InviteeCategory.GOVERNMENTS
    addressee, to_addressee = _addressee(org, terms) if state else (org.name, "")
    where = ", ".join(filter(None, (event.venue, event.city, country_name(
        registry[event.country]) if event.country in registry else event.country)))
    title = in_language(event, "title")
    what = title if current() != "en" or title.lower().startswith("the ") else f"the {title}"
    words = {"who": _capital(who), "to_addressee": to_addressee, "government": _formal(org),
             "what": what, "where": where, "dates": _dates(event),
             "reply_by": format_date(reply_by)}
    if state:
        opening, reply, close = (_(text).format(**words) for text in _STATE[many])
        salutation, signature = "", ""
    else:
        opening = _("On behalf of {who}, we have the honour to invite {invited} to take part "
                    "in {what}, to be held in {where}, on {dates}.").format(
            **words | {"who": who, "invited": _formal(org)})
        reply = _("We would be grateful to receive the names, titles and contact details of "
                  "your representatives by {reply_by}.").format(**words)
        close, salutation = _("Yours faithfully,"), _("Dear Sir or Madam,")
        signature = _("For {who}").format(who=who)
    # Sentences put together from parts: "Au nom de" + "le Gouvernement" reads "du".
    opening, reply, signature = map(contracted, (opening, reply, signature))
    return {
        "id": org.id, "note_verbale": state, "addressee": _capital(addressee),
        "name": org.display_name, "salutation": salutation, "opening": opening,
        "purpose": purpose, "delegation": _delegation(invitee, org, event, terms),
        "reply": reply, "reply_by": format_date(reply_by),
        "contact": _("For further information, please contact {contact}.").format(
            contact=contact) if contact else
        (_(CONTACT_PLACEHOLDER) if empty == "placeholder" else ""), "close": close,
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
