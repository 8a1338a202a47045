"""Around one organisation: its ego network, and how two organisations are linked."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

from planner.errors import PlannerError
from planner.network.build import activities_of, project_organisations

__all__ = ["describe_ego", "ego_network", "explain_path"]


def _require(graph: nx.Graph, node: str) -> None:
    if node not in graph:
        raise PlannerError(f"'{node}' is not in the network (no initiative or event "
                           "names it, or the filters leave it out)")


def _roles(graph: nx.MultiGraph, actor: str, activity: str) -> list[str]:
    return list(dict.fromkeys(d["role"] for d in graph[actor][activity].values()))


def _activity(graph: nx.MultiGraph, node: str, *ends: str) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"id": node, "label": data["label"], "kind": data["kind"],
            "edition": data.get("edition"), "year": data.get("start_year"),
            "roles": {end: _roles(graph, end, node) for end in ends}}


def ego_network(graph: nx.MultiGraph, organisation: str, *, radius: int = 1) -> nx.MultiGraph:
    """An organisation, its initiatives and events, and their other actors.

    `radius` counts steps from partner to partner: 1 keeps direct partners, 2
    their partners too.

    Raises
    ------
    PlannerError
        When the organisation is not in the graph.

    Examples
    --------
    >>> g = nx.MultiGraph([("a", "event:1"), ("b", "event:1"), ("b", "event:2"),
    ...                    ("c", "event:2")])
    >>> sorted(ego_network(g, "a"))
    ['a', 'b', 'event:1']
    """
    _require(graph, organisation)
    ego = graph.subgraph(nx.ego_graph(graph, organisation, radius=2 * radius)).copy()
    # The copy inherits the parent's graph attributes; a parent fingerprint would make
    # cached analyses of the whole network answer for this part of it.
    if "fingerprint" in graph.graph:
        ego.graph["fingerprint"] = f"{graph.graph['fingerprint']}/ego:{organisation}:{radius}"
    return ego


def describe_ego(graph: nx.MultiGraph, organisation: str) -> dict[str, Any]:
    """What an organisation takes part in, and its partners with what they share.

    Partners are ranked by the number of initiatives and events shared.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("ab", kind="organisation", label="x")
    >>> g.add_node("event:1", kind="event", label="Dakar")
    >>> _ = g.add_edge("a", "event:1", role="convener")
    >>> _ = g.add_edge("b", "event:1", role="attended")
    >>> ego = describe_ego(g, "a")
    >>> ego["partners"][0]["id"], ego["partners"][0]["via"][0]["roles"]
    ('b', {'a': ['convener'], 'b': ['attended']})
    """
    _require(graph, organisation)
    projection = project_organisations(graph)
    partners = []
    for other in projection[organisation]:
        tie = projection.edges[organisation, other]
        partners.append({"id": other, "label": graph.nodes[other]["label"],
                         "kind": graph.nodes[other]["kind"], "weight": tie["weight"],
                         "via": [_activity(graph, a, organisation, other) for a in tie["via"]]})
    partners.sort(key=lambda p: (-p["weight"], p["id"]))
    return {"id": organisation, "label": graph.nodes[organisation]["label"],
            "activities": [_activity(graph, a, organisation)
                           for a in activities_of(graph, organisation)],
            "partners": partners}


def explain_path(graph: nx.MultiGraph, source: str, target: str) -> list[dict[str, Any]]:
    """The shortest chain of partners from one organisation to another, step by step.

    Each step names the initiatives and events the two ends share and their
    roles in them. Among chains of the same length, the one along stronger ties
    (more shared initiatives and events) wins.

    Raises
    ------
    PlannerError
        When either is not in the graph, or nothing links them.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from("abc", kind="organisation", label="x")
    >>> g.add_nodes_from(["event:1", "event:2"], kind="event", label="y")
    >>> g.add_edges_from([("a", "event:1"), ("b", "event:1"), ("b", "event:2"),
    ...                   ("c", "event:2")], role="attended")
    [0, 0, 0, 0]
    >>> [(s["from"], s["to"], [v["id"] for v in s["via"]]) for s in explain_path(g, "a", "c")]
    [('a', 'b', ['event:1']), ('b', 'c', ['event:2'])]
    """
    projection = project_organisations(graph)
    _require(projection, source)
    _require(projection, target)
    try:
        # One hop always costs more than any sum of the strength discounts.
        nodes = nx.shortest_path(projection, source, target,
                                 weight=lambda u, v, d: 1 + 1 / (1000 * d["weight"]))
    except nx.NetworkXNoPath:
        raise PlannerError(f"nothing links '{source}' and '{target}' in this network") from None
    return [{"from": u, "from_label": graph.nodes[u]["label"],
             "to": v, "to_label": graph.nodes[v]["label"],
             "via": [_activity(graph, a, u, v) for a in projection.edges[u, v]["via"]]}
            for u, v in itertools.pairwise(nodes)]
