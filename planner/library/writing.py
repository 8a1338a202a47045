"""Writing a library file: atomically (a crash leaves the old file or the new, never half),
under the folder's lock, keeping the file's mode and owner, and cleaning what a killed save
left behind."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["TEMPORARY_SUFFIX", "clean_leftovers", "locked", "write_atomically"]


#: How the temporary file of a save ends; a crash can leave one, the next load removes it.
TEMPORARY_SUFFIX = ".planner-tmp"


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    # One lock per library folder serialises the read-compare-write of saves.
    with open(folder / ".planner.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash leaves the old file or the new, never half.

    The new file keeps the old one's permissions and owner (colleagues sharing
    the library folder keep their access); a new file gets the usual ones.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                               suffix=TEMPORARY_SUFFIX)
    try:
        _give_mode(fd, path)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _give_mode(fd: int, path: Path) -> None:
    # mkstemp makes files private (0600); a save must not change who may read the file.
    try:
        old = path.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(PermissionError):  # only root may give a file away
        os.fchown(fd, old.st_uid, old.st_gid)


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that a save killed mid-way left in `folder`.

    Taken under the folder's lock, so a save in progress keeps its file.
    """
    if not folder.is_dir():
        return []
    with locked(folder):
        leftovers = sorted(folder.glob(f".*{TEMPORARY_SUFFIX}"))
        for leftover in leftovers:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return leftovers
