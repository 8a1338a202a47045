"""Who sits in which working group: the groups as rows, their capacities, each person's
ranked preferences, and moving a person."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.errors import PlannerError
from planner.model import MOST_PEOPLE, Event, Participant, Speaker

__all__ = [
    "group_rows",
    "lead_person",
    "move_person",
    "preference_rows",
    "set_capacities",
    "set_minimums",
    "set_preferences",
]


def _names(speakers: list[Speaker], people: dict[str, str]) -> str:
    return "; ".join(s.name or people.get(s.participant or "", s.participant or "")
                     or s.organisation or "" for s in speakers)


def group_rows(event: Event) -> list[dict[str, Any]]:
    """One row per working group: `id`, `title`, `round`, `min_size`, `capacity`,
    `action_points`, `members` (people placed in it), `pinned` (of whom pinned), `chair`,
    `rapporteurs`.

    Examples
    --------
    >>> from planner.library import Library
    >>> row = group_rows(Library.open().load("dar-es-salaam-2010"))[0]
    >>> row["id"], row["round"], row["members"], row["action_points"]
    ('wg-human-rights', 1, 0, '1, 6, 10')
    """
    people = {p.id: p.name for p in event.participants}
    return [{"id": g.id, "title": g.title, "round": g.round, "min_size": g.min_size,
             "capacity": g.capacity,
             "action_points": ", ".join(map(str, g.action_points)),
             "members": sum(g.id in p.working_groups for p in event.participants),
             "pinned": sum(g.id in p.pinned for p in event.participants),
             "chair": _names(g.chair, people), "rapporteurs": _names(g.rapporteurs, people)}
            for g in event.working_groups]


def _whole(value: float | None) -> int | None:
    # A table hands back an emptied number cell as None or NaN, and numbers as floats.
    return None if value is None or value != value else int(value)  # noqa: PLR0124 -- NaN


def _headcount(group_id: str, what: str, value: int | None) -> int | None:
    # The model's bound (Headcount), said where the number is typed: model_copy does not
    # validate, and a saved 10**22 would only fail later, inside the solver.
    if value is not None and not 1 <= value <= MOST_PEOPLE:
        raise PlannerError(f"working group '{group_id}': a {what} is between 1 and "
                           f"{MOST_PEOPLE:,} people, not {value:,}")
    return value


def set_capacities(event: Event, capacities: Mapping[str, float | None]) -> Event:
    """A copy of `event` whose groups hold at most `capacities[group id]` members (none or
    NaN: no limit); groups not named keep theirs. Nothing is saved.

    Raises
    ------
    PlannerError
        For a capacity below 1 or above MOST_PEOPLE, or a group the event does not have.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> event = set_capacities(event, {"wg-legal-migration": 30})
    >>> [g.capacity for g in event.working_groups][:3]
    [None, 30, None]
    """
    known = {g.id for g in event.working_groups}
    if unknown := sorted(set(capacities) - known):
        raise PlannerError(f"no working group '{unknown[0]}' in '{event.id}'")
    limits = {g: _headcount(g, "capacity", _whole(n)) for g, n in sorted(capacities.items())}
    groups = [g.model_copy(update={"capacity": limits[g.id]}) if g.id in limits else g
              for g in event.working_groups]
    return event.model_copy(update={"working_groups": groups})


def set_minimums(event: Event, minimums: Mapping[str, float | None]) -> Event:
    """A copy of `event` whose groups need at least `minimums[group id]` members (none or
    NaN: the default, half an even share of the round and at least 3); groups not named
    keep theirs. Nothing is saved.

    Raises
    ------
    PlannerError
        For a minimum below 1, above MOST_PEOPLE or above the group's capacity, or a
        group the event does not have.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = set_minimums(Library.open().load("dar-es-salaam-2010"), {"wg-return": 4})
    >>> [g.min_size for g in event.working_groups if g.id == "wg-return"]
    [4]
    """
    known = {g.id: g for g in event.working_groups}
    wanted = {g: _whole(n) for g, n in minimums.items()}
    if unknown := sorted(set(wanted) - set(known)):
        raise PlannerError(f"no working group '{unknown[0]}' in '{event.id}'")
    for group_id, least in sorted(wanted.items()):
        _headcount(group_id, "minimum", least)
        room = known[group_id].capacity
        if least is not None and room is not None and least > room:
            raise PlannerError(f"working group '{group_id}': a minimum of {least} does not "
                               f"fit its capacity of {room}; raise the capacity first")
    groups = [g.model_copy(update={"min_size": wanted[g.id]}) if g.id in wanted else g
              for g in event.working_groups]
    return event.model_copy(update={"working_groups": groups})


def _moved_line(event: Event, person_id: str, group_id: str) -> Event:
    # The saved explanation of a person moved by hand says so, until the next composition.
    if event.composition is None:
        return event
    person = next(p for p in event.participants if p.id == person_id)
    group = next(g for g in event.working_groups if g.id == group_id)
    said = f"{group.title}, where the organisers moved {_object(person)}"
    if len({g.round for g in event.working_groups}) > 1:
        line = event.composition.placements.get(person_id, "").split(" — ", 1)[-1]
        clauses = {int(m.group(1)): m.group(0).strip() for m in
                   re.finditer(r"Round (\d+): .*?\.(?= Round \d+: |$)", line)}
        clauses[group.round] = f"Round {group.round}: {said}."
        said = " ".join(clauses[r] for r in sorted(clauses))
    name = " ".join(filter(None, (person.first_name, person.last_name)))
    placements = {**event.composition.placements, person_id: f"{name} — {said}"}
    return event.model_copy(update={"composition": event.composition.model_copy(
        update={"placements": placements})})


def _object(person: Participant) -> str:
    return {"female": "her", "male": "him"}.get(person.gender.value if person.gender else "",
                                                "them")


def move_person(event: Event, person_id: str, group_id: str, *, pin: bool = True) -> Event:
    """A copy of `event` where the person sits in `group_id` for that group's round (leaving
    the group they had in that round) and, with `pin`, stays there when the solver runs
    again. Nothing is saved.

    Raises
    ------
    PlannerError
        For a person or group the event does not have.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Participant, WorkingGroup
    >>> groups = [WorkingGroup(id=g, title=g, round=r, sources=["editor"])
    ...           for g, r in (("a", 1), ("b", 1), ("c", 2))]
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     working_groups=groups, participants=[Participant(id="p", last_name="P",
    ...                                                      working_groups=["a", "c"])])
    >>> moved = move_person(event, "p", "b").participants[0]
    >>> moved.working_groups, moved.pinned
    (['b', 'c'], ['b'])
    """
    rounds = {g.id: g.round for g in event.working_groups}
    if group_id not in rounds:
        raise PlannerError(f"no working group '{group_id}' in '{event.id}'")
    if all(p.id != person_id for p in event.participants):
        raise PlannerError(f"no participant '{person_id}' in '{event.id}'")
    same_round = {g for g, r in rounds.items() if r == rounds[group_id]}
    people = []
    for person in event.participants:
        if person.id != person_id:
            people.append(person)
            continue
        kept = [g for g in person.working_groups if g not in same_round]
        pins = [g for g in person.pinned if g not in same_round]
        people.append(person.model_copy(update={
            "working_groups": sorted([*kept, group_id], key=lambda g: rounds.get(g, 0)),
            "pinned": [*pins, group_id] if pin else pins}))
    return _moved_line(event.model_copy(update={"participants": people}), person_id, group_id)


def lead_person(event: Event, person_id: str, group_id: str, *, role: str) -> Event:
    """A copy of `event` where the person chairs (`role="chair"`) or reports
    (`role="rapporteur"`) `group_id`, moved there and pinned: the organisers' choice, kept
    by every composition whatever the rules say of their level. Nothing is saved.

    Raises
    ------
    PlannerError
        For a person or group the event does not have, or a role other than the two.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Participant, WorkingGroup
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     working_groups=[WorkingGroup(id="a", title="A", sources=["editor"])],
    ...     participants=[Participant(id="p", last_name="P", position="Logistics Assistant")])
    >>> led = lead_person(event, "p", "a", role="rapporteur")
    >>> [s.participant for s in led.working_groups[0].rapporteurs], led.participants[0].pinned
    (['p'], ['a'])
    """
    if role not in ("chair", "rapporteur"):
        raise PlannerError(f"role '{role}': a person leads a group as 'chair' or 'rapporteur'")
    moved = move_person(event, person_id, group_id, pin=True)
    person = next(p for p in moved.participants if p.id == person_id)
    entry = Speaker(participant=person.id, name=person.name, organisation=person.organisation,
                    role=role)
    field = "chair" if role == "chair" else "rapporteurs"
    groups = [g.model_copy(update={field: [*(s for s in getattr(g, field)
                                             if s.participant != person_id), entry]})
              if g.id == group_id else g for g in moved.working_groups]
    return moved.model_copy(update={"working_groups": groups})


def preference_rows(event: Event) -> list[dict[str, Any]]:
    """One row per participant: `id`, `name`, `preferences` (group ids, most wanted
    first, comma-separated as a person types them), `working_groups` and `pinned`.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Participant
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="p", first_name="Ana", last_name="Diaz")])
    >>> preference_rows(event)
    [{'id': 'p', 'name': 'Ana Diaz', 'preferences': '', 'working_groups': '', 'pinned': ''}]
    """
    return [{"id": p.id, "name": p.name, "preferences": ", ".join(p.preferences),
             "working_groups": ", ".join(p.working_groups), "pinned": ", ".join(p.pinned)}
            for p in event.participants]


def _ranked(text: str | list[str] | None) -> list[str]:
    # Typed in a table cell ("wg-a, wg-b") or given as a list on the command line.
    items = text.replace(";", ",").split(",") if isinstance(text, str) else text or []
    return list(dict.fromkeys(item.strip() for item in items if item and item.strip()))


def set_preferences(event: Event, preferences: Mapping[str, str | list[str] | None]) -> Event:
    """A copy of `event` where each person named in `preferences` ranks the groups given
    (most wanted first; a list, or text separated by commas; empty: no preference).
    People not named keep theirs. Nothing is saved.

    Raises
    ------
    PlannerError
        For a person or a working group the event does not have, named with both.

    Examples
    --------
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> event = make_synthetic_event(participants=4, groups=2, rounds=1,
    ...                              registry=Library.open().registry)
    >>> person, groups = event.participants[0].id, [g.id for g in event.working_groups]
    >>> changed = set_preferences(event, {person: f"{groups[1]}, {groups[0]}"})
    >>> changed.participants[0].preferences == [groups[1], groups[0]]
    True
    """
    known = {g.id for g in event.working_groups}
    people = {p.id for p in event.participants}
    ranked = {person: _ranked(groups) for person, groups in preferences.items()}
    for person, groups in ranked.items():
        if person not in people:
            raise PlannerError(f"no participant '{person}' in '{event.id}'")
        if unknown := [g for g in groups if g not in known]:
            raise PlannerError(f"participant '{person}': no working group '{unknown[0]}' in "
                               f"'{event.id}' (its groups: {', '.join(sorted(known)) or 'none'})")
    return event.model_copy(update={"participants": [
        p.model_copy(update={"preferences": ranked[p.id]}) if p.id in ranked else p
        for p in event.participants]})
