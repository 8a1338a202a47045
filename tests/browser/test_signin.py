"""Sign-in through a real OpenID Connect provider: `oidc-provider-mock` on the loopback
address, the app started with `[auth]` pointing to it, and Chromium signing in through the
provider's login page as a viewer and as an editor."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from planner.library import history
from planner.library.access import ACCESS_FILE
from planner.ui import phrases
from tests.browser.conftest import _free_port, serving
from tests.browser.test_journeys import NOTE_TEXT, finished, shoot
from tests.conftest import SHIPPED
from tests.library.history_support import as_office, git

pytestmark = [
    pytest.mark.e2e,
    # The provider runs in this process; its Authlib warns of its own deprecated calls.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

ACCESS = """\
people:
  owner@unhcr.org: owner
  editor@iom.int: editor
  viewer@example.org: viewer
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The identity provider: any client id is accepted, any typed `sub` is the e-mail."""
    oidc = pytest.importorskip("oidc_provider_mock")
    import werkzeug.serving  # noqa: PLC0415 -- optional dependency, with the provider

    server = werkzeug.serving.make_server("127.0.0.1", _free_port(), oidc.app())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def signin_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's library: a copy of the shipped one, kept in git, with access.yaml."""
    library = tmp_path_factory.mktemp("signin") / "events"
    shutil.copytree(SHIPPED, library)
    (library / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    # Kept in git, so that every save is a commit naming its author.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        history.init_repository(library, "Library started")
        as_office(library, "Server")
    return library


@pytest.fixture(scope="module")
def app_url(provider: str, signin_library: Path) -> Iterator[str]:
    """The app on a free port with `[auth]` configured (its own working folder holds
    `.streamlit/secrets.toml`) over a library with access.yaml."""
    root = signin_library.parent
    port = _free_port()
    (root / ".streamlit").mkdir()
    (root / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-that-is-long-enough-0123456789"\n'
        'client_id = "planner"\nclient_secret = "planner-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    with serving(signin_library, port=port, cwd=root) as url:
        yield url


def sign_in(open_page: Callable[..., object], email: str, path: str = "") -> object:
    """A browser of its own, signed in as `email` through the provider's login page."""
    page = open_page(path)
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.locator("input[name=sub]").fill(email)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Authorize").click()  # type: ignore[attr-defined]
    page.get_by_text("Signed in as").wait_for()  # type: ignore[attr-defined]
    return page


def test_a_viewer_reads_the_public_view_and_no_edit_control(
        open_page: Callable[..., object], app_url: str) -> None:
    page = sign_in(open_page, "viewer@example.org")
    page.goto(f"{app_url}/participants?event=dakar-2008")  # type: ignore[attr-defined]
    page.get_by_text("You are a viewer of this event").wait_for()  # type: ignore[attr-defined]
    assert page.get_by_text("Signed in as").count() == 1  # type: ignore[attr-defined]
    assert page.locator("[data-testid=stFileUploader]").count() == 0  # type: ignore[attr-defined]


def test_an_editor_sees_the_edit_controls(
        open_page: Callable[..., object], app_url: str) -> None:
    page = sign_in(open_page, "editor@iom.int")
    page.goto(f"{app_url}/participants?event=dakar-2008")  # type: ignore[attr-defined]
    page.locator("[data-testid=stFileUploader]").first.wait_for()  # type: ignore[attr-defined]
    assert page.get_by_text("You are a viewer of this event").count() == 0  # type: ignore[attr-defined]


def test_a_stranger_is_refused(open_page: Callable[..., object]) -> None:
    page = open_page()
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.locator("input[name=sub]").fill("stranger@elsewhere.org")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Authorize").click()  # type: ignore[attr-defined]
    page.get_by_text("stranger@elsewhere.org has no access").wait_for()  # type: ignore[attr-defined]


#: What changes a record: a viewer's main area has none of these (downloads are apart).
EDIT_CONTROLS = ("[data-testid=stButton], [data-testid=stFormSubmitButton], textarea, "
                 "[data-testid=stTextInput], [data-testid=stFileUploader], "
                 "[data-testid=stNumberInput], [data-testid=stCheckbox]")


def _viewing(page: Page, app_url: str, path: str, heading: str) -> None:
    page.goto(f"{app_url}/{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    finished(page)
    expect(page.get_by_text(phrases.VIEWER_NOTE)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_viewer_sees_no_save_on_the_concept_note_and_working_groups(
        open_page: Callable[..., object], app_url: str) -> None:
    page = sign_in(open_page, "viewer@example.org")
    assert isinstance(page, Page)
    _viewing(page, app_url, "concept-note?event=dakar-2008", "Concept note")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stDownloadButton").first).to_be_visible()  # it still reads
    expect(main.locator(EDIT_CONTROLS)).to_have_count(0)
    shoot(page, "signin-viewer-concept-note")
    _viewing(page, app_url, "working-groups?event=dakar-2008", "Working groups")
    expect(main.get_by_text(phrases.GROUPS_LEADERS, exact=True)).to_have_count(0)
    expect(main.locator(EDIT_CONTROLS)).to_have_count(0)
    shoot(page, "signin-viewer-working-groups")
    _viewing(page, app_url, "programme?event=dakar-2008", "Programme")
    expect(main.locator(EDIT_CONTROLS)).to_have_count(0)


def _save_introduction(page: Page, app_url: str, event_id: str, text: str) -> None:
    page.goto(f"{app_url}/concept-note?event={event_id}")
    finished(page)
    area = page.locator(NOTE_TEXT).first
    area.fill(text)
    area.press("Control+Enter")
    expect(page.get_by_text(text).last).to_be_visible()  # the preview shows it
    finished(page)
    page.get_by_role("button", name=phrases.NOTE_SAVE).click()
    expect(page.get_by_text("(revision").first).to_be_visible()
    finished(page)


def _last_author(library: Path, event_id: str) -> str:
    """The e-mail address of the author of the event's last save."""
    return git(library, "log", "-1", "--format=%ae", "--", f"{event_id}.yaml").strip()


def test_an_editor_saves_and_the_history_names_them(
        open_page: Callable[..., object], app_url: str, signin_library: Path) -> None:
    page = sign_in(open_page, "editor@iom.int")
    assert isinstance(page, Page)
    page.goto(f"{app_url}/working-groups?event=dakar-2008")
    finished(page)
    # Dakar has no participants yet: what an editor may change is who chairs and reports.
    expect(page.get_by_text(phrases.GROUPS_LEADERS, exact=True)).to_be_visible()
    expect(page.get_by_text(phrases.VIEWER_NOTE)).to_have_count(0)
    _save_introduction(page, app_url, "dakar-2008", "Saved by the editor, signed in.")
    assert _last_author(signin_library, "dakar-2008") == "editor@iom.int"
    page.goto(f"{app_url}/history?event=dakar-2008")
    finished(page)
    # The table of saves is drawn on a canvas; its accessible cells carry the author.
    expect(page.get_by_test_id("stMain").locator("td", has_text="editor@iom.int")
           .first).to_be_attached()


def test_an_owner_s_grant_lets_a_viewer_edit(
        open_page: Callable[..., object], app_url: str, signin_library: Path) -> None:
    viewer = sign_in(open_page, "viewer@example.org")
    assert isinstance(viewer, Page)
    _viewing(viewer, app_url, "concept-note?event=manila-2010", "Concept note")
    owner = sign_in(open_page, "owner@unhcr.org")
    assert isinstance(owner, Page)
    owner.goto(f"{app_url}/history?event=manila-2010")
    finished(owner)
    owner.get_by_label(phrases.ACCESS_WHO).fill("viewer@example.org")
    owner.get_by_label(phrases.ACCESS_WHO).press("Tab")
    owner.get_by_test_id("stForm").get_by_role("combobox").click()
    owner.get_by_role("option", name="editor", exact=True).click()
    owner.get_by_role("button", name=phrases.ACCESS_GRANT).click()
    expect(owner.get_by_text("viewer@example.org is now editor for manila-2010")).to_be_visible()
    shoot(owner, "signin-owner-grants")
    # The same session of the viewer: the role counts from their next click.
    _save_introduction(viewer, app_url, "manila-2010", "Saved by the viewer made editor.")
    assert _last_author(signin_library, "manila-2010") == "viewer@example.org"
    viewer.goto(f"{app_url}/concept-note?event=dakar-2008")  # still a viewer elsewhere
    finished(viewer)
    expect(viewer.get_by_text(phrases.VIEWER_NOTE)).to_be_visible()
