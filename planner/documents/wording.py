"""How the paperwork words things: names from the registry, lists, speakers, headings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from planner.dates import format_date, format_date_range
from planner.language import N_, _, current, in_language
from planner.model import (
    ACTION_POINTS,
    Event,
    InviteeCategory,
    Organisation,
    OrganisationType,
    Registry,
    Speaker,
)

__all__ = [
    "CATEGORY_HEADINGS",
    "EMPTY",
    "PLACEHOLDER",
    "TYPE_GROUPS",
    "Context",
    "country_name",
    "describe_event",
    "fit_columns",
    "frame",
    "join_names",
    "keep_rows",
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
    (N_("Governments"), frozenset({InviteeCategory.GOVERNMENTS})),
    (N_("Regional organisations"), frozenset({InviteeCategory.REGIONAL_ORGANISATIONS})),
    (N_("Donors"), frozenset({InviteeCategory.DONORS})),
    (N_("International organisations"),
     frozenset({InviteeCategory.INTERNATIONAL_ORGANISATIONS})),
    (N_("Civil society and academia"),
     frozenset({InviteeCategory.CIVIL_SOCIETY, InviteeCategory.ACADEMIA})),
    (N_("Others"), frozenset({InviteeCategory.OTHER})),
)

#: Organisation types in the same conventional order, for lists of delegations.
TYPE_GROUPS: tuple[tuple[str, frozenset[OrganisationType]], ...] = (
    (N_("States"), frozenset({OrganisationType.STATE})),
    (N_("Regional organisations"), frozenset({OrganisationType.REGIONAL_ORGANISATION,
                                          OrganisationType.REGIONAL_CONSULTATIVE_PROCESS})),
    (N_("Donors"), frozenset({OrganisationType.DONOR_AGENCY})),
    (N_("International organisations"), frozenset({OrganisationType.UN_AGENCY,
                                               OrganisationType.INTERGOVERNMENTAL,
                                               OrganisationType.RED_CROSS})),
    (N_("Civil society and academia"), frozenset({OrganisationType.NGO,
                                                  OrganisationType.ACADEMIC})),
    (N_("Others"), frozenset({OrganisationType.GOVERNMENT_BODY, OrganisationType.TERRITORY,
                          OrganisationType.PRIVATE, OrganisationType.OTHER})),
)

#: What a document does with a section the record leaves empty: print the one placeholder,
#: or leave the section out. The organiser chooses per document (`render --empty`).
EMPTY = ("placeholder", "leave-out")
#: The one placeholder every document prints for what is still to be written.
PLACEHOLDER = N_("[To be drafted with the co-organisers.]")

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Za-z]\))\s+")


def country_name(org: Organisation) -> str:
    """A State's name in the current language (CLDR's, by its ISO code), else the registry's.

    Examples
    --------
    >>> from planner.language import using
    >>> kenya = Organisation(id="kenya", name="Republic of Kenya", type="state", iso="KE")
    >>> with using("fr"):
    ...     country_name(kenya)
    'Kenya'
    """
    code = current()
    if code == "en" or org.type != OrganisationType.STATE or not org.iso:
        return org.name
    return _territories(code).get(org.iso, org.name)


@cache
def _territories(code: str) -> dict[str, str]:
    from babel import Locale  # noqa: PLC0415 -- only off English

    return dict(Locale.parse(code).territories)


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
    if org_id not in registry:
        return org_id
    org = registry[org_id]
    if org.type == OrganisationType.STATE and current() != "en":
        return country_name(org)
    if org.parent is None or org.parent not in registry:
        return org.display_name
    parent, whole = registry[org.parent].display_name, registry[org.parent].name.lower()
    # A unit of an organisation ("Bureau for Africa") says whose it is; a territory does not.
    # A State's ministry reads as its letterhead does: "Ministry of Home Affairs, Kenya".
    if not org.acronym and org.type != OrganisationType.TERRITORY \
            and parent.lower() not in org.name.lower() \
            and whole.removeprefix("the ") not in org.name.lower():
        if registry[org.parent].type == OrganisationType.STATE:
            return f"{org.display_name}, {name_of(org.parent, registry)}"
        return f"{parent} {org.display_name}"
    return org.display_name


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
    if current() != "en":
        comma = _LIST_COMMAS.get(current(), ", ")
        return _("{names} and {last}").format(names=comma.join(names[:-1]), last=names[-1])
    return f"{', '.join(names[:-1])} and {names[-1]}"


#: The comma between names where a language writes its own (CLDR's list patterns).
_LIST_COMMAS = {"ar": "، ", "zh": "、"}


def _same_word(role: str, label: str) -> bool:
    def stem(word: str) -> str:
        return word.strip().lower().removesuffix("s")
    return stem(role) == stem(label)


def word_speaker(speaker: Speaker, registry: Registry, *, role: bool = True,
                 under: str | None = None) -> str:
    """A speaker as a programme prints them (with their role unless told not to),
    `tbc` where not yet confirmed. Listed `under` a label that names the role already
    (`Chair:`), the role is not repeated after the name.

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
    >>> word_speaker(Speaker(name="Ms A", role="rapporteur"), reg, under="Rapporteurs")
    'Ms A'
    """
    org = name_of(speaker.organisation, registry)
    who = f"{speaker.name} ({org})" if speaker.name and org else speaker.name or org
    said = bool(under) and _same_word(speaker.role or "", under or "")
    text = f"{who}, {speaker.role}" if speaker.role and role and not said else who
    return text + " " + _("(tbc)") if speaker.tbc else text


def point_label(number: int) -> str:
    """An action point of the 10-Point Plan, number and name.

    Examples
    --------
    >>> point_label(3)
    '3. Protection-sensitive entry systems'
    """
    return f"{number}. {_(ACTION_POINTS[number].name)}"


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


def keep_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Table rows marked `keep` where Word and LibreOffice must keep a row with the next:
    the first and the one before the last, so that no page holds a row alone.

    Examples
    --------
    >>> [r["keep"] for r in keep_rows([{}, {}, {}, {}])]
    [True, False, True, False]
    """
    last = len(rows) - 1
    return [row | {"keep": index in (0, last - 1) and index < last}
            for index, row in enumerate(rows)]


