"""The network of the shipped library: the acceptance figures, and caching by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.library import Library
from planner.network import NetworkFilter, library_network, summarise_network

pytestmark = pytest.mark.integration


def test_unhcr_and_iom_lead_by_degree(shipped_copy: Library) -> None:
    summary = summarise_network(library_network(shipped_copy))

    assert [r["id"] for r in summary["top_degree"][:2]] == ["unhcr", "iom"]


def test_without_unhcr_and_iom_others_hold_it_together(shipped_copy: Library) -> None:
    spec = NetworkFilter(without=("unhcr", "iom"))

    summary = summarise_network(library_network(shipped_copy, spec))

    leaders = {r["id"] for r in summary["top_betweenness"]}
    assert not leaders & {"unhcr", "iom"}
    assert summary["top_betweenness"][0]["betweenness"] > 0
    assert summary["cut_points"] != []


def test_every_initiative_and_event_is_in_the_graph(shipped_copy: Library) -> None:
    graph = library_network(shipped_copy)

    kinds = [kind for _, kind in graph.nodes(data="kind")]

    assert (kinds.count("initiative"), kinds.count("event")) == (
        len(shipped_copy.initiatives), len(shipped_copy.event_ids()))


def test_an_edited_file_is_seen_at_once(shipped_copy: Library) -> None:
    before = library_network(shipped_copy)
    path: Path = shipped_copy.path / "initiatives.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("role: co-chair", "role: chair", 1), encoding="utf-8")

    after = library_network(Library(shipped_copy.path))

    assert after.graph["fingerprint"] != before.graph["fingerprint"]
    assert [d["role"] for *_, d in after.edges("unhcr", data=True)].count("chair") == (
        [d["role"] for *_, d in before.edges("unhcr", data=True)].count("chair") + 1)


def test_same_files_give_the_same_graph_object(shipped_copy: Library) -> None:
    assert library_network(shipped_copy) is library_network(Library(shipped_copy.path))


def test_a_retitled_event_keeps_the_measures_and_shows_its_new_name(planned: Library) -> None:
    # Centrality, communities, the layout and the pairs follow the ties alone: a renamed
    # event reuses them (the same objects), while the names shown are the new ones.
    from planner.network import find_communities, measure_centrality  # noqa: PLC0415
    from planner.network.build import project_organisations  # noqa: PLC0415
    from planner.network.picture import lay_out  # noqa: PLC0415

    before = library_network(planned)
    measures, groups = measure_centrality(before), find_communities(before)
    place = lay_out(before)
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"title": "Nairobi Conference 2027"}))
    after = library_network(planned)
    assert after.graph["fingerprint"] != before.graph["fingerprint"]
    assert after.nodes["event:nairobi-2027"]["label"] == "Nairobi Conference 2027"
    assert measure_centrality(after) is measures and find_communities(after) is groups
    assert lay_out(after) is place
    assert project_organisations(after).nodes["unhcr"]["label"] == \
        project_organisations(before).nodes["unhcr"]["label"]


def test_a_new_tie_measures_the_network_again(planned: Library) -> None:
    from planner.model import OrganiserRoleKind  # noqa: PLC0415
    from planner.network import measure_centrality  # noqa: PLC0415

    before = library_network(planned)
    measures = measure_centrality(before)
    new = next(o.id for o in planned.registry if o.type == "ngo"
               and not before.has_edge(o.id, "event:nairobi-2027"))
    event = planned.load("nairobi-2027")
    role = event.organisers[0].model_copy(update={"organisation": new,
                                                   "role": OrganiserRoleKind.CO_ORGANISER})
    planned.save(event.model_copy(update={"organisers": [*event.organisers, role]}))
    after = library_network(planned)
    assert measure_centrality(after) is not measures
    assert after.has_edge(new, "event:nairobi-2027")


def test_many_versions_later_the_current_measures_are_still_kept(planned: Library) -> None:
    # A long-running app sees hundreds of versions of a library; the analyses of past ones
    # are let go first, so the current network's measures never have to be taken again.
    from planner.network import measure_centrality  # noqa: PLC0415
    from planner.network.build import remember  # noqa: PLC0415

    graph = library_network(planned)
    measures = measure_centrality(graph)
    for n in range(300):
        remember(graph, ("a past analysis", n), lambda n=n: n)
        assert measure_centrality(graph) is measures
