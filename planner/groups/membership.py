"""Who sits in which working group: the groups as rows, their capacities, each person's
ranked preferences, and moving a person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.errors import PlannerError
from planner.model import Event, Speaker

__all__ = [
    "group_rows",
    "move_person",
    "preference_rows",
    "set_capacities",
    "set_preferences",
]


def _names(speakers: list[Speaker], people: dict[str, str]) -> str:
    return "; ".join(s.name or people.get(s.participant or "", s.participant or "")
                     or s.organisation or "" for s in speakers)


def group_rows(event: Event) -> list[dict[str, Any]]:
    """One row per working group: `id`, `title`, `round`, `capacity`, `action_points`,
    `members` (people placed in it), `pinned` (of whom pinned), `chair`, `rapporteurs`.

    Examples
    --------
    >>> from planner.library import Library
    >>> row = group_rows(Library.open().load("dar-es-salaam-2010"))[0]
    >>> row["id"], row["round"], row["members"], row["action_points"]
    ('wg-human-rights', 1, 0, '1, 6, 10')
    """
    people = {p.id: p.name for p in event.participants}
    return [{"id": g.id, "title": g.title, "round": g.round, "capacity": g.capacity,
             "action_points": ", ".join(map(str, g.action_points)),
             "members": sum(g.id in p.working_groups for p in event.participants),
             "pinned": sum(g.id in p.pinned for p in event.participants),
             "chair": _names(g.chair, people), "rapporteurs": _names(g.rapporteurs, people)}
            for g in event.working_groups]


def _whole(value: float | None) -> int | None:
    # A table hands back an emptied number cell as None or NaN, and numbers as floats.
    return None if value is None or value != value else int(value)  # noqa: PLR0124 -- NaN


def set_capacities(event: Event, capacities: Mapping[str, float | None]) -> Event:
    """A copy of `event` whose groups hold at most `capacities[group id]` members (none or
    NaN: no limit); groups not named keep theirs. Nothing is saved.

    Raises
    ------
    PlannerError
        For a capacity below 1 or a group the event does not have.

    Examples
    --------
    >>> from planner.library import Library
    >>> event = Library.open().load("dar-es-salaam-2010")
    >>> event = set_capacities(event, {"wg-legal-migration": 30})
    >>> [g.capacity for g in event.working_groups][:3]
    [None, 30, None]
    """
    known = {g.id for g in event.working_groups}
    capacities = {g: _whole(n) for g, n in capacities.items()}
    if unknown := sorted(set(capacities) - known):
        raise PlannerError(f"no working group '{unknown[0]}' in '{event.id}'")
    if bad := sorted(g for g, n in capacities.items() if n is not None and n < 1):
        raise PlannerError(f"working group '{bad[0]}': a capacity is at least 1 person")
    groups = [g.model_copy(update={"capacity": capacities[g.id]}) if g.id in capacities else g
              for g in event.working_groups]
    return event.model_copy(update={"working_groups": groups})


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
    return event.model_copy(update={"participants": people})


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
