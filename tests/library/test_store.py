"""The store: safe loading with located problems, lossless round trips, safe saves."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from planner.errors import ConflictError, ValidationFailed
from planner.library import Library
from planner.library.store import (
    dump_event,
    dump_registry,
    load_event,
    load_registry,
    parse_event,
    save_event,
)
from planner.library.writing import write_atomically
from tests.conftest import SHIPPED, SHIPPED_IDS

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_shipped_event_round_trip_is_byte_identical(event_id: str) -> None:
    library = Library(SHIPPED)
    path = library.event_path(event_id)
    event = load_event(path, library.registry)
    assert dump_event(event) == path.read_text(encoding="utf-8")
    assert parse_event(dump_event(event), path, library.registry) == event


def test_shipped_registry_round_trip_is_byte_identical() -> None:
    path = SHIPPED / "organisations.yaml"
    assert dump_registry(load_registry(path)) == path.read_text(encoding="utf-8")


def test_registry_refuses_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "organisations.yaml"
    path.write_text("- {id: iom, name: IOM, type: intergovernmental}\n"
                    "- {id: iom, name: Other, type: ngo}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_registry(path)
    assert [str(p) for p in failure.value.problems] == [
        f"{path}:2:8: id: 'iom' is already the id of entry 1"]


def test_registry_state_without_iso_is_located(tmp_path: Path) -> None:
    path = tmp_path / "organisations.yaml"
    path.write_text("- id: chad\n  name: Chad\n  type: state\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_registry(path)
    assert [str(p) for p in failure.value.problems] == [
        f"{path}:1:3: 0: a State needs its ISO 3166-1 alpha-2 code in 'iso'"]


def test_load_reports_syntax_error_with_line_and_column(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    path.write_text("id: test-2010\ntitle: [unclosed\nkind: workshop\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_event(path, small_library.registry)
    [problem] = failure.value.problems
    assert (problem.file, problem.line) == (str(path), 3)
    assert problem.message.startswith("YAML syntax error")


def test_load_reports_every_problem_at_its_line(small_library: Library, event_data) -> None:
    path = small_library.event_path("test-2010")
    text = path.read_text(encoding="utf-8")
    text = text.replace("start: 2010-09-06", "start: 2010-13-45x")
    text = text.replace("country: yemen", "country: yemenn")
    text = text.replace("title: Test Conference", "title: Test Conference\ntitel: typo")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_event(path, small_library.registry)
    lines = text.splitlines()
    found = {p.field: p for p in failure.value.problems}
    assert set(found) == {"titel", "country", "start"}
    assert lines[found["country"].line - 1] == "country: yemenn"
    assert found["country"].message == "unknown organisation 'yemenn'; did you mean 'yemen'?"
    assert lines[found["titel"].line - 1] == "titel: typo"
    assert found["start"].hint == "dates are YYYY-MM-DD, unquoted"


def test_problem_shape_is_path_line_column_field_message(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    text = path.read_text(encoding="utf-8").replace("day: 2", "day: two")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_event(path, small_library.registry)
    [problem] = failure.value.problems
    line = text.splitlines().index("  day: two") + 1
    assert str(problem) == (f"{path}:{line}:8: sessions.1.day: Input should be a valid "
                            "integer, got 'two'")


def test_load_reports_dangling_working_group_in_session(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    text = path.read_text(encoding="utf-8").replace("working_groups: [entry]",
                                                    "working_groups: [exit]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as failure:
        load_event(path, small_library.registry)
    assert [p.message for p in failure.value.problems] == [
        "no working group 'exit' in this event"]


def test_save_bumps_revision_and_second_stale_save_conflicts(small_library: Library) -> None:
    first = small_library.load("test-2010")
    second = small_library.load("test-2010")
    saved = small_library.save(first.model_copy(update={"title": "First"}))
    with pytest.raises(ConflictError, match="saved by someone else since you opened it"):
        small_library.save(second.model_copy(update={"title": "Second"}))
    on_disk = small_library.load("test-2010")
    assert (on_disk.title, on_disk.revision, saved.revision) == ("First", 2, 2)


def test_concurrent_saves_one_wins_nothing_lost(small_library: Library) -> None:
    loaded = small_library.load("test-2010")
    outcomes: list[str] = []

    def save(title: str) -> None:
        try:
            small_library.save(loaded.model_copy(update={"title": title}))
            outcomes.append(f"saved {title}")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(f"T{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o.startswith("saved")]
    assert (len(winners), outcomes.count("conflict")) == (1, 3)
    assert f"saved {small_library.load('test-2010').title}" == winners[0]


def test_save_unchanged_event_writes_nothing(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    before = path.stat().st_mtime_ns
    event = small_library.load("test-2010")
    assert small_library.save(event) == event
    assert path.stat().st_mtime_ns == before


def test_crash_mid_save_leaves_old_file_intact(small_library: Library, monkeypatch) -> None:
    path = small_library.event_path("test-2010")
    original = path.read_text(encoding="utf-8")
    event = small_library.load("test-2010").model_copy(update={"title": "Half written"})

    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # the process is interrupted before the data is safe

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        save_event(event, path)
    assert path.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_write_atomically_replaces_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("old\n", encoding="utf-8")
    write_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"


def test_invalid_file_is_never_overwritten_by_format(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    broken = path.read_text(encoding="utf-8").replace("kind: regional-conference",
                                                      "kind: [")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValidationFailed):
        small_library.load("test-2010")
    assert path.read_text(encoding="utf-8") == broken


CORRUPTIONS = {
    "syntax error": (r"^title: .*$", "title: [unclosed", "YAML syntax error"),
    "wrong type": (r"^revision: \d+$", "revision: many", "Input should be a valid integer"),
    "unknown organisation": (r"^country: .*$", "country: atlantis",
                             "unknown organisation 'atlantis'"),
    "bad date": (r"^start: .*$", "start: 2010-02-30", "Input should be a valid date"),
}


@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_corrupted_shipped_event_is_reported_at_its_line(shipped_copy: Library, event_id: str,
                                                         corruption: str) -> None:
    pattern, replacement, message = CORRUPTIONS[corruption]
    path = shipped_copy.event_path(event_id)
    text = re.sub(pattern, replacement, path.read_text(encoding="utf-8"), count=1,
                  flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    [problem] = shipped_copy.validate()
    assert (problem.file, message in problem.message) == (str(path), True)
    if corruption != "syntax error":  # a parser reports where it noticed, not where it began
        assert text.splitlines()[problem.line - 1].startswith(replacement.split(":")[0])
