"""The body of a background paper: sections, and a cooperation framework's parts.

Manila's UNHCR Discussion Paper (2010) is the model: a proposal for a Regional
Cooperation Framework, two scenarios of cooperative arrangements (its Annex 1) and
three regional support functions with their terms of reference (its Annex 2). The
parts have fields of their own, rather than being prose, so that a later event can
start its framework from them (`planner new --parts background-papers`).
"""

from __future__ import annotations

from pydantic import Field

from planner.model.base import Model

__all__ = ["PaperPoint", "PaperSection", "Scenario", "SupportFunction"]


class PaperPoint(Model):
    """A numbered or bulleted point of a paper, with its sub-points."""

    label: str | None = Field(
        default=None,
        description="The point's number or letter as printed, without brackets (`1`, `iii`); "
                    "none for a bullet.")
    text: str = Field(min_length=1, description="The point, word for word.")
    items: list[str] = Field(
        default_factory=list, description="Its sub-points, word for word, in the paper's order.")


class PaperSection(Model):
    """A section of a paper, in the paper's order; subsections follow their section."""

    number: str | None = Field(
        default=None,
        description="The number as printed (`3`, `4.1`, `Annex 1`); none for an unnumbered "
                    "heading such as `Role of UNHCR`.")
    heading: str = Field(min_length=1, description="The heading as printed.")
    text: str | None = Field(
        default=None,
        description="The section's prose, word for word, lists as lines starting with `- `; "
                    "footnote markers are left out. A list a paper part holds (scenarios, "
                    "support functions) is not repeated here.")
    footnotes: list[str] = Field(
        default_factory=list,
        description="The section's footnotes, word for word, in the order of their markers.")


class Scenario(Model):
    """A situation for which the framework proposes cooperative arrangements."""

    label: str = Field(min_length=1, description="The scenario's letter as printed (`A`).")
    title: str = Field(min_length=1, description="The title as printed.")
    text: str | None = Field(
        default=None,
        description="What the scenario covers and what cooperation would achieve, word for "
                    "word.")
    assumptions_heading: str | None = Field(
        default=None,
        description="The heading of the assumptions as printed (`Assumptions and "
                    "Pre-Conditions for Cooperation`).")
    assumptions: list[PaperPoint] = Field(
        default_factory=list,
        description="The assumptions and pre-conditions for cooperation, labelled as printed "
                    "(`i`, `ii`…).")
    arrangements_intro: str | None = Field(
        default=None, description="The sentence that introduces the areas of arrangements.")
    arrangements: list[PaperPoint] = Field(
        default_factory=list,
        description="The areas in which cooperative arrangements might be considered, "
                    "numbered as printed.")


class SupportFunction(Model):
    """A regional support function of the framework, with its terms of reference."""

    number: str = Field(min_length=1, description="The function's number as printed (`1`).")
    title: str = Field(
        min_length=1,
        description="The title as printed (`Regional support for processing and case "
                    "management`).")
    summary: str | None = Field(
        default=None,
        description="What the function would do, as the paper's list of the functions words "
                    "it.")
    scope: str | None = Field(
        default=None,
        description="What the function would cover, as the paragraph under its own heading "
                    "words it.")
    terms_of_reference: list[PaperPoint] = Field(
        default_factory=list, description="The terms of reference, point by point.")
    location: list[str] = Field(
        default_factory=list, description="Where the function would sit (`Location`).")
    partners: list[str] = Field(
        default_factory=list, description="Who would take part, as printed (`Partners`).")
    resources: list[str] = Field(
        default_factory=list,
        description="What the function would need (`Required Resources`).")
