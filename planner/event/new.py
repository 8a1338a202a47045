"""Start a new event from a past one: one small cloner per part of the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from planner.countries import time_zones
from planner.dates import format_date, format_date_range
from planner.errors import PlannerError
from planner.event.slots import open_slots_of_session
from planner.library import check_id
from planner.model import (
    ConceptNote,
    ConceptNoteSection,
    Event,
    InviteeStatus,
    OrganiserRole,
    OrganiserRoleKind,
    PaperSection,
    Preparation,
    Registry,
    SourceKind,
)

__all__ = ["PARTS", "clone_event", "describe_new_event"]

Cloner = Callable[[Event, Event, Registry | None], dict[str, Any]]


def _agenda(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # Sessions are placed by day number, so they follow the new dates as they are.
    last_day = max((s.day for s in source.sessions), default=1)
    if last_day > new.days:
        raise PlannerError(
            f"the agenda of '{source.id}' runs {last_day} days but the new event has "
            f"{new.days}; choose a later end date or leave out the agenda part")
    # Rooms and block hours belong with the agenda; published versions do not. The people
    # of the old programme become open slots: who is wanted, to be confirmed.
    sessions = [open_slots_of_session(s, source=source, new=new, registry=registry)
                for s in source.sessions]
    return {"sessions": sessions,
            "rooms": [r.model_copy() for r in source.rooms],
            "programme": source.programme.model_copy(update={"versions": [], "published": []},
                                                       deep=True)}


def _working_groups(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # Chairs and rapporteurs are people of the old event, and its guidance notes were
    # written for it (the document says "to be drafted"); themes and questions carry over.
    groups = [g.model_copy(update={"chair": [], "rapporteurs": [], "note": None,
                                   "guidance": None,
                                   "sources": [SourceKind.EDITOR]}, deep=True)
              for g in source.working_groups]
    return {"working_groups": groups}


def _concept_note(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # Prose is written for its event; only what the organisers marked reusable carries over.
    sections = [s.model_copy(deep=True) if s.reusable
                else ConceptNoteSection(key=s.key, heading=s.heading)
                for s in source.concept_note.sections]
    return {"concept_note": ConceptNote(sections=sections)}


def _organisers(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # The old host's roles (host government, convener…) pass to the new host.
    roles: list[OrganiserRole] = []
    for role in source.organisers:
        organisation = role.organisation
        if role.role == OrganiserRoleKind.HOST_GOVERNMENT or organisation == source.country:
            organisation = new.country
        update = {"organisation": organisation, "source": SourceKind.EDITOR, "note": None}
        if all((r.organisation, r.role) != (organisation, role.role) for r in roles):
            roles.append(role.model_copy(update=update))
    return {"organisers": roles}


def _invitations(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # The old list is the new one's first draft: everyone on it is still to invite, once
    # (the old record may list an organisation as two documents state it).
    firsts = {i.organisation or i.description: i for i in reversed(source.invited)}
    invited = [i.model_copy(update={"source": SourceKind.EDITOR,
                                    "status": InviteeStatus.TO_INVITE, "since": None})
               for i in source.invited if firsts[i.organisation or i.description] is i]
    return {"invited": invited}


def _background_papers(source: Event, new: Event, registry: Registry | None) -> dict[str, Any]:
    # A paper whose text the record keeps is a framework to adapt (Manila's Regional
    # Cooperation Framework): its scenarios and support functions carry over whole, its
    # sections with their headings only, since their prose argues for the old region. A
    # paper known by its title alone was a study of the old event, and stays with it.
    papers = [paper.model_copy(update={
        "authors": [], "author_names": [], "source": SourceKind.EDITOR,
        "note": f"Started from the background paper of {source.id}; adapt it to the region.",
        "sections": [PaperSection(number=s.number, heading=s.heading) for s in paper.sections],
    }, deep=True) for paper in source.preparation.background_papers if paper.has_body]
    return {"preparation": Preparation(background_papers=papers)}


_CLONERS: dict[str, Cloner] = {
    "agenda": _agenda,
    "working-groups": _working_groups,
    "concept-note": _concept_note,
    "organisers": _organisers,
    "invitations": _invitations,
    "background-papers": _background_papers,
}
#: The parts of an event that can be copied into a new one.
PARTS: tuple[str, ...] = tuple(_CLONERS)


def _timezone(source: Event, country: str | None, timezone: str | None,
              registry: Registry | None) -> str:
    # A new host country brings its own time zone, when it has only one.
    if timezone or country in (None, source.country) or registry is None:
        return timezone or source.timezone
    zones = time_zones(registry[country].iso or "")
    if len(zones) != 1:
        choices = ", ".join(zones) or "none known"
        raise PlannerError(f"{registry[country].display_name} has {len(zones)} time zones "
                           f"({choices}); give the venue's with --timezone")
    return zones[0]


def _frame(source: Event, *, new_id: str, title: str | None, start: dt.date | None,
           end: dt.date | None, city: str | None, country: str | None,
           timezone: str | None) -> Event:
    start = start or source.start
    end = end or start + (source.end - source.start)
    if end < start:
        raise PlannerError(f"the new event would end ({end}) before it starts ({start})")
    return Event(
        id=check_id(new_id), kind=source.kind, title=title or source.title,
        series=source.series, region=source.region, city=city or source.city,
        country=country or source.country, timezone=timezone or source.timezone,
        venue=source.venue if city in (None, source.city) else None,
        start=start, end=end, languages=list(source.languages), themes=list(source.themes),
        previous_event=source.id,
    )


def clone_event(source: Event, *, new_id: str, title: str | None = None,
                start: dt.date | None = None, end: dt.date | None = None,
                city: str | None = None, country: str | None = None,
                timezone: str | None = None, parts: Iterable[str] = PARTS,
                registry: Registry | None = None) -> Event:
    """Start a new event from `source`: its structure, none of its outcomes.

    Parameters
    ----------
    source : Event
        The past event used as a template.
    new_id : str
        Id of the new event (a slug).
    title, start, end, city, country, timezone
        What changes; the rest is taken from `source`. Without `end`, the new
        event lasts as long as the old one; without `timezone`, a new host
        country with a single time zone gives it (otherwise it must be given).
    parts : iterable of str
        Which parts to copy, from `PARTS`.
    registry : Registry, optional
        When given, `country` must be one of its ids.

    Returns
    -------
    Event
        A new record at revision 1, with no recommendations, action plan,
        statements, follow-up, participants or source documents.

    Examples
    --------
    >>> old = Event(id="old", kind="workshop", title="T", city="C", country="yemen",
    ...             timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 2))
    >>> clone_event(old, new_id="new", start=dt.date(2026, 3, 9)).end
    datetime.date(2026, 3, 10)
    """
    if registry is not None and country is not None and country not in registry:
        raise PlannerError(registry.unknown_message(country))
    new = _frame(source, new_id=new_id, title=title, start=start, end=end, city=city,
                 country=country, timezone=_timezone(source, country, timezone, registry))
    update: dict[str, Any] = {}
    for part in parts:
        if part not in _CLONERS:
            raise PlannerError(f"unknown part '{part}'; choose from {', '.join(PARTS)}")
        update |= _CLONERS[part](source, new, registry)
    return new.model_copy(update=update)


def describe_new_event(event: Event, registry: Registry) -> list[str]:
    """What a new event holds, in sentences an organiser checks before creating it.

    Examples
    --------
    >>> new = Event(id="n", kind="workshop", title="T", city="Tunis", country="tunisia",
    ...             timezone="Africa/Tunis", start=dt.date(2026, 7, 6), end=dt.date(2026, 7, 7))
    >>> describe_new_event(new, Registry([]))[0]
    'T — Tunis, 6–7 July 2026 (Workshop), file n.yaml'
    """
    days = sorted({event.date_of(s.day) for s in event.sessions})
    organisers = sorted({f"{registry[r.organisation].display_name} ({r.role.label.lower()})"
                         for r in event.organisers if r.organisation in registry})
    papers = [p.title for p in event.preparation.background_papers]
    return [
        f"{event.title} — {event.city}, {format_date_range(event.start, event.end)} "
        f"({event.kind.label}), file {event.id}.yaml",
        f"{len(event.sessions)} sessions on " + (", ".join(map(format_date, days)) or "no day"),
        f"{len(event.working_groups)} working groups: "
        + ("; ".join(g.title for g in event.working_groups) or "none"),
        f"{len(event.concept_note.sections)} concept-note sections to write: "
        + (", ".join(s.heading for s in event.concept_note.sections) or "none"),
        f"{len(event.organisers)} organiser roles: " + (", ".join(organisers) or "none"),
        f"{len(event.invited)} invitation entries",
        f"{len(papers)} background papers to adapt: " + ("; ".join(papers) or "none"),
        "no recommendations, action plan, declarations, follow-up or participants yet",
    ]
