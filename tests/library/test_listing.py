"""The library table and its memo: the same rows as a full load, never stale ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import Library, listing
from planner.library.compare import find_events
from planner.library.listing import summarise_event
from planner.library.store import dump_event
from planner.library.table import library_table


def _full(library: Library, **filters: object) -> list[dict[str, object]]:
    """The rows as a full load gives them, without any memo."""
    return [summarise_event(e, library.registry)
            for e in find_events(library.events(), **filters)]  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _own_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))


@pytest.mark.parametrize("filters", [{}, {"year": 2027}, {"action_point": 6},
                                     {"region": "africa"}, {"kind": "workshop"},
                                     {"text": "nairobi"}])
def test_the_memo_gives_the_rows_of_a_full_load(planned: Library,
                                                filters: dict[str, object]) -> None:
    first = library_table(planned.path, **filters)  # type: ignore[arg-type]
    assert listing.cached_rows(planned.path) is not None
    assert library_table(planned.path, **filters) == first  # type: ignore[arg-type]
    assert first == _full(planned, **filters)


def test_the_planned_event_is_listed_with_its_future_dates(planned: Library) -> None:
    rows = {row["id"]: row for row in library_table(planned.path)}
    assert rows["nairobi-2027"]["start"] == "2027-09-06"
    assert rows["nairobi-2027"]["country"] == "Kenya"


def test_an_edited_event_is_listed_as_it_is_now(planned: Library) -> None:
    library_table(planned.path)
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"title": "Nairobi Conference 2027"}))
    rows = {row["id"]: row for row in library_table(planned.path)}
    assert rows["nairobi-2027"]["title"] == "Nairobi Conference 2027"


def test_a_new_organisation_name_in_the_registry_shows_in_the_rows(planned: Library) -> None:
    library_table(planned.path)
    registry = planned.path / "organisations.yaml"
    text = registry.read_text(encoding="utf-8")
    assert "name: Kenya\n" in text
    registry.write_text(text.replace("name: Kenya\n", "name: Republic of Kenya\n"),
                        encoding="utf-8")
    rows = {row["id"]: row for row in library_table(planned.path)}
    assert rows["nairobi-2027"]["country"] == "Republic of Kenya"


def test_a_file_that_no_longer_loads_fails_as_before(planned: Library) -> None:
    library_table(planned.path)
    path = planned.event_path("nairobi-2027")
    path.write_text(path.read_text(encoding="utf-8").replace("country: kenya",
                                                               "country: atlantis"),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["--library", str(planned.path), "list"])
    assert result.exit_code == 1
    assert "nairobi-2027.yaml" in result.output and "atlantis" in result.output


def test_a_removed_or_added_event_changes_the_table(planned: Library) -> None:
    library_table(planned.path)
    planned.event_path("manila-2010").unlink()
    extra = planned.load("nairobi-2027").model_copy(update={"id": "lusaka-2028"})
    planned.event_path("lusaka-2028").write_text(dump_event(extra), encoding="utf-8")
    ids = [row["id"] for row in library_table(planned.path)]
    assert "manila-2010" not in ids and "lusaka-2028" in ids


def test_another_version_of_the_code_does_not_trust_the_memo(
        planned: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    library_table(planned.path)
    assert listing.cached_rows(planned.path) is not None
    monkeypatch.setattr(listing, "_code_version", lambda: "another version")
    assert listing.cached_rows(planned.path) is None


def test_a_damaged_memo_is_only_a_slower_listing(planned: Library) -> None:
    library_table(planned.path)
    (memo,) = listing.cache_folder().glob("listing-*.json")
    memo.write_text('{"format": 1, "events": [{"row"', encoding="utf-8")
    assert listing.cached_rows(planned.path) is None
    assert library_table(planned.path) == _full(planned)
    memo.write_text(json.dumps({"format": 1}), encoding="utf-8")
    assert library_table(planned.path) == _full(planned)


def test_a_cache_folder_that_cannot_be_written_still_lists(
        planned: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("PLANNER_CACHE", str(blocked / "cache"))
    assert library_table(planned.path) == _full(planned)
    assert listing.cached_rows(planned.path) is None


def test_a_bare_library_lists_nothing_and_an_absent_one_says_so(tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "organisations.yaml").write_text("[]\n", encoding="utf-8")
    assert library_table(bare) == []
    assert library_table(bare) == []
    result = CliRunner().invoke(cli, ["--library", str(tmp_path / "absent"), "list"])
    assert result.exit_code != 0 and "absent" in result.output
