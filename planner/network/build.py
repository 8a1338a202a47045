"""The partner graph: organisations, States, initiatives and events, and the ties between them."""

from __future__ import annotations

import hashlib
import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

import networkx as nx

from planner.countries import PLACES, area_of, m49_areas
from planner.errors import PlannerError
from planner.model import (
    NOT_COMING,
    Event,
    Initiative,
    Organisation,
    Registry,
)

__all__ = [
    "ACTIVITY_KINDS",
    "ACTOR_KINDS",
    "activities_of",
    "build_network",
    "event_node",
    "fingerprint",
    "forget_analyses",
    "initiative_node",
    "macro_regions_of",
    "project_organisations",
    "remember",
    "resolve_organisations",
    "shape",
]

#: Node kinds that take part: the organisation–organisation projection joins these.
ACTOR_KINDS = ("organisation", "state")
#: Node kinds that bring actors together.
ACTIVITY_KINDS = ("initiative", "event")
_MACRO_WORDS = (("africa", "Africa"), ("america", "Americas"), ("caribbean", "Americas"),
                ("asia", "Asia"), ("gulf", "Asia"), ("europe", "Europe"),
                ("pacific", "Oceania"), ("oceania", "Oceania"))
T = TypeVar("T")


def initiative_node(initiative_id: str) -> str:
    """The node id of an initiative.

    Examples
    --------
    >>> initiative_node("2011-mmtf-somalia")
    'initiative:2011-mmtf-somalia'
    """
    return f"initiative:{initiative_id}"


def event_node(event_id: str) -> str:
    """The node id of an event.

    Examples
    --------
    >>> event_node("dakar-2008")
    'event:dakar-2008'
    """
    return f"event:{event_id}"


@cache
def _m49_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for area in m49_areas().values():
        for name in filter(None, (area.region, area.sub_region, area.intermediate_region)):
            names[name.casefold()] = area.region
    return names


def macro_regions_of(names: Iterable[str]) -> set[str]:
    """The UN M49 regions (continents) that region names fall in.

    Exact M49 names are looked up; other names (`Horn of Africa`, `Asia and the
    Pacific`) are read by the continent words they contain; `global` is none.

    Examples
    --------
    >>> sorted(macro_regions_of(["Eastern Africa", "Gulf of Aden", "global"]))
    ['Africa', 'Asia']
    """
    found: set[str] = set()
    for name in names:
        exact = _m49_names().get(name.casefold())
        if exact:
            found.add(exact)
            continue
        found |= {region for word, region in _MACRO_WORDS if word in name.casefold()}
    return found


def _region_names(org_ids: Iterable[str], registry: Registry) -> list[str]:
    names = []
    for org_id in org_ids:
        area = area_of(registry[org_id], registry) if org_id in registry else None
        if area is not None:
            names += [area.finest, area.sub_region, area.region]
    return names


def _actor_attributes(org: Organisation, registry: Registry) -> dict[str, Any]:
    area = area_of(org, registry) if org.type in PLACES else None
    regions = [area.finest] if area else [r for r in org.regions if r != "global"]
    return {"kind": "state" if org.type in PLACES else "organisation",
            "label": org.display_name, "name": org.name, "type": org.type.value,
            "regions": regions, "macro_regions": sorted(macro_regions_of(regions))}


def _add_actor(graph: nx.MultiGraph, org_id: str, registry: Registry) -> None:
    if org_id not in graph:
        graph.add_node(org_id, **_actor_attributes(registry[org_id], registry))


def _add_initiative(graph: nx.MultiGraph, initiative: Initiative, registry: Registry) -> None:
    node = initiative_node(initiative.id)
    places = [*initiative.regions, *_region_names(initiative.countries, registry)]
    graph.add_node(node, kind="initiative", label=initiative.title,
                   type=initiative.level.value, level=initiative.level.value,
                   edition=initiative.edition, section=initiative.section or "",
                   start_year=initiative.start_year, end_year=initiative.end_year,
                   countries=list(initiative.countries), regions=list(initiative.regions),
                   areas=sorted(set(places)), macro_regions=sorted(macro_regions_of(places)),
                   text=f"{initiative.title} {initiative.summary or ''}")
    source = f"The 10-Point Plan in Action ({initiative.edition}), {initiative.section or 'ch. 1'}"
    for index, actor in enumerate(initiative.actors):
        ends = {"relation": "actor", "role": actor.role.value, "partner": actor.role.is_partner,
                "edition": initiative.edition, "year": initiative.start_year, "source": source}
        if actor.organisation is not None:
            _add_actor(graph, actor.organisation, registry)
            graph.add_edge(actor.organisation, node, **ends)
            continue
        collective = f"collective:{initiative.id}:{index}"
        graph.add_node(collective, kind="collective", label=actor.collective or "",
                       type=actor.collective_type.value if actor.collective_type else "other",
                       regions=[], macro_regions=[])
        graph.add_edge(collective, node, **ends)


