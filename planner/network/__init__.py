"""The partner network: who works with whom, who bridges regions, who is mapped but not invited.

One family per module, as networkx does: `build` (the typed multigraph and its
organisation–organisation projection), `filters`, `measures` (degrees,
centralities, communities, cut points, bridges), `paths` (ego networks and
explained shortest paths), `suggest` (partners to invite, edition comparison)
and `library` (the network of a library folder, cached by its content).

The package imports networkx only when one of its graph functions is first asked for,
so that `planner.network.vocabulary` (roles, editions, export formats) is cheap for the
command line to read.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.network.build import (
        ACTIVITY_KINDS,
        ACTOR_KINDS,
        build_network,
        event_node,
        fingerprint,
        initiative_node,
        macro_regions_of,
        project_organisations,
        resolve_organisations,
    )
    from planner.network.filters import NetworkFilter, filter_network, make_filter, parse_years
    from planner.network.library import library_network
    from planner.network.measures import (
        find_communities,
        find_cut_points,
        find_region_bridges,
        measure_centrality,
        rank_actors,
        summarise_network,
    )
    from planner.network.paths import describe_ego, ego_network, explain_path
    from planner.network.suggest import (
        EditionComparison,
        Suggestion,
        compare_editions,
        suggest_partners,
    )

#: Where each public name lives; imported on first use (PEP 562).
_HOMES = {
    "ACTIVITY_KINDS": "planner.network.build",
    "ACTOR_KINDS": "planner.network.build",
    "build_network": "planner.network.build",
    "event_node": "planner.network.build",
    "fingerprint": "planner.network.build",
    "initiative_node": "planner.network.build",
    "macro_regions_of": "planner.network.build",
    "project_organisations": "planner.network.build",
    "resolve_organisations": "planner.network.build",
    "NetworkFilter": "planner.network.filters",
    "filter_network": "planner.network.filters",
    "make_filter": "planner.network.filters",
    "parse_years": "planner.network.filters",
    "library_network": "planner.network.library",
    "find_communities": "planner.network.measures",
    "find_cut_points": "planner.network.measures",
    "find_region_bridges": "planner.network.measures",
    "measure_centrality": "planner.network.measures",
    "rank_actors": "planner.network.measures",
    "summarise_network": "planner.network.measures",
    "describe_ego": "planner.network.paths",
    "ego_network": "planner.network.paths",
    "explain_path": "planner.network.paths",
    "EditionComparison": "planner.network.suggest",
    "Suggestion": "planner.network.suggest",
    "compare_editions": "planner.network.suggest",
    "suggest_partners": "planner.network.suggest",
}

__all__ = [
    "ACTIVITY_KINDS",
    "ACTOR_KINDS",
    "EditionComparison",
    "NetworkFilter",
    "Suggestion",
    "build_network",
    "compare_editions",
    "describe_ego",
    "ego_network",
    "event_node",
    "explain_path",
    "filter_network",
    "find_communities",
    "find_cut_points",
    "find_region_bridges",
    "fingerprint",
    "initiative_node",
    "library_network",
    "macro_regions_of",
    "make_filter",
    "measure_centrality",
    "parse_years",
    "project_organisations",
    "rank_actors",
    "resolve_organisations",
    "suggest_partners",
    "summarise_network",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'planner.network' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
