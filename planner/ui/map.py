"""The partner map as a Plotly figure: points from `planner.network.view.map_points`, names
where the view says, the event's people ringed, one actor and its partners brought forward.

Plotly is a dependency already and Streamlit serves its JavaScript from the app itself,
so the map works with no internet; it zooms and pans in the browser, and a click on a
point comes back to the page as its node id (`customdata`).
"""

from __future__ import annotations

import math
from typing import Any

from planner.language import N_
from planner.network.formats import KIND_COLOURS
from planner.network.view import MapPoint
from planner.ui import phrases

__all__ = ["PART_MARKS", "partner_map", "window_around"]

#: How the current event's actors are ringed, with their legend words.
PART_MARKS = {"host": ("#000000", N_("host of the event")),
              "organiser": ("#000000", N_("organiser of the event")),
              "invited": ("#6a3d9a", N_("invited to the event")),
              "participant": ("#1b9e77", N_("registered participant")),
              "suggested": ("#ff7f00", N_("suggested partner (mapped but not invited)"))}
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39")
_SIDES = ("top center", "bottom center", "middle right", "middle left")
_EDITION_COLOURS = {N_("only 2011"): "#1f77b4", "only 2016": "#d62728", N_("both"): "#6a3d9a",
                    N_("events only"): "#bdbdbd"}


def window_around(points: list[MapPoint], centre: MapPoint | None,
                  zoom: float) -> tuple[float, float, float, float]:
    """The part of the map shown: the points' extent at zoom 1, else a square `zoom` times
    smaller around `centre` (the middle of the points without one).

    Examples
    --------
    >>> spot = MapPoint("a", "A", "organisation", 0.5, 0.5, 1, {})
    >>> window_around([spot], spot, 4)
    (0.375, 0.375, 0.625, 0.625)
    """
    xs, ys = [p.x for p in points] or [0.5], [p.y for p in points] or [0.5]
    if zoom <= 1:
        pad = 0.03 + 0.03 * max(max(xs) - min(xs), max(ys) - min(ys))
        return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
    half = 0.5 / zoom
    x, y = (centre.x, centre.y) if centre is not None else (
        (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return (x - half, y - half, x + half, y + half)


def _colours(points: list[MapPoint], colour_by: str) -> dict[str, str]:
    if colour_by == "kind":
        return KIND_COLOURS
    if colour_by == "edition":
        return _EDITION_COLOURS
    groups = sorted({p.groups[colour_by] for p in points},
                    key=lambda g: (g == "", len(g), g))  # communities 1, 2, … 10 in order
    return {g: _PALETTE[i % len(_PALETTE)] if g else "#d9d9d9" for i, g in enumerate(groups)}


def _hover(point: MapPoint) -> str:
    says = [f"<b>{point.label}</b>", phrases.say("{count} partners").format(count=point.partners)
            if point.kind in ("organisation", "state") else
            phrases.say("{count} actors").format(count=point.partners)]
    if point.part:
        says.append(phrases.say(PART_MARKS[point.part][1]))
    says += point.reasons[:2]
    return "<br>".join(says)


def _size(point: MapPoint) -> float:
    return 6 + 2.2 * math.sqrt(point.partners)


def _legend_name(colour_by: str, group: str) -> str:
    if colour_by == "community":
        return phrases.say("community {number}").format(number=group) if group else phrases.say(
            "no partners")
    return phrases.say(group or "other")  # a kind, an edition, a stakeholder type


def partner_map(points: list[MapPoint], edges: list[tuple[str, str]], *, colour_by: str,
                labels: list[str], focus: str | None = None,
                near: frozenset[str] | set[str] = frozenset(),
                window: tuple[float, float, float, float] | None = None,
                height: int = 640) -> Any:
    """The map: ties as thin lines, a point per node coloured by `colour_by` and sized by
    partners, the names of `labels`, the event's people ringed, and `focus` with `near`
    (its partners, initiatives and events) drawn strong while the rest fades."""
    import plotly.graph_objects as go  # noqa: PLC0415 -- slow import

    where = {p.id: p for p in points}
    lit = ({focus} | set(near)) if focus else set(where)
    traces: list[Any] = []
    strong = [(u, v) for u, v in edges if focus and u in lit and v in lit]
    faint = [(u, v) for u, v in edges if not (focus and u in lit and v in lit)]
    for ties, width, colour in ((faint, 0.5, "#d0d0d0"), (strong, 1.2, "#888888")):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for u, v in ties:
            xs += [where[u].x, where[v].x, None]
            ys += [where[u].y, where[v].y, None]
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                 line={"width": width, "color": colour}))
    colours = _colours(points, colour_by)
    for group, colour in colours.items():
        mine = [p for p in points if p.groups.get(colour_by) == group]
        if not mine:
            continue
        traces.append(go.Scatter(
            x=[p.x for p in mine], y=[p.y for p in mine], mode="markers",
            name=_legend_name(colour_by, group), customdata=[p.id for p in mine],
            hovertext=[_hover(p) for p in mine], hoverinfo="text",
            marker={"color": colour, "size": [_size(p) for p in mine],
                    "opacity": [0.95 if p.id in lit else 0.2 for p in mine],
                    "line": {"width": 0.5, "color": "white"}}))
    for part, (colour, words) in PART_MARKS.items():
        mine = [p for p in points if p.part == part]
        if mine:
            traces.append(go.Scatter(
                x=[p.x for p in mine], y=[p.y for p in mine], mode="markers",
                name=phrases.say(words),
                customdata=[p.id for p in mine], hovertext=[_hover(p) for p in mine],
                hoverinfo="text", marker={"symbol": "circle-open", "color": colour,
                                          "size": [_size(p) + 7 for p in mine],
                                          "line": {"width": 2.5}}))
    named = [where[i] for i in labels if i in where]
    traces.append(go.Scatter(
        x=[p.x for p in named], y=[p.y for p in named], mode="text", showlegend=False,
        text=[p.label for p in named], customdata=[p.id for p in named],
        hovertext=[_hover(p) for p in named], hoverinfo="text",
        # Neighbouring hubs name themselves on different sides, so that names cross less.
        textposition=[_SIDES[i % len(_SIDES)] for i in range(len(named))],
        textfont={"size": [15 if p.id == focus else 11 for p in named],
                  "color": ["#b00020" if p.id == focus else "#222222" for p in named]}))
    if focus in where:
        centre = where[focus]
        traces.append(go.Scatter(x=[centre.x], y=[centre.y], mode="markers", name=centre.label,
                                 customdata=[focus], hovertext=[_hover(centre)],
                                 hoverinfo="text", marker={"symbol": "circle-open",
                                 "size": _size(centre) + 14, "color": "#b00020",
                                 "line": {"width": 3}}))
    x0, y0, x1, y1 = window or window_around(points, None, 1)
    figure = go.Figure(traces)
    figure.update_layout(
        height=height, margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white",
        legend={"orientation": "h", "y": -0.02}, dragmode="pan", hovermode="closest",
        # A new window (a search, a click, a zoom) must move the view; panning by hand
        # within one window must survive the reruns a click makes.
        uirevision=f"{focus}:{window}",
        xaxis={"visible": False, "range": [x0, x1]},
        yaxis={"visible": False, "range": [y1, y0]})
    return figure
