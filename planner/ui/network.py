"""Network page: who the current event could still invite, the filters, the partner map with
its search and one actor's neighbourhood beside it, who matters, the two editions compared,
and the filtered graph for other tools. One filter narrows all of them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, TypedDict

import streamlit as st

from planner.errors import PlannerError
from planner.model import Event, InitiativeLevel, InvitationStatus, OrganisationType
from planner.network import (
    NetworkFilter,
    compare_editions,
    describe_ego,
    library_network,
    measure_centrality,
    rank_actors,
    suggest_partners,
    summarise_network,
)
from planner.network.filters import make_filter
from planner.network.formats import graph_tables, write_graph
from planner.network.picture import draw_network, find_browser
from planner.network.view import COLOUR_BY, find_actor, labelled, map_points
from planner.network.vocabulary import EDITIONS, EXPORT_FORMATS, MEASURES, TIE_ROLES
from planner.ui import phrases, state, widgets
from planner.ui.map import partner_map, window_around
from planner.ui.network_panels import editions_compared, neighbourhood, region_choices
from planner.ui.state import KEYS

if TYPE_CHECKING:
    import networkx as nx

    from planner.network.filters import NetworkFilter

#: This page's own widgets (the shared `KEYS` hold the filters).
SEARCH, COLOUR, ZOOM, MARK, FOCUS, CLICKED = (
    "network-search", "network-colour", "network-zoom", "network-mark-event",
    "network-focus", "network-clicked")
ZOOMS = (1, 2, 3, 4, 6, 8)
#: The table's columns of measures, with the measure each shows.
_MEASURED = {"partners": "degree", "shared": "weighted_degree", "activities": "activities",
             "betweenness": "betweenness", "eigenvector": "eigenvector"}
#: Names printed at every zoom: this many of the best-connected organisations and States.
ALWAYS_NAMED = 15
#: How close the map comes to an actor found or clicked, at the least.
FOCUS_ZOOM = 3


class _Choice(TypedDict):
    """The filters of `make_filter` the page offers."""

    editions: list[int]
    years: str | None
    levels: list[InitiativeLevel]
    regions: list[str]
    types: list[OrganisationType]
    roles: list[str]
    layers: list[str]
    without: list[str]
    partners_only: bool


def _filter() -> NetworkFilter | None:
    region, edition, level, role, kind = st.columns(5)
    with st.expander(phrases.NETWORK_FILTERS):
        one, two, three = st.columns(3)
        chosen: _Choice = {
            "regions": region.multiselect(phrases.say("Region"), region_choices(_network()),
                                          key=KEYS["net_regions"], accept_new_options=True,
                                          placeholder=phrases.CHOOSE_OR_ADD),
            "editions": edition.multiselect(phrases.say("Edition"), list(EDITIONS),
                                            key=KEYS["net_editions"], placeholder=phrases.CHOOSE),
            "levels": level.multiselect(phrases.say("Level"), list(InitiativeLevel),
                                        key=KEYS["net_levels"], placeholder=phrases.CHOOSE,
                                        format_func=phrases.shown_as(InitiativeLevel)),
            "roles": role.multiselect(phrases.say("Role"), TIE_ROLES, key=KEYS["net_roles"],
                                      format_func=phrases.shown_as(InvitationStatus),
                                      placeholder=phrases.CHOOSE),
            "types": kind.multiselect(phrases.say("Stakeholder type"), list(OrganisationType),
                                      key=KEYS["net_types"], placeholder=phrases.CHOOSE,
                                      format_func=phrases.shown_as(OrganisationType)),
            "years": one.text_input(phrases.NETWORK_YEARS, key=KEYS["net_years"]) or None,
            "layers": two.multiselect(phrases.say("Layers"), ["initiative", "event"],
                                      key=KEYS["net_layers"], format_func=phrases.say,
                                      placeholder=phrases.CHOOSE),
            "without": [three.text_input(phrases.NETWORK_WITHOUT, key=KEYS["net_without"])],
            "partners_only": one.toggle(phrases.say("Partners only"), key=KEYS["net_partners"]),
        }
    try:
        return make_filter(state.library().registry, **chosen)
    except PlannerError as err:
        st.error(str(err))
        return None


def _suggestions(event: Event, graph: Any) -> list[Any]:
    st.subheader(phrases.NETWORK_SUGGEST.format(event=event.title),
                 help=phrases.NETWORK_SUGGEST_HELP)
    found = suggest_partners(event, graph, state.library().registry, top=15)
    if found:
        st.dataframe([{"suggested partner": s.label, "kind": s.kind, "score": round(s.score, 1),
                       "why": s.reasons} for s in found], hide_index=True,
                     key="network-suggestions",
                     column_config={**phrases.SUGGESTION_COLUMNS,
                                    "why": st.column_config.ListColumn(
                                        phrases.SUGGESTION_COLUMNS["why"], width="large")})
    else:
        st.info(phrases.NETWORK_NO_SUGGESTIONS)
    return found


def _search(graph: Any) -> None:
    """Put the searched actor in focus; a bad name is said under the box."""
    try:
        st.session_state[FOCUS] = find_actor(graph, state.library().registry,
                                             st.session_state.get(SEARCH, ""))
    except PlannerError as err:
        st.session_state[FOCUS] = None
        st.session_state["network-search-error"] = str(err)


def _controls(graph: Any) -> tuple[str, int, bool]:
    find, colour, zoom, mark = st.columns([3, 2, 2, 2])
    find.text_input(phrases.say("Find an organisation or State"), key=SEARCH,
                    placeholder=phrases.NETWORK_FIND_PLACEHOLDER,
                    on_change=_search, args=(graph,),
                    help=phrases.NETWORK_FIND_HELP)
    if message := st.session_state.pop("network-search-error", None):
        find.error(message)
    chosen: str = colour.selectbox(phrases.say("Colour by"), tuple(COLOUR_BY),
                                   format_func=lambda c: phrases.say(COLOUR_BY[c]),
                                   key=COLOUR) or "kind"
    near = zoom.select_slider(phrases.say("Zoom"), ZOOMS, key=ZOOM, format_func=lambda z: f"{z}×",
                              help=phrases.NETWORK_ZOOM_HELP)
    marked = mark.toggle(phrases.say("Mark the event's people"), value=True, key=MARK,
                         help=phrases.NETWORK_MARK_HELP)
    return chosen, near, marked


def _map(graph: Any, event: Event | None, suggested: list[Any]) -> None:
    colour_by, zoom, marked = _controls(graph)
    points = map_points(graph, event=event if marked else None,
                        registry=state.library().registry,
                        suggestions=suggested if marked else (),
                        whole=_network())
    focus = st.session_state.get(FOCUS)
    focus = focus if focus in graph else None
    near: set[str] = set()
    ego = describe_ego(graph, focus) if focus else None
    if ego is not None:
        near = {a["id"] for a in ego["activities"]} | {p["id"] for p in ego["partners"]}
    where = {p.id: p for p in points}
    zoom = max(zoom, FOCUS_ZOOM) if focus else zoom
    window = window_around(points, where.get(focus) if focus else None, zoom)
    names = labelled(points, top=ALWAYS_NAMED, window=window if zoom > 1 else None)
    if ego is not None:  # the focus and its strongest partners, wherever the view is
        names += [ego["id"], *(p["id"] for p in ego["partners"][:10])]
    left, right = st.columns([3, 2])
    with left:
        actors = sum(p.kind in ("organisation", "state") for p in points)
        st.caption(phrases.NETWORK_ON_MAP.format(count=actors))
        picked = st.plotly_chart(
            partner_map(points, list(graph.edges()), colour_by=colour_by,
                        labels=list(dict.fromkeys(names)), focus=focus, near=near,
                        window=window),
            on_select="rerun", selection_mode="points", key=KEYS["net_map"],
            config={"scrollZoom": True, "displaylogo": False})
        st.caption(phrases.NETWORK_MAP_HELP)
    with right:
        neighbourhood(ego)
    # Only an organisation or State has partners to show; a click elsewhere is ignored.
    clicked = [c for p in (picked.selection.points if picked else [])
               if (c := p.get("customdata")) in graph
               and graph.nodes[c]["kind"] in ("organisation", "state")]
    if clicked and clicked[0] != st.session_state.get(CLICKED):
        st.session_state[CLICKED] = st.session_state[FOCUS] = clicked[0]
        st.rerun()


def _who_matters(graph: Any) -> None:
    st.subheader(phrases.NETWORK_WHO_MATTERS, help=phrases.NETWORK_WHO_MATTERS_HELP)
    centrality = measure_centrality(graph)
    rows = [{"organisation or State": r["label"], "kind": r["kind"], "type": r["type"],
             "partners": r["degree"], "shared": r["weighted_degree"], "activities": r["activities"],
             "betweenness": centrality[r["id"]]["betweenness"],
             "eigenvector": centrality[r["id"]]["eigenvector"]} for r in rank_actors(graph)]
    config = {column: st.column_config.NumberColumn(
        MEASURES[measure].words, help=MEASURES[measure].help,
        format="%.3f" if column in ("betweenness", "eigenvector") else "%d")
        for column, measure in _MEASURED.items()}
    st.dataframe(rows, hide_index=True, column_config=config, key="network-who-matters")


def _table(graph: Any, index: int) -> bytes:
    return graph_tables(graph)[index]


def _downloads(graph: Any) -> None:
    st.subheader(phrases.NETWORK_DOWNLOADS)
    columns = iter(st.columns(7))
    for fmt in (f for f in EXPORT_FORMATS.values() if f.writer == "graph"):
        with next(columns):
            widgets.download(fmt.label, partial(write_graph, graph, fmt=fmt.name),
                             file_name=f"network{fmt.suffix}", key=f"network-{fmt.name}")
    for index, name in enumerate(("nodes", "edges")):
        with next(columns):
            widgets.download(f"{name} CSV", partial(_table, graph, index),
                             file_name=f"network-{name}.csv", key=f"network-{name}")
    for fmt in (f for f in EXPORT_FORMATS.values() if f.writer == "picture"):
        with next(columns):
            if fmt.name == "png" and not find_browser():
                st.caption(phrases.NETWORK_NO_PNG)
                continue
            widgets.download(fmt.label, partial(draw_network, graph, fmt=fmt.name),
                             file_name=f"network{fmt.suffix}", key=f"network-{fmt.name}")


def _network(spec: NetworkFilter | None = None) -> nx.MultiGraph:
    # Built from the events the app already holds: after a save nothing is read twice.
    return library_network(state.library(), spec, events=state.held_events())


def render() -> None:
    """Who the event could still invite; the filtered map, searchable, with one actor's
    neighbourhood; who matters; the editions compared; the downloads."""
    st.title(phrases.NETWORK_TITLE)
    st.caption(phrases.NETWORK_INTRO)
    event = state.current_event()
    top = st.container()  # the event's suggestions first, though they follow the filters
    spec = _filter()
    if spec is None:
        return
    with st.spinner(phrases.NETWORK_LAYING_OUT):
        graph = _network(spec)
        if graph.number_of_nodes() == 0:
            st.info(phrases.NETWORK_EMPTY)
            return
        summary = summarise_network(graph, top=25)
    nodes = summary["nodes"]
    st.caption(phrases.NETWORK_SIZE.format(
        organisations=nodes["organisation"], states=nodes["state"],
        initiatives=nodes["initiative"], events=nodes["event"],
        ties=summary["projection"]["edges"], components=summary["projection"]["components"]))
    with top:
        suggested = _suggestions(event, graph) if event is not None else []
    _map(graph, event, suggested)
    _who_matters(graph)
    editions_compared(compare_editions(graph), colour_key=COLOUR)
    _downloads(graph)
