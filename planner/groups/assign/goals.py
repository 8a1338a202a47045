"""The soft goals: what each person counts as in a group, and how many of a kind a group takes."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from planner.groups.assign.candidates import Candidates, Person

__all__ = ["WEIGHTS", "Label", "Limits", "can_keep_role", "labels", "limits", "measure_goals",
           "meeting_limit"]

#: Weight of each soft goal per unit, in the objective the solver minimises.
WEIGHTS: dict[str, int] = {
    "preference": 10,
    "delegation": 15,
    "mix": 4,
    "meeting": 3,
    "field_staff": 3,
    "all_male": 30,
    "stability": 40,
}

Label = tuple[Any, ...]
"""What a person counts as in a group: `("delegation", "kenya")`, `("mix", 2, "female")`."""

Limits = dict[tuple[Label, int], tuple[str, int]]
"""Per (label, group), the goal it serves and how many people of that label the group takes
before each extra one costs a unit of the goal."""


def labels(person: Person, earlier: dict[int, int]) -> list[Label]:
    """What a person counts as in a group: delegation, mix categories, groups met before.

    Examples
    --------
    >>> person = Person(id="a", delegation="kenya", categories=("governments",
    ...     "Eastern Africa", "female"), ranked={}, pinned={}, leads={}, chair=False,
    ...     rapporteur_org=None, field_staff=False, male=False)
    >>> labels(person, {1: 4})
    [('delegation', 'kenya'), ('mix', 0, 'governments'), ('mix', 1, 'Eastern Africa'), \
('mix', 2, 'female'), ('met', 1, 4)]
    """
    found: list[Label] = [("delegation", person.delegation)] if person.delegation else []
    found += [("mix", dim, category) for dim, category in enumerate(person.categories)]
    found += [("met", r, g) for r, g in earlier.items()]
    return found


def meeting_limit(candidates: Candidates, earlier: int, later: int, *,
                  targets: dict[int, int]) -> int:
    """How many people of an earlier group a later group takes before each one more costs:
    its share, at both groups' target sizes, rounded up."""
    return math.ceil(targets[earlier] * targets[later] / max(1, len(candidates.people)))


def can_keep_role(candidates: Candidates, person: int, round_: int) -> tuple[int, str] | None:
    """The group and role a person led in the round before, where they may lead it again."""
    who = candidates.people[person]
    if round_ not in who.earlier_roles or round_ in who.leads:
        return None
    group, role = who.earlier_roles[round_]
    spec = candidates.groups[group]
    able = (who.chair and spec.chair_slots) if role == "chair" else (
        who.rapporteur_org and spec.rapporteur_slots)
    return (group, role) if able else None


def limits(candidates: Candidates, round_: int, *, targets: dict[int, int],
           earlier: list[dict[int, int]]) -> Limits:
    """How many of each kind every group of the round takes before it costs.

    - delegation: an even spread, `ceil(members / groups)`;
    - mix: the group's share of each stakeholder type, region and gender at its
      target size, rounded up (categories partition a group, so one category over
      its share means another under: counting the excess measures the whole);
    - meeting: the group's share of each group of an earlier round, both at
      their target sizes (`meeting_limit`); beyond it, people who already met
      sit together again.

    Examples
    --------
    >>> from planner.groups.assign.candidates import read_candidates
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> candidates = read_candidates(make_synthetic_event(participants=20, groups=2, rounds=1,
    ...                                           registry=registry), registry)
    >>> found = limits(candidates, 1, targets={0: 12, 1: 8}, earlier=[{}] * 20)
    >>> found[("mix", 2, "female"), 0], found[("mix", 2, "female"), 1]
    (('mix', 6), ('mix', 4))
    """
    n = len(candidates.people)
    groups = candidates.by_round[round_]
    totals = Counter(label for person, place in zip(candidates.people, earlier, strict=True)
                     for label in labels(person, place))
    found: Limits = {}
    for label, total in totals.items():
        kind = label[0]
        for group in groups:
            if kind == "delegation":
                found[label, group] = ("delegation", math.ceil(total / len(groups)))
            elif kind == "mix" and total < n:
                found[label, group] = ("mix", math.ceil(total * targets[group] / n))
            elif kind == "met":
                found[label, group] = ("meeting", meeting_limit(
                    candidates, label[2], group, targets=targets))
    return found


def measure_goals(candidates: Candidates, round_: int, place: list[dict[int, int]], *,
                  chairs: dict[int, list[int]], rapporteurs: dict[int, list[int]],
                  bounds: Limits) -> Counter[str]:
    """The unweighted total of each soft goal in one round of a placing.

    The same units as the solver's objective: steps down preference lists,
    people beyond a limit, rapporteurs who are not field staff (when some
    candidates are), groups led by men only, and places and leading roles of the
    saved composition not kept (`stability`).
    """
    totals: Counter[str] = Counter()
    count: Counter[tuple[Label, int]] = Counter()
    for i, (person, where) in enumerate(zip(candidates.people, place, strict=True)):
        group = where[round_]
        totals["preference"] += person.cost(group, round_)
        totals["stability"] += round_ in person.earlier and person.earlier[round_] != group
        if kept := can_keep_role(candidates, i, round_):
            held = chairs if kept[1] == "chair" else rapporteurs
            totals["stability"] += i not in held.get(kept[0], [])
        for label in labels(person, {r: g for r, g in where.items() if r < round_}):
            count[label, group] += 1
    for key, (goal, most) in bounds.items():
        totals[goal] += max(0, count[key] - most)
    field = any(p.field_staff and p.rapporteur_org for p in candidates.people)
    for g in candidates.by_round[round_]:
        chosen = rapporteurs.get(g, [])
        totals["field_staff"] += field * sum(not candidates.people[i].field_staff for i in chosen)
        spec = candidates.groups[g]
        seats = spec.kept_leaders + spec.chair_slots + spec.rapporteur_slots
        men = spec.kept_men + sum(candidates.people[i].male for i in chosen + chairs.get(g, []))
        totals["all_male"] += seats >= 2 and men >= seats
    return totals
