"""Organiser roles: who convenes, hosts, co-organises, funds…, one role per source document.

The same body is convener here, co-organiser there; the documents of one event disagree
(the concept note's convener is the report's supporting institution). A role is kept with
the document that states it (`source`); a role the organisers set themselves has the
source `editor`. Every function returns a changed copy of the event; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner.errors import PlannerError
from planner.model import Event, OrganiserRole, OrganiserRoleKind, Registry, SourceKind

__all__ = [
    "ROLES",
    "add_organiser",
    "change_organiser",
    "check_organisation",
    "organiser_rows",
    "parse_role",
    "parse_source",
    "remove_organiser",
    "revise_organisers",
]

#: The roles an organisation can hold, as the event file writes them.
ROLES: tuple[str, ...] = tuple(kind.value for kind in OrganiserRoleKind)

_SOURCES: tuple[str, ...] = tuple(kind.value for kind in SourceKind)


def _slug(text: str) -> str:
    return "-".join(str(text).strip().lower().replace("_", " ").split())


def parse_role(text: str | OrganiserRoleKind) -> OrganiserRoleKind:
    """The role `text` names, written as in the file (`co-organiser`) or as prose
    (`In cooperation with`).

    Raises
    ------
    PlannerError
        Naming every role, when `text` is none of them.

    Examples
    --------
    >>> parse_role("In cooperation with").value
    'in-cooperation-with'
    >>> parse_role("cohost")
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown role 'cohost'; choose from convener, host-government, \
co-host, co-organiser, in-cooperation-with, under-the-auspices-of, supporting-institution, \
funder, secretariat, observer, process-owner, other
    """
    if isinstance(text, OrganiserRoleKind):
        return text
    try:
        return OrganiserRoleKind(_slug(text))
    except ValueError:
        raise PlannerError(f"unknown role '{text}'; choose from {', '.join(ROLES)}") from None


def parse_source(text: str | SourceKind, event: Event | None = None) -> SourceKind:
    """The source document `text` names; with `event`, one of the documents it lists (or
    `editor`, the organisers' own edits, which need no document).

    Examples
    --------
    >>> parse_source("summary-report").value
    'summary-report'
    >>> parse_source("minutes")
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown source 'minutes'; choose from concept-note, \
programme, summary-report, action-plan, declaration, co-hosts-summary, discussion-paper, \
selected-recommendations, review, other-document, editor
    """
    try:
        source = text if isinstance(text, SourceKind) else SourceKind(_slug(text))
    except ValueError:
        raise PlannerError(f"unknown source '{text}'; choose from "
                           f"{', '.join(_SOURCES)}") from None
    if event is not None and event.sources and source != SourceKind.EDITOR:
        kinds = list(dict.fromkeys(d.kind.value for d in event.sources))
        if source.value not in kinds:
            raise PlannerError(f"{event.id} has no {source.value} among its sources "
                               f"({', '.join(kinds)}, or editor)")
    return source


def check_organisation(organisation: str, registry: Registry) -> str:
    """`organisation` if it is an id of the registry; else refuse it with the nearest ids.

    Examples
    --------
    >>> from planner.library import Library
    >>> check_organisation("iomm", Library.open().registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown organisation 'iomm'; did you mean 'iom'?
    """
    if organisation not in registry:
        raise PlannerError(registry.unknown_message(organisation))
    return organisation


def _name(organisation: str, registry: Registry) -> str:
    return registry[organisation].display_name if organisation in registry else organisation


def _as_stated(source: SourceKind) -> str:
    return "" if source == SourceKind.EDITOR else f" as the {source.value} states it"


def organiser_rows(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """Every organiser role of `event` as plain fields: `organisation`, `name` (as lists
    print it), `role`, `source` and `note`, in the file's order.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> organiser_rows(library.load("dar-es-salaam-2010"), library.registry)[1]
    {'organisation': 'unhcr', 'name': 'UNHCR', 'role': 'under-the-auspices-of', \
'source': 'concept-note', 'note': None}
    """
    return [{"organisation": r.organisation, "name": _name(r.organisation, registry),
             "role": r.role.value, "source": r.source.value, "note": r.note}
            for r in event.organisers]


def _held(event: Event, organisation: str, source: SourceKind) -> list[OrganiserRole]:
    return [r for r in event.organisers
            if r.organisation == organisation and r.source == source]


def add_organiser(event: Event, organisation: str, role: str | OrganiserRoleKind, *,
                  registry: Registry, source: str | SourceKind = SourceKind.EDITOR,
                  note: str | None = None) -> Event:
    """A copy of `event` in which `organisation` also holds `role`, as `source` states it
    (by default the organisers' own edit, `editor`).

    Raises
    ------
    PlannerError
        For an organisation the registry does not know (with the nearest ids), a role
        that is not one of `ROLES` (naming them), or a role the organisation already
        holds for that source.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> added = add_organiser(dar, "iom", "co-organiser", registry=library.registry)
    >>> added.organisers[-1]
    OrganiserRole(organisation='iom', role=<OrganiserRoleKind.CO_ORGANISER: 'co-organiser'>, \
source=<SourceKind.EDITOR: 'editor'>, note=None)
    >>> add_organiser(added, "iom", "co-organiser", registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: IOM already holds the role 'co-organiser' in \
dar-es-salaam-2010
    """
    check_organisation(organisation, registry)
    kind, stated = parse_role(role), parse_source(source, event)
    if any(r.role == kind for r in _held(event, organisation, stated)):
        raise PlannerError(f"{_name(organisation, registry)} already holds the role "
                           f"'{kind.value}' in {event.id}{_as_stated(stated)}")
    new = OrganiserRole(organisation=organisation, role=kind, source=stated,
                        note=(note or "").strip() or None)
    return event.model_copy(update={"organisers": [*event.organisers, new]})


def remove_organiser(event: Event, organisation: str, *,
                     role: str | OrganiserRoleKind | None = None, registry: Registry,
                     source: str | SourceKind = SourceKind.EDITOR) -> Event:
    """A copy of `event` without `organisation`'s `role` as `source` states it, or without
    every role `source` gives it when `role` is None.

    Raises
    ------
    PlannerError
        For an unknown organisation or role, or a role the organisation does not hold
        (naming those it holds).

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> fewer = remove_organiser(dar, "iom", role="under-the-auspices-of",
    ...                          source="concept-note", registry=library.registry)
    >>> len(dar.organisers) - len(fewer.organisers)
    1
    >>> remove_organiser(dar, "iom", role="funder", source="concept-note",
    ...                  registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: IOM does not hold the role 'funder' in dar-es-salaam-2010 \
as the concept-note states it (it holds: under-the-auspices-of, in-cooperation-with)
    """
    check_organisation(organisation, registry)
    kind = parse_role(role) if role is not None else None
    stated = parse_source(source, event)
    held = _held(event, organisation, stated)
    gone = [r for r in held if kind is None or r.role == kind]
    if not gone:
        name = _name(organisation, registry)
        if not held:
            raise PlannerError(f"{name} holds no organiser role in {event.id}"
                               f"{_as_stated(stated)}")
        raise PlannerError(f"{name} does not hold the role '{kind.value if kind else ''}' in "
                           f"{event.id}{_as_stated(stated)} (it holds: "
                           f"{', '.join(r.role.value for r in held)})")
    kept = [r for r in event.organisers if not any(r is g for g in gone)]
    return event.model_copy(update={"organisers": kept})


def change_organiser(event: Event, organisation: str, role: str | OrganiserRoleKind,
                     new_role: str | OrganiserRoleKind, *, registry: Registry,
                     source: str | SourceKind = SourceKind.EDITOR) -> Event:
    """A copy of `event` in which `organisation` holds `new_role` instead of `role`, in the
    same place of the list and with the same note.

    Raises
    ------
    PlannerError
        As `remove_organiser` and `add_organiser` do.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> changed = change_organiser(dar, "iom", "under-the-auspices-of", "co-organiser",
    ...                            source="concept-note", registry=library.registry)
    >>> changed.organisers[2].role.value
    'co-organiser'
    """
    kind, new_kind = parse_role(role), parse_role(new_role)
    stated = parse_source(source, event)
    without = remove_organiser(event, organisation, role=kind, registry=registry, source=stated)
    add_organiser(without, organisation, new_kind, registry=registry, source=stated)
    roles = [r.model_copy(update={"role": new_kind})
             if (r.organisation, r.role, r.source) == (organisation, kind, stated) else r
             for r in event.organisers]
    return event.model_copy(update={"organisers": roles})


def _row_role(fields: Mapping[str, Any], event: Event, registry: Registry) -> OrganiserRole:
    organisation = str(fields.get("organisation") or "").strip()
    if not organisation:
        raise PlannerError("choose the organisation")
    check_organisation(organisation, registry)
    if not fields.get("role"):
        raise PlannerError(f"choose the role of {_name(organisation, registry)}")
    note = str(fields.get("note") or "").strip() or None
    return OrganiserRole(organisation=organisation, role=parse_role(fields["role"]),
                         source=parse_source(fields.get("source") or SourceKind.EDITOR, event),
                         note=note)


def revise_organisers(event: Event, rows: Sequence[Mapping[str, Any]], *,
                      registry: Registry) -> Event:
    """A copy of `event` whose organiser roles are `rows`, as a table edits them (the
    shape `organiser_rows` gives; `name` is ignored). A row without organisation and role
    is left out; a row without source is the organisers' own (`editor`).

    Raises
    ------
    PlannerError
        Naming the row, for an unknown organisation or role, a missing one, or a role
        an organisation holds twice for the same source.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> dar = library.load("dar-es-salaam-2010")
    >>> rows = [*organiser_rows(dar, library.registry), {"organisation": "iom",
    ...                                                   "role": "co-organiser"}]
    >>> revise_organisers(dar, rows, registry=library.registry).organisers[-1].source.value
    'editor'
    >>> twice = [{"organisation": "iom", "role": "funder"}, {}, {"organisation": "iom",
    ...                                                          "role": "Funder"}]
    >>> revise_organisers(dar, twice, registry=library.registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: row 3: IOM already holds the role 'funder' in row 1
    """
    roles: list[OrganiserRole] = []
    for number, fields in enumerate(rows, 1):
        if not fields.get("organisation") and not fields.get("role"):
            continue
        try:
            role = _row_role(fields, event, registry)
        except PlannerError as err:
            raise PlannerError(f"row {number}: {err}") from None
        same = [i for i, r in enumerate(roles)
                if (r.organisation, r.role, r.source) == (role.organisation, role.role,
                                                          role.source)]
        if same:
            raise PlannerError(f"row {number}: {_name(role.organisation, registry)} already "
                               f"holds the role '{role.role.value}' in row "
                               f"{_row_number(rows, same[0])}"
                               f"{_as_stated(role.source)}")
        roles.append(role)
    return event.model_copy(update={"organisers": roles})


def _row_number(rows: Sequence[Mapping[str, Any]], index: int) -> int:
    # The table row of the `index`-th role kept (blank rows are not roles).
    kept = [n for n, f in enumerate(rows, 1) if f.get("organisation") or f.get("role")]
    return kept[index]
