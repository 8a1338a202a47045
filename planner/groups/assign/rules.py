"""The hard rules of a composition, checked on an event as it is saved."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from planner.errors import Finding
from planner.groups.assign.candidates import co_organisers, is_assignable, solver_groups
from planner.model import Event, OrganisationType, Participant, Registry, WorkingGroup

__all__ = ["check_composition"]

_GOVERNMENT = frozenset({OrganisationType.STATE, OrganisationType.GOVERNMENT_BODY})


def _members(event: Event, group: WorkingGroup) -> list[Participant]:
    return [p for p in event.participants if is_assignable(p) and group.id in p.working_groups]


def _places(event: Event, groups: list[WorkingGroup]) -> Iterator[Finding]:
    by_round: dict[int, set[str]] = defaultdict(set)
    for group in groups:
        by_round[group.round].add(group.id)
        size = len(_members(event, group))
        if group.capacity is not None and size > group.capacity:
            yield Finding("group-over-capacity", f"'{group.title}' has {size} members for "
                          f"{group.capacity} places", group.id)
    for person in filter(is_assignable, event.participants):
        for round_, ids in sorted(by_round.items()):
            held = [g for g in person.working_groups if g in ids]
            if len(held) != 1:
                yield Finding("not-one-group-per-round", f"{person.name} is in {len(held)} "
                              f"groups of round {round_}", person.id)
        for pin in person.pinned:
            if pin not in person.working_groups:
                yield Finding("pin-not-kept", f"{person.name} is pinned to '{pin}' but not "
                              "in it", person.id)


def _org_of(person: Participant, registry: Registry) -> str | None:
    return person.organisation if person.organisation in registry else None


def _agency_of(person: Participant, agencies: list[str], registry: Registry) -> str | None:
    org_id = _org_of(person, registry)
    seen: set[str] = set()
    while org_id and org_id not in seen:
        if org_id in agencies:
            return org_id
        seen.add(org_id)
        org_id = registry[org_id].parent if registry[org_id].parent in registry else None
    return None


def _leaders(event: Event, groups: list[WorkingGroup], registry: Registry) -> Iterator[Finding]:
    people = {p.id: p for p in event.participants}
    agencies = co_organisers(event, registry)
    leading: Counter[tuple[str, int]] = Counter()
    for group in groups:
        chairs = [people.get(s.participant or "") for s in group.chair]
        rapporteurs = [people.get(s.participant or "") for s in group.rapporteurs]
        for person in filter(None, (*chairs, *rapporteurs)):
            leading[person.id, group.round] += 1
            if group.id not in person.working_groups:
                yield Finding("leader-not-member", f"{person.name} leads '{group.title}' "
                              "without being in it", group.id)
        yield from _chairs(group, [p for p in chairs if p], len(chairs), registry)
        yield from _rapporteurs(group, [p for p in rapporteurs if p], len(rapporteurs),
                                agencies, registry)
    for (person_id, round_), count in sorted(leading.items()):
        if count > 1:
            yield Finding("leads-two-groups", f"{people[person_id].name} chairs or reports "
                          f"{count} groups of round {round_}", person_id)


def _chairs(group: WorkingGroup, linked: list[Participant], count: int,
            registry: Registry) -> Iterator[Finding]:
    if not count:
        yield Finding("group-without-chair", f"'{group.title}' has no chair", group.id)
    for person in linked:
        org = _org_of(person, registry)
        if org is None or registry[org].type not in _GOVERNMENT:
            yield Finding("chair-not-government", f"{person.name} chairs '{group.title}' "
                          "but is not a government delegate", group.id)


def _rapporteurs(group: WorkingGroup, linked: list[Participant], count: int,
                 agencies: list[str], registry: Registry) -> Iterator[Finding]:
    if count < 2:
        yield Finding("group-short-of-rapporteurs", f"'{group.title}' has {count} "
                      "rapporteur(s), not two", group.id)
    orgs = [_agency_of(p, agencies, registry) for p in linked]
    for person, org in zip(linked, orgs, strict=True):
        if org is None:
            yield Finding("rapporteur-not-co-organiser", f"{person.name} reports "
                          f"'{group.title}' but is not staff of a co-organiser", group.id)
    if len(orgs) >= 2 and len(set(orgs)) == 1:
        yield Finding("rapporteurs-from-one-organisation", f"both rapporteurs of "
                      f"'{group.title}' come from {orgs[0]}", group.id)


def check_composition(event: Event, registry: Registry) -> list[Finding]:
    """Where an event's working-group composition breaks a hard rule or falls short.

    Over the groups the solver fills (the planned ones) and the people coming:

    - `group-over-capacity`, `not-one-group-per-round`, `pin-not-kept`;
    - `leads-two-groups`, `leader-not-member`;
    - `group-without-chair`, `chair-not-government`;
    - `group-short-of-rapporteurs`, `rapporteur-not-co-organiser`,
      `rapporteurs-from-one-organisation`.

    The last group of findings can be unavoidable (too few government
    delegates or co-organiser staff): the solver fills as many places as the
    rules allow, and these findings say where it could not.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     working_groups=[WorkingGroup(id="a", title="A", sources=["editor"])],
    ...     participants=[Participant(id="p", last_name="P", working_groups=["a"])])
    >>> [f.kind for f in check_composition(event, Registry([]))]
    ['group-without-chair', 'group-short-of-rapporteurs']
    """
    groups = solver_groups(event)
    return [*_places(event, groups), *_leaders(event, groups, registry)]
