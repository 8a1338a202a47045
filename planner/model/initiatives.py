"""Cooperation initiatives of *The 10-Point Plan in Action*, Chapter 1, with their actors."""

from __future__ import annotations

from pydantic import Field, model_validator

from planner.model.base import Model, OrgId, Slug, lax
from planner.model.vocabulary import ActorRole, InitiativeLevel, OrganisationType

__all__ = ["EDITIONS", "Actor", "Initiative"]

#: The editions of *The 10-Point Plan in Action* whose Chapter 1 the library holds.
EDITIONS = (2011, 2016)


class Actor(Model):
    """An organisation, State or collective named by an initiative, in the role the text gives."""

    organisation: OrgId | None = None
    collective: str | None = None
    """A group the text names without listing it: `over 100 NGOs`."""
    collective_type: lax[OrganisationType] | None = None
    """What kind of bodies make up the collective."""
    role: lax[ActorRole]
    note: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Actor:
        if (self.organisation is None) == (self.collective is None):
            raise ValueError("give either an 'organisation' id or a 'collective' description")
        if self.collective is not None and self.collective_type is None:
            raise ValueError("a collective actor needs its 'collective_type'")
        return self


class Initiative(Model):
    """A cooperation initiative as one edition of the compilation describes it."""

    id: Slug
    edition: int = Field(ge=EDITIONS[0], le=EDITIONS[-1])
    """2011 or 2016."""
    section: str | None = None
    """Where the edition places it (`1.2 Regional examples`, `Additional examples`)."""
    title: str = Field(min_length=1)
    countries: list[OrgId] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    """UN M49 sub-regions or the region as the text names it."""
    years: str | None = None
    """As printed: `2007–2010`, `since 2008`."""
    start_year: int | None = Field(default=None, ge=1950, le=2030)
    end_year: int | None = Field(default=None, ge=1950, le=2030)
    level: lax[InitiativeLevel]
    action_points: list[int] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    summary: str | None = None
    """The initiative's aim and actions in a few sentences, close to the text."""
    note: str | None = None
