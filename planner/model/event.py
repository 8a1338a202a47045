"""The canonical event record: one file per event, every document a view of it."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Literal

from pydantic import Field, field_validator, model_validator

from planner.model.agenda import Programme, Room, Session
from planner.model.base import Headcount, Model, OrgId, Slug, lax
from planner.model.groups import Composition, LeadershipRules, WorkingGroup
from planner.model.outcomes import ActionPlan, FollowUpItem, Recommendation, Statement
from planner.model.papers import PaperSection, Scenario, SupportFunction
from planner.model.people import Delegation, Participant, Quota
from planner.model.translations import Translatable, language_code
from planner.model.vocabulary import (
    ConsultationStatus,
    EventKind,
    InviteeCategory,
    InviteeStatus,
    OrganiserRoleKind,
    SourceKind,
)

__all__ = [
    "BackgroundPaper",
    "ConceptNote",
    "ConceptNoteSection",
    "Document",
    "Event",
    "InvitationLetters",
    "Invitee",
    "NationalConsultation",
    "OrganiserRole",
    "ParticipantCount",
    "Preparation",
    "SourceNote",
    "SubRegion",
]


class Document(Model):
    """A source document of the event record."""

    kind: lax[SourceKind]
    title: str = Field(min_length=1)
    date: str | None = None
    url: str | None = None
    note: str | None = None


class OrganiserRole(Model):
    """An organisation's role in an event, as one document states it."""

    organisation: OrgId
    role: lax[OrganiserRoleKind]
    source: lax[SourceKind]
    note: str | None = None


class Invitee(Model):
    """A State or organisation invited (planned) or attending (reported)."""

    organisation: OrgId | None = None
    description: str | None = None
    """For a collective entry the source gives no names for: `other Gulf States`."""
    category: lax[InviteeCategory]
    source: lax[SourceKind]
    observer: bool = False
    """Attends as an observer rather than a participant."""
    note: str | None = None
    status: lax[InviteeStatus] | None = None
    """Where the invitation stands on the organisers' list: `to-invite`, `invited`,
    `accepted`, `declined`. Absent in a past event's record, whose documents say only who
    was invited."""
    since: dt.date | None = None
    """The day the invitation took its `status`, YYYY-MM-DD."""
    quota: Headcount | None = None
    """For a government: how many delegates it is invited to send; the event's
    `delegate_quota` (2 to 3 when absent) applies otherwise."""

    @model_validator(mode="after")
    def _named_or_described(self) -> Invitee:
        if self.organisation is None and self.description is None:
            raise ValueError("give an 'organisation' id or a 'description'")
        if self.quota is not None and self.category != InviteeCategory.GOVERNMENTS:
            raise ValueError(f"a delegate quota is for governments, not {self.category.value}")
        return self


class InvitationLetters(Model):
    """What the invitation letters say beyond the record's own facts."""

    reply_by: dt.date | None = None
    """The day replies are asked for, YYYY-MM-DD; six weeks before the event when absent."""
    contact: str | None = None
    """Who answers questions, as the letters print it: `Ms Amina Hassan, UNHCR,
    hassana@unhcr.org`."""
    through: Literal["ministry", "permanent-mission"] = "ministry"
    """Where States' notes verbales go: the Ministry of Foreign Affairs or the Permanent
    Mission to the United Nations."""
    civil_society: bool = False
    """Each State is asked to include at least one civil-society participant."""


_FIRST_NUMBER = re.compile(r"\d[\d,]*")


class ParticipantCount(Model):
    """A participant count as a document words it, with the least number it means."""

    text: str = Field(min_length=1)
    """As printed: `over 120`, `almost 200`."""
    minimum: int | None = Field(default=None, ge=0)
    source: lax[SourceKind]

    @model_validator(mode="after")
    def _derive_minimum(self) -> ParticipantCount:
        if self.minimum is None:
            found = _FIRST_NUMBER.search(self.text)
            if found:
                self.__dict__["minimum"] = int(found.group().replace(",", ""))
        return self


