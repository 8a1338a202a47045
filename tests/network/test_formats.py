"""Graph exports: GEXF valid against the published schema, GraphML read back by networkx,
Kumu JSON and Gephi CSV shapes, and the picture."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from planner.errors import PlannerError
from planner.library import Library
from planner.network import library_network, project_organisations
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


def test_kumu_blueprint_joins_connections_to_elements(graph: nx.MultiGraph) -> None:
    blueprint = json.loads(write_graph(graph, fmt="kumu-json"))

    labels = [e["label"] for e in blueprint["elements"]]
    assert len(labels) == len(set(labels)) == graph.number_of_nodes()
    assert {c["from"] for c in blueprint["connections"]} <= set(labels)
    assert {c["direction"] for c in blueprint["connections"]} == {"undirected"}
    assert set(blueprint["elements"][0]) >= {"label", "type", "tags"}


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
