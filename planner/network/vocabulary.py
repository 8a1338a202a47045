"""The network's words, for the command line and the app: the roles a tie can carry, the
editions of the compilation, and the export formats with their labels and file suffixes.

Nothing here imports networkx, so a command can offer these choices without paying for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import ActorRole, OrganiserRoleKind
from planner.model.initiatives import EDITIONS

__all__ = ["EDITIONS", "EXPORT_FORMATS", "MEASURES", "TIE_ROLES", "ExportFormat", "Measure"]

#: Every role a tie can carry: an initiative actor's, an organiser's, and what
#: `build.build_network` records for invitations, attendance and the participant list.
TIE_ROLES = tuple(sorted({*ActorRole, *OrganiserRoleKind, "invited", "attended",
                          "participant"}))


@dataclass(frozen=True)
class ExportFormat:
    """One way of writing the graph: its name, its label in the app, its file suffix,
    what writes it (`graph`: `formats.write_graph`; `tables`: two CSV files, nodes and
    edges; `picture`: `picture.draw_network`) and whether it is one text file (which
    `-o -` can send to standard output)."""

    name: str
    label: str
    suffix: str
    writer: str
    text: bool = True


#: The formats of `planner network export --format` and of the app's downloads.
EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("gexf", "GEXF (Gephi)", ".gexf", "graph"),
    ExportFormat("graphml", "GraphML", ".graphml", "graph"),
    ExportFormat("kumu-json", "Kumu JSON", ".json", "graph"),
    ExportFormat("csv", "Nodes and edges CSV", ".csv", "tables", text=False),
    ExportFormat("svg", "SVG", ".svg", "picture"),
    ExportFormat("png", "PNG", ".png", "picture", text=False),
)}


@dataclass(frozen=True)
class Measure:
    """A measure of the partner graph in the words organisers use, with one line of help."""

    words: str
    help: str


#: The measures of `measures.rank_actors` and `measures.measure_centrality`, by their field.
MEASURES: dict[str, Measure] = {
    "degree": Measure("partners", "How many other organisations and States it shares at "
                      "least one initiative or event with."),
    "weighted_degree": Measure("shared initiatives and events", "Its partners counted once "
                               "for every initiative or event it shares with them."),
    "activities": Measure("initiatives and events", "How many initiatives and events it "
                          "takes part in."),
    "betweenness": Measure("connects otherwise separate groups", "How often it lies on the "
                           "shortest chain of partners between two others (betweenness)."),
    "eigenvector": Measure("close to the best-connected", "High when its partners are "
                           "themselves well connected, and it works with them often "
                           "(eigenvector centrality)."),
}