#: Twips (1/20 point) a character of 11-point Arial takes, with room to spare, and what a
#: cell's margins take.
CHAR, CELL_MARGINS = 105, 230
#: Most characters a column is made wide for before its text wraps.
WIDEST = 40
#: A value this short (a phone number, most names) is never broken across lines.
SHORT = 20


def fit_columns(headings: Sequence[str], cells: Sequence[Sequence[str]], *,
                width: int) -> list[int]:
    """Column widths (twips) that fill `width`: each column at least as wide as its longest
    word (an e-mail address is one word, so it never breaks, nor does a heading) and as
    its longest short value (a phone number), the room left shared by how much more each
    column holds.

    Examples
    --------
    >>> fit_columns(["Name", "E-mail"], [["Ann Lee", "Bo Yu"], ["ann.lee@example.org"]],
    ...             width=6000)
    [2370, 3630]
    """
    def size(text: str) -> int:
        return len(text) * CHAR + CELL_MARGINS

    def least(heading: str, column: Sequence[str]) -> int:
        words = [w for text in [heading, *column] for w in text.split()] or [""]
        short = [text for text in column if len(text) <= SHORT]
        return max(size(w) for w in [*words, *short])

    lows = [least(h, column) for h, column in zip(headings, cells, strict=True)]
    want = [max(lo, min(max(size(t) for t in [h, *column]), size("x" * WIDEST)))
            for lo, h, column in zip(lows, headings, cells, strict=True)]
    more = [w - lo for w, lo in zip(want, lows, strict=True)]
    room = max(width - sum(lows), 0)
    widths = [lo + (room * m // sum(more) if sum(more) else room // len(lows))
              for lo, m in zip(lows, more, strict=True)]
    widths[-1] += width - sum(widths) if room else 0  # the table fills the page exactly
    return widths


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
        "title": in_language(event, "title"),
        "kind": _(event.kind.label),
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
