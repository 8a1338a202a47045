"""Recommendations and what cites them: reference keys and levels."""

from __future__ import annotations

from collections import defaultdict

from planner.model import Recommendation

__all__ = ["index_references", "recommendation_levels"]


def recommendation_levels(recommendations: list[Recommendation]) -> dict[int, int]:
    """The nesting level of each recommendation, by its `order` (1 = top level).

    Examples
    --------
    >>> recs = [Recommendation(order=1, text="a"), Recommendation(order=2, parent=1, text="b")]
    >>> recommendation_levels(recs)
    {1: 1, 2: 2}
    """
    parents = {rec.order: rec.parent for rec in recommendations}
    levels: dict[int, int] = {}
    for order, parent in parents.items():
        level, seen, current = 1, {order}, parent
        while current is not None and current not in seen:
            level, current = level + 1, parents.get(current)
            seen.add(current or 0)
        levels[order] = level
    return levels


def index_references(recommendations: list[Recommendation]) -> dict[str, list[Recommendation]]:
    """Recommendations by reference key; a key with two entries is ambiguous.

    Examples
    --------
    >>> recs = [Recommendation(order=1, section="III", label="iii", text="a"),
    ...         Recommendation(order=2, section="III", label="iii", text="b")]
    >>> [len(v) for v in index_references(recs).values()]
    [2]
    """
    index: dict[str, list[Recommendation]] = defaultdict(list)
    for rec in recommendations:
        index[rec.ref].append(rec)
    return dict(index)
