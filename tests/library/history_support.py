"""Working libraries in git for the tests of history and sync: made with `planner init`,
each office with its own name, and no global git configuration needed or read."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from planner.event.new import clone_event
from planner.library import Library
from planner.library.working import init_library, load_template


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make git read no configuration but the repository's own, as on a fresh machine."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("PLANNER_AUTHOR", raising=False)


def git(folder: Path, *args: str) -> str:
    """Run git in a test repository; its output."""
    return subprocess.run(["git", *args], cwd=folder, check=True,  # noqa: S607 -- git on PATH
                          capture_output=True, text=True).stdout


def as_office(folder: Path, name: str) -> Library:
    """The library at `folder`, its repository saving as `name`."""
    git(folder, "config", "user.name", name)
    git(folder, "config", "user.email", f"{name.split(maxsplit=1)[0].lower()}@example.org")
    return Library(folder)


def plan_nairobi(library: Library) -> None:
    """Add the event being planned, as the `planned` fixture makes it: Nairobi 2027."""
    dar = load_template(library, "dar-es-salaam-2010")
    library.create(clone_event(dar, new_id="nairobi-2027", title="Nairobi 2027",
                               start=dt.date(2027, 9, 6), city="Nairobi", country="kenya",
                               registry=library.registry))


def two_offices(root: Path) -> tuple[Library, Library, Path]:
    """Nairobi's library (with nairobi-2027), pushed to a bare repository, and Geneva's
    clone of it: the two offices of one conference, and their shared remote."""
    bare = root / "shared.git"
    git(root, "init", "-q", "--bare", "-b", "main", str(bare))
    nairobi = as_office(init_library(root / "nairobi").path, "Amina Njoroge")
    plan_nairobi(nairobi)
    git(nairobi.path, "remote", "add", "origin", str(bare))
    git(nairobi.path, "push", "-q", "origin", "main")
    git(root, "clone", "-q", str(bare), str(root / "geneva"))
    return nairobi, as_office(root / "geneva", "Jean Dupont"), bare


def subjects(folder: Path, *paths: str) -> list[str]:
    """The commit subjects of the repository (of `paths`), newest first."""
    return git(folder, "log", "--format=%s", "--", *paths).splitlines()