class NationalConsultation(Model):
    """A consultation held in one country before the conference."""

    country: OrgId
    date: str | None = None
    status: lax[ConsultationStatus] = ConsultationStatus.HELD
    findings: list[str] = Field(default_factory=list)
    source: lax[SourceKind] = SourceKind.CONCEPT_NOTE
    note: str | None = None


class BackgroundPaper(Model):
    """A paper prepared for the event."""

    title: str = Field(min_length=1)
    authors: list[OrgId] = Field(default_factory=list)
    author_names: list[str] = Field(default_factory=list)
    """People who wrote it, when the sources name them."""
    source: lax[SourceKind] = SourceKind.CONCEPT_NOTE
    note: str | None = None
    sections: list[PaperSection] = Field(
        default_factory=list,
        description="The paper's text, section by section, where the record keeps it.")
    scenarios: list[Scenario] = Field(
        default_factory=list,
        description="Situations for which the paper proposes cooperative arrangements.")
    support_functions: list[SupportFunction] = Field(
        default_factory=list,
        description="Regional support functions the paper proposes, with their terms of "
                    "reference.")

    @property
    def has_body(self) -> bool:
        """Whether the record keeps the paper's text, not only its title."""
        return bool(self.sections or self.scenarios or self.support_functions)


class Preparation(Model):
    """What happens before the event: consultations and papers."""

    national_consultations: list[NationalConsultation] = Field(default_factory=list)
    background_papers: list[BackgroundPaper] = Field(default_factory=list)


class ConceptNoteSection(Translatable):
    """An editable section of the concept note."""

    TRANSLATED = ("heading", "text", "items")

    key: Slug
    """`background`, `objectives`, `methodology`, `participants`, `agenda`, `outcomes`…"""
    heading: str = Field(min_length=1)
    text: str | None = None
    items: list[str] = Field(default_factory=list)
    """A numbered list within the section, such as the objectives."""
    reusable: bool = False
    """The organisers mark the text as fit for later events: an event started from this one
    copies it (other sections start with their heading only)."""


class ConceptNote(Model):
    """The prose of the concept note; dates, participants and agenda come from the record."""

    sections: list[ConceptNoteSection] = Field(default_factory=list)


class SourceNote(Model):
    """Where the sources disagree or err, recorded rather than silently resolved."""

    topic: str = Field(min_length=1)
    text: str = Field(min_length=1)
    sources: list[lax[SourceKind]] = Field(default_factory=list)


class SubRegion(Model):
    """A part of the event's region as the organisers name it, with its States."""

    name: str = Field(min_length=1)
    """`East Africa`, `Horn of Africa`, `Great Lakes`, `Southern Africa`."""
    states: list[OrgId] = Field(min_length=1)
    """The States it holds; a State in two counts for the first."""


