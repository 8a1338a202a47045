"""Saves that lose nothing (#20): the file named by its id, every writer under the lock,
atomic creation, the file's mode kept, crash leftovers removed, reserved ids refused."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from planner.errors import ConflictError, InvalidIdentifier, ValidationFailed
from planner.library import Library, store
from planner.library.store import dump_event, load_event
from planner.library.writing import TEMPORARY_SUFFIX, locked
from planner.library.yamlfile import dump_yaml_exact, load_yaml

PLANNER = [sys.executable, "-m", "planner"]


def run(library: Library, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PLANNER, "--library", str(library.path), *args],
                          capture_output=True, text=True, timeout=120, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name != ".planner.lock"}


def test_a_copied_file_is_refused_instead_of_editing_its_original(planned: Library) -> None:
    # `cp nairobi-2027.yaml kampala-2028.yaml`: editing "kampala-2028" used to write
    # into nairobi-2027.yaml.
    shutil.copy(planned.event_path("nairobi-2027"), planned.path / "kampala-2028.yaml")
    before = snapshot(planned.path)
    result = run(planned, "organisers", "add", "kampala-2028", "iom",
                 "--role", "co-organiser")
    assert result.returncode == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.endswith("kampala-2028.yaml:1:5: id: the id 'nairobi-2027' is not the file's "
                         "name; set `id: kampala-2028` or rename the file to nairobi-2027.yaml")
    assert snapshot(planned.path) == before


def test_validate_names_the_copied_file_and_its_fix(planned: Library) -> None:
    shutil.copy(planned.event_path("nairobi-2027"), planned.path / "kampala-2028.yaml")
    result = run(planned, "validate")
    assert result.returncode == 1
    assert "kampala-2028.yaml:1:5: id: the id 'nairobi-2027' is not the file's name" in (
        result.stdout + result.stderr)


@pytest.mark.parametrize("reserved", ["organisations", "initiatives"])
def test_registry_names_are_refused_as_event_ids(planned: Library, reserved: str) -> None:
    before = snapshot(planned.path)
    made = run(planned, "new", reserved, "--from", "nairobi-2027", "--start", "2028-03-01")
    assert made.returncode == 1
    assert made.stderr.strip().splitlines()[-1].startswith(
        f"Error: '{reserved}' is not a valid event id: {reserved}.yaml is the library's ")
    assert snapshot(planned.path) == before
    shown = run(planned, "show", reserved)
    assert shown.returncode == 1
    assert f"'{reserved}' is not a valid event id" in shown.stderr


def test_two_creations_with_one_id_make_one_event(planned: Library) -> None:
    # Both used to say "created"; the second overwrote the first.
    def create(city: str) -> subprocess.CompletedProcess[str]:
        return run(planned, "new", "kigali-2028", "--from", "nairobi-2027",
                   "--start", "2028-03-01", "--city", city, "--country", "rwanda")

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(create, ["Kigali", "Huye", "Musanze", "Rubavu"]))
    created = [r for r in results if r.returncode == 0]
    refused = [r for r in results if r.returncode != 0]
    assert len(created) == 1 and len(refused) == 3
    for result in refused:
        assert result.stderr.strip().splitlines()[-1].endswith(
            "kigali-2028.yaml already exists; choose another id")
    kept = load_event(planned.event_path("kigali-2028"), planned.registry)
    assert kept.revision == 1  # written once, never over
    assert kept.city in {"Kigali", "Huye", "Musanze", "Rubavu"}


def test_create_refuses_an_existing_file_under_the_lock(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    with pytest.raises(ConflictError, match=r"nairobi-2027.yaml already exists; choose another"):
        planned.create(event)


def test_format_waits_for_a_save_in_progress_and_keeps_it(planned: Library) -> None:
    path = planned.event_path("nairobi-2027")
    event = planned.load("nairobi-2027")
    path.write_text("# a comment format drops\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    with locked(planned.path):  # a save that has the lock
        formatter = subprocess.Popen([*PLANNER, "--library", str(planned.path), "format"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        assert formatter.poll() is None, "format did not wait for the library's lock"
        saved = event.model_copy(update={"title": "Nairobi 2027 (saved meanwhile)",
                                         "revision": 2})
        path.write_text("# still not canonical\n" + dump_event(saved), encoding="utf-8")
    out, err = formatter.communicate(timeout=120)
    assert formatter.returncode == 0, err
    after = load_event(path, planned.registry)
    assert after.title == "Nairobi 2027 (saved meanwhile)" and after.revision == 2
    assert path.read_text(encoding="utf-8") == dump_event(after)
    assert f"formatted {path}" in out


def test_formats_and_updates_at_once_lose_no_update(planned: Library) -> None:
    # Two writers each adding 15 themes while two `planner format` run over the library.
    script = (
        "import sys\n"
        "from planner.errors import ConflictError\n"
        "from planner.library import Library\n"
        "lib = Library.open(sys.argv[1])\n"
        "done = 0\n"
        "while done < 15:\n"
        "    event = lib.load('nairobi-2027')\n"
        "    themes = [*event.themes, f'{sys.argv[2]}{done}']\n"
        "    try:\n"
        "        lib.save(event.model_copy(update={'themes': themes}))\n"
        "        done += 1\n"
        "    except ConflictError:\n"
        "        pass\n"
    )
    writers = [subprocess.Popen([sys.executable, "-c", script, str(planned.path), mark])
               for mark in "ab"]
    formats = [subprocess.Popen([*PLANNER, "--library", str(planned.path), "format"],
                                stdout=subprocess.DEVNULL) for _ in range(2)]
    for process in [*writers, *formats]:
        assert process.wait(timeout=300) == 0
    themes = set(planned.load("nairobi-2027").themes)
    assert {f"{mark}{n}" for mark in "ab" for n in range(15)} <= themes


def test_a_save_keeps_the_files_mode(planned: Library) -> None:
    path = planned.event_path("nairobi-2027")
    os.chmod(path, 0o664)  # a library folder shared with colleagues
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"title": "Nairobi 2027 regional conference"}))
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_a_new_event_gets_the_usual_mode_not_a_private_one(planned: Library) -> None:
    umask = os.umask(0o022)
    try:
        event = planned.load("nairobi-2027")
        planned.create(event.model_copy(update={"id": "kigali-2028", "revision": 1}))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(planned.event_path("kigali-2028").stat().st_mode) == 0o644


def test_a_save_killed_midway_leaves_nothing_after_the_next_load(planned: Library) -> None:
    leftover = planned.path / f".nairobi-2027.yaml.x1y2{TEMPORARY_SUFFIX}"
    leftover.write_text("half a file", encoding="utf-8")
    assert Library(planned.path).event_ids() == planned.event_ids()  # listing alone
    assert leftover.exists()
    Library(planned.path).load("nairobi-2027")
    assert not leftover.exists()
    assert not list(planned.path.glob(f"*{TEMPORARY_SUFFIX}"))


def test_a_failed_save_leaves_no_temporary_file(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    broken = event.model_copy(update={"country": "atlantis"})
    with pytest.raises(ValidationFailed):
        planned.save(broken)
    assert not list(planned.path.glob(f".*{TEMPORARY_SUFFIX}"))


def test_check_id_refuses_registry_names() -> None:
    from planner.library import check_id  # noqa: PLC0415 -- the function under test

    with pytest.raises(InvalidIdentifier, match=r"organisations\.yaml is the library's "
                                                "organisation registry"):
        check_id("organisations")


def test_a_key_written_twice_names_both_lines(planned: Library) -> None:
    path = planned.event_path("nairobi-2027")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "title: Nairobi 2027 (pasted again)\n", encoding="utf-8")
    title_line = text.splitlines().index(next(line for line in text.splitlines()
                                              if line.startswith("title:"))) + 1
    last = len(text.splitlines()) + 1
    result = run(planned, "show", "nairobi-2027")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {path}:{last}:1: YAML syntax error: the key 'title' is here twice "
        f"(lines {title_line} and {last}); keep one")


def test_a_bad_byte_is_named_with_its_line_and_column(planned: Library) -> None:
    path = planned.event_path("nairobi-2027")
    lines = path.read_bytes().split(b"\n")
    city = next(i for i, line in enumerate(lines) if line.startswith(b"city:"))
    lines[city] = b"city: Nair\xf6bi"  # saved as Latin-1 by another editor
    path.write_bytes(b"\n".join(lines))
    result = run(planned, "show", "nairobi-2027")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {path}:{city + 1}:11: not UTF-8 text: byte 0xf6 cannot be read; "
        "save the file as UTF-8")


def test_a_missing_library_folder_is_an_error_not_an_empty_library(tmp_path: Path) -> None:
    missing = tmp_path / "libary"  # mistyped
    result = subprocess.run([*PLANNER, "--library", str(missing), "list"], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {missing}: no library folder here (a library is a folder with "
        "organisations.yaml and one YAML file per event)")


def test_a_link_out_of_the_library_is_refused(planned: Library, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(planned.event_path("nairobi-2027").read_text(encoding="utf-8")
                       .replace("id: nairobi-2027", "id: kampala-2028"), encoding="utf-8")
    (planned.path / "kampala-2028.yaml").symlink_to(outside)
    before = outside.read_bytes()
    result = run(planned, "organisers", "add", "kampala-2028", "iom", "--role", "co-organiser")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {planned.path / 'kampala-2028.yaml'} links to {outside.resolve()}, outside "
        "the library; put the file itself in the library folder")
    assert outside.read_bytes() == before


def test_a_link_inside_the_library_still_works(planned: Library) -> None:
    (planned.path / "sub").mkdir()
    moved = planned.path / "sub" / "nairobi-2027.yaml"
    planned.event_path("nairobi-2027").rename(moved)
    (planned.path / "nairobi-2027.yaml").symlink_to(moved)
    assert Library(planned.path).load("nairobi-2027").title == "Nairobi 2027"


# --- control characters (a stray \x01 from a CSV used to crash every export) -----------

def test_control_characters_in_a_registration_list_become_spaces(planned: Library,
                                                                  tmp_path: Path) -> None:
    upload = tmp_path / "list.csv"
    upload.write_text("First name,Last name,Organisation,Country,Position\n"
                      "Am\x01ina,Hassan,UNHCR,Kenya,Protection\x0bOfficer\n", encoding="utf-8")
    imported = run(planned, "participants", "import", "nairobi-2027", str(upload))
    assert imported.returncode == 0
    # Said, not silent: the organiser sees which cells held one.
    assert "column 'First name': a control character read as a space; column 'Position': " \
           "a control character read as a space" in imported.stdout
    assert "list.csv (CSV, comma-separated, UTF-8): 1 row: 1 imported" in imported.stdout
    person = next(p for p in planned.load("nairobi-2027").participants
                  if p.last_name == "Hassan")
    assert (person.first_name, person.position) == ("Am ina", "Protection Officer")
    for args in (("participants", "export", "nairobi-2027", "--format", "xlsx"),
                 ("programme", "export", "nairobi-2027", "--format", "frab-xml"),
                 ("programme", "export", "nairobi-2027", "--format", "ics")):
        result = run(planned, *args, "-o", str(tmp_path / f"out-{args[0]}-{args[-1]}"))
        assert result.returncode == 0, result.stderr


def test_a_control_character_written_into_the_file_is_named_with_its_line(
        planned: Library) -> None:
    path = planned.event_path("nairobi-2027")
    lines = path.read_text(encoding="utf-8").splitlines()
    city = next(i for i, line in enumerate(lines) if line.startswith("city:"))
    lines[city] = 'city: "Nai\\x01robi"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(planned, "validate", str(path))
    assert result.returncode == 1
    assert f"{path}:{city + 1}:7: YAML syntax error: a control character (U+0001) is in " \
           "this text; remove it" in result.stdout + result.stderr


def test_a_control_character_typed_in_the_app_is_saved_as_a_space(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"city": "Nai\x07robi"}))
    assert planned.load("nairobi-2027").city == "Nai robi"


def test_a_huge_number_in_the_file_is_named_with_its_line(planned: Library) -> None:
    # A slip that once reached OR-Tools' 64-bit arithmetic; now the model's bound refuses it.
    event = planned.load("nairobi-2027")
    first = event.working_groups[0].model_copy(update={"capacity": 7})
    text = dump_event(event.model_copy(update={"working_groups": [
        first, *event.working_groups[1:]]}))
    path = planned.event_path("nairobi-2027")
    path.write_text(text.replace("capacity: 7\n", "capacity: 99999999999999999999999\n"),
                    encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, s in enumerate(lines, 1) if s.strip() == "capacity: 7")
    column = lines[line - 1].index(":") + 3
    message = (f"{path}:{line}:{column}: working_groups.0.capacity: Input should be less than "
               "or equal to 100000, got 99999999999999999999999")
    validated = run(planned, "validate", str(path))
    assert (validated.returncode, validated.stdout) == (1, message + "\n")
    assigned = run(planned, "groups", "assign", "nairobi-2027")
    assert (assigned.returncode, assigned.stderr) == (1, f"Error: {message}\n")


def test_a_save_writes_the_text_once_and_reads_no_yaml(planned: Library,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # #21: the revision on disk is known from the load (the file's digest still matches),
    # the text is written by one dump and checked on the data it was written from.
    event = planned.load("nairobi-2027")
    calls: list[str] = []
    monkeypatch.setattr(store, "load_yaml", lambda *a, **k: calls.append("load") or
                        load_yaml(*a, **k))
    monkeypatch.setattr(store, "dump_yaml_exact", lambda *a, **k: calls.append("dump") or
                        dump_yaml_exact(*a, **k))
    saved = planned.save(event.model_copy(update={"city": "Mombasa"}))
    again = planned.save(saved)  # unchanged: nothing written
    assert (calls, saved.revision, again.revision) == (["dump", "dump"], 2, 2)
    assert planned.load("nairobi-2027").city == "Mombasa"


def test_a_file_edited_by_hand_since_the_load_is_read_again(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    path = planned.event_path("nairobi-2027")
    path.write_text(path.read_text(encoding="utf-8").replace("revision: 1", "revision: 5"),
                    encoding="utf-8")
    with pytest.raises(ConflictError, match=r"revision 5, yours is 1"):
        planned.save(event.model_copy(update={"city": "Mombasa"}))


def test_a_file_turned_into_a_list_on_disk_is_named_not_numbered(planned: Library) -> None:
    # Valid YAML, but no longer an event: the save says so, and writes nothing over it.
    event = planned.load("nairobi-2027")
    path = planned.event_path("nairobi-2027")
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ConflictError, match="no longer reads as an event") as refused:
        planned.save(event.model_copy(update={"title": "Nairobi 2027, edited"}))
    assert "revision None" not in str(refused.value) and str(path) in str(refused.value)
    assert path.read_text(encoding="utf-8") == "- just\n- a list\n"


def test_a_library_opened_from_a_string_works_as_from_a_path(planned: Library) -> None:
    assert Library(str(planned.path)).event_ids() == planned.event_ids()  # type: ignore[arg-type]


def test_the_text_this_process_wrote_is_not_parsed_again(
        planned: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another tab of the same app saved: the next load of that very text, against the same
    # registry, is the event the save checked, equal to what a parse gives.
    event = planned.load("nairobi-2027")
    saved = planned.save(event.model_copy(update={"title": "Nairobi Conference 2027"}))
    path = planned.event_path("nairobi-2027")
    parsed = store.parse_event(path.read_text(encoding="utf-8"), path, planned.registry)

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(store, "parse_event", no_parse)
    again = planned.load("nairobi-2027")
    assert again == parsed and again.title == saved.title and again.revision == saved.revision


def test_a_file_changed_by_another_process_or_registry_is_read_afresh(
        planned: Library) -> None:
    event = planned.load("nairobi-2027")
    planned.save(event.model_copy(update={"title": "Nairobi Conference 2027"}))
    path = planned.event_path("nairobi-2027")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Nairobi Conference 2027", "Nairobi Regional Conference 2027"), encoding="utf-8")
    assert planned.load("nairobi-2027").title == "Nairobi Regional Conference 2027"
    # The same text against another registry (a new registry file) is checked again.
    other = Library(planned.path)
    assert other.registry is not planned.registry
    assert other.load("nairobi-2027") == planned.load("nairobi-2027")
