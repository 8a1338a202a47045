"""How the paperwork words things: names from the registry, lists, speakers, headings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from planner.dates import format_date, format_date_range
from planner.model import (
    ACTION_POINTS,
    Event,
    InviteeCategory,
    OrganisationType,
    Registry,
    Speaker,
)

__all__ = [
    "CATEGORY_HEADINGS",
    "TYPE_GROUPS",
    "Context",
    "describe_event",
    "frame",
    "join_names",
    "line",
    "name_of",
    "point_label",
    "split_paragraphs",
    "strip_numbering",
    "word_speaker",
]

Context = dict[str, Any]
"""What a template reads: plain strings, lists and dicts."""

#: Invitation categories in the conventional order of a concept note; civil society
#: and academia share one heading.
CATEGORY_HEADINGS: tuple[tuple[str, frozenset[InviteeCategory]], ...] = (
    ("Governments", frozenset({InviteeCategory.GOVERNMENTS})),
    ("Regional organisations", frozenset({InviteeCategory.REGIONAL_ORGANISATIONS})),
    ("Donors", frozenset({InviteeCategory.DONORS})),
    ("International organisations", frozenset({InviteeCategory.INTERNATIONAL_ORGANISATIONS})),
    ("Civil society and academia",
     frozenset({InviteeCategory.CIVIL_SOCIETY, InviteeCategory.ACADEMIA})),
    ("Others", frozenset({InviteeCategory.OTHER})),
)

#: Organisation types in the same conventional order, for lists of delegations.
TYPE_GROUPS: tuple[tuple[str, frozenset[OrganisationType]], ...] = (
    ("States", frozenset({OrganisationType.STATE})),
    ("Regional organisations", frozenset({OrganisationType.REGIONAL_ORGANISATION,
                                          OrganisationType.REGIONAL_CONSULTATIVE_PROCESS})),
    ("Donors", frozenset({OrganisationType.DONOR_AGENCY})),
    ("International organisations", frozenset({OrganisationType.UN_AGENCY,
                                               OrganisationType.INTERGOVERNMENTAL,
                                               OrganisationType.RED_CROSS})),
    ("Civil society and academia", frozenset({OrganisationType.NGO,
                                              OrganisationType.ACADEMIC})),
    ("Others", frozenset({OrganisationType.GOVERNMENT_BODY, OrganisationType.TERRITORY,
                          OrganisationType.PRIVATE, OrganisationType.OTHER})),
)

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Za-z]\))\s+")


def name_of(org_id: str | None, registry: Registry) -> str:
    """The name to print for a registry id; an id the registry lacks is printed as is.

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="iom", name="International Organization for "
    ...                              "Migration", acronym="IOM", type="intergovernmental")])
    >>> name_of("iom", reg), name_of("nobody", reg), name_of(None, reg)
    ('IOM', 'nobody', '')
    """
    if org_id is None:
        return ""
    return registry[org_id].display_name if org_id in registry else org_id


def join_names(names: Iterable[str]) -> str:
    """Names as a sentence lists them: `A, B and C`.

    Examples
    --------
    >>> join_names(["UNHCR", "IOM", "UNODC"]), join_names(["UNHCR"]), join_names([])
    ('UNHCR, IOM and UNODC', 'UNHCR', '')
    """
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def word_speaker(speaker: Speaker, registry: Registry, *, role: bool = True) -> str:
    """A speaker as a programme prints them (with their role unless told not to),
    `tbc` where not yet confirmed.

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="unhcr", name="Office of the United Nations High "
    ...                              "Commissioner for Refugees", acronym="UNHCR",
    ...                              type="un-agency")])
    >>> word_speaker(Speaker(name="Erika Feller", organisation="unhcr", role="keynote"), reg)
    'Erika Feller (UNHCR), keynote'
    >>> word_speaker(Speaker(organisation="unhcr", tbc=True), reg)
    'UNHCR (tbc)'
    """
    org = name_of(speaker.organisation, registry)
    who = f"{speaker.name} ({org})" if speaker.name and org else speaker.name or org
    text = f"{who}, {speaker.role}" if speaker.role and role else who
    return f"{text} (tbc)" if speaker.tbc else text


def point_label(number: int) -> str:
    """An action point of the 10-Point Plan, number and name.

    Examples
    --------
    >>> point_label(3)
    '3. Protection-sensitive entry systems'
    """
    return f"{number}. {ACTION_POINTS[number].name}"


def strip_numbering(heading: str) -> str:
    """A heading without the number the source printed, so the document can number it.

    Examples
    --------
    >>> strip_numbering("1.1. The Growth of the Phenomenon"), strip_numbering("3.2 Participation")
    ('The Growth of the Phenomenon', 'Participation')
    >>> strip_numbering("IV. Borders"), strip_numbering("Background")
    ('Borders', 'Background')
    """
    return _NUMBERING.sub("", heading, count=1).strip() or heading.strip()


def split_paragraphs(text: str | None) -> list[str]:
    """Prose from the event file as Word paragraphs: one per blank-line-separated block.

    Examples
    --------
    >>> split_paragraphs("First.\\n\\nSecond,\\ncontinued.\\n")
    ['First.', 'Second, continued.']
    >>> split_paragraphs(None)
    []
    """
    if not text:
        return []
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def describe_event(event: Event, registry: Registry) -> dict[str, str]:
    """The title block every document shares: title, place and dates in words.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> head = describe_event(library.load("dar-es-salaam-2010"), library.registry)
    >>> head["city"], head["dates"]
    ('Dar es Salaam', '6–7 September 2010')
    """
    country = name_of(event.country, registry)
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind.label,
        "series": event.series or "",
        "region": event.region or "",
        "city": event.city,
        "country": country,
        "venue": event.venue or "",
        "place": ", ".join(filter(None, (event.venue, event.city, country))),
        "dates": format_date_range(event.start, event.end),
        "start": format_date(event.start),
        "end": format_date(event.end),
        "languages": join_names(event.languages),
    }


def frame(kind: str, event: Event, registry: Registry) -> Context:
    """The part of every context that names the event and the document (`build_context`
    adds the document's title from the table of kinds)."""
    return {"event": describe_event(event, registry),
            "document": {"kind": kind}}


def line(style: str, text: str) -> dict[str, str]:
    """One paragraph of a document: its style name and its text.

    Styles are heading2, heading3, text, number, bullet, bullet2, strong, item
    (a labelled item such as a recommendation) and placeholder.

    Examples
    --------
    >>> line("bullet", "Governments: Kenya and Uganda")
    {'style': 'bullet', 'text': 'Governments: Kenya and Uganda'}
    """
    return {"style": style, "text": text}
