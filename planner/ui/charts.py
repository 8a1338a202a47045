"""Figures the pages draw, built from what the domain functions return."""

from __future__ import annotations

from typing import Any

from planner.language import N_
from planner.model import ACTION_POINTS
from planner.ui import phrases

__all__ = [
    "balance_chart",
    "coverage_heatmap",
    "group_balance_chart",
    "network_map",
    "status_chart",
]

#: The dimensions of balance the charts show, with their titles.
BALANCE_DIMENSIONS = {"stakeholder_type": N_("Stakeholder type"), "region": N_("Region"),
                      "gender": N_("Gender"), "seniority": N_("Seniority")}
_MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def coverage_heatmap(table: dict[int, dict[str, tuple[int, int]]]) -> Any:
    """Action points × events, shaded by working groups plus recommendations."""
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import

    points = list(table)
    events = list(next(iter(table.values()), {}))
    values = [[sum(table[p][e]) for e in events] for p in points]
    text = [[f"{table[p][e][0]} wg / {table[p][e][1]} rec" for e in events] for p in points]
    labels = [f"{p}. {ACTION_POINTS[p].name}" for p in points]
    figure = go.Figure(go.Heatmap(z=values, x=events, y=labels, text=text,
                                  hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
                                  colorscale="Blues"))
    figure.update_layout(height=420, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         yaxis={"autorange": "reversed"})
    return figure


def balance_chart(rows: list[dict[str, Any]]) -> Any:
    """The event's mix, one bar chart per dimension, from `balance_rows`' event rows."""
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import
    from plotly.subplots import make_subplots  # noqa: PLC0415 -- slow import

    figure = make_subplots(rows=1, cols=len(BALANCE_DIMENSIONS),
                           subplot_titles=[phrases.say(t) for t in BALANCE_DIMENSIONS.values()])
    for column, dimension in enumerate(BALANCE_DIMENSIONS, start=1):
        shown = [r for r in rows if r["scope"] == "event" and r["dimension"] == dimension]
        figure.add_trace(go.Bar(x=[r["category"] for r in shown], y=[r["count"] for r in shown],
                                text=[f"{r['share']:.0%}" for r in shown], name=dimension,
                                showlegend=False), row=1, col=column)
    figure.update_layout(height=320, margin=_MARGIN)
    return figure


def group_balance_chart(rows: list[dict[str, Any]], dimension: str) -> Any:
    """Each working group's members by one dimension, stacked, from `balance_rows`."""
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import

    shown = [r for r in rows if r["scope"] == "working-group" and r["dimension"] == dimension]
    figure = go.Figure()
    for category in dict.fromkeys(r["category"] for r in shown):
        mine = [r for r in shown if r["category"] == category]
        figure.add_trace(go.Bar(x=[r["ref"] for r in mine], y=[r["count"] for r in mine],
                                name=category))
    figure.update_layout(barmode="stack", height=340, margin=_MARGIN,
                         legend={"orientation": "h"})
    return figure


def status_chart(by_area: dict[str, dict[str, int]], categories: tuple[str, ...]) -> Any:
    """Follow-up items per area, stacked by where they stand (done, overdue…)."""
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import

    colours = {"done": "#2e7d32", "in progress": "#1976d2", "overdue": "#c62828",
               "planned": "#9e9e9e", "dropped": "#6d4c41"}
    areas = list(by_area)
    figure = go.Figure([go.Bar(y=areas, x=[by_area[a].get(c, 0) for a in areas],
                               name=phrases.FOLLOW_UP_CATEGORIES.get(c, c),
                               orientation="h", marker_color=colours.get(c))
                        for c in categories])
    figure.update_layout(barmode="stack", height=120 + 28 * len(areas), margin=_MARGIN,
                         yaxis={"autorange": "reversed"}, legend={"orientation": "h"})
    return figure


def network_map(graph: Any, positions: dict[str, tuple[float, float]], *,
                colours: dict[str, str], height: int = 620) -> Any:
    """The partner graph at `positions`: coloured by kind, sized by degree, labels on hover;
    points carry their node id (`customdata`) so that a click can choose one."""
    import numpy as np  # noqa: PLC0415 -- slow import
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import

    # Arrays, not lists: plotly checks a list item by item, an array at once.
    ends = np.array([(positions[u], positions[v], (np.nan, np.nan))
                     for u, v in graph.edges()]).reshape(-1, 2)
    traces = [go.Scatter(x=ends[:, 0] if len(ends) else [], y=ends[:, 1] if len(ends) else [],
                         mode="lines", hoverinfo="skip", showlegend=False,
                         line={"width": 0.5, "color": "#c8c8c8"})]
    for kind, colour in colours.items():
        nodes = [n for n, data in graph.nodes(data=True) if data.get("kind") == kind]
        if nodes:
            place = np.array([positions[n] for n in nodes])
            degrees = np.array([graph.degree(n) for n in nodes], dtype=float)
            traces.append(go.Scatter(
                x=place[:, 0], y=place[:, 1], mode="markers", name=kind, customdata=nodes,
                text=[f"{graph.nodes[n].get('label', n)} ({graph.degree(n)} ties)" for n in nodes],
                hovertemplate="%{text}<extra></extra>",
                marker={"color": colour, "size": 5 + 2.2 * np.sqrt(degrees),
                        "line": {"width": 0.5, "color": "white"}}))
    figure = go.Figure(traces)
    figure.update_layout(height=height, margin={"l": 0, "r": 0, "t": 10, "b": 0},
                         legend={"orientation": "h"}, xaxis={"visible": False},
                         yaxis={"visible": False, "autorange": "reversed"},
                         plot_bgcolor="white")
    return figure
