"""What an event produces: recommendations, action plans, declarations, follow-up."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from planner.model.base import ActionPointNumber, Model, OrgId, Slug, lax
from planner.model.translations import Translatable
from planner.model.vocabulary import FollowUpStatus, SourceKind, StatementKind

__all__ = [
    "Action",
    "ActionPlan",
    "Area",
    "FollowUpItem",
    "Paragraph",
    "Recommendation",
    "SideList",
    "Statement",
    "SubTheme",
    "Target",
    "Update",
]


class Recommendation(Translatable):
    """A recommendation, verbatim, numbered as its source numbers it."""

    TRANSLATED = ("text", "section_title", "subsection_title", "group")

    order: int = Field(ge=1)
    """Authoritative position in the event's list, 1 for the first."""
    section: str | None = None
    """Section number as printed (`V`, `3`), if the source numbers sections."""
    section_title: str | None = None
    subsection: str | None = None
    """Subsection letter or number as printed (`b`), where labels restart in each."""
    subsection_title: str | None = None
    group: str | None = None
    """Group label inside a section, such as `At national level`."""
    working_group: Slug | None = None
    """Id of the working group that adopted it, where the organisers record one."""
    label: str | None = None
    """Item label as printed (`x`, `iii`, `a`); none for plain bullets."""
    parent: int | None = Field(default=None, ge=1)
    """`order` of the item this one is a sub-item of."""
    action_points: list[ActionPointNumber] = Field(default_factory=list)
    action_points_by: lax[SourceKind] = SourceKind.EDITOR
    addressed_to: list[OrgId] = Field(default_factory=list)
    text: str = Field(min_length=1)
    """The recommendation, word for word."""
    source: lax[SourceKind] = SourceKind.SUMMARY_REPORT
    note: str | None = None
    """Editor's note, e.g. that the source prints this label twice."""

    @property
    def ref(self) -> str:
        """The reference key an action plan cites, e.g. `V (x)`.

        Where the source numbers no sections, the section title stands in for
        the number; an item without a label is known by its order.

        Examples
        --------
        >>> Recommendation(order=3, section="V", label="x", text="…").ref
        'V (x)'
        >>> Recommendation(order=3, section_title="Data", label="i", text="…").ref
        'Data (i)'
        >>> Recommendation(order=3, section="3", subsection="b", label="i", text="…").ref
        '3 b (i)'
        >>> Recommendation(order=3, section="2", text="…").ref
        '2 #3'
        """
        section = " ".join(filter(None, (self.section or self.section_title, self.subsection)))
        if self.label:
            return f"{section} ({self.label})" if section else f"({self.label})"
        return f"{section} #{self.order}" if section else f"#{self.order}"


class Target(Model):
    """A measurable target of an action-plan area."""

    text: str = Field(min_length=1)
    deadline: str | None = None
    """As printed: `By 2012`, `By end of 2011`."""
    deadline_year: int | None = Field(default=None, ge=1990, le=2100)
    quantifier: str | None = None
    """The measure in the target: `in at least four countries`."""


class Action(Model):
    """An action of the menu, citing the recommendations it implements."""

    text: str = Field(min_length=1)
    references: list[str] = Field(default_factory=list)
    """Recommendation keys exactly as printed, resolvable or not (`III (v)`)."""
    note: str | None = None
    owners: list[OrgId] = Field(default_factory=list)
    """Who is proposed to carry the action out (registry ids), lead first."""
    deadline: dt.date | None = None
    """When the action is due, where the plan sets a date."""
    placement: str | None = None
    """For a drafted action: the rule that placed it in its area, e.g. `tag: action point 2`."""


class SubTheme(Model):
    """A group of actions under a sub-theme heading of the menu of actions."""

    title: str | None = None
    actions: list[Action] = Field(default_factory=list)


class SideList(Model):
    """A boxed list beside an area, such as key topics for training."""

    title: str = Field(min_length=1)
    items: list[str] = Field(default_factory=list)


class Area(Model):
    """An area of an action plan: rationale, targets, menu of actions."""

    number: str = Field(min_length=1)
    heading: str = Field(min_length=1)
    rationale: str | None = None
    targets: list[Target] = Field(default_factory=list)
    sub_themes: list[SubTheme] = Field(default_factory=list)
    side_lists: list[SideList] = Field(default_factory=list)


class ActionPlan(Model):
    """An action plan adopted by an event (the Dar es Salaam layout)."""

    title: str = Field(min_length=1)
    introduction: str | None = None
    areas: list[Area] = Field(default_factory=list)
    source: lax[SourceKind] = SourceKind.ACTION_PLAN


class Paragraph(Model):
    """A paragraph of a declaration or summary, with its number as printed."""

    number: str | None = None
    heading: str | None = None
    text: str = Field(min_length=1)


class Statement(Model):
    """A declaration or a co-hosts' summary: numbered paragraphs."""

    kind: lax[StatementKind]
    title: str = Field(min_length=1)
    preamble: str | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    adoption: str | None = None
    """The adoption line: where, when and by whom it was adopted."""
    source: lax[SourceKind] | None = None
    note: str | None = None


class Update(Model):
    """A dated step in a follow-up item's timeline, with its evidence."""

    on: dt.date
    text: str = Field(min_length=1)
    status: lax[FollowUpStatus] | None = None
    progress: int | None = Field(default=None, ge=0, le=100)
    evidence: str | None = None
    """A link or a document reference that shows the step."""


class FollowUpItem(Model):
    """A follow-up activity under its thematic heading."""

    heading: str | None = None
    text: str = Field(min_length=1)
    status: lax[FollowUpStatus]
    lead: list[OrgId] = Field(default_factory=list)
    """Who owns the item (registry ids)."""
    when: str | None = None
    """Date or period as printed (`June 2010`)."""
    deadline: dt.date | None = None
    progress: int | None = Field(default=None, ge=0, le=100)
    """Per cent done, 0–100."""
    updates: list[Update] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    """Recommendation keys or action-plan targets this item serves."""
    source: lax[SourceKind] = SourceKind.SELECTED_RECOMMENDATIONS
    id: Slug | None = None
    note: str | None = None
