"""The history of a library folder that is a git repository: every save one commit, with
who made it, when, what changed in the organiser's words, and the event's revision.

The `git` command does the work (every office has it, and the repository stays one that
any git tool reads). A folder that is not a repository keeps no history and still works.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import getpass
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.library.changes import Change, describe, diff_records, summarise
from planner.library.yamlfile import YamlSyntaxError, load_yaml

__all__ = [
    "Author",
    "Revision",
    "author_of",
    "diff",
    "find_revision",
    "git",
    "has_git",
    "init_repository",
    "is_repository",
    "record",
    "revisions",
    "saving",
    "text_at",
]

#: What a working library's repository leaves out: the lock and a crashed save's leftovers.
IGNORED = ".planner.lock\n.*.planner-tmp\n"
#: Commands that talk to another machine may wait on it, never for ever.
NETWORK_TIMEOUT = 300
_LOCAL_TIMEOUT = 60
_TRAILER = re.compile(r"^Revision: (\d+)$", re.MULTILINE)


@dataclass(frozen=True)
class Author:
    """Who a commit is by: a name and an e-mail address."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @classmethod
    def parse(cls, text: str) -> Author:
        """`Name <e-mail>` as PLANNER_AUTHOR gives it; a bare name gets a local address.

        Examples
        --------
        >>> Author.parse("Amina Njoroge <amina@example.org>")
        Author(name='Amina Njoroge', email='amina@example.org')
        """
        match = re.fullmatch(r"\s*(.*?)\s*<([^<>]*)>\s*", text)
        if match and match[1]:
            return cls(match[1], match[2])
        return cls(text.strip(), f"{getpass.getuser()}@{socket.gethostname()}")


@dataclass(frozen=True)
class Revision:
    """One commit in the history of a file."""

    commit: str
    date: dt.datetime
    author: str
    email: str
    message: str
    details: str
    revision: int | None

    @property
    def short(self) -> str:
        """The commit's abbreviated id, as git prints it."""
        return self.commit[:8]

    def to_dict(self) -> dict[str, object]:
        """The revision as plain data for `--json` and the app."""
        return {"revision": self.revision, "commit": self.commit,
                "date": self.date.isoformat(), "author": self.author, "email": self.email,
                "message": self.message, "details": self.details}


_saving: contextvars.ContextVar[tuple[str | None, Author | None, tuple[str, ...]]] = (
    contextvars.ContextVar("saving", default=(None, None, ())))


@contextlib.contextmanager
def saving(message: str | None = None, author: Author | None = None,
           also: Sequence[str] = ()) -> Iterator[None]:
    """Say, around a save, what its commit is to say, whom it is by (the signed-in user,
    say) and which other files of the library it takes along (`also`, relative paths);
    without it the message is worked out from what changed. Inside another `saving`, what
    this one leaves out is the outer one's (a restore's message, the signed-in author)."""
    outer = _saving.get()
    token = _saving.set((outer[0] if message is None else message, author or outer[1],
                         tuple(also) or outer[2]))
    try:
        yield
    finally:
        _saving.reset(token)


def has_git() -> bool:
    """Whether the `git` command is installed."""
    return shutil.which("git") is not None


def is_repository(folder: Path) -> bool:
    """Whether `folder` is the top of a git repository (a library inside some other
    repository, such as the project's own checkout, is not one: its saves are not
    commits of that repository)."""
    return (folder / ".git").exists() and has_git()


