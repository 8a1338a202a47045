"""A conference built from a template in a real browser, never touching a file (issue 14): the
record, the organisers and invitations, the programme, the people, the groups, the
recommendations, the action plan and its follow-up, and every document downloaded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from planner.library import Library
from planner.model.vocabulary import NOT_COMING
from planner.programme.conflicts import check_programme
from tests.browser.test_journeys import finished, go, shoot
from tests.documents.reading import read_docx
from tests.factories.journey import (
    EVENT,
    ORGANISATIONS,
    RECOMMENDATIONS,
    REGISTRATIONS,
    STATES,
)

pytestmark = pytest.mark.e2e

TITLE = "Nairobi 2027"
SESSIONS = ("Working groups (continued)", "Lunch", "Reporting back and closing")


def _create(page: Page) -> None:
    go(page, "New event", "Start a new event from a past one")
    page.get_by_label("Template event").click()
    page.get_by_role("option", name="dar-es-salaam-2010").click()
    expect(page.get_by_label("City")).to_have_value("Dar es Salaam")
    for label, value in (("File id", EVENT), ("Title", TITLE), ("City", "Nairobi"),
                         ("Time zone", "Africa/Nairobi")):
        page.get_by_label(label).fill(value)
        page.get_by_label(label).press("Enter")
        finished(page)
    page.get_by_label("Host country").click()
    page.keyboard.type("Kenya")  # the list of States is long: type to narrow it
    page.get_by_role("option", name="Kenya", exact=True).click()
    # The date field is three spin buttons (year/month/day): typing fills one and moves on.
    page.get_by_role("spinbutton", name="year, First day").click()
    page.keyboard.type("20270906")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Start a new event from a past one").click()  # blur
    finished(page)
    expect(page.get_by_text(f"{TITLE} — Nairobi, 6–7 September 2027")).to_be_visible()
    shoot(page, "build-1-new-event")
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_text("It is now the current event")).to_be_visible()
    finished(page)


def _pick(page: Page, box: Locator, typed: str, option: str) -> None:
    """Pick one option of a long multiselect: type to narrow it, click the option."""
    box.click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option).first.click()
    page.keyboard.press("Escape")
    finished(page)


def _organisers_and_invitations(page: Page) -> None:
    go(page, "Event", "Event")
    # IOM as co-organiser: a row added at the foot of the organiser roles table.
    grid = page.get_by_test_id("stDataFrame").first
    grid.hover()
    grid.get_by_role("button", name="Add row").click()
    finished(page)
    box = grid.bounding_box()
    assert box is not None
    # The table draws on a canvas: a click selects the new row's first cell; Enter opens its
    # list, typing narrows it, Enter picks and moves down, so up and right to the role.
    page.mouse.click(box["x"] + 100, box["y"] + box["height"] - 18)
    for keys in (("Enter",), "iom", ("Enter", "ArrowUp", "ArrowRight", "Enter"), "Co-org",
                 ("Enter",)):
        if isinstance(keys, str):
            page.keyboard.type(keys)
        for name in () if isinstance(keys, str) else keys:
            page.keyboard.press(name)
            page.wait_for_timeout(300)  # the cell's editor opens, then reads the keys
        page.wait_for_timeout(300)
    finished(page)
    shoot(page, "build-2-organisers")
    page.get_by_role("button", name="Save the organiser roles").click()
    expect(page.get_by_text("(revision 2)")).to_be_visible()
    finished(page)
    who = page.get_by_label("From the registry")
    for org in (*STATES, *ORGANISATIONS):
        _pick(page, who, org, f"({org})")
    shoot(page, "build-3-invitations")
    page.get_by_role("button", name="Invite them").click()
    expect(page.get_by_text("(revision 3)")).to_be_visible()
    finished(page)


def _saved(page: Page, revision: int) -> None:
    expect(page.get_by_text(f"(revision {revision})").first).to_be_visible()
    finished(page)


def _choose(page: Page, panel: Locator, label: str, option: str) -> None:
    # On a busy machine a late rerun can redraw the select box and close its list under
    # the pointer: open it again rather than wait on an option that is gone.
    for attempt in range(3):
        finished(page)
        panel.get_by_label(label).click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=5_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    finished(page)


def _type_time(page: Page, panel: Locator, label: str, clock: str) -> None:
    # A time field is spin buttons (hour, minute): typing fills one and moves on.
    panel.get_by_role("spinbutton", name=f"hour, {label}").click()
    page.keyboard.type(clock.replace(":", ""))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Build the programme").click()  # blur: commit
    finished(page)


def _when(page: Page, panel: Locator, day: int, start: str, end: str) -> None:
    field = panel.get_by_label("Day (1 is the first; 0 the eve)")
    field.fill(str(day))
    field.press("Enter")
    finished(page)
    _type_time(page, panel, "Starts", start)
    _type_time(page, panel, "Ends", end)


def _title(page: Page, panel: Locator, label: str, title: str) -> None:
    panel.get_by_label(label).fill(title)
    panel.get_by_label(label).press("Enter")
    finished(page)


def _programme(page: Page, groups: list[str]) -> None:
    go(page, "Programme", "Programme")
    page.get_by_role("tab", name="Schedule a round").click()
    panel = page.get_by_role("tabpanel")  # only the open tab's panel is visible
    # The template's eight groups are all in round 1, unscheduled: the form offers them all.
    _title(page, panel, "Title (default: Working groups, round 1)", "Working groups")
    _when(page, panel, 1, "14:00", "17:30")
    panel.get_by_role("button", name="Schedule round 1").click()
    _saved(page, 4)
    # The same round meets again on day 2: round 1 again, and the form offers its groups.
    page.get_by_role("tab", name="Schedule a round").click()
    panel = page.get_by_role("tabpanel")
    number = panel.get_by_label("Round", exact=True)
    number.fill("1")
    number.press("Enter")
    finished(page)
    for title in groups:
        expect(panel.get_by_text(f"Round 1: {title}", exact=True)).to_be_visible()
    _title(page, panel, "Title (default: Working groups, round 1)", SESSIONS[0])
    _when(page, panel, 2, "09:00", "12:00")
    shoot(page, "build-4-round-again")
    panel.get_by_role("button", name="Schedule round 1").click()
    _saved(page, 5)
    for revision, kind, title, start, end in ((6, "Break", SESSIONS[1], "12:00", "13:30"),
                                              (7, "Plenary", SESSIONS[2], "13:30", "16:00")):
        page.get_by_role("tab", name="Add a session").click()
        panel = page.get_by_role("tabpanel")
        _choose(page, panel, "Kind", kind)
        _title(page, panel, "Title", title)
        _when(page, panel, 2, start, end)
        panel.get_by_role("button", name="Add the session").click()
        _saved(page, revision)
    expect(page.get_by_text("No person or room is in two places at once.")).to_be_visible()
    shoot(page, "build-5-programme")


def _finished_slowly(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=120_000)


def _participants(page: Page) -> None:
    go(page, "Participants", "Participants")
    page.locator("input[type=file]").set_input_files(REGISTRATIONS)
    expect(page.get_by_text("What would become of each row")).to_be_visible(timeout=30_000)
    finished(page)
    shoot(page, "build-6-import-proposals")
    expect(page.get_by_text("Organisations the registry does not know")).to_be_visible()
    page.get_by_role("button", name="Add every proposed organisation").click()
    # The 130 rows are read again with the new organisations: that takes a while.
    expect(page.get_by_text("To be added to the registry when you save")).to_be_visible(
        timeout=120_000)
    _finished_slowly(page)
    shoot(page, "build-6b-import-accepted")
    page.get_by_role("button", name="Save the imported participants into the event").click()
    expect(page.get_by_text("Imported into")).to_be_visible(timeout=120_000)
    _finished_slowly(page)
    shoot(page, "build-7-participants")


def _groups(page: Page) -> None:
    go(page, "Working groups", "Working groups")
    page.get_by_role("button", name="Compose the groups").click()
    expect(page.get_by_text("Composed in ")).to_be_visible(timeout=120_000)
    finished(page)
    shoot(page, "build-8-working-groups")
    page.get_by_role("button", name="Save this composition").click()
    expect(page.get_by_text("Saved the composition into")).to_be_visible()
    finished(page)


def _recommendations(page: Page) -> None:
    go(page, "Recommendations", "Recommendations")
    page.get_by_role("tab", name="Paste numbered text").click()
    panel = page.get_by_role("tabpanel")
    panel.get_by_label("Numbered text, one item per recommendation").fill(RECOMMENDATIONS)
    _title(page, panel, "Section (as numbered: I, II… or a title)", "I")
    expect(panel.get_by_text("5 recommendation(s) read from the text.")).to_be_visible()
    panel.get_by_role("button", name="Add them all").click()
    _saved(page, 10)
    shoot(page, "build-9-recommendations")


def _plan_and_follow_up(page: Page) -> None:
    go(page, "Action plan", "Recommendations and action plan")
    page.get_by_text("Show the draft").click()
    finished(page)
    shoot(page, "build-10-action-plan-draft")
    page.get_by_role("button", name="Adopt the draft as the event's action plan").click()
    _saved(page, 11)
    go(page, "Follow-up", "Follow-up")
    page.get_by_role("button", name="Track every action of the action plan").click()
    _saved(page, 12)
    shoot(page, "build-11-follow-up")


def _documents(page: Page, folder: Path) -> dict[str, bytes]:
    go(page, "Documents", "Documents")
    shoot(page, "build-12-documents")
    buttons = page.get_by_test_id("stDownloadButton").get_by_role("button")
    files = {}
    for index in range(buttons.count()):
        with page.expect_download(timeout=120_000) as download:
            buttons.nth(index).click()
        path = folder / download.value.suggested_filename
        download.value.save_as(path)
        files[path.name] = path.read_bytes()
        finished(page)
    return files


def test_a_conference_built_in_the_browser(page: Page, browser_library: Path,
                                           tmp_path: Path) -> None:
    import docx  # noqa: PLC0415 -- slow import

    groups = [g.title for g in Library(browser_library).load("dar-es-salaam-2010").working_groups]
    finished(page)
    _create(page)
    _organisers_and_invitations(page)
    _programme(page, groups)
    _participants(page)
    _groups(page)
    _recommendations(page)
    _plan_and_follow_up(page)
    files = _documents(page, tmp_path)

    event = Library(browser_library).load(EVENT)  # the registry as the import left it
    kinds = ("concept-note", "programme", "participant-list", "working-groups", "action-plan",
             "summary-report", "follow-up", "invitations", "badges")
    assert sorted(files) == sorted(f"{EVENT}-{kind}.{ext}" for kind in kinds
                                   for ext in ("docx", "pdf"))
    for name, data in files.items():
        if name.endswith(".docx"):
            docx.Document(io.BytesIO(data))
        else:
            assert data.startswith(b"%PDF"), name
    texts = {kind: read_docx(files[f"{EVENT}-{kind}.docx"]).everything for kind in kinds}
    staff = {p.id: p.organisation or "" for p in event.participants}
    rapporteurs = {staff.get(r.participant or "", "") for g in event.working_groups
                   for r in g.rapporteurs}
    assert check_programme(event) == []
    assert any(org.startswith("iom") for org in rapporteurs), rapporteurs
    assert ("iom", "co-organiser") in {(r.organisation, r.role.value) for r in event.organisers}
    assert {i.organisation for i in event.invited} >= {*STATES, *ORGANISATIONS}
    assert len(event.recommendations) == 5
    assert all(r.text in texts["action-plan"] for r in event.recommendations)
    assert all(r.text in texts["summary-report"] for r in event.recommendations)
    for title in SESSIONS:
        assert title in texts["programme"]
        assert title in texts["concept-note"]
    assert len(event.follow_up) == len(event.recommendations)
    badges = texts["badges"].casefold()
    assert all(p.last_name.casefold() in badges for p in event.participants
               if p.status not in NOT_COMING), badges[:300]
    assert TITLE in texts["invitations"]
