"""Participants and delegations: who comes, for whom, in what role, and how far along."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from planner.model.base import (
    MOST_PEOPLE,
    Email,
    FrozenModel,
    Headcount,
    Model,
    OrgId,
    Slug,
    lax,
)
from planner.model.vocabulary import Gender, InvitationStatus, ParticipantRole, Seniority

__all__ = ["Delegation", "Participant", "Quota", "StatusChange"]


class Quota(FrozenModel):
    """How many government delegates a delegation should bring: `{least: 2, most: 3}`."""

    least: int = Field(default=2, ge=0, le=MOST_PEOPLE)
    """Fewest delegates (heads of delegation included) a State should send."""
    most: Headcount = 3
    """Most delegates a State should send."""

    @model_validator(mode="after")
    def _in_order(self) -> Quota:
        if self.most < self.least:
            raise ValueError(f"a quota of at least {self.least} and at most {self.most} "
                             "delegates cannot be met")
        return self


class StatusChange(FrozenModel):
    """A dated step in a participant's invitation history."""

    status: lax[InvitationStatus]
    on: dt.date
    note: str | None = None


class Participant(Model):
    """A person invited to, or taking part in, an event."""

    id: Slug
    title: str | None = None
    """Honorific as the person uses it: `H.E.`, `Dr`, `Ms`."""
    first_name: str | None = None
    last_name: str = Field(min_length=1)
    gender: lax[Gender] | None = None
    position: str | None = None
    organisation: OrgId | None = None
    country: OrgId | None = None
    """The State the person comes from or represents."""
    email: Email | None = None
    phone: str | None = None
    languages: list[str] = Field(default_factory=list)
    seniority: lax[Seniority] | None = None
    consent_to_publish: bool = False
    """Whether the person may appear on the public participant list."""
    field_staff: bool = False
    """Works in the field rather than at headquarters (preferred as rapporteur)."""
    roles: list[lax[ParticipantRole]] = Field(default_factory=lambda: [ParticipantRole.DELEGATE])
    status: lax[InvitationStatus] = InvitationStatus.PROPOSED
    history: list[StatusChange] = Field(default_factory=list)
    preferences: list[Slug] = Field(default_factory=list)
    """Working-group ids, most wanted first."""
    working_groups: list[Slug] = Field(default_factory=list)
    """Working groups the person is assigned to, one per round."""
    pinned: list[Slug] = Field(default_factory=list)
    """Assignments the solver must keep (a subset of `working_groups`)."""
    notes: str | None = None
    registration_id: str | None = None
    """The person's id in the registration system the list came from (Indico's `ID`)."""
    tags: list[str] = Field(default_factory=list)
    """Free labels from the registration system: `VIP`, `visa letter`."""

    @property
    def name(self) -> str:
        """Full name as printed on a badge: `Dr Amina Hassan`."""
        return " ".join(filter(None, (self.title, self.first_name, self.last_name)))


class Delegation(Model):
    """The people of one State or organisation, led by a head of delegation."""

    organisation: OrgId
    head: Slug | None = None
    """Id of the participant who heads the delegation."""
    members: list[Slug] = Field(default_factory=list)
    quota: Quota | None = None
    """Least and most government delegates expected; the event's default applies when absent."""
