"""A picture of the partner graph for reports: SVG, or PNG through a headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx

from planner.errors import PlannerError
from planner.network.build import remember
from planner.network.formats import KIND_COLOURS
from planner.network.vocabulary import EXPORT_FORMATS

__all__ = ["PICTURE_FORMATS", "draw_network", "find_browser", "lay_out"]

#: The picture formats of `draw_network`.
PICTURE_FORMATS = tuple(f.name for f in EXPORT_FORMATS.values() if f.writer == "picture")
_WIDTH, _HEIGHT, _MARGIN = 1200, 900, 60
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def lay_out(graph: nx.Graph, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Positions in the unit square from a seeded force-directed layout: same seed, same picture.

    Examples
    --------
    >>> lay_out(nx.path_graph(3)) == lay_out(nx.path_graph(3))
    True
    """
    def compute() -> dict[str, tuple[float, float]]:
        simple: nx.Graph[str] = nx.Graph(graph)
        pieces = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
        if not pieces:
            return {}
        # The main component fills the picture; small ones line up along the bottom
        # instead of pushing it into the middle.
        rest = pieces[1:]
        # Twice networkx's natural spacing: the hubs (UNHCR, IOM) pull everyone to the
        # middle, and the names of the best-connected must fit between them.
        main = simple.subgraph(pieces[0])
        spacing = 2 / max(len(main), 1) ** 0.5
        place = _fit(_spread(nx.spring_layout(main, seed=seed, iterations=60, k=spacing)),
                     (0.0, 0.0, 1.0, 0.85 if rest else 1.0))
        for index, piece in enumerate(rest):
            left = index / len(rest)
            box = (left, 0.9, left + 0.8 / len(rest), 1.0)
            place.update(_fit(nx.spring_layout(simple.subgraph(piece), seed=seed), box))
        return place
    return remember(graph, ("layout", seed), compute, structural=True)


def _spread(raw: dict) -> dict[str, tuple[float, float]]:
    """Pull the crowded middle apart: each point's distance from the centre to the power
    0.6, so that the hubs' names fit while the outer clusters keep their shape."""
    if len(raw) < 3:
        return {n: (float(p[0]), float(p[1])) for n, p in raw.items()}
    cx = sum(float(p[0]) for p in raw.values()) / len(raw)
    cy = sum(float(p[1]) for p in raw.values()) / len(raw)
    spread = {}
    for node, p in raw.items():
        dx, dy = float(p[0]) - cx, float(p[1]) - cy
        radius = (dx * dx + dy * dy) ** 0.5
        scale = radius ** -0.4 if radius > 0 else 0.0
        spread[node] = (dx * scale, dy * scale)
    return spread


def _fit(raw: dict, box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    xs, ys = [float(p[0]) for p in raw.values()], [float(p[1]) for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    left, top, right, bottom = box
    single = len(raw) == 1
    return {n: (left + (right - left) * (0.5 if single else (float(p[0]) - min(xs)) / span_x),
                top + (bottom - top) * (0.5 if single else (float(p[1]) - min(ys)) / span_y))
            for n, p in raw.items()}


def _svg(graph: nx.Graph, seed: int, labelled: int) -> str:
    place = {n: (_MARGIN + x * (_WIDTH - 2 * _MARGIN), _MARGIN + y * (_HEIGHT - 2 * _MARGIN))
             for n, (x, y) in lay_out(graph, seed=seed).items()}
    degree = dict(nx.Graph(graph).degree)
    actors = [n for n in degree if graph.nodes[n].get("kind") in ("organisation", "state")]
    named = set(sorted(actors or degree, key=lambda n: (-degree[n], str(n)))[:labelled])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{_HEIGHT}" '
             f'viewBox="0 0 {_WIDTH} {_HEIGHT}" font-family="sans-serif">',
             f'<rect width="{_WIDTH}" height="{_HEIGHT}" fill="white"/>',
             '<g stroke="#999" stroke-opacity="0.35" stroke-width="0.6">']
    parts += [f'<line x1="{place[u][0]:.1f}" y1="{place[u][1]:.1f}" '
              f'x2="{place[v][0]:.1f}" y2="{place[v][1]:.1f}"/>'
              for u, v in sorted(nx.Graph(graph).edges, key=str)]
    parts.append("</g>")
    for node in sorted(graph, key=lambda n: (degree[n], str(n))):
        data = graph.nodes[node]
        colour = KIND_COLOURS.get(data.get("kind", ""), "#000000")
        x, y = place[node]
        title = escape(str(data.get("label", node)))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{3 + 1.5 * degree[node] ** 0.5:.1f}"'
                     f' fill="{colour}" stroke="white" stroke-width="0.5">'
                     f"<title>{title}</title></circle>")
        if node in named:
            short = escape(str(data.get("label", node))[:28])
            parts.append(f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="11">{short}</text>')
    for row, (kind, colour) in enumerate(KIND_COLOURS.items()):
        parts.append(f'<circle cx="20" cy="{20 + 18 * row}" r="6" fill="{colour}"/>'
                     f'<text x="32" y="{24 + 18 * row}" font-size="12">{escape(kind)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def find_browser() -> str | None:
    """The headless Chromium a PNG is drawn with, or None when none is installed."""
    return next(filter(None, map(shutil.which, _BROWSERS)), None)


def _png(svg: str) -> bytes:
    browser = find_browser()
    if browser is None:
        raise PlannerError("a PNG needs Chromium (apt-get install chromium); "
                           "--format svg needs nothing")
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "network.svg", Path(folder) / "network.png"
        source.write_text(svg, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   f"--user-data-dir={folder}/profile", f"--screenshot={target}",
                   f"--window-size={_WIDTH},{_HEIGHT}", source.as_uri()]
        done = subprocess.run(command, capture_output=True, timeout=60, check=False)  # noqa: S603
        if not target.exists():
            raise PlannerError(f"Chromium made no picture: {done.stderr.decode()[-300:]}")
        return target.read_bytes()


def draw_network(graph: nx.Graph, *, fmt: str = "svg", seed: int = 0,
                 labelled: int = 25) -> bytes:
    """A picture of the graph: laid out with `seed`, coloured by kind, sized by degree.

    The `labelled` best-connected organisations and States carry their label;
    every node shows its label on hover in the SVG. The largest connected part
    fills the picture, smaller ones line up along the bottom.

    Raises
    ------
    PlannerError
        For an unknown format, or a PNG without Chromium.

    Examples
    --------
    >>> g = nx.Graph([("a", "b")])
    >>> draw_network(g)[:4]
    b'<svg'
    """
    if fmt not in PICTURE_FORMATS:
        raise PlannerError(f"unknown picture format '{fmt}'; use svg or png")
    svg = _svg(graph, seed, labelled)
    return svg.encode("utf-8") if fmt == "svg" else _png(svg)

