"""Working groups: the parallel discussions that draft recommendations."""

from __future__ import annotations

from pydantic import Field, model_validator

from planner.model.agenda import Speaker
from planner.model.base import ActionPointNumber, Headcount, Model, OrgId, Slug, lax
from planner.model.translations import Translatable
from planner.model.vocabulary import Labelled, SourceKind

__all__ = ["Composition", "LeadershipRules", "StaffLevel", "WorkingGroup"]


class StaffLevel(Labelled):
    """The level a person works at, as their seniority or position says."""

    SUPPORT = "support"
    """Assistants, logistics, drivers, interpreters, interns."""
    PROFESSIONAL = "professional"
    """Officers, advisers, experts; anyone whose record says no more."""
    SENIOR = "senior"
    """Senior officials, directors, heads of a unit, representatives."""
    HEAD = "head"
    """Ministers and heads of an agency: a High Commissioner, a Director-General."""


class LeadershipRules(Model):
    """Who may chair and report the working groups: the organisers' choice. A field left
    out takes its default."""

    rapporteurs_from: list[OrgId] | None = None
    """Organisations whose staff report the groups (their offices included). Default: the
    event's conveners, co-organisers and co-hosts and the organisations it names "in
    cooperation with" or as secretariat, States and their bodies aside."""
    rapporteur_levels: list[lax[StaffLevel]] = Field(
        default_factory=lambda: [StaffLevel.PROFESSIONAL, StaffLevel.SENIOR])
    """Levels a rapporteur works at; others report only where the organisers fix them."""
    chairs_from: list[OrgId] | None = None
    """States whose government delegates chair (their ministries included). Default: every
    State taking part."""
    chair_levels: list[lax[StaffLevel]] = Field(
        default_factory=lambda: [StaffLevel.PROFESSIONAL, StaffLevel.SENIOR, StaffLevel.HEAD])
    """Levels a chair works at; the most senior are picked first."""
    host_chairs_plenaries: bool = False
    """A round with one group only (a plenary) is chaired by a delegate of the host State
    where one takes part."""


class Composition(Model):
    """The composition the solver proposed and the organisers saved, with its reasons."""

    seed: int = Field(default=0, ge=0, le=2**31 - 1)
    """The seed it was composed with."""
    objective: int = Field(default=0, ge=0)
    """Weighted cost of the soft goals (lower is better)."""
    bound: int = Field(default=0, ge=0)
    """No composition of the whole problem (all rounds together) costs less."""
    gap: float = Field(default=0.0, ge=0)
    """`(objective - bound) / objective`."""
    placements: dict[str, str] = Field(default_factory=dict)
    """Per participant id, where they sit in each round and why, as the organisers read it."""
    leaders: dict[str, str] = Field(default_factory=dict)
    """Per working-group id, who chairs and reports it and why they were picked."""


class WorkingGroup(Translatable):
    """A working group as the concept note plans it or the report records it."""

    TRANSLATED = ("title", "scope", "guidance", "guiding_questions")

    id: Slug
    title: str = Field(min_length=1)
    """The exact title as the source prints it."""
    scope: str | None = None
    """What the group is asked to discuss."""
    round: int = Field(default=1, ge=1)
    """Which round of parallel groups it belongs to."""
    capacity: Headcount | None = None
    """Most members the group's room holds; the solver never places more."""
    min_size: Headcount | None = None
    """Fewest members the group needs; half an even share of its round, and at least 3,
    when absent. The solver places at least this many where the people allow."""
    action_points: list[ActionPointNumber] = Field(default_factory=list)
    """Tags from the ten action points (1–10)."""
    action_points_by: lax[SourceKind] = SourceKind.EDITOR
    """Who tagged it: `editor` when the tags are a judgement, not the source's."""
    chair: list[Speaker] = Field(default_factory=list)
    rapporteurs: list[Speaker] = Field(default_factory=list)
    guidance: str | None = None
    """Background or guidance document given to the group."""
    guiding_questions: list[str] = Field(default_factory=list)
    sources: list[lax[SourceKind]] = Field(min_length=1)
    """The documents that name this group: a concept note plans, a report records."""
    note: str | None = None

    @model_validator(mode="after")
    def _sizes_in_order(self) -> WorkingGroup:
        if self.min_size and self.capacity and self.min_size > self.capacity:
            raise ValueError(f"a minimum of {self.min_size} members does not fit a capacity "
                             f"of {self.capacity}")
        return self

    @property
    def is_planned(self) -> bool:
        """Named by a planning document (concept note, programme, the organiser)."""
        return any(source.is_planning for source in self.sources)

    @property
    def is_reported(self) -> bool:
        """Named by a document written after the event."""
        return not all(source.is_planning for source in self.sources)
