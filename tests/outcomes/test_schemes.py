"""Placing recommendations in the areas of a scheme, by recorded rules."""

from __future__ import annotations

from typing import Any

import pytest

from planner.model import Recommendation
from planner.outcomes.schemes import SCHEMES, place_recommendation

pytestmark = pytest.mark.unit


def _place(scheme: str, **fields: Any) -> tuple[str, str]:
    placement = place_recommendation(Recommendation(order=1, **fields), scheme)
    return placement.area.number, placement.rule


def test_schemes_have_six_areas_and_ten_points() -> None:
    assert [len(SCHEMES[name]) for name in ("dar-es-salaam", "ten-points")] == [6, 10]


def test_place_dar_es_salaam_keywords_in_text_first() -> None:
    assert _place("dar-es-salaam", action_points=[1], text="Ratify the Convention.") == (
        "I", "keywords in the text ('ratify', 'convention') → I Legislative and policy reform")


def test_place_dar_es_salaam_tie_falls_to_the_tag() -> None:
    assert _place("dar-es-salaam", action_points=[2], text="Train staff at borders.") == (
        "V", "tag: action point 2 (Data collection and analysis) → "
             "V Data collection and analysis")


def test_place_dar_es_salaam_section_title_after_tags() -> None:
    assert _place("dar-es-salaam", section_title="Data collection and information gaps",
                  text="Do more.") == (
        "V", "keywords in the section title ('data') → V Data collection and analysis")


def test_place_dar_es_salaam_default_is_cooperation() -> None:
    assert _place("dar-es-salaam", text="Do more.") == (
        "VI", "default: no tag or keyword decides → VI Cooperation and coordination")


def test_place_ten_points_tag_before_keywords() -> None:
    assert _place("ten-points", action_points=[7, 3], text="Map the data.") == (
        "7", "tag: action point 7 (Solutions for refugees) → 7 Solutions for refugees")


def test_place_ten_points_keywords_without_tags() -> None:
    assert _place("ten-points", text="Open reception centres.")[0] == "4"
