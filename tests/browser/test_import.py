"""The import journey in a real browser: a list naming organisations the registry lacks, the
proposals shown, accepted with one click, and saved into the registry and the event."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from planner.library import Library
from tests.browser.test_journeys import choose_event, finished, go, shoot

pytestmark = pytest.mark.e2e

LIST = ("Name,Organisation,Country,Role,Working group preferences\n"
        "Amina Hassan,International Rescue Committee,Kenya,delegate,\n"
        "Omar Farah,IRC,Somalia,organiser,\n"
        "Mwila Banda,Ministry of Home Affairs,Zambia,Head of delegation,\n"
        "Neema Kimaro,Ministry of Home Affairs,Tanzania,delegate,\n"
        "Erika Feller,UNHCR,,speaker,\n")


def test_proposed_organisations_are_accepted_and_saved(page: Page, browser_library: Path,
                                                       tmp_path: Path) -> None:
    registry_file = browser_library / "organisations.yaml"
    before = registry_file.read_text(encoding="utf-8")
    upload = tmp_path / "registrations.csv"
    upload.write_text(LIST, encoding="utf-8")
    choose_event(page, "dar-es-salaam-2010")
    go(page, "Participants", "Participants")
    page.locator("input[type=file]").set_input_files(upload)
    expect(page.get_by_text("5 rows: 2 imported, 0 merged, 0 rejected, 3 held")).to_be_visible()
    expect(page.get_by_text("Organisations the registry does not know")).to_be_visible()
    finished(page)
    shoot(page, "import-1-proposals")
    assert registry_file.read_text(encoding="utf-8") == before
    page.get_by_role("button", name="Add every proposed organisation").click()
    expect(page.get_by_text("5 rows: 5 imported, 0 merged, 0 rejected")).to_be_visible()
    expect(page.get_by_text("To be added to the registry when you save")).to_be_visible()
    finished(page)
    shoot(page, "import-2-accepted")
    page.get_by_role("button", name="Save the imported participants into the event").click()
    expect(page.get_by_text("Imported into")).to_be_visible()
    finished(page)
    library = Library(browser_library)
    event = library.load("dar-es-salaam-2010")
    after = registry_file.read_text(encoding="utf-8")
    assert (after.startswith(before), [o.id for o in list(library.registry)[-2:]]) == (
        True, ["international-rescue-committee", "zambia-ministry-of-home-affairs"])
    delegations = {d.organisation: d for d in event.delegations}
    assert (delegations["zambia"].head, "neema-kimaro" in delegations["tanzania"].members,
            "mwila-banda" in delegations["tanzania"].members) == ("mwila-banda", True, False)
