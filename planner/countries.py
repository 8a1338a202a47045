"""States and regions: ISO 3166 names and codes to registry States, and their UN M49 regions."""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib.resources import files

from planner.library.states import Area, iso_names, m49_areas
from planner.model import Organisation, OrganisationType, Registry, normalise_name

__all__ = ["PLACES", "Area", "CountryIndex", "area_of", "m49_areas", "time_zones"]

#: The kinds of registry entry that are places: a delegation of one counts for a country.
PLACES = (OrganisationType.STATE, OrganisationType.TERRITORY)


def area_of(org: Organisation | None, registry: Registry) -> Area | None:
    """The M49 area of a State or territory, or of the State a ministry belongs to.

    Falls back on the registry's own `regions` when the organisation has no
    ISO code M49 knows (a territory, a former State) and names one region only.

    Examples
    --------
    >>> reg = Registry([Organisation(id="yemen", name="Yemen", type="state", iso="YE")])
    >>> area_of(reg["yemen"], reg).finest
    'Western Asia'
    """
    seen: set[str] = set()
    while org is not None and org.id not in seen:
        seen.add(org.id)
        if org.iso in m49_areas():
            return m49_areas()[org.iso]
        if org.type in PLACES and len(org.regions) == 1:
            return _areas_by_name().get(org.regions[0])
        org = _parent(org, registry)
    return None


@cache
def _areas_by_name() -> dict[str, Area]:
    return {area.finest: area for area in m49_areas().values()}


def _parent(org: Organisation, registry: Registry) -> Organisation | None:
    try:
        return registry[org.parent or ""]
    except KeyError:
        return None


class CountryIndex:
    """Find the registry State a country name or ISO code stands for.

    Examples
    --------
    >>> reg = Registry([Organisation(id="cote-d-ivoire", name="Republic of Côte d'Ivoire",
    ...                              type="state", iso="CI")])
    >>> index = CountryIndex(reg)
    >>> index.resolve("Ivory Coast").id, index.resolve("CIV").id, index.resolve("ci").id
    ('cote-d-ivoire', 'cote-d-ivoire', 'cote-d-ivoire')
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._by_iso = {org.iso: org for org in registry.every()
                        if org.iso and org.type in PLACES}

    def resolve(self, text: str) -> Organisation | None:
        """The State or territory `text` names, by registry name, ISO name or ISO code.

        Examples
        --------
        >>> index = CountryIndex(Registry([Organisation(id="kn", name="Saint Kitts and "
        ...                                             "Nevis", type="state", iso="KN")]))
        >>> index.resolve("St. Kitts & Nevis").id
        'kn'
        """
        known = self.registry.resolve(text)
        if known is not None and known.type in PLACES:
            return known
        code = _iso_code(text)
        return self._by_iso.get(code) if code else None

    def unknown_message(self, text: str) -> str:
        """Why `text` is not a country of the registry, with the nearest ones."""
        code = _iso_code(text)
        if code:
            return (f"country '{text}' ({code}) is not in the organisation registry; "
                    "add it to organisations.yaml first")
        names = difflib.get_close_matches(normalise_name(text), list(iso_names()), n=6,
                                          cutoff=0.8)
        near = list(dict.fromkeys(self._by_iso[iso_names()[n]].id for n in names
                                  if iso_names()[n] in self._by_iso))[:3]
        hint = f"; did you mean {', '.join(repr(s) for s in near)}?" if near else ""
        return f"unknown country '{text}'{hint}"


def _iso_code(text: str) -> str | None:
    # As Indico and spreadsheets print them: `St. Kitts & Nevis`, `Myanmar (Burma)`.
    anded = text.replace("&", " and ")
    bare = normalise_name(re.sub(r"\(.*?\)", " ", anded))
    variants = (normalise_name(text), normalise_name(anded), bare,
                re.sub(r"\bst\b", "saint", bare))
    return next((iso_names()[v] for v in variants if v in iso_names()), None)


@cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    # The IANA zone table that ships with the tzdata package: country code, zone.
    text = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone = line.split("\t")[:3]
            zones.setdefault(code, []).append(zone)
    return {code: tuple(found) for code, found in zones.items()}


def time_zones(iso: str) -> tuple[str, ...]:
    """The IANA time zones of a country, by ISO 3166 alpha-2 code.

    Examples
    --------
    >>> time_zones("KE")
    ('Africa/Nairobi',)
    >>> len(time_zones("KZ")) > 1
    True
    """
    return _zones_by_country().get(iso, ())
