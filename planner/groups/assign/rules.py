"""The hard rules of a composition, checked on an event as it is saved."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from planner.errors import Finding
from planner.groups.assign.candidates import is_assignable, is_kept, solver_groups
from planner.groups.assign.sizes import default_minimum
from planner.groups.leaders import (
    chair_state,
    leadership_rules,
    rapporteur_suppliers,
    staff_level,
    supplier_of,
)
from planner.model import Event, LeadershipRules, Participant, Registry, WorkingGroup

__all__ = ["check_composition"]


def _members(event: Event, group: WorkingGroup) -> list[Participant]:
    return [p for p in event.participants if is_assignable(p) and group.id in p.working_groups]


def _places(event: Event, groups: list[WorkingGroup]) -> Iterator[Finding]:
    by_round: dict[int, set[str]] = defaultdict(set)
    for group in groups:
        by_round[group.round].add(group.id)
    coming = sum(1 for p in event.participants if is_assignable(p))
    for group in groups:
        size = len(_members(event, group))
        if group.capacity is not None and size > group.capacity:
            yield Finding("group-over-capacity", f"'{group.title}' has {size} members for "
                          f"{group.capacity} places", group.id)
        least = group.min_size or default_minimum(coming, len(by_round[group.round]))
        if coming and size < min(least, group.capacity or least):
            yield Finding("group-under-minimum", f"'{group.title}' has {size} "
                          f"member{'s' * (size != 1)}; at least {least} are wanted", group.id)
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


def _leaders(event: Event, groups: list[WorkingGroup], registry: Registry) -> Iterator[Finding]:
    people = {p.id: p for p in event.participants}
    agencies = rapporteur_suppliers(event, registry)
    rules = leadership_rules(event)
    leading: Counter[tuple[str, int]] = Counter()
    for group in groups:
        chairs = [people.get(s.participant or "") for s in group.chair]
        rapporteurs = [people.get(s.participant or "") for s in group.rapporteurs]
        for person in filter(None, (*chairs, *rapporteurs)):
            leading[person.id, group.round] += 1
            if group.id not in person.working_groups:
                yield Finding("leader-not-member", f"{person.name} leads '{group.title}' "
                              "without being in it", group.id)
        picked = {s.participant for s in (*group.chair, *group.rapporteurs)
                  if s.participant and not is_kept(s, group.id, people)}
        yield from _chairs(group, [p for p in chairs if p], len(chairs), registry)
        yield from _rapporteurs(group, [p for p in rapporteurs if p], len(rapporteurs),
                                agencies, registry)
        yield from _levels(group, [p for p in (*chairs, *rapporteurs) if p and p.id in picked],
                           {p.id for p in chairs if p}, rules, registry)
    for (person_id, round_), count in sorted(leading.items()):
        if count > 1:
            yield Finding("leads-two-groups", f"{people[person_id].name} chairs or reports "
                          f"{count} groups of round {round_}", person_id)


def _chairs(group: WorkingGroup, linked: list[Participant], count: int,
            registry: Registry) -> Iterator[Finding]:
    if not count:
        yield Finding("group-without-chair", f"'{group.title}' has no chair", group.id)
    for person in linked:
        if chair_state(person, registry) is None:
            yield Finding("chair-not-government", f"{person.name} chairs '{group.title}' "
                          "but is not a government delegate", group.id)


def _rapporteurs(group: WorkingGroup, linked: list[Participant], count: int,
                 agencies: list[str], registry: Registry) -> Iterator[Finding]:
    if count < 2:
        yield Finding("group-short-of-rapporteurs", f"'{group.title}' has {count} "
                      "rapporteur(s), not two", group.id)
    orgs = [supplier_of(p.organisation, agencies, registry) for p in linked]
    for person, org in zip(linked, orgs, strict=True):
        if org is None:
            yield Finding("rapporteur-not-co-organiser", f"{person.name} reports "
                          f"'{group.title}' but is not staff of an organisation that supplies "
                          "rapporteurs", group.id)
    if len(orgs) >= 2 and len(set(orgs)) == 1:
        yield Finding("rapporteurs-from-one-organisation", f"both rapporteurs of "
                      f"'{group.title}' come from {orgs[0]}", group.id)


def _levels(group: WorkingGroup, picked: list[Participant], chairs: set[str],
            rules: LeadershipRules, registry: Registry) -> Iterator[Finding]:
    # Only the solver's picks: a leader the organisers fixed may be of any level.
    for person in picked:
        chair = person.id in chairs
        levels = rules.chair_levels if chair else rules.rapporteur_levels
        level = staff_level(person)
        if level not in levels:
            yield Finding("leader-not-eligible", f"{person.name} "
                          f"{'chairs' if chair else 'reports'} '{group.title}' at "
                          f"{level.value} level, which the rules leave out", group.id)
        elif chair and rules.chairs_from is not None and chair_state(
                person, registry) not in rules.chairs_from:
            yield Finding("leader-not-eligible", f"{person.name} chairs '{group.title}' for "
                          "a State the rules leave out", group.id)


def check_composition(event: Event, registry: Registry) -> list[Finding]:
    """Where an event's working-group composition breaks a hard rule or falls short.

    Over the groups the solver fills (the planned ones) and the people coming:

    - `group-over-capacity`, `group-under-minimum` (its `min_size`, else half an
      even share of its round and at least 3), `not-one-group-per-round`,
      `pin-not-kept`;
    - `leads-two-groups`, `leader-not-member`, `leader-not-eligible` (a chair
      or rapporteur the solver picked at a level, or from a State, the rules
      leave out);
    - `group-without-chair`, `chair-not-government`;
    - `group-short-of-rapporteurs`, `rapporteur-not-co-organiser` (not staff of
      an organisation that supplies rapporteurs), `rapporteurs-from-one-organisation`.

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
    ['group-under-minimum', 'group-without-chair', 'group-short-of-rapporteurs']
    """
    groups = solver_groups(event)
    return [*_places(event, groups), *_leaders(event, groups, registry)]
