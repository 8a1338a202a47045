"""Who may chair and report the working groups: the organisers' rules with their defaults,
the organisations that supply rapporteurs, and the level each person works at."""

from __future__ import annotations

import re
from typing import Any

from planner.errors import PlannerError
from planner.model import (
    Event,
    LeadershipRules,
    Organisation,
    OrganisationType,
    OrganiserRoleKind,
    Participant,
    ParticipantRole,
    Registry,
    Seniority,
    StaffLevel,
)

__all__ = [
    "SUPPLYING_ROLES",
    "chair_state",
    "leadership_rules",
    "leadership_summary",
    "may_chair",
    "rapporteur_suppliers",
    "set_leadership_rules",
    "staff_level",
    "supplier_of",
]

#: Organiser roles whose organisations supply rapporteurs when the organisers name none.
SUPPLYING_ROLES = frozenset({
    OrganiserRoleKind.CONVENER, OrganiserRoleKind.CO_ORGANISER, OrganiserRoleKind.CO_HOST,
    OrganiserRoleKind.IN_COOPERATION_WITH, OrganiserRoleKind.SECRETARIAT})
_GOVERNMENT = frozenset({OrganisationType.STATE, OrganisationType.GOVERNMENT_BODY})
_NOT_AGENCIES = _GOVERNMENT | {OrganisationType.TERRITORY}

# Position words, read in this order: the head of an agency, support staff, senior staff.
# "Assistant High Commissioner" heads an agency; "Logistics Assistant" supports it.
_HEAD = re.compile(
    r"\b(minister|cabinet secretary|permanent secretary|principal secretary|"
    r"secretary[ -]general|director[ -]general|high commissioner|executive director|"
    r"executive secretary|commissioner[ -]general|president|chief of mission|"
    r"head of (the )?(agency|organi[sz]ation))\b")
_NOT_SUPPORT = re.compile(
    r"\b(assistant|deputy) (director|secretary|minister|representative|commissioner|"
    r"protection officer|chief)|\b(first|second|third) secretary\b")
_SUPPORT = re.compile(
    r"\b(assistant|logistics?|driver|clerk|receptionist|interpreter|translator|intern|"
    r"administrative|admin|secretary|typist|messenger|security guard|support staff|"
    r"technician)\b")
_SENIOR = re.compile(
    r"\b(senior|director|head of|chief|principal|representative|commissioner|ambassador)\b")
_BY_SENIORITY = {Seniority.MINISTER: StaffLevel.HEAD,
                 Seniority.SENIOR_OFFICIAL: StaffLevel.SENIOR}


def staff_level(person: Participant) -> StaffLevel:
    """The level a person works at: from their position's words, else their seniority.

    A position naming the head of an agency or a minister is `head`; one naming an
    assistant, logistics, a driver, an interpreter or an intern is `support`; one
    naming a senior officer, a director or a representative is `senior`. Without such
    words the recorded seniority decides (a minister is `head`, a senior official
    `senior`), and anyone else is `professional`. Interpreters are `support`.

    Examples
    --------
    >>> level = lambda **f: staff_level(Participant(id="p", last_name="P", **f)).value
    >>> level(position="Logistics Assistant"), level(position="Assistant High Commissioner")
    ('support', 'head')
    >>> level(position="Senior Protection Officer"), level(seniority="senior-official")
    ('senior', 'senior')
    >>> level(position="Assistant Representative (Protection)"), level()
    ('senior', 'professional')
    """
    words = " ".join((person.position or "").lower().replace("-", " ").split())
    if _HEAD.search(words):
        return StaffLevel.HEAD
    if ParticipantRole.INTERPRETER in person.roles or _SUPPORT.search(_NOT_SUPPORT.sub(
            "", words)):
        return StaffLevel.SUPPORT
    if _SENIOR.search(words):
        return StaffLevel.SENIOR
    return _BY_SENIORITY.get(person.seniority, StaffLevel.PROFESSIONAL) if person.seniority \
        else StaffLevel.PROFESSIONAL


def leadership_rules(event: Event) -> LeadershipRules:
    """The event's rules for chairs and rapporteurs, or the defaults."""
    return event.group_leadership or LeadershipRules()


def _org(org_id: str | None, registry: Registry) -> Organisation | None:
    return registry[org_id] if org_id and org_id in registry else None


def rapporteur_suppliers(event: Event, registry: Registry) -> list[str]:
    """The organisations whose staff report the groups, in the event's order.

    The organisers' `rapporteurs_from` where they set it; otherwise the conveners,
    co-organisers, co-hosts and the organisations the event names "in cooperation
    with" or as its secretariat, States, territories and ministries aside.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> rapporteur_suppliers(library.load("dar-es-salaam-2010"), library.registry)
    ['unhcr', 'iom']
    """
    chosen = leadership_rules(event).rapporteurs_from
    if chosen is not None:
        return list(dict.fromkeys(chosen))
    found = [r.organisation for r in event.organisers
             if r.role in SUPPLYING_ROLES and (org := _org(r.organisation, registry))
             and org.type not in _NOT_AGENCIES]
    return list(dict.fromkeys(found))


