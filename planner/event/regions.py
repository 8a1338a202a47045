"""The States of a region: UN M49 regions, sub-regions and intermediate regions by name,
the registry's States in each, for inviting a whole region at once; and the region a State
counts in at the event's level (its own sub-regions, else M49's)."""

from __future__ import annotations

import difflib
from functools import cache

from planner.countries import area_of, m49_areas
from planner.errors import PlannerError
from planner.model import Event, OrganisationType, Registry, normalise_name

__all__ = ["event_region", "is_region", "m49_regions", "states_of_region"]


@cache
def _regions() -> tuple[str, ...]:
    names: dict[str, None] = {}
    for area in m49_areas().values():
        for name in (area.region, area.sub_region, area.intermediate_region):
            if name:
                names.setdefault(name)
    return tuple(names)


def m49_regions() -> list[str]:
    """Every UN M49 region, sub-region and intermediate region, each after the one that
    holds it: the names `states_of_region` takes.

    Examples
    --------
    >>> m49_regions()[:4]
    ['Africa', 'Northern Africa', 'Sub-Saharan Africa', 'Eastern Africa']
    """
    return list(_regions())


def is_region(text: str) -> bool:
    """Whether `text` names an M49 region, sub-region or intermediate region.

    Examples
    --------
    >>> is_region("eastern africa"), is_region("kenya")
    (True, False)
    """
    return normalise_name(text) in {normalise_name(name) for name in _regions()}


def _region(text: str) -> str:
    by_name = {normalise_name(name): name for name in _regions()}
    found = by_name.get(normalise_name(text))
    if found is None:
        near = difflib.get_close_matches(text, _regions(), n=2, cutoff=0.6)
        hint = f"did you mean {' or '.join(repr(n) for n in near)}? " if near else ""
        raise PlannerError(f"unknown region '{text}'; {hint}M49 regions are: "
                           f"{', '.join(_regions())}")
    return found


def states_of_region(region: str, registry: Registry) -> list[str]:
    """The ids of the registry's States in an M49 region, sub-region or intermediate
    region (`Eastern Africa`, `Western Asia`, `Africa`), by name. Territories are left out.

    Raises
    ------
    PlannerError
        For a name that is no M49 region, with the nearest and the list of them.

    Examples
    --------
    >>> from planner.library import Library
    >>> states = states_of_region("eastern africa", Library.open().registry)
    >>> len(states), states[:3], "reunion" in states
    (18, ['burundi', 'comoros', 'djibouti'], False)
    >>> states_of_region("East Africa", Library.open().registry)
    Traceback (most recent call last):
    ...
    planner.errors.PlannerError: unknown region 'East Africa'; did you mean 'Eastern Africa' \
or 'Western Africa'? M49 regions are: Africa, Northern Africa, ...
    """
    name = _region(region)
    found = []
    for org in registry.every():
        if org.type != OrganisationType.STATE:
            continue
        area = area_of(org, registry)
        if area is not None and name in (area.region, area.sub_region, area.intermediate_region):
            found.append(org)
    return [org.id for org in sorted(found, key=lambda o: normalise_name(o.display_name))]


def event_region(country: str | None, event: Event, registry: Registry) -> str | None:
    """The region a State counts in at the event's level: the first of the event's own
    `sub_regions` that lists it, else its UN M49 sub-region (the intermediate region where
    M49 has one: `Eastern Africa`, not `Sub-Saharan Africa`); None for no known State.

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.library import Library
    >>> registry = Library.open().registry
    >>> event = Event(id="x", kind="workshop", title="T", city="Nairobi", country="kenya",
    ...     timezone="Africa/Nairobi", start=dt.date(2027, 9, 6), end=dt.date(2027, 9, 7),
    ...     sub_regions=[{"name": "Horn of Africa", "states": ["somalia", "ethiopia"]}])
    >>> event_region("somalia", event, registry), event_region("kenya", event, registry)
    ('Horn of Africa', 'Eastern Africa')
    """
    if country is None:
        return None
    for region in event.sub_regions:
        if country in region.states:
            return region.name
    if country not in registry:
        return None
    area = area_of(registry[country], registry)
    return area.finest if area else None
