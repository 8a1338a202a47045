"""What the partner map shows: each point with its place, size, colour groups and the part
it plays in the current event; which names to print; finding an actor by what people call it.

The app draws these points; the rules (who is labelled, what a search finds, who is
"only 2011") live here so that the command line and the tests share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from planner.errors import PlannerError
from planner.model import Event, Registry, normalise_name
from planner.network.build import ACTOR_KINDS, project_organisations
from planner.network.involvement import involvement
from planner.network.measures import find_communities
from planner.network.picture import lay_out
from planner.network.suggest import Suggestion, compare_editions

__all__ = ["COLOUR_BY", "MapPoint", "edition_groups", "find_actor", "labelled", "map_points"]

#: What the organiser can colour the map by, with the words the app shows.
COLOUR_BY = {"kind": "Kind (organisation, State, initiative, event)",
             "type": "Stakeholder type", "community": "Community (who works together)",
             "edition": "Edition (only 2011, only 2016, both)"}


@dataclass
class MapPoint:
    """One node of the map: where it is, how big, which groups it falls in."""

    id: str
    label: str
    kind: str
    x: float
    y: float
    partners: int
    """Distinct partners for an organisation or State; actors tied to it for the rest."""
    groups: dict[str, str]
    """Its group for each way of colouring (`COLOUR_BY`)."""
    part: str = ""
    """Its part in the current event (host, organiser, invited, participant), `suggested`
    when it is a suggested partner, else empty."""
    reasons: list[str] = field(default_factory=list)


def edition_groups(graph: nx.MultiGraph) -> dict[str, str]:
    """Each organisation and State named in the compilation: `only 2011`, `only 2016` or
    `both`, as `compare_editions` counts them; initiatives by their own edition.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"})], kind="organisation")
    >>> g.add_node("initiative:x", kind="initiative", edition=2011, level="global")
    >>> g.add_node("initiative:y", kind="initiative", edition=2016, level="global")
    >>> g.add_edges_from([("a", "initiative:x"), ("a", "initiative:y"),
    ...     ("b", "initiative:y")], role="member", partner=True)
    [0, 0, 0]
    >>> edition_groups(g)
    {'a': 'both', 'b': 'only 2016', 'initiative:x': 'only 2011', 'initiative:y': 'only 2016'}
    """
    diff = compare_editions(graph)
    groups = {n: "both" for n in diff.both}
    groups |= {n: f"only {diff.before}" for n in diff.only_before}
    groups |= {n: f"only {diff.after}" for n in diff.only_after}
    groups |= {n: f"only {d['edition']}" for n, d in graph.nodes(data=True)
               if d["kind"] == "initiative"}
    return dict(sorted(groups.items()))


def _partners(graph: nx.MultiGraph) -> dict[str, int]:
    projection = project_organisations(graph)
    return {n: projection.degree(n) if n in projection else len(graph[n]) for n in graph}


def map_points(graph: nx.MultiGraph, *, event: Event | None = None,
               registry: Registry | None = None, suggestions: Iterable[Suggestion] = (),
               whole: nx.MultiGraph | None = None) -> list[MapPoint]:
    """The points of the map, most connected first: positions from the seeded layout of
    `whole` (the unfiltered network, so that a filtered map keeps everyone in place and
    is not laid out again; `graph` itself by default),
    size by partners, groups by kind, type, community and edition, and each actor's part
    in `event` (with `registry`, by `involvement`) or its suggestion.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from(["a", "b"], kind="organisation", type="ngo", label="x")
    >>> g.add_node("event:1", kind="event", type="workshop", label="Dakar")
    >>> _ = g.add_edges_from([("a", "event:1"), ("b", "event:1")])
    >>> [(p.id, p.partners, p.groups["community"]) for p in map_points(g)]
    [('event:1', 2, ''), ('a', 1, '1'), ('b', 1, '1')]
    """
    parts = involvement(event, registry) if event is not None and registry is not None else {}
    suggested = {s.organisation: s for s in suggestions}
    place = lay_out(whole if whole is not None else graph)
    partners = _partners(graph)
    community = {n: str(i) for i, c in enumerate(find_communities(graph), 1) for n in c}
    editions = edition_groups(graph)
    points = []
    for node, data in graph.nodes(data=True):
        tip = suggested.get(node)
        part = parts.get(node, "") if data["kind"] in ACTOR_KINDS else ""
        points.append(MapPoint(
            node, data.get("label", node), data["kind"], *place[node], partners[node],
            {"kind": data["kind"], "type": data.get("type", ""),
             "community": community.get(node, ""), "edition": editions.get(node, "events only")},
            part or ("suggested" if tip else ""), tip.reasons if tip else []))
    points.sort(key=lambda p: (-p.partners, p.id))
    return points


def labelled(points: list[MapPoint], *, top: int = 20,
             window: tuple[float, float, float, float] | None = None) -> list[str]:
    """The ids whose names the map prints: the `top` most connected organisations and
    States always, and, at close zoom (`window` as x0, y0, x1, y1), every organisation
    and State in view (initiatives and events name themselves on hover: their titles are
    long).

    Examples
    --------
    >>> pts = [MapPoint(str(i), str(i), "organisation", i / 10, 0.5, 10 - i, {})
    ...        for i in range(10)]
    >>> labelled(pts, top=2), labelled(pts, top=1, window=(0.75, 0, 1, 1))
    (['0', '1'], ['0', '8', '9'])
    """
    actors = [p for p in points if p.kind in ACTOR_KINDS]
    shown = {p.id for p in actors[:top]}
    if window is not None:
        x0, y0, x1, y1 = window
        shown |= {p.id for p in actors if x0 <= p.x <= x1 and y0 <= p.y <= y1}
    return [p.id for p in points if p.id in shown]


def _names(graph: nx.MultiGraph, registry: Registry) -> dict[str, list[str]]:
    names = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] in ACTOR_KINDS:
            known = list(registry[node].names()) if node in registry else []
            names[node] = [normalise_name(n) for n in (data.get("label", node), *known)]
    return names


def find_actor(graph: nx.MultiGraph, registry: Registry, text: str) -> str | None:
    """The organisation or State of the map a person means: by id, name, acronym or alias
    first (`IOM`, `|OM`), else the best-connected one whose name contains the words.

    None for blank text.

    Raises
    ------
    PlannerError
        When no organisation or State of the map answers to the text.

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="iom", name="International Organization for "
    ...     "Migration", acronym="IOM", type="intergovernmental")])
    >>> g = nx.MultiGraph()
    >>> g.add_node("iom", kind="organisation", label="IOM")
    >>> find_actor(g, reg, "iom"), find_actor(g, reg, "organization for")
    ('iom', 'iom')
    """
    typed = normalise_name(text)
    if not typed:
        return None
    known = registry[text.strip()] if text.strip() in registry else registry.resolve(text)
    if known is not None and known.id in graph:
        return known.id
    names = _names(graph, registry)
    found = [n for n, spelled in names.items() if any(typed in s for s in spelled)]
    if not found:
        raise PlannerError(f"no organisation or State on this map answers to '{text.strip()}'"
                           " (the filters may leave it out)")
    partners = project_organisations(graph)
    return min(found, key=lambda n: (-partners.degree(n), n))
