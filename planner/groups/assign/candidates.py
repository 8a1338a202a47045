"""The candidates for the working groups, read off an event: who can go where, who may lead,
where each person sat before, and what each person counts as (the solver's input)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.errors import Finding, PlannerError
from planner.event.regions import event_region
from planner.groups.assign.sizes import group_sizes
from planner.groups.leaders import (
    chair_state,
    leadership_rules,
    may_chair,
    rapporteur_suppliers,
    staff_level,
    supplier_of,
)
from planner.model import (
    NOT_COMING,
    Event,
    Gender,
    Organisation,
    Participant,
    ParticipantRole,
    Registry,
    Speaker,
    StaffLevel,
    WorkingGroup,
)
from planner.people.balance import UNKNOWN, stakeholder_type
from planner.people.delegations import delegation_of, recorded_delegations
from planner.people.representation import INTERNATIONAL, is_international, represented_country

__all__ = [
    "Candidates",
    "Group",
    "Person",
    "is_assignable",
    "is_kept",
    "read_candidates",
    "solver_groups",
]

# Chair candidates per group of a round before the pool is cut to the most senior.
_CHAIR_POOL = 4
_RANK = {StaffLevel.HEAD: 1, StaffLevel.SENIOR: 2, StaffLevel.PROFESSIONAL: 3,
         StaffLevel.SUPPORT: 4}


@dataclass
class Group:
    """A working group as the solver sees it."""

    id: str
    title: str
    label: str
    """How compact tables name it: `WG 3`."""
    round: int
    capacity: int
    chair_slots: int
    """Chairs still to find: 1 less the chairs the organisers fixed."""
    rapporteur_slots: int
    minimum: int = 0
    """Fewest members, as the people allow (see `sizes.group_sizes`)."""
    kept_rapporteur_orgs: list[str] = field(default_factory=list)
    kept_men: int = 0
    """Men among the fixed chairs and rapporteurs."""
    kept_leaders: int = 0
    host_chairs: bool = False
    """Only the host State's delegates may chair it (a plenary, where the rules say so)."""


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
    """A chair candidate: a government delegate the rules allow (in a large event, among the
    most senior)."""
    rapporteur_org: str | None
    """The supplying organisation the person works for, at a level the rules allow: a
    rapporteur candidate."""
    field_staff: bool
    male: bool
    earlier: dict[int, int] = field(default_factory=dict)
    """Per round, the group the person sat in before (the saved composition)."""
    earlier_roles: dict[int, tuple[int, str]] = field(default_factory=dict)
    """Per round, the group the solver had the person chair or report, and the role."""
    host: bool = False
    """A delegate of the host State."""

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
    """The organisations whose staff report, in the event's order."""
    findings: list[Finding] = field(default_factory=list)
    """Where the people cannot fill the groups' minimum sizes."""


def solver_groups(event: Event) -> list[WorkingGroup]:
    """The groups to fill: the planned ones, or all when none is planned."""
    planned = [g for g in event.working_groups if g.is_planned]
    return planned or list(event.working_groups)


def is_assignable(person: Participant) -> bool:
    """Coming to the event, and not only to interpret."""
    only_interprets = set(person.roles) <= {ParticipantRole.INTERPRETER} and bool(person.roles)
    return person.status not in NOT_COMING and not only_interprets


def _org(org_id: str | None, registry: Registry) -> Organisation | None:
    return registry[org_id] if org_id and org_id in registry else None


def _categories(person: Participant, event: Event, registry: Registry) -> tuple[str, str, str]:
    # One rule with the balance: staff of international organisations count for them.
    region = event_region(represented_country(person, registry), event, registry) or (
        INTERNATIONAL if is_international(person.organisation, registry) else UNKNOWN)
    gender = person.gender.value if person.gender else UNKNOWN
    return stakeholder_type(_org(person.organisation, registry)), region, gender


def _seniority_rank(person: Participant) -> tuple[int, int, str]:
    roles = set(person.roles)
    role = 0 if ParticipantRole.CHAIR in roles else 1 if (
        ParticipantRole.HEAD_OF_DELEGATION in roles) else 2
    return role, _RANK[staff_level(person)], person.id


def _chair_pool(people: list[Participant], event: Event, registry: Registry,
                per_round: int) -> set[str]:
    rules = leadership_rules(event)
    able = [p for p in people if may_chair(p, rules, registry)]
    # A large event has far more delegates than chairs to find: the most senior suffice.
    ranked = sorted(able, key=_seniority_rank)
    return {p.id for p in ranked[: _CHAIR_POOL * per_round]} | {
        p.id for p in able if p.pinned or (rules.host_chairs_plenaries and
                                           chair_state(p, registry) == event.country)}


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


def _earlier(person: Participant, index: dict[str, int], groups: list[Group]) -> dict[int, int]:
    found: dict[int, int] = {}
    for group_id in person.working_groups:
        if group_id in index:
            found.setdefault(groups[index[group_id]].round, index[group_id])
    return found


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


