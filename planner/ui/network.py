"""Network page: the partner map with the filters, who is central, one organisation's own
network, who is mapped but not invited to the current event, and the graph for other tools."""

from __future__ import annotations

from functools import partial
from typing import Any, TypedDict

import streamlit as st

from planner.errors import PlannerError
from planner.model import InitiativeLevel, OrganisationType
from planner.network import (
    NetworkFilter,
    describe_ego,
    ego_network,
    library_network,
    suggest_partners,
    summarise_network,
)
from planner.network.filters import make_filter
from planner.network.formats import KIND_COLOURS, graph_tables, write_graph
from planner.network.picture import draw_network, find_browser, lay_out
from planner.network.vocabulary import EDITIONS, EXPORT_FORMATS, TIE_ROLES
from planner.ui import charts, phrases, state, widgets
from planner.ui.state import KEYS


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
    with st.expander(phrases.NETWORK_FILTERS):
        one, two, three = st.columns(3)
        chosen: _Choice = {
            "editions": one.multiselect("Edition", list(EDITIONS), key=KEYS["net_editions"]),
            "years": one.text_input(phrases.NETWORK_YEARS, key=KEYS["net_years"]) or None,
            "levels": one.multiselect("Level", list(InitiativeLevel), key=KEYS["net_levels"]),
            "regions": [r.strip() for r in two.text_input("Region", key=KEYS["net_regions"])
                        .split(",") if r.strip()],
            "types": two.multiselect("Stakeholder type", list(OrganisationType),
                                     key=KEYS["net_types"]),
            "roles": two.multiselect("Role", TIE_ROLES, key=KEYS["net_roles"]),
            "layers": three.multiselect("Layers", ["initiative", "event"],
                                        key=KEYS["net_layers"]),
            "without": [three.text_input(phrases.NETWORK_WITHOUT, key=KEYS["net_without"])],
            "partners_only": three.toggle("Partners only", key=KEYS["net_partners"]),
        }
    try:
        return make_filter(state.library().registry, **chosen)
    except PlannerError as err:
        st.error(str(err))
        return None


@st.cache_resource(show_spinner=False, max_entries=16)
def _figure(fingerprint: str, centre: str | None, _graph: Any) -> Any:
    # Keyed by the graph's fingerprint (`_graph` is left out of the key): the map is drawn
    # once per filtered network and centre, not on every rerun.
    shown = _graph if centre is None else ego_network(_graph, centre)
    return charts.network_map(shown, lay_out(_graph), colours=KIND_COLOURS,
                              height=620 if centre is None else 420)


def _map(graph: Any, summary: dict[str, Any]) -> str | None:
    nodes = summary["nodes"]
    st.caption(phrases.NETWORK_SIZE.format(
        organisations=nodes["organisation"], states=nodes["state"],
        initiatives=nodes["initiative"], events=nodes["event"],
        ties=summary["projection"]["edges"], components=summary["projection"]["components"]))
    picked = st.plotly_chart(_figure(graph.graph["fingerprint"], None, graph), on_select="rerun",
                             selection_mode="points", key=KEYS["net_map"])
    st.caption(phrases.NETWORK_MAP_HELP)
    points = picked.selection.points if picked else []
    return points[0].get("customdata") if points else None


def _ego(graph: Any, ranked: list[dict[str, Any]], clicked: str | None) -> None:
    st.subheader(phrases.NETWORK_EGO)
    ids = [row["id"] for row in ranked]
    if clicked in ids:
        st.session_state[KEYS["net_ego"]] = clicked
    labels = {row["id"]: row["label"] for row in ranked}
    centre = st.selectbox(phrases.NETWORK_EGO_CHOICE, ids, format_func=lambda i: labels[i],
                          key=KEYS["net_ego"])
    # Positions from the whole map, so that the organisation's network is seen in place.
    left, right = st.columns([3, 2])
    left.plotly_chart(_figure(graph.graph["fingerprint"], centre, graph), key=KEYS["net_ego_map"])
    partners = describe_ego(graph, centre)["partners"]
    right.dataframe([{"partner": p["label"], "shared": p["weight"],
                      "through": "; ".join(v["label"] for v in p["via"][:3])} for p in partners],
                    hide_index=True, height=420)


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


def render() -> None:
    """Filter the partner network; see it, its central actors, one actor's network, and
    who could be invited; download it."""
    st.title(phrases.NETWORK_TITLE)
    st.caption(phrases.NETWORK_INTRO)
    spec = _filter()
    if spec is None:
        return
    library = state.library()
    with st.spinner(phrases.NETWORK_LAYING_OUT):
        graph = library_network(library, spec)
        if graph.number_of_nodes() == 0:
            st.info(phrases.NETWORK_EMPTY)
            return
        summary = summarise_network(graph, top=25)
        clicked = _map(graph, summary)
    st.subheader(phrases.NETWORK_METRICS)
    st.dataframe(summary["top_degree"], hide_index=True)
    _ego(graph, summary["top_degree"], clicked)
    event = state.current_event()
    if event is not None:
        st.subheader(phrases.NETWORK_SUGGEST.format(event=event.title))
        suggestions = [s.to_dict() for s in suggest_partners(event, graph, library.registry,
                                                                top=15)]
        if suggestions:
            st.dataframe(suggestions, hide_index=True,
                         column_config={"reasons": st.column_config.ListColumn(width="large")})
        else:
            st.info(phrases.NETWORK_NO_SUGGESTIONS)
    _downloads(graph)
