"""Every export command follows one rule for where it writes: `-o -` is standard output for
a text format, a missing folder is created (or refused in one line), an existing file is
kept unless `--force`, a file of the library is never written, every failure is one line
with exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.library import Library
from tests.conftest import SHIPPED

pytestmark = pytest.mark.e2e

EVENT = "dar-es-salaam-2010"
# Each export command, with what makes it write one text file.
EXPORTS = {
    "programme export": ["programme", "export", EVENT, "--format", "frab-json"],
    "agenda export": ["agenda", "export", EVENT, "--format", "frab-xml"],
    "followup export": ["followup", "export", EVENT, "--as-of", "2012-01-01", "--statuses"],
    "network export": ["network", "export", "--format", "kumu-json", "--edition", "2016"],
    "participants export": ["participants", "export", EVENT, "--format", "csv"],
    "render": ["render", "concept-note", EVENT],
}
TEXT = [name for name in EXPORTS if name != "render"]
STATUSES = "key;status/id\ndone;1\nplanned;2\nenvisaged;3\ntarget;4\nin-progress;5\ndropped;6\n"


@pytest.fixture
def library(shipped_copy: Library, tmp_path: Path) -> Library:
    (tmp_path / "statuses.csv").write_text(STATUSES, encoding="utf-8")
    return shipped_copy


def export(library: Library, name: str, output: Path | str, *extra: str) -> Result:
    args = list(EXPORTS[name])
    if args[-1] == "--statuses":
        args.append(str(library.path.parent / "statuses.csv"))
    return CliRunner().invoke(cli, ["--library", str(library.path), *args, "-o", str(output),
                                    *extra])


@pytest.mark.parametrize("name", EXPORTS)
def test_export_creates_a_missing_folder(library: Library, tmp_path: Path, name: str) -> None:
    target = tmp_path / "new" / "deeper" / "out.txt"

    result = export(library, name, target)

    assert (result.exit_code, result.output.splitlines()[-1].endswith(str(target))) == (0, True)
    assert target.stat().st_size > 0


@pytest.mark.parametrize("name", EXPORTS)
def test_export_where_a_file_stands_for_the_folder_is_one_line(library: Library,
                                                               tmp_path: Path, name: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")

    result = export(library, name, blocker / "out.txt")

    assert (result.exit_code, result.output) == (
        1, f"Error: {blocker}: cannot create the folder: a file is in the way\n")


@pytest.mark.parametrize("name", EXPORTS)
def test_export_to_a_folder_is_one_line(library: Library, tmp_path: Path, name: str) -> None:
    result = export(library, name, tmp_path)

    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path}: is a folder; give a file name\n")


@pytest.mark.parametrize("name", TEXT)
def test_export_to_dash_writes_standard_output(library: Library, tmp_path: Path,
                                               name: str) -> None:
    target = tmp_path / "out.txt"
    export(library, name, target)

    result = export(library, name, "-")

    assert (result.exit_code, result.stdout_bytes) == (0, target.read_bytes())
    assert not (Path.cwd() / "-").exists()


@pytest.mark.parametrize(("name", "extra", "why"), [
    ("render", [], "a Word document is not text"),
    ("participants export", ["--format", "xlsx"], "XLSX is not text"),
    ("network export", ["--format", "png"], "png is not text"),
    ("network export", ["--format", "csv"], "csv writes two files"),
])
def test_export_of_what_is_not_one_text_file_refuses_dash(library: Library, name: str,
                                                          extra: list[str], why: str) -> None:
    result = export(library, name, "-", *extra)

    assert (result.exit_code, result.output) == (1, f"Error: -o -: {why}; give a file name\n")


@pytest.mark.parametrize("name", EXPORTS)
def test_export_keeps_an_existing_file_unless_forced(library: Library, tmp_path: Path,
                                                     name: str) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")

    kept = export(library, name, target)
    after_refusal = target.read_text(encoding="utf-8")
    forced = export(library, name, target, "--force")

    assert (kept.exit_code, kept.output) == (
        1, f"Error: {target}: already exists; add --force to replace it\n")
    assert after_refusal == "keep me"
    assert (forced.exit_code, target.read_bytes() != b"keep me") == (0, True)


@pytest.mark.parametrize("file_name", [f"{EVENT}.yaml", "organisations.yaml",
                                       "initiatives.yaml", "nairobi-2030.yaml"])
@pytest.mark.parametrize("name", EXPORTS)
def test_export_never_writes_a_file_of_the_library(library: Library, name: str,
                                                   file_name: str) -> None:
    target = library.path / file_name
    before = target.read_bytes() if target.exists() else None

    result = export(library, name, target, "--force")

    assert (result.exit_code, result.output) == (
        1, f"Error: {target}: is a file of the library {library.path.resolve()}; exports "
           "never write over event or registry files: choose another name\n")
    assert (target.read_bytes() if target.exists() else None) == before
    assert library.load(EVENT).id == EVENT


def test_followup_export_writes_the_statuses_beside_the_results(library: Library,
                                                                tmp_path: Path) -> None:
    target = tmp_path / "results.csv"

    result = CliRunner().invoke(cli, ["--library", str(library.path), "followup", "export",
                                      EVENT, "-o", str(target), "--as-of", "2012-01-01"])

    statuses = tmp_path / "results-statuses.csv"
    assert (result.exit_code, result.output) == (0, (
        f"wrote 28 result(s) to {target}\n"
        f"wrote the statuses to create in Decidim first to {statuses}; if Decidim numbers "
        "them otherwise, export again with --statuses\n"))
    assert statuses.read_text(encoding="utf-8").splitlines()[:2] == [
        "status/id;key;name/en;progress", "1;done;Done;100"]


def test_followup_export_refuses_when_the_statuses_file_exists(library: Library,
                                                               tmp_path: Path) -> None:
    statuses = tmp_path / "results-statuses.csv"
    statuses.write_text("mine", encoding="utf-8")

    result = CliRunner().invoke(cli, ["--library", str(library.path), "followup", "export",
                                      EVENT, "-o", str(tmp_path / "results.csv")])

    assert (result.exit_code, result.output) == (
        1, f"Error: {statuses}: already exists; add --force to replace it\n")
    assert not (tmp_path / "results.csv").exists()


def test_render_all_keeps_existing_documents_unless_forced(small_library: Library,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "out"
    args = ["--library", str(small_library.path), "render-all", "test-2010", "-o", str(folder),
            "--as-of", "2011-01-01"]
    first = CliRunner().invoke(cli, args)

    again = CliRunner().invoke(cli, args)
    forced = CliRunner().invoke(cli, [*args, "--force"])

    assert (first.exit_code, again.exit_code, forced.exit_code) == (0, 1, 0)
    assert again.output == (f"Error: {folder / 'test-2010-concept-note.docx'}: already exists; "
                            "add --force to replace it\n")


def test_render_all_into_a_file_is_one_line(small_library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")

    result = CliRunner().invoke(cli, ["--library", str(small_library.path), "render-all",
                                      "test-2010", "-o", str(blocker)])

    assert (result.exit_code, result.output) == (
        1, f"Error: {blocker}: is a file; give the folder to write into\n")


@pytest.mark.parametrize("file_name", ["notes.csv", "dakar-2008.yaml"])
def test_export_never_writes_into_the_shipped_library(library: Library, file_name: str) -> None:
    target = SHIPPED / file_name

    result = export(library, "programme export", target, "--force")

    assert (result.exit_code, result.output) == (
        1, f"Error: {target}: is in the shipped library {SHIPPED.resolve()}, which nothing "
           "writes to: choose another name\n")
    assert not (SHIPPED / "notes.csv").exists()


def test_export_never_writes_into_the_librarys_history(library: Library) -> None:
    target = library.path / ".git" / "config"

    result = export(library, "programme export", target)

    assert result.exit_code == 1
    assert not target.exists()
