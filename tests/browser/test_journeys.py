"""The main journeys, in a real browser against a real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_library_page_lists_the_shipped_events(page) -> None:
    page.get_by_role("heading", name="Library of past events").wait_for()
    page.get_by_text("Two events side by side").wait_for()
    shoot(page, "library")
    assert page.get_by_role("heading", name="Library of past events").is_visible()


def test_new_event_from_dar_es_salaam_is_created(page, browser_library: Path) -> None:
    page.get_by_role("link", name="New event").click()
    page.get_by_role("heading", name="Start a new event from a past one").wait_for()
    page.get_by_label("Template event").click()
    page.get_by_role("option", name="dar-es-salaam-2010").click()
    expect(page.get_by_label("City")).to_have_value("Dar es Salaam")  # the template applied
    page.get_by_label("File id").fill("nairobi-2027")
    page.get_by_label("File id").press("Enter")
    page.get_by_label("Title").fill("Second Regional Conference on Mixed Movements")
    page.get_by_label("Title").press("Enter")
    page.get_by_text("What will be created").wait_for()
    page.get_by_role("button", name="Create the event").click()
    page.get_by_text("It is now the current event").wait_for()
    shoot(page, "new-event")
    sidebar = page.get_by_test_id("stSidebar")
    # The sidebar is redrawn on the rerun that follows the creation: wait for it.
    expect(sidebar.get_by_role("combobox", name="Current event")).to_have_value("nairobi-2027")
    text = (browser_library / "nairobi-2027.yaml").read_text(encoding="utf-8")
    assert "title: Second Regional Conference on Mixed Movements\n" in text
    assert "city: Dar es Salaam\n" in text
