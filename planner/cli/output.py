"""Where an export goes: standard output for `-o -`, else files that are kept unless
`--force` and that are never a file of the library.

Every export command writes through `write_output` or `write_files`, so that the rule
is one rule: a missing folder is created (or refused in one line when it cannot be),
an existing file is kept unless `--force`, an event, registry or initiatives file of
the library is never replaced, and every failure is one line with its path.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.library import Library

__all__ = [
    "STDOUT",
    "check_targets",
    "force_option",
    "is_stdout",
    "output_option",
    "refuse_stdout",
    "write_files",
    "write_output",
]

#: The `-o` value that means standard output.
STDOUT = "-"
# Files of a library folder that only the planner's own commands write.
_LIBRARY_SUFFIXES = frozenset({".yaml", ".yml"})


def output_option(help: str, *, metavar: str = "FILE"
                  ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The `-o/--output` option of an export: a path, or `-` for standard output.

    The path is checked by `write_files`, not by click, so that every refusal is one
    line with exit status 1.
    """
    return click.option("-o", "--output", required=True, help=help, metavar=metavar,
                        type=click.Path(path_type=Path, allow_dash=True))


#: `--force`: replace files that already exist.
force_option = click.option("--force", is_flag=True,
                            help="Replace files that already exist (never a library file).")


def is_stdout(path: Path) -> bool:
    """Whether `-o` asked for standard output (a file named `-` is written as `DIR/-`).

    Examples
    --------
    >>> is_stdout(Path("-")), is_stdout(Path("out/-"))
    (True, False)
    """
    return str(path) == STDOUT


def refuse_stdout(path: Path, why: str) -> None:
    """Refuse `-o -` for an export that is not one text file (`why` says what it is).

    Examples
    --------
    >>> refuse_stdout(Path("-"), "XLSX is not text")
    Traceback (most recent call last):
    planner.errors.PlannerError: -o -: XLSX is not text; give a file name
    """
    if is_stdout(path):
        raise PlannerError(f"-o -: {why}; give a file name")


def _library_refusal(path: Path, library: Library) -> str | None:
    """Why `path` belongs to a library and cannot be written: a YAML file of the library
    in use (an event, the registry, the initiatives) or anything under its `.git`, or
    anything in the shipped library, which nothing writes to."""
    from planner.library import DEFAULT_LIBRARY  # noqa: PLC0415 -- slow import

    target, shipped = path.resolve(), DEFAULT_LIBRARY.resolve()
    if shipped in target.parents:
        return f"is in the shipped library {shipped}, which nothing writes to"
    folder = library.path.resolve()
    if (target.parent == folder and target.suffix.lower() in _LIBRARY_SUFFIXES) or (
            folder / ".git" in target.parents):
        return (f"is a file of the library {folder}; exports never write over event or "
                "registry files")
    return None


def check_targets(paths: Iterable[Path], *, library: Library, force: bool) -> None:
    """Refuse, before anything is written, a target that must not be written.

    Raises
    ------
    PlannerError
        For a file of the library (an event, the registry, the initiatives; even with
        `force`), a folder, or an existing file without `force`.
    """
    for path in paths:
        refusal = _library_refusal(path, library)
        if refusal is not None:
            raise PlannerError(f"{path}: {refusal}: choose another name")
        if path.is_dir():
            raise PlannerError(f"{path}: is a folder; give a file name")
        if path.exists() and not force:
            raise PlannerError(f"{path}: already exists; add --force to replace it")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise PlannerError(f"{folder}: cannot create the folder: a file is in the way") from None
    except OSError as err:
        raise PlannerError(f"{folder}: cannot create the folder ({err.strerror or err})") from None


def _write(path: Path, data: bytes) -> None:
    # Through a file beside it, then renamed: a failed write leaves no half file and
    # the old file, if any, intact.
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with part.open("xb") as out:
            out.write(data)
        os.replace(part, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            part.unlink()
        raise PlannerError(f"{path}: cannot write the file ({err.strerror or err})") from None


def write_files(files: Mapping[Path, bytes], *, library: Library, force: bool) -> list[Path]:
    """Write files, creating their folders; every target is checked before any is written.

    Returns
    -------
    list of Path
        The paths written, in the order given.

    Raises
    ------
    PlannerError
        One line, with the path: see `check_targets`, and a folder that cannot be
        created or a file that cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from planner.library import Library
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_files({folder / "new" / "a.txt": b"hi"}, library=Library.open(), force=False)[0].name
    'a.txt'
    >>> write_files({folder / "new" / "a.txt": b"hi"}, library=Library.open(),
    ...             force=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    planner.errors.PlannerError: ...a.txt: already exists; add --force to replace it
    """
    check_targets(files, library=library, force=force)
    for folder in dict.fromkeys(path.parent for path in files):
        _make_folder(folder)
    for path, data in files.items():
        _write(path, data)
    return list(files)


def write_output(path: Path, data: bytes, *, library: Library, force: bool) -> Path | None:
    """Write one text export to `path`, or to standard output when `path` is `-`.

    Returns
    -------
    Path or None
        The file written; None for standard output, where nothing else is printed.
    """
    if is_stdout(path):
        click.echo(data, nl=False)  # bytes go to the binary stream, as they are
        return None
    return write_files({path: data}, library=library, force=force)[0]
