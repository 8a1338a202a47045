"""The Streamlit pages, in the organiser's order; the only package that imports streamlit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.ui import (
    action_plan,
    concept_note,
    documents,
    event,
    follow_up,
    groups,
    history,
    library,
    network,
    new_event,
    participants,
    programme,
    recommendations,
)

__all__ = ["PAGES", "PageSpec"]


@dataclass(frozen=True)
class PageSpec:
    """A page of the app: where it sits in the navigation and what draws it."""

    section: str
    title: str
    icon: str
    url_path: str
    render: Callable[[], None]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("Library", "Library", ":material/library_books:", "library", library.render),
    PageSpec("Event", "New event", ":material/add_circle:", "new-event", new_event.render),
    PageSpec("Event", "Event", ":material/event:", "event", event.render),
    PageSpec("Event", "History", ":material/history:", "history", history.render),
    PageSpec("Event", "Concept note", ":material/description:", "concept-note",
             concept_note.render),
    PageSpec("People", "Participants", ":material/groups:", "participants", participants.render),
    PageSpec("People", "Working groups", ":material/workspaces:", "working-groups",
             groups.render),
    PageSpec("Programme", "Programme", ":material/calendar_month:", "programme",
             programme.render),
    PageSpec("Paperwork", "Documents", ":material/folder_open:", "documents", documents.render),
    PageSpec("Outcomes", "Recommendations", ":material/gavel:", "recommendations",
             recommendations.render),
    PageSpec("Outcomes", "Action plan", ":material/checklist:", "action-plan",
             action_plan.render),
    PageSpec("Outcomes", "Follow-up", ":material/trending_up:", "follow-up", follow_up.render),
    PageSpec("Network", "Network", ":material/hub:", "network", network.render),
)
