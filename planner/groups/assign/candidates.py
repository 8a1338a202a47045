"""The candidates for the working groups, read off an event: who can go where, and what each
person counts as (the solver's input; the event's roster is `planner.people.roster`)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TypedDict

from planner.countries import area_of
from planner.errors import PlannerError
from planner.model import (
    NOT_COMING,
    Event,
    Gender,
    Organisation,
    OrganisationType,
    OrganiserRoleKind,
    Participant,
    ParticipantRole,
    Registry,
    Seniority,
    Speaker,
    WorkingGroup,
)
from planner.people.balance import UNKNOWN, stakeholder_type
from planner.people.delegations import country_of, delegation_of, recorded_delegations

__all__ = [
    "CO_ORGANISING",
    "DEFAULT_ROOM",
    "Candidates",
    "Group",
    "Person",
    "co_organisers",
    "is_assignable",
    "is_kept",
    "read_candidates",
    "solver_groups",
]

#: Organiser roles whose staff report the groups.
CO_ORGANISING = frozenset({OrganiserRoleKind.CONVENER, OrganiserRoleKind.CO_ORGANISER,
                           OrganiserRoleKind.CO_HOST})
#: A group without a capacity holds at most this much more than an even share of its round.
DEFAULT_ROOM = 1.25
_GOVERNMENT = frozenset({OrganisationType.STATE, OrganisationType.GOVERNMENT_BODY})
_NOT_AGENCIES = _GOVERNMENT | {OrganisationType.TERRITORY}
# Chair candidates per group of a round before the pool is cut to the most senior.
_CHAIR_POOL = 4


@dataclass
class Group:
    """A working group as the solver sees it."""

    id: str
    title: str
    label: str
    """How explanations name it: `WG 3`."""
    round: int
    capacity: int
    chair_slots: int
    """Chairs still to find: 1 less the chairs the organisers fixed."""
    rapporteur_slots: int
    kept_rapporteur_orgs: list[str] = field(default_factory=list)
    kept_men: int = 0
    """Men among the fixed chairs and rapporteurs."""
    kept_leaders: int = 0


@dataclass
class Person:
    """An assignable participant as the solver sees them."""

    id: str
    delegation: str | None
    categories: tuple[str, str, str]
    """Stakeholder type, region and gender, the dimensions of each group's mix."""
    ranked: dict[int, list[int]]
    """Per round, the groups the person asked for, most wanted first (group indices)."""
    pinned: dict[int, int]
    """Per round, the group the organisers fixed."""
    leads: dict[int, int]
    """Per round, the group the person is fixed to chair or report."""
    chair: bool
    """A chair candidate: a government delegate (in a large event, among the most senior)."""
    rapporteur_org: str | None
    """The co-organising agency the person works for, if any: a rapporteur candidate."""
    field_staff: bool
    male: bool

    def cost(self, group: int, round_: int) -> int:
        """Steps down the person's list for the round: 0 for the first choice.

        A group not on the list counts as ranked two places after the last
        choice; someone who listed nothing for the round is indifferent (0).
        """
        ranked = self.ranked.get(round_, [])
        if group in ranked:
            return ranked.index(group)
        return len(ranked) + 1 if ranked else 0


@dataclass
class Candidates:
    """Everything the solver needs, indexed by position."""

    groups: list[Group]
    people: list[Person]
    rounds: list[int]
    by_round: dict[int, list[int]]
    rapporteur_orgs: list[str]
    """The co-organising agencies whose staff report, in the event's order."""


def solver_groups(event: Event) -> list[WorkingGroup]:
    """The groups to fill: the planned ones, or all when none is planned."""
    planned = [g for g in event.working_groups if g.is_planned]
    return planned or list(event.working_groups)


def is_assignable(person: Participant) -> bool:
    """Coming to the event, and not only to interpret."""
    only_interprets = set(person.roles) <= {ParticipantRole.INTERPRETER} and bool(person.roles)
    return person.status not in NOT_COMING and not only_interprets


def co_organisers(event: Event, registry: Registry) -> list[str]:
    """The agencies that co-organise the event (convener, co-organiser, co-host), not States."""
    found = [r.organisation for r in event.organisers
             if r.role in CO_ORGANISING and r.organisation in registry
             and registry[r.organisation].type not in _NOT_AGENCIES]
    return list(dict.fromkeys(found))