def _event_ties(event: Event) -> Iterable[tuple[str, str, str, str]]:
    """(organisation, relation, role, source) for every organisation an event names."""
    for organiser in event.organisers:
        yield (organiser.organisation, "organiser", organiser.role.value,
               organiser.source.value)
    for relation, invitees in (("invited", event.invited), ("attended", event.attended)):
        for invitee in invitees:
            if invitee.organisation is not None:
                role = "observer" if invitee.observer else relation
                yield invitee.organisation, relation, role, invitee.source.value
    for person in event.participants:
        if person.organisation is not None and person.status not in NOT_COMING:
            yield person.organisation, "participant", "participant", "participant list"


def _add_event(graph: nx.MultiGraph, event: Event, registry: Registry) -> None:
    node = event_node(event.id)
    invited = (i.organisation for i in (*event.invited, *event.attended) if i.organisation)
    states = [event.country,
              *(org for org in invited if org in registry and registry[org].type in PLACES)]
    places = _region_names(dict.fromkeys(states), registry)
    graph.add_node(node, kind="event", label=event.title, type=event.kind.value,
                   start_year=event.start.year, end_year=event.end.year,
                   countries=[event.country], regions=[event.region] if event.region else [],
                   areas=sorted(set(places)), macro_regions=sorted(macro_regions_of(places)),
                   text=" ".join([event.title, *event.themes,
                                  *(g.title for g in event.working_groups)]))
    # The same tie stated by several documents is one edge per document.
    for org_id, relation, role, source in dict.fromkeys(_event_ties(event)):
        _add_actor(graph, org_id, registry)
        graph.add_edge(org_id, node, relation=relation, role=role, partner=True,
                       edition=None, year=event.start.year, source=source)


def build_network(events: Iterable[Event], initiatives: Iterable[Initiative],
                  registry: Registry) -> nx.MultiGraph:
    """The typed multigraph of who takes part in which initiative or event.

    Nodes have a `kind` (organisation, state, collective, initiative, event), a
    `label` and a `type`; each edge joins an actor to an initiative or event and
    carries `relation` (actor, organiser, invited, attended, participant),
    `role`, `partner` (false for beneficiaries, targets, venues and mentions),
    `edition` or `year`, and `source`.

    Examples
    --------
    >>> from planner.model import Organisation
    >>> reg = Registry([Organisation(id="unhcr", name="UNHCR", type="un-agency"),
    ...                 Organisation(id="iom", name="IOM", type="intergovernmental")])
    >>> done = Initiative(id="2011-x", edition=2011, title="X", level="global", actors=[
    ...     {"organisation": "unhcr", "role": "co-chair"},
    ...     {"organisation": "iom", "role": "co-chair"},
    ...     {"collective": "over 100 NGOs", "collective_type": "ngo", "role": "member"}])
    >>> graph = build_network([], [done], reg)
    >>> sorted(graph.nodes), graph.edges["unhcr", "initiative:2011-x", 0]["role"]
    (['collective:2011-x:2', 'initiative:2011-x', 'iom', 'unhcr'], 'co-chair')
    """
    graph: nx.MultiGraph[str] = nx.MultiGraph()
    for initiative in initiatives:
        _add_initiative(graph, initiative, registry)
    for event in events:
        _add_event(graph, event, registry)
    graph.graph["fingerprint"] = fingerprint(graph)
    return graph


def fingerprint(graph: nx.MultiGraph) -> str:
    """A hash of the graph's nodes and edges with their data, to key cached analyses.

    Examples
    --------
    >>> fingerprint(nx.path_graph(3)) == fingerprint(nx.path_graph(3))
    True
    """
    digest = hashlib.sha256()
    for item in sorted(map(repr, graph.nodes(data=True))):
        digest.update(item.encode())
    for item in sorted(map(repr, graph.edges(data=True))):
        digest.update(item.encode())
    return digest.hexdigest()[:16]


def shape(graph: nx.Graph) -> str:
    """A hash of what the structural analyses read: each node's id and kind, each edge
    with its data; not the names and texts, which a retitled event changes.

    Examples
    --------
    >>> g = nx.MultiGraph([("a", "event:1")])
    >>> g.nodes["event:1"]["label"] = "Dakar"
    >>> before = shape(g)
    >>> g.nodes["event:1"]["label"] = "Dakar 2008"
    >>> shape(g) == before
    True
    """
    digest = hashlib.sha256()
    for item in sorted(repr((n, d.get("kind"))) for n, d in graph.nodes(data=True)):
        digest.update(item.encode())
    for item in sorted(map(repr, graph.edges(data=True))):
        digest.update(item.encode())
    return digest.hexdigest()[:16]


_REMEMBERED: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_SHAPES: dict[str, str] = {}


