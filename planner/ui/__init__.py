"""The Streamlit pages, in the organiser's order; the only package that imports streamlit."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

__all__ = ["PAGES", "PageSpec"]


@dataclass(frozen=True)
class PageSpec:
    """A page of the app: where it sits in the navigation and the module that draws it."""

    section: str
    title: str
    icon: str
    url_path: str
    module: str
    """The page's module in `planner.ui`, imported the first time the page is drawn: the
    app's first page does not wait for every other page's libraries (the network's,
    the paperwork's, the solver's)."""

    def render(self) -> None:
        """Draw the page."""
        importlib.import_module(f"planner.ui.{self.module}").render()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("Library", "Library", ":material/library_books:", "library", "library"),
    PageSpec("Event", "New event", ":material/add_circle:", "new-event", "new_event"),
    PageSpec("Event", "Event", ":material/event:", "event", "event"),
    PageSpec("Event", "History", ":material/history:", "history", "history"),
    PageSpec("Event", "Concept note", ":material/description:", "concept-note",
             "concept_note"),
    PageSpec("People", "Participants", ":material/groups:", "participants", "participants"),
    PageSpec("People", "Working groups", ":material/workspaces:", "working-groups",
             "groups"),
    PageSpec("Programme", "Programme", ":material/calendar_month:", "programme",
             "programme"),
    PageSpec("Paperwork", "Documents", ":material/folder_open:", "documents", "documents"),
    PageSpec("Outcomes", "Recommendations", ":material/gavel:", "recommendations",
             "recommendations"),
    PageSpec("Outcomes", "Action plan", ":material/checklist:", "action-plan",
             "action_plan"),
    PageSpec("Outcomes", "Follow-up", ":material/trending_up:", "follow-up", "follow_up"),
    PageSpec("Network", "Network", ":material/hub:", "network", "network"),
)
