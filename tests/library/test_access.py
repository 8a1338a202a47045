"""Roles from access.yaml: parsed with located one-line errors, and checked by the domain's
save, so that a viewer's save is refused whatever shell makes it; saves carry their author."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.library.access import (
    ACCESS_FILE,
    AccessDenied,
    Actor,
    Role,
    grant,
    load_access,
)
from planner.library.working import init_library
from tests.library.history_support import as_office, git, isolate_git, plan_nairobi

pytestmark = pytest.mark.unit

ACCESS = """\
default: viewer
people:
  amina@unhcr.org: owner
  "@iom.int": editor
events:
  nairobi-2027:
    jean@iom.int: viewer
"""


@pytest.fixture
def working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    isolate_git(monkeypatch)
    library = as_office(init_library(tmp_path / "library").path, "Amina Njoroge")
    plan_nairobi(library)
    (library.path / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    return library


def test_the_most_specific_entry_wins(tmp_path: Path) -> None:
    (tmp_path / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    access = load_access(tmp_path)
    assert access.role_of("Amina@UNHCR.org") is Role.OWNER
    assert access.role_of("omar@iom.int") is Role.EDITOR
    assert access.role_of("jean@iom.int") is Role.EDITOR
    assert access.role_of("jean@iom.int", "nairobi-2027") is Role.VIEWER
    assert access.role_of("someone@example.org") is Role.VIEWER


def test_a_library_without_the_file_knows_nobody(tmp_path: Path) -> None:
    access = load_access(tmp_path)
    assert access.role_of("amina@unhcr.org") is None
    with pytest.raises(AccessDenied, match=r"^amina@unhcr.org has no access to this library; "
                       "ask an owner of the library to add you to access.yaml$"):
        access.check(Actor("amina@unhcr.org"), None)


@pytest.mark.parametrize(("text", "message"), [
    ("people:\n  amina@unhcr.org: boss\n",
     r"access.yaml:2:20: amina@unhcr.org: 'boss' is not a role \(roles: owner, editor, "
     r"viewer\)$"),
    ("people:\n  amina: owner\n", r"access.yaml:2:10: 'amina' is neither an e-mail"),
    ("default: viewer\nroles: {}\n", r"access.yaml:2:8: unknown key 'roles'"),
    ("people: [a, b]\n", r"access.yaml:1:9: people: expected 'e-mail or @domain: role'"),
    ("people:\n  a@b.org: [\n", r"access.yaml:\d+:\d+: YAML syntax error"),
])
def test_a_bad_file_is_one_located_line(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / ACCESS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(PlannerError, match=message) as caught:
        load_access(tmp_path)
    assert "\n" not in str(caught.value)


def test_a_viewer_s_save_is_refused_by_the_domain(working: Library) -> None:
    event = working.load("nairobi-2027")
    changed = event.model_copy(update={"venue": "Elsewhere"})
    with pytest.raises(AccessDenied, match=r"^jean@iom.int is a viewer of 'nairobi-2027' "
                       "and cannot save; ask an owner for the editor role$"):
        working.save(changed, actor=Actor("jean@iom.int"))
    assert working.load("nairobi-2027").venue == event.venue


def test_an_editor_s_save_is_theirs_in_the_history(working: Library) -> None:
    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={"venue": "UN Gigiri"}),
                 actor=Actor("omar@iom.int", "Omar Haddad"))
    assert git(working.path, "log", "-1", "--format=%an <%ae>").strip() == (
        "Omar Haddad <omar@iom.int>")


def test_the_local_user_saves_without_checks(working: Library) -> None:
    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={"venue": "UN Gigiri"}))
    assert git(working.path, "log", "-1", "--format=%an").strip() == "Amina Njoroge"


def test_an_owner_grants_a_role_and_it_takes_effect(working: Library) -> None:
    grant(working.path, "jean@iom.int", Role.EDITOR, "nairobi-2027",
          actor=Actor("amina@unhcr.org", "Amina"))
    assert working.access().role_of("jean@iom.int", "nairobi-2027") is Role.EDITOR
    assert git(working.path, "log", "-1", "--format=%s|%ae").strip() == (
        "jean@iom.int made editor for nairobi-2027|amina@unhcr.org")
    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={"venue": "UN Gigiri"}), actor=Actor("jean@iom.int"))


def test_only_an_owner_grants_roles(working: Library) -> None:
    with pytest.raises(AccessDenied, match=r"omar@iom\.int is not an owner"):
        grant(working.path, "omar@iom.int", Role.OWNER, actor=Actor("omar@iom.int"))
    assert load_access(working.path).role_of("omar@iom.int") is Role.EDITOR


def test_access_is_not_an_event_id() -> None:
    from planner.library import check_id  # noqa: PLC0415 -- the one test of the check

    with pytest.raises(PlannerError, match="list of who may do what"):
        check_id("access")


def test_a_viewer_restores_no_revision_and_an_editor_s_restore_is_theirs(
        working: Library) -> None:
    from planner.library.history import revisions  # noqa: PLC0415 -- this test's alone
    from planner.library.working import restore  # noqa: PLC0415 -- this test's alone

    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={"venue": "UN Gigiri"}))
    first = revisions(working.path, working.event_path("nairobi-2027"))[-1].commit
    with pytest.raises(AccessDenied, match=r"^jean@iom\.int is a viewer of 'nairobi-2027'"):
        restore(working, "nairobi-2027", first, actor=Actor("jean@iom.int"))
    assert working.load("nairobi-2027").venue == "UN Gigiri"
    restore(working, "nairobi-2027", first, actor=Actor("omar@iom.int", "Omar Haddad"))
    assert (working.load("nairobi-2027").venue, git(
        working.path, "log", "-1", "--format=%an <%ae>").strip()) == (
        event.venue, "Omar Haddad <omar@iom.int>")


def test_a_viewer_settles_no_conflict(working: Library) -> None:
    from planner.library.sync import resolve  # noqa: PLC0415 -- this test's alone

    # Refused before anything is looked at or removed: the role comes first.
    with pytest.raises(AccessDenied, match=r"^jean@iom\.int is a viewer of 'nairobi-2027'"):
        resolve(working, "nairobi-2027", ["kept"], actor=Actor("jean@iom.int"))


def test_a_library_viewer_changes_no_organisation(working: Library) -> None:
    from planner.library.registry import (  # noqa: PLC0415 -- this test's alone
        add_organisation,
        merge_organisations,
        new_organisation,
    )

    registry = (working.path / "organisations.yaml").read_text(encoding="utf-8")
    guest = Actor("guest@example.org")  # not listed: the default, viewer
    added = new_organisation(working.registry, org_id="new-ngo", name="A New NGO", type="ngo")
    refused = ("^guest@example\\.org is a viewer of this library and cannot save; ask an owner "
               "for the editor role$")
    with pytest.raises(AccessDenied, match=refused):
        add_organisation(working, added, actor=guest)
    with pytest.raises(AccessDenied, match=refused):
        merge_organisations(working, keep="unhcr", drop="iom", actor=guest)
    assert (working.path / "organisations.yaml").read_text(encoding="utf-8") == registry
    add_organisation(working, added, actor=Actor("omar@iom.int"))
    assert "new-ngo" in Library(working.path).registry
