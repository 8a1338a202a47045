"""Views of the partner graph: one edition, some years, a level, a region, some roles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from planner.errors import PlannerError
from planner.model import Registry
from planner.network.build import ACTIVITY_KINDS, resolve_organisations

__all__ = ["NetworkFilter", "filter_network", "make_filter", "parse_years"]


@dataclass(frozen=True)
class NetworkFilter:
    """What to keep of the partner graph; the default keeps everything.

    Examples
    --------
    >>> NetworkFilter(editions=(2016,), partners_only=True).is_everything
    False
    """

    editions: tuple[int, ...] = ()
    """Initiatives of these editions only (events belong to no edition, so they go)."""
    years: tuple[int, int] | None = None
    """Initiatives and events active in some year of this range, both ends included."""
    levels: tuple[str, ...] = ()
    """Initiatives at these levels only (national, regional, global); events go."""
    regions: tuple[str, ...] = ()
    """Initiatives and events in a region whose name contains one of these (`Africa`)."""
    types: tuple[str, ...] = ()
    """Actors of these stakeholder types only (`ngo`, `state`, `un-agency`…)."""
    roles: tuple[str, ...] = ()
    """Ties in these roles only (`lead`, `funder`, `convener`, `attended`…)."""
    partners_only: bool = False
    """Leave out beneficiaries, targets, venues and actors merely mentioned."""
    without: tuple[str, ...] = ()
    """Organisations to take out, by registry id: who holds the rest together?"""
    layers: tuple[str, ...] = ACTIVITY_KINDS
    """`initiative`, `event` or both."""

    @property
    def is_everything(self) -> bool:
        """Whether this filter keeps the whole graph."""
        return self == NetworkFilter()


def _span(data: dict[str, Any]) -> tuple[int, int]:
    # An initiative printed without years is taken as current in its edition.
    start = data.get("start_year") or data.get("end_year") or data.get("edition") or 0
    return start, data.get("end_year") or start


def _matches_region(data: dict[str, Any], regions: tuple[str, ...]) -> bool:
    names = [n.casefold() for n in (*data.get("areas", ()), *data.get("regions", ()))]
    return any(r.casefold() in name for r in regions for name in names)


def _keeps_activity(data: dict[str, Any], spec: NetworkFilter) -> bool:
    is_initiative = data["kind"] == "initiative"
    if data["kind"] not in spec.layers:
        return False
    if spec.editions and not (is_initiative and data["edition"] in spec.editions):
        return False
    if spec.levels and not (is_initiative and data["level"] in spec.levels):
        return False
    if spec.years is not None:
        start, end = _span(data)
        if end < spec.years[0] or start > spec.years[1]:
            return False
    return not spec.regions or _matches_region(data, spec.regions)


def _keeps_node(node: str, data: dict[str, Any], spec: NetworkFilter) -> bool:
    if data["kind"] in ACTIVITY_KINDS:
        return _keeps_activity(data, spec)
    return node not in spec.without and (not spec.types or data["type"] in spec.types)


def _keeps_edge(data: dict[str, Any], spec: NetworkFilter) -> bool:
    return ((not spec.partners_only or data["partner"])
            and (not spec.roles or data["role"] in spec.roles))


def filter_network(graph: nx.MultiGraph, spec: NetworkFilter) -> nx.MultiGraph:
    """The part of the graph a filter keeps, without the nodes it leaves unconnected.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_node("initiative:a", kind="initiative", edition=2011, level="global")
    >>> g.add_node("initiative:b", kind="initiative", edition=2016, level="global")
    >>> g.add_nodes_from(["unhcr", "iom"], kind="organisation", type="un-agency")
    >>> _ = g.add_edge("unhcr", "initiative:a", role="lead", partner=True)
    >>> _ = g.add_edge("iom", "initiative:b", role="target", partner=False)
    >>> sorted(filter_network(g, NetworkFilter(editions=(2011,))).nodes)
    ['initiative:a', 'unhcr']
    >>> sorted(filter_network(g, NetworkFilter(partners_only=True)).nodes)
    ['initiative:a', 'unhcr']
    """
    if spec.is_everything:
        return graph
    kept: nx.MultiGraph[str] = nx.MultiGraph()
    kept.graph.update(graph.graph)
    kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if _keeps_node(n, d, spec))
    edges = ((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
             if u in kept and v in kept and _keeps_edge(d, spec))
    kept.add_edges_from(edges)  # type: ignore[arg-type]  # stubs omit MultiGraph's (u, v, key, data)
    kept.remove_nodes_from([n for n, degree in kept.degree if degree == 0])
    if "fingerprint" in graph.graph:
        digest = hashlib.sha256(f"{graph.graph['fingerprint']}|{spec!r}".encode())
        kept.graph["fingerprint"] = digest.hexdigest()[:16]
    return kept


def parse_years(text: str) -> tuple[int, int]:
    """A year range as a person types it: `2008-2011`, `2010`, `2012-`, `-2009`.

    Examples
    --------
    >>> parse_years("2008-2011"), parse_years("2010"), parse_years("2012-")
    ((2008, 2011), (2010, 2010), (2012, 9999))
    """
    found = re.fullmatch(r"\s*(\d{4})?\s*(-|–)?\s*(\d{4})?\s*", text)
    if not found or not (found[1] or found[3]) or (found[2] is None and found[3]):
        raise PlannerError(f"'{text}' is not a year range; write e.g. 2008-2011 or 2010")
    start = int(found[1] or 0)
    end = int(found[3] or (9999 if found[2] else start))
    if end < start:
        raise PlannerError(f"the year range '{text}' ends before it starts")
    return start, end


def make_filter(registry: Registry, *, editions: Iterable[int] = (), years: str | None = None,
                levels: Iterable[str] = (), regions: Iterable[str] = (),
                types: Iterable[str] = (), roles: Iterable[str] = (),
                partners_only: bool = False, without: Iterable[str] = (),
                layers: Iterable[str] = ()) -> NetworkFilter:
    """A filter from options as typed: `without` takes names or acronyms, comma-separated.

    Raises
    ------
    PlannerError
        For an organisation the registry does not know, or a malformed year range.

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="unhcr", name="UNHCR", type="un-agency"),
    ...     Organisation(id="iom", name="IOM", acronym="IOM", type="intergovernmental")])
    >>> make_filter(reg, without=["UNHCR,IOM"], years="2009-2011").without
    ('unhcr', 'iom')
    """
    names = [name for text in without for name in text.split(",") if name.strip()]
    return NetworkFilter(
        editions=tuple(editions), years=parse_years(years) if years else None,
        levels=tuple(levels), regions=tuple(regions), types=tuple(types),
        roles=tuple(roles), partners_only=partners_only,
        without=tuple(dict.fromkeys(resolve_organisations(names, registry))),
        layers=tuple(layers) or ACTIVITY_KINDS)