def remember(graph: nx.Graph, key: tuple[Any, ...], compute: Callable[[], T], *,
             structural: bool = False) -> T:
    """Compute once per graph content: analyses are cached under the graph's fingerprint.

    A `structural` analysis (ids and numbers only: centrality, communities, the layout)
    is cached under the graph's `shape` instead, so that renaming an event, which
    changes the fingerprint, does not measure the whole network again. A graph without
    a `fingerprint` (one built by hand) is never cached.

    Examples
    --------
    >>> remember(nx.Graph(), ("answer",), lambda: 42)
    42
    """
    stamp = graph.graph.get("fingerprint")
    if stamp is None:
        return compute()
    if structural:
        if stamp not in _SHAPES:
            if len(_SHAPES) > 256:
                _SHAPES.clear()
            _SHAPES[stamp] = "shape:" + shape(graph)
        stamp = _SHAPES[stamp]
    entry = (stamp, *key)
    if entry in _REMEMBERED:
        _REMEMBERED.move_to_end(entry)
        return _REMEMBERED[entry]
    value = _REMEMBERED[entry] = compute()
    while len(_REMEMBERED) > 256:  # a long-running app must not grow without bound: the
        _REMEMBERED.popitem(last=False)  # analyses of past versions go first, not all
    return value


def forget_analyses() -> None:
    """Drop every cached analysis (for benchmarks that time the work itself)."""
    _REMEMBERED.clear()
    _SHAPES.clear()


def activities_of(graph: nx.MultiGraph, node: str) -> list[str]:
    """The initiatives and events an actor is tied to, in id order.

    Examples
    --------
    >>> g = nx.MultiGraph([("unhcr", "event:2"), ("unhcr", "event:1"), ("unhcr", "iom")])
    >>> nx.set_node_attributes(g, "event", "kind")
    >>> g.nodes["iom"]["kind"] = "organisation"
    >>> activities_of(g, "unhcr")
    ['event:1', 'event:2']
    """
    return sorted(n for n in graph[node] if graph.nodes[n]["kind"] in ACTIVITY_KINDS)


def _project(graph: nx.MultiGraph) -> nx.Graph:
    projection: nx.Graph[str] = nx.Graph()
    if "fingerprint" in graph.graph:
        projection.graph["fingerprint"] = f"{graph.graph['fingerprint']}/projection"
    projection.add_nodes_from((n, d) for n, d in graph.nodes(data=True)
                              if d["kind"] in ACTOR_KINDS)
    # The pairs are the work, and they follow the ties alone: a renamed event or
    # organisation keeps them, while the nodes above carry the names as they are now.
    via = remember(graph, ("pairs",), lambda: _pairs(graph), structural=True)
    projection.add_edges_from((left, right, {"weight": len(shared), "via": shared})
                              for (left, right), shared in via.items())
    return projection


def _pairs(graph: nx.MultiGraph) -> dict[tuple[str, str], list[str]]:
    # Pairs gathered in a plain dict and added at once: a large event alone makes tens of
    # thousands of them, and networkx's add_edge per pair costs ten times as much.
    actor = {n for n, d in graph.nodes(data=True) if d["kind"] in ACTOR_KINDS}
    via: dict[tuple[str, str], list[str]] = {}
    for activity, data in graph.nodes(data=True):
        if data["kind"] not in ACTIVITY_KINDS:
            continue
        actors = sorted(n for n in graph[activity] if n in actor)
        for pair in itertools.combinations(actors, 2):
            via.setdefault(pair, []).append(activity)
    return via


def project_organisations(graph: nx.MultiGraph) -> nx.Graph:
    """The weighted organisation–organisation graph: two actors tied by what they share.

    `weight` counts the initiatives and events two organisations or States
    share, and `via` lists them. Collectives are left out.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from(["a", "b"], kind="organisation")
    >>> g.add_nodes_from(["initiative:1", "event:2"], kind="initiative")
    >>> g.add_edges_from([("a", "initiative:1"), ("b", "initiative:1"),
    ...                   ("a", "event:2"), ("b", "event:2")])
    [0, 0, 0, 0]
    >>> project_organisations(g).edges["a", "b"]
    {'weight': 2, 'via': ['initiative:1', 'event:2']}
    """
    # The projection follows the ties and the actors' own data (their names, types): kept
    # by shape and by those, so that a retitled event does not build it again.
    actors = remember(graph, ("actors",), lambda: _actors(graph))
    return remember(graph, ("projection", actors), lambda: _project(graph), structural=True)


def _actors(graph: nx.MultiGraph) -> str:
    digest = hashlib.sha256()
    for item in sorted(repr((n, d)) for n, d in graph.nodes(data=True)
                       if d["kind"] in ACTOR_KINDS):
        digest.update(item.encode())
    return digest.hexdigest()[:16]


def resolve_organisations(names: Iterable[str], registry: Registry) -> list[str]:
    """Registry ids for names, acronyms or ids as a person types them (`UNHCR`, `iom`).

    Raises
    ------
    PlannerError
        For a name the registry does not know, with the nearest ids.

    Examples
    --------
    >>> reg = Registry([Organisation(id="iom", name="International Organization for "
    ...                              "Migration", acronym="IOM", type="intergovernmental")])
    >>> resolve_organisations(["IOM", " iom "], reg)
    ['iom', 'iom']
    """
    ids = []
    for typed in names:
        name = typed.strip()
        found = registry[name] if name in registry else registry.resolve(name)
        if found is None:
            raise PlannerError(registry.unknown_message(name))
        ids.append(found.id)
    return ids
