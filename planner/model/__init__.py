"""The vocabulary of the toolkit: pydantic models of events and what they produce."""

from planner.model.agenda import (
    AgendaItem,
    Break,
    Plenary,
    Session,
    Social,
    Speaker,
    WorkingGroupSlot,
)
from planner.model.base import SLUG_PATTERN, FrozenModel, Model, OrgId, Slug, is_slug
from planner.model.event import (
    BackgroundPaper,
    ConceptNote,
    ConceptNoteSection,
    Document,
    Event,
    Invitee,
    NationalConsultation,
    OrganiserRole,
    ParticipantCount,
    Preparation,
    SourceNote,
)
from planner.model.groups import WorkingGroup
from planner.model.organisations import Organisation, Registry, normalise_name
from planner.model.outcomes import (
    Action,
    ActionPlan,
    Area,
    FollowUpItem,
    Paragraph,
    Recommendation,
    SideList,
    Statement,
    SubTheme,
    Target,
)
from planner.model.people import Delegation, Participant
from planner.model.vocabulary import (
    ACTION_POINTS,
    ActionPoint,
    ConsultationStatus,
    EventKind,
    FollowUpStatus,
    InviteeCategory,
    OrganisationType,
    OrganiserRoleKind,
    ParticipantRole,
    SessionBlock,
    SessionKind,
    SourceKind,
    StatementKind,
)

__all__ = [
    "ACTION_POINTS", "SLUG_PATTERN", "Action", "ActionPlan", "ActionPoint", "AgendaItem",
    "Area", "BackgroundPaper", "Break", "ConceptNote", "ConceptNoteSection",
    "ConsultationStatus", "Delegation", "Document", "Event", "EventKind", "FollowUpItem",
    "FollowUpStatus", "FrozenModel", "Invitee", "InviteeCategory", "Model",
    "NationalConsultation", "OrgId", "Organisation", "OrganisationType",
    "OrganiserRole", "OrganiserRoleKind", "Paragraph", "Participant", "ParticipantCount",
    "ParticipantRole", "Plenary", "Preparation", "Recommendation", "Registry",
    "Session", "SessionBlock", "SessionKind", "SideList", "Slug", "Social", "SourceKind",
    "SourceNote", "Speaker", "Statement", "StatementKind", "SubTheme", "Target",
    "WorkingGroup", "WorkingGroupSlot", "is_slug", "normalise_name",
]
