"""Sign-in through a real OpenID Connect provider: `oidc-provider-mock` on the loopback
address, the app started with `[auth]` pointing to it, and Chromium signing in through the
provider's login page as a viewer and as an editor."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator

import pytest

from planner.library.access import ACCESS_FILE
from tests.browser.conftest import _free_port, serving
from tests.conftest import SHIPPED

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
def app_url(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port with `[auth]` configured (its own working folder holds
    `.streamlit/secrets.toml`) over a library with access.yaml."""
    root = tmp_path_factory.mktemp("signin")
    library = root / "events"
    shutil.copytree(SHIPPED, library)
    (library / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    port = _free_port()
    (root / ".streamlit").mkdir()
    (root / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-that-is-long-enough-0123456789"\n'
        'client_id = "planner"\nclient_secret = "planner-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    with serving(library, port=port, cwd=root) as url:
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
