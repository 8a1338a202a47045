"""Recommendation references: keys, resolution, spelling and wording."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.model import Recommendation
from planner.outcomes.references import (
    citation_key,
    closest_recommendations,
    index_references,
    normalise_reference,
    recommendation_levels,
    resolve_reference,
    wording_similarity,
)

pytestmark = pytest.mark.unit


def _recs() -> list[Recommendation]:
    return [Recommendation(order=1, section="III", label="i", text="Train border officials."),
            Recommendation(order=2, section="III", label="ii", text="Open reception centres."),
            Recommendation(order=3, section="III", label="ii", text="Map research on data."),
            Recommendation(order=4, section="IV", label="i", parent=1, text="Sub-item.")]


def test_resolve_reference_exact_key_gives_one() -> None:
    found = resolve_reference("III (i)", index_references(_recs()))
    assert [rec.order for rec in found] == [1]


def test_resolve_reference_shared_key_gives_all_holders() -> None:
    found = resolve_reference("III (ii)", index_references(_recs()))
    assert [rec.order for rec in found] == [2, 3]


def test_resolve_reference_qualified_key_picks_one_holder() -> None:
    found = resolve_reference("III (ii) #3", index_references(_recs()))
    assert [rec.order for rec in found] == [3]


@pytest.mark.parametrize("citation", ["III (ix)", "III (ii) #1", "III (ii) #9", "", "#2"])
def test_resolve_reference_unknown_gives_none(citation: str) -> None:
    assert resolve_reference(citation, index_references(_recs())) == []


def test_citation_key_qualifies_only_shared_keys() -> None:
    recs = _recs()
    index = index_references(recs)
    assert [citation_key(rec, index) for rec in recs] == [
        "III (i)", "III (ii) #2", "III (ii) #3", "IV (i)"]


@pytest.mark.parametrize(("printed", "canonical"), [
    ("IV (III)", "IV (iii)"), ("III(v)", "III (v)"), ("  V  ( x ) ", "V (x)"),
    ("3 c (iii)", "3 c (iii)"), ("Data (i)", "Data (i)"), ("2 #3", "2 #3")])
def test_normalise_reference_canonical_spelling(printed: str, canonical: str) -> None:
    assert normalise_reference(printed) == canonical


@given(st.text(alphabet="IVXivx ()#0123abc", max_size=20))
def test_normalise_reference_is_idempotent(citation: str) -> None:
    once = normalise_reference(citation)
    assert normalise_reference(once) == once


_LABELS = st.sampled_from(["i", "ii", "iii", "iv", None])
_SECTIONS = st.sampled_from(["I", "II", "3", None])


@given(st.lists(st.tuples(_SECTIONS, _LABELS), min_size=1, max_size=12))
def test_citation_key_always_resolves_to_its_recommendation(
        shapes: list[tuple[str | None, str | None]]) -> None:
    recs = [Recommendation(order=n, section=section, label=label, text=f"item {n}")
            for n, (section, label) in enumerate(shapes, 1)]
    index = index_references(recs)
    assert all(resolve_reference(citation_key(rec, index), index) == [rec] for rec in recs)


def test_wording_similarity_scores_between_zero_and_one() -> None:
    scores = wording_similarity("Train officials at reception centres", _recs())
    assert all(0.0 <= score <= 1.0 for score in scores.values())
    assert scores[3] == 0.0


def test_closest_recommendations_own_text_wins() -> None:
    recs = _recs()
    assert [closest_recommendations(rec.text, recs)[0][0].order for rec in recs[:3]] == [1, 2, 3]


def test_closest_recommendations_unrelated_text_scores_zero() -> None:
    assert closest_recommendations("zzz qqq", _recs())[0][1] == 0.0


def test_recommendation_levels_follow_parents() -> None:
    assert recommendation_levels(_recs()) == {1: 1, 2: 1, 3: 1, 4: 2}
