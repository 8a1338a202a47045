"""The partner graph: nodes, typed ties, the projection, filters."""

from __future__ import annotations

import networkx as nx
import pytest

from planner.errors import PlannerError
from planner.model import Event, Initiative, Participant, Registry
from planner.network import (
    NetworkFilter,
    build_network,
    filter_network,
    make_filter,
    parse_years,
    project_organisations,
    resolve_organisations,
)

pytestmark = pytest.mark.unit


def test_projection_weights_count_shared_initiatives(five: nx.MultiGraph) -> None:
    projection = project_organisations(five)

    weights = {tuple(sorted(e)): w for *e, w in projection.edges(data="weight")}

    assert weights == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1, ("c", "d"): 1,
                       ("d", "e"): 1}


def test_projection_names_what_links_two_organisations(five: nx.MultiGraph) -> None:
    assert project_organisations(five).edges["a", "b"]["via"] == ["initiative:i1",
                                                                  "initiative:i4"]


def test_initiative_ties_carry_role_edition_year_and_source(five: nx.MultiGraph) -> None:
    tie = five.edges["a", "initiative:i4", 0]

    assert tie == {"relation": "actor", "role": "member", "partner": True, "edition": 2016,
                   "year": 2014, "source": "The 10-Point Plan in Action (2016), ch. 1"}


def test_initiative_node_knows_its_regions(five: nx.MultiGraph) -> None:
    node = five.nodes["initiative:i1"]

    assert (node["kind"], node["level"], node["macro_regions"]) == (
        "initiative", "regional", ["Africa"])


def test_collective_actors_are_typed_nodes_outside_the_projection(
        five_registry: Registry) -> None:
    done = Initiative(id="x", edition=2011, title="X", level="global", actors=[
        {"organisation": "a", "role": "lead"},
        {"collective": "over 100 NGOs", "collective_type": "ngo", "role": "member"}])

    graph = build_network([], [done], five_registry)

    assert (graph.nodes["collective:x:1"]["type"], list(project_organisations(graph))) == (
        "ngo", ["a"])


def test_non_partners_are_marked(five_registry: Registry) -> None:
    done = Initiative(id="x", edition=2011, title="X", level="global", actors=[
        {"organisation": "a", "role": "lead"}, {"organisation": "b", "role": "target"}])

    graph = build_network([], [done], five_registry)

    assert [d["partner"] for *_, d in sorted(graph.edges(data=True))] == [True, False]


def test_event_ties_come_from_organisers_invitees_and_attendees(
        meeting: Event, five_registry: Registry) -> None:
    graph = build_network([meeting], [], five_registry)

    ties = sorted((u, d["relation"], d["role"], d["source"])
                  for u, _, d in graph.edges("event:nairobi-2027", data=True))

    assert ties == [("event:nairobi-2027", "invited", "invited", "concept-note"),
                    ("event:nairobi-2027", "organiser", "convener", "concept-note")]


def test_event_participants_count_unless_they_declined(
        meeting: Event, five_registry: Registry) -> None:
    people = [{"id": "p1", "last_name": "Hassan", "organisation": "c", "status": "confirmed"},
              {"id": "p2", "last_name": "Njoroge", "organisation": "d", "status": "declined"}]
    event = meeting.model_copy(update={"participants": [Participant.model_validate(p)
                                                          for p in people]})

    graph = build_network([event], [], five_registry)

    assert (graph.has_edge("c", "event:nairobi-2027"), "d" in graph) == (True, False)


@pytest.mark.parametrize(("spec", "kept"), [
    (NetworkFilter(editions=(2011,)), ["a", "b", "c", "d"]),
    (NetworkFilter(years=(2014, 2020)), ["a", "b", "d", "e"]),
    (NetworkFilter(regions=("asia",)), ["c", "d", "e"]),
    (NetworkFilter(without=("c",)), ["a", "b", "d", "e"]),
    (NetworkFilter(levels=("national",)), []),
    (NetworkFilter(layers=("event",)), []),
])
def test_filters_keep_what_they_say(five: nx.MultiGraph, spec: NetworkFilter,
                                    kept: list[str]) -> None:
    assert sorted(project_organisations(filter_network(five, spec))) == kept


def test_partners_only_leaves_out_targets(five_registry: Registry) -> None:
    done = Initiative(id="x", edition=2011, title="X", level="global", actors=[
        {"organisation": "a", "role": "lead"}, {"organisation": "b", "role": "member"},
        {"organisation": "c", "role": "beneficiary"}])
    graph = build_network([], [done], five_registry)

    kept = filter_network(graph, NetworkFilter(partners_only=True))

    assert sorted(project_organisations(kept)) == ["a", "b"]


def test_role_and_type_filters(five_registry: Registry) -> None:
    done = Initiative(id="x", edition=2011, title="X", level="global", actors=[
        {"organisation": "a", "role": "lead"}, {"organisation": "kenya", "role": "member"}])
    graph = build_network([], [done], five_registry)

    by_role = filter_network(graph, NetworkFilter(roles=("lead",)))
    by_type = filter_network(graph, NetworkFilter(types=("state",)))

    assert (sorted(by_role), sorted(by_type)) == (["a", "initiative:x"],
                                                  ["initiative:x", "kenya"])


def test_filtered_graph_gets_its_own_fingerprint(five: nx.MultiGraph) -> None:
    kept = filter_network(five, NetworkFilter(editions=(2016,)))

    assert kept.graph["fingerprint"] != five.graph["fingerprint"]


def test_make_filter_reads_names_and_acronyms(five_registry: Registry) -> None:
    spec = make_filter(five_registry, without=["A, Org B", "c"], years="2010-")

    assert (spec.without, spec.years) == (("a", "b", "c"), (2010, 9999))


def test_unknown_organisation_is_named_with_suggestions(five_registry: Registry) -> None:
    with pytest.raises(PlannerError, match="unknown organisation 'Org Q'; did you mean"):
        resolve_organisations(["Org Q"], five_registry)


@pytest.mark.parametrize("text", ["20x", "2011-2009", "", "-"])
def test_bad_year_ranges_are_refused(text: str) -> None:
    with pytest.raises(PlannerError):
        parse_years(text)