def _ancestor_in(org: Organisation | None, wanted: list[str], registry: Registry) -> str | None:
    seen: set[str] = set()
    while org is not None and org.id not in seen:
        if org.id in wanted:
            return org.id
        seen.add(org.id)
        org = _org(org.parent, registry)
    return None


def _org(org_id: str | None, registry: Registry) -> Organisation | None:
    return registry[org_id] if org_id and org_id in registry else None


def _categories(person: Participant, registry: Registry) -> tuple[str, str, str]:
    area = area_of(_org(country_of(person, registry), registry), registry)
    gender = person.gender.value if person.gender else UNKNOWN
    return (stakeholder_type(_org(person.organisation, registry)),
            area.finest if area else UNKNOWN, gender)


def _seniority_rank(person: Participant) -> tuple[int, str]:
    roles, level = set(person.roles), person.seniority
    rank = (0 if ParticipantRole.CHAIR in roles else 1 if ParticipantRole.HEAD_OF_DELEGATION
            in roles else 2 if level in (Seniority.MINISTER, Seniority.SENIOR_OFFICIAL) else 3)
    return rank, person.id


def _chair_pool(people: list[Participant], registry: Registry, per_round: int) -> set[str]:
    government = [p for p in people if (org := _org(p.organisation, registry))
                  and org.type in _GOVERNMENT]
    # A large event has far more delegates than chairs to find: the most senior suffice.
    ranked = sorted(government, key=_seniority_rank)
    return {p.id for p in ranked[: _CHAIR_POOL * per_round]} | {
        p.id for p in government if p.pinned}


def _ranked(person: Participant, index: dict[str, int],
            groups: list[Group]) -> dict[int, list[int]]:
    ranked: dict[int, list[int]] = {}
    for group_id in dict.fromkeys(person.preferences):
        if group_id in index:
            ranked.setdefault(groups[index[group_id]].round, []).append(index[group_id])
    return ranked


def _pins(person: Participant, index: dict[str, int], groups: list[Group]) -> dict[int, int]:
    pins: dict[int, int] = {}
    for group_id in dict.fromkeys(person.pinned):
        if group_id not in index:
            raise PlannerError(f"participant '{person.id}' is pinned to '{group_id}', which is "
                               "not a working group to fill; unpin it or add the group")
        round_ = groups[index[group_id]].round
        if round_ in pins:
            raise PlannerError(f"participant '{person.id}' is pinned to two groups of round "
                               f"{round_}: '{groups[pins[round_]].id}' and '{group_id}'")
        pins[round_] = index[group_id]
    return pins


def is_kept(speaker: Speaker, group_id: str, people: dict[str, Participant]) -> bool:
    """Whether a chair or rapporteur entry stays: the organisers', not the solver's last run.

    Entries that name no participant (as the sources record them) stay; so do
    participants who are pinned to the group. Other linked entries are the
    solver's own and are replaced.
    """
    if speaker.participant is None:
        return True
    person = people.get(speaker.participant)
    return person is not None and is_assignable(person) and group_id in person.pinned


def _capacities(groups: list[WorkingGroup], round_: int, people: int) -> list[int]:
    members = [g for g in groups if g.round == round_]
    fixed = sum(g.capacity or 0 for g in members)
    open_ = sum(1 for g in members if g.capacity is None)
    default = max(math.ceil(DEFAULT_ROOM * people / len(members)),
                  math.ceil((people - fixed) / open_) if open_ else 0)
    return [g.capacity or default for g in members]


def _is_male(person: Participant | None) -> bool:
    return person is not None and person.gender == Gender.MALE


class _Kept(TypedDict):
    """What the organisers fixed of a group's leadership, as `Group` takes it."""

    chair_slots: int
    rapporteur_slots: int
    kept_rapporteur_orgs: list[str]
    kept_men: int
    kept_leaders: int


