"""States and regions: ISO 3166 names and codes to registry States, and their UN M49 regions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from planner.library.yamlfile import load_yaml
from planner.model import Organisation, OrganisationType, Registry, normalise_name

__all__ = ["PLACES", "Area", "CountryIndex", "area_of", "m49_areas", "time_zones"]

#: The kinds of registry entry that are places: a delegation of one counts for a country.
PLACES = (OrganisationType.STATE, OrganisationType.TERRITORY)

# Names people write that ISO 3166 spells otherwise; pycountry knows the rest.
_COMMON_NAMES = {
    "ivory coast": "CI", "drc": "CD", "dr congo": "CD", "congo kinshasa": "CD",
    "democratic republic of congo": "CD", "congo brazzaville": "CG", "uk": "GB",
    "great britain": "GB", "britain": "GB", "usa": "US", "united states": "US",
    "russia": "RU", "cape verde": "CV", "swaziland": "SZ", "burma": "MM",
    "east timor": "TL", "macedonia": "MK", "turkey": "TR", "palestine": "PS",
    "holland": "NL", "the netherlands": "NL", "the gambia": "GM", "czech republic": "CZ",
    "vatican": "VA", "brunei": "BN", "micronesia": "FM", "uae": "AE",
}


@dataclass(frozen=True)
class Area:
    """Where a country lies in the UN M49 scheme."""

    region: str
    """`Africa`, `Americas`, `Asia`, `Europe` or `Oceania`."""
    sub_region: str
    """`Sub-Saharan Africa`, `Western Asia`…"""
    intermediate_region: str | None = None
    """`Eastern Africa`, `Central America`…, where M49 has one."""

    @property
    def finest(self) -> str:
        """The smallest region, as the registry's `regions` name it (`Eastern Africa`).

        Examples
        --------
        >>> m49_areas()["TZ"].finest, m49_areas()["YE"].finest
        ('Eastern Africa', 'Western Asia')
        """
        return self.intermediate_region or self.sub_region


@cache
def m49_areas() -> dict[str, Area]:
    """The M49 area of every ISO 3166-1 alpha-2 code, from the data shipped in the package.

    Examples
    --------
    >>> m49_areas()["CR"]
    Area(region='Americas', sub_region='Latin America and the Caribbean', \
intermediate_region='Central America')
    """
    tree = load_yaml((files("planner") / "data" / "m49.yaml").read_text(encoding="utf-8"))
    areas: dict[str, Area] = {}
    for region, subs in tree.items():
        for sub, content in subs.items():
            groups = content if isinstance(content, dict) else {None: content}
            for intermediate, codes in groups.items():
                areas.update((code, Area(region, sub, intermediate)) for code in codes)
    return areas


@cache
def _areas_by_name() -> dict[str, Area]:
    return {area.finest: area for area in m49_areas().values()}


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


def _parent(org: Organisation, registry: Registry) -> Organisation | None:
    try:
        return registry[org.parent or ""]
    except KeyError:
        return None


@cache
def _iso_names() -> dict[str, str]:
    import pycountry  # noqa: PLC0415 -- slow import

    names = {normalise_name(k): code for k, code in _COMMON_NAMES.items()}
    for country in pycountry.countries:
        for attribute in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(normalise_name(value), country.alpha_2)
    return names


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
        self._by_iso = {org.iso: org for org in registry if org.iso and org.type in PLACES}

    def resolve(self, text: str) -> Organisation | None:
        """The State or territory `text` names, by registry name, ISO name or ISO code."""
        known = self.registry.resolve(text)
        if known is not None and known.type in PLACES:
            return known
        code = _iso_names().get(normalise_name(text))
        return self._by_iso.get(code) if code else None

    def unknown_message(self, text: str) -> str:
        """Why `text` is not a country of the registry, with the nearest ones."""
        code = _iso_names().get(normalise_name(text))
        if code:
            return (f"country '{text}' ({code}) is not in the organisation registry; "
                    "add it to organisations.yaml first")
        near = [s for s in self.registry.suggest(text, limit=6)
                if self.registry[s].type in PLACES][:3]
        hint = f"; did you mean {', '.join(repr(s) for s in near)}?" if near else ""
        return f"unknown country '{text}'{hint}"


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
