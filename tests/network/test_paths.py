"""Ego networks and explained shortest paths on the five-organisation network."""

from __future__ import annotations

import networkx as nx
import pytest

from planner.errors import PlannerError
from planner.model import Initiative, Registry
from planner.network import (
    build_network,
    describe_ego,
    ego_network,
    explain_path,
    measure_centrality,
)

pytestmark = pytest.mark.unit


def test_path_goes_through_what_links_each_step(five: nx.MultiGraph) -> None:
    steps = explain_path(five, "a", "e")

    assert [(s["from"], s["to"], [v["id"] for v in s["via"]]) for s in steps] == [
        ("a", "c", ["initiative:i1"]), ("c", "d", ["initiative:i2"]),
        ("d", "e", ["initiative:i3"])]
    assert steps[0]["via"][0]["roles"] == {"a": ["member"], "c": ["member"]}


def test_path_prefers_stronger_ties_among_equal_lengths() -> None:
    g = nx.MultiGraph()
    g.add_nodes_from("abcd", kind="organisation", label="x")
    g.add_nodes_from(["event:1", "event:2", "event:3", "event:4", "event:5"], kind="event",
                     label="y")
    # a–b–d (b–d twice) against a–c–d (once each): the same length, b is stronger.
    g.add_edges_from([("a", "event:1"), ("b", "event:1"), ("b", "event:2"), ("d", "event:2"),
                      ("b", "event:3"), ("d", "event:3"), ("a", "event:4"), ("c", "event:4"),
                      ("c", "event:5"), ("d", "event:5")], role="attended")

    assert [s["to"] for s in explain_path(g, "a", "d")] == ["b", "d"]


def test_no_path_is_a_clear_error(five_initiatives: list[Initiative],
                                  five_registry: Registry) -> None:
    alone = Initiative(id="i5", edition=2016, title="I5", level="national",
                       actors=[{"organisation": "kenya", "role": "lead"}])
    graph = build_network([], [*five_initiatives, alone], five_registry)

    with pytest.raises(PlannerError, match="nothing links 'a' and 'kenya'"):
        explain_path(graph, "a", "kenya")


def test_unknown_node_is_a_clear_error(five: nx.MultiGraph) -> None:
    with pytest.raises(PlannerError, match="'q' is not in the network"):
        describe_ego(five, "q")


def test_ego_lists_partners_strongest_first(five: nx.MultiGraph) -> None:
    ego = describe_ego(five, "c")

    assert [(p["id"], p["weight"]) for p in ego["partners"]] == [("a", 1), ("b", 1), ("d", 1)]
    assert [a["id"] for a in ego["activities"]] == ["initiative:i1", "initiative:i2"]


@pytest.mark.parametrize(("radius", "actors"), [(1, ["a", "b", "c"]),
                                                (2, ["a", "b", "c", "d"])])
def test_ego_network_radius_counts_partner_steps(five: nx.MultiGraph, radius: int,
                                                 actors: list[str]) -> None:
    graph = ego_network(five, "a", radius=radius)

    assert sorted(n for n, kind in graph.nodes(data="kind") if kind == "organisation") == actors



def test_ego_network_is_not_mistaken_for_the_whole_network(five: nx.MultiGraph) -> None:
    # Analyses are cached by fingerprint: an ego graph carrying its parent's would be
    # answered with the whole network's figures.
    five.graph["fingerprint"] = "whole"
    whole = measure_centrality(five)
    ego = ego_network(five, "a")

    assert ego.graph["fingerprint"] != "whole"
    assert set(measure_centrality(ego)) == {"a", "b", "c"} != set(whole)
    assert ego_network(five, "a").graph["fingerprint"] == ego.graph["fingerprint"]
