"""The main journeys, in a real browser against a real server."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from planner.library import Library
from planner.ui import PAGES
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

REGISTRATIONS = Path(__file__).resolve().parents[1] / "ui" / "registrations.csv"
NEW_TITLE = "Second Regional Conference on Mixed Movements"
# The section text box on show (Streamlit keeps stale, hidden copies during a rerun).
NOTE_TEXT = "textarea[aria-label='Text (blank lines separate paragraphs)']:visible"


def shoot(page: Page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so the
    window grows to the main block's height (up to 8000 px) for the picture."""
    SCREENSHOTS.mkdir(exist_ok=True)
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), 8000)})
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size(size)


def finished(page: Page) -> None:
    """Wait until the app's script run is over (Streamlit marks its root element), and still
    over a moment later: a save reruns the page at once, and a page just opened has not yet
    begun its first run, so a single look can fall between two runs on a busy machine."""
    app = page.get_by_test_id("stApp")
    # Waits, not speed checks: a loaded CI machine can take seconds over the first run of a
    # page (speed is measured in bench/).
    expect(page.get_by_test_id("stMain")).to_be_visible(timeout=60_000)
    for _ in range(2):
        expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
        page.wait_for_timeout(250)
    expect(app).to_have_attribute("data-test-script-state", "notRunning")


def go(page: Page, link: str, heading: str) -> None:
    """Open a page by its link in the navigation and wait until it is drawn."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    finished(page)


def choose_event(page: Page, event_id: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("combobox", name="Current event").click()
    page.get_by_role("option", name=event_id, exact=True).click()
    expect(sidebar.get_by_role("combobox", name="Current event")).to_have_value(event_id)


def _create_event(page: Page) -> None:
    go(page, "New event", "Start a new event from a past one")
    page.get_by_label("Template event").click()
    page.get_by_role("option", name="dar-es-salaam-2010").click()
    expect(page.get_by_label("City")).to_have_value("Dar es Salaam")  # the template applied
    page.get_by_label("File id").fill("nairobi-2027")
    page.get_by_label("File id").press("Enter")
    expect(page.get_by_text("What will be created")).to_be_visible()
    page.get_by_label("Title").fill(NEW_TITLE)
    page.get_by_label("Title").press("Enter")
    expect(page.get_by_text(f"{NEW_TITLE} — Dar es Salaam")).to_be_visible()  # preview took it
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_text("It is now the current event")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("combobox", name="Current event")).to_have_value("nairobi-2027")
    shoot(page, "journey-1-new-event")


def _upload_participants(page: Page) -> None:
    go(page, "Participants", "Participants")
    page.locator("input[type=file]").set_input_files(REGISTRATIONS)
    expect(page.get_by_text("8 rows: 6 imported, 1 merged, 1 rejected")).to_be_visible()
    shoot(page, "journey-2-participants-report")
    page.get_by_role("button", name="Save the imported participants into the event").click()
    expect(page.get_by_text("Imported into")).to_be_visible()
    shoot(page, "journey-3-participants-saved")


def _compose_groups(page: Page) -> None:
    go(page, "Working groups", "Working groups")
    page.get_by_role("button", name="Compose the groups").click()
    expect(page.get_by_text("Composed in ")).to_be_visible()
    finished(page)
    shoot(page, "journey-4-working-groups")
    page.get_by_role("button", name="Save this composition").click()
    expect(page.get_by_text("Saved the composition into")).to_be_visible()


def _open_network(page: Page) -> None:
    go(page, "Network", "Partner network")
    expect(page.get_by_text("Mapped but not invited to " + NEW_TITLE)).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    shoot(page, "journey-5-network")


def _download_concept_note(page: Page, folder: Path) -> Path:
    go(page, "Concept note", "Concept note")
    expect(page.get_by_text(NEW_TITLE).first).to_be_visible()
    shoot(page, "journey-6-concept-note")
    with page.expect_download() as download:
        page.get_by_role("button", name="Word (.docx)").click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_main_journey_from_template_to_concept_note(page: Page, browser_library: Path,
                                                    tmp_path: Path) -> None:
    import docx  # noqa: PLC0415 -- slow import

    _create_event(page)
    _upload_participants(page)
    _compose_groups(page)
    _open_network(page)
    path = _download_concept_note(page, tmp_path)
    document = docx.Document(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    event = Library(browser_library).load("nairobi-2027")
    assert (path.name, NEW_TITLE in texts, len(event.participants),
            [len(p.working_groups) for p in event.participants]) == (
        "nairobi-2027-concept-note.docx", True, 6, [1] * 6)


def _type_introduction(page: Page, text: str) -> None:
    area = page.locator(NOTE_TEXT).first
    area.fill(text)
    area.press("Control+Enter")
    expect(page.get_by_text(text).last).to_be_visible()  # the preview shows it
    # The rerun over: while it runs, Streamlit shows the old widgets beside the new ones
    # (two "Save" buttons), and a click then has two to choose from.
    finished(page)


def test_conflicting_edits_from_two_pages_lose_nothing(
        open_page: Callable[..., Page], browser_library: Path) -> None:
    mine, theirs = (open_page("concept-note?event=sanaa-2008") for _ in range(2))
    for page in (mine, theirs):
        expect(page.get_by_text("in the Gulf of Aden").first).to_be_visible()
    _type_introduction(mine, "My introduction, typed first.")
    _type_introduction(theirs, "Their introduction, saved first.")
    theirs.get_by_role("button", name="Save the concept note").click()
    expect(theirs.get_by_text("(revision 2)")).to_be_visible()
    mine.get_by_role("button", name="Save the concept note").click()
    expect(mine.get_by_text("was saved by someone else since you opened it")).to_be_visible()
    shoot(mine, "conflict")
    area = mine.locator(NOTE_TEXT).first
    expect(area).to_have_value("My introduction, typed first.")
    on_disk = Library(browser_library).load("sanaa-2008").concept_note.sections[0].text
    assert on_disk == "Their introduction, saved first."


def test_every_page_opens_on_the_dar_es_salaam_event(page: Page) -> None:
    choose_event(page, "dar-es-salaam-2010")
    for spec in PAGES:
        before = page.get_by_role("heading", level=1).first.inner_text()
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=spec.title,
                                                         exact=True).click()
        if spec.url_path != "library":
            expect(page.get_by_role("heading", level=1).first).not_to_have_text(before)
        finished(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        shoot(page, spec.url_path)
