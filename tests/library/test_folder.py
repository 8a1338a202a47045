"""The library: ids that cannot escape, listing, validation and the coverage table."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import InvalidIdentifier, PlannerError, UnknownEvent, ValidationFailed
from planner.library import Library, check_id, coverage
from planner.model import Delegation

pytestmark = pytest.mark.integration

BAD_IDS = ["../../etc/passwd", "a/b", "..", "", "A", "x.yaml", "a b", "/etc/passwd", "a--b",
           "-a", "organisations\\x", "é"]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_check_id_refuses_ids_that_could_escape(bad: str) -> None:
    with pytest.raises(InvalidIdentifier, match="is not a valid event id"):
        check_id(bad)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "a/b"])
def test_library_refuses_bad_ids_on_load_save_and_path(small_library: Library, bad: str,
                                                       make_event) -> None:
    with pytest.raises(InvalidIdentifier):
        small_library.load(bad)
    with pytest.raises(InvalidIdentifier):
        small_library.event_path(bad)
    event = make_event().model_copy(update={"id": bad})
    with pytest.raises(InvalidIdentifier):
        small_library.save(event)


def test_load_unknown_event_lists_known_ones(small_library: Library) -> None:
    with pytest.raises(UnknownEvent, match=r"no event 'nope' .* \(known: test-2010\)"):
        small_library.load("nope")


def test_event_ids_skip_registry_and_non_slug_files(small_library: Library) -> None:
    (small_library.path / "Notes.yaml").write_text("x: 1\n", encoding="utf-8")
    assert small_library.event_ids() == ["test-2010"]


def test_validate_reports_file_named_differently_from_id(small_library: Library) -> None:
    source = small_library.event_path("test-2010")
    (small_library.path / "other-2010.yaml").write_text(source.read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    problems = small_library.validate()
    assert [(Path(p.file).name, p.message) for p in problems] == [
        ("other-2010.yaml", "the id 'test-2010' is not the file's name; set `id: other-2010` "
         "or rename the file to test-2010.yaml")]


def test_create_refuses_to_overwrite(small_library: Library, make_event) -> None:
    with pytest.raises(PlannerError, match="already exists"):
        small_library.create(make_event())


def test_save_refuses_a_record_that_would_not_load(small_library: Library) -> None:
    # A record built in code skips the registry check a file load makes; writing it
    # would leave a file that no longer opens.
    path = small_library.event_path("test-2010")
    before = path.read_text(encoding="utf-8")
    event = small_library.load("test-2010")
    stray = event.model_copy(update={"delegations": [Delegation(organisation="narnia")]})

    with pytest.raises(ValidationFailed, match=r"delegations\.0\.organisation: .*'narnia'"):
        small_library.save(stray)
    assert path.read_text(encoding="utf-8") == before


def test_coverage_counts_groups_and_recommendations_per_point(make_event) -> None:
    event = make_event(recommendations=[
        {"order": 1, "text": "a", "action_points": [3, 5]},
        {"order": 2, "text": "b", "action_points": [3]}])
    table = coverage([event])
    assert (table[3], table[5], table[1]) == (
        {"test-2010": (1, 2)}, {"test-2010": (0, 1)}, {"test-2010": (0, 0)})
