"""Sharing a working library between offices through git: fetch, merge, push.

Edits to different files come together as git brings them; an event both offices edited
is merged as data (`merge3`), part by part. A part both changed differently is never
settled silently: this office's version stays in the event file, the other office's
whole file is kept beside it in `conflicts/`, with the list of parts to choose, and both
are committed and pushed, so every office sees the event in conflict until someone
chooses (`resolve`, the app's History page).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.library import history
from planner.library.access import Actor
from planner.library.changes import MISSING
from planner.library.folder import RESERVED_FILES, Library
from planner.library.merge import Part, apply, merge3
from planner.library.store import dump_event, parse_event
from planner.library.writing import write_atomically
from planner.library.yamlfile import dump_yaml, load_yaml
from planner.model import Event, is_slug

__all__ = ["CONFLICTS", "Conflict", "SyncReport", "conflict_of", "conflicted", "resolve",
           "sync"]

#: The folder of a library where both versions of an event in conflict are kept.
CONFLICTS = "conflicts"


@dataclass(frozen=True)
class Side:
    """One office's version: whose last edit it is, and its commit."""

    author: str
    commit: str


@dataclass
class Conflict:
    """An event both offices changed differently: the parts to choose."""

    event: str
    remote: str
    kept: Side
    other: Side
    parts: list[Part]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as the conflict file and `--json` hold it."""
        return {"event": self.event, "remote": self.remote,
                "kept": vars(self.kept), "other": vars(self.other),
                "parts": [{"section": p.section, "where": p.where, "path": list(p.path),
                           **_value("kept", p.kept), **_value("other", p.other)}
                          for p in self.parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Conflict:
        """The conflict a conflict file holds."""
        return cls(data["event"], data["remote"], Side(**data["kept"]), Side(**data["other"]),
                   [Part(tuple(p["path"]), p["section"], p["where"],
                         p.get("kept", MISSING), p.get("other", MISSING))
                    for p in data["parts"]])


def _value(name: str, value: Any) -> dict[str, Any]:
    return {} if value is MISSING else {name: value}  # a side that removed the part


@dataclass
class SyncReport:
    """What a sync brought: events taken from the other offices, merged, in conflict."""

    remote: str
    taken: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    in_conflict: list[str] = field(default_factory=list)
    kept_apart: list[str] = field(default_factory=list)
    pushed: bool = False

    def lines(self) -> list[str]:
        """The report as the command line prints it."""
        lines = [f"from {self.remote}: {', '.join(self.taken)}"] if self.taken else []
        if not self.taken and not self.merged:
            lines.append(f"nothing new from {self.remote}")
        if self.merged:
            lines.append(f"merged with this library's edits: {', '.join(self.merged)}")
        lines += [f"{name}: both offices changed it; this library's version stays, the "
                  f"other is in {CONFLICTS}/{name}.other" for name in self.kept_apart]
        lines.append(f"sent this library's saves to {self.remote}" if self.pushed else
                     f"{self.remote} has every save of this library")
        return lines


def _conflict_file(folder: Path, event_id: str) -> Path:
    return folder / CONFLICTS / f"{event_id}.yaml"


def _other_file(folder: Path, event_id: str) -> Path:
    return folder / CONFLICTS / f"{event_id}.other.yaml"


def conflict_of(folder: Path, event_id: str) -> Conflict | None:
    """The conflict an event is in, or None."""
    path = _conflict_file(folder, event_id)
    return Conflict.from_dict(load_yaml(path.read_text(encoding="utf-8"))) if path.is_file() \
        else None


def conflicted(folder: Path) -> list[str]:
    """The events of the library in conflict."""
    return sorted(p.stem for p in (folder / CONFLICTS).glob("*.yaml")
                  if is_slug(p.stem) and not p.name.endswith(".other.yaml"))


def _lines(folder: Path, *args: str) -> list[str]:
    return [line for line in history.git(folder, *args).stdout.splitlines() if line]


def _show(folder: Path, commit: str, name: str) -> str | None:
    done = history.git(folder, "show", f"{commit}:{name}", check=False)
    return done.stdout if done.returncode == 0 else None


def _is_event(name: str) -> bool:
    return "/" not in name and name.endswith(".yaml") and name not in RESERVED_FILES \
        and is_slug(name.removesuffix(".yaml"))


def _ancestor(folder: Path, older: str, newer: str) -> bool:
    return history.git(folder, "merge-base", "--is-ancestor", older, newer,
                       check=False).returncode == 0


def sync(folder: Path, remote: str = "origin") -> SyncReport:
    """Fetch `remote`'s saves, merge them with this library's, push the result.

    Raises
    ------
    PlannerError
        When the folder is not a repository, the remote does not answer, or another office
        pushed while this one merged (sync again).
    """
    if not history.is_repository(folder):
        raise PlannerError(f"{folder}: not a git repository, so nothing to share; make a "
                           "library with `planner init DIR`, or clone a shared one with git")
    report = SyncReport(remote)
    branch = history.git(folder, "symbolic-ref", "--short", "HEAD").stdout.strip()
    history.commit(folder, "Edits made outside the planner")  # they travel with the saves
    there = history.git(folder, "ls-remote", "--heads", remote, f"refs/heads/{branch}",
                        timeout=history.NETWORK_TIMEOUT).stdout.strip()
    if there:
        history.git(folder, "fetch", "-q", remote, f"refs/heads/{branch}",
                    timeout=history.NETWORK_TIMEOUT)
        theirs = history.git(folder, "rev-parse", "FETCH_HEAD").stdout.strip()
        ours = history.git(folder, "rev-parse", "HEAD").stdout.strip()
        if _ancestor(folder, ours, theirs):
            report.taken = _changed(folder, ours, theirs)
            history.git(folder, "merge", "-q", "--ff-only", theirs)
        elif not _ancestor(folder, theirs, ours):
            _merge(folder, ours, theirs, report)
    if not there or history.git(folder, "rev-parse", "HEAD").stdout.strip() != theirs:
        history.git(folder, "push", "-q", remote, f"HEAD:refs/heads/{branch}",
                    timeout=history.NETWORK_TIMEOUT)
        report.pushed = True
    report.in_conflict = conflicted(folder)
    return report


def _changed(folder: Path, old: str, new: str) -> list[str]:
    return _lines(folder, "diff", "--name-only", "--no-renames", old, new)


def _merge(folder: Path, ours: str, theirs: str, report: SyncReport) -> None:
    base = history.git(folder, "merge-base", ours, theirs, check=False).stdout.strip()
    if not base:
        raise PlannerError(f"{folder}: this library and {report.remote} share no history; "
                           "start from a clone of the shared library (git clone)")
    mine, yours = set(_changed(folder, base, ours)), _changed(folder, base, theirs)
    # Keep this library's tree, then bring in the other side file by file.
    history.git(folder, "merge", "-q", "--no-ff", "--no-commit", "-s", "ours", theirs)
    for name in yours:
        if name not in mine:
            if _show(folder, theirs, name) is None:
                history.git(folder, "rm", "-q", "--", name)
            else:
                history.git(folder, "checkout", theirs, "--", name)
            report.taken.append(name)
        elif _show(folder, ours, name) != _show(folder, theirs, name):
            _merge_file(folder, name, (base, ours, theirs), report)
    history.git(folder, "add", "-A")
    lines = [f"Synced with {report.remote}", ""]
    lines += [f"- {what}: {', '.join(names)}"
              for what, names in (("taken", report.taken), ("merged", report.merged)) if names]
    conflicts = [n for n in report.merged if (folder / CONFLICTS / n).exists()]
    if conflicts:
        lines.append(f"- in conflict, both versions kept: {', '.join(conflicts)}")
    history.git(folder, "commit", "-q", "--no-verify", "-m", "\n".join(lines),
                env={"GIT_AUTHOR_NAME": (who := history.author_of(folder)).name,
                     "GIT_AUTHOR_EMAIL": who.email, "GIT_COMMITTER_NAME": who.name,
                     "GIT_COMMITTER_EMAIL": who.email})


def _author(folder: Path, commit: str, name: str) -> Side:
    done = history.git(folder, "log", "-1", "--format=%an", commit, "--", name, check=False)
    return Side(done.stdout.strip() or "someone", commit)


def _merge_file(folder: Path, name: str, commits: tuple[str, str, str],
                report: SyncReport) -> None:
    base, ours, theirs = (_show(folder, c, name) for c in commits)
    report.merged.append(name)
    if ours is None or theirs is None:  # removed on one side, edited on the other: keep edits
        kept = ours if theirs is None else theirs
        write_atomically(folder / name, kept or "")
        return
    if not _is_event(name):
        merged_text = _merge_text(folder, base or "", ours, theirs)
        if merged_text is None:  # this library's file stays; the other is kept beside it
            (folder / CONFLICTS).mkdir(exist_ok=True)
            write_atomically(folder / CONFLICTS / f"{name}.other", theirs)
            report.kept_apart.append(name)
        else:
            write_atomically(folder / name, merged_text)
        return
    path = folder / name
    data = [load_yaml(text) if text else {} for text in (base, ours, theirs)]
    revision = max(data[1].get("revision", 1), data[2].get("revision", 1)) + 1
    for version in data:
        version["revision"] = revision
    merged, parts = merge3(*data)
    try:
        event: Event = parse_event(dump_yaml(merged), path, Library(folder).registry)
    except PlannerError:  # each part fits its own version, not the other: the whole record
        event = parse_event(dump_yaml(data[1]), path, Library(folder).registry)
        parts = [Part((), "The whole record", "", data[1], data[2])]
    write_atomically(path, dump_event(event))
    if parts:
        event_id = name.removesuffix(".yaml")
        conflict = Conflict(event_id, report.remote, _author(folder, commits[1], name),
                            _author(folder, commits[2], name), parts)
        (folder / CONFLICTS).mkdir(exist_ok=True)
        write_atomically(_conflict_file(folder, event_id), dump_yaml(conflict.to_dict()))
        write_atomically(_other_file(folder, event_id), theirs)


def _merge_text(folder: Path, base: str, ours: str, theirs: str) -> str | None:
    # Files that are not events (the registry, initiatives) merge as git merges text.
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for label, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            (Path(tmp) / label).write_text(text, encoding="utf-8")
            paths.append(str(Path(tmp) / label))
        done = history.git(folder, "merge-file", "-p", *paths, check=False)
    return done.stdout if done.returncode == 0 else None


def resolve(library: Library, event_id: str, choices: list[str], *,
            actor: Actor | None = None) -> Event:
    """Settle an event's conflict: for each part, in order, "kept" (the version in the
    file) or "other" (the other office's); saved as one new revision, the conflict's
    files removed in the same commit.

    Raises
    ------
    PlannerError
        When the event is not in conflict, a part has no choice, or the chosen parts do
        not make a valid record together (nothing is saved); or (as `AccessDenied`) when
        the `actor` may not save the event.
    """
    if actor is not None:  # before the conflict's files go
        library.access().check(actor, event_id, edit=True)
    conflict = conflict_of(library.path, event_id)
    if conflict is None:
        raise PlannerError(f"'{event_id}' is not in conflict")
    if len(choices) != len(conflict.parts) or set(choices) - {"kept", "other"}:
        raise PlannerError(f"'{event_id}': choose 'kept' or 'other' for each of the "
                           f"{len(conflict.parts)} part(s) in conflict")
    path = library.event_path(event_id)
    current = library.load(event_id)
    data = load_yaml(path.read_text(encoding="utf-8"))
    for part, choice in zip(conflict.parts, choices, strict=True):
        if choice == "other":
            data = apply(data, part.path, part.other)
    data["revision"] = current.revision
    chosen = parse_event(dump_yaml(data), path, library.registry)
    files = [_conflict_file(library.path, event_id), _other_file(library.path, event_id)]
    for file in files:
        file.unlink(missing_ok=True)
    said = "; ".join(f"{p.section}{': ' + p.where if p.where else ''} — "
                     f"{conflict.kept.author if c == 'kept' else conflict.other.author}'s "
                     "version" for p, c in zip(conflict.parts, choices, strict=True))
    message = f"Conflict resolved: {said}"
    names = [f.relative_to(library.path).as_posix() for f in files]
    with history.saving(message=message, also=names):
        saved = library.save(chosen, actor=actor)
    history.commit(library.path, message, names)  # when the record itself kept its version
    return saved