def _is_male(person: Participant | None) -> bool:
    return person is not None and person.gender == Gender.MALE


def _leaders(groups: list[Group], chosen: list[WorkingGroup], people: dict[str, Participant],
             registry: Registry, agencies: list[str]) -> dict[str, dict[int, int]]:
    """Fill in what the organisers fixed of each group's leadership; who is fixed to lead."""
    leads: dict[str, dict[int, int]] = {}
    for index, (group, record) in enumerate(zip(groups, chosen, strict=True)):
        chairs = [s for s in record.chair if is_kept(s, record.id, people)]
        rapporteurs = [s for s in record.rapporteurs if is_kept(s, record.id, people)]
        orgs = [supplier_of(people[s.participant].organisation if s.participant
                            else s.organisation, agencies, registry) for s in rapporteurs]
        linked = [s.participant for s in (*chairs, *rapporteurs) if s.participant]
        group.chair_slots = max(0, 1 - len(chairs))
        group.rapporteur_slots = max(0, 2 - len(rapporteurs))
        group.kept_rapporteur_orgs = [o for o in orgs if o]
        group.kept_men = sum(_is_male(people.get(p)) for p in linked)
        group.kept_leaders = len(chairs) + len(rapporteurs)
        for person_id in linked:
            mine = leads.setdefault(person_id, {})
            if group.round in mine:
                raise PlannerError(f"participant '{person_id}' is fixed to lead two groups of "
                                   f"round {group.round}: '{groups[mine[group.round]].id}' "
                                   f"and '{group.id}'")
            mine[group.round] = index
    return leads


def _earlier_roles(chosen: list[WorkingGroup], people: dict[str, Participant],
                   groups: list[Group]) -> dict[str, dict[int, tuple[int, str]]]:
    roles: dict[str, dict[int, tuple[int, str]]] = {}
    for index, record in enumerate(chosen):
        for role, speakers in (("chair", record.chair), ("rapporteur", record.rapporteurs)):
            for s in speakers:
                if s.participant and not is_kept(s, record.id, people):
                    roles.setdefault(s.participant, {}).setdefault(
                        groups[index].round, (index, role))
    return roles


def _person(p: Participant, event: Event, registry: Registry,
            context: dict[str, Any]) -> Person:
    index, groups = context["index"], context["groups"]
    return Person(
        id=p.id, delegation=delegation_of(p, event, registry, recorded=context["recorded"]),
        categories=_categories(p, event, registry), ranked=_ranked(p, index, groups),
        pinned=_pins(p, index, groups), leads=context["leads"].get(p.id, {}),
        chair=p.id in context["pool"],
        rapporteur_org=supplier_of(p.organisation, context["agencies"], registry)
        if staff_level(p) in context["levels"] else None,
        field_staff=p.field_staff, male=_is_male(p),
        earlier=_earlier(p, index, groups) if context["keep"] else {},
        earlier_roles=context["roles"].get(p.id, {}) if context["keep"] else {},
        host=chair_state(p, registry) == event.country)


def read_candidates(event: Event, registry: Registry, *, keep: bool = True) -> Candidates:
    """Read the assignment problem off an event.

    With `keep`, each person's groups and the solver's chairs and rapporteurs of
    the saved composition are where they sat before, which the solver keeps
    where it can.

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
    >>> candidates.people[0].categories, [g.minimum for g in candidates.groups]
    (('international-organisations', 'international', 'female'), [5, 5])
    """
    chosen = solver_groups(event)
    if not chosen:
        raise PlannerError(f"event '{event.id}' has no working groups to fill")
    everyone = {p.id: p for p in event.participants}
    coming = [p for p in event.participants if is_assignable(p)]
    rules = leadership_rules(event)
    agencies = rapporteur_suppliers(event, registry)
    groups = [Group(id=g.id, title=g.title, label=f"WG {i + 1}", round=g.round, capacity=0,
                    chair_slots=1, rapporteur_slots=2) for i, g in enumerate(chosen)]
    index = {g.id: i for i, g in enumerate(groups)}
    rounds = sorted({g.round for g in groups})
    by_round = {r: [i for i, g in enumerate(groups) if g.round == r] for r in rounds}
    leads = _leaders(groups, chosen, everyone, registry, agencies)
    pool = _chair_pool(coming, event, registry, max(len(m) for m in by_round.values()))
    context = {"index": index, "groups": groups, "recorded": recorded_delegations(event),
               "leads": leads, "pool": pool, "agencies": agencies, "keep": keep,
               "levels": set(rules.rapporteur_levels),
               "roles": _earlier_roles(chosen, everyone, groups)}
    people = [_person(p, event, registry, context) for p in coming]
    for members in by_round.values():
        single = len(members) == 1 and rules.host_chairs_plenaries
        groups[members[0]].host_chairs = single and any(p.chair and p.host for p in people)
    findings = group_sizes(chosen, groups, people, by_round)
    return Candidates(groups, people, rounds, by_round, agencies, findings)
