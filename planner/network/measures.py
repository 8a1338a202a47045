"""Who is central in the partner graph: degrees, centralities, communities, cut points, bridges."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from planner.network import fast
from planner.network.build import (
    ACTIVITY_KINDS,
    ACTOR_KINDS,
    activities_of,
    project_organisations,
    remember,
)

__all__ = [
    "SAMPLES",
    "SAMPLE_ABOVE",
    "betweenness_sample",
    "find_communities",
    "find_cut_points",
    "find_region_bridges",
    "measure_centrality",
    "rank_actors",
    "summarise_network",
]

#: Above this many actors, betweenness is counted from a seeded sample of `SAMPLES` of them.
SAMPLE_ABOVE = 1000
SAMPLES = 500
#: Above this many partner pairs, communities are found on the graph of actors and the
#: initiatives and events they share, which has far fewer ties than the projection.
COMMUNITIES_ON_TIES_ABOVE = 20_000


def _row(graph: nx.Graph, node: str) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"id": node, "label": data.get("label", node), "kind": data.get("kind", ""),
            "type": data.get("type", "")}


def rank_actors(graph: nx.MultiGraph, *, top: int | None = None) -> list[dict[str, Any]]:
    """Organisations and States by degree: how many partners, how many shared ties.

    `degree` counts distinct partners in the organisation–organisation
    projection, `weighted_degree` the initiatives and events shared with them
    (a partner met twice counts twice), `activities` the initiatives and events
    the actor is tied to. Ties are broken by weighted degree, then id.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abc", kind="organisation")
    >>> g.add_node("initiative:1", kind="initiative")
    >>> g.add_edges_from([("a", "initiative:1"), ("b", "initiative:1"), ("c", "initiative:1")])
    [0, 0, 0]
    >>> [(r["id"], r["degree"]) for r in rank_actors(g, top=2)]
    [('a', 2), ('b', 2)]
    """
    projection = project_organisations(graph)
    rows = [{**_row(graph, n), "degree": projection.degree(n),
             "weighted_degree": projection.degree(n, weight="weight"),
             "activities": len(activities_of(graph, n))} for n in projection]
    rows.sort(key=lambda r: (-r["degree"], -r["weighted_degree"], r["id"]))
    return rows[:top]


def betweenness_sample(graph: nx.MultiGraph, *, seed: int = 0,
                       sample_above: int = SAMPLE_ABOVE,
                       samples: int = SAMPLES) -> dict[str, Any]:
    """How betweenness is counted: from every actor, or from a seeded sample of them
    (`sources` of `actors`), so that a reader knows what the ranking rests on.

    Examples
    --------
    >>> betweenness_sample(nx.MultiGraph())
    {'actors': 0, 'sources': 0, 'sampled': False, 'seed': 0}
    """
    actors = project_organisations(graph).number_of_nodes()
    sampled = actors > sample_above
    return {"actors": actors, "sources": min(samples, actors) if sampled else actors,
            "sampled": sampled, "seed": seed}


def _centrality(projection: nx.Graph, seed: int, sample_above: int,
                samples: int) -> dict[str, dict[str, float]]:
    # Past `sample_above` actors a seeded sample of sources keeps betweenness fast and
    # reproducible; the arithmetic is `fast`'s, with networkx's numbers.
    k = samples if len(projection) > sample_above else None
    between = fast.betweenness(projection, fast.sample_sources(projection, k, seed))
    return {n: {"betweenness": round(between[n], 6), "eigenvector": round(rank, 6)}
            for n, rank in fast.eigenvector(projection).items()}


def measure_centrality(graph: nx.MultiGraph, *, seed: int = 0,
                       sample_above: int = SAMPLE_ABOVE,
                       samples: int = SAMPLES) -> dict[str, dict[str, float]]:
    """Betweenness (who stands between others) and weighted eigenvector centrality.

    Eigenvector centrality is high for actors tied, often, to actors that are
    themselves central.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The partner graph (see `build_network`).
    seed : int
        Seed of the source sample when betweenness is sampled.
    sample_above, samples : int
        Above `sample_above` actors, betweenness is estimated from `samples`
        sources instead of all of them.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abc", kind="organisation")
    >>> g.add_nodes_from(["event:1", "event:2"], kind="event")
    >>> g.add_edges_from([("a", "event:1"), ("b", "event:1"), ("b", "event:2"), ("c", "event:2")])
    [0, 0, 0, 0]
    >>> measure_centrality(g)["b"]["betweenness"]
    1.0
    """
    projection = project_organisations(graph)
    key = ("centrality", seed, sample_above, samples)
    return remember(graph, key, lambda: _centrality(projection, seed, sample_above, samples),
                    structural=True)


def _ties(graph: nx.MultiGraph) -> nx.Graph:
    simple: nx.Graph[str] = nx.Graph()
    for actor, activity in graph.edges():
        if simple.has_edge(actor, activity):
            simple.edges[actor, activity]["weight"] += 1
        else:
            simple.add_edge(actor, activity, weight=1)
    return simple


def _communities(graph: nx.MultiGraph, projection: nx.Graph, seed: int) -> list[list[str]]:
    # Louvain's cost follows the ties: a large event makes the projection dense (every
    # pair of its organisations), while the actors' own ties stay few.
    large = projection.number_of_edges() > COMMUNITIES_ON_TIES_ABOVE
    found = nx.community.louvain_communities(_ties(graph) if large else projection,
                                             weight="weight", seed=seed)
    strength = dict(projection.degree(weight="weight"))
    groups = [sorted((n for n in c if n in projection), key=lambda n: (-strength[n], n))
              for c in found]
    return sorted((g for g in groups if g), key=lambda g: (-len(g), g[0]))


def find_communities(graph: nx.MultiGraph, *, seed: int = 0) -> list[list[str]]:
    """Groups of actors that work more with each other than with the rest (Louvain).

    Largest group first; within a group, the most connected actor first. The
    same seed gives the same groups.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abcd", kind="organisation")
    >>> g.add_nodes_from(["event:1", "event:2"], kind="event")
    >>> _ = g.add_edges_from([("a", "event:1"), ("b", "event:1"),
    ...                       ("c", "event:2"), ("d", "event:2")])
    >>> find_communities(g)
    [['a', 'b'], ['c', 'd']]
    """
    projection = project_organisations(graph)
    return remember(graph, ("communities", seed),
                    lambda: _communities(graph, projection, seed), structural=True)


def _pieces(projection: nx.Graph, node: str) -> list[list[str]]:
    component = nx.node_connected_component(projection, node) - {node}
    rest = projection.subgraph(component)
    pieces = [sorted(p) for p in nx.connected_components(rest)]
    return sorted(pieces, key=lambda p: (-len(p), p[0]))


def find_cut_points(graph: nx.MultiGraph) -> list[dict[str, Any]]:
    """Actors whose removal cuts others off (articulation points), and whom they cut off.

    For each cut point, `cuts_off` lists the actors left apart from the largest
    remaining group. Most cut off first.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abc", kind="organisation")
    >>> g.add_nodes_from(["event:1", "event:2"], kind="event")
    >>> g.add_edges_from([("a", "event:1"), ("b", "event:1"), ("b", "event:2"), ("c", "event:2")])
    [0, 0, 0, 0]
    >>> [(r["id"], r["cuts_off"]) for r in find_cut_points(g)]
    [('b', ['c'])]
    """
    def compute() -> list[dict[str, Any]]:
        projection = project_organisations(graph)
        rows = []
        for node in nx.articulation_points(projection):
            cut = [n for piece in _pieces(projection, node)[1:] for n in piece]
            rows.append({**_row(graph, node), "cuts_off": cut,
                         "cuts_off_labels": [graph.nodes[n].get("label", n) for n in cut]})
        return sorted(rows, key=lambda r: (-len(r["cuts_off"]), r["id"]))
    return remember(graph, ("cut-points",), compute)


def find_region_bridges(graph: nx.MultiGraph, *, least: int = 2) -> list[dict[str, Any]]:
    """Actors whose initiatives and events span several macro-regions (continents).

    Each row gives `regions`: how many of the actor's initiatives and events
    fall in each UN M49 region. Global work with no region counts for none.
    Widest reach first, then most activities.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("ab", kind="organisation")
    >>> g.add_node("event:1", kind="event", macro_regions=["Africa"])
    >>> g.add_node("event:2", kind="event", macro_regions=["Asia"])
    >>> _ = g.add_edges_from([("a", "event:1"), ("a", "event:2"), ("b", "event:2")])
    >>> [(r["id"], r["regions"]) for r in find_region_bridges(g)]
    [('a', {'Africa': 1, 'Asia': 1})]
    """
    rows = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in ACTOR_KINDS:
            continue
        activities = activities_of(graph, node)
        reach = Counter(r for a in activities for r in graph.nodes[a].get("macro_regions", ()))
        if len(reach) >= least:
            rows.append({**_row(graph, node), "regions": dict(sorted(reach.items())),
                         "activities": len(activities)})
    return sorted(rows, key=lambda r: (-len(r["regions"]), -r["activities"], r["id"]))


def _counts(graph: nx.MultiGraph) -> dict[str, int]:
    kinds = Counter(data.get("kind") for _, data in graph.nodes(data=True))
    return {kind: kinds[kind] for kind in (*ACTOR_KINDS, "collective", *ACTIVITY_KINDS)}


def _size(graph: nx.Graph) -> dict[str, int]:
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "components": nx.number_connected_components(graph)}


def summarise_network(graph: nx.MultiGraph, *, top: int = 10, seed: int = 0) -> dict[str, Any]:
    """The network at a glance: size, who is central, communities, cut points, bridges.

    Each count says which graph it is of. `graph` is the graph that
    `planner network export` writes (GEXF, GraphML, …): its `nodes`, `edges` (ties
    of an actor to an initiative or event) and connected `components`.
    `projection` is the organisation–organisation graph that degrees, centralities
    and communities are measured on (`export --projection`): its `nodes` (the
    organisations and States), `edges` (pairs of partners) and `components`.
    `nodes` counts the graph's nodes by kind. `betweenness_sample` says whether
    betweenness was counted from every actor or from a seeded sample (`sources` of
    `actors`). The summary is computed once per content of the graph.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abc", kind="organisation")
    >>> g.add_node("event:1", kind="event", macro_regions=["Africa"])
    >>> g.add_edges_from([("a", "event:1"), ("b", "event:1"), ("c", "event:1")])
    [0, 0, 0]
    >>> summary = summarise_network(g)
    >>> summary["nodes"]["organisation"], summary["graph"], summary["projection"]["edges"]
    (3, {'nodes': 4, 'edges': 3, 'components': 1}, 3)
    """
    return remember(graph, ("summary", top, seed), lambda: _summary(graph, top, seed))


def _summary(graph: nx.MultiGraph, top: int, seed: int) -> dict[str, Any]:
    projection = project_organisations(graph)
    centrality = measure_centrality(graph, seed=seed)
    ranked = [{**row, **centrality[row["id"]]} for row in rank_actors(graph)]
    communities = find_communities(graph, seed=seed)
    return {
        "nodes": _counts(graph),
        "graph": _size(graph),
        "projection": _size(projection),
        "top_degree": ranked[:top],
        "betweenness_sample": betweenness_sample(graph, seed=seed),
        "top_betweenness": sorted(ranked, key=lambda r: (-r["betweenness"], r["id"]))[:top],
        "top_eigenvector": sorted(ranked, key=lambda r: (-r["eigenvector"], r["id"]))[:top],
        "communities": [{"size": len(c), "members": c[:top],
                         "labels": [graph.nodes[n].get("label", n) for n in c[:top]]}
                        for c in communities],
        "cut_points": find_cut_points(graph)[:top],
        "bridges": find_region_bridges(graph)[:top],
    }
