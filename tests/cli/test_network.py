"""`planner network …`: exit codes, messages and JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library
from planner.network.formats import GRAPH_FORMATS
from planner.network.picture import PICTURE_FORMATS
from planner.network.vocabulary import EXPORT_FORMATS

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), "network", *args])
    return result.exit_code, result.output


def test_stats_json_names_unhcr_and_iom_first(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "stats", "--json")

    top = [row["label"] for row in json.loads(output)["top_degree"][:2]]
    assert (code, top) == (0, ["UNHCR", "IOM"])


def test_stats_without_unhcr_and_iom(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "stats", "--without", "UNHCR,IOM")

    assert code == 0
    assert "Connects otherwise separate groups (betweenness, from all " in output
    assert " UNHCR " not in output and " IOM " not in output


def test_stats_of_nothing_says_so(shipped_copy: Library) -> None:
    assert run(shipped_copy, "stats", "--edition", "2013") == (
        0, "no initiative or event matches these filters\n")


def test_unknown_organisation_exits_1(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "ego", "Nobody At All")

    assert (code, output.startswith("Error: unknown organisation 'Nobody At All'")) == (1, True)


def test_path_explains_each_step(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "path", "ECOWAS", "AICHR", "--json")

    steps = json.loads(output)
    assert (code, steps[0]["from"], steps[-1]["to"]) == (0, "ecowas", "aichr")
    assert all(step["via"] for step in steps)


def test_ego_lists_partners(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "ego", "iom", "--json")

    assert (code, json.loads(output)["partners"][0]["id"]) == (0, "unhcr")


def test_bridges_and_compare(shipped_copy: Library) -> None:
    code_b, bridges = run(shipped_copy, "bridges", "--json", "--top", "1")
    code_c, compared = run(shipped_copy, "compare", "--json")

    assert (code_b, json.loads(bridges)[0]["id"]) == (0, "unhcr")
    assert code_c == 0
    assert {"only_2011", "only_2016", "both"} <= set(json.loads(compared))


def test_compare_text_has_three_lists(shipped_copy: Library) -> None:
    code, output = run(shipped_copy, "compare")

    heads = [line.split(" (")[0] for line in output.splitlines()[:3]]
    assert (code, heads) == (0, ["Only in 2011", "Only in 2016", "In both"])


def test_suggest_for_a_clone_in_a_new_region(shipped_copy: Library) -> None:
    CliRunner().invoke(cli, ["--library", str(shipped_copy.path), "new", "panama-2027",
                             "--from", "dar-es-salaam-2010", "--country", "panama",
                             "--city", "Panama City", "--start", "2027-03-01"])

    code, output = run(shipped_copy, "suggest", "panama-2027", "--top", "15", "--json")

    assert code == 0
    assert any("in Central America" in r for tip in json.loads(output) for r in tip["reasons"])


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "kumu-json", "svg"])
def test_export_writes_one_file(shipped_copy: Library, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"network.{fmt}"

    code, output = run(shipped_copy, "export", "--format", fmt, "-o", str(target),
                       "--edition", "2016")

    assert (code, output, target.stat().st_size > 0) == (0, f"wrote {target}\n", True)


def test_export_csv_writes_nodes_and_edges(shipped_copy: Library, tmp_path: Path) -> None:
    code, output = run(shipped_copy, "export", "--format", "csv", "-o",
                       str(tmp_path / "net.csv"), "--projection", "--ego", "UNHCR")

    assert (code, output) == (0, f"wrote {tmp_path / 'net-nodes.csv'}\n"
                                 f"wrote {tmp_path / 'net-edges.csv'}\n")


def test_export_formats_match_the_writers() -> None:
    export = cli.commands["network"].commands["export"]  # type: ignore[attr-defined]
    choices = next(p.type.choices for p in export.params if p.name == "fmt")

    assert (*GRAPH_FORMATS, "csv", *PICTURE_FORMATS) == tuple(choices) == tuple(EXPORT_FORMATS)


@pytest.mark.parametrize("filters", [[], ["--edition", "2016"], ["--layer", "event"]],
                         ids=["all", "edition-2016", "events"])
def test_stats_counts_are_those_of_the_graph_export_writes(shipped_copy: Library,
                                                           tmp_path: Path,
                                                           filters: list[str]) -> None:
    code, output = run(shipped_copy, "stats", "--json", *filters)
    gexf = [tmp_path / "graph.gexf", tmp_path / "projection.gexf"]
    run(shipped_copy, "export", "--format", "gexf", "-o", str(gexf[0]), *filters)
    run(shipped_copy, "export", "--format", "gexf", "-o", str(gexf[1]), "--projection",
        *filters)

    summary = json.loads(output)
    written = [nx.read_gexf(path) for path in gexf]
    assert code == 0
    assert [summary["graph"], summary["projection"]] == [
        {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
         "components": nx.number_connected_components(g)} for g in written]
    assert sum(summary["nodes"].values()) == summary["graph"]["nodes"]


def test_stats_text_says_ties_of_the_graph_and_partner_pairs_of_the_projection(
        shipped_copy: Library) -> None:
    summary = json.loads(run(shipped_copy, "stats", "--json")[1])
    whole, pairs, nodes = summary["graph"], summary["projection"], summary["nodes"]

    code, output = run(shipped_copy, "stats")

    assert (code, output.splitlines()[:2]) == (0, [
        f"{nodes['organisation']} organisations, {nodes['state']} States, "
        f"{nodes['collective']} collectives; {nodes['initiative']} initiatives, "
        f"{nodes['event']} events: {whole['nodes']} nodes, {whole['edges']} ties in "
        f"{whole['components']} connected part(s)",
        f"Between organisations and States: {pairs['edges']} partner pairs among "
        f"{pairs['nodes']} actors in {pairs['components']} connected part(s)"])
    assert whole["components"] != pairs["components"]  # why each count names its graph


def test_export_kumu_to_standard_output(shipped_copy: Library) -> None:
    result = CliRunner().invoke(cli, ["--library", str(shipped_copy.path), "network", "export",
                                      "--format", "kumu-json", "-o", "-", "--projection"])

    blueprint = json.loads(result.stdout)
    assert (result.exit_code, blueprint["connections"][0]["direction"]) == (0, "undirected")
