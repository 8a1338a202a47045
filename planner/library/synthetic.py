"""Synthetic events: realistic, seeded rosters for tests, benchmarks and demonstrations."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence

from planner.errors import PlannerError
from planner.model import (
    ACTION_POINTS,
    Delegation,
    Event,
    EventKind,
    Gender,
    InvitationStatus,
    Organisation,
    OrganisationType,
    OrganiserRole,
    OrganiserRoleKind,
    Participant,
    ParticipantRole,
    Registry,
    Seniority,
    SourceKind,
    WorkingGroup,
)

__all__ = ["make_synthetic_event"]

_FIRST = {
    Gender.FEMALE: ("Amina", "Fatuma", "Leila", "Maria", "Grace", "Nadia", "Aigerim", "Rosa",
                    "Mariam", "Ana", "Halima", "Sofia", "Neema", "Lucia", "Zainab", "Elena"),
    Gender.MALE: ("Ahmed", "John", "Carlos", "Yusuf", "Daniel", "Omar", "Nurlan", "Jose",
                  "Ibrahima", "Peter", "Hassan", "Luis", "Juma", "Marco", "Ali", "Samuel"),
}
_LAST = ("Hassan", "Mwangi", "Diallo", "Garcia", "Rahman", "Ochieng", "Ndiaye", "Lopez",
         "Aliyev", "Santos", "Kamau", "Traore", "Haddad", "Mendoza", "Abdi", "Petrova",
         "Osei", "Silva", "Nguyen", "Kone", "Farah", "Torres", "Iskakov", "Banda")
# Shares of the non-government part of the room, by kind of organisation.
_OTHERS = ((OrganisationType.UN_AGENCY, 0.25), (OrganisationType.NGO, 0.22),
           (OrganisationType.REGIONAL_ORGANISATION, 0.18), (OrganisationType.INTERGOVERNMENTAL,
           0.12), (OrganisationType.RED_CROSS, 0.08), (OrganisationType.ACADEMIC, 0.10),
           (OrganisationType.DONOR_AGENCY, 0.05))
_PREFERRED_ORGANISERS = ("unhcr", "iom")
_ROOM_SIZES = (1.0, 1.3, 0.9, 1.15)


def make_synthetic_event(*, participants: int = 300, groups: int = 12, rounds: int = 2,
                         seed: int = 0, registry: Registry) -> Event:
    """Make a plausible conference of `participants` people and `groups` working groups.

    Government delegations of 2–4 people from registry States (with a head of
    delegation, mostly senior), staff of two co-organising agencies (enough to
    report every group, many of them field staff), and people of UN agencies,
    NGOs, regional organisations, the Red Cross, academia and donors. Genders
    are mixed, preferences are ranked within each round with a few popular
    groups, and rooms have uneven capacities that together hold everyone.

    Parameters
    ----------
    participants : int
        How many people, all expected to attend.
    groups : int
        Working groups in all, split as evenly as possible over the rounds.
    rounds : int
        Rounds of parallel groups.
    seed : int
        The same seed and registry give the same event.
    registry : Registry
        Where States and organisations come from; it needs at least one State.

    Returns
    -------
    Event
        A valid event, id `synthetic-<participants>-<seed>`.

    Raises
    ------
    PlannerError
        If the registry has no State, or there are fewer groups than rounds.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = make_synthetic_event(participants=40, groups=4, rounds=2,
    ...                              registry=Library.open().registry)
    >>> len(event.participants), [g.round for g in event.working_groups]
    (40, [1, 1, 2, 2])
    """
    if groups < rounds or rounds < 1:
        raise PlannerError(f"{groups} working groups cannot fill {rounds} rounds")
    rng = random.Random(seed)  # noqa: S311 -- a seed for reproducible events, not secrecy
    states = _states(registry, rng)
    organisers = _co_organisers(registry)
    working_groups = _groups(groups, rounds, participants)
    per_round = max(sum(1 for g in working_groups if g.round == r) for r in range(1, rounds + 1))
    staff = min(participants // 3, 2 * per_round + 2 + participants // 100)
    people = _staff(organisers, staff, rng)
    government = round((participants - len(people)) * 0.55)
    people += _government(states, government, registry, rng)
    people += _others(registry, states, participants - len(people), rng)
    for index, person in enumerate(people):
        person.update(id=f"p-{index + 1:05d}", preferences=_preferences(working_groups, rng))
    chosen = [Participant.model_validate(person) for person in people]
    return Event(
        id=f"synthetic-{participants}-{seed}", kind=EventKind.REGIONAL_CONFERENCE,
        title=f"Synthetic regional conference of {participants} participants",
        city="Synthetic City", country=states[0].id, timezone="UTC",
        start=dt.date(2012, 5, 8), end=dt.date(2012, 5, 9),
        organisers=[OrganiserRole(organisation=states[0].id,
                                  role=OrganiserRoleKind.HOST_GOVERNMENT, source=SourceKind.EDITOR)]
        + [OrganiserRole(organisation=o.id, role=role, source=SourceKind.EDITOR)
           for o, role in zip(organisers, (OrganiserRoleKind.CONVENER,
                                           OrganiserRoleKind.CO_ORGANISER), strict=False)],
        working_groups=working_groups,
        participants=chosen,
        delegations=_delegations(chosen, registry),
    )


def _states(registry: Registry, rng: random.Random) -> list[Organisation]:
    states = sorted((o for o in registry if o.type == OrganisationType.STATE), key=lambda o: o.id)
    if not states:
        raise PlannerError("the registry has no State to invite")
    rng.shuffle(states)
    return states


def _co_organisers(registry: Registry) -> list[Organisation]:
    agencies = (OrganisationType.UN_AGENCY, OrganisationType.INTERGOVERNMENTAL)
    chosen = [registry[i] for i in _PREFERRED_ORGANISERS if i in registry]
    chosen += sorted((o for o in registry if o.type in agencies and o not in chosen),
                     key=lambda o: o.id)
    if not chosen:
        raise PlannerError("the registry has no UN or intergovernmental agency to co-organise")
    return chosen[:2]


def _groups(count: int, rounds: int, participants: int) -> list[WorkingGroup]:
    groups = []
    for index in range(count):
        number = index + 1
        round_ = index * rounds // count + 1
        size = sum(1 for i in range(count) if i * rounds // count + 1 == round_)
        point = ACTION_POINTS[index % 10 + 1]
        room = math.ceil(participants / size * _ROOM_SIZES[index % len(_ROOM_SIZES)] * 1.1)
        groups.append(WorkingGroup(
            id=f"wg-{number}", title=f"{point.name} ({number})", round=round_,
            capacity=room, action_points=[point.number], sources=[SourceKind.EDITOR]))
    return groups


def _person(rng: random.Random, **fields: object) -> dict[str, object]:
    gender = rng.choices((Gender.FEMALE, Gender.MALE, Gender.UNDISCLOSED), (46, 51, 3))[0]
    first = rng.choice(_FIRST[Gender.MALE if gender == Gender.MALE else Gender.FEMALE])
    last = rng.choice(_LAST)
    status = rng.choices((InvitationStatus.CONFIRMED, InvitationStatus.ATTENDED,
                          InvitationStatus.INVITED), (80, 15, 5))[0]
    return {"first_name": first, "last_name": last, "gender": gender, "status": status,
            "title": "Ms" if gender == Gender.FEMALE else "Mr" if gender == Gender.MALE else None,
            "consent_to_publish": rng.random() < 0.7, **fields}


def _staff(organisers: Sequence[Organisation], count: int,
           rng: random.Random) -> list[dict[str, object]]:
    # The convener brings more staff than its partner, as in the series.
    weights = (3, 2)[: len(organisers)]
    return [_person(rng, organisation=org.id, field_staff=rng.random() < 0.6,
                    seniority=rng.choice((Seniority.OFFICIAL, Seniority.EXPERT)),
                    roles=[rng.choice((ParticipantRole.DELEGATE, ParticipantRole.SECRETARIAT))])
            for org in rng.choices(organisers, weights, k=count)]


def _government(states: Sequence[Organisation], count: int, registry: Registry,
                rng: random.Random) -> list[dict[str, object]]:
    ministries = {o.parent: o.id for o in registry
                  if o.type == OrganisationType.GOVERNMENT_BODY and o.parent}
    people: list[dict[str, object]] = []
    for index in range(count):
        # Delegations of about three, however many States the registry offers.
        state = states[index // 3 % len(states)]
        head = index % 3 == 0 and index < 3 * len(states)
        organisation = ministries.get(state.id) if rng.random() < 0.3 else None
        people.append(_person(
            rng, organisation=organisation or state.id, country=state.id,
            roles=[ParticipantRole.HEAD_OF_DELEGATION if head else rng.choice(
                (ParticipantRole.DELEGATE, ParticipantRole.DELEGATE, ParticipantRole.ADVISER))],
            seniority=rng.choice((Seniority.MINISTER, Seniority.SENIOR_OFFICIAL)) if head
            else rng.choice((Seniority.SENIOR_OFFICIAL, Seniority.OFFICIAL, Seniority.EXPERT))))
    return people


def _others(registry: Registry, states: Sequence[Organisation], count: int,
            rng: random.Random) -> list[dict[str, object]]:
    pools = {kind: sorted(o.id for o in registry if o.type == kind) for kind, _ in _OTHERS}
    kinds = [(kind, share) for kind, share in _OTHERS if pools[kind]]
    if not kinds:
        return [_person(rng, organisation=states[i % len(states)].id,
                        country=states[i % len(states)].id) for i in range(count)]
    people = []
    for kind in rng.choices([k for k, _ in kinds], [s for _, s in kinds], k=count):
        country = rng.choice(states).id if rng.random() < 0.85 else None
        people.append(_person(
            rng, organisation=rng.choice(pools[kind]), country=country,
            roles=[rng.choice((ParticipantRole.DELEGATE, ParticipantRole.OBSERVER))],
            seniority=rng.choice((Seniority.OFFICIAL, Seniority.EXPERT, Seniority.OTHER))))
    return people


def _preferences(groups: Sequence[WorkingGroup], rng: random.Random) -> list[str]:
    if rng.random() < 0.15:
        return []
    ranked: list[str] = []
    for round_ in sorted({g.round for g in groups}):
        options = [g.id for g in groups if g.round == round_]
        # The first groups of a round draw the crowd, so some first choices overflow.
        weights = [1 / (position + 1) for position in range(len(options))]
        wanted = min(len(options), rng.choice((1, 2, 3, 3)))
        while wanted:
            pick = rng.choices(options, weights)[0]
            weights[options.index(pick)] = 0
            ranked.append(pick)
            wanted -= 1
    return ranked


def _delegations(people: Sequence[Participant], registry: Registry) -> list[Delegation]:
    members: dict[str, list[Participant]] = {}
    for person in people:
        org = registry[str(person.organisation)]
        # A ministry's people sit in their State's delegation.
        ministry = org.type == OrganisationType.GOVERNMENT_BODY and org.parent in registry
        members.setdefault(str(org.parent) if ministry else org.id, []).append(person)
    delegations = []
    for organisation, group in sorted(members.items()):
        if len(group) < 2:
            continue
        heads = [p.id for p in group if ParticipantRole.HEAD_OF_DELEGATION in p.roles]
        delegations.append(Delegation(organisation=organisation, head=heads[0] if heads else None,
                                      members=[p.id for p in group]))
    return delegations
