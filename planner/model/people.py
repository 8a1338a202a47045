"""Participants and delegations (kept minimal until the participants module)."""

from __future__ import annotations

from pydantic import Field

from planner.model.base import Model, OrgId, Slug, lax
from planner.model.vocabulary import ParticipantRole

__all__ = ["Delegation", "Participant"]


class Participant(Model):
    """A person taking part in an event."""

    id: Slug
    name: str = Field(min_length=1)
    organisation: OrgId | None = None
    country: OrgId | None = None
    """The State the person comes from or represents."""
    role: lax(ParticipantRole) = ParticipantRole.DELEGATE


class Delegation(Model):
    """The people of one State or organisation, led by a head of delegation."""

    organisation: OrgId
    head: Slug | None = None
    """Id of the participant who heads the delegation."""
    members: list[Slug] = Field(default_factory=list)