def supplier_of(org_id: str | None, suppliers: list[str], registry: Registry) -> str | None:
    """The supplying organisation `org_id` is, or is an office of (its parents followed).

    Examples
    --------
    >>> from planner.library import Library
    >>> supplier_of("unhcr-africa-bureau", ["unhcr", "iom"], Library.open().registry)
    'unhcr'
    """
    seen: set[str] = set()
    while org_id and org_id not in seen:
        if org_id in suppliers:
            return org_id
        seen.add(org_id)
        org = _org(org_id, registry)
        org_id = org.parent if org else None
    return None


def chair_state(person: Participant, registry: Registry) -> str | None:
    """The State a government delegate represents (a ministry's State), else None."""
    org = _org(person.organisation, registry)
    seen: set[str] = set()
    while org is not None and org.type in _GOVERNMENT and org.id not in seen:
        if org.type == OrganisationType.STATE:
            return org.id
        seen.add(org.id)
        org = _org(org.parent, registry)
    return None


def may_chair(person: Participant, rules: LeadershipRules, registry: Registry) -> bool:
    """Whether the solver may make a person chair: a government delegate of a State the
    rules allow, at a level they allow."""
    state = chair_state(person, registry)
    return (state is not None and (rules.chairs_from is None or state in rules.chairs_from)
            and staff_level(person) in rules.chair_levels)


def _known(ids: list[str] | None, registry: Registry, what: str) -> list[str] | None:
    if ids is None:
        return None
    for org_id in ids:
        if org_id not in registry:
            raise PlannerError(f"{what}: {registry.unknown_message(org_id)}")
    return list(dict.fromkeys(ids))


def _levels(names: list[str] | None, what: str) -> list[StaffLevel] | None:
    if names is None:
        return None
    known = {level.value for level in StaffLevel}
    if bad := [n for n in names if n not in known]:
        raise PlannerError(f"{what}: no level '{bad[0]}'; levels are {', '.join(sorted(known))}")
    return [StaffLevel(n) for n in dict.fromkeys(names)]


def set_leadership_rules(event: Event, registry: Registry, *,
                         rapporteurs_from: list[str] | None = None,
                         rapporteur_levels: list[str] | None = None,
                         chairs_from: list[str] | None = None,
                         chair_levels: list[str] | None = None,
                         host_chairs_plenaries: bool | None = None,
                         reset: bool = False) -> Event:
    """A copy of `event` with its rules for chairs and rapporteurs changed; options left
    as None keep their value, an empty list of organisations restores the default, and
    `reset` restores every default. Nothing is saved.

    Raises
    ------
    PlannerError
        For an organisation the registry does not know or a level that does not exist.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> event = set_leadership_rules(library.load("dar-es-salaam-2010"), library.registry,
    ...                              rapporteurs_from=["iom"], rapporteur_levels=["professional"])
    >>> rapporteur_suppliers(event, library.registry), event.group_leadership.rapporteur_levels
    (['iom'], [<StaffLevel.PROFESSIONAL: 'professional'>])
    """
    rules = LeadershipRules() if reset else leadership_rules(event)
    changes: dict[str, Any] = {}
    if rapporteurs_from is not None:
        changes["rapporteurs_from"] = _known(rapporteurs_from, registry, "rapporteurs") or None
    if chairs_from is not None:
        changes["chairs_from"] = _known(chairs_from, registry, "chairs") or None
    for name, value in (("rapporteur_levels", rapporteur_levels),
                        ("chair_levels", chair_levels)):
        if (levels := _levels(value, name.replace("_", " "))) is not None:
            if not levels:
                raise PlannerError(f"{name.replace('_', ' ')}: name at least one level")
            changes[name] = levels
    if host_chairs_plenaries is not None:
        changes["host_chairs_plenaries"] = host_chairs_plenaries
    updated = rules.model_copy(update=changes)
    kept = None if updated == LeadershipRules() else updated
    return event.model_copy(update={"group_leadership": kept})


def leadership_summary(event: Event, registry: Registry) -> dict[str, Any]:
    """The rules in force, as plain data: who supplies rapporteurs (and whether that is the
    default), at which levels, which States chair, at which levels; and the States whose
    government delegates take part (`states`), among which chairs may be chosen.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> summary = leadership_summary(library.load("dar-es-salaam-2010"), library.registry)
    >>> summary["rapporteurs_from"], summary["rapporteurs_default"], summary["chairs_from"]
    (['unhcr', 'iom'], True, [])
    """
    rules = leadership_rules(event)
    states = {chair_state(p, registry) for p in event.participants}
    return {"rapporteurs_from": rapporteur_suppliers(event, registry),
            "rapporteurs_default": rules.rapporteurs_from is None,
            "rapporteur_levels": [level.value for level in rules.rapporteur_levels],
            "chairs_from": list(rules.chairs_from or []),
            "chair_levels": [level.value for level in rules.chair_levels],
            "host_chairs_plenaries": rules.host_chairs_plenaries,
            "states": sorted(s for s in states if s)}