class Event(Translatable):
    """A conference, roundtable, workshop or consultation: the canonical record."""

    TRANSLATED = ("title",)

    id: Slug
    """The event's id in the library, also its file name (`dar-es-salaam-2010`)."""
    revision: int = Field(default=1, ge=1)
    """Increases with every save; a save over a newer revision is refused."""
    kind: lax[EventKind]
    """Regional conference, expert roundtable, workshop, national consultation or other."""
    title: str = Field(min_length=1)
    """The full title as the organisers print it."""
    title_variants: list[str] = Field(default_factory=list)
    """Other titles the sources use, misprints included."""
    series: str | None = None
    """The series the event belongs to."""
    region: str | None = None
    """The region as the title names it (`Gulf of Aden`)."""
    city: str = Field(min_length=1)
    country: OrgId
    """The host State."""
    venue: str | None = None
    timezone: str = Field(pattern=r"^[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*$")
    """IANA time zone of the venue (`Asia/Aden`)."""
    start: dt.date
    """First day, YYYY-MM-DD."""
    end: dt.date
    """Last day, YYYY-MM-DD."""
    languages: list[str] = Field(default_factory=list)
    """Working languages, by ISO 639-1 code among the six UN languages (`[en, fr]`) or by
    name; none given reads as English."""
    bilingual: Literal["columns", "sequence"] | None = None
    """The concept note and programme in the first two working languages at once: side by
    side in two `columns`, or one language after the other (`sequence`); none: one
    language per document."""
    themes: list[str] = Field(default_factory=list)
    """A few keywords for searching the library."""
    sources: list[Document] = Field(default_factory=list)
    """The documents this record is drawn from."""
    organisers: list[OrganiserRole] = Field(default_factory=list)
    """Who convened, hosted, funded…, one entry per role and source document."""
    invited: list[Invitee] = Field(default_factory=list)
    """Planned participation: who the concept note invites."""
    attended: list[Invitee] = Field(default_factory=list)
    """Reported participation: who the report says took part."""
    participant_counts: list[ParticipantCount] = Field(default_factory=list)
    """Participant counts as each document words them."""
    preparation: Preparation = Field(default_factory=Preparation)
    concept_note: ConceptNote = Field(default_factory=ConceptNote)
    rooms: list[Room] = Field(default_factory=list)
    """Rooms of the venue that sessions and working groups can use."""
    sessions: list[Session] = Field(default_factory=list)
    """The programme, day by day."""
    programme: Programme = Field(default_factory=Programme)
    """Block hours and the published versions of the programme."""
    working_groups: list[WorkingGroup] = Field(default_factory=list)
    """Working groups as planned and as reported."""
    recommendations: list[Recommendation] = Field(default_factory=list)
    """Every recommendation, verbatim, in the source's order."""
    action_plan: ActionPlan | None = None
    """The action plan the event adopted, if any."""
    statements: list[Statement] = Field(default_factory=list)
    """Declarations and co-hosts' or chairs' summaries."""
    follow_up: list[FollowUpItem] = Field(default_factory=list)
    """Follow-up activities and their progress."""
    participants: list[Participant] = Field(default_factory=list)
    """The people invited to or taking part in the event."""
    delegations: list[Delegation] = Field(default_factory=list)
    """Delegations of States and organisations, with their heads."""
    delegate_quota: Quota | None = None
    """Government delegates expected per participating State; 2 to 3 when absent."""
    host_quota: Quota | None = None
    """Government delegates expected of the host State; at least 2, with no upper limit,
    when absent."""
    sub_regions: list[SubRegion] = Field(default_factory=list)
    """The event's own sub-regions, by which the balance counts people; UN M49 sub-regions
    when absent."""
    group_leadership: LeadershipRules | None = None
    """Who may chair and report the working groups; the defaults when absent."""
    composition: Composition | None = None
    """The working-group composition last saved, with why each person sits where."""
    invitation_letters: InvitationLetters | None = None
    """Reply-by date, contact and what the invitation letters ask for."""
    notes: list[SourceNote] = Field(default_factory=list)
    """Where the sources disagree or err."""
    previous_event: Slug | None = None
    """The event this one follows up (set by `planner new --from`)."""

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            message = f"unknown IANA time zone '{value}' (e.g. 'Africa/Dar_es_Salaam')"
            raise ValueError(message) from None
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Event:
        if self.end < self.start:
            raise ValueError(f"the event ends ({self.end}) before it starts ({self.start})")
        return self

    @model_validator(mode="after")
    def _two_languages(self) -> Event:
        if self.bilingual and len(self.working_languages) < 2:
            raise ValueError(f"'bilingual: {self.bilingual}' needs two UN working languages "
                             f"in 'languages' (e.g. [en, fr]); this event has "
                             f"{', '.join(self.working_languages)}")
        return self

    @property
    def days(self) -> int:
        """How many days the event lasts."""
        return (self.end - self.start).days + 1

    @property
    def working_languages(self) -> list[str]:
        """The event's UN languages by code, English when it names none (names it gives
        that are not UN languages, such as Swahili, are interpretation only)."""
        codes = [c for c in map(language_code, self.languages) if c]
        return list(dict.fromkeys(codes)) or ["en"]

    def date_of(self, day: int) -> dt.date:
        """The calendar date of day `day` (1 is the first day, 0 the eve)."""
        return self.start + dt.timedelta(days=day - 1)
