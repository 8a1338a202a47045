"""Two offices' clones of one working library behind a bare repository on the local disk:
what each did comes together both ways, and a field both changed is a conflict kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.event.new import clone_event
from planner.library import Library, history
from planner.library.sync import conflict_of, conflicted, resolve, sync
from planner.library.working import load_template
from tests.library.history_support import isolate_git, subjects, two_offices

pytestmark = pytest.mark.unit


@pytest.fixture
def offices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Library, Library]:
    isolate_git(monkeypatch)
    nairobi, geneva, _bare = two_offices(tmp_path)
    return nairobi, geneva


def _edit(library: Library, **changes: object) -> None:
    library.save(library.load("nairobi-2027").model_copy(update=changes))


def test_edits_to_different_events_come_together_both_ways(
        offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    _edit(nairobi, venue="UN Gigiri")
    dakar = load_template(geneva, "dakar-2008")
    geneva.create(clone_event(dakar, new_id="accra-2028", title="Accra 2028", city="Accra",
                              country="ghana", registry=geneva.registry))
    assert sync(nairobi.path).pushed
    report = sync(geneva.path)
    assert report.taken == ["nairobi-2027.yaml"] and report.pushed and not report.in_conflict
    sync(nairobi.path)
    for library in offices:
        assert library.load("nairobi-2027").venue == "UN Gigiri"
        assert library.load("accra-2028").city == "Accra"
    assert sync(nairobi.path).lines() == ["nothing new from origin",
                                          "origin has every save of this library"]


def test_different_sections_of_one_event_merge_without_a_question(
        offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    _edit(nairobi, venue="UN Gigiri")
    _edit(nairobi, languages=["English", "French"])  # two saves here: revision 3
    groups = geneva.load("nairobi-2027").working_groups
    _edit(geneva, working_groups=[groups[0].model_copy(update={"title": "Protection at sea"}),
                                  *groups[1:]])
    sync(nairobi.path)
    report = sync(geneva.path)
    assert report.merged == ["nairobi-2027.yaml"] and report.in_conflict == []
    sync(nairobi.path)
    for library in offices:
        event = library.load("nairobi-2027")
        assert (event.venue, event.languages) == ("UN Gigiri", ["English", "French"])
        assert event.working_groups[0].title == "Protection at sea"
        assert event.revision == 4  # newer than both sides: an open page reloads
    assert subjects(geneva.path)[0] == "Synced with origin"
    assert (nairobi.path / "nairobi-2027.yaml").read_text(encoding="utf-8") == (
        geneva.path / "nairobi-2027.yaml").read_text(encoding="utf-8")


def test_a_field_both_changed_is_a_conflict_reported_in_both_clones(
        offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    _edit(nairobi, venue="UN Gigiri")
    _edit(geneva, venue="KICC")
    sync(nairobi.path)
    report = sync(geneva.path)
    assert report.in_conflict == ["nairobi-2027"]
    assert sync(nairobi.path).in_conflict == ["nairobi-2027"]
    for library in offices:
        assert conflicted(library.path) == ["nairobi-2027"]
        conflict = conflict_of(library.path, "nairobi-2027")
        assert conflict is not None
        assert [str(part) for part in conflict.parts] == [
            "Venue: 'KICC' here, 'UN Gigiri' in the other version"]
        assert (conflict.kept.author, conflict.other.author) == ("Jean Dupont", "Amina Njoroge")
        # Both versions are kept: Geneva's in the file, Nairobi's whole file beside it.
        assert library.load("nairobi-2027").venue == "KICC"
        other = (library.path / "conflicts" / "nairobi-2027.other.yaml").read_text("utf-8")
        assert "venue: UN Gigiri" in other


def test_resolving_chooses_part_by_part_in_one_commit(offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    _edit(nairobi, venue="UN Gigiri", city="Nairobi City")
    _edit(geneva, venue="KICC", city="Nairobi County")
    sync(nairobi.path)
    sync(geneva.path)
    parts = conflict_of(geneva.path, "nairobi-2027").parts  # type: ignore[union-attr]
    assert [p.section for p in parts] == ["City", "Venue"]
    with pytest.raises(PlannerError, match="for each of the 2 part"):
        resolve(geneva, "nairobi-2027", ["other"])
    saved = resolve(geneva, "nairobi-2027", ["kept", "other"])
    assert (saved.city, saved.venue) == ("Nairobi County", "UN Gigiri")
    assert conflicted(geneva.path) == []
    assert subjects(geneva.path)[0] == ("Conflict resolved: City — Jean Dupont's version; "
                                        "Venue — Amina Njoroge's version")
    assert history.git(geneva.path, "status", "--porcelain").stdout == ""
    sync(geneva.path)
    sync(nairobi.path)
    assert conflicted(nairobi.path) == []
    assert nairobi.load("nairobi-2027").venue == "UN Gigiri"


def test_keeping_every_part_here_still_settles_the_conflict(
        offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    _edit(nairobi, venue="UN Gigiri")
    _edit(geneva, venue="KICC")
    sync(nairobi.path)
    sync(geneva.path)
    resolve(geneva, "nairobi-2027", ["kept"])
    assert conflicted(geneva.path) == [] and geneva.load("nairobi-2027").venue == "KICC"
    assert subjects(geneva.path)[0].startswith("Conflict resolved: Venue — Jean Dupont's")


def test_hand_edits_travel_as_a_commit_of_their_own(offices: tuple[Library, Library]) -> None:
    nairobi, geneva = offices
    path = nairobi.event_path("nairobi-2027")
    path.write_text(path.read_text("utf-8").replace("city: Nairobi", "city: Kisumu"), "utf-8")
    sync(nairobi.path)
    sync(geneva.path)
    assert geneva.load("nairobi-2027").city == "Kisumu"
    assert "Edits made outside the planner" in subjects(nairobi.path)


def test_a_remote_given_as_a_folder_works_and_a_missing_one_is_one_line(
        offices: tuple[Library, Library], tmp_path: Path) -> None:
    nairobi, _geneva = offices
    _edit(nairobi, venue="UN Gigiri")
    assert sync(nairobi.path, str(tmp_path / "shared.git")).pushed
    with pytest.raises(PlannerError, match="git ls-remote failed") as raised:
        sync(nairobi.path, str(tmp_path / "nowhere.git"))
    assert "\n" not in str(raised.value)


def test_sync_outside_a_repository_says_how_to_start(shipped_copy: Library) -> None:
    with pytest.raises(PlannerError, match="planner init DIR"):
        sync(shipped_copy.path)
