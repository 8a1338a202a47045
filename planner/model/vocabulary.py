"""The organisers' vocabulary: kinds, roles, statuses and the ten action points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ACTION_POINTS",
    "ATTENDING",
    "NOT_COMING",
    "ActionPoint",
    "ActorRole",
    "ConsultationStatus",
    "EventKind",
    "FollowUpStatus",
    "Gender",
    "InitiativeLevel",
    "InvitationStatus",
    "InviteeCategory",
    "InviteeStatus",
    "OrganisationType",
    "OrganiserRoleKind",
    "ParticipantRole",
    "Seniority",
    "SessionBlock",
    "SessionKind",
    "SourceKind",
    "StatementKind",
]


class Labelled(StrEnum):
    """A vocabulary whose values are slugs and whose labels read as prose."""

    @property
    def label(self) -> str:
        """The value as an organiser would write it.

        Examples
        --------
        >>> OrganiserRoleKind.CO_HOST.label, OrganiserRoleKind.IN_COOPERATION_WITH.label
        ('Co-host', 'In cooperation with')
        """
        text = re.sub(r"(?<!\bco)-", " ", self.value)
        return text[:1].upper() + text[1:]


class EventKind(Labelled):
    """What kind of meeting an event is."""

    REGIONAL_CONFERENCE = "regional-conference"
    EXPERT_ROUNDTABLE = "expert-roundtable"
    WORKSHOP = "workshop"
    NATIONAL_CONSULTATION = "national-consultation"
    OTHER = "other"


class OrganiserRoleKind(Labelled):
    """The part an organisation plays in putting on an event."""

    CONVENER = "convener"
    HOST_GOVERNMENT = "host-government"
    CO_HOST = "co-host"
    CO_ORGANISER = "co-organiser"
    IN_COOPERATION_WITH = "in-cooperation-with"
    UNDER_THE_AUSPICES_OF = "under-the-auspices-of"
    SUPPORTING_INSTITUTION = "supporting-institution"
    FUNDER = "funder"
    SECRETARIAT = "secretariat"
    OBSERVER = "observer"
    PROCESS_OWNER = "process-owner"
    OTHER = "other"


class SourceKind(Labelled):
    """Which document of an event states a fact; the documents often disagree."""

    CONCEPT_NOTE = "concept-note"
    PROGRAMME = "programme"
    SUMMARY_REPORT = "summary-report"
    ACTION_PLAN = "action-plan"
    DECLARATION = "declaration"
    CO_HOSTS_SUMMARY = "co-hosts-summary"
    DISCUSSION_PAPER = "discussion-paper"
    SELECTED_RECOMMENDATIONS = "selected-recommendations"
    REVIEW = "review"
    OTHER_DOCUMENT = "other-document"
    EDITOR = "editor"

    @property
    def is_planning(self) -> bool:
        """Written before the event (or by the organiser now), not a record of it."""
        return self in (SourceKind.CONCEPT_NOTE, SourceKind.PROGRAMME, SourceKind.EDITOR)


class InviteeCategory(Labelled):
    """Invitation categories, in the conventional order of a concept note."""

    GOVERNMENTS = "governments"
    REGIONAL_ORGANISATIONS = "regional-organisations"
    DONORS = "donors"
    INTERNATIONAL_ORGANISATIONS = "international-organisations"
    CIVIL_SOCIETY = "civil-society"
    ACADEMIA = "academia"
    OTHER = "other"


class InviteeStatus(Labelled):
    """Where the invitation of a State or organisation stands, on the organisers' list."""

    TO_INVITE = "to-invite"
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class OrganisationType(Labelled):
    """What kind of body an organisation of the registry is."""

    STATE = "state"
    TERRITORY = "territory"
    GOVERNMENT_BODY = "government-body"
    UN_AGENCY = "un-agency"
    INTERGOVERNMENTAL = "intergovernmental"
    REGIONAL_ORGANISATION = "regional-organisation"
    REGIONAL_CONSULTATIVE_PROCESS = "regional-consultative-process"
    NGO = "ngo"
    RED_CROSS = "red-cross"
    DONOR_AGENCY = "donor-agency"
    ACADEMIC = "academic"
    PRIVATE = "private"
    OTHER = "other"


class SessionKind(Labelled):
    """What happens in a session of the programme."""

    PLENARY = "plenary"
    WORKING_GROUPS = "working-groups"
    REPORTING_BACK = "reporting-back"
    BREAK = "break"
    SOCIAL = "social"
    REGISTRATION = "registration"


class SessionBlock(Labelled):
    """A named part of a day, used when a programme gives no clock times."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class ConsultationStatus(Labelled):
    """Where a national consultation before the conference stands."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class FollowUpStatus(Labelled):
    """Where a follow-up activity stands, as the follow-up lists say it."""

    DONE = "done"
    PLANNED = "planned"
    ENVISAGED = "envisaged"
    TARGET = "target"
    IN_PROGRESS = "in-progress"
    DROPPED = "dropped"


