"""The programme: sessions by day, timed or in named blocks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from planner.model.base import Model, OrgId, Slug, TimeOfDay, lax
from planner.model.vocabulary import SessionBlock

__all__ = [
    "AgendaItem",
    "Break",
    "Plenary",
    "Session",
    "Social",
    "Speaker",
    "WorkingGroupSlot",
]


class Speaker(Model):
    """Someone who speaks, chairs or presents, named or only by organisation."""

    name: str | None = None
    """The person, when the programme names one (`Mr. Antonio Guterres`)."""
    organisation: OrgId | None = None
    role: str | None = None
    """What they do: `opening address`, `keynote`, `chair`, `moderator`…"""
    tbc: bool = False
    """To be confirmed: the programme names the slot but not yet the person."""

    @model_validator(mode="after")
    def _someone(self) -> Speaker:
        if self.name is None and self.organisation is None:
            raise ValueError("a speaker needs a name or an organisation")
        return self


class AgendaItem(Model):
    """A line of a session's running order, with its own speakers and sub-items."""

    title: str = Field(min_length=1)
    speakers: list[Speaker] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)


class _SessionBase(Model):
    id: Slug
    """Unique within the event; exports derive stable identifiers from it."""
    kind: str
    """Told apart by this: each kind of session below narrows it."""
    day: int = Field(ge=0, le=31)
    """Day of the event, 1 for the first, 0 for the eve (registration, welcome reception).

    Dates follow from the event's start, so a cloned agenda moves with it."""
    block: lax(SessionBlock) | None = None
    """Named part of the day when the programme gives no times."""
    start: TimeOfDay | None = None
    end: TimeOfDay | None = None
    title: str | None = None
    room: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _when(self) -> _SessionBase:
        if self.block is None and self.start is None:
            raise ValueError("a session needs a 'block' (morning…) or a 'start' time")
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"session ends ({self.end}) before it starts ({self.start})")
        return self


class Plenary(_SessionBase):
    """A plenary: opening, keynotes, panels, reporting back, closing."""

    kind: Literal["plenary", "reporting-back"]
    chairs: list[Speaker] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)


class WorkingGroupSlot(_SessionBase):
    """A round of parallel working groups."""

    kind: Literal["working-groups"]
    working_groups: list[Slug] = Field(default_factory=list)
    """Ids of the event's working groups that meet in this slot."""
    items: list[AgendaItem] = Field(default_factory=list)


class Break(_SessionBase):
    """Registration, coffee or lunch."""

    kind: Literal["break", "registration"]


class Social(_SessionBase):
    """A reception or dinner, with whoever hosts it."""

    kind: Literal["social"]
    hosted_by: list[OrgId] = Field(default_factory=list)


Session = Annotated[
    Plenary | WorkingGroupSlot | Break | Social,
    Field(discriminator="kind"),
]
"""A session of the programme, told apart by its `kind`."""