def git(folder: Path, *args: str, timeout: float = _LOCAL_TIMEOUT,
        env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `git` in `folder`; a failure is a one-line `PlannerError` naming the folder."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
                   # A remote asking for a password must fail, not wait for a keyboard.
                   "GIT_SSH_COMMAND": os.environ.get("GIT_SSH_COMMAND", "ssh -o BatchMode=yes"),
                   **(env or {})}
    command = ["git", "-c", "commit.gpgsign=false", "-c", "core.quotepath=false", *args]
    try:
        done = subprocess.run(command, cwd=folder, env=environment, capture_output=True,  # noqa: S603 -- git, with our arguments
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise PlannerError(f"{folder}: git {args[0]} gave no answer in {timeout:.0f} s; "
                           "check the remote and try again") from None
    except FileNotFoundError:
        raise PlannerError(f"{folder}: git is not installed; install it to keep "
                           "the library's history") from None
    if check and done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise PlannerError(f"{folder}: git {args[0]} failed: "
                           f"{lines[-1].strip() if lines else f'exit {done.returncode}'}")
    return done


def author_of(folder: Path) -> Author:
    """Whom a save is by: the one `saving` names, else `$PLANNER_AUTHOR`, else the name and
    e-mail git is configured with, else the account's name on this machine."""
    author = _saving.get()[1]
    if author is not None:
        return author
    if os.environ.get("PLANNER_AUTHOR", "").strip():
        return Author.parse(os.environ["PLANNER_AUTHOR"])
    name = git(folder, "config", "user.name", check=False).stdout.strip()
    email = git(folder, "config", "user.email", check=False).stdout.strip()
    user = getpass.getuser()
    return Author(name or user, email or f"{user}@{socket.gethostname()}")


def _identity(author: Author) -> dict[str, str]:
    # The committer is the author too: a machine without git configured still commits.
    return {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
            "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email}


def commit(folder: Path, message: str, paths: Sequence[str] = (), *,
           author: Author | None = None) -> bool:
    """Commit `paths` (every change when empty) with `message`; False when nothing changed."""
    present = [p for p in paths if (folder / p).exists()]
    if present or not paths:
        git(folder, "add", "-A", "--", *(present or ["."]))
    if gone := [p for p in paths if p not in present]:  # removed files, tracked or not
        git(folder, "rm", "-q", "--cached", "--ignore-unmatch", "--", *gone)
    if git(folder, "diff", "--cached", "--quiet", check=False).returncode == 0:
        return False
    git(folder, "commit", "-q", "--no-verify", "-m", message,
        env=_identity(author or author_of(folder)))
    return True


def init_repository(folder: Path, message: str) -> None:
    """Make `folder` a git repository holding its files, in one first commit."""
    git(folder, "init", "-q", "-b", "main")
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(IGNORED, encoding="utf-8")
    commit(folder, message)


def text_at(folder: Path, path: Path, commit_id: str) -> str | None:
    """The text of `path` at a commit; None when the file was not there."""
    done = git(folder, "show", f"{commit_id}:{path.name}", check=False)
    return done.stdout if done.returncode == 0 else None


def _data(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError:
        return None  # a hand edit that broke the file: everything in it reads as changed


def _message(folder: Path, path: Path, revision: int | None) -> str:
    told = _saving.get()[0]
    after = _data(path.read_text(encoding="utf-8"))
    before = _data(text_at(folder, path, "HEAD"))
    if not isinstance(after, dict):  # the registry, the initiatives: lists of entries
        after, before = {path.stem: after}, {path.stem: before or []}
    lines: list[str] = []
    if told is not None:
        subject = told
    elif before is None:
        start = after.get("previous_event")
        subject = f"New event {path.stem}" + (f", started from {start}" if start else "")
    else:
        changes = diff_records(before, after)
        subject = summarise(changes) if changes else f"{path.name} saved"
        lines = describe(changes)
    body = "\n".join(f"- {line}" for line in lines[:40])
    trailers = f"File: {path.name}" + (f"\nRevision: {revision}" if revision else "")
    return f"{subject}\n\n{body + chr(10) * 2 if len(lines) > 1 else ''}{trailers}\n"


def record(path: Path, revision: int | None = None) -> None:
    """Commit the file a save has just written, with what changed and the revision; nothing
    happens in a folder that is not a repository. Called by the save, inside its lock."""
    folder = path.parent
    if not is_repository(folder):
        return
    try:
        commit(folder, _message(folder, path, revision), [path.name, *_saving.get()[2]])
    except PlannerError as err:
        raise PlannerError(f"{path} is saved, but its history was not recorded: {err}") from None


def revisions(folder: Path, path: Path) -> list[Revision]:
    """The commits that changed `path`, newest first; none outside a repository."""
    if not is_repository(folder):
        return []
    done = git(folder, "log", "--format=%H%x1f%aI%x1f%an%x1f%ae%x1f%s%x1f%b%x1e", "--",
               path.name, check=False)
    found = []
    for entry in done.stdout.split("\x1e"):
        if not entry.strip():
            continue
        sha, date, name, email, subject, body = entry.strip("\n").split("\x1f")
        number = _TRAILER.search(body)
        details = "\n".join(line for line in body.splitlines()
                            if line and not line.startswith(("File: ", "Revision: ")))
        found.append(Revision(sha, dt.datetime.fromisoformat(date), name, email, subject,
                              details, int(number[1]) if number else _revision_in(
                                  text_at(folder, path, sha))))
    return found


def _revision_in(text: str | None) -> int | None:
    # A commit the planner did not word (a sync's merge, a hand commit): the file says.
    found = re.search(r"^revision: (\d+)$", text or "", re.MULTILINE)
    return int(found[1]) if found else None


def find_revision(folder: Path, path: Path, wanted: str) -> Revision:
    """The revision a reader names: the event's revision number (the newest commit with
    it) or a commit id (at least 4 of its first characters)."""
    found = revisions(folder, path)
    if not found:
        raise PlannerError(f"{path}: no history here (the library is not a git repository, "
                           "or the file was never saved in it); `planner init DIR` makes one")
    wanted = wanted.strip()
    if wanted.isdigit():
        match = next((r for r in found if r.revision == int(wanted)), None)
    else:
        matches = [r for r in found if len(wanted) >= 4 and r.commit.startswith(wanted.lower())]
        match = matches[0] if len(matches) == 1 else None
    if match is None:
        known = sorted({r.revision for r in found if r.revision is not None})
        raise PlannerError(f"{path}: no revision '{wanted}' (revisions: "
                           f"{', '.join(map(str, known)) or 'none numbered'}; or a commit id "
                           "that `planner history` shows)")
    return match


def diff(folder: Path, path: Path, old: str, new: str | None = None) -> list[Change]:
    """What changed from revision `old` to revision `new` (the file as it is now without)."""
    before = text_at(folder, path, find_revision(folder, path, old).commit)
    if new is None:
        after: str | None = path.read_text(encoding="utf-8") if path.exists() else None
    else:
        after = text_at(folder, path, find_revision(folder, path, new).commit)
    return diff_records(_data(before), _data(after))