class InvitationStatus(Labelled):
    """Where an invitee stands, from proposed to attended."""

    PROPOSED = "proposed"
    INVITED = "invited"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    DECLINED = "declined"
    CANCELLED = "cancelled"


#: Statuses of people expected in the room.
ATTENDING = frozenset({InvitationStatus.CONFIRMED, InvitationStatus.ATTENDED})
#: Statuses of people who will not come.
NOT_COMING = frozenset({InvitationStatus.DECLINED, InvitationStatus.CANCELLED})


class Gender(Labelled):
    """Gender as the person declared it."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class Seniority(Labelled):
    """The level at which a person takes part."""

    MINISTER = "minister"
    SENIOR_OFFICIAL = "senior-official"
    OFFICIAL = "official"
    EXPERT = "expert"
    OTHER = "other"


class InitiativeLevel(Labelled):
    """The scale at which a cooperation initiative works."""

    NATIONAL = "national"
    REGIONAL = "regional"
    GLOBAL = "global"


class ActorRole(Labelled):
    """The part an actor plays in a cooperation initiative, as the text states it.

    The last four name actors that are not partners: the network leaves them out
    when asked for partners only.
    """

    LEAD = "lead"
    CO_CHAIR = "co-chair"
    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    MEMBER = "member"
    PARTNER = "partner"
    OBSERVER = "observer"
    FUNDER = "funder"
    IMPLEMENTING_PARTNER = "implementing-partner"
    TECHNICAL_SUPPORT = "technical-support"
    HOST = "host"
    BENEFICIARY = "beneficiary"
    TARGET = "target"
    VENUE = "venue"
    MENTIONED = "mentioned"

    @property
    def is_partner(self) -> bool:
        """Takes part in the initiative, rather than being its object or setting."""
        return self not in (ActorRole.BENEFICIARY, ActorRole.TARGET, ActorRole.VENUE,
                            ActorRole.MENTIONED)


class StatementKind(Labelled):
    """An outcome document written as numbered paragraphs."""

    DECLARATION = "declaration"
    CO_HOSTS_SUMMARY = "co-hosts-summary"
    CHAIRS_SUMMARY = "chairs-summary"


class ParticipantRole(Labelled):
    """The part a person plays at an event."""

    HEAD_OF_DELEGATION = "head-of-delegation"
    DELEGATE = "delegate"
    ALTERNATE = "alternate"
    ADVISER = "adviser"
    OBSERVER = "observer"
    SPEAKER = "speaker"
    CHAIR = "chair"
    RAPPORTEUR = "rapporteur"
    SECRETARIAT = "secretariat"
    INTERPRETER = "interpreter"
    PRESS = "press"


@dataclass(frozen=True)
class ActionPoint:
    """One of the ten action points of UNHCR's 10-Point Plan of Action (2007)."""

    number: int
    name: str
    description: str


ACTION_POINTS: dict[int, ActionPoint] = {
    point.number: point
    for point in (
        ActionPoint(1, "Cooperation among key partners",
                    "Bring States, international and regional organisations and civil "
                    "society together to agree a comprehensive, coordinated response."),
        ActionPoint(2, "Data collection and analysis",
                    "Collect, analyse and exchange data on the characteristics of mixed "
                    "movements and of the groups that make them up."),
        ActionPoint(3, "Protection-sensitive entry systems",
                    "Border control that identifies and admits people in need of "
                    "international protection and respects non-refoulement."),
        ActionPoint(4, "Reception arrangements",
                    "Meet the basic needs of new arrivals, register them and give "
                    "them information in dignified reception conditions."),
        ActionPoint(5, "Mechanisms for profiling and referral",
                    "Establish the profile of each new arrival early and refer people "
                    "to the procedure or service that fits their needs."),
        ActionPoint(6, "Differentiated processes and procedures",
                    "Asylum procedures for refugees and other procedures for victims of "
                    "trafficking, children and migrants with specific needs."),
        ActionPoint(7, "Solutions for refugees",
                    "Voluntary repatriation, local integration and resettlement, and "
                    "legal migration opportunities for refugees."),
        ActionPoint(8, "Addressing secondary movements",
                    "Understand and respond to onward movement of refugees and "
                    "asylum-seekers from countries where they found protection."),
        ActionPoint(9, "Return of non-refugees and alternative migration options",
                    "Safe and dignified return of people found not to need international "
                    "protection, and regular migration channels as an alternative."),
        ActionPoint(10, "Information strategy",
                    "Inform people on the move, host communities and the public about "
                    "the dangers of irregular movement and the options available."),
    )
}
"""The 10-Point Plan's catalogue, keyed by number."""
