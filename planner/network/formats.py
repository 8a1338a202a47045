"""The partner graph for other tools: GEXF and GraphML (Gephi), Kumu JSON, nodes/edges CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from typing import Any

import networkx as nx

from planner.errors import PlannerError
from planner.network.build import ACTIVITY_KINDS
from planner.network.vocabulary import EXPORT_FORMATS
from planner.tables import neutralise

__all__ = [
    "GRAPH_FORMATS",
    "KIND_COLOURS",
    "flatten_graph",
    "graph_tables",
    "kumu_blueprint",
    "write_graph",
]

#: The single-file formats of `write_graph`; `csv` writes two tables (`graph_tables`).
GRAPH_FORMATS = tuple(f.name for f in EXPORT_FORMATS.values() if f.writer == "graph")
#: One colour per node kind, the same in Gephi, Kumu and the pictures.
KIND_COLOURS = {"organisation": "#1f77b4", "state": "#2ca02c", "collective": "#7f7f7f",
                "initiative": "#ff7f0e", "event": "#d62728"}
_SEP = "; "
#: Edge attributes written under another name where a tool reserves theirs.
_RENAMED = {"source": "citation"}


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return _SEP.join(map(str, value))
    return value


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    # GEXF and GraphML hold text, numbers and booleans only, and no empty values.
    return {k: _scalar(v) for k, v in data.items()
            if v is not None and v != [] and k not in ("viz", "text")}


def flatten_graph(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all text, numbers or booleans (lists joined by `; `).

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_node("unhcr", kind="organisation", regions=["global"], note=None)
    >>> flatten_graph(g).nodes["unhcr"]
    {'kind': 'organisation', 'regions': 'global'}
    """
    flat = graph.__class__()
    flat.add_nodes_from((n, _plain(d)) for n, d in graph.nodes(data=True))
    if isinstance(graph, nx.MultiGraph):
        edges = ((u, v, k, _plain(d)) for u, v, k, d in graph.edges(keys=True, data=True))
        flat.add_edges_from(edges)  # type: ignore[arg-type]  # stubs omit MultiGraph's (u, v, key, data)
    else:
        flat.add_edges_from((u, v, _plain(d)) for u, v, d in graph.edges(data=True))
    return flat


def _gexf(graph: nx.Graph) -> bytes:
    from lxml import etree  # noqa: PLC0415 -- slow import

    out = io.BytesIO()
    nx.write_gexf(flatten_graph(graph), out, version="1.2draft")
    # networkx names the <graph>, which the published schema does not allow. Colours
    # are left out too: the schema and Gephi disagree on their namespace, and
    # Gephi colours by the `kind` attribute in one click.
    root = etree.fromstring(out.getvalue())
    for element in root.iter("{*}graph"):
        element.attrib.pop("name", None)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _graphml(graph: nx.Graph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(flatten_graph(graph), out, named_key_ids=True)
    return out.getvalue()


def _unique_labels(graph: nx.Graph) -> dict[str, str]:
    # Connections name elements by id, but a reader tells elements apart by label.
    labels = {n: str(d.get("label", n)) for n, d in graph.nodes(data=True)}
    counts = Counter(labels.values())
    return {n: label if counts[label] == 1 else f"{label} ({n})" for n, label in labels.items()}


def _oriented(graph: nx.Graph, u: str, v: str) -> tuple[str, str, str]:
    """(from, to, direction): an actor's tie points at its initiative or event."""
    activity = [graph.nodes[n].get("kind") in ACTIVITY_KINDS for n in (u, v)]
    if activity == [False, True]:
        return u, v, "directed"
    if activity == [True, False]:
        return v, u, "directed"
    left, right = sorted((u, v))
    return left, right, "undirected"


def _connection_id(ends: tuple[str, str], data: dict[str, Any], seen: Counter[str]) -> str:
    # From what the tie is, never from its position, so that a re-import updates the
    # connection; a tie stated twice in the same words gets -2, -3.
    what = "|".join(str(data.get(key) or "") for key in ("relation", "role", "source"))
    digest = hashlib.sha256(f"{ends[0]}|{ends[1]}|{what}".encode()).hexdigest()[:12]
    seen[digest] += 1
    return f"tie:{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")


def _connection(graph: nx.Graph, u: str, v: str, data: dict[str, Any],
                seen: Counter[str]) -> dict[str, Any]:
    source, target, direction = _oriented(graph, u, v)
    connection = {"id": _connection_id((source, target), data, seen), "from": source,
                  "to": target, "direction": direction, "type": data.get("role", "tie"),
                  "tags": [data["relation"]] if data.get("relation") else []}
    fields = {"citation": data.get("source"), "year": data.get("year"),
              "edition": data.get("edition"), "weight": data.get("weight"),
              "via": data.get("via")}
    connection.update({k: value for k, value in fields.items() if value not in (None, [])})
    return connection


