"""A five-organisation network small enough to compute every measure by hand."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from planner.model import Event, Initiative, Organisation, Registry
from planner.network import build_network

# a, b and c share I1; c and d share I2; d and e share I3; a and b also share I4.
# Projection: a–b (weight 2), a–c, b–c, c–d, d–e (weight 1 each).
FIVE = {
    "i1": (["a", "b", "c"], "Eastern Africa", 2011),
    "i2": (["c", "d"], "Central Asia", 2011),
    "i3": (["d", "e"], "Central Asia", 2016),
    "i4": (["a", "b"], "Eastern Africa", 2016),
}


@pytest.fixture
def five_registry() -> Registry:
    """Organisations a–e, and Kenya and Senegal."""
    orgs = [Organisation(id=x, name=f"Org {x.upper()}", acronym=x.upper(), type="ngo")
            for x in "abcde"]
    orgs += [Organisation(id="kenya", name="Republic of Kenya", short_name="Kenya",
                          type="state", iso="KE"),
             Organisation(id="senegal", name="Republic of Senegal", short_name="Senegal",
                          type="state", iso="SN")]
    return Registry(orgs)


@pytest.fixture
def five_initiatives() -> list[Initiative]:
    """I1–I4 of the hand-computed network, each actor a member."""
    return [Initiative(id=key, edition=edition, title=f"Initiative {key.upper()}",
                       level="regional", regions=[region], start_year=edition - 2,
                       actors=[{"organisation": o, "role": "member"} for o in orgs])
            for key, (orgs, region, edition) in FIVE.items()]


@pytest.fixture
def five(five_initiatives: list[Initiative], five_registry: Registry) -> nx.MultiGraph:
    """The partner graph of the five organisations."""
    return build_network([], five_initiatives, five_registry)


@pytest.fixture
def meeting() -> Event:
    """A workshop in Nairobi convened by a, to which b is invited."""
    return Event.model_validate({
        "id": "nairobi-2027", "kind": "workshop", "title": "Nairobi workshop",
        "city": "Nairobi", "country": "kenya", "timezone": "Africa/Nairobi",
        "start": dt.date(2027, 3, 1), "end": dt.date(2027, 3, 2),
        "themes": ["child trafficking"],
        "organisers": [{"organisation": "a", "role": "convener", "source": "concept-note"}],
        "invited": [{"organisation": "b", "category": "civil-society",
                     "source": "concept-note"}],
    })
