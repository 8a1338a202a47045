"""Working groups: the parallel discussions that draft recommendations."""

from __future__ import annotations

from pydantic import Field

from planner.model.agenda import Speaker
from planner.model.base import ActionPointNumber, Model, Slug, lax
from planner.model.vocabulary import SourceKind

__all__ = ["WorkingGroup"]


class WorkingGroup(Model):
    """A working group as the concept note plans it or the report records it."""

    id: Slug
    title: str = Field(min_length=1)
    """The exact title as the source prints it."""
    scope: str | None = None
    """What the group is asked to discuss."""
    round: int = Field(default=1, ge=1)
    """Which round of parallel groups it belongs to."""
    capacity: int | None = Field(default=None, ge=1)
    """Most members the group's room holds; the solver never places more."""
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

    @property
    def is_planned(self) -> bool:
        """Named by a planning document (concept note, programme, the organiser)."""
        return any(source.is_planning for source in self.sources)

    @property
    def is_reported(self) -> bool:
        """Named by a document written after the event."""
        return not all(source.is_planning for source in self.sources)