def kumu_blueprint(graph: nx.Graph) -> dict[str, Any]:
    """The graph as a Kumu JSON blueprint: `elements` and `connections`, by id.

    Kumu's blueprint rules: elements that have ids are named by those ids in a
    connection's `from` and `to`; ids are unique across elements and connections;
    a connection needs an id of its own to be told from another between the same
    two elements and to be updated by a later import. Elements carry `id`,
    `label`, `type` (the node kind), short `tags` (stakeholder type, level,
    continents) and the `regions` as a field. Connections carry an `id` derived
    from what the tie is, `from` an actor `to` its initiative or event
    (`direction: directed`; ties between two actors are `undirected`), `type`
    (the role), `tags` (the relation) and, as fields, the `citation`, `year`,
    `edition`, and a projection's `weight` and `via`.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_node("unhcr", kind="organisation", label="UNHCR", type="un-agency")
    >>> g.add_node("event:1", kind="event", label="Dakar", type="regional-conference")
    >>> _ = g.add_edge("event:1", "unhcr", role="convener", relation="organiser", source="x")
    >>> connection = kumu_blueprint(g)["connections"][0]
    >>> {k: connection[k] for k in ("from", "to", "direction", "type", "tags", "citation")}
    {'from': 'unhcr', 'to': 'event:1', 'direction': 'directed', 'type': 'convener', \
'tags': ['organiser'], 'citation': 'x'}
    """
    labels = _unique_labels(graph)
    elements = []
    for node, data in graph.nodes(data=True):
        # Tags are short words a selector can use; the regions' own names are a field.
        tags = [data.get("type"), data.get("level"), *data.get("macro_regions", ())]
        element = {"id": node, "label": labels[node], "type": data.get("kind", ""),
                   "tags": list(dict.fromkeys(t for t in tags if t))}
        element.update({k: data[k] for k in ("regions", "edition", "start_year")
                        if data.get(k)})
        elements.append(element)
    seen: Counter[str] = Counter()
    connections = [_connection(graph, u, v, d, seen) for u, v, d in graph.edges(data=True)]
    return {"elements": elements, "connections": connections}


def write_graph(graph: nx.Graph, *, fmt: str) -> bytes:
    """The graph as the bytes of a GEXF, GraphML or Kumu JSON file.

    Raises
    ------
    PlannerError
        For a format not in `GRAPH_FORMATS`.

    Examples
    --------
    >>> g = nx.MultiGraph([("unhcr", "event:1")])
    >>> write_graph(g, fmt="graphml")[:38]
    b"<?xml version='1.0' encoding='utf-8'?>"
    """
    if fmt == "gexf":
        return _gexf(graph)
    if fmt == "graphml":
        return _graphml(graph)
    if fmt == "kumu-json":
        text = json.dumps(kumu_blueprint(graph), indent=2, ensure_ascii=False, default=str)
        return text.encode("utf-8")
    raise PlannerError(f"unknown graph format '{fmt}'; use one of "
                       f"{', '.join(GRAPH_FORMATS)}, csv, svg or png")


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for row in [header, *rows]:
        writer.writerow([neutralise("" if cell is None else str(cell)) for cell in row])
    return out.getvalue().encode("utf-8")


def _headers(fixed: list[str], keys: list[str]) -> list[str]:
    # Gephi matches headers ignoring case and drops a repeated one: the citation
    # (`source`) would be taken for `Source`, the edge's first end.
    taken = {name.casefold() for name in fixed}
    headers = list(fixed)
    for key in keys:
        name = _RENAMED.get(key, key)
        base, number = name, 1
        while name.casefold() in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name.casefold())
        headers.append(name)
    return headers


def graph_tables(graph: nx.Graph) -> tuple[bytes, bytes]:
    """Nodes and edges CSV with Gephi's spreadsheet headers; no cell can act as a formula.

    Nodes: `Id, Label, kind, type, …`; edges: `Source, Target, Type, Weight, …`
    (`Weight` is the `weight` of a projection's tie, else 1). Headers are unique
    ignoring case, as Gephi reads them: a tie's `source` (its citation) is the
    `citation` column.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("unhcr", label="UNHCR", kind="organisation")
    >>> g.add_node("iom", label="=IOM", kind="organisation")
    >>> g.add_edge("unhcr", "iom", weight=3)
    >>> nodes, edges = graph_tables(g)
    >>> nodes.decode().splitlines()[2], edges.decode().splitlines()
    ("iom,'=IOM,organisation", ['Source,Target,Type,Weight', 'unhcr,iom,Undirected,3'])
    """
    flat = flatten_graph(graph)
    node_keys = sorted({k for _, d in flat.nodes(data=True) for k in d} - {"label"})
    edge_keys = sorted({k for *_, d in flat.edges(data=True) for k in d} - {"weight"})
    nodes = _csv(_headers(["Id", "Label"], node_keys),
                 [[n, d.get("label", n), *(d.get(k) for k in node_keys)]
                  for n, d in flat.nodes(data=True)])
    edges = _csv(_headers(["Source", "Target", "Type", "Weight"], edge_keys),
                 [[u, v, "Undirected", d.get("weight", 1), *(d.get(k) for k in edge_keys)]
                  for u, v, d in flat.edges(data=True)])
    return nodes, edges
