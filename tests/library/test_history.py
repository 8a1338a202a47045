"""Every save into a working library is one commit saying what changed; its history,
the comparison of two revisions in words, and restoring an old revision as a new one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import DEFAULT_LIBRARY, Library, history
from planner.library.changes import diff_records
from planner.library.working import init_library, load_template, restore, templates
from planner.model import Organisation
from tests.library.history_support import as_office, isolate_git, plan_nairobi, subjects

pytestmark = pytest.mark.unit


@pytest.fixture
def working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """A library made with `planner init`, holding the event being planned."""
    isolate_git(monkeypatch)
    library = as_office(init_library(tmp_path / "library").path, "Amina Njoroge")
    plan_nairobi(library)
    return library


def test_a_save_into_the_shipped_library_is_refused_and_writes_nothing() -> None:
    shipped = Library(DEFAULT_LIBRARY)
    before = (DEFAULT_LIBRARY / "almaty-2011.yaml").read_bytes()
    event = shipped.load("almaty-2011")
    with pytest.raises(PlannerError, match="start a new event from it instead"):
        shipped.save(event.model_copy(update={"venue": "Somewhere else"}))
    with pytest.raises(PlannerError, match="read-only"):
        shipped.create(event.model_copy(update={"id": "almaty-2031"}))
    with pytest.raises(PlannerError, match="read-only"):
        shipped.add_organisations([Organisation(id="x-org", name="X", type="ngo")])
    assert (DEFAULT_LIBRARY / "almaty-2011.yaml").read_bytes() == before
    assert not (DEFAULT_LIBRARY / "almaty-2031.yaml").exists()


def test_a_copy_of_the_shipped_library_is_an_ordinary_library(shipped_copy: Library) -> None:
    event = shipped_copy.load("almaty-2011")
    assert shipped_copy.save(event.model_copy(update={"venue": "Hotel"})).revision == 2


def test_init_copies_the_registry_and_initiatives_into_a_repository(working: Library) -> None:
    for name in ("organisations.yaml", "initiatives.yaml"):
        assert (working.path / name).read_bytes() == (DEFAULT_LIBRARY / name).read_bytes()
    assert history.is_repository(working.path)
    assert working.registry["kenya"].id == "kenya" and working.initiatives
    assert subjects(working.path)[-1].startswith("Library started")


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PlannerError, match="not empty"):
        init_library(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_templates_come_from_the_library_and_the_shipped_events(working: Library) -> None:
    ids = [event.id for event in templates(working)]
    assert ids[0] == "nairobi-2027"
    assert set(Library(DEFAULT_LIBRARY).event_ids()) <= set(ids)
    assert load_template(working, "dakar-2008").id == "dakar-2008"


def test_every_save_is_one_commit_naming_what_changed(working: Library) -> None:
    path = working.event_path("nairobi-2027")
    assert subjects(working.path, path.name) == [
        "New event nairobi-2027, started from dar-es-salaam-2010"]
    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={"venue": "UN Gigiri"}))
    event = working.load("nairobi-2027")
    groups = [event.working_groups[0].model_copy(update={"title": "Protection at sea"}),
              *event.working_groups[1:]]
    working.save(event.model_copy(update={"working_groups": groups}))
    found = history.revisions(working.path, path)
    assert [r.revision for r in found] == [3, 2, 1]
    assert found[1].message == "Venue: 'UN Gigiri' added"
    assert found[0].message.startswith("Working groups: working group 'Respecting the human "
                                       "rights of people on the move, irrespec…' title "
                                       "changed from 'Respecting")
    assert found[0].message.endswith("to 'Protection at sea'")
    assert {r.author for r in found} == {"Amina Njoroge"}


def test_an_unchanged_save_makes_no_commit(working: Library) -> None:
    working.save(working.load("nairobi-2027"))
    assert len(history.revisions(working.path, working.event_path("nairobi-2027"))) == 1


def test_the_author_is_planner_author_or_the_one_saving_says(
        working: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_AUTHOR", "Jean Dupont <jean@example.org>")
    working.save(working.load("nairobi-2027").model_copy(update={"venue": "A"}))
    with history.saving(author=history.Author("Grace Achieng", "grace@example.org"),
                        message="Venue: chosen at the host's meeting"):
        working.save(working.load("nairobi-2027").model_copy(update={"venue": "B"}))
    found = history.revisions(working.path, working.event_path("nairobi-2027"))
    assert [(r.author, r.email, r.message) for r in found[:2]] == [
        ("Grace Achieng", "grace@example.org", "Venue: chosen at the host's meeting"),
        ("Jean Dupont", "jean@example.org", "Venue: 'A' added")]


def test_a_machine_without_git_configured_still_commits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    library = init_library(tmp_path / "fresh")
    plan_nairobi(library)
    found = history.revisions(library.path, library.event_path("nairobi-2027"))
    assert len(found) == 1 and found[0].author and "@" in found[0].email


def test_registry_additions_are_commits_too(working: Library) -> None:
    working.add_organisations([Organisation(id="kituo", name="Kituo Cha Sheria", type="ngo")])
    assert subjects(working.path, "organisations.yaml")[0] == (
        "Organisation registry: organisation 'Kituo Cha Sheria' added")


def test_a_folder_that_is_no_repository_keeps_working_without_history(
        shipped_copy: Library) -> None:
    event = shipped_copy.save(shipped_copy.load("dakar-2008").model_copy(update={"venue": "X"}))
    assert event.revision == 2
    assert history.revisions(shipped_copy.path, shipped_copy.event_path("dakar-2008")) == []
    with pytest.raises(PlannerError, match="no history here"):
        history.diff(shipped_copy.path, shipped_copy.event_path("dakar-2008"), "1")


def test_a_library_inside_another_repository_commits_nothing_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    outer = init_library(tmp_path / "outer").path
    inner = outer / "copy"
    shutil.copytree(DEFAULT_LIBRARY, inner)
    before = subjects(outer)
    library = Library(inner)
    library.save(library.load("dakar-2008").model_copy(update={"venue": "X"}))
    assert subjects(outer) == before


def test_diff_reads_as_words_by_section(working: Library) -> None:
    path = working.event_path("nairobi-2027")
    event = working.load("nairobi-2027")
    working.save(event.model_copy(update={
        "venue": "UN Gigiri", "working_groups": event.working_groups[1:],
        "languages": ["English", "French", "Swahili"]}))
    lines = [str(c) for c in history.diff(working.path, path, "1", "2")]
    assert lines == ["Venue: 'UN Gigiri' added", "Languages: 3 entries added",
                     "Working groups: working group 'Respecting the human rights of people "
                     "on the move, irrespec…' removed"]
    assert [str(c) for c in history.diff(working.path, path, "1")] == lines  # to the file now
    assert history.diff(working.path, path, "2") == []


def test_diff_of_the_planned_event_against_its_template(planned: Library) -> None:
    old = planned.load("dar-es-salaam-2010").model_dump(mode="json", exclude_defaults=True)
    new = planned.load("nairobi-2027").model_dump(mode="json", exclude_defaults=True)
    lines = [str(c) for c in diff_records(old, new)]
    assert "City: changed from 'Dar es Salaam' to 'Nairobi'" in lines
    assert any(line.startswith("Recommendations: ") and line.endswith(" removed")
               for line in lines)


def test_restore_brings_back_an_old_revision_as_a_new_one(working: Library) -> None:
    path = working.event_path("nairobi-2027")
    original = path.read_text(encoding="utf-8")
    working.save(working.load("nairobi-2027").model_copy(update={"venue": "UN Gigiri"}))
    restored = restore(working, "nairobi-2027", "1")
    assert restored.revision == 3
    assert path.read_text(encoding="utf-8") == original.replace("revision: 1", "revision: 3")
    found = history.revisions(working.path, path)
    assert [r.revision for r in found] == [3, 2, 1]
    assert found[0].message.startswith("Restored revision 1 of ")
    with pytest.raises(PlannerError, match="nothing to restore"):
        restore(working, "nairobi-2027", found[0].short)
    with pytest.raises(PlannerError, match=r"no revision '9' \(revisions: 1, 2, 3"):
        restore(working, "nairobi-2027", "9")


def test_a_bare_event_gets_its_history_too(working: Library, make_event: object) -> None:
    dakar = load_template(working, "dakar-2008")
    working.create(clone_event(dakar, new_id="bare-2030", title="Bare", city="Accra",
                               country="ghana", parts=(), registry=working.registry))
    found = history.revisions(working.path, working.event_path("bare-2030"))
    assert [r.message for r in found] == ["New event bare-2030, started from dakar-2008"]
