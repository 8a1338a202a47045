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
