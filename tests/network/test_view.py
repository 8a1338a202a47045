"""What the map shows: who is named, what a search finds, who is only in one edition, and
the array arithmetic behind the centralities against networkx's own."""

from __future__ import annotations

import networkx as nx
import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.model import Organisation, Registry
from planner.network import (
    NetworkFilter,
    fast,
    find_communities,
    library_network,
    measures,
    project_organisations,
)
from planner.network.measures import betweenness_sample
from planner.network.view import edition_groups, find_actor, labelled, map_points

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("typed", ["IOM", "iom", "International Organization for Migration",
                                   "  organization for migration "])
def test_search_finds_iom_by_acronym_id_name_or_part_of_it(shipped_copy: Library,
                                                           typed: str) -> None:
    graph = library_network(shipped_copy)
    assert find_actor(graph, shipped_copy.registry, typed) == "iom"


def test_search_finds_a_state_by_its_short_name(shipped_copy: Library) -> None:
    graph = library_network(shipped_copy)
    assert find_actor(graph, shipped_copy.registry, "Kenya") == "kenya"


def test_search_says_when_the_filters_leave_an_actor_out(shipped_copy: Library) -> None:
    graph = library_network(shipped_copy, NetworkFilter(regions=("Central America",)))
    with pytest.raises(PlannerError, match="no organisation or State on this map answers "
                                           "to 'Botswana'"):
        find_actor(graph, shipped_copy.registry, "Botswana")
    assert find_actor(graph, shipped_copy.registry, "   ") is None


def test_the_best_connected_are_named_at_every_zoom_and_all_at_close_zoom(
        shipped_copy: Library) -> None:
    points = map_points(library_network(shipped_copy))
    whole = labelled(points, top=5)
    iom = next(p for p in points if p.id == "iom")
    close = labelled(points, top=5, window=(iom.x - 0.05, iom.y - 0.05, iom.x + 0.05,
                                            iom.y + 0.05))
    in_view = {p.id for p in points if abs(p.x - iom.x) <= 0.05 and abs(p.y - iom.y) <= 0.05
               and p.kind in ("organisation", "state")}

    assert (whole[:2], set(whole) <= set(close), in_view <= set(close)) == (
        ["unhcr", "iom"], True, True)


def test_a_filtered_map_keeps_everyone_where_the_whole_map_has_them(
        shipped_copy: Library) -> None:
    whole = library_network(shipped_copy)
    africa = library_network(shipped_copy, NetworkFilter(regions=("Africa",)))
    everywhere = {p.id: (p.x, p.y) for p in map_points(whole)}
    kept = {p.id: (p.x, p.y) for p in map_points(africa, whole=whole)}

    assert (kept == {n: everywhere[n] for n in africa}, len(kept) < len(everywhere)) == (
        True, True)


def test_points_are_sized_by_partners(shipped_copy: Library) -> None:
    graph = library_network(shipped_copy)
    partners = {p.id: p.partners for p in map_points(graph)}
    assert partners["unhcr"] == project_organisations(graph).degree("unhcr") == max(
        partners.values())


def test_edition_groups_agree_with_the_comparison(five: nx.MultiGraph) -> None:
    # a, b: I1 (2011) and I4 (2016); c: I1 and I2 (both 2011); d: I2 and I3; e: I3 (2016).
    actors = {n: g for n, g in edition_groups(five).items() if not n.startswith("initiative")}
    assert actors == {"a": "both", "b": "both", "c": "only 2011", "d": "both",
                      "e": "only 2016"}


def test_array_centralities_equal_networkx(shipped_copy: Library) -> None:
    projection = project_organisations(library_network(shipped_copy))
    for k in (None, 40):
        ours = fast.betweenness(projection, fast.sample_sources(projection, k, 3))
        theirs = nx.betweenness_centrality(projection, k=k, seed=3, normalized=True)
        assert max(abs(ours[n] - theirs[n]) for n in theirs) < 1e-12
    rank = nx.eigenvector_centrality(projection, weight="weight", max_iter=1000)
    assert max(abs(fast.eigenvector(projection)[n] - rank[n]) for n in rank) < 1e-9


def test_the_betweenness_sample_is_stated(five: nx.MultiGraph) -> None:
    assert (betweenness_sample(five), betweenness_sample(five, sample_above=2, samples=3)) == (
        {"actors": 5, "sources": 5, "sampled": False, "seed": 0},
        {"actors": 5, "sources": 3, "sampled": True, "seed": 0})


def test_search_knows_aliases() -> None:
    registry = Registry([Organisation(id="iom", name="International Organization for "
                                      "Migration", acronym="IOM", type="intergovernmental",
                                      aliases=["OIM"])])
    graph = nx.MultiGraph()
    graph.add_node("iom", kind="organisation", label="IOM")
    assert find_actor(graph, registry, "oim") == "iom"


def test_communities_of_a_dense_network_still_part_every_actor(
        shipped_copy: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # Above the threshold Louvain runs on the ties to initiatives and events instead.
    graph = library_network(shipped_copy, NetworkFilter(regions=("Africa",)))
    monkeypatch.setattr(measures, "COMMUNITIES_ON_TIES_ABOVE", 10)
    groups = find_communities(graph, seed=1)
    members = [n for g in groups for n in g]

    assert (sorted(members), len(groups) > 1) == (sorted(project_organisations(graph)), True)
