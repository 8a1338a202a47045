"""The app with sign-in: the identity provider's answer stands in for `st.user` (AppTest
cannot run an OpenID Connect flow), and roles come from the library's access.yaml."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library, history
from planner.library.access import ACCESS_FILE, Actor, Role
from planner.ui import PAGES, phrases, signin
from planner.ui.state import KEYS, key
from tests.library.history_support import git, isolate_git
from tests.ui.test_pages import ROOT, page_app

pytestmark = pytest.mark.e2e

EVENT = "synthetic-12-0"
ACCESS = """\
people:
  owner@unhcr.org: owner
  "@iom.int": editor
  viewer@example.org: viewer
"""


@pytest.fixture
def shared(synthetic_library: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The synthetic event's library, kept in git, with access.yaml and sign-in configured."""
    isolate_git(monkeypatch)
    history.init_repository(synthetic_library.path, "Library started")
    (synthetic_library.path / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    monkeypatch.setattr(signin, "auth_configured", lambda: True)
    return synthetic_library


def as_user(monkeypatch: pytest.MonkeyPatch, email: str | None) -> None:
    """Sign `email` in (None: nobody signed in)."""
    person = None if email is None else Actor(email, email.split("@")[0].title())
    monkeypatch.setattr(signin, "signed_in", lambda: person)


def whole_app(library: Library) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(library.path)
    return app.run()


def editors(app: AppTest) -> list[object]:
    """The editable tables of a page (a data editor is a dataframe with an editing mode)."""
    return [d for d in app.dataframe if d.proto.editing_mode]


def page(url_path: str, library: Library) -> AppTest:
    app = page_app(url_path, library)
    app.session_state[KEYS["event"]] = EVENT
    return app.run()


def test_nobody_signed_in_sees_only_the_sign_in_button(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, None)
    app = whole_app(shared)
    assert ([t.value for t in app.title], [b.label for b in app.button]) == (
        [phrases.SIGN_IN_TITLE], [phrases.SIGN_IN])


def test_an_unknown_user_is_refused(shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "stranger@elsewhere.org")
    app = whole_app(shared)
    assert [e.value for e in app.error] == [
        phrases.SIGN_IN_UNKNOWN.format(email="stranger@elsewhere.org")]
    assert not app.title


def test_without_auth_the_app_says_once_it_is_for_one_local_user() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert phrases.LOCAL_USER in [i.value for i in app.info]
    app.run()
    assert phrases.LOCAL_USER not in [i.value for i in app.info]


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_a_viewer_opens_every_page_without_edit_tables(
        shared: Library, monkeypatch: pytest.MonkeyPatch, url_path: str) -> None:
    as_user(monkeypatch, "viewer@example.org")
    app = page(url_path, shared)
    assert (list(app.exception), editors(app)) == ([], [])


def test_a_viewer_sees_the_public_participant_view(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "viewer@example.org")
    app = page("participants", shared)
    shown = app.dataframe[0].value
    event = shared.load(EVENT)
    assert not {"email", "phone", "gender"} & {c.lower() for c in shown.columns}
    assert len(shown) == sum(p.consent_to_publish for p in event.participants
                             if p.status.value not in ("declined", "cancelled"))
    assert not app.toggle  # the full list with contact details is not offered
    assert (editors(app), app.get("file_uploader")) == ([], [])
    assert phrases.VIEWER_NOTE in [i.value for i in app.info]


def test_an_editor_s_save_is_theirs(shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "omar@iom.int")
    app = page("participants", shared)
    roster = key("roster", EVENT)
    app.session_state[roster] = {"edited_rows": {0: {"status": "declined"}},
                                 "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("roster_save", EVENT)).click().run()
    assert list(app.exception) == [] and not app.error
    assert git(shared.path, "log", "-1", "--format=%an <%ae>").strip() == "Omar <omar@iom.int>"


def test_an_owner_grants_a_role_in_the_app(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner@unhcr.org")
    app = page("history", shared)
    app.text_input(key="grant-who").input("viewer@example.org")
    app.selectbox(key="grant-role-choice").set_value(Role.EDITOR)
    next(b for b in app.button if b.label == phrases.ACCESS_GRANT).click().run()
    assert list(app.exception) == [] and not app.error
    assert shared.access().role_of("viewer@example.org", EVENT) is Role.EDITOR
    as_user(monkeypatch, "viewer@example.org")
    assert editors(page("participants", shared))
