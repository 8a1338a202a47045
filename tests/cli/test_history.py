"""`planner init`, `history`, `diff`, `restore` and `sync`, as an organiser types them; and
`make run`'s default library."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.library import DEFAULT_LIBRARY
from tests.library.history_support import as_office, isolate_git, subjects, two_offices

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working library made with `planner init`, and the event being planned in it,
    started from the shipped Dar es Salaam 2010 (a template the library does not hold)."""
    isolate_git(monkeypatch)
    folder = tmp_path / "library"
    assert run("init", str(folder)) == (0, f"created the library {folder}, with its history "
                                           "in git\n")
    as_office(folder, "Amina Njoroge")
    code, output = run("--library", str(folder), "new", "nairobi-2027", "--from",
                       "dar-es-salaam-2010", "--title", "Nairobi 2027", "--start", "2027-09-06",
                       "--city", "Nairobi", "--country", "kenya")
    assert (code, output) == (0, f"created {folder / 'nairobi-2027.yaml'}\n")
    return folder


def test_init_makes_a_working_library(library: Path) -> None:
    assert sorted(p.name for p in library.iterdir()) == [
        ".git", ".gitignore", ".planner.lock", "initiatives.yaml", "nairobi-2027.yaml",
        "organisations.yaml"]
    assert run("init", str(library)) == (1, f"Error: {library} already exists and is not "
                                            "empty; choose a new folder (or use it as it is "
                                            "with --library)\n")


def test_a_save_into_the_shipped_library_is_refused() -> None:
    code, output = run("--library", str(DEFAULT_LIBRARY), "organisers", "add", "almaty-2011",
                       "iom", "--role", "funder")
    assert code == 1
    assert output.startswith(f"Error: {DEFAULT_LIBRARY / 'almaty-2011.yaml'}: the shipped "
                             "library of past events is read-only; start a new event from "
                             "it instead")
    assert "\n" not in output.rstrip("\n")


def test_every_cli_save_is_a_commit_and_history_lists_them(library: Path) -> None:
    assert run("--library", str(library), "organisers", "add", "nairobi-2027", "icrc",
               "--role", "observer")[0] == 0
    assert run("--library", str(library), "sections", "add", "nairobi-2027", "Budget")[0] == 0
    assert subjects(library, "nairobi-2027.yaml") == [
        "Concept note: section 'Budget' added",
        "Organisers: role 'icrc' added",
        "New event nairobi-2027, started from dar-es-salaam-2010"]
    code, output = run("--library", str(library), "history", "nairobi-2027")
    lines = output.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith("   3  ") and lines[0].endswith(
        "  Amina Njoroge         Concept note: section 'Budget' added")
    code, output = run("--library", str(library), "history", "nairobi-2027", "--json")
    data = json.loads(output)
    assert [r["revision"] for r in data["revisions"]] == [3, 2, 1]
    assert data["revisions"][0]["author"] == "Amina Njoroge" and data["conflict"] is None


def test_diff_and_restore(library: Path) -> None:
    run("--library", str(library), "organisers", "add", "nairobi-2027", "icrc", "--role",
        "funder")
    assert run("--library", str(library), "diff", "nairobi-2027", "1", "2") == (
        0, "Organisers: role 'icrc' added\n")
    assert run("--library", str(library), "restore", "nairobi-2027", "1") == (
        0, f"restored revision 1 of 'nairobi-2027' as revision 3 "
           f"({library / 'nairobi-2027.yaml'})\n")
    assert run("--library", str(library), "diff", "nairobi-2027", "1") == (
        0, "no change from revision 1 to now\n")
    assert run("--library", str(library), "diff", "nairobi-2027", "2", "3") == (
        0, "Organisers: role 'icrc' removed\n")
    code, output = run("--library", str(library), "diff", "nairobi-2027", "7")
    assert (code, output) == (1, f"Error: {library / 'nairobi-2027.yaml'}: no revision '7' "
                                 "(revisions: 1, 2, 3; or a commit id that `planner history` "
                                 "shows)\n")


def test_history_outside_a_repository_says_so(shipped_copy: object, tmp_path: Path) -> None:
    folder = tmp_path / "events"
    assert run("--library", str(folder), "history", "dakar-2008") == (
        0, f"{folder} keeps no history: it is not a git repository (`planner init DIR` makes "
           "a library that does)\n")


def test_sync_reports_a_conflict_in_both_clones(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    nairobi, geneva, _bare = two_offices(tmp_path)
    for library, venue in ((nairobi, "UN Gigiri"), (geneva, "KICC")):
        library.save(library.load("nairobi-2027").model_copy(update={"venue": venue}))
    assert run("--library", str(nairobi.path), "sync") == (
        0, "nothing new from origin\nsent this library's saves to origin\n")
    code, output = run("--library", str(geneva.path), "sync")
    assert (code, output.splitlines()) == (0, [
        "merged with this library's edits: nairobi-2027.yaml",
        "sent this library's saves to origin",
        "'nairobi-2027' is in conflict with Amina Njoroge's version (origin): 1 part(s) to "
        "choose in the app's History page",
        "  Venue: 'KICC' here, 'UN Gigiri' in the other version"])
    code, output = run("--library", str(nairobi.path), "sync")
    assert output.splitlines()[0] == "from origin: conflicts/nairobi-2027.other.yaml, " \
        "conflicts/nairobi-2027.yaml, nairobi-2027.yaml"
    assert "'nairobi-2027' is in conflict" in output
    assert "is in conflict" in run("--library", str(nairobi.path), "history", "nairobi-2027")[1]


def test_make_run_starts_a_default_working_library(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    folder = tmp_path / "library"
    make = shutil.which("make") or "make"
    done = subprocess.run([make, "-s", "-C", str(ROOT), f"LIBRARY={folder}", str(folder)],
                          capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert (folder / "organisations.yaml").read_bytes() == (
        DEFAULT_LIBRARY / "organisations.yaml").read_bytes()
    assert (folder / "initiatives.yaml").is_file() and (folder / ".git").is_dir()
    # Make's target is the folder: a second start opens the library it made.
    again = subprocess.run([make, "-C", str(ROOT), f"LIBRARY={folder}", str(folder)],
                           capture_output=True, text=True, check=False)
    assert again.returncode == 0 and "is up to date" in again.stdout
