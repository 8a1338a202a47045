"""Recommendations and what cites them: reference keys, their resolution, and wording."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from planner.model import Recommendation

__all__ = [
    "citation_key",
    "closest_recommendations",
    "index_references",
    "normalise_reference",
    "recommendation_levels",
    "resolve_reference",
    "wording_similarity",
]


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


def citation_key(rec: Recommendation, index: dict[str, list[Recommendation]]) -> str:
    """The key that cites `rec` alone: its `ref`, plus `#order` where the ref is shared.

    Examples
    --------
    >>> recs = [Recommendation(order=4, section="3", label="iii", text="a"),
    ...         Recommendation(order=5, section="3", label="iii", text="b")]
    >>> citation_key(recs[1], index_references(recs))
    '3 (iii) #5'
    """
    return rec.ref if len(index.get(rec.ref, [])) == 1 else f"{rec.ref} #{rec.order}"


_QUALIFIED = re.compile(r"^(?P<ref>.*\S) #(?P<order>\d+)$")


def resolve_reference(citation: str,
                      index: dict[str, list[Recommendation]]) -> list[Recommendation]:
    """The recommendations a citation names: none (dangling), one, or several (ambiguous).

    A citation is a `ref` as printed (`V (x)`), or a shared ref qualified by
    the recommendation's order (`3 c (iii) #23`) to pick one of its holders.

    Examples
    --------
    >>> recs = [Recommendation(order=4, section="3", label="iii", text="a"),
    ...         Recommendation(order=5, section="3", label="iii", text="b")]
    >>> index = index_references(recs)
    >>> [len(resolve_reference(c, index)) for c in ("3 (iii)", "3 (iii) #5", "3 (ix)")]
    [2, 1, 0]
    """
    if citation in index:
        return list(index[citation])
    qualified = _QUALIFIED.match(citation)
    if qualified is None:
        return []
    order = int(qualified["order"])
    return [rec for rec in index.get(qualified["ref"], []) if rec.order == order]


_ROMAN_UPPER = re.compile(r"\(\s*([IVXLC]+)\s*\)")


def normalise_reference(citation: str) -> str:
    """A citation in the canonical spelling: single spaces, `SECTION (label)`, label in lower case.

    Examples
    --------
    >>> [normalise_reference(c) for c in ("IV (III)", " III(v) ", "V ( x )")]
    ['IV (iii)', 'III (v)', 'V (x)']
    """
    text = " ".join(citation.split())
    text = re.sub(r"\s*\(\s*", " (", text).replace(" )", ")").strip()
    return _ROMAN_UPPER.sub(lambda m: f"({m[1].lower()})", text)


_STOPWORDS = frozenset(re.findall(r"[a-z]+",
    "the and of to in on for be by as at or with their that this those these which is are "
    "should all other its into from such where not who has have been more including particular "
    "ensure encouraged states stakeholders national regional level levels relevant"))


def _words(text: str) -> frozenset[str]:
    # Six leading letters stand in for a stemmer: `training` and `trainings` meet.
    return frozenset(w[:6] for w in re.findall(r"[a-z]+", text.lower())
                     if len(w) > 2 and w not in _STOPWORDS)


@lru_cache(maxsize=64)
def _wording_index(texts: tuple[tuple[int, str], ...]) -> tuple[dict[int, frozenset[str]],
                                                                dict[str, float]]:
    # A check compares every action with the same recommendations: index them once.
    words = {order: _words(text) for order, text in texts}
    counts = Counter(w for found in words.values() for w in found)
    rarity = {w: math.log((len(words) + 1) / (counts[w] + 1)) + 1 for w in counts}
    return words, rarity


def wording_similarity(text: str, recommendations: list[Recommendation]) -> dict[int, float]:
    """How much of `text`'s wording each recommendation shares, 0–1, by `order`.

    Words count by their rarity among the recommendations (inverse document
    frequency), so that shared rare words (`regularization`) weigh more than
    common ones (`refugees`).

    Examples
    --------
    >>> recs = [Recommendation(order=1, text="Explore regularization programmes."),
    ...         Recommendation(order=2, text="Train border officials.")]
    >>> scores = wording_similarity("Run regularization programmes", recs)
    >>> {order: round(score, 2) for order, score in scores.items()}
    {1: 0.57, 2: 0.0}
    """
    words, rarity = _wording_index(tuple((rec.order, rec.text) for rec in recommendations))
    wanted = _words(text)
    total = sum(rarity.get(w, math.log(len(words) + 1) + 1) for w in wanted)
    return {order: (sum(rarity[w] for w in wanted & found) / total if total else 0.0)
            for order, found in words.items()}


def closest_recommendations(text: str, recommendations: list[Recommendation],
                            *, top: int = 1) -> list[tuple[Recommendation, float]]:
    """The recommendations whose wording `text` shares most, best first (ties by order).

    Examples
    --------
    >>> recs = [Recommendation(order=1, section="II", label="vii", text="Explore regularization."),
    ...         Recommendation(order=2, section="I", label="vii", text="Decriminalize migration.")]
    >>> [(r.ref, round(s, 2)) for r, s in closest_recommendations("Regularization now", recs)]
    [('II (vii)', 0.4)]
    """
    scores = wording_similarity(text, recommendations)
    ranked = sorted(recommendations, key=lambda rec: (-scores[rec.order], rec.order))
    return [(rec, scores[rec.order]) for rec in ranked[:top]]
