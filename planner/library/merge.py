"""Two offices' versions of one event brought together as data, part by part: what one
side changed is taken, what both changed alike is taken once, and a part both changed
differently is a conflict, never settled here.

Lists of items told apart by an id (sessions, working groups, participants, roles…)
merge item by item, so two offices adding a session each, or editing two sessions, meet
without a question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.library.changes import (
    MISSING,
    identity,
    item_name,
    keyed,
    section_label,
    short,
)

__all__ = ["Part", "apply", "merge3"]


@dataclass(frozen=True)
class Part:
    """A part of the record both sides changed differently; `path` finds it in the data
    (keys, and `{field: value}` for an item of a list)."""

    path: tuple[Any, ...]
    section: str
    where: str
    kept: Any
    other: Any

    def __str__(self) -> str:
        def said(value: Any) -> str:
            return "removed" if value is MISSING else short(value)
        where = f"{self.where}: " if self.where else ""
        return (f"{self.section}: {where}{said(self.kept)} here, {said(self.other)} in the "
                "other version")


def merge3(base: Any, ours: Any, theirs: Any) -> tuple[Any, list[Part]]:
    """The merged data and the conflicting parts (where `ours` is kept, for now).

    Examples
    --------
    >>> base = {"venue": "A", "rooms": [{"id": "r1", "name": "Room 1"}]}
    >>> ours = {"venue": "B", "rooms": [{"id": "r1", "name": "Room 1"}]}
    >>> theirs = {"venue": "A", "rooms": [{"id": "r1", "name": "Hall"}, {"id": "r2"}]}
    >>> merge3(base, ours, theirs)
    ({'venue': 'B', 'rooms': [{'id': 'r1', 'name': 'Hall'}, {'id': 'r2'}]}, [])
    >>> merged, parts = merge3(base, ours, {**base, "venue": "C"})
    >>> merged["venue"], str(parts[0])
    ('B', "Venue: 'B' here, 'C' in the other version")
    """
    parts: list[Part] = []
    merged = _merge(base, ours, theirs, path=(), section="", where="", parts=parts)
    return merged, parts


def _merge(base: Any, ours: Any, theirs: Any, *, path: tuple[Any, ...], section: str,
           where: str, parts: list[Part]) -> Any:
    if ours == theirs:
        return ours
    if base == ours:
        return theirs
    if base == theirs:
        return ours
    field = next((step for step in reversed(path) if isinstance(step, str)), "")
    if isinstance(ours, dict) and isinstance(theirs, dict):
        old = base if isinstance(base, dict) else {}
        merged = {}
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            value = _merge(old.get(key, MISSING), ours.get(key, MISSING),
                           theirs.get(key, MISSING), path=(*path, key),
                           section=section or section_label(key),
                           where=f"{where} {key.replace('_', ' ')}".strip() if path else where,
                           parts=parts)
            if value is not MISSING:
                merged[key] = value
        return merged
    fields = keyed(base, ours, theirs) if isinstance(ours, list) and isinstance(
        theirs, list) else None
    if fields is not None:
        return _merge_items(base, ours, theirs, fields, path=path, section=section,
                            where=where, field=field, parts=parts)
    parts.append(Part(path, section or "The whole record", where, ours, theirs))
    return ours


def _merge_items(base: Any, ours: list[Any], theirs: list[Any], fields: tuple[str, ...], *,
                 path: tuple[Any, ...], section: str, where: str, field: str,
                 parts: list[Part]) -> list[Any]:
    where = where.removesuffix(field.replace("_", " ")).strip()
    olds = {identity(i, fields): i for i in base} if isinstance(base, list) else {}
    mine = {identity(i, fields): i for i in ours}
    yours = {identity(i, fields): i for i in theirs}
    order = list(mine)
    for index, key in enumerate(yours):  # their new items follow the item they follow
        if key not in mine:
            before = list(yours)[index - 1] if index else None
            order.insert(order.index(before) + 1 if before in order else len(order), key)
    merged = []
    for key in order:
        item: dict[str, Any] = mine[key] if key in mine else yours[key]
        step = {name: item[name] for name in fields if name in item}
        value = _merge(olds.get(key, MISSING), mine.get(key, MISSING),
                       yours.get(key, MISSING), path=(*path, step), section=section,
                       where=f"{where} {item_name(item, field)}".strip(), parts=parts)
        if value is not MISSING:
            merged.append(value)
    return merged


def _matches(item: Any, step: dict[str, Any]) -> bool:
    return isinstance(item, dict) and all(item.get(k) == v for k, v in step.items())


def apply(data: Any, path: tuple[Any, ...] | list[Any], value: Any) -> Any:
    """`data` with the part at `path` set to `value` (taken away for `MISSING`).

    Examples
    --------
    >>> apply({"rooms": [{"id": "r1", "name": "A"}]}, ["rooms", {"id": "r1"}, "name"], "B")
    {'rooms': [{'id': 'r1', 'name': 'B'}]}
    """
    if not path:
        return value
    step, rest = path[0], tuple(path[1:])
    if isinstance(step, dict):
        items = list(data) if isinstance(data, list) else []
        at = next((i for i, item in enumerate(items) if _matches(item, step)), None)
        if at is None:
            if value is not MISSING and not rest:
                items.append(value)
            return items
        changed = apply(items[at], rest, value)
        return [*items[:at], *([] if changed is MISSING else [changed]), *items[at + 1:]]
    mapping = dict(data) if isinstance(data, dict) else {}
    changed = apply(mapping.get(step, MISSING), rest, value)
    if changed is MISSING:
        mapping.pop(step, None)
    else:
        mapping[step] = changed
    return mapping
