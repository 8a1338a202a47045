"""The History page in a real browser, on Geneva's clone of a library shared with Nairobi:
a venue both offices changed is settled in the app, and an old revision restored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from planner.library import Library
from planner.library.sync import conflicted, sync
from tests.browser.test_journeys import finished, shoot
from tests.library.history_support import isolate_git, subjects, two_offices

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def browser_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Geneva's clone, the venue of nairobi-2027 in conflict with Nairobi's."""
    with pytest.MonkeyPatch.context() as patch:
        isolate_git(patch)
        nairobi, geneva, _bare = two_offices(tmp_path_factory.mktemp("offices"))
        for library, venue in ((nairobi, "UN Gigiri"), (geneva, "KICC")):
            library.save(library.load("nairobi-2027").model_copy(update={"venue": venue}))
        sync(nairobi.path)
        sync(geneva.path)
    assert conflicted(geneva.path) == ["nairobi-2027"]
    return geneva.path


def _open_history(open_page: Callable[..., object]) -> Page:
    page = open_page("history?event=nairobi-2027")
    assert isinstance(page, Page)
    finished(page)
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    return page


def test_a_conflict_is_settled_part_by_part_in_the_app(
        open_page: Callable[..., object], browser_library: Path) -> None:
    page = _open_history(open_page)
    expect(page.get_by_text("This event is in conflict with another office's version."))\
        .to_be_visible()
    expect(page.get_by_text("Jean Dupont's version (in the event now): 'KICC'")).to_be_visible()
    shoot(page, "history-conflict")
    page.get_by_text("Amina Njoroge's version (from origin): 'UN Gigiri'").click()
    finished(page)
    page.get_by_role("button", name="Keep these choices").click()
    expect(page.get_by_text("Conflict settled; saved as revision")).to_be_visible()
    library = Library(browser_library)
    assert library.load("nairobi-2027").venue == "UN Gigiri"
    assert conflicted(browser_library) == []
    assert subjects(browser_library)[0] == (
        "Conflict resolved: Venue — Amina Njoroge's version")
    expect(page.get_by_text("This event is in conflict")).to_have_count(0)


def test_an_old_revision_is_restored_after_confirmation(
        open_page: Callable[..., object], browser_library: Path) -> None:
    page = _open_history(open_page)
    before = len(subjects(browser_library, "nairobi-2027.yaml"))
    button = page.get_by_role("button", name="Restore revision")
    expect(button).to_be_disabled()  # nothing is restored without the confirmation
    page.get_by_text("Yes, save the content of revision").click()
    finished(page)
    page.get_by_role("button", name="Restore revision").click()
    expect(page.get_by_text("Restored revision")).to_be_visible()
    shoot(page, "history-restored")
    found = subjects(browser_library, "nairobi-2027.yaml")
    assert len(found) == before + 1 and found[0].startswith("Restored revision")


def test_a_new_event_from_a_shipped_template_is_one_commit(
        open_page: Callable[..., object], browser_library: Path) -> None:
    page = open_page("new-event")
    assert isinstance(page, Page)
    finished(page)
    page.get_by_label("Template event").click()
    page.get_by_role("option", name="dakar-2008").click()  # shipped, not in this library
    finished(page)  # while it reruns, Streamlit shows the old City box beside the new one
    expect(page.get_by_label("City")).to_have_value("Dakar")
    page.get_by_label("File id").fill("dakar-2028")
    page.get_by_label("File id").press("Enter")
    finished(page)
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_text("It is now the current event")).to_be_visible()
    assert subjects(browser_library, "dakar-2028.yaml") == [
        "New event dakar-2028, started from dakar-2008"]
