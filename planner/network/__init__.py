"""The partner network: who works with whom, who bridges regions, who is mapped but not invited.

One family per module, as networkx does: `build` (the typed multigraph and its
organisation–organisation projection), `filters`, `measures` (degrees,
centralities, communities, cut points, bridges), `paths` (ego networks and
explained shortest paths), `suggest` (partners to invite, edition comparison)
and `library` (the network of a library folder, cached by its content).
"""

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
