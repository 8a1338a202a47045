"""The event being planned, in a real browser: made from a template, every page opened, the
address keeping it across a refresh, and typed text kept across a visit to another page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from planner.ui import PAGES
from tests.browser.test_journeys import finished, go, shoot

pytestmark = pytest.mark.e2e

TITLE = "Regional Conference on Mixed Movements, Nairobi 2027"
PARAGRAPH = "Since Dar es Salaam, the routes south have changed; this conference takes stock."
# The section text box on show (Streamlit keeps stale, hidden copies during a rerun).
NOTE_TEXT = "textarea[aria-label='Text (blank lines separate paragraphs)']:visible"


def _make_nairobi(page: Page) -> None:
    go(page, "New event", "Start a new event from a past one")
    page.get_by_label("Template event").click()
    page.get_by_role("option", name="dar-es-salaam-2010").click()
    finished(page)  # while it reruns, Streamlit shows the old City box beside the new one
    expect(page.get_by_label("City")).to_have_value("Dar es Salaam")
    page.get_by_label("File id").fill("nairobi-2027")
    page.get_by_label("File id").press("Enter")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Title").press("Enter")
    page.get_by_label("City").fill("Nairobi")
    page.get_by_label("City").press("Enter")
    page.get_by_label("Host country").click()
    page.keyboard.type("Kenya")  # the list of States is long: type to narrow it
    page.get_by_role("option", name="Kenya", exact=True).click()
    page.get_by_label("Time zone").fill("Africa/Nairobi")
    page.get_by_label("Time zone").press("Enter")
    # The date field is three spin buttons (year/month/day): typing fills one and moves on.
    page.get_by_role("spinbutton", name="year, First day").click()
    page.keyboard.type("20270906")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Start a new event from a past one").click()  # blur: commit
    finished(page)
    expect(page.get_by_text(f"{TITLE} — Nairobi, 6–7 September 2027")).to_be_visible()
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_text("It is now the current event")).to_be_visible()


def test_nairobi_2027_opens_every_page_and_survives_a_refresh(page: Page) -> None:
    finished(page)
    _make_nairobi(page)
    for spec in PAGES:
        go(page, spec.title, page_heading(page, spec.title))
        expect(page.get_by_test_id("stException")).to_have_count(0)
        if spec.url_path not in ("library", "new-event"):
            expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
        shoot(page, f"planned-{spec.url_path}")
    expect(page).to_have_url(re.compile(r"[?&]event=nairobi-2027"))

    page.reload()
    finished(page)

    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("combobox", name="Current event")).to_have_value("nairobi-2027")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()


def test_typed_concept_note_survives_a_visit_to_another_page(page: Page) -> None:
    finished(page)
    page.goto(page.url.split("?")[0].rstrip("/") + "/concept-note?event=nairobi-2027")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    finished(page)
    text = page.locator(NOTE_TEXT).first
    text.fill(PARAGRAPH)
    go(page, "Participants", "Participants")  # the click that leaves also commits the text
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Unsaved edits: Concept note")).to_be_visible()

    go(page, "Concept note", "Concept note")

    expect(page.locator(NOTE_TEXT).first).to_have_value(
        PARAGRAPH)
    expect(page.get_by_text("Unsaved: your edits here are kept")).to_be_visible()
    shoot(page, "planned-concept-note-unsaved")


def page_heading(page: Page, title: str) -> str:
    """The heading a page shows: the page title, except where the page names itself."""
    del page
    return {"Library": "Library of past events", "New event": "Start a new event from a past one",
            "Action plan": "Recommendations and action plan",
            "Network": "Partner network"}.get(title, title)
