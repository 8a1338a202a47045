"""Betweenness and eigenvector centrality with array arithmetic, for large partner graphs.

A 10,000-person event ties hundreds of organisations to each other at once: the
projection then has tens of thousands of partner pairs, and networkx's pure-Python
breadth-first searches take seconds. The same quantities computed level by level as
matrix products (Brandes' algorithm, all sources at once) take milliseconds, and give
networkx's numbers: the same sampled sources for the same seed, the same scaling.
"""

from __future__ import annotations

import random

import networkx as nx
import numpy as np

from planner.network.build import remember

__all__ = ["betweenness", "eigenvector", "sample_sources", "weights"]


def weights(projection: nx.Graph) -> tuple[list[str], np.ndarray]:
    """The actors and their symmetric matrix of shared initiatives and events, built once
    per content of the projection (networkx's `to_numpy_array` is ten times slower)."""
    def compute() -> tuple[list[str], np.ndarray]:
        nodes = list(projection)
        index = {node: i for i, node in enumerate(nodes)}
        ties = [(index[u], index[v], w) for u, v, w in projection.edges(data="weight",
                                                                          default=1)]
        matrix = np.zeros((len(nodes), len(nodes)))
        if ties:
            left, right, weight = (np.array(column) for column in zip(*ties, strict=True))
            matrix[left, right] = weight
            matrix[right, left] = weight
        return nodes, matrix
    return remember(projection, ("weights",), compute)


def sample_sources(projection: nx.Graph, samples: int | None, seed: int) -> list[str]:
    """The sources betweenness is counted from: all actors, or `samples` of them drawn
    with `seed` as networkx draws them (`random.Random(seed).sample`)."""
    nodes = list(projection)
    if samples is None or samples >= len(nodes):
        return nodes
    return random.Random(seed).sample(nodes, samples)  # noqa: S311 -- a sample, not a secret


def betweenness(projection: nx.Graph, sources: list[str]) -> dict[str, float]:
    """Normalised betweenness (unweighted shortest paths) counted from `sources`, scaled as
    `networkx.betweenness_centrality(normalized=True, k=len(sources))` scales it.

    Examples
    --------
    >>> path = nx.path_graph(["a", "b", "c"])
    >>> betweenness(path, list(path))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    nodes, matrix = weights(projection)
    n = len(nodes)
    if n < 3 or not sources:
        return dict.fromkeys(nodes, 0.0)
    adjacency = (matrix > 0).astype(np.float64)
    index = {node: i for i, node in enumerate(nodes)}
    rows = np.arange(len(sources))
    start = np.array([index[s] for s in sources])
    # Forward: paths counted level by level from every source at once.
    sigma = np.zeros((len(sources), n))
    sigma[rows, start] = 1.0
    level = np.full((len(sources), n), -1, dtype=np.int64)
    level[rows, start] = 0
    frontier = sigma.copy()
    depth = 0
    while frontier.any():
        depth += 1
        reached = frontier @ adjacency
        new = (reached > 0) & (level < 0)
        level[new] = depth
        sigma[new] = reached[new]
        frontier = np.where(new, sigma, 0.0)
    # Backward: each node's share of the paths through it, deepest level first.
    delta = np.zeros((len(sources), n))
    safe = np.where(sigma > 0, sigma, 1.0)
    for d in range(depth - 1, 0, -1):
        coefficient = np.where(level == d + 1, (1.0 + delta) / safe, 0.0)
        delta += np.where(level == d, sigma * (coefficient @ adjacency), 0.0)
    delta[rows, start] = 0.0
    totals = delta.sum(axis=0)
    k = len(sources)
    if k == n:
        return {node: float(totals[i]) / ((n - 1) * (n - 2)) for i, node in enumerate(nodes)}
    # networkx 3.5+: a sampled source cannot count itself, so it has one source fewer.
    drawn = set(sources)
    return {node: float(totals[i]) / ((k - 1 if node in drawn else k) * (n - 2))
            if k > 1 or node not in drawn else 0.0 for i, node in enumerate(nodes)}


def eigenvector(projection: nx.Graph, *, max_iter: int = 1000, tol: float = 1e-6) -> dict[
        str, float]:
    """Weighted eigenvector centrality by the power iteration networkx runs (on A + I, from
    a uniform start, unit length), with arrays; zeros when it does not converge.

    Examples
    --------
    >>> star = nx.star_graph(3)
    >>> round(eigenvector(star)[0], 4)
    0.7071
    """
    nodes, matrix = weights(projection)
    n = len(nodes)
    if n == 0 or projection.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0)
    vector = np.full(n, 1.0 / n)
    vector /= vector.sum()
    for _ in range(max_iter):
        last = vector
        vector = last + matrix @ last
        vector /= np.linalg.norm(vector) or 1.0
        if np.abs(vector - last).sum() < n * tol:
            return {node: float(vector[i]) for i, node in enumerate(nodes)}
    return dict.fromkeys(nodes, 0.0)