def _leaders(groups: list[WorkingGroup], people: dict[str, Participant], registry: Registry,
             agencies: list[str]) -> tuple[list[_Kept], dict[str, dict[int, int]]]:
    kept: list[_Kept] = []
    leads: dict[str, dict[int, int]] = {}
    for index, group in enumerate(groups):
        chairs = [s for s in group.chair if is_kept(s, group.id, people)]
        rapporteurs = [s for s in group.rapporteurs if is_kept(s, group.id, people)]
        orgs = [_ancestor_in(_org(people[s.participant].organisation if s.participant
                                  else s.organisation, registry), agencies, registry)
                for s in rapporteurs]
        linked = [s.participant for s in (*chairs, *rapporteurs) if s.participant]
        kept.append({"chair_slots": max(0, 1 - len(chairs)),
                     "rapporteur_slots": max(0, 2 - len(rapporteurs)),
                     "kept_rapporteur_orgs": [o for o in orgs if o],
                     "kept_men": sum(_is_male(people.get(p)) for p in linked),
                     "kept_leaders": len(chairs) + len(rapporteurs)})
        for person_id in linked:
            mine = leads.setdefault(person_id, {})
            if group.round in mine:
                raise PlannerError(f"participant '{person_id}' is fixed to lead two groups of "
                                   f"round {group.round}: '{groups[mine[group.round]].id}' "
                                   f"and '{group.id}'")
            mine[group.round] = index
    return kept, leads


def _check_rooms(candidates: Candidates) -> None:
    for round_, members in candidates.by_round.items():
        room = sum(candidates.groups[g].capacity for g in members)
        if room < len(candidates.people):
            raise PlannerError(f"the groups of round {round_} hold {room} people but "
                               f"{len(candidates.people)} are coming; raise their capacities")
    pinned = Counter(g for p in candidates.people for g in p.pinned.values())
    for group_index, count in sorted(pinned.items()):
        group = candidates.groups[group_index]
        if count > group.capacity:
            raise PlannerError(f"{count} participants are pinned to '{group.id}', which holds "
                               f"{group.capacity}; unpin some or raise its capacity")


def read_candidates(event: Event, registry: Registry) -> Candidates:
    """Read the assignment problem off an event.

    Raises
    ------
    PlannerError
        When the event has no working group, a pin names an unknown group or
        two groups of one round, someone is fixed to lead two groups of a
        round, or the rooms of a round cannot hold everyone coming.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> candidates = read_candidates(make_synthetic_event(participants=20, groups=2, rounds=1,
    ...                                           registry=registry), registry)
    >>> len(candidates.people), [g.label for g in candidates.groups], candidates.rapporteur_orgs
    (20, ['WG 1', 'WG 2'], ['unhcr', 'iom'])
    >>> candidates.people[0].categories
    ('international-organisations', 'unknown', 'female')
    """
    chosen = solver_groups(event)
    if not chosen:
        raise PlannerError(f"event '{event.id}' has no working groups to fill")
    everyone = {p.id: p for p in event.participants}
    coming = [p for p in event.participants if is_assignable(p)]
    rounds = sorted({g.round for g in chosen})
    capacity = {r: iter(_capacities(chosen, r, len(coming))) for r in rounds}
    agencies = co_organisers(event, registry)
    kept, leads = _leaders(chosen, everyone, registry, agencies)
    groups = [Group(id=g.id, title=g.title, label=f"WG {i + 1}", round=g.round,
                    capacity=next(capacity[g.round]), **kept[i])
              for i, g in enumerate(chosen)]
    index = {g.id: i for i, g in enumerate(groups)}
    by_round = {r: [i for i, g in enumerate(groups) if g.round == r] for r in rounds}
    pool = _chair_pool(coming, registry, max(len(m) for m in by_round.values()))
    recorded = recorded_delegations(event)
    people = [Person(
        id=p.id, delegation=delegation_of(p, event, registry, recorded=recorded),
        categories=_categories(p, registry),
        ranked=_ranked(p, index, groups), pinned=_pins(p, index, groups),
        leads=leads.get(p.id, {}), chair=p.id in pool,
        rapporteur_org=_ancestor_in(_org(p.organisation, registry), agencies, registry),
        field_staff=p.field_staff, male=_is_male(p)) for p in coming]
    candidates = Candidates(groups, people, rounds, by_round, agencies)
    _check_rooms(candidates)
    return candidates
