"""The Streamlit pages, in the organiser's order; the only package that imports streamlit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.ui import library, new_event

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
)
