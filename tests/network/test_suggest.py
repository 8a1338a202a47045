"""Suggested partners with their reasons, and the 2011/2016 edition comparison."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from planner.event.new import clone_event
from planner.library import Library
from planner.model import Event, Initiative, Registry
from planner.network import (
    NetworkFilter,
    build_network,
    compare_editions,
    library_network,
    suggest_partners,
)

pytestmark = pytest.mark.unit


def test_suggests_the_uninvited_partner_of_a_regional_initiative(
        five: nx.MultiGraph, meeting: Event, five_registry: Registry) -> None:
    # I1 works in Eastern Africa, like Kenya; a convenes and b is invited already.
    tips = suggest_partners(meeting, five, five_registry)

    assert [(t.organisation, t.score, t.reasons) for t in tips] == [
        ("c", 2.0, ["member: 'Initiative I1' (2011 edition) — in Eastern Africa"])]


def test_host_country_and_themes_weigh_more(five_initiatives: list[Initiative],
                                            meeting: Event, five_registry: Registry) -> None:
    kenyan = Initiative(id="i5", edition=2016, title="Kenya child protection", level="national",
                        countries=["kenya"], summary="Against child trafficking.",
                        actors=[{"organisation": "e", "role": "lead"}])
    graph = build_network([], [*five_initiatives, kenyan], five_registry)

    tip = suggest_partners(meeting, graph, five_registry)[0]

    # works in Kenya (3) + in Eastern Africa (2) + one theme (1), as lead (× 1.5)
    assert (tip.organisation, tip.score, tip.reasons) == ("e", 9.0, [
        "lead: 'Kenya child protection' (2016 edition) — works in Kenya; in Eastern Africa; "
        "on child trafficking"])


def test_beneficiaries_are_not_suggested(five_registry: Registry, meeting: Event) -> None:
    helped = Initiative(id="i6", edition=2016, title="Aid", level="national",
                        countries=["kenya"], actors=[{"organisation": "d", "role": "beneficiary"}])

    assert suggest_partners(meeting, build_network([], [helped], five_registry),
                            five_registry) == []


def test_suggestions_can_leave_out_states(five_registry: Registry, meeting: Event) -> None:
    joint = Initiative(id="i7", edition=2016, title="Joint", level="regional",
                       regions=["Eastern Africa"],
                       actors=[{"organisation": "senegal", "role": "member"},
                               {"organisation": "e", "role": "member"}])
    graph = build_network([], [joint], five_registry)

    tips = suggest_partners(meeting, graph, five_registry, kinds=("organisation",))

    assert [t.organisation for t in tips] == ["e"]


def test_compare_editions_by_hand(five: nx.MultiGraph) -> None:
    diff = compare_editions(five)

    assert (diff.only_before, diff.only_after, diff.both) == (["c"], ["e"], ["a", "b", "d"])
    assert (diff.ties_lost, diff.ties_gained, diff.ties_kept) == (
        [("a", "c"), ("b", "c"), ("c", "d")], [("d", "e")], [("a", "b")])
    assert diff.to_dict()["only_2011"] == [{"id": "c", "label": "C"}]


@pytest.mark.integration
def test_new_event_in_a_new_region_gets_that_regions_partners(shipped_copy: Library) -> None:
    library = shipped_copy
    template = library.load("dar-es-salaam-2010")
    new = clone_event(template, new_id="panama-2027", country="panama", city="Panama City",
                      start=dt.date(2027, 3, 1), registry=library.registry)
    graph = library_network(library)

    tips = suggest_partners(new, graph, library.registry, top=15)

    in_region = [t for t in tips if any("in Central America" in r for r in t.reasons)]
    central = {n for n, areas in graph.nodes(data="areas")
               if n.startswith("initiative:") and "Central America" in areas}
    assert len(in_region) >= 5
    assert all(set(graph[t.organisation]) & central for t in in_region)


@pytest.mark.integration
def test_library_event_suggestions_are_not_invited(shipped_copy: Library) -> None:
    event = shipped_copy.load("dakar-2008")
    named = {r.organisation for r in event.organisers} | {
        i.organisation for i in (*event.invited, *event.attended)}

    tips = suggest_partners(event, library_network(shipped_copy), shipped_copy.registry)

    assert len(tips) == 10
    assert all(t.reasons for t in tips)
    assert not {t.organisation for t in tips} & named


@pytest.mark.integration
def test_shipped_editions_have_organisations_in_each_column(shipped_copy: Library) -> None:
    graph = library_network(shipped_copy)

    diff = compare_editions(graph)

    initiatives = library_network(shipped_copy, NetworkFilter(layers=("initiative",)))
    actors = {n for n, kind in initiatives.nodes(data="kind") if kind in ("organisation", "state")}
    columns = [set(diff.only_before), set(diff.only_after), set(diff.both)]
    assert all(columns) and set.union(*columns) == actors
    assert {"unhcr", "iom"} <= set(diff.both)
