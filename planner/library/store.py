"""Event files on disk: safe loads with file:line problems, atomic revision-checked saves."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from planner.errors import ConflictError, Problem, ValidationFailed
from planner.library import seen
from planner.library.garbage import collection_paused
from planner.library.history import record as record_history
from planner.library.integrity import check_event
from planner.library.shipped import refuse_shipped
from planner.library.writing import locked, write_atomically
from planner.library.yamlfile import (
    YamlSyntaxError,
    dump_yaml,
    dump_yaml_exact,
    load_yaml,
    locate,
)
from planner.model import Event, Initiative, Organisation, Registry, SessionKind

__all__ = [
    "append_organisations",
    "dump_event",
    "dump_registry",
    "load_event",
    "load_initiatives",
    "load_registry",
    "parse_event",
    "reformat",
    "save_event",
]

_HINTS = {
    "date_type": "dates are YYYY-MM-DD, unquoted",
    "extra_forbidden": "check the spelling of the key; `planner schema` lists the fields",
    "string_type": "put quotes around the value",
    "enum": None,
}
_ORGANISATIONS = TypeAdapter(list[Organisation])
_INITIATIVES = TypeAdapter(list[Initiative])


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ValidationFailed([Problem(str(path), None, None, None,
                                        err.strerror or str(err))]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        # Name the place of the first bad byte: a file saved as Latin-1 by
        # another editor usually has one accented name to fix.
        line = data.count(b"\n", 0, err.start) + 1
        column = len(data[data.rfind(b"\n", 0, err.start) + 1:err.start].decode(
            "utf-8", errors="replace")) + 1
        raise ValidationFailed([Problem(
            str(path), line, column, None,
            f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be read; save the file "
            "as UTF-8")]) from None


def _parse(text: str, path: Path) -> Any:
    try:
        return load_yaml(text)
    except YamlSyntaxError as err:
        raise ValidationFailed([Problem(str(path), err.line, err.column, None,
                                        f"YAML syntax error: {err}")]) from None


def _problems_from(err: ValidationError, text: str, path: Path) -> list[Problem]:
    problems = []
    for item in err.errors(include_url=False):
        loc = _file_path(item["loc"])
        line, column = locate(text, loc)
        field = ".".join(str(p) for p in loc) or None
        problems.append(Problem(str(path), line, column, field, _message(item),
                                _HINTS.get(item["type"])))
    return problems


def _message(item: Any) -> str:
    # pydantic words a validator's own message as "Value error, <message>".
    if item["type"] == "value_error":
        return str(item["ctx"]["error"])
    value = item.get("input")
    if item["type"] in ("missing", "extra_forbidden") or isinstance(value, dict | list):
        return str(item["msg"])
    return f"{item['msg']}, got {value!r}"


_SESSION_TAGS = frozenset(kind.value for kind in SessionKind)


def _file_path(loc: tuple[str | int, ...]) -> list[str | int]:
    # A tagged union adds its tag after the list index (`sessions.0.plenary`);
    # the tag is not a key of the file.
    return [part for i, part in enumerate(loc)
            if not (i and isinstance(loc[i - 1], int) and part in _SESSION_TAGS)]


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def parse_event(text: str, path: Path, registry: Registry | None) -> Event:
    """Validate the text of an event file; raise `ValidationFailed` with every problem."""
    return _validated(_parse(text, path), text, path, registry)


def _validated(data: Any, text: str, path: Path, registry: Registry | None) -> Event:
    # `text` is the file `data` was read from (or written as): problems are located in it.
    if not isinstance(data, dict):
        raise ValidationFailed([Problem(str(path), 1, 1, None,
                                        "an event file is a mapping of fields")])
    try:
        with collection_paused():
            event = Event.model_validate(data, context={"registry": registry})
    except ValidationError as err:
        raise ValidationFailed(_sorted(_problems_from(err, text, path))) from None
    issues = check_event(event)
    if issues:
        raise ValidationFailed(_sorted([
            Problem(str(path), *locate(text, loc), ".".join(map(str, loc)), message)
            for loc, message in issues
        ]))
    return event


def load_event(path: Path, registry: Registry | None = None) -> Event:
    """Load and validate one event file.

    Raises
    ------
    ValidationFailed
        With every problem of the file, each at its line and column, or when
        its `id` is not its file name.
    """
    text = _read(path)
    held = seen.held_event(path, text, registry)
    if held is not None:
        # The very text this process last wrote or read, checked against the same registry:
        # the event it gave, without parsing 300 people's YAML again (another tab's save).
        return held
    event = parse_event(text, path, registry)
    _check_file_name(event, text, path)
    seen.remember(path, text, event, registry)
    return event


def _check_file_name(event: Event, text: str, path: Path) -> None:
    # The library finds an event by its file name and saves it under its id:
    # after `cp a.yaml b.yaml`, editing "b" would write into a.yaml.
    if event.id != path.stem:
        raise ValidationFailed([Problem(
            str(path), *locate(text, ("id",)), "id",
            f"the id '{event.id}' is not the file's name; set `id: {path.stem}` "
            f"or rename the file to {event.id}.yaml")])


def load_registry(path: Path) -> Registry:
    """Load the organisation registry of a library: the entries of its file."""
    return _registry_from(_read(path), path)


def _registry_from(text: str, path: Path) -> Registry:
    data = _parse(text, path)
    try:
        organisations = _ORGANISATIONS.validate_python(data)
    except ValidationError as err:
        raise ValidationFailed(_sorted(_problems_from(err, text, path))) from None
    seen: dict[str, int] = {}
    problems = []
    for index, org in enumerate(organisations):
        if org.id in seen:
            problems.append(Problem(str(path), *locate(text, (index, "id")), "id",
                                    f"'{org.id}' is already the id of entry {seen[org.id] + 1}"))
        seen.setdefault(org.id, index)
    if problems:
        raise ValidationFailed(problems)
    return Registry(organisations)


def _duplicate_ids(ids: list[str], text: str, path: Path) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(Problem(str(path), *locate(text, (index, "id")), "id",
                                    f"'{item_id}' is already the id of entry {seen[item_id] + 1}"))
        seen.setdefault(item_id, index)
    return problems


def load_initiatives(path: Path, registry: Registry | None = None) -> list[Initiative]:
    """Load the cooperation initiatives of a library, every actor checked against the registry.

    A missing file is an empty list: a library need not hold initiatives.

    Raises
    ------
    ValidationFailed
        With every problem of the file, each at its line and column.
    """
    if not path.exists():
        return []
    text = _read(path)
    data = _parse(text, path)
    try:
        initiatives = _INITIATIVES.validate_python(data if data is not None else [],
                                                   context={"registry": registry})
    except ValidationError as err:
        raise ValidationFailed(_sorted(_problems_from(err, text, path))) from None
    problems = _duplicate_ids([i.id for i in initiatives], text, path)
    if problems:
        raise ValidationFailed(problems)
    return initiatives


def _plain(model: BaseModel) -> Any:
    # Defaults are left out so that files hold only what someone wrote,
    # and a new optional field does not rewrite every file of the library.
    return model.model_dump(mode="python", exclude_defaults=True, by_alias=True)


def dump_registry(registry: Registry) -> str:
    """The canonical YAML text of the organisation registry, in id order."""
    return dump_yaml([_plain(org) for org in sorted(registry, key=lambda org: org.id)])


def append_organisations(path: Path, organisations: list[Organisation]) -> None:
    """Add entries at the end of a registry file, leaving every line it has as it is.

    The new text is checked as `load_registry` would check it before it is written.

    Raises
    ------
    ValidationFailed
        When an id is already in the file, or the file would not load; nothing is written.
    """
    if not organisations:
        return
    refuse_shipped(path)
    with locked(path.parent):
        text = _read(path)
        added = dump_yaml([_plain(org) for org in organisations])
        new_text = text + ("" if not text or text.endswith("\n") else "\n") + added
        _registry_from(new_text, path)
        write_atomically(path, new_text)
        record_history(path)


def dump_event(event: Event) -> str:
    """The canonical YAML text of an event: stable key order, block style."""
    return dump_yaml(_event_data(event))


def _event_data(event: Event) -> dict[str, Any]:
    with collection_paused():
        data = _plain(event)
    data["revision"] = event.revision  # always shown, so a reader sees what they edit
    return {name: data[name] for name in Event.model_fields if name in data}


_REVISION_LINE = re.compile(r"^revision: \d+$", re.MULTILINE)


def _revision_on_disk(path: Path, text: str) -> int | None:
    known = seen.revision_of(path, text)
    if known is not None:
        return known
    try:
        data = load_yaml(text)
    except YamlSyntaxError as err:
        # Hand-edited while a page had it open: writing over it would lose that edit.
        raise ConflictError(f"{path}: this event was changed on disk and no longer reads "
                            f"({err}); fix the file, or reload it, then save") from None
    if not isinstance(data, dict):
        # Valid YAML, but a list or a bare word: no longer an event file at all.
        raise ConflictError(f"{path}: this event was changed on disk and no longer reads as "
                            "an event (an event file is a mapping of fields); fix the file, "
                            "or reload it, then save")
    revision = data.get("revision", 1)
    return revision if isinstance(revision, int) else None


def _on_disk(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as err:
        raise ConflictError(f"{path}: this event was changed on disk and no longer reads "
                            f"({err.reason} at byte {err.start}); fix the file, or reload "
                            "it, then save") from None


def save_event(event: Event, path: Path, registry: Registry | None = None, *,
               new: bool = False) -> Event:
    """Save an event over the revision it was loaded at, and return it as saved.

    With `new`, the file must not exist yet: the check and the write happen
    under one lock, so of two creations with one id exactly one succeeds.

    The saved copy carries the next revision. Nothing is written when the
    record has not changed. With a `registry`, the text is validated as a
    load would validate it before it is written: an edit naming an unknown
    organisation never leaves a file that no longer opens.

    Raises
    ------
    ConflictError
        When the file on disk is at another revision than `event.revision`:
        someone else saved in between, and writing would lose their work;
        or, with `new`, when the file already exists.
    ValidationFailed
        When the text would not load; nothing is written.
    """
    refuse_shipped(path)
    with locked(path.parent):
        if new and path.exists():
            raise ConflictError(f"{path} already exists; choose another id")
        disk = _on_disk(path)
        on_disk = None if disk is None else _revision_on_disk(path, disk)
        if disk is not None and on_disk != event.revision:
            raise ConflictError(
                f"{path}: '{event.id}' was saved by someone else since you opened it "
                f"(revision {on_disk}, yours is {event.revision}); reload it and "
                "apply your changes again")
        saved = event.model_copy(update={"revision": event.revision + (disk is not None)})
        data = _event_data(saved)
        text, exact = dump_yaml_exact(data)  # the one dump of the save
        if disk is not None and disk == _REVISION_LINE.sub(f"revision: {event.revision}",
                                                           text, count=1):
            return event  # nothing changed but the revision it would get
        checked = None
        if registry is not None:
            # The one check, on the data the text was written from: the writer and the
            # reader agree on every value (tests/library/test_yamlfile.py), so reading
            # the text back would only take longer.
            checked = _validated(data, text, path, registry)
        write_atomically(path, text)
        # The checked event stands for the file only if the text reads back as its data.
        seen.remember(path, text, checked or saved, registry,
                      checked=exact and checked is not None)
        record_history(path, saved.revision)  # one commit per save, in a working library
        return saved


def reformat(path: Path, registry: Registry | None = None) -> bool:
    """Rewrite an event file, or the registry, in the canonical layout; True if it changed.

    Read, check and write happen under the library's lock, as a save does: a
    save made while the file is being formatted is never overwritten by the
    text read before it.

    Raises
    ------
    ValidationFailed
        When the file does not load; nothing is written.
    """
    with locked(path.parent):
        text = _read(path)
        if registry is None:
            canonical = dump_registry(_registry_from(text, path))
        else:
            event = parse_event(text, path, registry)
            _check_file_name(event, text, path)
            canonical = dump_event(event)
        if canonical == text:
            return False
        write_atomically(path, canonical)
        return True
