"""Graph exports: GEXF valid against the published schema, GraphML read back by networkx,
Kumu JSON and Gephi CSV shapes, and the picture."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from planner.errors import PlannerError
from planner.library import Library
from planner.network import NetworkFilter, library_network, project_organisations
from planner.network.formats import flatten_graph, graph_tables, kumu_blueprint, write_graph
from planner.network.picture import draw_network

pytestmark = pytest.mark.integration

SCHEMAS = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas"
needs_schemas = pytest.mark.skipif(not (SCHEMAS / "gexf-1.2draft").is_dir(),
                                   reason=f"the GEXF schemas are not at {SCHEMAS}")


@pytest.fixture(scope="module")
def graph() -> nx.MultiGraph:
    """The partner graph of the shipped library."""
    return library_network(Library.open())


def _gexf_schema() -> etree.XMLSchema:
    # The schema imports viz.xsd, data.xsd… by relative name: parse it from its folder.
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf-1.2draft" / "gexf.xsd")))


@needs_schemas
@pytest.mark.parametrize("projected", [False, True], ids=["multigraph", "projection"])
def test_gexf_is_valid_against_the_schema(graph: nx.MultiGraph, projected: bool) -> None:
    chosen = project_organisations(graph) if projected else graph
    schema = _gexf_schema()

    valid = schema.validate(etree.fromstring(write_graph(chosen, fmt="gexf")))

    assert (valid, schema.error_log.last_error) == (True, None)


def test_gexf_reads_back_into_networkx(graph: nx.MultiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(write_graph(graph, fmt="gexf")))

    assert (back.number_of_nodes(), back.number_of_edges()) == (
        graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes["unhcr"]["label"] == "UNHCR"


def test_graphml_round_trip_keeps_counts_and_attributes(graph: nx.MultiGraph) -> None:
    back = nx.read_graphml(io.BytesIO(write_graph(graph, fmt="graphml")))
    flat = flatten_graph(graph)

    assert (back.number_of_nodes(), back.number_of_edges()) == (
        graph.number_of_nodes(), graph.number_of_edges())
    assert dict(back.nodes(data=True)) == dict(flat.nodes(data=True))
    assert sorted(map(repr, back.edges(data=True))) == sorted(map(repr, flat.edges(data=True)))


def test_graphml_round_trip_of_the_projection(graph: nx.MultiGraph) -> None:
    projection = project_organisations(graph)

    back = nx.read_graphml(io.BytesIO(write_graph(projection, fmt="graphml")))

    assert back.edges["unhcr", "iom"]["weight"] == projection.edges["unhcr", "iom"]["weight"]
    assert back.number_of_edges() == projection.number_of_edges()


def kumu_rule_breaches(blueprint: dict) -> list[str]:
    """Kumu's blueprint rules, field by field (docs.kumu.io, guides/import/blueprints and
    faq/how-do-I-avoid-duplicating-data): what a blueprint breaks."""
    elements, connections = blueprint["elements"], blueprint["connections"]
    ids = [item.get("id") for item in (*elements, *connections)]
    element_ids = {e["id"] for e in elements}
    breaches = [f"element without id or label: {e}" for e in elements
                if not e.get("id") or not e.get("label")]
    breaches += [f"connection without id: {c}" for c in connections if not c.get("id")]
    if len(ids) != len(set(ids)):
        breaches.append("ids are not unique across elements and connections")
    breaches += [f"{c['id']}: '{c[end]}' is not an element id" for c in connections
                 for end in ("from", "to") if c[end] not in element_ids]
    breaches += [f"{c['id']}: direction {c.get('direction')!r}" for c in connections
                 if c.get("direction") not in {"directed", "undirected", "mutual"}]
    breaches += [f"{c['id']}: no type" for c in connections if not c.get("type")]
    breaches += [f"{item['id']}: tag {tag!r} is not short" for item in (*elements, *connections)
                 for tag in item.get("tags", []) if len(tag) > 40]
    breaches += [f"{item['id']}: an id with '_' cannot be picked from Kumu's search"
                 for item in (*elements, *connections) if "_" in item["id"]]
    return breaches


@pytest.mark.parametrize("projected", [False, True], ids=["multigraph", "projection"])
def test_kumu_blueprint_follows_kumus_rules(graph: nx.MultiGraph, projected: bool) -> None:
    chosen = project_organisations(graph) if projected else graph

    blueprint = json.loads(write_graph(chosen, fmt="kumu-json"))

    assert kumu_rule_breaches(blueprint) == []
    assert (len(blueprint["elements"]), len(blueprint["connections"])) == (
        chosen.number_of_nodes(), chosen.number_of_edges())


def test_kumu_connections_point_from_the_actor_to_its_initiative_or_event(
        graph: nx.MultiGraph) -> None:
    blueprint = kumu_blueprint(graph)
    kinds = {e["id"]: e["type"] for e in blueprint["elements"]}

    ends = {(kinds[c["from"]], kinds[c["to"]], c["direction"]) for c in blueprint["connections"]}

    assert ends <= {(actor, activity, "directed")
                    for actor in ("organisation", "state", "collective")
                    for activity in ("initiative", "event")}
    assert ("organisation", "event", "directed") in ends
    assert {c["direction"] for c in kumu_blueprint(project_organisations(graph))[
        "connections"]} == {"undirected"}


def test_kumu_parallel_connections_have_ids_of_their_own(graph: nx.MultiGraph) -> None:
    connections = kumu_blueprint(graph)["connections"]
    pairs = Counter((c["from"], c["to"]) for c in connections)

    parallel = [c["id"] for c in connections if pairs[c["from"], c["to"]] > 1]

    assert len(parallel) > 100
    assert len(set(parallel)) == len(parallel)


def test_kumu_connection_ids_stay_the_same_across_exports(shipped_copy: Library) -> None:
    first = kumu_blueprint(library_network(Library.open()))["connections"]
    # Another filter, so the graph is built again and its edges come in another order.
    again = kumu_blueprint(library_network(shipped_copy, NetworkFilter(layers=("event",))))

    by_id = {c["id"]: c for c in first}
    assert again["connections"]
    assert all(by_id[c["id"]] == c for c in again["connections"])


def test_kumu_citation_is_a_field_not_a_tag(graph: nx.MultiGraph) -> None:
    connections = kumu_blueprint(graph)["connections"]

    assert {tag for c in connections for tag in c["tags"]} == {
        "actor", "organiser", "invited", "attended"}
    assert all(c["citation"] for c in connections)


def test_kumu_labels_are_made_unique() -> None:
    g = nx.Graph([("a", "b")])
    nx.set_node_attributes(g, "Same", "label")

    assert [e["label"] for e in kumu_blueprint(g)["elements"]] == ["Same (a)", "Same (b)"]


def test_csv_tables_have_gephi_headers_and_no_formulas() -> None:
    g = nx.Graph()
    g.add_node("a", label="=cmd|' /C calc'!A0", kind="organisation", regions=["x", "y"])
    g.add_node("b", label="B", kind="state")
    g.add_edge("a", "b", weight=2, via=["event:1"])

    nodes, edges = graph_tables(g)

    node_rows = list(csv.reader(io.StringIO(nodes.decode("utf-8"))))
    edge_rows = list(csv.reader(io.StringIO(edges.decode("utf-8"))))
    assert node_rows == [["Id", "Label", "kind", "regions"],
                         ["a", "'=cmd|' /C calc'!A0", "organisation", "x; y"],
                         ["b", "B", "state", ""]]
    assert edge_rows == [["Source", "Target", "Type", "Weight", "via"],
                         ["a", "b", "Undirected", "2", "event:1"]]


@pytest.mark.parametrize("projected", [False, True], ids=["multigraph", "projection"])
def test_csv_headers_are_unique_ignoring_case_as_gephi_reads_them(graph: nx.MultiGraph,
                                                                  projected: bool) -> None:
    chosen = project_organisations(graph) if projected else graph

    headers = [next(csv.reader(io.StringIO(table.decode("utf-8"))))
               for table in graph_tables(chosen)]

    assert [len({h.casefold() for h in row}) for row in headers] == [len(h) for h in headers]
    assert headers[1][:4] == ["Source", "Target", "Type", "Weight"]
    if not projected:
        assert "citation" in headers[1]


def test_csv_renames_any_header_gephi_would_take_for_its_own() -> None:
    g = nx.Graph()
    g.add_edge("a", "b", source="The 10-Point Plan in Action", type="x", Type2="y")

    header = graph_tables(g)[1].decode("utf-8").splitlines()[0]

    assert header == "Source,Target,Type,Weight,Type2,citation,type_2"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(PlannerError, match="unknown graph format 'dot'"):
        write_graph(nx.Graph(), fmt="dot")


def test_svg_picture_is_deterministic_xml(graph: nx.MultiGraph) -> None:
    first = draw_network(graph, seed=3)

    root = etree.fromstring(first)
    assert (root.tag, first) == ("{http://www.w3.org/2000/svg}svg", draw_network(graph, seed=3))
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) >= graph.number_of_nodes()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_png_picture_is_a_png() -> None:
    g = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(g, "organisation", "kind")

    assert draw_network(g, fmt="png")[:8] == b"\x89PNG\r\n\x1a\n"
