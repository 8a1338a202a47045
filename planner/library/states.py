"""Every State and territory of ISO 3166 as registry entries, made from pycountry and the UN
M49 table when the registry loads, under the library's own entries (which always win)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from planner.library.yamlfile import load_yaml
from planner.model import Organisation, OrganisationType, Registry, normalise_name

__all__ = ["UN_STATES", "Area", "iso_names", "m49_areas", "state_entries", "with_every_state"]

#: The 193 member States of the United Nations and its two observer States (the Holy See
#: and the State of Palestine), by ISO 3166-1 alpha-2 code. Every other code is a territory.
UN_STATES = frozenset([
    "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB",
    "BY", "BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH",
    "CM", "CA", "CF", "TD", "CL", "CN", "CO", "KM", "CG", "CR", "CI", "HR", "CU", "CY", "CZ",
    "KP", "CD", "DK", "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ",
    "FI", "FR", "GA", "GM", "GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN",
    "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI",
    "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU", "MG", "MW", "MY", "MV",
    "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MC", "MN", "ME", "MA", "MZ", "MM", "NA", "NR",
    "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE",
    "PH", "PL", "PT", "QA", "KR", "MD", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST",
    "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO", "ZA", "SS", "ES", "LK", "SD",
    "SR", "SE", "CH", "SY", "TJ", "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV", "UG",
    "UA", "AE", "GB", "TZ", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM", "ZW", "VA", "PS",
])

#: Short names as UN documents and organisers write them, where ISO 3166's own reads as an
#: index entry ("Korea, Republic of"). They also make the stable ids of generated entries.
SHORT_NAMES = {
    "BO": "Bolivia", "BQ": "Bonaire, Sint Eustatius and Saba", "CD":
    "Democratic Republic of the Congo", "CG": "Congo", "FM": "Micronesia", "IR": "Iran",
    "KP": "Democratic People's Republic of Korea", "KR": "Republic of Korea", "LA": "Laos",
    "MD": "Moldova", "PS": "State of Palestine", "SY": "Syria", "TW": "Taiwan",
    "TZ": "Tanzania", "VA": "Holy See", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands", "RU": "Russian Federation", "VN": "Viet Nam",
    "FK": "Falkland Islands (Malvinas)", "SH": "Saint Helena", "SX": "Sint Maarten",
    "MF": "Saint Martin", "CC": "Cocos (Keeling) Islands", "GB": "United Kingdom",
    "US": "United States", "TR": "Türkiye", "CZ": "Czechia", "BN": "Brunei Darussalam",
    "CV": "Cabo Verde", "SZ": "Eswatini", "MK": "North Macedonia", "TL": "Timor-Leste",
}

#: Names people write that ISO 3166 spells otherwise; pycountry knows the rest.
COMMON_NAMES = {
    "ivory coast": "CI", "cote d ivoire": "CI", "drc": "CD", "dr congo": "CD",
    "congo kinshasa": "CD", "democratic republic of congo": "CD", "congo brazzaville": "CG",
    "republic of the congo": "CG", "uk": "GB", "great britain": "GB", "britain": "GB",
    "usa": "US", "united states of america": "US", "russia": "RU", "cape verde": "CV",
    "swaziland": "SZ", "burma": "MM", "east timor": "TL", "macedonia": "MK", "turkey": "TR",
    "palestine": "PS", "holland": "NL", "the netherlands": "NL", "the gambia": "GM",
    "czech republic": "CZ", "vatican": "VA", "brunei": "BN", "uae": "AE", "south korea": "KR",
    "north korea": "KP", "dprk": "KP", "vietnam": "VN", "syria": "SY", "laos": "LA",
    "lao pdr": "LA", "car": "CF", "sao tome": "ST", "st lucia": "LC", "st kitts": "KN",
    "st vincent": "VC", "palestinian territories": "PS", "occupied palestinian territory": "PS",
}

_NOTE = "Made from ISO 3166 (pycountry) and UN M49 when the registry loads; not in the file."


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


@dataclass(frozen=True)
class _Country:
    code: str
    short: str
    names: tuple[str, ...]
    """Every other name: ISO name, official and common names, common spellings."""
    official: str | None


@cache
def _countries() -> tuple[_Country, ...]:
    import pycountry  # noqa: PLC0415 -- slow import

    common: dict[str, list[str]] = {}
    for name, code in COMMON_NAMES.items():
        common.setdefault(code, []).append(name)
    found = []
    for country in pycountry.countries:
        code = country.alpha_2
        iso: list[str] = [getattr(country, a, "") for a in ("name", "common_name",
                                                            "official_name")]
        short = SHORT_NAMES.get(code) or iso[1] or iso[0]
        official = re.sub(r"^the ", "", iso[2] or "") or (
            iso[0] if not re.search(r"[,(]", iso[0]) else None)
        folded = {normalise_name(short): short}
        for name in filter(None, (*iso, *common.get(code, ()))):
            folded.setdefault(normalise_name(name), name)
        found.append(_Country(code, short, tuple(folded.values())[1:], official))
    return tuple(found)


@cache
def iso_names() -> dict[str, str]:
    """The ISO 3166-1 alpha-2 code of every name and code of a country, folded.

    Examples
    --------
    >>> iso_names()["ivory coast"], iso_names()["tza"], iso_names()["south sudan"]
    ('CI', 'TZ', 'SS')
    """
    import pycountry  # noqa: PLC0415 -- slow import

    names: dict[str, str] = {}
    for country in _countries():
        for name in (country.short, *country.names):
            names.setdefault(normalise_name(name), country.code)
    for record in pycountry.countries:
        for attribute in ("alpha_2", "alpha_3"):
            names.setdefault(normalise_name(getattr(record, attribute)), record.alpha_2)
    return names


def _slug(text: str) -> str:
    text = re.sub(r"\b([dlDL])['’]", r"\1 ", text)  # Côte d'Ivoire
    return "-".join(re.findall(r"[a-z0-9]+", normalise_name(re.sub("['’]", "", text))))


def state_id(code: str) -> str:
    """The stable id a generated entry takes: its short name as a slug.

    Examples
    --------
    >>> state_id("SS"), state_id("KR"), state_id("CI")
    ('south-sudan', 'republic-of-korea', 'cote-d-ivoire')
    """
    country = next(c for c in _countries() if c.code == code)
    return _slug(country.short)


def state_entries(registry: Registry) -> Iterator[Organisation]:
    """An entry for each ISO 3166 country whose code no State or territory of `registry` has.

    UN member and observer States are `state`s, the other codes `territory`s. The
    id is the short name as a slug (`south-sudan`), with the code after it
    (`georgia-ge`) when the registry already uses the slug for something else.
    """
    taken = {org.iso for org in registry.every() if org.iso}
    areas = m49_areas()
    for country in _countries():
        if country.code in taken:
            continue
        slug = _slug(country.short)
        if slug in registry:
            slug = f"{slug}-{country.code.lower()}"
        kind = OrganisationType.STATE if country.code in UN_STATES else OrganisationType.TERRITORY
        area = areas.get(country.code)
        official = country.official if country.official and country.official != country.short \
            else None
        yield Organisation(
            id=slug, name=official or country.short, short_name=country.short if official
            else None, type=kind, iso=country.code, regions=[area.finest] if area else [],
            aliases=[n for n in (*country.names, f"Government of {country.short}")
                     if n != official], note=_NOTE)


def _more_names(org: Organisation, registry: Registry) -> Organisation:
    country = next((c for c in _countries() if c.code == org.iso), None)
    if country is None:
        return org
    short = org.short_name or org.name
    wanted = (country.short, *country.names, f"Government of {short}")
    extra = [n for n in dict.fromkeys(wanted) if registry.resolve(n) is None]
    return org.model_copy(update={"aliases": [*org.aliases, *extra]}) if extra else org


def with_every_state(registry: Registry) -> Registry:
    """The registry with every ISO 3166 State and territory it lacks, known but not listed.

    The library's own States also answer to their ISO names (`Ivory Coast`,
    `Government of Kenya`) where no other entry has that name.

    Examples
    --------
    >>> reg = Registry([Organisation(id="kenya", name="Republic of Kenya", short_name="Kenya",
    ...                              type="state", iso="KE")])
    >>> full = with_every_state(reg)
    >>> full["south-sudan"].name, full.resolve("Government of Kenya").id, len(full)
    ('Republic of South Sudan', 'kenya', 1)
    """
    places = (OrganisationType.STATE, OrganisationType.TERRITORY)
    own = [_more_names(org, registry) if org.type in places and org.iso else org
           for org in registry]
    return Registry(own, known=[*registry.known(), *state_entries(registry)])
