"""The programme: sessions by day, timed or in named blocks."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from planner.model.base import FrozenModel, Headcount, Model, OrgId, Slug, TimeOfDay, lax
from planner.model.translations import Translatable
from planner.model.vocabulary import SessionBlock

__all__ = [
    "AgendaItem",
    "BlockHours",
    "Break",
    "Hours",
    "Plenary",
    "Programme",
    "ProgrammeVersion",
    "PublishedSlot",
    "Room",
    "Session",
    "Social",
    "Speaker",
    "WorkingGroupSlot",
]


class Speaker(Model):
    """Someone who speaks, chairs or presents, named or only by organisation."""

    name: str | None = None
    """The person, when the programme names one (`Mr. Antonio Guterres`)."""
    participant: Slug | None = None
    """Id of the person among the event's participants; checks then follow them across
    sessions and working groups."""
    organisation: OrgId | None = None
    role: str | None = None
    """What they do: `opening address`, `keynote`, `chair`, `moderator`…"""
    tbc: bool = False
    """To be confirmed: the programme names the slot but not yet the person."""

    @model_validator(mode="after")
    def _someone(self) -> Speaker:
        # An open slot (tbc) may say only what is wanted: `keynote, minister level`.
        if (self.name is None and self.organisation is None and self.participant is None
                and not (self.tbc and self.role)):
            raise ValueError("a speaker needs a name, a participant id or an organisation "
                             "(or, to be confirmed, the role wanted)")
        return self


class AgendaItem(Translatable):
    """A line of a session's running order, with its own speakers and sub-items."""

    TRANSLATED = ("title",)

    title: str = Field(min_length=1)
    speakers: list[Speaker] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)


class _SessionBase(Translatable):
    TRANSLATED = ("title",)
    id: Slug
    """Unique within the event; exports derive stable identifiers from it."""
    kind: str
    """Told apart by this: each kind of session below narrows it."""
    day: int = Field(ge=0, le=31)
    """Day of the event, 1 for the first, 0 for the eve (registration, welcome reception).

    Dates follow from the event's start, so a cloned agenda moves with it."""
    block: lax[SessionBlock] | None = None
    """Named part of the day when the programme gives no times."""
    start: TimeOfDay | None = None
    end: TimeOfDay | None = None
    title: str | None = None
    room: str | None = None
    """Id or name of one of the event's `rooms`."""
    interpretation: list[str] = Field(default_factory=list)
    """Languages interpreted in this session (`English`, `French`, `Arabic`)."""
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
    working_groups: list[Slug] = Field(default_factory=list)
    """Working groups this plenary is about; at a reporting back, their rapporteurs report."""


class WorkingGroupSlot(_SessionBase):
    """A round of parallel working groups."""

    kind: Literal["working-groups"]
    working_groups: list[Slug] = Field(default_factory=list)
    """Ids of the event's working groups that meet in this slot."""
    group_rooms: dict[Slug, str] = Field(default_factory=dict)
    """Room of each working group (group id: room id); groups left out get a free room."""
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


class Room(Model):
    """A room of the venue, with how many people it seats."""

    id: Slug
    """How sessions name the room (`room-b`)."""
    name: str = Field(min_length=1)
    """As printed on the programme and signs (`Room B`)."""
    capacity: Headcount | None = None
    """Seats; working groups larger than this are reported by `planner agenda check`."""
    note: str | None = None


class Hours(FrozenModel):
    """A span of clock time within one day."""

    start: TimeOfDay
    end: TimeOfDay

    @model_validator(mode="after")
    def _in_order(self) -> Hours:
        if self.end <= self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


class BlockHours(Model):
    """The clock hours a named block stands for when a session gives no times."""

    morning: Hours = Hours(start="09:00", end="12:30")
    afternoon: Hours = Hours(start="14:00", end="17:30")
    evening: Hours = Hours(start="19:00", end="21:00")


class PublishedSlot(FrozenModel):
    """A session (or one working group of a round) as a published version placed it."""

    key: str = Field(min_length=1)
    """The session id, with `/group-id` for a working group of a round."""
    title: str
    day: int
    start: TimeOfDay
    end: TimeOfDay
    room: str | None = None
    people: list[str] = Field(default_factory=list)
    """Chairs, speakers and rapporteurs by name."""


class ProgrammeVersion(Model):
    """A published version of the programme and what changed since the one before."""

    number: int = Field(ge=1)
    date: dt.date
    note: str | None = None
    """What the organisers said when publishing (`rooms confirmed by the hotel`)."""
    changes: list[str] = Field(default_factory=list)
    """What moved, appeared or went since the previous version, one line each."""


class Programme(Model):
    """How the sessions are timed, and the versions of the programme published so far."""

    block_hours: BlockHours = Field(default_factory=BlockHours)
    """Hours of the named blocks (morning, afternoon, evening) for sessions without times."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Public web page of the programme, linked from the schedule exports."""
    versions: list[ProgrammeVersion] = Field(default_factory=list)
    """Published versions, oldest first; none while the programme is a draft."""
    published: list[PublishedSlot] = Field(default_factory=list)
    """The programme as the latest version published it, to tell what moved since."""
