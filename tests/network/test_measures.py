"""Measures of the partner graph against values computed by hand on five organisations.

The projection (see conftest): a–b (2), a–c, b–c, c–d, d–e (1 each).
"""

from __future__ import annotations

import networkx as nx
import pytest

from planner.network import (
    find_communities,
    find_cut_points,
    find_region_bridges,
    measure_centrality,
    rank_actors,
    summarise_network,
)

pytestmark = pytest.mark.unit


def test_degrees_count_partners_and_shared_ties(five: nx.MultiGraph) -> None:
    rows = [(r["id"], r["degree"], r["weighted_degree"], r["activities"])
            for r in rank_actors(five)]

    assert rows == [("c", 3, 3, 2), ("a", 2, 3, 2), ("b", 2, 3, 2), ("d", 2, 2, 2),
                    ("e", 1, 1, 1)]


def test_betweenness_by_hand(five: nx.MultiGraph) -> None:
    # Of the 6 pairs not involving c, 4 ({a,b} × {d,e}) pass through it; of those not
    # involving d, 3 ({a,b,c} × {e}).
    between = {n: m["betweenness"] for n, m in measure_centrality(five).items()}

    assert between == {"a": 0.0, "b": 0.0, "c": pytest.approx(4 / 6, abs=1e-6),
                       "d": 0.5, "e": 0.0}


def test_eigenvector_is_symmetric_and_unit(five: nx.MultiGraph) -> None:
    rank = {n: m["eigenvector"] for n, m in measure_centrality(five).items()}

    assert (rank["a"], sum(v * v for v in rank.values())) == (rank["b"], pytest.approx(1.0,
                                                                                       abs=1e-4))
    assert rank["c"] > rank["d"] > rank["e"]


def test_sampled_betweenness_is_reproducible(five: nx.MultiGraph) -> None:
    first = measure_centrality(five, sample_above=2, samples=3, seed=7)

    assert first == measure_centrality(five, sample_above=2, samples=3, seed=7)


def test_communities_are_a_seeded_partition(five: nx.MultiGraph) -> None:
    groups = find_communities(five, seed=2)

    assert groups == [["a", "b", "c"], ["d", "e"]]
    assert groups == find_communities(five, seed=2)


def test_cut_points_name_who_they_cut_off(five: nx.MultiGraph) -> None:
    cuts = [(r["id"], r["cuts_off"]) for r in find_cut_points(five)]

    assert cuts == [("c", ["d", "e"]), ("d", ["e"])]


def test_bridges_span_macro_regions(five: nx.MultiGraph) -> None:
    # c works in I1 (Eastern Africa) and I2 (Central Asia); d only in Central Asia.
    rows = [(r["id"], r["regions"]) for r in find_region_bridges(five)]

    assert rows == [("c", {"Africa": 1, "Asia": 1})]


def test_summary_without_the_hub(five: nx.MultiGraph) -> None:
    summary = summarise_network(five)

    assert (summary["nodes"], summary["graph"], summary["projection"]) == (
        {"organisation": 5, "state": 0, "collective": 0, "initiative": 4, "event": 0},
        {"nodes": 9, "edges": 9, "components": 1}, {"nodes": 5, "edges": 5, "components": 1})
    assert [r["id"] for r in summary["top_betweenness"][:2]] == ["c", "d"]


def test_summary_of_an_empty_graph() -> None:
    summary = summarise_network(nx.MultiGraph())

    assert (summary["projection"]["edges"], summary["top_degree"], summary["communities"]) == (
        0, [], [])
