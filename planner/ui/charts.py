"""Figures the pages draw, built from what the domain functions return."""

from __future__ import annotations

from typing import Any

from planner.model import ACTION_POINTS

__all__ = ["coverage_heatmap"]


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
